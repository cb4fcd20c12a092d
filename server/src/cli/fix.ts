// `check --fix` / `--fix-dry-run`: the safe fixes of the reported findings, chosen and verified by
// fix-all (each one applied with those before it and re-analysed; one that adds an error is left
// out), applied pass after pass until none is left, since a fix may uncover another finding.

import { compatibleSafeFixes } from "../lint/fix-all";
import type { Analysis, AnalyzeOptions, Finding } from "../engine";
import { applyEdits } from "../model/text";

/** At most this many passes: each is verified, so more would only chase fixes that undo each other. */
const MAX_PASSES = 10;

export interface FixOutcome {
  /** The text with every accepted fix applied (the input when none was). */
  text: string;
  /** The findings whose safe fix was applied, in the order they were fixed. */
  fixed: Finding[];
  /** The analysis of `text`, with every finding (the caller filters what it reports). */
  analysis: Analysis;
}

/**
 * Applies the safe fixes of the findings `wanted` keeps. `analyzeText` analyses a text the way the
 * report does (same settings, build context and ShellCheck); `options` are what fix-all analyses
 * each candidate with. Fixes that create files (a `.dockerignore`) are not applied: the CLI only
 * rewrites the Dockerfile it was given.
 */
export async function applySafeFixes(
  first: Analysis,
  analyzeText: (text: string) => Promise<Analysis>,
  wanted: (finding: Finding) => boolean,
  options: AnalyzeOptions,
): Promise<FixOutcome> {
  let analysis = first;
  const fixed: Finding[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const findings = analysis.findings.filter(wanted);
    const fixes = compatibleSafeFixes({ ...analysis, findings }, { canCreateFiles: false, analyzeOptions: options });
    if (fixes.length === 0) break;
    const text = applyEdits(
      analysis.model.text,
      fixes.flatMap((fix) => fix.edits),
    );
    if (text === analysis.model.text) break;
    fixed.push(...findings.filter((f) => f.fixes.some((fix) => fixes.includes(fix))));
    analysis = await analyzeText(text);
  }
  return { text: analysis.model.text, fixed, analysis };
}
