// The CLI as users run it: the bundled dist/cli.js in a child process, on temp folders.

import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { bundleCli, CliResult, REPO, runCli } from "../support/cli-process";
import { assertNextRunUsesCache } from "../support/compile-cache-use";
import { TempProjects } from "../support/temp-project";

const UNTAGGED = "FROM ubuntu\nRUN true\n";
const CLEAN = "FROM alpine:3.22\nRUN true\n";
/** Only a hint: an unused named stage. */
const HINT_ONLY = "FROM alpine:3.22 AS unused\nRUN true\n\nFROM alpine:3.22\nRUN true\nUSER nobody\n";
const ESC = "\u001b[";

type Result = CliResult;
const cli = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Result => runCli(args, options);

const projects = new TempProjects("stagecraft-cli");
const project = (files: Record<string, string>) => projects.create(files);

function json(result: Result): Array<Record<string, unknown>> {
  return JSON.parse(result.stdout) as Array<Record<string, unknown>>;
}

describe("stagecraft CLI", function () {
  this.timeout(60000);

  // Bundle the CLI with the build script's options so the test runs what ships.
  before(() => bundleCli());

  after(() => projects.dispose());

  describe("usage", () => {
    it("--help prints the usage and exits 0", () => {
      const r = cli(["--help"]);
      assert.strictEqual(r.code, 0);
      assert.match(r.stdout, /^Usage: stagecraft <command>/);
      assert.match(r.stdout, /--severity/);
    });

    it("check --help prints the check usage", () => {
      const r = cli(["check", "--help"]);
      assert.strictEqual(r.code, 0);
      assert.match(r.stdout, /^Usage: stagecraft check/);
    });

    it("--version prints the package version", () => {
      const r = cli(["--version"]);
      assert.strictEqual(r.code, 0);
      const { version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string };
      assert.strictEqual(r.stdout.trim(), version);
    });

    for (const [name, args, message] of [
      ["no command", [], /no command given/],
      ["an unknown command", ["lint"], /unknown command 'lint'/],
      ["convert without a file", ["convert"], /'convert' needs exactly one Dockerfile/],
      ["an unknown option", ["check", "--autofix"], /unknown option '--autofix'/],
      ["--fix with --fix-dry-run", ["check", "--fix", "--fix-dry-run"], /--fix or --fix-dry-run, not both/],
      ["--fix on stdin", ["check", "--fix", "-"], /--fix cannot write to stdin/],
      ["stdin among other paths", ["check", "-", "."], /'-' \(stdin\) cannot be mixed/],
      ["--stdin-filename without '-'", ["check", "--stdin-filename", "x/Dockerfile"], /--stdin-filename needs '-'/],
      ["a bad format", ["check", "--format", "xml"], /unknown format 'xml'/],
      ["a bad severity", ["check", "--severity=fatal"], /unknown severity 'fatal'/],
      ["a missing option value", ["check", "--format"], /'--format' needs a value/],
    ] as const) {
      it(`exits 2 with one line on stderr for ${name}`, () => {
        const r = cli([...args]);
        assert.strictEqual(r.code, 2);
        assert.strictEqual(r.stdout, "");
        assert.match(r.stderr, message);
        assert.strictEqual(r.stderr.trim().split("\n").length, 1, r.stderr);
        assert.match(r.stderr, /^stagecraft: /);
      });
    }
  });

  describe("check", () => {
    it("exits 0 and prints nothing on a clean file", () => {
      const dir = project({ Dockerfile: CLEAN });
      const r = cli(["check", "Dockerfile"], { cwd: dir });
      assert.deepStrictEqual([r.code, r.stdout, r.stderr], [0, "", ""]);
    });

    it("defaults to the current folder", () => {
      const dir = project({ "app/Dockerfile": UNTAGGED });
      const r = cli(["check"], { cwd: dir });
      assert.strictEqual(r.code, 1);
      assert.match(r.stdout, /^app\/Dockerfile:1:6 warning /);
    });

    it("prints compact text lines with 1-based positions and a summary, without colour off a terminal", () => {
      const dir = project({ Dockerfile: UNTAGGED });
      const r = cli(["check", "Dockerfile"], { cwd: dir });
      assert.strictEqual(r.code, 1);
      const lines = r.stdout.trimEnd().split("\n");
      assert.match(lines[0], /^Dockerfile:1:6 warning .*'ubuntu'.* \[base-image-untagged\]$/);
      assert.strictEqual(lines.at(-1), "1 problem (1 warning) in 1 file");
      assert.ok(!r.stdout.includes(ESC));
    });

    it("colours with FORCE_COLOR, and --no-color and NO_COLOR win", () => {
      const dir = project({ Dockerfile: UNTAGGED });
      assert.ok(cli(["check"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stdout.includes(ESC));
      assert.ok(!cli(["check", "--no-color"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stdout.includes(ESC));
      assert.ok(!cli(["check"], { cwd: dir, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout.includes(ESC));
      assert.ok(!cli(["check"], { cwd: dir, env: { FORCE_COLOR: "0" } }).stdout.includes(ESC));
    });

    it("prints JSON findings with 0-based ranges and exactly the documented fields", () => {
      const dir = project({ Dockerfile: UNTAGGED });
      const r = cli(["check", "--format", "json", "Dockerfile"], { cwd: dir });
      assert.strictEqual(r.code, 1);
      const findings = json(r);
      assert.strictEqual(findings.length, 1);
      const [finding] = findings;
      assert.deepStrictEqual(Object.keys(finding), ["file", "range", "severity", "code", "message", "source"]);
      assert.deepStrictEqual(
        { ...finding, message: undefined },
        {
          file: "Dockerfile",
          range: { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } },
          severity: "warning",
          code: "base-image-untagged",
          message: undefined,
          source: "stagecraft",
        },
      );
      assert.match(String(finding.message), /'ubuntu'/);
    });

    it("prints an empty JSON array and exits 0 when clean", () => {
      const dir = project({ Dockerfile: CLEAN });
      const r = cli(["check", "--format=json"], { cwd: dir });
      assert.strictEqual(r.code, 0);
      assert.deepStrictEqual(json(r), []);
    });

    it("shows absolute paths for files outside the working directory", () => {
      const dir = project({ Dockerfile: UNTAGGED });
      const r = cli(["check", "--format", "json", join(dir, "Dockerfile")], { cwd: REPO });
      assert.strictEqual(json(r)[0].file, join(dir, "Dockerfile"));
    });
  });

  describe("compile cache", () => {
    it("saves its compiled code once, uses it at the next run, and reports the same either way", async () => {
      const dir = project({ Dockerfile: UNTAGGED });
      const cache = join(dir, "cache");
      const first = cli(["check", "--format", "json", dir], { env: { STAGECRAFT_COMPILE_CACHE: cache } });
      let second!: Result;
      await assertNextRunUsesCache(cache, "cli-main", () => (second = cli(["check", "--format", "json", dir], { env: { STAGECRAFT_COMPILE_CACHE: cache } })));
      const off = cli(["check", "--format", "json", dir], { env: { STAGECRAFT_COMPILE_CACHE: "off" } });
      for (const run of [first, second, off]) assert.strictEqual(run.code, 1, run.stderr);
      assert.strictEqual(second.stdout, first.stdout);
      assert.strictEqual(off.stdout, first.stdout);
      assert.deepStrictEqual([first.stderr, second.stderr, off.stderr], ["", "", ""]);
    });
  });

  describe("severity threshold", () => {
    it("hides and ignores findings below the default threshold (warning)", () => {
      const dir = project({ Dockerfile: HINT_ONLY });
      const r = cli(["check"], { cwd: dir });
      assert.deepStrictEqual([r.code, r.stdout], [0, ""]);
    });

    it("reports them when the threshold is lowered", () => {
      const dir = project({ Dockerfile: HINT_ONLY });
      const r = cli(["check", "--severity", "hint", "--format", "json"], { cwd: dir });
      assert.strictEqual(r.code, 1);
      assert.deepStrictEqual(
        json(r).map((f) => [f.code, f.severity]),
        [["stage-unused", "info"]],
      );
    });

    it("raising it to error lets warnings pass", () => {
      const dir = project({ Dockerfile: UNTAGGED });
      const r = cli(["check", "--severity", "error"], { cwd: dir });
      assert.deepStrictEqual([r.code, r.stdout], [0, ""]);
    });

    it("counts errors at every threshold", () => {
      const dir = project({ Dockerfile: "FROM alpine:3.22\nCOPY --from=builder /app /app\n" });
      const r = cli(["check", "--severity", "error", "--format", "json"], { cwd: dir });
      assert.strictEqual(r.code, 1);
      assert.ok(json(r).every((f) => f.severity === "error"));
    });
  });

  describe(".stagecraft.json", () => {
    it("applies the nearest configuration found upward from each Dockerfile", () => {
      const dir = project({
        ".stagecraft.json": JSON.stringify({ rules: { "base-image-untagged": "off" } }),
        "a/Dockerfile": UNTAGGED,
        "b/.stagecraft.json": JSON.stringify({ rules: { "base-image-untagged": "error" } }),
        "b/deep/Dockerfile": UNTAGGED,
      });
      const r = cli(["check", "--format", "json"], { cwd: dir });
      assert.strictEqual(r.code, 1);
      assert.deepStrictEqual(
        json(r).map((f) => [f.file, f.code, f.severity]),
        [["b/deep/Dockerfile", "base-image-untagged", "error"]],
      );
    });

    it("a rule turned off makes the run clean", () => {
      const dir = project({ ".stagecraft.json": '{ "rules": { "base-image-untagged": "off" } }', Dockerfile: UNTAGGED });
      assert.strictEqual(cli(["check"], { cwd: dir }).code, 0);
    });

    it("a lowered severity falls below the threshold", () => {
      const dir = project({ ".stagecraft.json": '{ "rules": { "base-image-untagged": "info" } }', Dockerfile: UNTAGGED });
      assert.strictEqual(cli(["check"], { cwd: dir }).code, 0);
      assert.strictEqual(cli(["check", "--severity", "info"], { cwd: dir }).code, 1);
    });

    for (const [name, text, reason] of [
      ["invalid JSON", "{ rules: ", /\.stagecraft\.json: not valid JSON/],
      ["an unknown rule", '{ "rules": { "base-image-untaged": "off" } }', /unknown rule 'base-image-untaged'/],
      ["a bad severity", '{ "rules": { "base-image-untagged": "fatal" } }', /rule 'base-image-untagged' has severity "fatal"/],
      ["rules not an object", '{ "rules": ["base-image-untagged"] }', /'rules' must be an object/],
      ["an unknown key", '{ "rule": {} }', /unknown key 'rule'/],
      ["an unknown syntax check", '{ "syntax": { "instructionCase": "ignore" } }', /unknown syntax check 'instructionCase'/],
      [
        "a bad syntax severity",
        '{ "syntax": { "instructionCasing": "fatal" } }',
        /syntax check 'instructionCasing' has severity "fatal" \(expected off, hint, info, warning or error\)/,
      ],
    ] as const) {
      it(`exits 2 naming the file for ${name}`, () => {
        const dir = project({ "sub/.stagecraft.json": text, "sub/Dockerfile": CLEAN });
        const r = cli(["check"], { cwd: dir });
        assert.strictEqual(r.code, 2);
        assert.ok(r.stderr.includes(join(dir, "sub", ".stagecraft.json")), r.stderr);
        assert.match(r.stderr, reason);
        assert.strictEqual(r.stderr.trim().split("\n").length, 1, r.stderr);
      });
    }
  });

  describe("syntax validation (dockerfile-utils)", () => {
    it("reports what BuildKit would reject, under the other tool's name, in line order", () => {
      const dir = project({ Dockerfile: "FROM alpine:3.22\nRUN true\nFRM ubuntu\n" });
      const r = cli(["check", "--format", "json"], { cwd: dir });
      assert.strictEqual(r.code, 1);
      const problems = json(r);
      assert.deepStrictEqual(
        problems.map((f) => [f.source, f.severity, (f.range as { start: { line: number } }).start.line]),
        [["dockerfile-utils", "error", 2]],
      );
      assert.match(String(problems[0].message), /Unknown instruction: FRM/);
      assert.match(
        cli(["check", "--no-color"], { cwd: dir }).stdout,
        /^Dockerfile:3:1 error Unknown instruction: FRM \[dockerfile-utils unknownInstruction\]$/m,
      );
    });

    it("checks nothing in a file written for another frontend, and says so on stderr", () => {
      const dir = project({ Dockerfile: "# syntax = devthefuture/dockerfile-x\nINCLUDE docker/base.dockerfile\nFROM runtime as app\nCMD app\n" });
      const r = cli(["check", "--format", "json"], { cwd: dir });
      assert.strictEqual(r.code, 0);
      assert.deepStrictEqual(json(r), []);
      assert.match(r.stderr, /^stagecraft: Dockerfile: Checks skipped: .*frontend 'devthefuture\/dockerfile-x'\.$/m);
    });

    it("leaves out the checks a Stagecraft rule makes, reporting them once under the rule", () => {
      const dir = project({ Dockerfile: "FROM alpine:3.22 AS build\nRUN true\nFROM alpine:3.22 AS build\nRUN true\nUSER nobody\n" });
      const r = cli(["check", "--format", "json"], { cwd: dir });
      assert.deepStrictEqual(
        json(r).map((f) => [f.source, f.code]),
        [["stagecraft", "stage-name-duplicate"]],
      );
    });

    it("takes the severities of settable checks from .stagecraft.json", () => {
      // instructionCasing and the other checks a rule supersedes are the rule's; directive casing is theirs alone.
      const text = "# ESCAPE=\\\nFROM alpine:3.22\nRUN true\nUSER nobody\n";
      const noisy = project({ Dockerfile: text });
      assert.deepStrictEqual(
        json(cli(["check", "--format", "json"], { cwd: noisy })).map((f) => [f.source, f.severity]),
        [["dockerfile-utils", "warning"]],
      );
      const quiet = project({ Dockerfile: text, ".stagecraft.json": '{ "syntax": { "directiveCasing": "off" } }' });
      assert.strictEqual(cli(["check"], { cwd: quiet }).code, 0);
      // The word older configurations used still reads as off.
      const legacy = project({ Dockerfile: text, ".stagecraft.json": '{ "syntax": { "directiveCasing": "ignore" } }' });
      assert.strictEqual(cli(["check"], { cwd: legacy }).code, 0);
      const hint = project({ Dockerfile: text, ".stagecraft.json": '{ "syntax": { "directiveCasing": "hint" } }' });
      assert.deepStrictEqual(
        json(cli(["check", "--format", "json", "--severity", "hint"], { cwd: hint })).map((f) => f.severity),
        ["hint"],
      );
      const strict = project({ Dockerfile: text, ".stagecraft.json": '{ "syntax": { "directiveCasing": "error" } }' });
      assert.deepStrictEqual(
        json(cli(["check", "--format", "json", "--severity", "error"], { cwd: strict })).map((f) => f.severity),
        ["error"],
      );
    });

    it("shows control characters from the file escaped, never raw, in text output", () => {
      const dir = project({ Dockerfile: "FROM alpine:3.22\nFR\u001b[31mM x\n" });
      const r = cli(["check", "--no-color"], { cwd: dir });
      assert.strictEqual(r.code, 1);
      assert.ok(!r.stdout.includes(ESC), r.stdout);
      assert.match(r.stdout, /FR\\x1b\[31mM/i);
    });
  });

  describe("discovery", () => {
    it("finds every Dockerfile name pattern and skips node_modules, .git and companions", () => {
      // One of each documented pattern: Dockerfile, Dockerfile.*, Dockerfile-*, *.Dockerfile,
      // Containerfile, Containerfile.*, *.Containerfile, and *.dockerfile (any case).
      const names = [
        "Dockerfile",
        "Dockerfile.dev",
        "Dockerfile-for-app-service",
        "api.Dockerfile",
        "Containerfile",
        "Containerfile.prod",
        "app.Containerfile",
        "ci.dockerfile",
        "web.containerfile",
        "nested/deeper/Dockerfile",
      ];
      const files: Record<string, string> = {};
      for (const name of names) files[name] = UNTAGGED;
      Object.assign(files, {
        "node_modules/pkg/Dockerfile": UNTAGGED,
        ".git/Dockerfile": UNTAGGED,
        "Dockerfile.dockerignore": "node_modules\n",
        "README.md": "# not a Dockerfile\n",
        "Dockerfiles/notes.txt": "FROM ubuntu\n",
        "Dockerfile-notes.md": "FROM ubuntu\n",
        MyDockerfile: "FROM ubuntu\n",
        Dockerfile_old: "FROM ubuntu\n",
      });
      const dir = project(files);
      const r = cli(["check", "--format", "json", "."], { cwd: dir });
      assert.strictEqual(r.code, 1);
      assert.deepStrictEqual([...new Set(json(r).map((f) => f.file))].sort(), [...names].sort());
    });

    it("checks an explicitly named file whatever its name", () => {
      const dir = project({ "build.docker": UNTAGGED });
      const r = cli(["check", "build.docker"], { cwd: dir });
      assert.strictEqual(r.code, 1);
    });

    it("accepts several paths and reports each file once", () => {
      const dir = project({ "a/Dockerfile": UNTAGGED, "b/Dockerfile": UNTAGGED });
      const r = cli(["check", "--format", "json", "a", "b", "a/Dockerfile"], { cwd: dir });
      assert.deepStrictEqual(
        json(r).map((f) => f.file),
        ["a/Dockerfile", "b/Dockerfile"],
      );
    });

    it("exits 2 for a path that does not exist", () => {
      const dir = project({ Dockerfile: CLEAN });
      const r = cli(["check", "Dockerfile", "missing/Dockerfile"], { cwd: dir });
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.stdout, "");
      assert.strictEqual(r.stderr, "stagecraft: cannot read 'missing/Dockerfile': no such file or folder\n");
    });

    it("exits 0 with a note when a folder holds no Dockerfile", () => {
      const dir = project({ "README.md": "hello\n" });
      const r = cli(["check"], { cwd: dir });
      assert.strictEqual(r.code, 0);
      assert.match(r.stderr, /no Dockerfiles found in '\.'/);
    });
  });

  describe("build context", () => {
    it("passes the .dockerignore and root entries of the Dockerfile's folder to the engine", () => {
      const copyAll = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "index.js"]\n';
      const bare = project({ Dockerfile: copyAll, "index.js": "", "node_modules/x/index.js": "" });
      const missing = cli(["check", "--format", "json", "--severity", "hint"], { cwd: bare });
      assert.ok(
        json(missing).some((f) => f.code === "context-no-dockerignore"),
        missing.stdout,
      );

      const ignored = project({ Dockerfile: copyAll, ".dockerignore": ".git\nnode_modules\n", "index.js": "", "node_modules/x/index.js": "" });
      const withIgnore = cli(["check", "--format", "json", "--severity", "hint"], { cwd: ignored });
      assert.ok(!json(withIgnore).some((f) => f.code === "context-no-dockerignore"), withIgnore.stdout);

      const perFile = project({
        "app.Dockerfile": copyAll,
        "app.Dockerfile.dockerignore": ".git\nnode_modules\n",
        "index.js": "",
        "node_modules/x/index.js": "",
      });
      const withPerFile = cli(["check", "--format", "json", "--severity", "hint"], { cwd: perFile });
      assert.ok(!json(withPerFile).some((f) => f.code === "context-no-dockerignore"), withPerFile.stdout);
    });
  });

  describe("named build contexts", () => {
    it("a --from naming a context the compose file passes is no undefined stage", () => {
      const dockerfile = "FROM node:22-slim AS build\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=templates /t /etc/nginx/templates\nUSER nginx\n";
      const undeclared = project({ Dockerfile: dockerfile });
      assert.deepStrictEqual(
        json(cli(["check", "--format", "json", "--severity", "error"], { cwd: undeclared })).map((f) => f.code),
        ["copy-from-undefined"],
      );
      const declared = project({
        Dockerfile: dockerfile,
        "compose.yaml": "services:\n  web:\n    build:\n      context: .\n      additional_contexts:\n        templates: ./templates\n",
      });
      assert.strictEqual(cli(["check", "--severity", "error"], { cwd: declared }).code, 0);
    });
  });

  describe("explain", () => {
    it("describes a rule: description, family, severity, equivalents, docs", () => {
      const r = cli(["explain", "base-image-untagged"]);
      assert.strictEqual(r.code, 0);
      assert.match(r.stdout, /^base-image-untagged: Pin images with a tag or digest/);
      assert.match(r.stdout, /family\s+base-images/);
      assert.match(r.stdout, /severity\s+warning \(default\)/);
      assert.match(r.stdout, /equivalents\s+hadolint DL3006/);
      assert.match(r.stdout, /docs\s+https:\/\/\S+\/docs\/rules\/base-image-untagged\.md/);
    });

    it("prints JSON with --format json", () => {
      const r = cli(["explain", "base-image-untagged", "--format", "json"]);
      assert.strictEqual(r.code, 0);
      const data = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.strictEqual(data.id, "base-image-untagged");
      assert.strictEqual(data.severity, "warning");
      assert.deepStrictEqual(Object.keys(data), ["id", "description", "family", "severity", "optIn", "fix", "equivalents", "docs"]);
      assert.strictEqual(data.optIn, false);
    });

    it("says an opt-in rule is off until a setting turns it on", () => {
      const r = cli(["explain", "final-stage-no-user"]);
      assert.strictEqual(r.code, 0);
      assert.match(r.stdout, /severity\s+off \(opt-in: a severity setting turns it on\)/);
      assert.strictEqual((JSON.parse(cli(["explain", "final-stage-no-user", "--format", "json"]).stdout) as { optIn: boolean }).optIn, true);
    });

    it("exits 2 with a suggestion for an unknown rule", () => {
      const r = cli(["explain", "base-image-untaged"]);
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.stderr, "stagecraft: unknown rule 'base-image-untaged' (did you mean 'base-image-untagged'?)\n");
    });

    it("exits 2 without a rule id", () => {
      assert.strictEqual(cli(["explain"]).code, 2);
    });
  });
});
