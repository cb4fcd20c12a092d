// Where each document's dockerfile-utils validation runs, under issue #15's budgets. Where the host
// can stop a job on its own thread (Node), on the server thread first: the validator then reads
// the syntax tree the model was parsed into, so the text is parsed once and nothing is copied to a
// worker or kept in a second heap (issue #16: open -> diagnostics, per-edit work, memory). A
// validation over that short budget is stopped, and the same version goes to the validation
// worker under its own budget, as do the document's later versions until the worker validates one
// in under half the short budget: a slow file holds the server thread once, for at most the short
// budget, while a file that only met a busy machine or code not yet compiled comes back. Without
// such a host (the browser), the worker validates; without a worker either, the engine validates
// in-thread behind its guards.

import { validatorSettings } from "../engine";
import type { OffThreadValidator, ParsedFroms, SyntaxResult } from "../engine";
import { validateSyntax } from "../lint/syntax-validation";
import type { DockerfileModel } from "../model/types";
import type { RunWithinBudget } from "./run-within-budget";
import { WorkerHandOff } from "./worker-hand-off";
import type { StagecraftSettings } from "./settings";

/**
 * Longest a validation may hold the server thread. The slowest corpus file validates in about
 * 10 ms from its parsed tree; a loaded machine may take several times that. Over it, the worker
 * (2 s budget) validates.
 */
export const IN_THREAD_SYNTAX_BUDGET_MS = 250;

/** A validation under way or done, shared by the requests for the same version, settings and parse. */
interface Pending {
  version: number;
  settings: StagecraftSettings;
  model: DockerfileModel;
  result: Promise<SyntaxResult>;
}

export interface SyntaxValidationHosts {
  /** Runs a job on the server thread under a hard budget; absent: no in-thread attempt. */
  inThread?: RunWithinBudget;
  /** The host's budgeted worker; absent: the engine validates (in-thread, guards only). */
  offThread?: OffThreadValidator;
  /** The in-thread budget; IN_THREAD_SYNTAX_BUDGET_MS by default, 0 to always use the worker. */
  inThreadBudgetMs?: number;
}

export class SyntaxValidations {
  private hosts: SyntaxValidationHosts = {};
  private readonly pending = new Map<string, Pending>();
  /** Documents the worker validates: a version overran the in-thread budget, and none validated quickly there since. */
  private readonly toWorker = new WorkerHandOff(() => this.budgetMs);
  /**
   * Parses whose in-thread validation was stopped mid-way, which may have left parts of their
   * syntax tree half computed: never validated from that tree again.
   */
  private readonly stopped = new WeakSet<DockerfileModel>();

  constructor(private readonly log: (message: string) => void) {}

  /** From initialize: what the host offers. */
  configure(hosts: SyntaxValidationHosts): void {
    this.hosts = hosts;
  }

  /**
   * The validation of `model` (the document's current version) under `settings`, started now; or
   * undefined where the engine is to validate (no budget of any kind), or when the checks are off.
   */
  start(uri: string, version: number, model: DockerfileModel, settings: StagecraftSettings): Promise<SyntaxResult> | undefined {
    if (!settings.syntaxValidation || (!this.inThreadFor(uri, model) && !this.hosts.offThread)) return undefined;
    const known = this.pending.get(uri);
    if (known && known.version === version && known.settings === settings && known.model === model) return known.result;
    const result = this.validate(uri, version, model, settings);
    this.pending.set(uri, { version, settings, model, result });
    return result;
  }

  /** The document closed: it starts afresh (in-thread first) when opened again. */
  forget(uri: string): void {
    this.pending.delete(uri);
    this.toWorker.forget(uri);
  }

  /** The in-thread runner for this parse of `uri`, unless the worker is to validate it. */
  private inThreadFor(uri: string, model?: DockerfileModel): RunWithinBudget | undefined {
    const { inThread, offThread } = this.hosts;
    if (!inThread || this.budgetMs <= 0) return undefined;
    // Without a worker to hand a slow file to, every version is tried in-thread under the budget.
    if (offThread && (this.toWorker.has(uri) || (model !== undefined && this.stopped.has(model)))) return undefined;
    return inThread;
  }

  private get budgetMs(): number {
    return this.hosts.inThreadBudgetMs ?? IN_THREAD_SYNTAX_BUDGET_MS;
  }

  private validate(uri: string, version: number, model: DockerfileModel, settings: StagecraftSettings): Promise<SyntaxResult> {
    const validator = validatorSettings(settings.syntax);
    const froms: ParsedFroms = { escapeChar: model.escapeChar, fromArguments: model.stages.map((stage) => stage.from.args) };
    const inThread = this.inThreadFor(uri, model);
    const offThread = this.hosts.offThread;
    if (inThread) {
      const run = inThread(() => validateSyntax(model.text, validator, froms, model.syntaxTree), this.budgetMs);
      if (run.ok) return Promise.resolve(run.value);
      const { reason, ms, overBudget } = run;
      if (!offThread) return Promise.resolve(overBudget ? { ok: false, reason, ms, overBudget } : { ok: false, reason, ms });
      this.stopped.add(model);
      this.toWorker.overran(uri);
      this.log(
        `stagecraft: dockerfile-utils validation of ${uri} (version ${version}) ${reason}; the validation worker checks this file until it takes under ${this.toWorker.quickMs} ms there`,
      );
    }
    // The worker parses the text itself: a syntax tree cannot cross threads.
    const result = (offThread as OffThreadValidator).validate(model.text, validator, froms);
    if (this.toWorker.has(uri)) {
      // Quick in the worker: the overrun was the machine's or the first run's, not the file's.
      void result.then((done) => {
        if (done.ok) this.toWorker.workerTook(uri, done.ms);
      });
    }
    return result;
  }
}
