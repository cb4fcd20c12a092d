// The LSP fuzzer of issue #15: seeded random incremental edits and requests (at random and
// out-of-range positions) over real Dockerfiles from ../shared/corpus/real, against the bundled
// server. Asserts that the server never crashes or logs a failed feature, answers every request
// within 2 s, keeps every range and semantic token inside the document, offers only edits that
// apply, and publishes for an edited document the diagnostics a fresh open of its text gets.
// `npm run fuzz` runs it for longer (scripts/fuzz.ts); test/lsp/fuzz.test.ts runs a few seconds.

import { existsSync, readdirSync, readFileSync } from "fs";
import type { ChildProcess } from "child_process";
import { join, resolve } from "path";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver/node";
import { LspClient, workspaceFolder } from "../support/lsp-client";
import { seededRandom } from "../support/seeded-random";

export const CORPUS = resolve(__dirname, "..", "..", "..", "shared", "corpus", "real");
const MAX_ANSWER_MS = 2000;
/**
 * Longest any step may wait (a request's answer, a notification's write, the server's start) before
 * the run fails naming it: a lost answer would otherwise hold the run, and CI, until killed.
 */
const STALL_MS = 30000;

/** A step that did not finish within STALL_MS; the message names it and what the server was doing. */
export class FuzzStall extends Error {}

export interface FuzzOptions {
  seed: number;
  /** Wall-clock budget in seconds; the run stops starting new files after it. */
  seconds: number;
  /** Edits per file before it is compared with a fresh open. */
  editsPerFile?: number;
  log?: (line: string) => void;
  /** Server bundle to run (dist/server/node.js); a fresh bundle of the sources by default. */
  serverPath?: string;
  /**
   * Whether an answer over the 2 s limit fails the run (the default). A long run on a shared CI
   * machine reports them apart instead, so wall-clock noise cannot hide or fake a correctness
   * failure: crashes, ranges, edits and fresh-vs-incremental differences always fail.
   */
  slowIsFailure?: boolean;
}

export interface FuzzReport {
  seed: number;
  files: number;
  edits: number;
  requests: number;
  comparisons: number;
  slowest: { method: string; ms: number };
  ms: number;
  failures: string[];
  /** Answers over the time limit: failures too, unless the run reports them apart (`slowIsFailure: false`). */
  slow: string[];
}

/** Fragments that reached bugs, or sit near them: escapes, variables, stage names, quotes, globs. */
const FRAGMENTS = [
  "\\",
  "\\\\\n",
  " \\\n",
  "\n",
  "\r\n",
  "$",
  "$\\",
  "${",
  "}",
  "${V0}${V1}${V2}${V3}${V4}${V5}${V6}${V7}${V8}x",
  "${a:-${b:+${c}}}",
  '"',
  "'",
  "`",
  "#",
  "# escape=`\n",
  "FROM ",
  "FROM alpine:3.23 AS build_stage_for_the_frontend_app!\n",
  " AS ",
  "AS builder",
  "COPY --from=",
  "COPY --frombuild /out /out\n",
  "COPY [z-a] ./\n",
  "COPY --chown=app:app . /app\n",
  " RUN echo $HOME\n",
  "RUN apt-get update && apt-get install -y curl\n",
  "RUN --mount=type=cache,target=/root/.cache ",
  "ARG VERSION=1.0\n",
  "ENV A=b C=d\n",
  "<<EOF\nhello\nEOF\n",
  "ONBUILD ",
  "HEALTHCHECK CMD true\n",
  '["sh", "-c", "echo hi"]',
  "\t",
  "    ",
  "*",
  "[",
  "]",
  "é",
  "\u{1F433}",
  "\u0000",
];

const METHODS = [
  "hover",
  "completion",
  "definition",
  "references",
  "documentHighlight",
  "prepareRename",
  "rename",
  "signatureHelp",
  "documentSymbol",
  "foldingRange",
  "formatting",
  "rangeFormatting",
  "onTypeFormatting",
  "semanticTokens",
  "semanticTokensDelta",
  "semanticTokensRange",
  "documentLink",
  "codeAction",
  "inlayHint",
] as const;

/** Corpus files, sorted so a seed picks the same ones everywhere. */
export function corpusFiles(): string[] {
  if (!existsSync(CORPUS)) return [];
  return (
    readdirSync(CORPUS)
      // The corpus holds Dockerfiles plus its own metadata (MANIFEST.tsv, README.md).
      .filter((n) => !n.startsWith(".") && !/\.(?:tsv|md|json|txt)$/i.test(n))
      .sort()
      .map((n) => join(CORPUS, n))
  );
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const rand = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const int = (n: number) => Math.floor(rand() * n);
  const files = corpusFiles();
  if (files.length === 0) throw new Error(`no corpus files in ${CORPUS}`);
  const report: FuzzReport = {
    seed: options.seed,
    files: 0,
    edits: 0,
    requests: 0,
    comparisons: 0,
    slowest: { method: "", ms: 0 },
    ms: 0,
    failures: [],
    slow: [],
  };
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  const ws = workspaceFolder({ ".dockerignore": "*.log\n[z-a]\nnode_modules\n" });
  const client = await withinStallLimit("starting the server", null, () =>
    LspClient.start({ initializationOptions: { diagnosticsDelay: 0 }, serverPath: options.serverPath }),
  );
  /** Runs one step of the run under the stall limit, naming the document and version it concerns. */
  const step = <T>(what: string, run: () => Promise<T>): Promise<T> => withinStallLimit(what, client, run);
  // ShellCheck publishes its findings later, in a second notification for the same version, so
  // which of the two a comparison catches is timing; it has its own tests (test/lsp/shellcheck.test.ts).
  client.settings = { shellcheck: { path: "" } };
  const fail = (message: string) => {
    if (report.failures.length < 50) report.failures.push(`seed ${options.seed}: ${message}`);
  };
  const slowAnswer = (message: string) => {
    if (options.slowIsFailure !== false) fail(message);
    else if (report.slow.length < 50) report.slow.push(`seed ${options.seed}: ${message}`);
  };
  let logsSeen = 0;
  try {
    while (Date.now() < deadline && client.isAlive && report.failures.length < 20) {
      const file = pick(files);
      const name = file.slice(file.lastIndexOf("/") + 1);
      const uri = ws.uri(`f${report.files}-${name.replace(/\W/g, "_")}.Dockerfile`);
      report.files++;
      let document = TextDocument.create(uri, "dockerfile", 1, readFileSync(file, "utf8"));
      // The last semantic tokens the server sent for this document, the base of its deltas.
      let lastTokens: { resultId?: string; data: number[] } | null = null;
      await step(`didOpen of ${name}`, () => client.open(uri, document.getText()));
      const edits = options.editsPerFile ?? 40;
      for (let i = 0; i < edits && Date.now() < deadline; i++) {
        // One incremental edit, in range, as editors send them.
        const text = document.getText();
        const a = int(text.length + 1);
        const b = Math.min(text.length, a + (rand() < 0.7 ? int(4) : int(200)));
        const inserted = rand() < 0.8 ? pick(FRAGMENTS) : "";
        const range = { start: document.positionAt(a), end: document.positionAt(b) };
        const version = document.version + 1;
        document = TextDocument.update(document, [{ range, text: inserted }], version);
        await step(`didChange of ${name} to version ${version}`, () => client.change(uri, version, [{ range, text: inserted }]));
        report.edits++;
        if (rand() < 0.5) await requestAndCheck(pick(METHODS));
      }
      // Incremental analysis must equal a fresh one of the same text.
      const finalVersion = document.version;
      const incremental = await client
        .waitForDiagnostics(uri, (p) => p.version === finalVersion, 20000)
        .catch((e: Error) => {
          fail(`${name}: no diagnostics for the last version: ${e.message.slice(0, 200)}`);
          return null;
        });
      // The fresh open uses the same URI (closed first): findings may depend on the file's name and
      // folder (a `Dockerfile.builder` is a build image), which must not count as a difference.
      await step(`didClose of ${name}`, () => client.close(uri));
      const freshUri = uri;
      const mark = client.published.length;
      // Version 1 marks the fresh analysis: closing publishes an empty, versionless list first.
      await step(`didOpen of ${name} afresh`, () => client.open(freshUri, document.getText(), 1));
      const fresh = await client.waitForDiagnostics(freshUri, (p) => client.published.indexOf(p) >= mark && p.version === 1, 20000).catch(() => null);
      if (incremental && fresh) {
        report.comparisons++;
        const a = normalized(incremental.diagnostics);
        const b = normalized(fresh.diagnostics);
        if (a !== b) fail(`${name}: incremental diagnostics differ from fresh ones for ${JSON.stringify(document.getText().slice(0, 300))}`);
        checkRanges("publishDiagnostics", incremental.diagnostics, document);
      }
      await step(`didClose of ${name} afresh`, () => client.close(freshUri));
      for (const log of client.logs.slice(logsSeen)) if (/failed|error/i.test(log)) fail(`server logged: ${log.split("\n")[0]}`);
      logsSeen = client.logs.length;
      options.log?.(
        `seed ${options.seed}: ${report.files} files, ${report.edits} edits, ${report.requests} requests, ${Math.round((Date.now() - started) / 1000)} s`,
      );

      async function requestAndCheck(method: (typeof METHODS)[number]): Promise<void> {
        const doc = { textDocument: { uri } };
        const lines = document.lineCount;
        const position =
          rand() < 0.8
            ? document.positionAt(int(document.getText().length + 1))
            : pick([
                { line: lines + int(5), character: 0 },
                { line: int(lines), character: 1000 + int(1000) },
                { line: 2147483647, character: 2147483647 },
                { line: 0, character: 0 },
              ]);
        const far = { start: { line: 0, character: 0 }, end: { line: 2147483647, character: 2147483647 } };
        const options = { tabSize: pick([2, 4, 8]), insertSpaces: rand() < 0.5 };
        const params: Record<string, unknown> = {
          hover: { ...doc, position },
          completion: { ...doc, position },
          definition: { ...doc, position },
          references: { ...doc, position, context: { includeDeclaration: true } },
          documentHighlight: { ...doc, position },
          prepareRename: { ...doc, position },
          rename: { ...doc, position, newName: pick(["renamed", "x-y", "A"]) },
          signatureHelp: { ...doc, position },
          documentSymbol: doc,
          foldingRange: doc,
          formatting: { ...doc, options },
          rangeFormatting: { ...doc, range: rand() < 0.5 ? far : { start: position, end: position }, options },
          onTypeFormatting: { ...doc, position, ch: "\\", options },
          semanticTokens: doc,
          semanticTokensDelta: { ...doc, previousResultId: lastTokens?.resultId ?? "none" },
          semanticTokensRange: { ...doc, range: { start: { line: Math.min(position.line, lines), character: 0 }, end: position } },
          documentLink: doc,
          codeAction: { ...doc, range: { start: position, end: position }, context: { diagnostics: client.publishedFor(uri).at(-1)?.diagnostics ?? [] } },
          inlayHint: { ...doc, range: far },
        };
        const wire =
          {
            semanticTokens: "textDocument/semanticTokens/full",
            semanticTokensDelta: "textDocument/semanticTokens/full/delta",
            semanticTokensRange: "textDocument/semanticTokens/range",
          }[method as string] ?? `textDocument/${method}`;
        const begin = Date.now();
        let answer: unknown;
        try {
          answer = await step(`${wire} on ${name} version ${document.version}`, () => client.request(wire, params[method]));
        } catch (error) {
          if (error instanceof FuzzStall) throw error;
          // A refused rename is an answer; anything else is a failure.
          if (!(method === "rename" || method === "prepareRename")) fail(`${method} rejected: ${String(error).slice(0, 200)}`);
          return;
        } finally {
          const ms = Date.now() - begin;
          report.requests++;
          if (ms > report.slowest.ms) report.slowest = { method, ms };
          if (ms > MAX_ANSWER_MS) {
            const message = `${method} took ${ms} ms on ${name}`;
            slowAnswer(message);
          }
        }
        // The document may have changed meanwhile only through us, and we await each request.
        if (method === "semanticTokens" || method === "semanticTokensDelta") {
          const tokens = answer as { resultId?: string; data?: number[]; edits?: { start: number; deleteCount: number; data?: number[] }[] };
          let data = tokens.data;
          if (!data && tokens.edits) {
            if (!lastTokens) return fail(`semantic tokens delta: edits without a previous result`);
            data = [...lastTokens.data];
            for (const e of [...tokens.edits].sort((a, b) => b.start - a.start)) data.splice(e.start, e.deleteCount, ...(e.data ?? []));
          }
          lastTokens = { resultId: tokens.resultId, data: data ?? [] };
          checkTokens(lastTokens.data, document);
        } else if (method === "semanticTokensRange") {
          checkTokens((answer as { data: number[] }).data, document);
        } else if (method === "foldingRange") {
          for (const r of (answer as { startLine: number; endLine: number }[]) ?? [])
            if (r.startLine < 0 || r.endLine >= document.lineCount || r.startLine > r.endLine) fail(`folding range ${JSON.stringify(r)} outside ${name}`);
        } else if (method === "formatting" || method === "rangeFormatting" || method === "onTypeFormatting") {
          checkEdits(method, (answer as TextEdit[]) ?? [], document);
        } else if (method === "rename") {
          checkEdits(method, editsOf(answer as WorkspaceEdit | null, uri), document);
        } else if (method === "codeAction") {
          for (const action of (answer as { title: string; edit?: WorkspaceEdit }[]) ?? [])
            checkEdits(`codeAction '${action.title}'`, editsOf(action.edit, uri), document);
        } else if (method !== "completion" && method !== "inlayHint") {
          checkRanges(method, answer, document);
        }
      }
    }
    if (!client.isAlive) fail(`the server exited: ${client.stderr.slice(-500)}`);
  } catch (error) {
    // A stall ends the run: the server may be wedged, and the report says where.
    if (!(error instanceof FuzzStall)) throw error;
    report.failures.push(`seed ${options.seed}: ${error.message}`);
  } finally {
    await client.stop();
  }
  report.ms = Date.now() - started;
  return report;

  function checkRanges(what: string, value: unknown, document: TextDocument): void {
    for (const range of rangesIn(value)) if (!isInside(range, document)) fail(`${what}: range ${JSON.stringify(range)} outside the document`);
  }

  function checkTokens(data: number[], document: TextDocument): void {
    let line = 0;
    let character = 0;
    let previousEnd = 0;
    if (data.length % 5 !== 0) return fail(`semantic tokens: ${data.length} integers, not a multiple of 5`);
    for (let i = 0; i + 4 < data.length; i += 5) {
      if (data[i] < 0 || data[i + 1] < 0) return fail(`semantic tokens: negative delta at ${i / 5}`);
      if (data[i] > 0) previousEnd = 0;
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      if (data[i + 2] <= 0 || character < previousEnd) return fail(`semantic token at ${line}:${character} empty or overlapping the one before`);
      previousEnd = character + data[i + 2];
      const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, "");
      if (line >= document.lineCount || character + data[i + 2] > lineText.length)
        return fail(`semantic token at ${line}:${character} (+${data[i + 2]}) past its line`);
    }
  }

  function checkEdits(what: string, edits: TextEdit[], document: TextDocument): void {
    for (const e of edits) if (!isInside(e.range, document)) return fail(`${what}: edit ${JSON.stringify(e.range)} outside the document`);
    const sorted = [...edits].map((e) => [document.offsetAt(e.range.start), document.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let i = 1; i < sorted.length; i++) if (sorted[i][0] < sorted[i - 1][1]) return fail(`${what}: overlapping edits`);
    try {
      TextDocument.applyEdits(document, edits);
    } catch (error) {
      fail(`${what}: edits do not apply: ${String(error)}`);
    }
  }
}

/**
 * `run()`, or a FuzzStall after STALL_MS naming `what`, whether the server still answers another
 * request, and what its process is doing (Linux: CPU used meanwhile and the kernel wait channel, so
 * a lost answer, an idle event loop, a blocked write and a busy loop read differently).
 */
export async function withinStallLimit<T>(what: string, client: LspClient | null, run: () => Promise<T>, stallMs = STALL_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void describeStall(what, client, stallMs).then((message) => reject(new FuzzStall(message)));
    }, stallMs);
  });
  try {
    return await Promise.race([run(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

async function describeStall(what: string, client: LspClient | null, stallMs: number): Promise<string> {
  const parts = [`${what}: no answer within ${stallMs / 1000} s`];
  if (client) {
    parts.push(client.isAlive ? "server alive" : "server exited");
    parts.push(processState(client.process));
    const probe = await Promise.race([
      client.request("textDocument/foldingRange", { textDocument: { uri: "file:///stagecraft-fuzz-probe.Dockerfile" } }).then(
        () => "it answers another request",
        (error: unknown) => `another request fails: ${String(error).slice(0, 100)}`,
      ),
      new Promise<string>((resolve) => setTimeout(() => resolve("another request gets no answer in 5 s either"), 5000)),
    ]);
    parts.push(probe, processState(client.process));
    if (client.stderr) parts.push(`stderr: ${client.stderr.slice(-500)}`);
  }
  return parts.join("; ");
}

/** The server process's CPU time so far and kernel wait channel (Linux /proc); empty elsewhere. */
function processState(child: ChildProcess): string {
  try {
    const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    const wchan = readFileSync(`/proc/${child.pid}/wchan`, "utf8") || "running";
    const threads = fields[17];
    return `server state ${fields[0]}, ${ticks} CPU ticks, ${threads} threads, waiting in ${wchan}`;
  } catch {
    return "server state unknown";
  }
}

function editsOf(edit: WorkspaceEdit | null | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes) return edit.changes[uri] ?? [];
  const out: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) if ("textDocument" in change && change.textDocument.uri === uri) out.push(...(change.edits as TextEdit[]));
  return out;
}

/** Every `{ start, end }` position pair inside a value. */
function rangesIn(value: unknown, out: Range[] = []): Range[] {
  if (Array.isArray(value)) for (const v of value) rangesIn(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (isPosition(o.start) && isPosition(o.end)) out.push(o as unknown as Range);
    for (const v of Object.values(o)) if (v && typeof v === "object") rangesIn(v, out);
  }
  return out;
}

function isPosition(v: unknown): boolean {
  return !!v && typeof v === "object" && typeof (v as { line?: unknown }).line === "number" && typeof (v as { character?: unknown }).character === "number";
}

function isInside(range: Range, document: TextDocument): boolean {
  const ok = (p: { line: number; character: number }) => {
    if (p.line < 0 || p.character < 0 || p.line >= document.lineCount) return false;
    const lineText = document.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, "");
    return p.character <= lineText.length;
  };
  return ok(range.start) && ok(range.end);
}

function normalized(diagnostics: Diagnostic[]): string {
  return JSON.stringify(
    diagnostics
      .map((d) => ({ range: d.range, code: d.code, message: d.message, severity: d.severity, source: d.source }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  );
}
