// The ports of EXPOSE as BuildKit reads them (convert_expose.go: splitParts, splitProtoPort):
// `[ip:][host:]container[/proto]`.

import type { Instruction, Token } from "./types";

export interface ExposedPort {
  token: Token;
  ip: string;
  host: string;
  /** The container port or range, `8000-8010`. */
  container: string;
  /** As written; "" when none. */
  proto: string;
}

export function splitPort(token: Token): ExposedPort {
  const raw = token.value;
  const parts = raw.split(":");
  let ip = "";
  let host = "";
  let container = raw;
  if (parts.length === 2) [host, container] = parts;
  else if (parts.length >= 3) {
    ip = parts.slice(0, -2).join(":");
    host = parts[parts.length - 2];
    container = parts[parts.length - 1];
  }
  const slash = container.indexOf("/");
  const proto = slash < 0 ? "" : container.slice(slash + 1);
  return { token, ip, host, container: slash < 0 ? container : container.slice(0, slash), proto };
}

/** The literal ports of an EXPOSE; words with variables are left out (the build expands them). */
export function exposedPorts(instruction: Instruction): ExposedPort[] {
  if (instruction.keyword !== "EXPOSE") return [];
  return instruction.args.filter((t) => !t.value.includes("$")).map(splitPort);
}
