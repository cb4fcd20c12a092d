// The CLI on hostile and broken input (issue #15): every case ends in time with its exit code and a
// one-line message per problem, and a file that cannot be read never costs the other files their
// findings. Runs the bundled dist/cli.js in a child process, as users do.

import * as assert from "assert";
import { execFileSync, spawn } from "child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { bundleCli, CLI_BUNDLE as CLI, CliResult, runCli } from "../support/cli-process";
import { TempProjects } from "../support/temp-project";

const UNTAGGED = "FROM ubuntu\nRUN true\n";
const UNTAGGED_LINE = /^Dockerfile:1:6 warning 'ubuntu' has no tag or digest.*\[base-image-untagged\]$/m;
/** Every case must finish well within this (the hanging inputs never finished). */
const BUDGET_MS = 10000;

type Result = CliResult;

function cli(args: string[], cwd: string): Result {
  return runCli(args, { cwd, env: { NO_COLOR: "1" }, timeoutMs: BUDGET_MS * 2 });
}

const projects = new TempProjects("stagecraft-bad-input");

/** A project holding a Dockerfile with one finding, plus the given files. */
function withGoodFile(files: Record<string, string> = {}): string {
  return projects.create({ Dockerfile: UNTAGGED, ...files });
}

function assertInTime(r: Result): void {
  assert.ok(r.ms < BUDGET_MS, `took ${r.ms} ms`);
  assert.notStrictEqual(r.code, null, "killed by the timeout");
}

/** stderr is exactly these lines. */
function assertStderr(r: Result, lines: string[]): void {
  assert.deepStrictEqual(
    r.stderr.split("\n").filter((l) => l !== ""),
    lines,
    r.stderr,
  );
}

describe("stagecraft CLI on bad input", function () {
  this.timeout(120000);

  before(() => bundleCli());
  after(() => projects.dispose());

  describe("paths that are not readable Dockerfiles: exit 2, one line each, other files kept", () => {
    const cases: [string, (dir: string) => string, string][] = [
      ["a missing path", () => "missing/Dockerfile", "stagecraft: cannot read 'missing/Dockerfile': no such file or folder"],
      [
        "a FIFO named like a Dockerfile",
        (dir) => {
          execFileSync("mkfifo", [join(dir, "fifo.Dockerfile")]);
          return "fifo.Dockerfile";
        },
        "stagecraft: cannot read 'fifo.Dockerfile': is not a regular file (a FIFO)",
      ],
      ["a character device (/dev/zero)", () => "/dev/zero", "stagecraft: cannot read '/dev/zero': is not a regular file (a character device)"],
      [
        "a symlink loop",
        (dir) => {
          symlinkSync("loop-b", join(dir, "loop-a"));
          symlinkSync("loop-a", join(dir, "loop-b"));
          return "loop-a";
        },
        "stagecraft: cannot read 'loop-a': too many levels of symbolic links (a link loop?)",
      ],
      [
        "a binary file",
        (dir) => {
          writeFileSync(join(dir, "bin.Dockerfile"), Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02]));
          return "bin.Dockerfile";
        },
        "stagecraft: cannot read 'bin.Dockerfile': is a binary file (it holds NUL bytes)",
      ],
      [
        "invalid UTF-8",
        (dir) => {
          writeFileSync(join(dir, "latin1.Dockerfile"), Buffer.from("FROM alpine\nLABEL a=\xe9t\xe9\n", "latin1"));
          return "latin1.Dockerfile";
        },
        "stagecraft: cannot read 'latin1.Dockerfile': is not UTF-8 text",
      ],
      [
        // Tests run as root, where permissions do not stop reads: /proc/self/mem fails every read (EIO).
        "an unreadable file",
        (dir) => {
          symlinkSync("/proc/self/mem", join(dir, "mem.Dockerfile"));
          return "mem.Dockerfile";
        },
        "stagecraft: cannot read 'mem.Dockerfile': input/output error",
      ],
      [
        "a file over the size cap",
        (dir) => {
          writeFileSync(join(dir, "huge.Dockerfile"), `FROM alpine\n${"RUN true\n".repeat(600000)}`);
          return "huge.Dockerfile";
        },
        "stagecraft: cannot read 'huge.Dockerfile': is larger than 4 MiB",
      ],
      ["a path through a file", () => "Dockerfile/inner", "stagecraft: cannot read 'Dockerfile/inner': a part of the path is not a folder"],
    ];
    for (const [name, make, message] of cases) {
      it(name, () => {
        const dir = withGoodFile();
        const bad = make(dir);
        const r = cli(["check", "Dockerfile", bad], dir);
        assertInTime(r);
        assert.strictEqual(r.code, 2);
        assert.match(r.stdout, UNTAGGED_LINE, "the readable file's finding is kept");
        assertStderr(r, [message]);
      });
    }

    it("the same files found by walking a folder are each reported, the rest checked", () => {
      const dir = withGoodFile();
      execFileSync("mkfifo", [join(dir, "fifo.Dockerfile")]);
      symlinkSync("/proc/self/mem", join(dir, "mem.Dockerfile"));
      writeFileSync(join(dir, "bin.Dockerfile"), Buffer.from([0, 1, 2]));
      const r = cli(["check", "."], dir);
      assertInTime(r);
      assert.strictEqual(r.code, 2);
      assert.match(r.stdout, UNTAGGED_LINE);
      assertStderr(r, [
        "stagecraft: cannot read 'bin.Dockerfile': is a binary file (it holds NUL bytes)",
        "stagecraft: cannot read 'fifo.Dockerfile': is not a regular file (a FIFO)",
        "stagecraft: cannot read 'mem.Dockerfile': input/output error",
      ]);
    });

    it("a folder holding no Dockerfile is a note, not an error (exit 0)", () => {
      const dir = projects.create({ "README.md": "hi\n" });
      const r = cli(["check", "."], dir);
      assert.strictEqual(r.code, 0);
      assertStderr(r, ["stagecraft: no Dockerfiles found in '.'"]);
    });

    it("convert reports a FIFO instead of blocking (exit 2)", () => {
      const dir = withGoodFile();
      execFileSync("mkfifo", [join(dir, "fifo.Dockerfile")]);
      const r = cli(["convert", "fifo.Dockerfile"], dir);
      assertInTime(r);
      assert.strictEqual(r.code, 2);
      assertStderr(r, ["stagecraft: cannot read 'fifo.Dockerfile': is not a regular file (a FIFO)"]);
    });
  });

  describe("configuration", () => {
    it("a malformed .stagecraft.json costs only the files under it (exit 2, named once)", () => {
      const dir = withGoodFile({ "sub/.stagecraft.json": "{ rules: ", "sub/Dockerfile": UNTAGGED, "sub/b/Dockerfile": UNTAGGED });
      const r = cli(["check", "."], dir);
      assert.strictEqual(r.code, 2);
      assert.match(r.stdout, UNTAGGED_LINE);
      assert.doesNotMatch(r.stdout, /^sub\//m);
      const lines = r.stderr.trim().split("\n");
      assert.strictEqual(lines.length, 1, r.stderr);
      assert.match(lines[0], /^stagecraft: .*sub\/\.stagecraft\.json: not valid JSON/);
    });

    it("accepts a .stagecraft.json that starts with a UTF-8 BOM", () => {
      const dir = withGoodFile({ ".stagecraft.json": '\ufeff{ "rules": { "base-image-untagged": "off" } }' });
      const r = cli(["check", "."], dir);
      assert.deepStrictEqual([r.code, r.stdout, r.stderr], [0, "", ""]);
    });

    it("a FIFO named .stagecraft.json is an error, not a hang", () => {
      const dir = withGoodFile();
      execFileSync("mkfifo", [join(dir, ".stagecraft.json")]);
      const r = cli(["check", "."], dir);
      assertInTime(r);
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr.trim(), /^stagecraft: .*\.stagecraft\.json: cannot read: is not a regular file \(a FIFO\)$/);
    });

    it("a FIFO named .dockerignore is skipped, not waited on", () => {
      const dir = withGoodFile();
      execFileSync("mkfifo", [join(dir, ".dockerignore")]);
      const r = cli(["check", "."], dir);
      assertInTime(r);
      assert.strictEqual(r.code, 1);
    });
  });

  describe("Dockerfile content", () => {
    it("reads a Dockerfile that starts with a UTF-8 BOM", () => {
      const dir = projects.create({ Dockerfile: `\ufeff${UNTAGGED}` });
      const r = cli(["check", "Dockerfile"], dir);
      assert.strictEqual(r.code, 1);
      assert.match(r.stdout, UNTAGGED_LINE);
      assert.doesNotMatch(r.stdout, /Unknown instruction/);
    });

    for (const [name, text] of [
      ["a long stage name ending in an invalid character", "FROM alpine:3.23 AS build_stage_for_the_frontend_app!\nRUN true\n"],
      ["${...} wildcards against a long stage name", `FROM alpine:3.23 AS ${"a".repeat(40)}\nFROM alpine:3.23\nCOPY --from=${"${V}".repeat(12)}x /a /b\n`],
      ["an indented instruction with a variable before the first FROM", " RUN echo $HOME\nFROM alpine:3.23\n"],
      ["COPY [z-a] with a .dockerignore", "FROM alpine:3.23\nCOPY [z-a] ./\n"],
      ["deeply nested ${...}", `FROM alpine:3.23 AS a\nFROM alpine:3.23\nCOPY --from=${"${".repeat(3000)}x${"}".repeat(3000)} /a /b\n`],
      ["a line holding only two backslashes", "FROM alpine:3.23\n\\\\\nRUN true\n"],
      ["a file ending with an escape", "FROM alpine:3.23\nRUN echo \\"],
    ] as const) {
      it(`${name}: answers in time, no stack trace, other files kept`, () => {
        const dir = withGoodFile({ "hostile.Dockerfile": text, ".dockerignore": "*.log\n" });
        const r = cli(["check", "--format", "json", "."], dir);
        assertInTime(r);
        assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
        assert.strictEqual(r.stderr, "");
        const findings = JSON.parse(r.stdout) as { file: string; range: { start: { line: number } } }[];
        assert.ok(findings.some((f) => f.file === "Dockerfile"));
        const lines = text.split("\n").length;
        for (const f of findings.filter((f) => f.file === "hostile.Dockerfile")) assert.ok(f.range.start.line < lines, JSON.stringify(f));
      });
    }

    it("a hostile file name reaches the terminal with its control characters escaped", () => {
      const dir = projects.create({});
      mkdirSync(join(dir, "x\u001b[31m"));
      writeFileSync(join(dir, "x\u001b[31m", "Dockerfile"), UNTAGGED);
      const r = cli(["check", "."], dir);
      assert.strictEqual(r.code, 1);
      assert.ok(!r.stdout.includes("\u001b"), JSON.stringify(r.stdout));
      assert.match(r.stdout, /^x\\x1b\[31m\/Dockerfile:1:6 /m);
    });
  });

  it("output piped into a reader that leaves early ends without an EPIPE stack trace", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`d${i}/Dockerfile`] = UNTAGGED;
    const dir = projects.create(files);
    const child = spawn(process.execPath, [CLI, "check", "."], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Read one chunk, then close the pipe as `head -1` does.
    await new Promise<void>((done) => child.stdout.once("data", () => done()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
    assert.doesNotMatch(stderr, /EPIPE|at \w+/, stderr);
    assert.strictEqual(code, 1);
  });
});
