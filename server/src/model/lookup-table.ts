// Tables keyed by words of the file (tags, image names, package names, architectures) must not
// answer `constructor`, `toString` or `__proto__` with Object.prototype's members: a tag
// `node:constructor` made a rule call `.toFixed` on a function and lose every finding of the file.

/** A frozen table without a prototype: only its own entries answer a lookup. */
export function lookupTable<V>(entries: Record<string, V>): Readonly<Record<string, V>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, V>, entries));
}

/**
 * A table read from JSON, answering only its own entries from now on: its prototype is dropped in
 * place, not copied (the apt and image tables hold thousands of entries).
 */
export function asLookupTable<V>(table: Record<string, V>): Readonly<Record<string, V>> {
  return Object.setPrototypeOf(table, null) as Record<string, V>;
}

/** No project files: what a lookup of the context's files falls back to when the host read none. */
export const NO_FILES: Readonly<Record<string, string>> = lookupTable({});
