// RuleTester for Stagecraft rules, after ESLint's: inline `fires` and `silent` cases, plus every
// fixture under test/fixtures/rules/<id>/ (`fires-*.Dockerfile` must report, `silent-*` must not).
// A fixture may carry a sibling `<name>.dockerignore` (build-context .dockerignore),
// `<name>.context` (root entries of the build context, one per line) and `<name>.facts.json`
// (further context facts, as the host would read them).

import * as assert from "assert";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { BuildContextFacts } from "../../server/src/model/context";
import { analyze, Finding } from "../../server/src/engine";
import { parseDockerfile } from "../../server/src/model/parse";
import { applyEdits, Position } from "../../server/src/model/text";
import type { Rule } from "../../server/src/rules/types";
import { fixtureContext } from "./rule-fixtures";

export interface FiresCase {
  name?: string;
  code: string;
  messageId: string;
  /** Exact data the report carries, when the test wants to pin it. */
  data?: Record<string, string | number>;
  /** 1-based line of the report (as an editor shows it). */
  line?: number;
  /** The reported range's text, to prove the report sits on the exact token. */
  token?: string;
  /** How many reports of the rule in total; 1 when unset and `line` is given. */
  count?: number;
  /** Text after applying the first fix (or first suggestion when there is no fix); null = no fix offered. */
  output?: string | null;
  context?: BuildContextFacts;
}

export interface SilentCase {
  name?: string;
  code: string;
  context?: BuildContextFacts;
}

export interface RuleTests {
  fires: FiresCase[];
  silent: (SilentCase | string)[];
}

export const FIXTURES_ROOT = join(__dirname, "..", "fixtures", "rules");

export function findingsOf(rule: Rule, code: string, context?: BuildContextFacts): Finding[] {
  const errors: unknown[] = [];
  // An opt-in rule runs only when a setting turns it on, as a user would.
  const settings = rule.meta.optIn === true ? { [rule.meta.id]: rule.meta.severity } : undefined;
  const { findings } = analyze(code, { context, settings, rules: [rule], syntax: false, onRuleError: (_id, e) => errors.push(e) });
  if (errors.length > 0) throw errors[0];
  return findings;
}

function textOf(code: string, finding: Finding): string {
  const model = parseDockerfile(code);
  return model.lines.textIn(finding.range);
}

/** Lists fixture files of a rule: [{ name, code, context }] by kind. */
export function ruleFixtures(id: string): { fires: SilentCase[]; silent: SilentCase[] } {
  const dir = join(FIXTURES_ROOT, id);
  const out = { fires: [] as SilentCase[], silent: [] as SilentCase[] };
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).sort()) {
    const match = /^(fires|silent)-(.+)\.Dockerfile$/.exec(file);
    if (!match) continue;
    const base = file.slice(0, -".Dockerfile".length);
    out[match[1] as "fires" | "silent"].push({ name: file, code: readFileSync(join(dir, file), "utf8"), context: fixtureContext(dir, base) });
  }
  return out;
}

/**
 * A title for a case without a name: the message it expects and the Dockerfile it runs on, on
 * one line (`'untagged' on line 2 of: FROM alpine:3.20 AS base ⏎ FROM ubuntu`), so a failing
 * test says which input failed.
 */
function describeCase(code: string, messageId?: string, line?: number): string {
  const lines = code.split(/\r?\n/).filter((l) => l.trim() !== "");
  const shown = lines.join(" ⏎ ");
  const input = shown.length > 110 ? `${shown.slice(0, 107)}...` : shown;
  if (messageId === undefined) return `nothing on: ${input}`;
  return `'${messageId}'${line !== undefined ? ` on line ${line}` : ""} of: ${input}`;
}

/** Every edit a fix offers lies inside the document: LSP clients reject (or misplace) one that does not. */
function assertEditsInside(code: string, title: string, edits: readonly { range: { start: Position; end: Position } }[]): void {
  const lines = code.split(/\r\n|\r|\n/);
  const inside = (p: Position) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  for (const edit of edits)
    assert.ok(inside(edit.range.start) && inside(edit.range.end), `'${title}': edit ${JSON.stringify(edit.range)} outside the document`);
}

export function testRule(rule: Rule, tests: RuleTests): void {
  const id = rule.meta.id;
  describe(`${id}: ${rule.meta.description}`, () => {
    for (const c of tests.fires) {
      it(`fires: ${c.name ?? describeCase(c.code, c.messageId, c.line)}`, () => {
        const all = findingsOf(rule, c.code, c.context);
        const findings = all.filter((f) => f.messageId === c.messageId);
        assert.ok(findings.length > 0, `expected '${c.messageId}' but got ${JSON.stringify(all.map((f) => f.messageId))}`);
        const expectedCount = c.count ?? (c.line !== undefined ? 1 : undefined);
        if (expectedCount !== undefined)
          assert.strictEqual(all.length, expectedCount, `reports: ${all.map((f) => `${f.range.start.line + 1}:${f.message}`).join(" | ")}`);
        const first = findings[0];
        if (c.line !== undefined) assert.strictEqual(first.range.start.line + 1, c.line, "line");
        if (c.data !== undefined) assert.deepStrictEqual(first.data, c.data);
        if (c.token !== undefined) assert.strictEqual(textOf(c.code, first), c.token, "token under the report");
        for (const [, key] of rule.meta.messages[c.messageId].matchAll(/\{(\w+)\}/g)) assert.ok(key in first.data, `placeholder {${key}} has no data`);
        for (const offered of findings.flatMap((f) => [...f.fixes, ...f.suggestions])) assertEditsInside(c.code, offered.title, offered.edits);
        if (c.output !== undefined) {
          const fix = first.fixes[0] ?? first.suggestions[0];
          if (c.output === null) assert.strictEqual(fix, undefined, "no fix expected");
          else {
            assert.ok(fix, "a fix was expected");
            assert.strictEqual(applyEdits(c.code, fix.edits), c.output);
          }
        }
      });
    }
    for (const s of tests.silent) {
      const c = typeof s === "string" ? { code: s } : s;
      it(`silent: ${c.name ?? describeCase(c.code)}`, () => {
        const findings = findingsOf(rule, c.code, c.context);
        assert.deepStrictEqual(
          findings.map((f) => `${f.range.start.line + 1}: ${f.message}`),
          [],
        );
      });
    }
    const fixtures = ruleFixtures(id);
    for (const f of fixtures.fires) {
      it(`fires on fixture ${f.name}`, () => assert.ok(findingsOf(rule, f.code, f.context).length > 0, "expected at least one report"));
    }
    for (const f of fixtures.silent) {
      it(`silent on fixture ${f.name}`, () =>
        assert.deepStrictEqual(
          findingsOf(rule, f.code, f.context).map((x) => `${x.range.start.line + 1}: ${x.message}`),
          [],
        ));
    }
    it("is suppressed by '# stagecraft-ignore <id>' above the instruction", () => {
      const sample = tests.fires.find((c) => c.line !== undefined && !c.context?.dockerignore) ?? tests.fires[0];
      assert.ok(sample, "a rule needs at least one fires case");
      const findings = findingsOf(rule, sample.code, sample.context);
      assert.ok(findings.length > 0);
      const lines = sample.code.split("\n");
      // Insert the comment above the instruction of each report, bottom-up so lines stay valid.
      const model = parseDockerfile(sample.code, sample.context);
      const starts = new Set<number>();
      for (const f of findings) {
        const inst = model.instructions.find((x) => x.range.start.line <= f.range.start.line && f.range.start.line <= x.range.end.line);
        starts.add(inst ? inst.range.start.line : f.range.start.line);
      }
      for (const line of [...starts].sort((a, b) => b - a)) lines.splice(line, 0, `# stagecraft-ignore ${id}`);
      const suppressed = findingsOf(rule, lines.join("\n"), sample.context);
      assert.deepStrictEqual(
        suppressed.map((f) => f.message),
        [],
      );
    });
  });
}
