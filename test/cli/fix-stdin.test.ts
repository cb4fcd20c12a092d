// `stagecraft check --fix | --fix-dry-run` and `check -` (stdin), through the built CLI. The corpus
// case copies ../shared/corpus/real into a temp folder (one Dockerfile per folder), fixes it in
// place and checks that every file re-checks clean of what was fixed, with no new syntax problem.

import * as assert from "assert";
import { spawnSync } from "child_process";
import { applyPatch } from "diff";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { TempProjects } from "../support/temp-project";

const REPO = resolve(__dirname, "..", "..");
const CLI = join(REPO, "dist", "cli.js");
const CORPUS = resolve(REPO, "..", "shared", "corpus", "real");

/** Two safe fixes (`as` -> `AS`, `ENV k v` -> `ENV k=v`) and nothing else to report. */
const FIXABLE = "FROM alpine:3.22 as base\nENV PORT 8080\nUSER nobody\n";
const FIXED = "FROM alpine:3.22 AS base\nENV PORT=8080\nUSER nobody\n";
/** The same, plus an untagged base that no fix can settle. */
const FIXABLE_AND_NOT = "FROM ubuntu as base\nENV PORT 8080\nUSER nobody\n";

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string, input?: string): Result {
  const env = { ...process.env, NO_COLOR: "1" };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: "utf8", input, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const projects = new TempProjects("stagecraft-fix");

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
  fixes?: unknown[];
}

function sarifResults(r: Result): SarifResult[] {
  return (JSON.parse(r.stdout) as { runs: { results: SarifResult[] }[] }).runs[0].results;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe("stagecraft check --fix, --fix-dry-run and stdin", function () {
  this.timeout(60000);
  after(() => projects.dispose());

  describe("--fix-dry-run", () => {
    it("prints a unified diff that applies, changes nothing, and exits on what would remain", () => {
      const dir = projects.create({ Dockerfile: FIXABLE, "other/Dockerfile": FIXABLE_AND_NOT });
      const r = cli(["check", "--fix-dry-run", "."], dir);
      assert.strictEqual(readFileSync(join(dir, "Dockerfile"), "utf8"), FIXABLE);
      assert.match(r.stdout, /^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n@@ /m);
      assert.match(r.stdout, /^-FROM alpine:3\.22 as base\n-ENV PORT 8080\n\+FROM alpine:3\.22 AS base\n\+ENV PORT=8080\n USER nobody$/m);
      assert.match(r.stdout, /^--- a\/other\/Dockerfile$/m);
      assert.strictEqual(applyPatch(FIXABLE, r.stdout.slice(0, r.stdout.indexOf("--- a/other"))), FIXED);
      assert.match(r.stderr, /would fix 4 problems in 2 files; 1 problem would remain/);
      // The untagged ubuntu stays: the exit code is that of the remaining findings.
      assert.strictEqual(r.code, 1);
      const clean = cli(["check", "--fix-dry-run", "Dockerfile"], dir);
      assert.strictEqual(clean.code, 0, clean.stderr);
    });

    it("prints nothing on stdout when there is nothing to fix", () => {
      const dir = projects.create({ Dockerfile: FIXED });
      const r = cli(["check", "--fix-dry-run", "."], dir);
      assert.strictEqual(r.stdout, "");
      assert.match(r.stderr, /no safe fixes to apply; none remain/);
      assert.strictEqual(r.code, 0);
    });
  });

  describe("--fix", () => {
    it("rewrites the file, says what it fixed, and reports what remains", () => {
      const dir = projects.create({ Dockerfile: FIXABLE, "other/Dockerfile": FIXABLE_AND_NOT });
      const r = cli(["check", "--fix", "--format", "json", "."], dir);
      assert.strictEqual(readFileSync(join(dir, "Dockerfile"), "utf8"), FIXED);
      assert.strictEqual(readFileSync(join(dir, "other", "Dockerfile"), "utf8"), FIXABLE_AND_NOT.replace(" as ", " AS ").replace("PORT 8080", "PORT=8080"));
      assert.match(r.stderr, /fixed 2 problems in Dockerfile \(from-as-casing, instruction-legacy-key-value\)/);
      const remaining = JSON.parse(r.stdout) as { file: string; code: string }[];
      assert.deepStrictEqual(
        remaining.map((f) => f.file),
        ["other/Dockerfile"],
      );
      assert.strictEqual(r.code, 1);
      // Run again: nothing left to fix, the same finding remains.
      const again = cli(["check", "--fix", "."], dir);
      assert.doesNotMatch(again.stderr, /fixed/);
      assert.strictEqual(again.code, 1);
    });

    it("exits 0 when the fixes leave nothing to report", () => {
      const dir = projects.create({ Dockerfile: FIXABLE });
      const r = cli(["check", "--fix", "."], dir);
      assert.strictEqual(r.code, 0, r.stdout + r.stderr);
      assert.strictEqual(r.stdout, "");
    });

    it("keeps a byte-order mark and fixes only findings at or above --severity", () => {
      const dir = projects.create({ Dockerfile: `\uFEFF${FIXABLE}` });
      const r = cli(["check", "--fix", "--severity", "error", "."], dir);
      // Both findings are warnings: below the threshold, so neither is fixed.
      assert.strictEqual(readFileSync(join(dir, "Dockerfile"), "utf8"), `\uFEFF${FIXABLE}`);
      assert.strictEqual(r.code, 0);
      cli(["check", "--fix", "."], dir);
      assert.strictEqual(readFileSync(join(dir, "Dockerfile"), "utf8"), `\uFEFF${FIXED}`);
    });

    it("exits 2 naming the file when it cannot be written", function () {
      if (process.getuid?.() === 0) this.skip(); // root writes read-only files anyway
      const dir = projects.create({ Dockerfile: FIXABLE });
      spawnSync("chmod", ["a-w", join(dir, "Dockerfile")]);
      const r = cli(["check", "--fix", "."], dir);
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /cannot write 'Dockerfile'/);
    });
  });

  describe("stdin", () => {
    it("'-' checks the Dockerfile on stdin, shown as <stdin>", () => {
      const dir = projects.create({});
      const r = cli(["check", "--format", "json", "-"], dir, "FROM ubuntu\nRUN true\n");
      const findings = JSON.parse(r.stdout) as { file: string; code: string }[];
      assert.ok(findings.length > 0);
      assert.ok(findings.every((f) => f.file === "<stdin>"));
      assert.ok(
        findings.some((f) => f.code === "base-image-untagged"),
        r.stdout,
      );
      assert.strictEqual(r.code, 1);
    });

    it("--stdin-filename names it and places it: its folder's configuration and context apply", () => {
      const dir = projects.create({
        "svc/.stagecraft.json": JSON.stringify({ rules: { "base-image-untagged": "off" } }),
        "svc/entrypoint.sh": '#!/bin/sh\nexec "$@"\n',
      });
      const text = 'FROM ubuntu\nCOPY entrypoint.sh /entrypoint.sh\nUSER nobody\nENTRYPOINT ["/entrypoint.sh"]\n';
      const plain = JSON.parse(cli(["check", "--format", "json", "-"], dir, text).stdout) as { file: string; code: string }[];
      assert.ok(plain.some((f) => f.code === "base-image-untagged"));
      const r = cli(["check", "--format", "json", "--stdin-filename", "svc/Dockerfile", "-"], dir, text);
      const named = JSON.parse(r.stdout) as { file: string; code: string }[];
      assert.ok(
        named.every((f) => f.file === "svc/Dockerfile"),
        r.stdout,
      );
      assert.ok(!named.some((f) => f.code === "base-image-untagged"), r.stdout);
    });

    it("--fix-dry-run on stdin prints the diff under the given name", () => {
      const dir = projects.create({});
      const r = cli(["check", "--fix-dry-run", "--stdin-filename", "Dockerfile", "-"], dir, FIXABLE);
      assert.strictEqual(applyPatch(FIXABLE, r.stdout), FIXED);
      assert.match(r.stdout, /^--- a\/Dockerfile$/m);
      assert.strictEqual(r.code, 0);
    });

    it("refuses binary input with exit code 2", () => {
      const r = cli(["check", "-"], projects.create({}), "FROM alpine\u0000\n");
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /cannot read stdin: it is binary/);
    });
  });

  describe("on the corpus", function () {
    this.timeout(900000);

    it("every file re-checks clean of the fixed findings and gains no syntax problem", function () {
      if (!existsSync(CORPUS)) this.skip();
      const dir = projects.create({});
      const names = readdirSync(CORPUS).sort();
      for (const name of names) {
        mkdirSync(join(dir, name));
        copyFileSync(join(CORPUS, name), join(dir, name, "Dockerfile"));
      }
      const before = cli(["check", "--format", "sarif", "."], dir);
      assert.notStrictEqual(before.code, 2, before.stderr);
      const fix = cli(["check", "--fix", "--format", "sarif", "."], dir);
      assert.notStrictEqual(fix.code, 2, fix.stderr);
      const after = cli(["check", "--format", "sarif", "."], dir);
      assert.strictEqual(after.code, fix.code, "--fix exits as a check of the fixed files does");
      assert.deepStrictEqual(sarifResults(after), sarifResults(fix), "--fix reports what a check of the fixed files reports");

      const uri = (r: SarifResult) => r.locations[0].physicalLocation.artifactLocation.uri;
      const beforeByFile = countBy(sarifResults(before), (r) => `${uri(r)}\u0000${r.ruleId}`);
      const afterByFile = countBy(sarifResults(after), (r) => `${uri(r)}\u0000${r.ruleId}`);
      // `fixed N problems in FILE (rule, ...)`: each rule named there now fires less often in FILE.
      const lines = fix.stderr.split("\n").filter((l) => l.includes(": fixed "));
      assert.ok(lines.length >= 100, `only ${lines.length} files were fixed:\n${fix.stderr.slice(0, 2000)}`);
      let fixedTotal = 0;
      for (const line of lines) {
        const m = /fixed (\d+) problems? in (.+) \((.+)\)$/.exec(line);
        assert.ok(m, line);
        fixedTotal += Number(m[1]);
        const file = m[2].split("\\").join("/");
        for (const rule of m[3].split(", ")) {
          const was = beforeByFile.get(`${file}\u0000${rule}`) ?? 0;
          const is = afterByFile.get(`${file}\u0000${rule}`) ?? 0;
          assert.ok(is < was, `${file}: ${rule} was reported ${was} times before --fix and ${is} after`);
        }
      }
      // Every fixed finding is gone: the report shrank by at least as many as were fixed
      // (a fix may settle a second finding, never add one: fix-all refuses that for errors).
      assert.ok(
        sarifResults(after).length <= sarifResults(before).length - fixedTotal,
        `${sarifResults(before).length} before, ${fixedTotal} fixed, ${sarifResults(after).length} after`,
      );
      // Still parses: no syntax problem (dockerfile-utils) that the original did not have.
      const syntax = (r: Result) =>
        countBy(
          sarifResults(r).filter((x) => x.ruleId.startsWith("dockerfile-utils")),
          (x) => `${uri(x)}\u0000${x.ruleId}\u0000${x.message.text}`,
        );
      const syntaxBefore = syntax(before);
      for (const [key, count] of syntax(after)) assert.ok(count <= (syntaxBefore.get(key) ?? 0), `new syntax problem: ${key.split("\u0000").join(" ")}`);
      // A fixed point: nothing the safety check accepts is left to fix.
      const dry = cli(["check", "--fix-dry-run", "."], dir);
      assert.strictEqual(dry.stdout, "", dry.stdout.slice(0, 2000));
      // Fixes only touched files that were reported as fixed.
      const fixedFiles = new Set(lines.map((l) => /in (.+) \(/.exec(l)![1]));
      for (const name of names) {
        const changed = !readFileSync(join(dir, name, "Dockerfile")).equals(readFileSync(join(CORPUS, name)));
        assert.strictEqual(changed, fixedFiles.has(`${name}/Dockerfile`), name);
      }
    });
  });
});
