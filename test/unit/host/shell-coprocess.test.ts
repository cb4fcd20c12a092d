// The long-lived shell that starts ShellCheck for the Node hosts (host/shell-coprocess.ts): one
// shell for many runs, input and output passed whole whatever they hold, a run over its limit
// stopped with its program, and a missing program answered rather than waited for.

import * as assert from "assert";
import { spawnSync } from "child_process";
import { chmodSync, writeFileSync } from "fs";
import { join } from "path";
import { canUseShellCoprocess, ShellCoprocess } from "../../../server/src/host/shell-coprocess";
import { TempProjects } from "../../support/temp-project";

describe("host: shell coprocess", function () {
  this.timeout(20000);
  const projects = new TempProjects("coprocess");
  let coprocess: ShellCoprocess;

  before(function () {
    if (!canUseShellCoprocess()) this.skip();
  });
  beforeEach(() => (coprocess = new ShellCoprocess()));
  afterEach(() => coprocess.stop());
  after(() => projects.dispose());

  it("runs a program on the input many times through one shell", async () => {
    const input = `it's "quoted" $HOME \`x\` \\ \u00e9\n\nlast line without newline`;
    for (let i = 0; i < 3; i++) {
      const run = await coprocess.run("cat", [], input, 5000);
      assert.deepStrictEqual(run, { ok: true, stdout: input, code: 0 });
    }
    assert.strictEqual(coprocess.starts, 1);
  });

  it("passes arguments and program paths holding spaces and quotes as they are, with the exit code", async () => {
    const dir = projects.create({});
    const program = join(dir, "it's a program");
    writeFileSync(program, '#!/bin/sh\nprintf "%s|" "$@"\ncat\nexit 3\n');
    chmodSync(program, 0o755);
    const run = await coprocess.run(program, ["--format=json1", "a b", "c'd", "$e"], "in", 5000);
    assert.deepStrictEqual(run, { ok: true, stdout: "--format=json1|a b|c'd|$e|in", code: 3 });
  });

  it("answers a missing program at once, with the shell's exit code", async () => {
    const run = await coprocess.run("/no/such/program", [], "", 5000);
    assert.deepStrictEqual(run, { ok: true, stdout: "", code: 127 });
  });

  it("stops a run over its limit with its program, and the next run gets a new shell", async () => {
    const started = Date.now();
    const slow = await coprocess.run("sleep", ["31.25"], "", 300);
    assert.deepStrictEqual(slow, { ok: false, reason: "no answer within 300 ms", timedOut: true });
    assert.ok(Date.now() - started < 5000);
    await new Promise((r) => setTimeout(r, 200));
    assert.notStrictEqual(spawnSync("pgrep", ["-f", "sleep 31.25"]).status, 0, "the program was stopped with its shell");
    const next = await coprocess.run("cat", [], "after", 5000);
    assert.deepStrictEqual(next, { ok: true, stdout: "after", code: 0 });
    assert.strictEqual(coprocess.starts, 2);
  });
});
