// The engine's front door: text in, model and findings out. Adapters (LSP, CLI, tests) call this.

import type { BuildContextFacts } from "./model/context";
import { parseDockerfile } from "./model/parse";
import type { DockerfileModel } from "./model/types";
import { Finding, runRules, RuleSettings } from "./rules/run";

export interface AnalyzeOptions {
  context?: BuildContextFacts;
  settings?: RuleSettings;
  onRuleError?: (ruleId: string, error: unknown) => void;
}

export interface Analysis {
  model: DockerfileModel;
  findings: Finding[];
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const model = parseDockerfile(text, options.context);
  const findings = runRules(model, { settings: options.settings, onRuleError: options.onRuleError });
  return { model, findings };
}
