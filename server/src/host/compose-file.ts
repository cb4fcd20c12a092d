// Reading a compose file's services, for the host modules that look at them (named contexts,
// targets, the build context, source mounts): one YAML parse shape and one plain-object test.

import type * as Yaml from "yaml";

/** The values of `services` in a compose file; null when it does not parse or has no services. */
export function composeServices(text: string): unknown[] | null {
  // Loaded with the first compose file, not with the language server (a bundle of its own there).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load, see above
  const { parse: parseYaml } = require("yaml") as typeof Yaml;
  let document: unknown;
  try {
    // Unknown tags (compose's `!reset`, `!override`) read as plain values, without a warning on stderr.
    document = parseYaml(text, { maxAliasCount: 100, logLevel: "error" });
  } catch {
    // A compose file being edited is often invalid for a moment; it says nothing meanwhile.
    return null;
  }
  const services = field(document, "services");
  return isRecord(services) ? Object.values(services) : null;
}

/** `value[key]` when value is a plain object. */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
