// What the server needs from the platform it runs on. The node entry reads the build context from
// disk; the browser entry has no file access. Handlers only ever see this interface.

import type { ClientCapabilities } from "vscode-languageserver";
import type { OffThreadValidator } from "../engine";
import type { BuildContextFacts } from "../model/context";
import { UNKNOWN_CONTEXT } from "../model/context";
import type { HttpTransport, PersistedStore } from "../images/registry/types";
import type { DockerfileModel } from "../model/types";
import type { ShellcheckComment } from "../model/shellcheck-scripts";
import type { OffThreadService } from "./language-service";
import type { RunWithinBudget } from "./run-within-budget";

/** Runs ShellCheck on a model's RUN scripts (the Node host spawns the binary: host/shellcheck.ts). */
export interface ShellChecker {
  /** Comments per script text; null when the binary is unavailable or the run was cancelled. */
  check(model: DockerfileModel, signal?: AbortSignal): Promise<ReadonlyMap<string, readonly ShellcheckComment[]> | null>;
}

/** A file or folder that changed on disk. */
export interface FileChange {
  uri: string;
  /** True when it was created or deleted (its folder's listing changed), false when only its contents changed. */
  presence: boolean;
}

/** What the host's workers are made from, once the client has initialized the server. */
export interface OffThreadInit {
  capabilities: ClientCapabilities;
  /** `initializationOptions.workerScript`: the URL of the browser's worker script. */
  workerScript?: string;
  log: (message: string) => void;
  logError: (message: string) => void;
}

/** The host's workers under a time budget. */
export interface OffThread {
  /** dockerfile-utils validation. */
  validator?: OffThreadValidator;
  /** dockerfile-language-service's whole-document requests. */
  service?: OffThreadService;
}

/** A document open in the editor: its text, and its parse (made on first ask, shared with the analysis). */
export interface OpenDocument {
  readonly text: string;
  readonly model: () => DockerfileModel;
}

export interface ServerHost {
  /** Short platform name for logs: `node`, `browser`. */
  readonly name: string;
  /**
   * Facts about the build context of the Dockerfile at `uri`; never rejects (unknown facts stay
   * undefined). `watched`: the editor reports file changes under `uri` (`forgetFiles`), so what the
   * host read before for other documents may answer; otherwise everything is read afresh. `open`:
   * the document's text in the editor and its parse, which the host uses instead of parsing the
   * file again when the saved file holds the same text (a file just opened: issue #16).
   */
  readBuildContext(uri: string, options?: { watched: boolean; open?: OpenDocument }): Promise<BuildContextFacts>;
  /**
   * Files changed on disk (the editor's file events, a saved document); with no argument, anything
   * may have changed. True when the host had read something they touch, so facts may differ now.
   * Absent where the host keeps nothing between reads.
   */
  readonly forgetFiles?: (changes?: readonly FileChange[]) => boolean;
  /**
   * Network and storage for live registry lookups, the cache kept in `cacheDir` when given. Absent
   * where the server cannot reach registries (the browser: registries send no CORS headers).
   */
  readonly registryAccess?: (cacheDir: string | null) => { transport: HttpTransport; store: PersistedStore | null };
  /** Runs a ShellCheck binary; absent where processes cannot be spawned (the browser), so ShellCheck is off there. */
  readonly shellcheck?: (path: string, log: (message: string) => void) => ShellChecker;
  /**
   * Runs third-party analysis off the server thread under a time budget, from what initialize
   * brought (the client's capabilities, the browser's worker script). Absent, or parts of the answer
   * absent, where the host cannot: that analysis runs in-thread, behind the guards only.
   */
  readonly offThread?: (init: OffThreadInit) => OffThread;
  /**
   * Runs cheap third-party analysis on the server thread under a hard time limit (Node: node:vm's
   * timeout). Absent where a thread cannot stop its own job (the browser): that analysis goes to
   * `offThread`.
   */
  readonly runWithinBudget?: RunWithinBudget;
  /** The in-thread budget in ms of validations and requests where the host's environment sets one (0: the worker alone); else the server's. */
  readonly inThreadBudgetMs?: number;
}

/** A host that knows nothing about files: web workers, untitled documents. */
export const noFileHost: ServerHost = {
  name: "browser",
  readBuildContext: () => Promise.resolve(UNKNOWN_CONTEXT),
};
