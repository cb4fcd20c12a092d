// `npm run corpus`: runs the engine over the real-world corpus (<repo>/../shared/corpus/real) and
// the rule fixtures, fails on any parser or rule exception, and proves every safe fix and fix-all
// safe on each file (test/support/fix-safety.ts). Prints findings per rule and the time taken.
// Usage: npm run corpus [-- --no-fixes] [-- --corpus <dir>]

import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, resolve } from "path";
import { analyze } from "../server/src/engine";
import type { BuildContextFacts } from "../server/src/model/context";
import { checkFixSafety, FixSafetyViolation } from "../test/support/fix-safety";
import { allRuleFixtures } from "../test/support/rule-fixtures";

const REPO = resolve(__dirname, "..");
const args = process.argv.slice(2);
const checkFixes = !args.includes("--no-fixes");
const corpusArg = args.indexOf("--corpus");
const corpusDir = corpusArg >= 0 && args[corpusArg + 1] ? resolve(args[corpusArg + 1]) : resolve(REPO, "..", "shared", "corpus", "real");

interface Input {
  /** Shown in messages: `corpus/<file>` or `fixtures/<rule>/<file>`. */
  name: string;
  code: string;
  context?: BuildContextFacts;
}

/** Corpus files: every regular file but the manifest. */
function corpusFiles(dir: string): Input[] {
  return readdirSync(dir)
    .filter((f) => f !== "MANIFEST.tsv" && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => ({ name: `corpus/${f}`, code: readFileSync(join(dir, f), "utf8") }));
}

function main(): number {
  const inputs: Input[] = [];
  if (existsSync(corpusDir)) inputs.push(...corpusFiles(corpusDir));
  else console.log(`corpus not found at ${corpusDir}, skipped`);
  const fixtures = allRuleFixtures().map((f) => ({ ...f, name: `fixtures/${f.name}` }));
  inputs.push(...fixtures);
  if (inputs.length === 0) {
    console.log("nothing to check");
    return 0;
  }

  const failures: string[] = [];
  const findingsByRule = new Map<string, number>();
  let analysisMs = 0;
  for (const input of inputs) {
    const started = performance.now();
    try {
      const { findings } = analyze(input.code, {
        context: input.context,
        onRuleError: (id, error) => failures.push(`${input.name}: rule '${id}' threw: ${describe(error)}`),
      });
      for (const f of findings) findingsByRule.set(f.ruleId, (findingsByRule.get(f.ruleId) ?? 0) + 1);
    } catch (error) {
      failures.push(`${input.name}: analysis threw: ${describe(error)}`);
    }
    analysisMs += performance.now() - started;
  }

  const violations: { input: string; violation: FixSafetyViolation }[] = [];
  let fixesChecked = 0;
  let suggestionsChecked = 0;
  let fixAllFixes = 0;
  let filesWithFixAll = 0;
  const fixStarted = performance.now();
  if (checkFixes) {
    for (const input of inputs) {
      try {
        const report = checkFixSafety(input.code, { context: input.context });
        fixesChecked += report.fixesChecked;
        suggestionsChecked += report.suggestionsChecked;
        fixAllFixes += report.fixAllFixes;
        if (report.fixAllFixes > 0) filesWithFixAll++;
        for (const violation of report.violations) violations.push({ input: input.name, violation });
      } catch (error) {
        failures.push(`${input.name}: fix-safety check threw: ${describe(error)}`);
      }
    }
  }
  const fixMs = performance.now() - fixStarted;

  const corpusCount = inputs.length - fixtures.length;
  console.log(`\nfiles: ${inputs.length} (${corpusCount} corpus, ${fixtures.length} fixtures)`);
  console.log(`analysis: ${analysisMs.toFixed(0)} ms total, ${(analysisMs / inputs.length).toFixed(2)} ms per file`);
  console.log(`\nfindings per rule:`);
  const total = [...findingsByRule.values()].reduce((a, b) => a + b, 0);
  for (const [id, count] of [...findingsByRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    console.log(`  ${id.padEnd(32)} ${String(count).padStart(6)}`);
  console.log(`  ${"total".padEnd(32)} ${String(total).padStart(6)}`);
  if (checkFixes) {
    console.log(
      `\nfix safety: ${fixesChecked} safe fixes and ${suggestionsChecked} suggestions checked one by one; fix-all applied ${fixAllFixes} fixes over ${filesWithFixAll} files (${fixMs.toFixed(0)} ms)`,
    );
    console.log(`violations: ${violations.length}`);
    for (const { input, violation: v } of violations) console.log(`  ${input}:${v.line} ${v.ruleId} ${v.kind} "${v.fixTitle}": ${v.problem}: ${v.detail}`);
  }
  if (failures.length > 0) {
    console.log(`\nexceptions: ${failures.length}`);
    for (const f of failures) console.log(`  ${f}`);
  }
  const ok = failures.length === 0 && violations.length === 0;
  console.log(ok ? "\ncorpus: OK" : "\ncorpus: FAILED");
  return ok ? 0 : 1;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 3).join(" | ") : String(error);
}

process.exit(main());
