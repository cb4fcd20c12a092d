// Checkstyle XML, the format Jenkins' warnings plugin and many CI dashboards read.

import type { CliFinding } from "../output";

// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function escapeXml(text: string): string {
  // XML 1.0 cannot carry most control characters at all, even escaped: show them as \xNN.
  return text
    .replace(XML_FORBIDDEN, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function formatCheckstyle(findings: readonly CliFinding[], files: readonly string[]): string {
  const byFile = new Map<string, CliFinding[]>(files.map((f) => [f, []]));
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [file, inFile] of byFile) {
    lines.push(`  <file name="${escapeXml(file)}">`);
    for (const f of inFile) {
      const severity = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "info";
      const source = f.source === "stagecraft" ? `stagecraft.${f.code}` : `${f.source}.${f.code}`;
      lines.push(
        `    <error line="${f.range.start.line + 1}" column="${f.range.start.character + 1}" severity="${severity}" message="${escapeXml(f.message)}" source="${escapeXml(source)}"/>`,
      );
    }
    lines.push("  </file>");
  }
  lines.push("</checkstyle>");
  return `${lines.join("\n")}\n`;
}
