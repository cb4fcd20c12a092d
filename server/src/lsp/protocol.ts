// The server's public surface beyond standard LSP, declared once: the client imports this file.
// Plain constants and types only, so importing it pulls no protocol library into the client bundle.

/** Configuration section fetched with `workspace/configuration` (`stagecraft.*` settings). */
export const SETTINGS_SECTION = "stagecraft";

/** Code action kind of "fix all safe Stagecraft problems" (usable in `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = "source.fixAll.stagecraft";

/** Diagnostic `source` of the engine's findings and of the dockerfile-utils syntax checks. */
export const DIAGNOSTIC_SOURCE = "stagecraft";
export const SYNTAX_SOURCE = "dockerfile-utils";

/** Severity of a Stagecraft rule in settings (`stagecraft.rules.<id>`). */
export type RuleSeveritySetting = "off" | "hint" | "info" | "warning" | "error";

/** Severity of a dockerfile-utils check in settings (`stagecraft.syntax.<key>`). */
export type SyntaxSeveritySetting = "ignore" | "warning" | "error";

/** Keys of `stagecraft.syntax`: the dockerfile-utils `ValidatorSettings` a user can tune. */
export const SYNTAX_SETTING_KEYS = [
  "deprecatedMaintainer",
  "directiveCasing",
  "emptyContinuationLine",
  "instructionCasing",
  "instructionCmdMultiple",
  "instructionEntrypointMultiple",
  "instructionHealthcheckMultiple",
  "instructionJSONInSingleQuotes",
  "instructionWorkdirRelative",
] as const;
export type SyntaxSettingKey = (typeof SYNTAX_SETTING_KEYS)[number];

/** The `stagecraft` settings section as a client sends it. Every field is optional. */
export interface StagecraftSettingsInput {
  rules?: Record<string, RuleSeveritySetting>;
  syntax?: Partial<Record<SyntaxSettingKey, SyntaxSeveritySetting>>;
}

/** `initializationOptions` the server understands. */
export interface StagecraftInitializationOptions {
  /** Settings used when the client cannot answer `workspace/configuration`. */
  settings?: StagecraftSettingsInput;
  /** Quiet time after a keystroke before analysis, in milliseconds (default 150). */
  diagnosticsDelay?: number;
}

