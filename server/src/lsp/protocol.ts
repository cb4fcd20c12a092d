// The server's public surface beyond standard LSP, declared once: the client imports this file.
// Plain constants and types only, so importing it pulls no protocol library into the client bundle.

/**
 * V8 settings the server runs best with (issue #16), measured over the corpus on Node 20. The server
 * sets them itself when it starts (node-entry.ts), not the editor's command line: a V8 that lacks one of
 * them (VS Code runs the server on Electron's V8, not Node's) then logs it and runs on, where
 * `node --unknown-flag` refuses to start.
 * - Optimize later: four times V8's interrupt budget (Node 20's: 66 KiB of bytecode run). Over
 *   a hundred rules run on files of every shape, and by default V8 compiled, threw away and
 *   compiled again so much code that optimizing took over a third of the server's CPU time;
 *   CPU per open went from 10.9 to 8.1 ms, the compiling per edit of a 1,060-line file from 46 to
 *   17 ms.
 * - Grow the heap by half its live size before the next full collection, not up to four times:
 *   peak resident memory over the corpus from 128 to 97 MiB, at no measurable CPU cost.
 */
export const V8_SETTINGS: readonly string[] = ["--interrupt-budget=270336", "--heap-growing-percent=50"];

/**
 * Node options the editor starts the server with. A young generation of 2 MiB per semi-space
 * (V8's default grows to 16 MiB) lowers the peak resident memory over a session by about 15 %
 * at no measurable CPU cost: the server's objects per request are small and short-lived. V8 reads
 * it only at start-up, so it cannot be among V8_SETTINGS.
 */
export const NODE_SERVER_EXEC_ARGV: readonly string[] = ["--max-semi-space-size=2"];

/** Configuration section fetched with `workspace/configuration` (`stagecraft.*` settings). */
export const SETTINGS_SECTION = "stagecraft";

/** Code action kind of "fix all safe Stagecraft problems" (usable in `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = "source.fixAll.stagecraft";

/** `data` of a fix-all code action offered without its edit, which `codeAction/resolve` computes. */
export interface FixAllData {
  fixAll: { uri: string; version: number };
}

/** The same fix-all as a quick fix, so the lightbulb lists it (it shows no source actions). */
export const FIX_ALL_QUICKFIX_KIND = "quickfix.stagecraft.fixAll";

/** Diagnostic `source` of the engine's findings and of the dockerfile-utils syntax checks. */
export const DIAGNOSTIC_SOURCE = "stagecraft";
export { SYNTAX_SOURCE } from "../syntax-checks";

/** Severity of a Stagecraft rule in settings (`stagecraft.rules.<id>`). */
export type RuleSeveritySetting = "off" | "hint" | "info" | "warning" | "error";

/** Severity of a dockerfile-utils check in settings (`stagecraft.syntax.<key>`). */

/** Keys of `stagecraft.syntax`: the dockerfile-utils `ValidatorSettings` a user can tune. */
export { SYNTAX_SETTING_KEYS, type SyntaxSettingKey, type SyntaxSeveritySetting } from "../syntax-checks";
import type { SyntaxSettingKey, SyntaxSeveritySetting } from "../syntax-checks";

/** The `stagecraft` settings section as a client sends it. Every field is optional. */
export interface StagecraftSettingsInput {
  rules?: Record<string, RuleSeveritySetting>;
  syntax?: Partial<Record<SyntaxSettingKey, SyntaxSeveritySetting>>;
  convert?: {
    /** Runtime family of "Convert to multi-stage"; `auto` lets the recipe choose. */
    runtime?: "auto" | "distroless" | "alpine" | "slim" | "scratch";
  };
  imageSize?: {
    /** Live registry lookups (hover and completion only; never in untrusted workspaces). */
    online?: boolean;
    /** Show exact byte counts next to the human-readable sizes. */
    exactBytes?: boolean;
    /** An inlay hint with the compressed size after each FROM image. */
    inlayHints?: boolean;
  };
  shellcheck?: {
    /** The ShellCheck binary for RUN scripts: a name on PATH or a file; "" turns ShellCheck off. */
    path?: string;
  };
  diagnostics?: {
    /** Quiet time after a keystroke before analysis, in milliseconds; applies from the next edit. */
    delay?: number;
  };
}

/**
 * Notification the client sends when the user trusts the workspace, so the server enables what
 * trust gates (live registry lookups). Params: `{ isTrusted: true }`.
 */
export const DID_GRANT_WORKSPACE_TRUST = "stagecraft/didGrantWorkspaceTrust";

/**
 * `stagecraft.languageFeatures`: `auto` leaves to Docker's Dockerfile extensions what they already
 * do when one is installed; `all` keeps every feature; `stagecraft-only` keeps only Stagecraft's own.
 */
export type LanguageFeaturesMode = "auto" | "all" | "stagecraft-only";

/**
 * What the client reports about the editor around the server, in `initializationOptions.environment`
 * and again in `stagecraft/didChangeEnvironment` whenever it changes. Facts only: the server decides.
 */
export interface StagecraftEnvironment {
  /** The `stagecraft.languageFeatures` setting as written (unknown values count as `auto`). */
  languageFeatures?: string;
  /** Ids of the installed and enabled extensions (`publisher.name`). */
  extensions?: string[];
  /** The extension's version, for the server's start-up line. */
  version?: string;
}

/** Notification with a new `StagecraftEnvironment` (an extension was installed, enabled or removed). */
export const DID_CHANGE_ENVIRONMENT = "stagecraft/didChangeEnvironment";

/** `initializationOptions` the server understands. */
export interface StagecraftInitializationOptions {
  /** The editor around the server; absent: no other Dockerfile extension is assumed. */
  environment?: StagecraftEnvironment;
  /** Settings used when the client cannot answer `workspace/configuration`. */
  settings?: StagecraftSettingsInput;
  /**
   * Quiet time after a keystroke before analysis, in milliseconds (default 150), for documents
   * whose settings do not set `diagnostics.delay` (which is read per document and wins).
   */
  diagnosticsDelay?: number;
  /** False in an untrusted workspace: live registry lookups stay off until trust is granted. Default true. */
  isTrusted?: boolean;
  /** A folder the server may keep its registry cache in (VS Code: the extension's global storage). */
  cacheDir?: string;
  /**
   * The browser server's worker script (`dist/server/browser-syntax-worker.js`), as an absolute
   * URL: the server runs third-party analysis there under a time budget. The Node server finds its
   * own beside it and ignores this.
   */
  workerScript?: string;
}

/**
 * `workspace/executeCommand` that converts a Dockerfile to a builder + runtime pair. Arguments:
 * one `ConvertToMultiStageArguments`. Answers a WorkspaceEdit (not applied by the server), or a
 * RequestFailed error whose message is the one-line reason when the file cannot be converted.
 */
export const CONVERT_COMMAND = "stagecraft.convertToMultiStage";

export interface ConvertToMultiStageArguments {
  uri: string;
  /** Overrides the `stagecraft.convert.runtime` setting. */
  runtime?: "distroless" | "alpine" | "slim" | "scratch";
}

/**
 * Code action kinds of the conversion: a refactoring on the FROM line, and a quick fix attached to
 * the diagnostics whose remedy it is. Clients that preview edits (VS Code) recognise them by kind.
 */
export const CONVERT_REFACTOR_KIND = "refactor.rewrite.stagecraft.convert";
export const CONVERT_QUICKFIX_KIND = "quickfix.stagecraft.convert";
