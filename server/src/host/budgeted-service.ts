// dockerfile-language-service's whole-document requests (hover, completion, formatting, folding,
// navigation...) in the server's request worker (Node or browser), under a time budget
// (budgeted-worker.ts). A request over budget answers empty; the reason is logged once per document
// version, and the other requests on that version answer empty at once rather than each costing
// the budget again.
// Requests nobody waits for any more (cancelled, or for an older version) are not run.

import type { ClientCapabilities } from "vscode-languageserver";
import type { BudgetedAnswer, BudgetedMethod, DocumentVersion, OffThreadService } from "../lsp/language-service";
import { BudgetedPool } from "./budgeted-pool";
import type { StartWorker } from "./worker-jobs";

/**
 * Longest a request may take before it is abandoned. Interactive, so below the validation's 2 s:
 * an abandoned hover still answers within 2 s of being asked. The slowest corpus file answers
 * each request in under 100 ms on a loaded machine (`npm run bench:requests`).
 */
export const REQUEST_BUDGET_MS = 1000;

export interface BudgetedServiceOptions {
  /** Starts a worker on the worker script (node-worker.ts, dom-worker.ts). */
  start: StartWorker;
  capabilities: ClientCapabilities;
  /** The service's own log lines. */
  log: (message: string) => void;
  /** Why a request was abandoned or failed. */
  logError: (message: string) => void;
  budgetMs?: number;
}

export class BudgetedService implements OffThreadService {
  readonly worker: BudgetedPool;
  private readonly logError: (message: string) => void;
  /** Per document, the version whose requests went over budget: they answer empty from then on. */
  private readonly abandoned = new Map<string, number>();
  /** Per document, the version and reason last logged (once per version). */
  private readonly reported = new Map<string, string>();

  constructor(options: BudgetedServiceOptions) {
    this.logError = options.logError;
    this.worker = new BudgetedPool({
      start: options.start,
      budgetMs: options.budgetMs ?? REQUEST_BUDGET_MS,
      what: "dockerfile-language-service request",
      workerData: { capabilities: options.capabilities },
      log: options.log,
    });
  }

  async run<M extends BudgetedMethod>(document: DocumentVersion, method: M, args: unknown[]): Promise<{ ok: true; value: BudgetedAnswer<M> } | { ok: false }> {
    const { uri, version } = document;
    if (this.abandoned.get(uri) === version) return { ok: false };
    const outcome = await this.worker.run<BudgetedAnswer<M>>({ kind: "service", method, args }, document.isStale);
    if (outcome.ok) return { ok: true, value: outcome.value };
    if (outcome.overBudget) this.abandoned.set(uri, version);
    // A skipped stale request is nobody's concern.
    else if (document.isStale?.()) return { ok: false };
    const key = `${version}\n${outcome.overBudget ? "budget" : outcome.reason}`;
    if (this.reported.get(uri) !== key) {
      this.reported.set(uri, key);
      const after = outcome.overBudget ? "; its other requests on this version answer empty" : "";
      this.logError(`stagecraft: dockerfile-language-service ${method} on ${uri} (version ${version}) failed: ${outcome.reason}${after}`);
    }
    return { ok: false };
  }

  forget(uri: string): void {
    this.abandoned.delete(uri);
    this.reported.delete(uri);
  }

  dispose(): Promise<void> {
    return this.worker.dispose();
  }
}
