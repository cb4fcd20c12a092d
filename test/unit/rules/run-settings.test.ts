import * as assert from "assert";
import { runRules } from "../../../server/src/lint/run";
import { normalizeSettings } from "../../../server/src/lsp/settings";
import { parseDockerfile } from "../../../server/src/model/parse";
import { rule as baseImageDeprecated } from "../../../server/src/rules/base-image-deprecated";
import { rule as stageUnused } from "../../../server/src/rules/stage-unused";

// Findings of different per-report severities: one end-of-life image in two stages is one
// warning and one hint.
const TEXT = "FROM node:20-alpine AS build\nRUN npm ci\nFROM node:20-alpine\n";

function severities(settings: Record<string, string>, text = TEXT, rule = baseImageDeprecated): string[] {
  const rules = normalizeSettings({ rules: settings }).rules;
  return runRules(parseDockerfile(text), { rules: [rule], settings: rules }).map((f) => f.severity);
}

describe("rule settings", () => {
  it("keeps per-finding severities when the rule is left at 'default' or unset", () => {
    assert.deepStrictEqual(severities({}), ["warning", "hint"]);
    assert.deepStrictEqual(severities({ "base-image-deprecated": "default" }), ["warning", "hint"]);
  });

  it("applies a written severity even when it equals the rule's default", () => {
    assert.deepStrictEqual(severities({ "base-image-deprecated": "warning" }), ["warning", "warning"]);
    assert.deepStrictEqual(severities({ "base-image-deprecated": "off" }), []);
    // stage-unused's default is hint, a dead stage is raised to info: `hint` brings it back down.
    const dead = "FROM a:1 AS old\nRUN make\nFROM b:1\n";
    assert.deepStrictEqual(severities({}, dead, stageUnused), ["info"]);
    assert.deepStrictEqual(severities({ "stage-unused": "hint" }, dead, stageUnused), ["hint"]);
  });
});
