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
  const sign = bytes < 0 ? "-" : "";
  const abs = Math.abs(bytes);
  for (const [factor, unit] of UNITS) {
    if (abs >= factor) return `${sign}${round(abs / factor)} ${unit}`;
  }
  return `${sign}${Math.round(abs)} B`;
}

function round(value: number): string {
  if (value >= 10) return String(Math.round(value));
  const r = Math.round(value * 10) / 10;
  return r >= 10 ? "10" : String(r);
}

/**
 * A size lookup as prose (amd64): `312 MB compressed` for a fact, `about 312 MB compressed,
 * estimated from 'golang:1.26'` for an estimate.
 */
export function describeSize(size: { kind: "fact" | "estimate"; amd64: number; basis?: string }): string {
  return size.kind === "fact" ? `${formatSize(size.amd64)} compressed` : `about ${formatSize(size.amd64)} compressed, estimated from '${size.basis}'`;
}
