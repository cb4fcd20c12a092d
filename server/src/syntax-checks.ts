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
/** The same words as a rule's severity setting (`ignore` and dockerfile-utils' numbers are read as before: lint/severity.ts). */
export type SyntaxSeveritySetting = "off" | "hint" | "info" | "warning" | "error";

/**
 * Stable names of dockerfile-utils' problem codes (its `ValidationCode` numbers), shown as the
 * diagnostic code in the editor and the CLI. Checks with a setting keep the setting's name.
 */
export const SYNTAX_CODE_NAMES: Readonly<Record<number, string>> = Object.freeze({
  0: "instructionCasing",
  1: "directiveCasing",
  2: "argumentMissing",
  3: "argumentExtra",
  4: "argumentRequiresOne",
  5: "argumentRequiresAtLeastOne",
  6: "argumentRequiresTwo",
  7: "argumentRequiresAtLeastTwo",
  8: "argumentRequiresOneOrThree",
  9: "argumentUnnecessary",
  10: "duplicateBuildStageName",
  11: "emptyContinuationLine",
  12: "invalidBuildStageName",
  13: "flagAtLeastOne",
  14: "flagDuplicate",
  15: "flagInvalidDuration",
  16: "flagLessThan1ms",
  17: "flagMissingDuration",
  18: "flagMissingValue",
  19: "flagUnknownUnit",
  20: "noSourceImage",
  21: "invalidEscapeDirective",
  22: "invalidAs",
  23: "invalidDestination",
  24: "invalidPort",
  25: "invalidProto",
  26: "invalidReferenceFormat",
  27: "invalidSignal",
  28: "invalidSyntax",
  29: "onbuildChainingDisallowed",
  30: "onbuildTriggerDisallowed",
  31: "shellJsonForm",
  32: "shellRequiresOne",
  33: "syntaxMissingEquals",
  34: "syntaxMissingNames",
  35: "syntaxMissingSingleQuote",
  36: "syntaxMissingDoubleQuote",
  37: "multipleInstructions",
  38: "unknownInstruction",
  39: "unknownAddFlag",
  40: "unknownCopyFlag",
  41: "unknownFromFlag",
  42: "unknownHealthcheckFlag",
  43: "unknownType",
  44: "unsupportedModifier",
  45: "deprecatedMaintainer",
  46: "healthcheckCmdArgumentMissing",
  47: "flagInvalidFromValue",
  48: "flagExpectedBooleanValue",
  49: "instructionJSONInSingleQuotes",
  50: "instructionWorkdirRelative",
  51: "baseNameEmpty",
  52: "duplicatedEscapeDirective",
});

/** The name of a dockerfile-utils code (`45` -> `deprecatedMaintainer`); unknown codes stay as written. */
export function syntaxCodeName(code: number | string | undefined): string {
  if (code === undefined) return "";
  const number = typeof code === "number" ? code : /^\d+$/.test(code) ? Number(code) : NaN;
  return SYNTAX_CODE_NAMES[number] ?? String(code);
}

/** The dockerfile-utils number of a name (for its own code actions), or undefined. */
export function syntaxCodeNumber(name: string): number | undefined {
  for (const [number, known] of Object.entries(SYNTAX_CODE_NAMES)) if (known === name) return Number(number);
  return undefined;
}

/**
 * The setting key a user wrote for a syntax check: a setting name (`instructionCasing`), or, as
 * older configurations did, the check's number (`"0"`) or its name from the diagnostic.
 */
export function syntaxSettingKeyOf(written: string): SyntaxSettingKey | undefined {
  const name = syntaxCodeName(written);
  if ((SYNTAX_SETTING_KEYS as readonly string[]).includes(name)) return name as SyntaxSettingKey;
  // One dockerfile-utils code (37) covers the three "multiple CMD/ENTRYPOINT/HEALTHCHECK" settings.
  return undefined;
}
