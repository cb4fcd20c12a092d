// Runs rules over a model. The one place that applies settings, severities and ignore comments,
// and the one place that survives a rule throwing.

import type { DockerfileModel } from "../model/types";
import type { Range } from "../model/text";
import type { Fix } from "../fixes/types";
import { allRules } from "../rules/index";
import type { DiagnosticTag, Report, Rule, RuleMeta, Severity } from "../rules/types";
import { docsUrl } from "./docs-url";
import { formatMessage } from "./format-message";
import { isSeveritySetting, RuleSettings } from "./severity";
import { readSuppressions } from "./suppressions";

export type { RuleSettings } from "./severity";

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  messageId: string;
  data: Record<string, string | number>;
  range: Range;
  fixes: Fix[];
  suggestions: Fix[];
  tags: DiagnosticTag[];
  docsUrl: string;
  meta: RuleMeta;
}

export interface RunOptions {
  settings?: RuleSettings;
  /** Rules to run; every rule by default. */
  rules?: readonly Rule[];
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/** Runs `options.rules` (every rule by default) over `model`; findings sorted by position, then rule id. */
export function runRules(model: DockerfileModel, options: RunOptions = {}): Finding[] {
  const settings = options.settings ?? {};
  const suppressions = readSuppressions(model);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? allRules) {
    const setting = settings[rule.meta.id];
    // A setting the user wrote wins over every per-report severity, even when it equals the rule's
    // default (`stage-unused: hint` makes every stage-unused finding a hint). Editors send
    // `default` for rules the user left alone (package.json declares it), which is no override.
    const override = isSeveritySetting(setting) ? setting : undefined;
    if (override === "off" || (rule.meta.optIn === true && override === undefined)) continue;
    const report = (r: Report) => {
      if (suppressions.isSuppressed(rule.meta, r.range)) return;
      const template = rule.meta.messages[r.messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown messageId '${r.messageId}'`);
      const data = r.data ?? {};
      findings.push({
        ruleId: rule.meta.id,
        severity: override ?? (suppressions.buildkitError && (rule.meta.equivalents.buildkit ?? []).length > 0 ? "error" : (r.severity ?? rule.meta.severity)),
        message: formatMessage(template, data),
        messageId: r.messageId,
        data,
        range: r.range,
        fixes: r.fix === undefined ? [] : Array.isArray(r.fix) ? r.fix : [r.fix],
        suggestions: r.suggest ?? [],
        tags: r.tags ?? [],
        docsUrl: r.docsUrl ?? docsUrl(rule.meta.id),
        meta: rule.meta,
      });
    };
    try {
      rule.check(model, report);
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
  return findings;
}
