// Writes the generated parts of package.json's `contributes.configuration` from the code, so the
// settings can never drift from the rules: one `stagecraft.rules.<id>` setting per rule (default =
// `default`, the rule's own severity; description = its meta description) and one `stagecraft.syntax.<key>` per
// dockerfile-utils check. The sections with ids `stagecraft.rules` and `stagecraft.syntax` are
// owned by this script; everything else in package.json is edited by hand.
// `--check` exits 1 (and writes nothing) when package.json is stale.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
// The rules are TypeScript: compile them on the fly, as the tests do.
require("esbuild-register/dist/node").register({ target: "node20" });
const { allRules } = require(join(root, "server/src/rules/index.ts"));
const { docsUrl } = require(join(root, "server/src/lint/docs-url.ts"));
const { SYNTAX_SETTING_KEYS } = require(join(root, "server/src/lsp/protocol.ts"));

/** What each dockerfile-utils check flags (ValidatorSettings in dockerfile-utils' main.d.ts). */
const SYNTAX_DESCRIPTIONS = {
  deprecatedMaintainer: "Flag the deprecated MAINTAINER instruction (use a LABEL instead).",
  directiveCasing: "Flag parser directives that are not written in lower case.",
  emptyContinuationLine: "Flag empty lines inside an instruction continued over several lines.",
  instructionCasing: "Flag instructions that are not written in upper case.",
  instructionCmdMultiple: "Flag a stage with more than one CMD (only the last one takes effect).",
  instructionEntrypointMultiple: "Flag a stage with more than one ENTRYPOINT (only the last one takes effect).",
  instructionHealthcheckMultiple: "Flag a stage with more than one HEALTHCHECK (only the last one takes effect).",
  instructionJSONInSingleQuotes: "Flag JSON arrays written with single quotes (they run as a shell string).",
  instructionWorkdirRelative: "Flag WORKDIR instructions with a relative path.",
};
/** dockerfile-utils' own default for every check. */
const SYNTAX_DEFAULT = "warning";

const RULE_SEVERITIES = ["off", "hint", "info", "warning", "error"];

function ruleSection() {
  const properties = {};
  for (const { meta } of [...allRules].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    // `default` rather than the rule's severity as the default value: VS Code sends defaults like
    // any other value, and a rule's default may vary per finding (stage-unused reports dead stages
    // as info, unbuilt targets as hints), which an explicit `info` must flatten and `default` not.
    properties[`stagecraft.rules.${meta.id}`] = {
      type: "string",
      enum: ["default", ...RULE_SEVERITIES],
      enumDescriptions: [
        meta.optIn ? "Off: the rule is opt-in (see the documentation)." : `The rule's own severity (${meta.severity}; see the documentation).`,
        ...RULE_SEVERITIES.map((s) => (s === "off" ? "Never report." : `Report every finding as ${s}.`)),
      ],
      default: "default",
      scope: "resource",
      description: meta.description,
      markdownDescription: `${meta.description} ${meta.optIn ? "Off by default; give it a severity to turn it on" : `Default severity: ${meta.severity}`}. [Documentation](${docsUrl(meta.id)})`,
    };
  }
  return { id: "stagecraft.rules", title: "Rules", properties };
}

function syntaxSection() {
  const properties = {};
  for (const key of SYNTAX_SETTING_KEYS) {
    const description = SYNTAX_DESCRIPTIONS[key];
    if (!description) throw new Error(`generate-manifest: no description for syntax setting '${key}'`);
    // The rules' words; the `ignore` older settings hold is still read as `off` (lint/severity.ts).
    properties[`stagecraft.syntax.${key}`] = {
      type: "string",
      enum: RULE_SEVERITIES,
      enumDescriptions: RULE_SEVERITIES.map((s) => (s === "off" ? "Never report (formerly 'ignore')." : `Report as ${s}.`)),
      default: SYNTAX_DEFAULT,
      scope: "resource",
      description,
    };
  }
  return { id: "stagecraft.syntax", title: "Syntax checks", properties };
}

const manifestPath = join(root, "package.json");
const current = readFileSync(manifestPath, "utf8");
const manifest = JSON.parse(current);
const generated = [ruleSection(), syntaxSection()];
const generatedIds = new Set(generated.map((s) => s.id));
const sections = Array.isArray(manifest.contributes?.configuration) ? manifest.contributes.configuration : [];
manifest.contributes = { ...manifest.contributes, configuration: [...sections.filter((s) => !generatedIds.has(s.id)), ...generated] };
const text = `${JSON.stringify(manifest, null, 2)}\n`;

if (process.argv.includes("--check")) {
  if (text !== current) {
    console.error("package.json settings are stale: run npm run generate");
    process.exit(1);
  }
} else if (text !== current) {
  writeFileSync(manifestPath, text);
  console.log(`package.json: ${Object.keys(generated[0].properties).length} rule settings, ${Object.keys(generated[1].properties).length} syntax settings`);
}
