// `WWW-Authenticate` challenges (RFC 9110 §11.6.1) as registries send them:
// `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"`,
// or `Basic realm="Registry Realm"`. Several challenges may share one header.

export interface AuthChallenge {
  /** Lower case: `bearer`, `basic`. */
  scheme: string;
  /** Parameter names in lower case; values unquoted. */
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/** Parses every challenge in the header; malformed tails are dropped, never thrown on. */
export function parseWwwAuthenticate(header: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let rest = header;
  let current: AuthChallenge | null = null;
  const skip = (pattern: RegExp) => {
    rest = rest.replace(pattern, "");
  };
  skip(/^[\s,]+/);
  while (rest.length > 0) {
    const token = TOKEN.exec(rest)?.[0];
    if (!token) break;
    rest = rest.slice(token.length);
    skip(/^[ \t]*/);
    if (rest.startsWith("=") && current && !/^=+\s*(?:,|$)/.test(rest)) {
      // `name=value` or `name="quoted value"`: a parameter of the current challenge.
      skip(/^=[ \t]*/);
      let value: string;
      if (rest.startsWith('"')) {
        const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
        if (!quoted) break;
        value = quoted[1].replace(/\\(.)/g, "$1");
        rest = rest.slice(quoted[0].length);
      } else {
        // Lenient like Docker's parser: registries send unquoted URLs, which are not RFC tokens.
        value = /^[^\s,]*/.exec(rest)?.[0] ?? "";
        rest = rest.slice(value.length);
      }
      current.params[token.toLowerCase()] = value;
    } else if (rest.startsWith("=")) {
      // token68 (`Negotiate abc==`): carries no parameters we use.
      skip(/^=+/);
    } else {
      current = { scheme: token.toLowerCase(), params: {} };
      challenges.push(current);
    }
    skip(/^[\s,]+/);
  }
  return challenges;
}
