// `npm run bench`: how fast Stagecraft is, printed as tables.
//  1. Per-file analysis (parse + every rule) over the real-world corpus beside dockerfile-utils
//     `validate` on the same files; the issue bar is at most twice validate's median.
//  2. A synthetic file of thousands of stages at three sizes: time must grow linearly.
//  3. Keystroke to diagnostics through the built server (dist/server/node.js) over stdio, with the
//     default debounce and with none, so the debounce and the work show separately.
//  4. Cold start: spawn to initialize result, and to the first diagnostics of an opened file.
//  5. Server memory after opening every corpus file.
//  6. Bundle sizes of dist/.
//  7. The LSP side-by-side with the anchor server and the growth measures (scripts/bench-lsp.ts).
// Usage: npm run bench [-- --quick] (--quick: fewer repetitions). Run `npm run build` first when
// calling this script directly; the npm script builds.

import { validate } from "dockerfile-utils";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, relative, resolve } from "path";
import { pathToFileURL } from "url";
import { gzipSync } from "zlib";
import { analyze } from "../server/src/engine";
import { DEFAULT_DIAGNOSTICS_DELAY } from "../server/src/lsp/diagnostics";
import { ANCHOR_SERVER, corpusFiles as lspCorpusFiles, PROJECTS, projectFiles, runLspBench } from "./bench-lsp";
import { LspClient } from "../test/support/lsp-client";
import { manyStagesDockerfile } from "../test/support/many-stages";

const REPO = resolve(__dirname, "..");
const CORPUS = resolve(REPO, "..", "shared", "corpus", "real");
const SERVER = join(REPO, "dist", "server", "node.js");
const quick = process.argv.includes("--quick");
const REPEATS = quick ? 1 : 3;
const KEYSTROKES = quick ? 15 : 40;
const COLD_STARTS = quick ? 2 : 5;
/** No registry traffic: an untrusted workspace with live lookups off. */
const OFFLINE = { isTrusted: false, settings: { imageSize: { online: false } } };

interface Sample {
  name: string;
  bytes: number;
  ms: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function stats(values: readonly number[]): { median: number; p95: number; p99: number; max: number; total: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    total: values.reduce((a, b) => a + b, 0),
  };
}

/** Best CPU time (user + system) of `repeats` runs: unlike wall time, not inflated by other processes. */
function cpuBest(repeats: number, run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Best of `repeats` runs: the least disturbed by other processes on the machine. */
function timeBest(repeats: number, run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) : "-");
const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`);

function table(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => "  " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log("  " + widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
}

function corpusFiles(): { name: string; text: string }[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS)
    .filter((f) => f !== "MANIFEST.tsv" && statSync(join(CORPUS, f)).isFile())
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(CORPUS, f), "utf8") }));
}

function benchCorpus(files: { name: string; text: string }[]): { typical: { name: string; text: string } | null } {
  console.log(`\n1. Per-file analysis over the corpus (${files.length} files, best of ${REPEATS} runs per file)`);
  if (files.length === 0) {
    console.log(`  corpus not found at ${CORPUS}, skipped`);
    return { typical: null };
  }
  // Warm-up: the first runs pay for JIT compilation, which an editor session pays once.
  for (const f of files) {
    analyze(f.text);
    validate(f.text);
  }
  const ours: Sample[] = [];
  const theirs: Sample[] = [];
  for (const f of files) {
    ours.push({ name: f.name, bytes: f.text.length, ms: timeBest(REPEATS, () => analyze(f.text)) });
    theirs.push({ name: f.name, bytes: f.text.length, ms: timeBest(REPEATS, () => validate(f.text)) });
  }
  const a = stats(ours.map((s) => s.ms));
  const v = stats(theirs.map((s) => s.ms));
  table(
    ["per file (ms)", "median", "p95", "p99", "max", "total"],
    [
      ["stagecraft analyze", ms(a.median), ms(a.p95), ms(a.p99), ms(a.max), ms(a.total)],
      ["dockerfile-utils validate", ms(v.median), ms(v.p95), ms(v.p99), ms(v.max), ms(v.total)],
    ],
  );
  const ratio = a.median / v.median;
  console.log(`  ratio of medians (analyze / validate): ${ratio.toFixed(2)} (bar: at most 2.00) ${ratio <= 2 ? "OK" : "OVER"}`);
  const validateByName = new Map(theirs.map((s) => [s.name, s.ms]));
  console.log("  5 slowest files:");
  table(
    ["file", "bytes", "analyze ms", "validate ms"],
    [...ours]
      .sort((x, y) => y.ms - x.ms)
      .slice(0, 5)
      .map((s) => [s.name, s.bytes, ms(s.ms), ms(validateByName.get(s.name) ?? NaN)]),
  );
  // The typical file for the editor measurements: the multi-stage file of median size.
  const multiStage = files.filter((f) => (f.text.match(/^\s*FROM\s/gim) ?? []).length >= 2).sort((x, y) => x.text.length - y.text.length);
  const typical = multiStage[Math.floor(multiStage.length / 2)] ?? null;
  return { typical };
}

function benchSynthetic(): void {
  const sizes = quick ? [1350, 2700, 5400] : [2700, 5400, 10800];
  console.log(`\n2. Synthetic many-stage files: CPU time, which must grow linearly with size (garbage collection included)`);
  const rows: (string | number)[][] = [];
  let previous: number | null = null;
  for (const stages of sizes) {
    const text = manyStagesDockerfile(stages);
    analyze(text);
    const ours = cpuBest(quick ? 1 : 2, () => analyze(text));
    const theirs = cpuBest(1, () => validate(text));
    rows.push([stages, kb(text.length), ms(ours), ms(theirs), (ours / theirs).toFixed(2), previous === null ? "" : (ours / previous).toFixed(2)]);
    previous = ours;
  }
  table(["stages", "size", "analyze CPU ms", "validate CPU ms", "ratio", "x previous (2.00 = linear)"], rows);
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    // Not Linux (no /proc): memory is reported as unknown.
    return NaN;
  }
}

async function benchKeystrokes(typical: { name: string; text: string }): Promise<void> {
  console.log(`\n3. Keystroke to diagnostics through the server over stdio (${typical.name}, ${typical.text.length} bytes, ${KEYSTROKES} keystrokes)`);
  const rows: (string | number)[][] = [];
  for (const delay of [DEFAULT_DIAGNOSTICS_DELAY, 0]) {
    const client = await LspClient.start({ serverPath: SERVER, initializationOptions: { diagnosticsDelay: delay, ...OFFLINE } });
    client.settings = OFFLINE.settings;
    try {
      const uri = pathToFileURL(join(REPO, "bench-typing", "Dockerfile")).toString();
      const base = typical.text.endsWith("\n") ? typical.text : `${typical.text}\n`;
      const text = `${base}RUN echo `;
      const line = base.split("\n").length - 1;
      await client.open(uri, text, 1);
      await client.waitForDiagnostics(uri, (p) => p.version === 1, 10000);
      const latencies: number[] = [];
      let character = "RUN echo ".length;
      for (let version = 2; version < KEYSTROKES + 2; version++) {
        const started = performance.now();
        await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: "a" }]);
        await client.waitForDiagnostics(uri, (p) => p.version === version, 10000);
        latencies.push(performance.now() - started);
        character++;
      }
      const s = stats(latencies);
      rows.push([`debounce ${delay} ms`, ms(s.median), ms(s.p95), ms(s.max)]);
    } finally {
      await client.stop();
    }
  }
  table(["didChange -> publishDiagnostics", "median ms", "p95 ms", "max ms"], rows);
  console.log(
    `  the debounce (stagecraft.diagnostics.delay, default ${DEFAULT_DIAGNOSTICS_DELAY} ms) is the quiet time waited before analysing; the 0 ms row is the work itself`,
  );
}

async function benchColdStart(typical: { name: string; text: string }): Promise<void> {
  console.log(`\n4. Cold start (${COLD_STARTS} runs)`);
  const init: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const started = performance.now();
    const client = await LspClient.start({ serverPath: SERVER, initializationOptions: OFFLINE });
    client.settings = OFFLINE.settings;
    init.push(performance.now() - started);
    try {
      const uri = pathToFileURL(join(REPO, "bench-cold", "Dockerfile")).toString();
      await client.open(uri, typical.text, 1);
      await client.waitForDiagnostics(uri, (p) => p.version === 1, 10000);
      first.push(performance.now() - started);
    } finally {
      await client.stop();
    }
  }
  const a = stats(init);
  const b = stats(first);
  table(
    ["from spawn to", "median ms", "max ms"],
    [
      ["initialize result", ms(a.median), ms(a.max)],
      ["first diagnostics", ms(b.median), ms(b.max)],
    ],
  );
}

async function benchMemory(files: { name: string; text: string }[]): Promise<void> {
  console.log(`\n5. Server memory (RSS)`);
  const client = await LspClient.start({ serverPath: SERVER, initializationOptions: OFFLINE });
  client.settings = OFFLINE.settings;
  try {
    const pid = client.process.pid as number;
    await new Promise((r) => setTimeout(r, 200));
    const idle = rssOf(pid);
    const uris: string[] = [];
    for (const [i, f] of files.entries()) {
      const uri = pathToFileURL(join(REPO, "bench-memory", String(i), "Dockerfile")).toString();
      uris.push(uri);
      await client.open(uri, f.text, 1);
    }
    for (const uri of uris) await client.waitForDiagnostics(uri, (p) => p.version === 1, 60000);
    const loaded = rssOf(pid);
    table(
      ["state", "RSS"],
      [
        ["after initialize", Number.isFinite(idle) ? kb(idle) : "unknown"],
        [`${files.length} corpus files open and analysed`, Number.isFinite(loaded) ? kb(loaded) : "unknown"],
      ],
    );
  } finally {
    await client.stop();
  }
}

function benchBundles(): void {
  console.log(`\n6. Bundle sizes (dist/)`);
  const rows: (string | number)[][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".js")) {
        const bytes = readFileSync(path);
        rows.push([relative(REPO, path), kb(bytes.length), kb(gzipSync(bytes).length)]);
      }
    }
  };
  walk(join(REPO, "dist"));
  table(["bundle", "size", "gzip"], rows);
}

async function main(): Promise<void> {
  const files = corpusFiles();
  const { typical } = benchCorpus(files);
  benchSynthetic();
  if (!existsSync(SERVER)) {
    console.log(`\n${relative(REPO, SERVER)} not found: run \`npm run build\` first; server measurements skipped`);
    return;
  }
  const sample = typical ?? { name: "synthetic (200 stages)", text: manyStagesDockerfile(200) };
  await benchKeystrokes(sample);
  await benchColdStart(sample);
  if (files.length > 0) await benchMemory(files);
  benchBundles();
  if (!existsSync(ANCHOR_SERVER)) console.log(`\n${relative(REPO, ANCHOR_SERVER)} not found: run \`npm ci\`; LSP side-by-side skipped`);
  else {
    const typing = [...files].sort((a, b) => b.text.length - a.text.length)[0];
    const projects = projectFiles(PROJECTS, quick ? 20 : undefined);
    await runLspBench({ stagecraft: SERVER, anchor: ANCHOR_SERVER, files: quick ? lspCorpusFiles(CORPUS, 40) : files, projects, typing, quick });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
