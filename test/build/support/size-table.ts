// The table the suite prints at the end: what each image weighs before and after conversion.

export interface SizeRow {
  app: string;
  runtime: string;
  originalBase: string;
  convertedBase: string;
  originalBytes: number;
  convertedBytes: number;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1000 * 1000) return `${(bytes / 1000 / 1000).toFixed(1)} MB`;
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function ratio(row: SizeRow): number {
  return row.originalBytes / row.convertedBytes;
}

export function formatSizeTable(rows: readonly SizeRow[]): string {
  const header = ["app", "--runtime", "original (base)", "converted (final base)", "original", "converted", "ratio"];
  const body = rows.map((row) => [
    row.app,
    row.runtime,
    row.originalBase,
    row.convertedBase,
    formatBytes(row.originalBytes),
    formatBytes(row.convertedBytes),
    `${ratio(row).toFixed(1)}×`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  // Text columns left-aligned, numbers right-aligned.
  const line = (cells: string[]) => cells.map((cell, column) => (column >= 4 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}
