// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) for code-scanning uploads: one run,
// the rules that fired as `tool.driver.rules` with help links, results with 1-based regions and
// the safe fixes as `fixes` with replacements.

import type { Range } from "../../model/text";
import type { CliFinding } from "../output";
import type { RuleInfo } from "./rule-info";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

type SarifLevel = "error" | "warning" | "note";

function level(severity: CliFinding["severity"]): SarifLevel {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "note";
}

/** Relative paths as URIs with forward slashes (SARIF wants URI references). */
function artifactUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join("/");
}

function ruleKey(f: CliFinding): string {
  return f.source === "stagecraft" ? f.code : `${f.source}/${f.code}`;
}

/** A 1-based region; an empty range (an insertion point) gives an empty region, as SARIF defines it. */
function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A fix as one artifact change: each edit replaces its region with its text. */
function sarifFix(file: string, fix: NonNullable<CliFinding["fixes"]>[number]) {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: { uri: artifactUri(file) },
        replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
      },
    ],
  };
}

export function formatSarif(findings: readonly CliFinding[], rules: ReadonlyMap<string, RuleInfo>, version: string): string {
  const ruleIds = [...new Set(findings.map(ruleKey))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const driverRules = ruleIds.map((id) => {
    const info = rules.get(id);
    return {
      id,
      ...(info ? { shortDescription: { text: info.description } } : {}),
      ...(info?.helpUri ? { helpUri: info.helpUri } : {}),
      ...(info ? { defaultConfiguration: { level: level(info.severity) } } : {}),
    };
  });
  const results = findings.map((f) => ({
    ruleId: ruleKey(f),
    ruleIndex: index.get(ruleKey(f))!,
    level: level(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.file) }, region: region(f.range) } }],
    ...(f.fixes && f.fixes.length > 0 ? { fixes: f.fixes.map((fix) => sarifFix(f.file, fix)) } : {}),
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "stagecraft",
            informationUri: "https://github.com/stagecraft-dev/stagecraft",
            semanticVersion: version,
            version,
            rules: driverRules,
          },
        },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
