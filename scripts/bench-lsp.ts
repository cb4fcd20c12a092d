// The LSP side-by-side: Stagecraft's built server and the pinned anchor (dockerfile-language-server-nodejs,
// what VS Code users run today) driven by the same client over stdio, on the same files, interleaved
// request by request so both see the same machine load. For each measure it prints both figures and
// the ratio Stagecraft / anchor (below 1.00: Stagecraft is faster or smaller).
//  - cold start: spawn -> initialize result, the first start apart (Stagecraft's compile cache is
//    made then, in a folder of the bench's own; host/compile-cache.ts); and spawn -> the first
//    diagnostics of a file of the corpus' median length, opened right after initialize;
//  - open -> first diagnostics, semantic tokens (full) and code actions at random lines (with the
//    diagnostics of that line, no `only`, as the lightbulb asks) over the corpus, each file opened,
//    measured and closed in turn; peak RSS (VmHWM) of each server after the corpus;
//  - typing on the largest file: didChange -> diagnostics (Stagecraft's debounce set to 0) and the
//    server's CPU time per edit;
//  - growth: each measure at n and 4n on generated inputs, with the fitted exponent (1.00 = linear);
//    above 1.20 is flagged.
// `npm run bench` runs it after the in-process sections; `npm run bench:lsp [-- --quick]` alone.

import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { pathToFileURL } from "url";
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver/node";
import { NODE_SERVER_EXEC_ARGV } from "../server/src/lsp/protocol";
import { FULL_CAPABILITIES, LspClient } from "../test/support/lsp-client";
import { seededRandom } from "../test/support/seeded-random";

const REPO = resolve(__dirname, "..");
export const CORPUS = resolve(REPO, "..", "shared", "corpus", "real");
/** Real projects: each a Dockerfile in its repository's files (manifests, compose, CI, scripts). */
export const PROJECTS = resolve(REPO, "..", "shared", "corpus", "projects", "lint");
export const STAGECRAFT_SERVER = join(REPO, "dist", "server", "node.js");
export const ANCHOR_SERVER = join(REPO, "node_modules", "dockerfile-language-server-nodejs", "lib", "server.js");
/** Growth above this fitted exponent is a finding. */
export const GROWTH_LIMIT = 1.2;

/** What both servers are told they may use: VS Code's announcement plus what the anchor needs to offer its features. */
const CAPABILITIES: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  workspace: { ...FULL_CAPABILITIES.workspace, applyEdit: true },
  textDocument: {
    ...FULL_CAPABILITIES.textDocument,
    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ["relative"] },
  },
};
/** Stagecraft offline (no registry traffic), without ShellCheck and with no debounce, like the anchor. */
const STAGECRAFT_SETTINGS = { imageSize: { online: false }, shellcheck: { path: "" }, diagnostics: { delay: 0 } };
const STAGECRAFT_INIT = { isTrusted: false, diagnosticsDelay: 0, settings: STAGECRAFT_SETTINGS };

export interface ServerSpec {
  name: string;
  path: string;
  /** Node options its editor client starts it with. */
  execArgv?: readonly string[];
  initializationOptions?: unknown;
  settings?: unknown;
  /** Environment variables on top of the bench's own. */
  env?: Record<string, string>;
}

export interface LspBenchOptions {
  stagecraft: string;
  anchor: string;
  files: { name: string; text: string }[];
  /**
   * Dockerfiles opened where they lie, in their projects: the corpus files sit in empty folders,
   * where there is no build context to read, while a user's Dockerfile has one.
   */
  projects?: ProjectFile[];
  /** The file typed into; by default the largest of `files`. */
  typing?: { name: string; text: string };
  quick: boolean;
  log?: (line: string) => void;
  /** Seed of the random positions, so runs compare. */
  seed?: number;
}

/** A Dockerfile in its project: opened at its own path, so the server reads its real context. */
export interface ProjectFile {
  name: string;
  path: string;
  text: string;
}

export interface Figure {
  measure: string;
  unit: "ms" | "MiB";
  stagecraft: number;
  anchor: number;
  ratio: number;
}

export interface Growth {
  input: string;
  measure: string;
  server: string;
  n: number;
  /** Best wall time of the repeats at n and 4n, in ms (Infinity: timed out). */
  atN: number;
  at4N: number;
  /** The server's CPU time per repeat at n and 4n, in ms (mean of the repeats; NaN without /proc). */
  cpuAtN: number;
  cpuAt4N: number;
  /** What the exponent is fitted on: server CPU time when enough of it was used to read, else wall time. */
  basis: "cpu" | "wall";
  exponent: number;
  flagged: boolean;
}

/** Below this much server CPU time over the repeats at n, clock ticks (10 ms) are too coarse to fit on. */
const MIN_CPU_TO_FIT_MS = 100;

export interface LspBenchResult {
  figures: Figure[];
  growth: Growth[];
}

/** One server under measurement. */
class Subject {
  private constructor(
    readonly spec: ServerSpec,
    readonly client: LspClient,
  ) {}

  /** Starts the server with `workspace` (a folder URI) open, as an editor with a folder open does. */
  static async start(spec: ServerSpec, workspace: string): Promise<{ subject: Subject; initializeMs: number }> {
    const started = performance.now();
    const client = await LspClient.start({
      serverPath: spec.path,
      execArgv: [...(spec.execArgv ?? [])],
      capabilities: CAPABILITIES,
      initializationOptions: spec.initializationOptions,
      workspaceFolders: [workspace],
      env: spec.env,
    });
    const initializeMs = performance.now() - started;
    client.settings = spec.settings ?? null;
    return { subject: new Subject(spec, client), initializeMs };
  }

  get pid(): number {
    return this.client.process.pid as number;
  }

  /** Sends `act` and resolves with the milliseconds until the next diagnostics of `uri` (of `version` where the server says). */
  async untilDiagnostics(uri: string, version: number, act: () => Promise<void>, timeoutMs: number): Promise<{ ms: number; diagnostics: Diagnostic[] }> {
    this.client.published.length = 0;
    const started = performance.now();
    await act();
    const published = await this.client.waitForDiagnostics(uri, (p: PublishDiagnosticsParams) => p.version === undefined || p.version === version, timeoutMs);
    return { ms: performance.now() - started, diagnostics: published.diagnostics };
  }

  async timed<R>(method: string, params: unknown, timeoutMs: number): Promise<number> {
    const started = performance.now();
    const answer = this.client.request<R>(method, params);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TimeoutError(`${method} took over ${timeoutMs} ms`)), timeoutMs)));
    try {
      await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
    return performance.now() - started;
  }

  async stop(): Promise<void> {
    await this.client.stop();
  }
}

class TimeoutError extends Error {}

/** Peak resident memory of a process (VmHWM), in bytes; NaN without /proc. */
export function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    // Not Linux: memory is unknown.
    return NaN;
  }
}

let clockTicks: number | null = null;
/** CPU time (user + system) a process has used so far, in ms; NaN without /proc. */
export function cpuMs(pid: number): number {
  try {
    clockTicks ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at the state, field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / clockTicks) * 1000;
  } catch {
    return NaN;
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const median = (values: readonly number[]) => percentile(values, 50);

const fmt = (v: number) => (!Number.isFinite(v) ? (v === Infinity ? "timeout" : "-") : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

function table(log: (line: string) => void, header: string[], rows: string[][]): void {
  const cells = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => "  " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  log(line(header));
  log("  " + widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) log(line(r));
}

/** The corpus files (MANIFEST.tsv left out), sorted by name; `limit` keeps an even spread of them. */
export function corpusFiles(dir = CORPUS, limit?: number): { name: string; text: string }[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((f) => f !== "MANIFEST.tsv" && statSync(join(dir, f)).isFile())
    .sort();
  const chosen = limit === undefined || limit >= names.length ? names : names.filter((_, i) => i % Math.ceil(names.length / limit) === 0).slice(0, limit);
  return chosen.map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") }));
}

/** The Dockerfiles of the lint corpus' projects (case.json names each), in name order; `limit` keeps the first. */
export function projectFiles(dir = PROJECTS, limit?: number): ProjectFile[] {
  if (!existsSync(dir)) return [];
  const cases = readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "case.json")))
    .sort()
    .slice(0, limit);
  return cases.flatMap((name) => {
    const facts = JSON.parse(readFileSync(join(dir, name, "case.json"), "utf8")) as { dockerfile?: string };
    const path = join(dir, name, facts.dockerfile ?? "Dockerfile");
    return existsSync(path) ? [{ name, path, text: readFileSync(path, "utf8") }] : [];
  });
}

/** Generated inputs for the growth measures: `n` stages, RUN lines, continuation lines, heredocs or words on one line. */
export const GROWTH_INPUTS: { name: string; n: { quick: number; full: number }; text: (n: number) => string }[] = [
  {
    name: "stages",
    n: { quick: 25, full: 150 },
    text: (n) =>
      Array.from({ length: n }, (_, i) =>
        [`FROM alpine:3.20 AS s${i}`, i > 0 ? `COPY --from=s${i - 1} /out /in` : "WORKDIR /src", `RUN echo ${i} > /out`].join("\n"),
      ).join("\n") + "\n",
  },
  {
    name: "RUN lines",
    n: { quick: 50, full: 250 },
    text: (n) => ["FROM debian:12-slim", ...Array.from({ length: n }, (_, i) => `RUN echo step ${i} && touch /tmp/f${i}`), ""].join("\n"),
  },
  {
    name: "continuation lines",
    n: { quick: 50, full: 250 },
    text: (n) => ["FROM debian:12-slim", "RUN set -eux; \\", ...Array.from({ length: n }, (_, i) => `    echo step ${i}; \\`), "    true", ""].join("\n"),
  },
  {
    name: "heredocs",
    n: { quick: 15, full: 60 },
    text: (n) => ["FROM debian:12-slim", ...Array.from({ length: n }, (_, i) => `RUN <<EOF\necho step ${i}\ntouch /tmp/f${i}\nEOF`), ""].join("\n"),
  },
  {
    name: "words per line",
    n: { quick: 200, full: 800 },
    text: (n) => ["FROM debian:12-slim", `RUN echo ${Array.from({ length: n }, (_, i) => `w${i}`).join(" ")}`, ""].join("\n"),
  },
];

/** Fitted exponent of t(n) ~ n^k from the times at n and 4n. */
export function exponent(atN: number, at4N: number): number {
  if (at4N === Infinity) return Infinity;
  return Math.log(at4N / atN) / Math.log(4);
}

/**
 * Runs the side-by-side. Both servers run at once; every measure alternates between them, so load
 * from other processes falls on both.
 */
export async function runLspBench(options: LspBenchOptions): Promise<LspBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const quick = options.quick;
  const rand = seededRandom(options.seed ?? 16);
  const folder = mkdtempSync(join(tmpdir(), "stagecraft-bench-lsp-"));
  const specs: ServerSpec[] = [
    // Started as the extension starts it (client/src/extension.ts); the anchor as its extension does, with no options.
    {
      name: "stagecraft",
      path: options.stagecraft,
      execArgv: NODE_SERVER_EXEC_ARGV,
      initializationOptions: STAGECRAFT_INIT,
      settings: STAGECRAFT_SETTINGS,
      // A compile cache that no earlier run made: the first start below makes it.
      env: { STAGECRAFT_COMPILE_CACHE: join(folder, "compile-cache") },
    },
    { name: "anchor", path: options.anchor },
  ];
  // The workspace folder the editor has open; each file sits alone in its own empty folder in it: a build context with nothing to read.
  const workspace = pathToFileURL(folder).toString();
  const uriFor = (label: string, i: number) => {
    const dir = join(folder, label, String(i));
    mkdirSync(dir, { recursive: true });
    return pathToFileURL(join(dir, "Dockerfile")).toString();
  };
  const requestTimeout = quick ? 5000 : 20000;
  const results: Record<string, Record<string, number[]>> = { stagecraft: {}, anchor: {} };
  const record = (server: string, measure: string, value: number) => (results[server][measure] ??= []).push(value);
  const peaks: Record<string, number> = {};

  try {
    // Cold start, alternating which server starts first; the first start of each apart. Each start
    // then opens a Dockerfile of the corpus' median length: spawn -> its first diagnostics is the
    // wait a user has on opening a Dockerfile in a new window.
    const typical = [...options.files].sort((a, b) => a.text.length - b.text.length)[options.files.length >> 1];
    const coldStarts = quick ? 3 : 9;
    for (let i = 0; i <= coldStarts; i++) {
      for (const spec of i % 2 === 0 ? specs : [...specs].reverse()) {
        const { subject, initializeMs } = await Subject.start(spec, workspace);
        record(spec.name, i === 0 ? "first start" : "cold start", initializeMs);
        if (typical && i > 0) {
          const uri = uriFor(`start-${spec.name}`, i);
          const opened = await subject.untilDiagnostics(uri, 1, () => subject.client.open(uri, typical.text, 1), requestTimeout);
          record(spec.name, "start -> first diagnostics", initializeMs + opened.ms);
        }
        await subject.stop();
      }
    }

    // The corpus, opened in turn on both servers.
    const subjects = await Promise.all(specs.map(async (spec) => (await Subject.start(spec, workspace)).subject));
    const codeActionsPerFile = quick ? 2 : 4;
    for (const [i, file] of options.files.entries()) {
      const lines = file.text.split("\n");
      const positions = Array.from({ length: codeActionsPerFile }, () => Math.floor(rand() * lines.length));
      for (const subject of i % 2 === 0 ? subjects : [...subjects].reverse()) {
        const name = subject.spec.name;
        const uri = uriFor(`corpus-${name}`, i);
        const opened = await subject.untilDiagnostics(uri, 1, () => subject.client.open(uri, file.text, 1), requestTimeout);
        record(name, "open -> diagnostics", opened.ms);
        record(name, "semantic tokens (full)", await subject.timed("textDocument/semanticTokens/full", { textDocument: { uri } }, requestTimeout));
        for (const line of positions) {
          const position = { line, character: 0 };
          const diagnostics = opened.diagnostics.filter((d) => d.range.start.line <= line && d.range.end.line >= line);
          const params = { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics, triggerKind: 2 } };
          record(name, "code actions", await subject.timed("textDocument/codeAction", params, requestTimeout));
        }
        await subject.client.close(uri);
      }
    }
    for (const subject of subjects) peaks[subject.spec.name] = peakRss(subject.pid) / 1024 / 1024;
    // Real projects: a file opened where it lies, its context read from its project's files.
    for (const [i, project] of (options.projects ?? []).entries()) {
      for (const subject of i % 2 === 0 ? subjects : [...subjects].reverse()) {
        const uri = pathToFileURL(project.path).toString();
        const opened = await subject.untilDiagnostics(uri, 1, () => subject.client.open(uri, project.text, 1), requestTimeout);
        record(subject.spec.name, "open in a project -> diagnostics", opened.ms);
        await subject.client.close(uri);
      }
    }

    // Typing at the end of the largest file: one character per edit.
    const largest = options.typing ?? [...options.files].sort((a, b) => b.text.length - a.text.length)[0];
    const edits = quick ? 10 : 60;
    const typingLines = largest ? largest.text.split("\n").length : 0;
    if (largest) {
      const base = largest.text.endsWith("\n") ? largest.text : `${largest.text}\n`;
      const line = base.split("\n").length - 1;
      const uris = new Map(subjects.map((s) => [s, uriFor(`typing-${s.spec.name}`, 0)]));
      for (const subject of subjects) {
        const uri = uris.get(subject) as string;
        await subject.untilDiagnostics(uri, 1, () => subject.client.open(uri, `${base}RUN echo `, 1), requestTimeout);
      }
      const cpuBefore = new Map(subjects.map((s) => [s, cpuMs(s.pid)]));
      for (let k = 0; k < edits; k++) {
        const version = k + 2;
        const character = "RUN echo ".length + k;
        for (const subject of k % 2 === 0 ? subjects : [...subjects].reverse()) {
          const uri = uris.get(subject) as string;
          const change = { range: { start: { line, character }, end: { line, character } }, text: "a" };
          const typed = await subject.untilDiagnostics(uri, version, () => subject.client.change(uri, version, [change]), requestTimeout);
          record(subject.spec.name, "edit -> diagnostics", typed.ms);
        }
      }
      for (const subject of subjects) {
        record(subject.spec.name, "CPU per edit", (cpuMs(subject.pid) - (cpuBefore.get(subject) as number)) / edits);
        await subject.client.close(uris.get(subject) as string);
      }
    }
    await Promise.all(subjects.map((s) => s.stop()));

    const figures: Figure[] = [];
    const figure = (measure: string, label: string, pick: (values: number[]) => number, unit: "ms" | "MiB" = "ms") => {
      const s = pick(results.stagecraft[measure] ?? []);
      const a = pick(results.anchor[measure] ?? []);
      figures.push({ measure: label, unit, stagecraft: s, anchor: a, ratio: s / a });
    };
    figure("first start", "first start (spawn -> initialize)", median);
    figure("cold start", "cold start (spawn -> initialize), median", median);
    if (results.stagecraft["start -> first diagnostics"])
      figure("start -> first diagnostics", "spawn -> first diagnostics (a median-length file), median", median);
    figure("open -> diagnostics", "open -> diagnostics, median", median);
    figure("open -> diagnostics", "open -> diagnostics, p99", (v) => percentile(v, 99));
    if (results.stagecraft["open in a project -> diagnostics"]) {
      const projects = options.projects?.length ?? 0;
      figure("open in a project -> diagnostics", `open in a project (${projects} real ones) -> diagnostics, median`, median);
      figure("open in a project -> diagnostics", `open in a project (${projects} real ones) -> diagnostics, p99`, (v) => percentile(v, 99));
    }
    if (largest) {
      figure("edit -> diagnostics", `edit -> diagnostics (${typingLines} lines), median`, median);
      figure("edit -> diagnostics", `edit -> diagnostics (${typingLines} lines), p99`, (v) => percentile(v, 99));
      figure("CPU per edit", `server CPU per edit (${typingLines} lines)`, (v) => v[0] ?? NaN);
    }
    figure("semantic tokens (full)", "semantic tokens (full), median", median);
    figure("semantic tokens (full)", "semantic tokens (full), p99", (v) => percentile(v, 99));
    figure("code actions", "code actions at random lines, median", median);
    figure("code actions", "code actions at random lines, p99", (v) => percentile(v, 99));
    figures.push({
      measure: "peak RSS (VmHWM) after the corpus",
      unit: "MiB",
      stagecraft: peaks.stagecraft,
      anchor: peaks.anchor,
      ratio: peaks.stagecraft / peaks.anchor,
    });

    log(`\nLSP side by side: Stagecraft vs dockerfile-language-server-nodejs (anchor), ${options.files.length} files, interleaved`);
    table(
      log,
      ["measure", "unit", "stagecraft", "anchor", "ratio"],
      figures.map((f) => [f.measure, f.unit, fmt(f.stagecraft), fmt(f.anchor), Number.isFinite(f.ratio) ? f.ratio.toFixed(2) : "-"]),
    );
    log("  ratio = Stagecraft / anchor; below 1.00 Stagecraft is faster or smaller. Stagecraft's debounce is 0 here, as the anchor has none.");

    const growth = await measureGrowth(specs, uriFor, workspace, quick, log);
    return { figures, growth };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Each measure at n and 4n on each generated input, on fresh servers; a request over the timeout counts as unbounded growth. */
async function measureGrowth(
  specs: ServerSpec[],
  uriFor: (label: string, i: number) => string,
  workspace: string,
  quick: boolean,
  log: (line: string) => void,
): Promise<Growth[]> {
  const repeats = quick ? 3 : 5;
  const timeoutMs = quick ? 5000 : 15000;
  const growth: Growth[] = [];
  let serial = 0;
  for (const input of GROWTH_INPUTS) {
    const n = quick ? input.n.quick : input.n.full;
    for (const spec of specs) {
      const times: Record<string, [number, number]> = {};
      const cpuTotals: Record<string, [number, number]> = {};
      let { subject } = await Subject.start(spec, workspace);
      try {
        for (const [slot, size] of [n, 4 * n].entries()) {
          const text = input.text(size);
          const lastLine = text.split("\n").length - 1;
          const samples: Record<string, number[]> = {};
          const add = (measure: string, value: number) => (samples[measure] ??= []).push(value);
          const cpu: Record<string, number[]> = {};
          // A measure that timed out once at this size is not asked again: it counts as unbounded.
          const timedOut = new Set<string>();
          // Without the document open, nothing else can be measured at this size.
          for (let r = 0; r < repeats && !timedOut.has("open -> diagnostics"); r++) {
            const uri = uriFor(`growth-${spec.name}`, serial++);
            const middle = { line: Math.floor(lastLine / 2), character: 0 };
            const change = { range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: "#" };
            // Semantic tokens last: a server busy past the timeout delays nothing else.
            const steps: [string, () => Promise<number>][] = [
              ["open -> diagnostics", async () => (await subject.untilDiagnostics(uri, 1, () => subject.client.open(uri, text, 1), timeoutMs)).ms],
              [
                "code actions",
                () =>
                  subject.timed(
                    "textDocument/codeAction",
                    { textDocument: { uri }, range: { start: middle, end: middle }, context: { diagnostics: [], triggerKind: 2 } },
                    timeoutMs,
                  ),
              ],
              ["edit -> diagnostics", async () => (await subject.untilDiagnostics(uri, 2, () => subject.client.change(uri, 2, [change]), timeoutMs)).ms],
              ["semantic tokens", () => subject.timed("textDocument/semanticTokens/full", { textDocument: { uri } }, timeoutMs)],
            ];
            let replaced = false;
            for (const [measure, step] of steps) {
              if (timedOut.has(measure)) continue;
              try {
                const before = cpuMs(subject.pid);
                add(measure, await step());
                (cpu[measure] ??= []).push(cpuMs(subject.pid) - before);
              } catch (error) {
                if (!(error instanceof TimeoutError) && !/no matching diagnostics/.test(String(error))) throw error;
                timedOut.add(measure);
                add(measure, Infinity);
                (cpu[measure] ??= []).push(Infinity);
                // The stuck server is replaced; this repeat's remaining measures are skipped.
                subject.client.process.kill();
                await subject.stop();
                subject = (await Subject.start(spec, workspace)).subject;
                replaced = true;
                break;
              }
            }
            if (!replaced) await subject.client.close(uri);
          }
          // The best of the repeats: the run least disturbed by other processes.
          for (const [measure, values] of Object.entries(samples)) (times[measure] ??= [NaN, NaN])[slot] = Math.min(...values);
          // CPU time is not inflated by other processes' load the way wall time is; summed, so ticks add up.
          for (const [measure, values] of Object.entries(cpu)) (cpuTotals[measure] ??= [NaN, NaN])[slot] = values.reduce((a, b) => a + b, 0) / values.length;
        }
      } finally {
        await subject.stop();
      }
      for (const [measure, [atN, at4N]] of Object.entries(times)) {
        const [cpuAtN, cpuAt4N] = cpuTotals[measure] ?? [NaN, NaN];
        const basis = cpuAtN * repeats >= MIN_CPU_TO_FIT_MS ? "cpu" : "wall";
        const k = basis === "cpu" ? exponent(cpuAtN, cpuAt4N) : exponent(atN, at4N);
        growth.push({ input: input.name, measure, server: spec.name, n, atN, at4N, cpuAtN, cpuAt4N, basis, exponent: k, flagged: !(k <= GROWTH_LIMIT) });
      }
    }
  }
  log(
    `\nGrowth on generated inputs at n and 4n: best wall ms of ${repeats}, server CPU ms per request (mean), fitted exponent k (time ~ n^k; 1.00 = linear, above ${GROWTH_LIMIT} flagged)`,
  );
  log(`  k is fitted on CPU time (c) when the server used at least ${MIN_CPU_TO_FIT_MS} ms of it at n over the repeats, else on wall time (w)`);
  table(
    log,
    ["input", "n", "measure", "stagecraft n", "4n", "cpu n", "4n", "k", "anchor n", "4n", "cpu n", "4n", "k"],
    growth
      .filter((g) => g.server === "stagecraft")
      .map((g) => {
        const other = growth.find((a) => a.server === "anchor" && a.input === g.input && a.measure === g.measure);
        const k = (x: Growth | undefined) =>
          x ? `${Number.isFinite(x.exponent) ? x.exponent.toFixed(2) : Number.isNaN(x.exponent) ? "-" : "inf"} ${x.basis[0]}${x.flagged ? " !" : ""}` : "-";
        const cells = (x: Growth | undefined) => [fmt(x?.atN ?? NaN), fmt(x?.at4N ?? NaN), fmt(x?.cpuAtN ?? NaN), fmt(x?.cpuAt4N ?? NaN), k(x)];
        return [g.input, String(g.n), g.measure, ...cells(g), ...cells(other)];
      }),
  );
  const flagged = growth.filter((g) => g.flagged);
  log(
    flagged.length === 0
      ? "  no measure grows faster than n^1.2"
      : `  flagged (k > ${GROWTH_LIMIT}): ${flagged.map((g) => `${g.server} ${g.measure} on ${g.input} (${Number.isFinite(g.exponent) ? g.exponent.toFixed(2) : "timeout"})`).join("; ")}`,
  );
  return growth;
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  for (const [what, path] of [
    ["Stagecraft's server", STAGECRAFT_SERVER],
    ["the anchor server", ANCHOR_SERVER],
  ]) {
    if (!existsSync(path)) {
      console.log(`\n${what} not found at ${path}: run \`npm run build\` / \`npm ci\` first; LSP side-by-side skipped`);
      return;
    }
  }
  const all = corpusFiles(CORPUS);
  if (all.length === 0) console.log(`corpus not found at ${CORPUS}: corpus measures skipped`);
  // Typing is measured on the largest corpus file even in the quick run.
  const typing = [...all].sort((a, b) => b.text.length - a.text.length)[0];
  const projects = projectFiles(PROJECTS, quick ? 20 : undefined);
  if (projects.length === 0) console.log(`projects not found at ${PROJECTS}: the open-in-a-project measure skipped`);
  await runLspBench({ stagecraft: STAGECRAFT_SERVER, anchor: ANCHOR_SERVER, files: quick ? corpusFiles(CORPUS, 40) : all, projects, typing, quick });
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
