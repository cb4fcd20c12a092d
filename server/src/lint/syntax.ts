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
  const problems: SyntaxProblem[] = [];
  for (const problem of result.value) {
    if (isCoveredByFindings(problem, findings)) continue;
    const flagged = textIn(lines, problem.range);
    if (isFalseProblem(problem.code, lines[problem.range.start.line] ?? "", flagged)) continue;
    const message = typeof problem.message === "string" ? problem.message : problem.message.value;
    const newerFlag = newerFlagMessage(problem.code, flagged, lines);
    const newer = newerFlag !== undefined ? newerFlag : newerSubstitutionMessage(problem.code, message, lines);
    if (newer === null) continue;
    problems.push({
      range: problem.range,
      severity: settingSeverity(settings, problem.code, lines[problem.range.start.line] ?? "") ?? SEVERITY_NAMES[problem.severity ?? 1] ?? "error",
      code: problem.code === undefined ? undefined : syntaxCodeName(problem.code),
      message: newer ?? message,
      tags: (problem.tags ?? []).map((tag) => TAG_NAMES[tag]).filter((tag): tag is DiagnosticTag => tag !== undefined),
    });
  }
  return { problems, ms: result.ms };
}

/**
 * BuildKit's ADD and COPY flags that dockerfile-utils may not know (its Dockerfile reference), with
 * the Dockerfile syntax version that brought each: `ADD --unpack` came with 1.17, `COPY --parents`
 * left the labs channel with 1.20.
 */
const BUILDKIT_FLAGS: ReadonlyMap<number, Readonly<Record<string, readonly [number, number]>>> = new Map<
  number,
  Readonly<Record<string, readonly [number, number]>>
>([
  [
    ValidationCode.UNKNOWN_ADD_FLAG,
    { chown: [1, 0], "keep-git-dir": [1, 1], chmod: [1, 2], link: [1, 4], checksum: [1, 6], unpack: [1, 17], exclude: [1, 19] },
  ],
  [ValidationCode.UNKNOWN_COPY_FLAG, { from: [1, 0], chown: [1, 0], chmod: [1, 2], link: [1, 4], exclude: [1, 19], parents: [1, 20] }],
]);

/**
 * For dockerfile-utils' "unknown flag" on ADD or COPY: `undefined` when the flag is not one of
 * BuildKit's (the problem stands as it is); `null` when it is (dropped: without a `# syntax=` pin
 * the builder's own frontend reads the file, and which version that is cannot be told, so the
 * flag is given the benefit of the doubt, as under an unversioned or newer pin); the message
 * naming the version it needs when the file pins Docker's frontend to an older one, which
 * rejects the flag.
 */
function newerFlagMessage(code: number | string | undefined, flagged: string, lines: readonly string[]): string | null | undefined {
  const known = typeof code === "number" ? BUILDKIT_FLAGS.get(code) : undefined;
  const name = /^--([a-z-]+)$/.exec(flagged.trim())?.[1];
  if (known === undefined || name === undefined || !Object.hasOwn(known, name)) return undefined;
  const needed = known[name];
  const pinned = pinnedSyntaxVersion(lines);
  if (pinned === null || pinned[0] > needed[0] || (pinned[0] === needed[0] && pinned[1] >= needed[1])) return null;
  return `Flag '--${name}' needs Dockerfile syntax ${needed.join(".")} or newer; raise the '# syntax=' version.`;
}

/**
 * For dockerfile-utils' "unsupported modifier": the same reading as `newerFlagMessage` for the
 * string forms Dockerfile syntax 1.7 brought (`${X#prefix}`, `${X%%suffix}`, `${X/a/b}`,
 * `${X//a/b}`), which its Dockerfile reference predates: undefined for any other modifier (the
 * problem stands), null without an older pin, the version message under one (held-out AV, neon).
 */
function newerSubstitutionMessage(code: number | string | undefined, message: string, lines: readonly string[]): string | null | undefined {
  // The range points into the expression (at what the validator took for the modifier); the
  // message quotes it whole: `failed to process "${A%%:*}": unsupported modifier (*) ...`.
  const expression = STRING_SUBSTITUTION.exec(message)?.[1];
  if (code !== ValidationCode.UNSUPPORTED_MODIFIER || expression === undefined) return undefined;
  const pinned = pinnedSyntaxVersion(lines);
  if (pinned === null || pinned[0] > 1 || (pinned[0] === 1 && pinned[1] >= 7)) return null;
  // The form alone (`${A/…}`): the whole expression may be a digest long.
  const form = /^\$\{\w+(?:##?|%%?|\/\/?)/.exec(expression)?.[0] ?? expression;
  return `String substitution '${form}…}' needs Dockerfile syntax 1.7 or newer; raise the '# syntax=' version.`;
}

/** The quoted `${NAME#...}`, `${NAME%...}` or `${NAME/...}` (and doubled forms) of the validator's message. */
const STRING_SUBSTITUTION = /"(\$\{[A-Za-z_][A-Za-z0-9_]*[#%/][^"]*\})"/;

/** A parser directive line at the top of a Dockerfile (`# syntax=docker/dockerfile:1.4`). */
const DIRECTIVE = /^\s*#\s*([a-z]+)\s*=\s*(\S+)\s*$/i;
/** Docker's frontend pinned to a stable major.minor (`docker/dockerfile:1.4`, `:1.4.3`); not `:1`, labs or a digest. */
const PINNED_DOCKER_FRONTEND = /^(?:[\w.-]+(?::\d+)?\/)?docker\/dockerfile(?:-upstream)?:(\d+)\.(\d+)(?:\.\d+)?$/;

/** The major.minor a file's `# syntax=` pins Docker's frontend to; null when it pins none. */
function pinnedSyntaxVersion(lines: readonly string[]): [number, number] | null {
  for (const line of lines) {
    const directive = DIRECTIVE.exec(line);
    if (directive === null) return null;
    if (directive[1].toLowerCase() !== "syntax") continue;
    const pin = PINNED_DOCKER_FRONTEND.exec(directive[2]);
    return pin === null ? null : [Number(pin[1]), Number(pin[2])];
  }
  return null;
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
 *   real Dockerfile before any build sees it;
 * - a STOPSIGNAL named without its `SIG` prefix (`RTMIN+3`, systemd's stop signal; `TERM`): Docker
 *   strips the prefix and reads the name (moby's signal.ParseSignal), including the real-time
 *   signals `RTMIN+n` and `RTMAX-n` (held-out AY, freeipa-container: judged wrong).
 */
function isFalseProblem(code: number | string | undefined, line: string, flagged: string): boolean {
  if (code === ValidationCode.INVALID_SIGNAL) return SIGNAL_NAME.test(flagged.trim().toUpperCase());
  if (code === ValidationCode.INVALID_DESTINATION) return /(?:^|\/)\.\.?\/?$/.test(flagged.trim().replace(/^["']|["']$/g, ""));
  if (code === ValidationCode.BASE_NAME_EMPTY) return /\$\{[A-Za-z_][\w-]*\.[\w.-]*\}|@[\w.-]+@/.test(line);
  return false;
}

/** Linux signal names as Docker reads them after `SIG` (moby's SignalMap), real-time ones included. */
const SIGNAL_NAME =
  /^(?:ABRT|ALRM|BUS|CHLD|CLD|CONT|FPE|HUP|ILL|INT|IO|IOT|KILL|PIPE|POLL|PROF|PWR|QUIT|SEGV|STKFLT|STOP|SYS|TERM|TRAP|TSTP|TTIN|TTOU|UNUSED|URG|USR1|USR2|VTALRM|WINCH|XCPU|XFSZ|RTMIN(?:\+(?:[1-9]|1[0-5]))?|RTMAX(?:-(?:[1-9]|1[0-4]))?)$/;

function textIn(lines: readonly string[], range: Range): string {
  if (range.start.line !== range.end.line) return "";
  return (lines[range.start.line] ?? "").slice(range.start.character, range.end.character);
}
