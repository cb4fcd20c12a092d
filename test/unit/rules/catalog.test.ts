// The rule catalog as a contract: every public id of DESIGN.md §2 is a rule with the family and
// severity DESIGN gives it, and every rule file has its docs page, its tests and fixtures, and a
// test for every message it declares. The list of rules is the rule files (server/src/rules/index.ts
// is generated from them; `npm run check` fails when it is stale), never a list kept here.

import * as assert from "assert";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { allRules } from "../../../server/src/rules/index";
import { docsUrl } from "../../../server/src/lint/docs-url";
import { supersededChecks } from "../../../server/src/lint/syntax";
import type { RuleFamily, Severity } from "../../../server/src/rules/types";

const REPO = join(__dirname, "..", "..", "..");
const DESIGN = join(REPO, "..", "shared", "DESIGN.md");

/** DESIGN.md §2's tables by their heading, and the family each stands for. */
const DESIGN_FAMILIES: Record<string, RuleFamily> = {
  Stages: "stages",
  References: "references",
  "Layer order and cache": "layers",
  "Base images": "base-images",
};

/**
 * The public ids DESIGN.md §2 fixes, with family and default severity read from its tables (the
 * contract the rules' meta must honour). Rules added later by other issues are held to their own
 * meta: the catalog is the rule files, not a list kept here.
 */
function designCatalog(design: string): Map<string, [RuleFamily, Severity]> {
  const section = design.slice(design.indexOf("## 2."), design.indexOf("## 3."));
  const out = new Map<string, [RuleFamily, Severity]>();
  let family: RuleFamily | undefined;
  for (const line of section.split("\n")) {
    const heading = line.trim().replace(/ \(.*$/, "");
    if (heading in DESIGN_FAMILIES) family = DESIGN_FAMILIES[heading];
    const row = /^\| ([a-z][a-z0-9-]+) \| ([a-z]+)/.exec(line);
    if (row && row[1] !== "id" && family) out.set(row[1], [family, row[2] as Severity]);
  }
  return out;
}

/**
 * Where a rule's default departs from DESIGN.md §2 on purpose, and why; the lead folds these into
 * DESIGN.md and empties the list.
 */
const DESIGN_DEVIATIONS: Record<string, { severity: Severity; why: string }> = {
  "stage-name-reserved": {
    severity: "warning",
    why: "BuildKit's ReservedStageName is a build-check warning and the build goes on (dockerfile_check_test.go, testReservedStageName); issue #11",
  },
};

const DOC_SECTIONS = ["What", "Why", "Fires", "Silent", "Fix", "Equivalents"];

describe("rule catalog", () => {
  const byId = new Map(allRules.map((r) => [r.meta.id, r]));

  if (existsSync(DESIGN)) {
    it("has every id of DESIGN.md §2 as a rule with its family and default severity", () => {
      const catalog = designCatalog(readFileSync(DESIGN, "utf8"));
      assert.ok(catalog.size >= 30, `read only ${catalog.size} ids from DESIGN.md §2`);
      for (const [id, [family, severity]] of catalog) {
        const rule = byId.get(id);
        assert.ok(rule, `no rule file server/src/rules/${id}.ts`);
        assert.deepStrictEqual([rule.meta.family, rule.meta.severity], [family, DESIGN_DEVIATIONS[id]?.severity ?? severity], id);
      }
    });
  }

  for (const rule of allRules) {
    const id = rule.meta.id;
    describe(id, () => {
      it("has an id that names its file and a family prefix, a description and messages", () => {
        assert.ok(existsSync(join(REPO, "server", "src", "rules", `${id}.ts`)), `the rule '${id}' is not in server/src/rules/${id}.ts`);
        assert.ok(rule.meta.description.length > 10, "description missing");
        assert.ok(/^[A-Z].*\.$/.test(rule.meta.description), "description: one imperative sentence");
        assert.ok(Object.keys(rule.meta.messages).length > 0, "no messages");
      });

      it("has a docs page with every section, linked by its docs URL", () => {
        const page = join(REPO, "docs", "rules", `${id}.md`);
        assert.ok(existsSync(page), `missing docs/rules/${id}.md`);
        const headings = [...readFileSync(page, "utf8").matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
        for (const section of DOC_SECTIONS) assert.ok(headings.includes(section), `docs/rules/${id}.md lacks '## ${section}'`);
        assert.ok(docsUrl(id).endsWith(`/docs/rules/${id}.md`));
      });

      it("has a test exercising every message, and fires/silent fixtures", () => {
        const testFile = join(REPO, "test", "unit", "rules", `${id}.test.ts`);
        assert.ok(existsSync(testFile), `missing test/unit/rules/${id}.test.ts`);
        const test = readFileSync(testFile, "utf8");
        for (const messageId of Object.keys(rule.meta.messages)) {
          assert.ok(test.includes(`"${messageId}"`), `message '${messageId}' is never asserted in ${id}.test.ts`);
        }
        const fixtures = join(REPO, "test", "fixtures", "rules", id);
        const names = existsSync(fixtures) ? readdirSync(fixtures) : [];
        assert.ok(
          names.some((n) => n.startsWith("fires-")),
          `no fires-* fixture in test/fixtures/rules/${id}`,
        );
        assert.ok(
          names.some((n) => n.startsWith("silent-")),
          `no silent-* fixture in test/fixtures/rules/${id}`,
        );
      });
    });
  }

  it("supersedes only dockerfile-utils checks that exist", () => {
    assert.doesNotThrow(() => supersededChecks(allRules));
  });
});
