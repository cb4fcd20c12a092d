// The rule catalog as a contract: every public id of DESIGN.md §2 is a rule with its metadata, its
// docs page, its tests and fixtures, and every message a rule declares is exercised by a test.

import * as assert from "assert";
import { spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { allRules } from "../../../server/src/rules/index";
import { docsUrl } from "../../../server/src/rules/docs-url";
import type { RuleFamily, Severity } from "../../../server/src/rules/types";

const REPO = join(__dirname, "..", "..", "..");
const DESIGN = join(REPO, "..", "shared", "DESIGN.md");

/** The public ids with their family and default severity, as DESIGN.md §2 fixes them. */
const CATALOG: Record<string, [RuleFamily, Severity]> = {
  "stage-name-casing": ["stages", "warning"],
  "stage-name-invalid": ["stages", "error"],
  "stage-name-duplicate": ["stages", "error"],
  "stage-name-reserved": ["stages", "warning"],
  "from-as-casing": ["stages", "warning"],
  "stage-index-reference": ["stages", "warning"],
  "stage-unused": ["stages", "info"],
  "copy-from-undefined": ["references", "error"],
  "copy-from-later-stage": ["references", "error"],
  "copy-from-self": ["references", "error"],
  "copy-from-parent": ["references", "warning"],
  "copy-from-index-invalid": ["references", "error"],
  "copy-from-cycle": ["references", "error"],
  "copy-from-root": ["references", "warning"],
  "copy-from-whole-workdir": ["references", "info"],
  "layer-source-before-deps": ["layers", "warning"],
  "layer-packages-after-source": ["layers", "warning"],
  "layer-apt-update-alone": ["layers", "warning"],
  "layer-consecutive-run": ["layers", "info"],
  "layer-package-cache": ["layers", "info"],
  "context-no-dockerignore": ["layers", "warning"],
  "copy-ignored-file": ["layers", "warning"],
  "base-image-untagged": ["base-images", "warning"],
  "base-image-latest": ["base-images", "warning"],
  "base-image-deprecated": ["base-images", "warning"],
  "final-stage-toolchain": ["base-images", "warning"],
  "final-stage-heavy-base": ["base-images", "info"],
  "final-stage-build-tools": ["base-images", "warning"],
  "final-stage-dev-dependencies": ["base-images", "warning"],
  "static-binary-cgo": ["base-images", "warning"],
  "final-stage-root": ["base-images", "info"],
  "single-stage-build": ["base-images", "info"],
};

const DOC_SECTIONS = ["What", "Why", "Fires", "Silent", "Fix", "Equivalents"];

describe("rule catalog", () => {
  const byId = new Map(allRules.map((r) => [r.meta.id, r]));

  if (existsSync(DESIGN)) {
    it("lists exactly the ids of DESIGN.md §2", () => {
      const design = readFileSync(DESIGN, "utf8");
      const section = design.slice(design.indexOf("## 2."), design.indexOf("## 3."));
      const ids = [...section.matchAll(/^\| ([a-z][a-z0-9-]+) \|/gm)].map((m) => m[1]).filter((id) => id !== "id");
      assert.deepStrictEqual([...ids].sort(), Object.keys(CATALOG).sort());
    });
  }

  for (const [id, [family, severity]] of Object.entries(CATALOG)) {
    describe(id, () => {
      it("is a rule with the catalog's family and default severity", () => {
        const rule = byId.get(id);
        assert.ok(rule, `no rule file server/src/rules/${id}.ts`);
        assert.deepStrictEqual([rule.meta.family, rule.meta.severity], [family, severity]);
        assert.ok(rule.meta.description.length > 10, "description missing");
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
        for (const messageId of Object.keys(byId.get(id)?.meta.messages ?? {})) {
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

  it("indexes every rule file (server/src/rules/index.ts is not stale)", () => {
    const check = spawnSync(process.execPath, [join(REPO, "scripts", "generate-rule-index.mjs"), "--check"], { encoding: "utf8" });
    assert.strictEqual(check.status, 0, check.stderr);
  });

  it("has no rule outside the catalog", () => {
    assert.deepStrictEqual(
      allRules.map((r) => r.meta.id).filter((id) => !(id in CATALOG)),
      [],
    );
  });
});
