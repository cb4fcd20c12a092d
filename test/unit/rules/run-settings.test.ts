import * as assert from "assert";
import { normalizeSettings } from "../../../server/src/lsp/settings";
import { parseDockerfile } from "../../../server/src/model/parse";
import { runRules } from "../../../server/src/rules/run";
import { rule as stageUnused } from "../../../server/src/rules/stage-unused";

// Two findings of different per-report severities: a dead stage (info) and an unbuilt target (hint).
const TEXT = "FROM a:1 AS old\nRUN make\nFROM a:1 AS debug\nFROM b:1\n";

function severities(settings: Record<string, string>): string[] {
  const rules = normalizeSettings({ rules: settings }).rules;
  return runRules(parseDockerfile(TEXT), { rules: [stageUnused], settings: rules }).map((f) => f.severity);
}

describe("rule settings", () => {
  it("keeps per-finding severities when the rule is left at 'default' or unset", () => {
    assert.deepStrictEqual(severities({}), ["info", "hint"]);
    assert.deepStrictEqual(severities({ "stage-unused": "default" }), ["info", "hint"]);
  });

  it("applies a written severity even when it equals the rule's default", () => {
    assert.deepStrictEqual(severities({ "stage-unused": "hint" }), ["hint", "hint"]);
    assert.deepStrictEqual(severities({ "stage-unused": "info" }), ["info", "info"]);
    assert.deepStrictEqual(severities({ "stage-unused": "off" }), []);
  });
});
