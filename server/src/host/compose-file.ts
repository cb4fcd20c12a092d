// Reading a compose file's services, for the host modules that look at them (named contexts,
// targets, the build context, source mounts): one YAML parse shape and one plain-object test.

import type * as Yaml from "yaml";

/** The values of `services` in a compose file; null when it does not parse or has no services. */
export function composeServices(text: string): unknown[] | null {
  const services = composeServiceMap(text);
  return services === null ? null : Object.values(services);
}

/** `services` of a compose file by name; null when it does not parse or has no services. */
export function composeServiceMap(text: string): Record<string, unknown> | null {
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
  return isRecord(services) ? services : null;
}

/** How many `extends` a service may chain through; compose itself rejects only cycles. */
const MAX_EXTENDS = 4;

/**
 * The compose file `services` that `extends` another service take that service's settings under
 * their own, as compose merges them (cabot's `web` and `test` extend `base` of
 * docker-compose-base.yml, which holds the `build: .` and the source mount; held-out CO): a key the
 * service sets wins, sequences (`volumes`, `ports`) add up. `otherFile(name)` gives the services of
 * another file `extends.file` names, in the same folder (a base in another folder would resolve its
 * relative paths from there, which its settings do not say; it is left out); null when unknown.
 */
export function withExtendsResolved(services: Record<string, unknown>, otherFile: (file: string) => Record<string, unknown> | null): Record<string, unknown> {
  const resolve = (name: string, within: Record<string, unknown>, depth: number): unknown => {
    const service = within[name];
    if (!isRecord(service) || service.extends === undefined) return service;
    const { extends: parent, ...own } = service;
    const baseName = typeof parent === "string" ? parent : isRecord(parent) && typeof parent.service === "string" ? parent.service : null;
    const file = isRecord(parent) && typeof parent.file === "string" ? parent.file : null;
    const source = file === null ? within : /[\\/]/.test(file) ? null : otherFile(file);
    if (baseName === null || source === null || depth >= MAX_EXTENDS) return own;
    const base = resolve(baseName, source, depth + 1);
    if (!isRecord(base)) return own;
    const merged: Record<string, unknown> = { ...base, ...own };
    for (const key of MERGED_SEQUENCES) {
      if (Array.isArray(base[key]) && Array.isArray(own[key])) merged[key] = [...(base[key] as unknown[]), ...(own[key] as unknown[])];
    }
    return merged;
  };
  return Object.fromEntries(Object.keys(services).map((name) => [name, resolve(name, services, 0)]));
}

/** Sequences compose merges, rather than replaces, when a service extends another. */
const MERGED_SEQUENCES = ["volumes", "ports", "expose", "env_file", "secrets", "configs", "depends_on"];

/** The `extends.file` names of `services` (another compose file, usually beside it). */
export function extendedFiles(services: Record<string, unknown>): string[] {
  const files = new Set<string>();
  for (const service of Object.values(services)) {
    const parent = isRecord(service) ? service.extends : undefined;
    if (isRecord(parent) && typeof parent.file === "string") files.add(parent.file);
  }
  return [...files];
}

/** `value[key]` when value is a plain object. */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
