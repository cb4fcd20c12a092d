// Deep equality of plain data (records, arrays, strings, numbers, booleans, null), where an
// undefined key counts as absent: how the server tells that re-read build-context facts or fetched
// settings are the ones it already holds, so that work done under the old object still counts.

export function isSamePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Map || b instanceof Map) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => isSamePlainData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
