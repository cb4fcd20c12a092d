// The one way sizes are written to users. Decimal units as `docker images` and Docker Hub print
// them (1 MB = 1,000,000 bytes, not MiB), so our figures read like the ones users compare with.

const UNITS: readonly [number, string][] = [
  [1e9, "GB"],
  [1e6, "MB"],
  [1e3, "kB"],
];

/**
 * Formats a byte count: `812 MB`, `1.4 GB`, `3.8 MB`, `512 B`: whole numbers from 10 up, one
 * decimal below that.
 */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes)) return "unknown size";
  const { sign, figure, unit } = shown(bytes);
  return `${sign}${figure} ${unit}`;
}

/** The bytes `formatSize` shows for `bytes`: 408,949,206 reads `409 MB`, so 409,000,000. */
export function shownBytes(bytes: number): number {
  if (!Number.isFinite(bytes)) return bytes;
  const { sign, figure, factor } = shown(bytes);
  return (sign === "-" ? -1 : 1) * figure * factor;
}

/**
 * The saving from `from` to `to` bytes as the figures shown add up: `408 MB` to `80 MB` saves
 * `328 MB`, even when the exact bytes differ by 328.6 MB (which alone would read `329 MB`).
 */
export function formatSaving(from: number, to: number): string {
  return formatSize(shownBytes(from) - shownBytes(to));
}

function shown(bytes: number): { sign: string; figure: number; unit: string; factor: number } {
  const sign = bytes < 0 ? "-" : "";
  const abs = Math.abs(bytes);
  for (const [factor, unit] of UNITS) {
    if (abs >= factor) return { sign, figure: round(abs / factor), unit, factor };
  }
  return { sign, figure: Math.round(abs), unit: "B", factor: 1 };
}

/** Whole numbers from 10 up, one decimal below that. */
function round(value: number): number {
  if (value >= 10) return Math.round(value);
  const r = Math.round(value * 10) / 10;
  return r >= 10 ? 10 : r;
}

/**
 * A size lookup as prose (amd64): `312 MB compressed` for a fact, `about 312 MB compressed,
 * estimated from 'golang:1.26'` for an estimate.
 */
export function describeSize(size: { kind: "fact" | "estimate"; amd64: number; basis?: string }): string {
  return size.kind === "fact" ? `${formatSize(size.amd64)} compressed` : `about ${formatSize(size.amd64)} compressed, estimated from '${size.basis}'`;
}
