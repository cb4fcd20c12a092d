// `stagecraft check` over many files checks them on every core (issue #16): the bundled CLI, whose
// worker threads check batches of files, must print exactly what one thread prints (the same
// findings in the same order, the same warnings and per-file errors, the same exit code), here
// over real corpus Dockerfiles, folders with context facts, and files that cannot be read.

import * as assert from "assert";
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join, relative, resolve } from "path";
import { parseArgs } from "../../server/src/cli/args";
import { check, CheckIo } from "../../server/src/cli/check";
import { PARALLEL_MIN_FILES, workerCount } from "../../server/src/cli/parallel";
import { bundleCli, runCli } from "../support/cli-process";
import { TempProjects } from "../support/temp-project";

const CORPUS = resolve(__dirname, "../../../shared/corpus/real");
const projects = new TempProjects("stagecraft-parallel");

/** A project of many Dockerfiles, one folder each, with the inputs that go wrong in between. */
function manyFiles(): string {
  const files: Record<string, string> = {};
  const corpus = existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .filter((f) => !/\.(?:tsv|md|json|txt)$/i.test(f))
        .sort()
        .slice(0, 120)
    : [];
  corpus.forEach((name, i) => (files[`c${String(i).padStart(3, "0")}/Dockerfile`] = readFileSync(join(CORPUS, name), "utf8")));
  for (let i = 0; i < PARALLEL_MIN_FILES; i++) {
    files[`s${String(i).padStart(3, "0")}/Dockerfile`] = `FROM node${i % 3 === 0 ? "" : ":22"}\nCOPY . .\nRUN npm ci\nCMD ["node", "app.js"]\n`;
    if (i % 4 === 0) files[`s${String(i).padStart(3, "0")}/.dockerignore`] = "node_modules\n";
    if (i % 5 === 0) files[`s${String(i).padStart(3, "0")}/package.json`] = '{"name":"x"}\n';
  }
  files["m1/Dockerfile"] = "FROM alpine\u0000\n";
  files["m2/Dockerfile"] = "# syntax=example.com/frontend:1\nINCLUDE other\n";
  files["m3/Dockerfile"] = "FROM alpine:3.22 AS build_stage_for_the_frontend_app!\nRUN true\n";
  const dir = projects.create(files);
  execFileSync("mkfifo", [join(dir, "m1", "fifo.Dockerfile")]);
  return dir;
}

/** `check` in this process, on one thread (no worker script), as the CLI would print it from `cwd`. */
async function checkOnOneThread(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CheckIo = {
    stdout: (text) => (stdout += text),
    warn: (message) => (stderr += `stagecraft: ${message}\n`),
    display: (file) => relative(cwd, file),
    readStdin: () => Promise.resolve(Buffer.alloc(0)),
    isTTY: false,
    env: {},
  };
  const command = parseArgs(args.map((a) => (a === "." ? cwd : a)));
  if (command.name !== "check") throw new Error("not a check command");
  const code = await check(command, io);
  return { code, stdout, stderr };
}

describe("stagecraft check on every core", function () {
  this.timeout(300000);

  before(() => bundleCli());
  after(() => projects.dispose());

  for (const format of ["json", "text"]) {
    it(`prints what one thread prints (--format ${format}), per-file errors and warnings included`, async function () {
      const dir = manyFiles();
      const count = readdirSync(dir).length + 1;
      if (workerCount(count) === 0) this.skip(); // one core: nothing runs in parallel
      const args = ["check", ".", "--format", format, "--severity", "hint"];
      const parallel = runCli(args, { cwd: dir, env: { NO_COLOR: "1" } });
      const serial = await checkOnOneThread(dir, args);
      assert.strictEqual(parallel.stdout, serial.stdout);
      assert.strictEqual(parallel.stderr, serial.stderr);
      assert.strictEqual(parallel.code, serial.code);
      // The run is the one meant: every file reported on, the unreadable ones by name.
      assert.match(parallel.stderr, /cannot read 'm1\/Dockerfile': .*NUL/);
      assert.match(parallel.stderr, /cannot read 'm1\/fifo\.Dockerfile': is not a regular file \(a FIFO\)/);
      assert.match(parallel.stderr, /m2\/Dockerfile: Checks skipped/);
      assert.strictEqual(parallel.code, 2);
      if (format === "json") {
        const shown = new Set((JSON.parse(parallel.stdout) as { file: string }[]).map((f) => f.file.split("/")[0]));
        assert.ok(shown.has("s000") && shown.has(`s${String(PARALLEL_MIN_FILES - 1).padStart(3, "0")}`) && shown.has("m3"), [...shown].join(" "));
      }
    });
  }
});
