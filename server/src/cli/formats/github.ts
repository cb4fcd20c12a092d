// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions

import type { CliFinding } from "../output";

/** Data and property values have their own escaping (`%`, CR, LF; plus `:` and `,` in properties). */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function formatGithub(findings: readonly CliFinding[]): string {
  return findings
    .map((f) => {
      const command = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "notice";
      const code = f.source === "stagecraft" ? f.code : `${f.source} ${f.code}`;
      const props = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${escapeProperty(code)}`,
      ];
      return `::${command} ${props.join(",")}::${escapeData(f.message)}\n`;
    })
    .join("");
}
