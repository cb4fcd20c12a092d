// run-shellcheck with the real binary: scripts built from RUN (continuations, heredocs, SHELL,
// ARG/ENV declared), findings mapped back to exact Dockerfile positions, the ignore comments, the
// cache, and the feature switching itself off without the binary. Skipped, with a message, when no
// `shellcheck` is on PATH (CI installs Debian's package: scripts/ci-install-shellcheck.sh).

import * as assert from "assert";
import { spawnSync } from "child_process";
import { chmodSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { analyze, Finding } from "../../../server/src/engine";
import { ShellcheckRunner, withShellcheck } from "../../../server/src/host/shellcheck";
import { parseDockerfile } from "../../../server/src/model/parse";
import { commentRange, runScripts } from "../../../server/src/model/shellcheck-scripts";
import { rule } from "../../../server/src/rules/run-shellcheck";
import { FIXTURES_ROOT } from "../../support/rule-tester";
import { TempProjects } from "../../support/temp-project";

const REPO = join(__dirname, "..", "..", "..");
const HAS_SHELLCHECK = spawnSync("shellcheck", ["--version"]).status === 0;

async function check(text: string, runner = new ShellcheckRunner("shellcheck")): Promise<{ findings: Finding[]; at: (f: Finding) => string }> {
  const model = parseDockerfile(text);
  const results = await runner.check(model);
  assert.ok(results, "shellcheck ran");
  const { findings } = analyze(withShellcheck(model, results), { rules: [rule], syntax: false });
  return {
    findings,
    at: (f) => `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.line + 1}:${f.range.end.character} ${model.lines.textIn(f.range)}`,
  };
}

const codes = (findings: Finding[]) => findings.map((f) => `SC${f.data.code}`);

describe("run-shellcheck: scripts and positions (no binary needed)", () => {
  it("builds one script per shell-form RUN and heredoc, with the shell of SHELL and the ARG/ENV names exported", () => {
    const model = parseDockerfile(
      'FROM alpine:3.20\nARG A=1\nRUN echo $A\nSHELL ["/bin/bash", "-c"]\nRUN <<EOF\necho hi\nEOF\nRUN ["echo", "exec form"]\nSHELL ["pwsh", "-c"]\nRUN Get-Item x\n',
    );
    const scripts = runScripts(model);
    assert.strictEqual(scripts.length, 2);
    assert.match(scripts[0].text, /^#!\/bin\/sh\n/);
    assert.match(scripts[0].text, /^export .*\bA\b/m);
    assert.match(scripts[1].text, /^#!\/bin\/bash\n/);
    assert.ok(scripts[1].text.endsWith("echo hi\n\n") || scripts[1].text.endsWith("echo hi\n"), JSON.stringify(scripts[1].text));
  });
  it("checks a heredoc whose shebang runs a shell through env, and skips one that runs another interpreter", () => {
    const model = parseDockerfile(
      "FROM alpine:3.20\nRUN <<EOF\n#!/usr/bin/env bash\necho $x\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\nRUN <<EOF\n#!/bin/sh\necho hi\nEOF\n",
    );
    const scripts = runScripts(model);
    assert.strictEqual(scripts.length, 2, JSON.stringify(scripts.map((s) => s.text)));
    assert.match(scripts[0].text, /echo \$x/);
    assert.match(scripts[1].text, /echo hi/);
  });
  it("maps a script position back across a removed line continuation", () => {
    const model = parseDockerfile("FROM alpine:3.20\nRUN echo a \\\n    && echo $x\n");
    const [script] = runScripts(model);
    const line = script.text.split("\n").length - 1; // the body is one logical line
    const body = script.text.split("\n")[script.headerLines];
    const column = body.indexOf("$x") + 1;
    const range = commentRange(model, script, { line, column, endLine: line, endColumn: column + 2, level: "warning", code: 2154, message: "x" });
    assert.deepStrictEqual(range, { start: { line: 2, character: 12 }, end: { line: 2, character: 14 } });
  });
  it("is silent without ShellCheck results (no binary, or the browser)", () => {
    assert.deepStrictEqual(analyze("FROM alpine:3.20\nRUN echo $x\n", { rules: [rule], syntax: false }).findings, []);
  });
  it("lets scripts running at a cancel finish into the cache, and runs each script once", async () => {
    // A stand-in binary that logs each script it is given and answers slowly, so the cancel
    // comes while the first scripts run (POSIX shell: the CLI and the server's Node hosts).
    const projects = new TempProjects("fake-shellcheck");
    try {
      const dir = projects.create({});
      const log = join(dir, "runs.log");
      const binary = join(dir, "shellcheck");
      writeFileSync(
        binary,
        `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "version: 0.0.0"; exit 0; fi\ncat >/dev/null\necho run >> "${log}"\nsleep 0.3\necho '{"comments":[]}'\n`,
      );
      chmodSync(binary, 0o755);
      const runner = new ShellcheckRunner(binary);
      const model = parseDockerfile(["FROM alpine:3.20", ...Array.from({ length: 8 }, (_, i) => `RUN echo step${i}`)].join("\n"));
      await runner.version();
      const controller = new AbortController();
      const cancelled = runner.check(model, controller.signal);
      await new Promise((r) => setTimeout(r, 100));
      controller.abort();
      // A newer version with the same scripts, asked while the first ones still run.
      const again = runner.check(parseDockerfile(`${model.text}\n# edited\n`));
      assert.strictEqual(await cancelled, null);
      const results = await again;
      assert.strictEqual(results?.size, 8);
      const runs = () => readFileSync(log, "utf8").trim().split("\n").length;
      assert.strictEqual(runs(), 8, "each script ran once: the four running at the cancel were awaited, not started again");
      await runner.check(model);
      assert.strictEqual(runs(), 8, "and cached");
    } finally {
      projects.dispose();
    }
  });

  it("starts ShellCheck itself, and says so once, where its shells cannot be given their input", function () {
    if (process.platform === "win32") this.skip();
    // A process of its own: the shells' temp folder is made once per process, under TMPDIR.
    const projects = new TempProjects("fake-shellcheck");
    try {
      const dir = projects.create({});
      const binary = join(dir, "shellcheck");
      writeFileSync(binary, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "version: 0.0.0"; exit 0; fi\ncat >/dev/null\necho '{"comments":[]}'\n`);
      chmodSync(binary, 0o755);
      const script = [
        `const { ShellcheckRunner } = require(${JSON.stringify(join(REPO, "server", "src", "host", "shellcheck"))});`,
        `const { parseDockerfile } = require(${JSON.stringify(join(REPO, "server", "src", "model", "parse"))});`,
        `const said = [];`,
        `const runner = new ShellcheckRunner(${JSON.stringify(binary)}, (m) => said.push(m));`,
        `runner.check(parseDockerfile("FROM alpine:3.20\\nRUN echo a\\nRUN echo b\\n")).then((r) => console.log(JSON.stringify({ size: r && r.size, said })));`,
      ].join("\n");
      const child = spawnSync(process.execPath, ["-r", "esbuild-register", "-e", script], {
        cwd: REPO,
        encoding: "utf8",
        env: { ...process.env, TMPDIR: join(dir, "no-such-folder") },
      });
      const answer = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as { size: number; said: string[] };
      assert.strictEqual(answer.size, 2, child.stderr);
      assert.strictEqual(answer.said.length, 1);
      assert.match(answer.said[0], /^ShellCheck is started directly \(slower while typing\): /);
    } finally {
      projects.dispose();
    }
  });

  it("says once that ShellCheck is off when the binary is missing", async () => {
    const said: string[] = [];
    const runner = new ShellcheckRunner(join(__dirname, "no-such-shellcheck"), (m) => said.push(m));
    assert.strictEqual(await runner.check(parseDockerfile("FROM alpine\nRUN echo $x\n")), null);
    assert.strictEqual(await runner.check(parseDockerfile("FROM alpine\nRUN echo $y\n")), null);
    assert.strictEqual(said.length, 1);
    assert.match(said[0], /ShellCheck not found/);
  });
});

describe("run-shellcheck: with the shellcheck binary", function () {
  this.timeout(20000);
  before(function () {
    if (!HAS_SHELLCHECK) {
      console.log("    (skipped: no 'shellcheck' on PATH; install Debian's shellcheck package to run these)");
      this.skip();
    }
  });

  it("fires on the exact tokens, across continuation lines and in heredocs, with SC codes and wiki links", async () => {
    const text = readFileSync(join(FIXTURES_ROOT, "run-shellcheck", "fires-continuations.Dockerfile"), "utf8");
    const { findings, at } = await check(text);
    const byCode = (code: number) => findings.filter((f) => f.data.code === code).map(at);
    assert.deepStrictEqual(byCode(2154), ["6:12-6:27 $undefined_name", "10:5-10:10 $nope"]);
    assert.ok(byCode(2045).length === 1 && byCode(2045)[0] === "5:16-5:26 $(ls /etc)", JSON.stringify(findings.map(at)));
    const first = findings.find((f) => f.data.code === 2154) as Finding;
    assert.strictEqual(first.messageId, "shellcheck");
    assert.strictEqual(first.message, "undefined_name is referenced but not assigned. (SC2154)");
    assert.strictEqual(first.docsUrl, "https://www.shellcheck.net/wiki/SC2154");
    assert.strictEqual(first.severity, "warning");
    assert.strictEqual(findings.find((f) => f.data.code === 2086)?.severity, "info");
  });

  it("stays silent on declared ARG/ENV, ignore comments and non-POSIX shells", async () => {
    const text = readFileSync(join(FIXTURES_ROOT, "run-shellcheck", "silent-declared.Dockerfile"), "utf8");
    const { findings, at } = await check(text);
    assert.deepStrictEqual(findings.map(at), []);
  });

  it("honours '# stagecraft-ignore run-shellcheck' and '# shellcheck disable=' inside a heredoc", async () => {
    const { findings } = await check(
      'FROM alpine:3.20\n# stagecraft-ignore run-shellcheck\nRUN echo $a\nRUN <<EOF\n# shellcheck disable=SC2154\necho "$b"\nEOF\n',
    );
    assert.deepStrictEqual(codes(findings), []);
  });

  it("caches results per RUN text", async () => {
    const runner = new ShellcheckRunner("shellcheck");
    const model = parseDockerfile("FROM alpine:3.20\nRUN echo $a\n");
    const first = await runner.check(model);
    const again = await runner.check(parseDockerfile("FROM debian:12\n\nRUN echo $a\n"));
    assert.ok(first && again);
    assert.strictEqual([...first.values()][0], [...again.values()][0]);
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    assert.strictEqual(await new ShellcheckRunner("shellcheck").check(parseDockerfile("FROM alpine\nRUN echo $a\n"), controller.signal), null);
  });
});
