// `npm run bench:cli`: how fast `stagecraft check` is, beside the anchor's validator.
//  1. The corpus (../shared/corpus/real) laid out one Dockerfile per folder in a temp dir, checked
//     in this process by the CLI's own `check` (discovery, context facts, configuration, parse,
//     rules, syntax validation, JSON report), interleaved with dockerfile-utils `validate` reading
//     and validating the same files: files/s by CPU time (user + system, which other processes on
//     a busy machine do not inflate) and by wall time, and the ratio of the two tools.
//  2. The built CLI (dist/cli.js) spawned on the same folder: files/s end to end, start-up included.
//  3. Growth: n and 4n small Dockerfiles in one folder; a Dockerfile of n and 4n lines. The fitted
//     exponent log(t4n / tn) / log 4 is printed; above 1.2 is a finding (exit code 1).
// Usage: npm run bench:cli [-- --quick] (--quick: one round, smaller growth sizes).

import { validate } from "dockerfile-utils";
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { readFile } from "fs/promises";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { parseArgs } from "../server/src/cli/args";
import { check, CheckIo } from "../server/src/cli/check";

const REPO = resolve(__dirname, "..");
const CORPUS = resolve(REPO, "..", "shared", "corpus", "real");
const CLI = join(REPO, "dist", "cli.js");
const quick = process.argv.includes("--quick");
const ROUNDS = quick ? 1 : 3;
const GROWTH_FILES = quick ? 2_500 : 10_000;
const GROWTH_LINES = quick ? 25_000 : 100_000;
/** The bar for the corpus laid out one Dockerfile per folder. */
const FILES_PER_SECOND_BAR = 500;
const EXPONENT_BAR = 1.2;

interface Timing {
  cpuMs: number;
  wallMs: number;
}

async function timed(run: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await run();
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

const QUIET: CheckIo = {
  stdout: () => undefined,
  warn: () => undefined,
  display: (file) => file,
  readStdin: () => Promise.resolve(Buffer.alloc(0)),
  isTTY: false,
  env: {},
};

/** `stagecraft check <dir> --format json` in this process; returns how many files it checked. */
async function checkFolder(dir: string): Promise<void> {
  const command = parseArgs(["check", dir, "--format", "json", "--severity", "hint"]);
  if (command.name !== "check") throw new Error("not a check command");
  const code = await check(command, QUIET);
  if (code === 2) throw new Error(`check failed on ${dir}`);
}

/** The anchor's validator over the same files: read each one, validate it. */
async function validateFiles(files: readonly string[]): Promise<void> {
  for (const file of files) validate(await readFile(file, "utf8"));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function table(header: string[], rows: (string | number)[][]): void {
  const all = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  for (const row of all) console.log(`  ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")}`);
}

/** One folder per corpus file, each holding it as `Dockerfile`. */
function layOutCorpus(root: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(CORPUS).sort()) {
    const folder = join(root, name);
    mkdirSync(folder);
    copyFileSync(join(CORPUS, name), join(folder, "Dockerfile"));
    files.push(join(folder, "Dockerfile"));
  }
  return files;
}

function perSecond(files: number, ms: number): string {
  return (files / (ms / 1000)).toFixed(0);
}

async function corpusSection(root: string): Promise<boolean> {
  const dir = join(root, "corpus");
  mkdirSync(dir);
  const files = layOutCorpus(dir);
  console.log(`\n1. stagecraft check over the corpus, one Dockerfile per folder (${files.length} files, ${ROUNDS} interleaved rounds, median)`);
  // Warm-up: module loading and the JIT are start-up costs, measured end to end in section 2.
  await checkFolder(dir);
  await validateFiles(files);
  const ours: Timing[] = [];
  const theirs: Timing[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(await timed(() => checkFolder(dir)));
    theirs.push(await timed(() => validateFiles(files)));
  }
  const oursCpu = median(ours.map((t) => t.cpuMs));
  const theirsCpu = median(theirs.map((t) => t.cpuMs));
  const oursWall = median(ours.map((t) => t.wallMs));
  const theirsWall = median(theirs.map((t) => t.wallMs));
  table(
    ["", "CPU ms", "files/s (CPU)", "wall ms", "files/s (wall)"],
    [
      ["stagecraft check (in process)", oursCpu.toFixed(0), perSecond(files.length, oursCpu), oursWall.toFixed(0), perSecond(files.length, oursWall)],
      [
        "dockerfile-utils read + validate",
        theirsCpu.toFixed(0),
        perSecond(files.length, theirsCpu),
        theirsWall.toFixed(0),
        perSecond(files.length, theirsWall),
      ],
    ],
  );
  console.log(`  ratio of files/s by CPU (stagecraft / validate): ${(theirsCpu / oursCpu).toFixed(2)}`);
  const ok = files.length / (oursCpu / 1000) >= FILES_PER_SECOND_BAR;
  console.log(`  bar: at least ${FILES_PER_SECOND_BAR} files/s by CPU: ${ok ? "OK" : "UNDER"}`);

  console.log(`\n2. dist/cli.js spawned on the same folder (start-up included, wall time, ${ROUNDS} runs, median)`);
  if (!existsSync(CLI)) {
    console.log("  dist/cli.js not built; run `npm run build`");
  } else {
    const walls: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [CLI, "check", dir, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 28 });
      walls.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (r.status === 2) throw new Error(`dist/cli.js failed: ${r.stderr}`);
    }
    const wall = median(walls);
    console.log(`  ${wall.toFixed(0)} ms wall for ${files.length} files: ${perSecond(files.length, wall)} files/s end to end`);
  }
  return ok;
}

/** CPU time of checking what `make(n)` writes, at n and 4n, and the fitted exponent. */
async function growth(root: string, label: string, n: number, make: (dir: string, n: number) => void): Promise<(string | number)[] & { exponent?: number }> {
  const cpu: number[] = [];
  for (const size of [n, 4 * n]) {
    const dir = join(root, `${label.replace(/\W+/g, "-")}-${size}`);
    mkdirSync(dir);
    make(dir, size);
    await checkFolder(dir);
    // Best of two: the smaller input must not be flattered by a lucky run of the larger.
    const runs = [await timed(() => checkFolder(dir)), await timed(() => checkFolder(dir))];
    cpu.push(Math.min(...runs.map((t) => t.cpuMs)));
    rmSync(dir, { recursive: true, force: true });
  }
  const exponent = Math.log(cpu[1] / cpu[0]) / Math.log(4);
  const row: (string | number)[] & { exponent?: number } = [label, n, cpu[0].toFixed(0), 4 * n, cpu[1].toFixed(0), exponent.toFixed(2)];
  row.exponent = exponent;
  return row;
}

function smallDockerfiles(dir: string, n: number): void {
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `app${i}.Dockerfile`), `FROM alpine:3.22\nRUN echo ${i}\nUSER nobody\nCMD ["sh"]\n`);
}

/** Stages of ten lines: ARG, ENV, multi-line RUN, COPY, WORKDIR; every stage used by the last. */
function longDockerfile(dir: string, lines: number): void {
  const out: string[] = ["# syntax=docker/dockerfile:1", "ARG BASE=alpine:3.22"];
  for (let stage = 0; out.length < lines - 4; stage++) {
    out.push(
      `FROM \${BASE} AS s${stage}`,
      `ARG V${stage}=1`,
      `ENV P${stage}=/opt/s${stage}`,
      "RUN apk add --no-cache curl \\",
      `    && echo ${stage} > /tmp/s${stage} \\`,
      "    && rm -rf /var/cache/apk/*",
      `WORKDIR /opt/s${stage}`,
      `COPY s${stage}.txt ./`,
      `LABEL stage="${stage}"`,
      "",
    );
  }
  out.push("FROM alpine:3.22", "COPY --from=s0 /opt/s0 /opt/s0", "USER nobody", 'CMD ["sh"]');
  writeFileSync(join(dir, "Dockerfile"), `${out.slice(0, lines).join("\n")}\n`);
}

async function growthSection(root: string): Promise<boolean> {
  console.log("\n3. Growth (CPU ms, best of two; exponent log(t4n/tn)/log 4, 1.00 = linear)");
  const rows = [
    await growth(root, "small Dockerfiles in one folder", GROWTH_FILES / 4, smallDockerfiles),
    await growth(root, "lines in one Dockerfile", GROWTH_LINES / 4, longDockerfile),
  ];
  table(["input", "n", "CPU ms", "4n", "CPU ms", "exponent"], rows);
  const ok = rows.every((r) => (r.exponent ?? Infinity) <= EXPONENT_BAR);
  console.log(`  bar: exponent at most ${EXPONENT_BAR}: ${ok ? "OK" : "OVER"}`);
  return ok;
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log(`corpus not found at ${CORPUS}`);
    process.exitCode = 1;
    return;
  }
  const root = mkdtempSync(join(tmpdir(), "stagecraft-bench-cli-"));
  try {
    const fast = await corpusSection(root);
    const linear = await growthSection(root);
    if (!fast || !linear) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
