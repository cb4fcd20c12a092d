// What a rule is: metadata as data, plus a check that reads the model and reports.
// Modelled on ESLint's meta + create and BuildKit's rule table.

import type { DockerfileModel } from "../model/types";
import type { Range } from "../model/text";
import type { Fix } from "../fixes/types";

export type { FileCreation, Fix } from "../fixes/types";

export type Severity = "error" | "warning" | "info" | "hint";
export type SeveritySetting = Severity | "off";

/** `instructions`: how instructions are written (BuildKit's style checks); `variables`: ARG/ENV and their uses; `run`: the commands of RUN. */
export type RuleFamily = "stages" | "references" | "layers" | "base-images" | "instructions" | "variables" | "run";

/** `safe`: fixes keep meaning and are applied by fix-all; `suggestion`: offered, never automatic. */
export type FixKind = "safe" | "suggestion" | "none";

export interface RuleEquivalents {
  /** hadolint codes (`DL3006`). */
  hadolint?: string[];
  /** BuildKit check names (`StageNameCasing`). */
  buildkit?: string[];
}

export interface RuleMeta {
  /** Public, stable id, also the docs page name. */
  id: string;
  family: RuleFamily;
  severity: Severity;
  /**
   * Off unless a setting gives the rule a severity (`stagecraft.rules.<id>`, `.stagecraft.json`):
   * a check whose findings reviewers judged right too rarely on real projects to report by default.
   */
  optIn?: true;
  /** Imperative one-liner: "Pin base images with a tag or digest." */
  description: string;
  fix: FixKind;
  equivalents: RuleEquivalents;
  /** messageId -> template with `{placeholders}` filled from report data. */
  messages: Record<string, string>;
  /** A remedy beyond the rule's own fixes: `convert` offers "Convert to multi-stage" on its diagnostics. */
  remedy?: "convert";
  /** dockerfile-utils checks this rule makes with a better message and a fix; their problems are dropped. */
  supersedes?: readonly SupersededCheck[];
}

/**
 * A dockerfile-utils check a rule replaces. `check` is the `ValidationCode` name. `always`: dropped
 * whenever the rule is installed (turning the rule off must not bring theirs back); `overlap`:
 * dropped only where the rule reported the same token, since theirs is broader.
 */
export interface SupersededCheck {
  check: string;
  when: "always" | "overlap";
}

export type DiagnosticTag = "unnecessary" | "deprecated";

export interface Report {
  range: Range;
  messageId: string;
  data?: Record<string, string | number>;
  /** Safe fixes (meaning kept, result parses). */
  fix?: Fix | Fix[];
  /** Fixes offered to the user but never applied automatically. */
  suggest?: Fix[];
  /** Overrides the rule's default severity for this report (a user setting still wins). */
  severity?: Severity;
  tags?: DiagnosticTag[];
  /** A page more specific than the rule's (a ShellCheck wiki page for one SC code). */
  docsUrl?: string;
}

export type ReportFn = (report: Report) => void;

/** `report` with every report lowered to a hint (a user's severity setting still wins). */
export function asHints(report: ReportFn): ReportFn {
  return (r) => report({ ...r, severity: "hint" });
}

export interface Rule {
  meta: RuleMeta;
  check(model: DockerfileModel, report: ReportFn): void;
}
