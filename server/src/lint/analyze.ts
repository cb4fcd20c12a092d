// "Parse, run the rules, validate the syntax", written once. engine.ts is its public door; fix-all
// re-checks candidate texts through it too.

import type { BuildContextFacts } from "../model/context";
import { parseDockerfile } from "../model/parse";
import { customFrontendOf } from "../model/frontend";
import type { DockerfileModel } from "../model/types";
import type { Rule } from "../rules/types";
import { Finding, runRules } from "./run";
import type { RuleSettings, SyntaxSettings } from "./severity";
import { SyntaxProblem, syntaxProblemsOf, SyntaxSkipped, SyntaxValidation, validateSyntax } from "./syntax";
import type { SyntaxResult } from "./syntax-validation";

export interface AnalyzeOptions {
  /** Build-context facts for parsing text; ignored when a model is passed (it carries its own). */
  context?: BuildContextFacts;
  /** Per-rule severity overrides. */
  settings?: RuleSettings;
  /** Per-check dockerfile-utils severities; `false` skips syntax validation (rule unit tests). */
  syntax?: SyntaxSettings | false;
  /** Rules to run; every rule by default. */
  rules?: readonly Rule[];
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Called with the reason when the syntax validator fails; the findings still stand. */
  onSyntaxError?: (reason: string) => void;
  /**
   * The guarded validator's answer for this text under `validatorSettings(syntax)`, when the caller
   * ran it off its thread (the server's worker); analyze then does not run the validator.
   */
  validated?: SyntaxResult;
}

export interface Analysis {
  model: DockerfileModel;
  findings: Finding[];
  /** dockerfile-utils problems, minus the checks a rule supersedes. */
  syntax: SyntaxProblem[];
  /** Time the syntax validator took, in milliseconds (0 when skipped). */
  syntaxMs: number;
  /** Set when the syntax checks were on but the validator gave no answer (over budget, or it failed). */
  syntaxSkipped?: SyntaxSkipped;
}

/** Analyses a Dockerfile: parses `input` when it is text, runs the rules, validates the syntax. */
export function analyze(input: string | DockerfileModel, options: AnalyzeOptions = {}): Analysis {
  const model = typeof input === "string" ? parseDockerfile(input, options.context) : input;
  const refused = refuseCustomFrontend(model);
  if (refused) return refused;
  const findings = ruleFindings(model, options);
  // The model's FROMs spare the validator's guard a parse of its own, and the model's syntax tree
  // spares dockerfile-utils one: the text is parsed once per analysis.
  const froms = { escapeChar: model.escapeChar, fromArguments: model.stages.map((stage) => stage.from.args) };
  const validation =
    options.syntax === false
      ? { problems: [], ms: 0 }
      : options.validated
        ? syntaxProblemsOf(model.text, options.syntax ?? {}, findings, options.validated, options.onSyntaxError)
        : validateSyntax(model.text, options.syntax ?? {}, findings, options.onSyntaxError, froms, model.syntaxTree);
  return analysisOf(model, findings, validation);
}

/**
 * `analyze` of a parsed model whose syntax is being validated elsewhere (the server's worker,
 * started with `validatorSettings(options.syntax)`): the rules run on this thread meanwhile, so the
 * answer waits for the slower of the two instead of their sum.
 */
export async function analyzeWhileValidating(model: DockerfileModel, options: AnalyzeOptions, validation: Promise<SyntaxResult>): Promise<Analysis> {
  const refused = refuseCustomFrontend(model);
  if (refused) return refused;
  const findings = ruleFindings(model, options);
  const validated = await validation;
  const syntax =
    options.syntax === false ? { problems: [], ms: 0 } : syntaxProblemsOf(model.text, options.syntax ?? {}, findings, validated, options.onSyntaxError);
  return analysisOf(model, findings, syntax);
}

/** The analysis of `model`: the rules' findings and what validation found (or why it gave no answer). */
function analysisOf(model: DockerfileModel, findings: Finding[], validation: SyntaxValidation): Analysis {
  const { problems, ms, skipped } = validation;
  return { model, findings, syntax: problems, syntaxMs: ms, ...(skipped ? { syntaxSkipped: skipped } : {}) };
}

function ruleFindings(model: DockerfileModel, options: AnalyzeOptions): Finding[] {
  return runRules(model, { settings: options.settings, rules: options.rules, onRuleError: options.onRuleError });
}

/**
 * A file whose `# syntax=` directive names a frontend other than Docker's own (`docker/dockerfile`,
 * `docker/dockerfile-upstream`) is written in that frontend's language (dockerfile-x's `INCLUDE`,
 * a YAML or Earthly-like syntax): neither the rules nor dockerfile-utils know it, so nothing is
 * reported but why (an honest refusal beats findings on instructions we cannot read).
 */
function refuseCustomFrontend(model: DockerfileModel): Analysis | null {
  const frontend = customFrontendOf(model);
  if (frontend === null) return null;
  return { model, findings: [], syntax: [], syntaxMs: 0, syntaxSkipped: { reason: `written for the frontend '${frontend}'`, overBudget: false, frontend } };
}
