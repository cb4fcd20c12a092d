// Dotted version numbers as lists of numbers (`3.12.1` is [3, 12, 1]): image tags and the language
// versions manifests pin are compared the same way.

/** Negative, zero or positive as `a` is below, equal to or above `b`; missing parts count as 0 (`3.12` = `3.12.0`). */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
