// `stagecraft explain <rule-id>`: a rule's metadata for people (text) or tools (JSON).

import { docsUrl } from "../lint/docs-url";
import type { Rule } from "../rules/types";
import { UsageError } from "./args";

export function findRule(rules: readonly Rule[], id: string): Rule {
  const rule = rules.find((r) => r.meta.id === id);
  if (rule) return rule;
  const near = closest(
    id,
    rules.map((r) => r.meta.id),
  );
  throw new UsageError(`unknown rule '${id}'${near ? ` (did you mean '${near}'?)` : ""}`);
}

export function explainText(rule: Rule): string {
  const { meta } = rule;
  const equivalents = [
    ...(meta.equivalents.hadolint ?? []).map((code) => `hadolint ${code}`),
    ...(meta.equivalents.buildkit ?? []).map((name) => `BuildKit ${name}`),
  ];
  return [
    `${meta.id}: ${meta.description}`,
    "",
    `  family       ${meta.family}`,
    meta.optIn ? "  severity     off (opt-in: a severity setting turns it on)" : `  severity     ${meta.severity} (default)`,
    `  fix          ${meta.fix}`,
    `  equivalents  ${equivalents.length > 0 ? equivalents.join(", ") : "none"}`,
    `  docs         ${docsUrl(meta.id)}`,
    "",
  ].join("\n");
}

export function explainJson(rule: Rule): string {
  const { meta } = rule;
  const data = {
    id: meta.id,
    description: meta.description,
    family: meta.family,
    severity: meta.severity,
    optIn: meta.optIn === true,
    fix: meta.fix,
    equivalents: meta.equivalents,
    docs: docsUrl(meta.id),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The known id within edit distance 3 of `id`, if any. */
function closest(id: string, ids: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of ids) {
    const d = distance(id, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
