// Syntax validation by dockerfile-utils, as the engine runs it for every adapter: the guarded
// validator (syntax-validation.ts) under the user's per-check severities, with the checks a
// Stagecraft rule makes better dropped (rules declare those in `meta.supersedes`).

import type { Dockerfile } from "dockerfile-ast";
import { ValidationCode, ValidationSeverity, ValidatorSettings } from "dockerfile-utils";
import { rangesOverlap, Range } from "../model/text";
import { docsPageUrl } from "./docs-url";
import { allRules } from "../rules/index";
import type { DiagnosticTag, Rule, Severity, SupersededCheck } from "../rules/types";
import { SYNTAX_SETTING_KEYS, syntaxCodeName, syntaxCodeNumber, SyntaxSettingKey, SyntaxSeveritySetting } from "../syntax-checks";
import type { Finding } from "./run";
import type { SyntaxSettings } from "./severity";
import { ParsedFroms, SyntaxResult, validateSyntax as validateGuarded } from "./syntax-validation";

export { SYNTAX_SOURCE } from "../syntax-checks";

/** One dockerfile-utils problem, in the engine's terms. */
export interface SyntaxProblem {
  range: Range;
  severity: Severity;
  /**
   * The stable name of dockerfile-utils' `ValidationCode` (`deprecatedMaintainer`, `unknownInstruction`);
   * `syntaxCodeNumber` gives the number back for dockerfile-language-service's quick fixes.
   */
  code?: string;
  message: string;
  tags: DiagnosticTag[];
}

/** dockerfile-utils knows ignore, warning and error; a hint or info check runs as a warning and is lowered after. */
const VALIDATOR_SEVERITIES: Record<SyntaxSeveritySetting, ValidationSeverity> = {
  off: ValidationSeverity.IGNORE,
  hint: ValidationSeverity.WARNING,
  info: ValidationSeverity.WARNING,
  warning: ValidationSeverity.WARNING,
  error: ValidationSeverity.ERROR,
};

/** dockerfile-utils' one code for a repeated CMD, ENTRYPOINT or HEALTHCHECK, split by its keyword into the three settings. */
const REPEATED_INSTRUCTION_SETTINGS: Record<string, SyntaxSettingKey> = {
  CMD: "instructionCmdMultiple",
  ENTRYPOINT: "instructionEntrypointMultiple",
  HEALTHCHECK: "instructionHealthcheckMultiple",
};

/** LSP DiagnosticSeverity and DiagnosticTag numbers, as dockerfile-utils reports them. */
const SEVERITY_NAMES: Record<number, Severity> = { 1: "error", 2: "warning", 3: "info", 4: "hint" };
const TAG_NAMES: Record<number, DiagnosticTag> = { 1: "unnecessary", 2: "deprecated" };

/**
 * Validator settings with every key set (dockerfile-utils replaces its defaults with whatever
 * object it gets): warning unless `given` says otherwise.
 */
export function validatorSettings(given: SyntaxSettings = {}): ValidatorSettings {
  const settings: ValidatorSettings = {};
  for (const key of SYNTAX_SETTING_KEYS) settings[key] = VALIDATOR_SEVERITIES[given[key] ?? "warning"];
  return settings;
}

/** The dockerfile-utils checks the installed rules supersede, by validation code. */
export function supersededChecks(rules: readonly Rule[] = allRules): ReadonlyMap<number, { ruleId: string } & SupersededCheck> {
  const byCode = new Map<number, { ruleId: string } & SupersededCheck>();
  for (const rule of rules) {
    for (const superseded of rule.meta.supersedes ?? []) {
      const code = (ValidationCode as unknown as Record<string, number | undefined>)[superseded.check];
      if (typeof code !== "number") throw new Error(`rule ${rule.meta.id} supersedes unknown dockerfile-utils check '${superseded.check}'`);
      byCode.set(code, { ruleId: rule.meta.id, ...superseded });
    }
  }
  return byCode;
}

const SUPERSEDED = supersededChecks();

/** Whether a syntax problem is one a Stagecraft finding of the same document already reports. */
export function isCoveredByFindings(problem: { code?: number | string; range: Range }, findings: readonly Finding[]): boolean {
  const number = typeof problem.code === "number" ? problem.code : syntaxCodeNumber(problem.code ?? "");
  const covered = number === undefined ? undefined : SUPERSEDED.get(number);
  if (!covered) return false;
  if (covered.when === "always") return true;
  return findings.some((f) => f.ruleId === covered.ruleId && rangesOverlap(f.range, problem.range));
}

/**
 * Why the syntax checks of a text were skipped: the validator's reason, and whether it ran out of
 * time; or the custom frontend the file's `# syntax=` names, whose grammar is not Dockerfile's.
 */
export interface SyntaxSkipped {
  reason: string;
  overBudget: boolean;
  /** Set when every check was skipped because the file is written for this frontend. */
  frontend?: string;
}

/** What validation found, and how long the validator took (adapters log slow runs). */
export interface SyntaxValidation {
  problems: SyntaxProblem[];
  ms: number;
  /** Set when the validator gave no answer: no problems does not mean none were there. */
  skipped?: SyntaxSkipped;
}

/** The code of the notice that a file's syntax checks were skipped (lsp/diagnostics.ts shows it). */
export const SYNTAX_SKIPPED_CODE = "syntax-checks-skipped";

/** What the editor tells the user about skipped syntax checks: an information on the first line. */
export interface SyntaxSkippedNotice {
  code: typeof SYNTAX_SKIPPED_CODE;
  severity: Severity;
  message: string;
  docsUrl: string;
}

/** The notice for `skipped`: what was skipped and why, and that Stagecraft's own findings stand. */
export function syntaxSkippedNotice(skipped: SyntaxSkipped): SyntaxSkippedNotice {
  if (skipped.frontend !== undefined) {
    return {
      code: SYNTAX_SKIPPED_CODE,
      severity: "info",
      message: `Checks skipped: Stagecraft does not know the syntax of the frontend '${skipped.frontend}'.`,
      docsUrl: docsPageUrl("time-budgets"),
    };
  }
  const why = skipped.overBudget ? "this file took too long" : "the syntax checker failed here";
  return {
    code: SYNTAX_SKIPPED_CODE,
    severity: "info",
    message: `Syntax checks skipped because ${why}; Stagecraft's own findings are shown. An edit checks the file again.`,
    docsUrl: docsPageUrl("time-budgets"),
  };
}

/**
 * dockerfile-utils' problems of `text` under `settings`, minus those the findings cover. A
 * validator that throws yields no problems; `onError` hears why.
 */
export function validateSyntax(
  text: string,
  settings: SyntaxSettings,
  findings: readonly Finding[],
  onError?: (reason: string) => void,
  parsed?: ParsedFroms,
  tree?: Dockerfile,
): SyntaxValidation {
  return syntaxProblemsOf(text, settings, findings, validateGuarded(text, validatorSettings(settings), parsed, tree), onError);
}

/**
 * What `validateSyntax` makes of the guarded validator's `result` for `text`, for a caller that
 * ran the validator elsewhere (the server's worker) under `validatorSettings(settings)`.
 */
export function syntaxProblemsOf(
  text: string,
  settings: SyntaxSettings,
  findings: readonly Finding[],
  result: SyntaxResult,
  onError?: (reason: string) => void,
): SyntaxValidation {
  // A validator failure must not cost the user the Stagecraft findings.
  if (!result.ok) {
    onError?.(result.reason);
    return { problems: [], ms: result.ms, skipped: { reason: result.reason, overBudget: result.overBudget === true } };
  }
  // Most files have no problem: their text is not split into lines then.
  if (result.value.length === 0) return { problems: [], ms: result.ms };
  const lines = text.split(/\r?\n/);
  const problems = result.value
    .filter((problem) => !isCoveredByFindings(problem, findings))
    .filter((problem) => !isFalseProblem(problem.code, lines[problem.range.start.line] ?? "", textIn(lines, problem.range)))
    .map((problem) => ({
      range: problem.range,
      severity: settingSeverity(settings, problem.code, lines[problem.range.start.line] ?? "") ?? SEVERITY_NAMES[problem.severity ?? 1] ?? "error",
      code: problem.code === undefined ? undefined : syntaxCodeName(problem.code),
      message: typeof problem.message === "string" ? problem.message : problem.message.value,
      tags: (problem.tags ?? []).map((tag) => TAG_NAMES[tag]).filter((tag): tag is DiagnosticTag => tag !== undefined),
    }));
  return { problems, ms: result.ms };
}

/** The hint or info a user set for the check that reported `code` (on `line`); undefined for the validator's own. */
function settingSeverity(settings: SyntaxSettings, code: number | string | undefined, line: string): Severity | undefined {
  const name = syntaxCodeName(code);
  const key =
    name === "multipleInstructions"
      ? REPEATED_INSTRUCTION_SETTINGS[/^\s*(\w+)/.exec(line)?.[1]?.toUpperCase() ?? ""]
      : (SYNTAX_SETTING_KEYS as readonly string[]).includes(name)
        ? (name as SyntaxSettingKey)
        : undefined;
  const setting = key ? settings[key] : undefined;
  return setting === "hint" || setting === "info" ? setting : undefined;
}

/**
 * Problems dockerfile-utils reports that BuildKit does not:
 * - a multi-source COPY/ADD to `.` or `..` (or `dir/.`): BuildKit treats those as directories;
 *   only a file-like destination needs the trailing slash;
 * - an empty base name on a FROM holding a template placeholder such as Maven's
 *   `${docker.base.image}` (a dot cannot be in a build argument name): the file is filtered into a
 *   real Dockerfile before any build sees it.
 */
function isFalseProblem(code: number | string | undefined, line: string, flagged: string): boolean {
  if (code === ValidationCode.INVALID_DESTINATION) return /(?:^|\/)\.\.?\/?$/.test(flagged.trim().replace(/^["']|["']$/g, ""));
  if (code === ValidationCode.BASE_NAME_EMPTY) return /\$\{[A-Za-z_][\w-]*\.[\w.-]*\}|@[\w.-]+@/.test(line);
  return false;
}

function textIn(lines: readonly string[], range: Range): string {
  if (range.start.line !== range.end.line) return "";
  return (lines[range.start.line] ?? "").slice(range.start.character, range.end.character);
}
