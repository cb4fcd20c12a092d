// The commodity Dockerfile features (instruction docs, completion, formatting, variables...) come
// from dockerfile-language-service; this holds the guarded instance and configures it from the
// client. The requests that parse the whole document run under a time budget where the host can
// enforce one: on the server thread first where the host can stop its own job (Node: a short
// budget), else, and for a document whose request overran that budget, in the server's request
// worker (host/budgeted-service.ts). The cheap ones that take no document text run here. The library
// is loaded when first needed, not with the server: its registry client loads Node's https and
// TLS, and many requests never reach it (issue #16). Answering on the server thread spares most
// sessions the worker: starting it made the first hover of a session take about 120 ms, and it
// holds about 12 MiB.

import type { ClientCapabilities } from "vscode-languageserver";
import type * as LanguageServiceLibrary from "dockerfile-language-service";
import type { DockerfileLanguageService } from "dockerfile-language-service";
import { guardService } from "./guarded-service";
import type { RunWithinBudget } from "./run-within-budget";
import { WorkerHandOff } from "./worker-hand-off";

export type { DockerfileLanguageService };

/** The requests that parse the whole document with dockerfile-ast: slow on some inputs. */
export const BUDGETED_METHODS = [
  "computeHover",
  "computeCompletionItems",
  "computeSignatureHelp",
  "computeDefinition",
  "computeHighlightRanges",
  "prepareRename",
  "computeRename",
  "computeFoldingRanges",
  "format",
  "formatRange",
  "formatOnType",
] as const;
export type BudgetedMethod = (typeof BUDGETED_METHODS)[number];
export type BudgetedAnswer<M extends BudgetedMethod> = Awaited<ReturnType<DockerfileLanguageService[M]>>;
type BudgetedArgs<M extends BudgetedMethod> = Parameters<DockerfileLanguageService[M]>;

/** The budgeted requests on one version of one document; an abandoned one answers its empty result. */
export type DocumentRequests = { [M in BudgetedMethod]: (...args: BudgetedArgs<M>) => Promise<BudgetedAnswer<M>> };

/** What each request answers when it was abandoned: nothing found, no edits. */
const EMPTY: { [M in BudgetedMethod]: () => BudgetedAnswer<M> } = {
  computeHover: () => null,
  computeCompletionItems: () => [],
  computeSignatureHelp: () => ({ signatures: [] }),
  // Typed non-null by the service, null in fact where nothing is defined (guarded-service.ts).
  computeDefinition: () => null as unknown as BudgetedAnswer<"computeDefinition">,
  computeHighlightRanges: () => [],
  prepareRename: () => null,
  computeRename: () => [],
  computeFoldingRanges: () => [],
  format: () => [],
  formatRange: () => [],
  formatOnType: () => [],
};

export interface DocumentVersion {
  uri: string;
  version: number;
  /** True once nobody waits for the answer (the request was cancelled, a newer version arrived). */
  isStale?: () => boolean;
}

/**
 * Runs the budgeted requests away from the server thread under a time budget (the host's request
 * worker). Never rejects: `ok: false` when the request was abandoned or failed, which the runner
 * has logged.
 */
export interface OffThreadService {
  run<M extends BudgetedMethod>(document: DocumentVersion, method: M, args: BudgetedArgs<M>): Promise<{ ok: true; value: BudgetedAnswer<M> } | { ok: false }>;
  /** The document closed: what was kept about it goes. */
  forget(uri: string): void;
}

/** A method of the service, answering once the library is loaded. */
type Loaded<M extends keyof DockerfileLanguageService> = (
  ...args: Parameters<DockerfileLanguageService[M]>
) => Promise<Awaited<ReturnType<DockerfileLanguageService[M]>>>;

export interface CommodityService {
  /** The requests that parse the whole document, on one version of it. */
  on(document: DocumentVersion): DocumentRequests;
  /** Cheap, no document text: in-thread everywhere. */
  resolveCompletionItem: Loaded<"resolveCompletionItem">;
  computeCodeActions: Loaded<"computeCodeActions">;
  computeCommandEdits: Loaded<"computeCommandEdits">;
  forget(uri: string): void;
}

/** The engine is platform-neutral (no Node types); every bundler and esbuild-register provide `require`. */
declare const require: (id: string) => unknown;

/** The guarded service, configured from the client's capabilities (the worker makes its own). */
export async function createGuardedService(capabilities: ClientCapabilities, log: (message: string) => void): Promise<DockerfileLanguageService> {
  // A `require` rather than `import()`, as for yaml and the apt table: the Node server's bundle runs
  // as a vm.Script (host/compile-cache.ts), which has no loader for `import()`.
  const { DockerfileLanguageServiceFactory } = require("dockerfile-language-service") as typeof LanguageServiceLibrary;
  const service = DockerfileLanguageServiceFactory.createLanguageService();
  const text = capabilities.textDocument;
  service.setCapabilities({
    completion: { completionItem: text?.completion?.completionItem },
    hover: { contentFormat: text?.hover?.contentFormat },
    foldingRange: { lineFoldingOnly: text?.foldingRange?.lineFoldingOnly, rangeLimit: text?.foldingRange?.rangeLimit },
  });
  service.setLogger({ log });
  return guardService(service);
}

/**
 * Longest a request may hold the server thread, as long as a validation may: warm, hover and the
 * others answer in 10-30 ms on the corpus' longest file (1,973 lines) on a loaded machine, the
 * first call up to ~180 ms. One over it goes to the request worker, as do that document's later
 * requests until the worker answers one in under half this.
 */
export const IN_THREAD_REQUEST_BUDGET_MS = 250;

/**
 * Longest an in-thread answer may take to arrive once the synchronous part is done: completion of
 * an image tag waits on a registry (the library's own https call, without a timeout of its own),
 * as long as the worker's whole budget allows.
 */
export const IN_THREAD_ANSWER_DEADLINE_MS = 1000;

/** Where the host can stop a job on its own thread: how, and for how long (0: the worker alone). */
export interface InThreadRequests {
  run: RunWithinBudget;
  budgetMs: number;
  /** Why a request failed or went to the worker. */
  logError: (message: string) => void;
}

/**
 * The service: budgeted requests on this thread under `inThread`'s budget where the host offers
 * one, through `offThread` where it has a worker (every request, or those of a document that
 * overran the short budget), in this thread behind the guards alone otherwise.
 */
export function createCommodityService(
  capabilities: ClientCapabilities,
  log: (message: string) => void,
  offThread?: OffThreadService,
  inThread?: InThreadRequests,
): CommodityService {
  let created: Promise<DockerfileLanguageService> | undefined;
  const local = () => (created ??= createGuardedService(capabilities, log));
  const threadBudget = inThread && inThread.budgetMs > 0 ? inThread : undefined;
  /** Documents whose requests the worker answers: one overran the in-thread budget, and none was quick in the worker since. */
  const toWorker = new WorkerHandOff(() => threadBudget?.budgetMs ?? 0);

  const onWorker = async <M extends BudgetedMethod>(worker: OffThreadService, document: DocumentVersion, method: M, args: BudgetedArgs<M>) => {
    const started = Date.now();
    const outcome = await worker.run(document, method, args);
    if (outcome.ok) toWorker.workerTook(document.uri, Date.now() - started);
    return outcome.ok ? outcome.value : EMPTY[method]();
  };
  /** Per document, the version whose requests failed on this thread with no worker to take them: they answer empty. */
  const abandoned = new Map<string, number>();
  const onThisThread = async <M extends BudgetedMethod>(budget: InThreadRequests, document: DocumentVersion, method: M, args: BudgetedArgs<M>) => {
    const service = await local();
    if (document.isStale?.() || abandoned.get(document.uri) === document.version) return EMPTY[method]();
    // Checked after the wait: another request on the document may have overrun meanwhile.
    if (offThread && toWorker.has(document.uri)) return onWorker(offThread, document, method, args);
    const call = service[method] as (...a: BudgetedArgs<M>) => BudgetedAnswer<M> | PromiseLike<BudgetedAnswer<M>>;
    // Safe to stop: the library writes its instance's state only when it is set up; each request
    // builds its own objects from its own parse of the text.
    const run = budget.run(() => call.apply(service, args), budget.budgetMs);
    if (run.ok) return settledInTime(run.value, EMPTY[method](), IN_THREAD_ANSWER_DEADLINE_MS);
    const where = `dockerfile-language-service ${method} on ${document.uri} (version ${document.version})`;
    if (!run.overBudget || !offThread) {
      // Said once per version; its other requests answer empty at once rather than fail again.
      abandoned.set(document.uri, document.version);
      budget.logError(`stagecraft: ${where} failed: ${run.reason}; its other requests on this version answer empty`);
      return EMPTY[method]();
    }
    toWorker.overran(document.uri);
    budget.logError(`stagecraft: ${where} ${run.reason}; the request worker answers this file's requests until it answers one quickly`);
    return onWorker(offThread, document, method, args);
  };

  const on = (document: DocumentVersion): DocumentRequests => {
    const requests: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const method of BUDGETED_METHODS) {
      requests[method] = async (...args) => {
        const typedArgs = args as BudgetedArgs<typeof method>;
        if (threadBudget) return onThisThread(threadBudget, document, method, typedArgs);
        if (offThread) return onWorker(offThread, document, method, typedArgs);
        return ((await local())[method] as (...a: unknown[]) => unknown)(...args);
      };
    }
    return requests as DocumentRequests;
  };
  return {
    on,
    resolveCompletionItem: async (item) => (await local()).resolveCompletionItem(item),
    computeCodeActions: async (textDocument, range, context) => (await local()).computeCodeActions(textDocument, range, context),
    computeCommandEdits: async (content, command, args) => (await local()).computeCommandEdits(content, command, args),
    forget: (uri) => {
      toWorker.forget(uri);
      abandoned.delete(uri);
      offThread?.forget(uri);
    },
  };
}

/**
 * `value`, or `empty` when it is a promise that rejects or has not settled within `deadlineMs`.
 * (A request cancelled meanwhile waits out the deadline too: its answer is dropped anyway.)
 */
export async function settledInTime<T>(value: T | PromiseLike<T>, empty: T, deadlineMs: number): Promise<T> {
  if (!isThenable(value)) return value;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(empty), deadlineMs)));
  try {
    return await Promise.race([Promise.resolve(value).then(undefined, () => empty), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}
