// Round-trip latency of the requests dockerfile-language-service answers (hover on an instruction,
// completion, signature help, folding, formatting) through a built server, over the corpus: p50,
// p90, p99 and max per request, in milliseconds. The Node server answers them from its worker thread
// (host/budgeted-worker.ts); run it against an older bundle (`--server <node.js>`) to compare with
// answers computed on the server thread.
// `npm run bench:requests [-- --server <path>] [--files <n>] [--seed <n>]`

import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import { LspClient } from "../test/support/lsp-client";
import { seededRandom } from "../test/support/seeded-random";
import { CORPUS, STAGECRAFT_SERVER } from "./bench-lsp";

const SETTINGS = { imageSize: { online: false }, shellcheck: { path: "" }, diagnostics: { delay: 0 } };
const REQUESTS = ["hover", "completion", "signatureHelp", "foldingRange", "formatting"] as const;
type RequestName = (typeof REQUESTS)[number];

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(times: number[], request: () => Promise<unknown>): Promise<void> {
  const started = process.hrtime.bigint();
  await request();
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
}

async function main(): Promise<void> {
  const server = option("server", STAGECRAFT_SERVER);
  const fileCount = Number(option("files", "120"));
  const random = seededRandom(Number(option("seed", "7")));
  const names = readdirSync(CORPUS).sort();
  const picked = Array.from({ length: Math.min(fileCount, names.length) }, () => names[Math.floor(random() * names.length)]);
  const client = await LspClient.start({ serverPath: server, initializationOptions: { isTrusted: false, diagnosticsDelay: 0, settings: SETTINGS } });
  client.settings = SETTINGS;
  const times = Object.fromEntries(REQUESTS.map((r) => [r, [] as number[]])) as Record<RequestName, number[]>;
  for (const [index, name] of picked.entries()) {
    const text = readFileSync(join(CORPUS, name), "utf8");
    const uri = pathToFileURL(join(CORPUS, `${index}-${name}`)).href;
    const lines = text.split("\n");
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, () => true, 20000);
    const textDocument = { uri };
    for (let i = 0; i < 10; i++) {
      const line = Math.floor(random() * lines.length);
      // On the instruction keyword: Stagecraft's providers pass, the bundled service answers.
      const keyword = { line, character: Math.min(1, lines[line].length) };
      const anywhere = { line, character: Math.floor(random() * (lines[line].length + 1)) };
      await timed(times.hover, () => client.request("textDocument/hover", { textDocument, position: keyword }));
      await timed(times.completion, () => client.request("textDocument/completion", { textDocument, position: anywhere }));
      await timed(times.signatureHelp, () => client.request("textDocument/signatureHelp", { textDocument, position: anywhere }));
    }
    await timed(times.foldingRange, () => client.request("textDocument/foldingRange", { textDocument }));
    await timed(times.formatting, () => client.request("textDocument/formatting", { textDocument, options: { tabSize: 4, insertSpaces: true } }));
    await client.close(uri);
  }
  await client.stop();
  console.log(`${server}: ${picked.length} corpus files (seed ${option("seed", "7")})`);
  console.log(`${"request".padEnd(14)} ${"n".padStart(5)} ${"p50".padStart(7)} ${"p90".padStart(7)} ${"p99".padStart(7)} ${"max".padStart(7)}  (ms)`);
  for (const name of REQUESTS) {
    const sorted = [...times[name]].sort((a, b) => a - b);
    const cells = [50, 90, 99].map((p) => percentile(sorted, p).toFixed(2).padStart(7));
    console.log(`${name.padEnd(14)} ${String(sorted.length).padStart(5)} ${cells.join(" ")} ${sorted[sorted.length - 1].toFixed(2).padStart(7)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
