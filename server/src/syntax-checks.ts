// The names of dockerfile-utils' settable checks, without the validator itself: the VS Code client
// and the manifest generator need the names, and must not bundle the engine to get them.

export const SYNTAX_SOURCE = "dockerfile-utils";

/** The dockerfile-utils checks whose severity can be set (`stagecraft.syntax.<key>`). */
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
export type SyntaxSeveritySetting = "ignore" | "warning" | "error";
