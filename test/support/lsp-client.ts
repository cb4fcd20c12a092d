// A small LSP client for the language-server tests: bundles the real server once, spawns it over
// stdio, answers the server's requests (workspace/configuration, registrations) and records what
// the server publishes, so tests talk to the server exactly as an editor would.

import { ChildProcess, spawn } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, resolve } from "path";
import { pathToFileURL } from "url";
import {
  ClientCapabilities,
  ConfigurationParams,
  createMessageConnection,
  InitializeResult,
  MessageConnection,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver/node";

const REPO = resolve(__dirname, "..", "..");

let bundle: Promise<string> | null = null;

/** scripts/server-chunks.mjs: what the server loads from files beside its bundle. */
interface ServerChunksModule {
  serverChunks: import("esbuild").Plugin;
  SERVER_CHUNK_FILES: { entry: string; file: string; copy?: boolean; exports: string[] }[];
}

/** Temp folders (bundle, workspaces) removed when the test process exits. */
const temporary: string[] = [];
process.on("exit", () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/**
 * Bundles server/src/lsp/node-entry.ts and node.ts (and its syntax worker, and the chunks it loads from beside it)
 * with the options the build script uses (node, cjs, target node20, the server chunks) into a temp
 * folder, once per test run, and returns the bundle's path.
 */
export function buildServer(): Promise<string> {
  if (!bundle) {
    const outfile = join(tempDir("stagecraft-lsp-"), "node.js");
    // Required lazily so that test files that only import types do not load esbuild.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require("esbuild") as typeof import("esbuild");
    const options = { outdir: dirname(outfile), bundle: true, platform: "node", format: "cjs", target: "node20", sourcemap: true, logLevel: "silent" } as const;
    // The chunks as scripts/build.mjs makes them (one definition: scripts/server-chunks.mjs).
    bundle = import(pathToFileURL(join(REPO, "scripts", "server-chunks.mjs")).href).then(async ({ serverChunks, SERVER_CHUNK_FILES }: ServerChunksModule) => {
      const copied = SERVER_CHUNK_FILES.filter((chunk) => chunk.copy);
      const bundled = SERVER_CHUNK_FILES.filter((chunk) => !chunk.copy);
      for (const chunk of copied) copyFileSync(join(REPO, chunk.entry), join(dirname(outfile), chunk.file));
      await Promise.all([
        esbuild.build({ ...options, entryPoints: { node: join(REPO, "server", "src", "lsp", "node-entry.ts") } }),
        esbuild.build({ ...options, entryPoints: { "node-server": join(REPO, "server", "src", "lsp", "node.ts") }, plugins: [serverChunks] }),
        esbuild.build({
          ...options,
          // The server loads its syntax-validation worker and its chunks from beside it, as in dist/server.
          entryPoints: {
            "syntax-worker": join(REPO, "server", "src", "host", "syntax-worker.ts"),
            ...Object.fromEntries(bundled.map((chunk) => [chunk.file.replace(/\.js$/, ""), join(REPO, chunk.entry)])),
          },
        }),
      ]);
      return outfile;
    });
  }
  return bundle;
}

/** What a full-featured editor (VS Code) announces. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ["create", "rename", "delete"] },
    inlayHint: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { didSave: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
    hover: { contentFormat: ["markdown", "plaintext"] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    rename: { prepareSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll"] } }, isPreferredSupport: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
    foldingRange: { lineFoldingOnly: true },
  },
};

export interface LspClientOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Transport arguments; `--stdio` by default. */
  args?: string[];
  /** Server script to run instead of a fresh bundle of the sources (the benchmark runs dist/server/node.js). */
  serverPath?: string;
  /** Node options before the server script (the V8 flags its editor client starts it with). */
  execArgv?: string[];
  /** Folder URIs announced as the workspace (an editor with folders open); none by default. */
  workspaceFolders?: string[];
  /** Environment variables set for the server on top of this process's own. */
  env?: Record<string, string>;
}

export class LspClient {
  /** Every publishDiagnostics notification, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** window/logMessage texts. */
  readonly logs: string[] = [];
  /** The server's stderr. */
  stderr = "";
  /** Value answered for the `stagecraft` section of workspace/configuration. */
  settings: unknown = {};
  /** Delay before answering workspace/configuration, to widen races on purpose. */
  configurationDelay = 0;
  configurationRequests = 0;
  /** Methods the server registered dynamically and has not unregistered. */
  readonly registered = new Map<string, string>();
  /** `workspace/inlayHint/refresh` requests received. */
  inlayHintRefreshes = 0;
  initializeResult!: InitializeResult;
  private exited = false;
  private readonly waiters: (() => void)[] = [];

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    process.on("exit", () => {
      this.exited = true;
      this.notifyWaiters();
    });
  }

  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const server = options.serverPath ?? (await buildServer());
    const child = spawn(process.execPath, [...(options.execArgv ?? []), server, ...(options.args ?? ["--stdio"])], {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, ...options.env },
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    child.stderr!.on("data", (chunk: Buffer) => (client.stderr += chunk.toString()));
    connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      client.published.push(params);
      client.notifyWaiters();
    });
    connection.onNotification("window/logMessage", (params: { message: string }) => {
      client.logs.push(params.message);
    });
    connection.onRequest("workspace/configuration", async (params: ConfigurationParams) => {
      client.configurationRequests++;
      if (client.configurationDelay > 0) await new Promise((r) => setTimeout(r, client.configurationDelay));
      return params.items.map((item) => (item.section === "stagecraft" ? client.settings : null));
    });
    connection.onRequest("workspace/inlayHint/refresh", () => {
      client.inlayHintRefreshes++;
      client.notifyWaiters();
      return null;
    });
    connection.onRequest("client/registerCapability", (params: { registrations: { id: string; method: string }[] }) => {
      for (const r of params.registrations) client.registered.set(r.id, r.method);
      client.notifyWaiters();
      return null;
    });
    connection.onRequest("client/unregisterCapability", (params: { unregisterations: { id: string }[] }) => {
      for (const r of params.unregisterations) client.registered.delete(r.id);
      client.notifyWaiters();
      return null;
    });
    connection.onRequest("window/workDoneProgress/create", () => null);
    connection.listen();
    client.initializeResult = await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0] ?? null,
      workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification("initialized", {});
    return client;
  }

  get isAlive(): boolean {
    return !this.exited;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "dockerfile", version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Resolves with the first publication for `uri` (already received or upcoming) that passes `test`. */
  /** Resolves once the server has asked for more than `count` inlay-hint refreshes. */
  async waitForInlayHintRefresh(count: number, timeoutMs = 10000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inlayHintRefreshes <= count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no inlay-hint refresh after ${count} within ${timeoutMs} ms`);
      await new Promise<void>((resolveWait) => {
        const timer = setTimeout(resolveWait, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolveWait();
        });
      });
    }
  }

  async waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.published.find((p) => p.uri === uri && test(p));
      if (found) return found;
      if (this.exited) throw new Error(`server exited while waiting for diagnostics of ${uri}\n${this.stderr}`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching diagnostics for ${uri}; got ${JSON.stringify(
            this.published.filter((p) => p.uri === uri),
            null,
            1,
          )}`,
        );
      await new Promise<void>((resolveWait) => {
        const timer = setTimeout(resolveWait, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolveWait();
        });
      });
    }
  }

  /** Publications received for `uri` so far. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification("exit");
    } catch {
      // The server may already be gone; it is killed below either way.
    }
    await new Promise<void>((r) => {
      const timer = setTimeout(() => {
        this.process.kill();
        r();
      }, 2000);
      this.process.once("exit", () => {
        clearTimeout(timer);
        r();
      });
      if (this.exited) r();
    });
    this.connection.dispose();
  }

  private notifyWaiters(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

/** A fresh folder for one test's build context; returns its path and a URI maker. */
export function workspaceFolder(files: Record<string, string> = {}): { dir: string; uri: (name: string) => string } {
  const dir = tempDir("stagecraft-ws-");
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith("/")) mkdirSync(join(dir, name), { recursive: true });
    else writeFileSync(join(dir, name), text);
  }
  return { dir, uri: (name: string) => pathToFileURL(join(dir, name)).toString() };
}

/** Position of the `nth` occurrence of `needle` in `text` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0, nth = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' not found (occurrence ${nth})`);
  }
  index += offset;
  const before = text.slice(0, index);
  const line = before.split("\n").length - 1;
  return { line, character: index - (before.lastIndexOf("\n") + 1) };
}

/** Text covered by an LSP range (single- or multi-line). */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split("\n");
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]);
  parts.push(lines[range.end.line].slice(0, range.end.character));
  return parts.join("\n");
}

/** The edits a workspace edit makes to `uri`, in either its `changes` or its `documentChanges` form. */
export function editsFor(edit: WorkspaceEdit | null | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes) return edit.changes[uri] ?? [];
  return (edit.documentChanges ?? [])
    .filter((c): c is TextDocumentEdit => "textDocument" in c && c.textDocument.uri === uri)
    .flatMap((c) => c.edits as TextEdit[]);
}
