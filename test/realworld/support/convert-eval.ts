// Runs `stagecraft convert` on the real single-stage projects and judges each result against the
// independent reviewer's labels in test/realworld/convert/<case>.json (format: ../README.md).

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import { CaseInfo, layOut, listCases } from "./cases";
import { readStage, runtimeHasPath, splitStages, startCommand } from "./runtime-stage";

export interface ConvertCheck {
  kind: "path" | "start" | "workdir" | "base" | "text" | "absent";
  path?: string;
  program?: string;
  args?: string[];
  pattern?: string;
  why: string;
}

export interface ConvertLabel {
  case: string;
  expected: "convert" | "refuse" | "either";
  why: string;
  checks: ConvertCheck[];
}

export type Outcome = "right" | "broken" | "refused rightly" | "refused needlessly" | "unlabelled";

export interface ConvertResult {
  name: string;
  ecosystem: string;
  outcome: Outcome;
  /** The converted text, or the refusal reason. */
  output: string;
  failed: Array<ConvertCheck & { detail: string }>;
}

export const CONVERT_LABELS_DIR = resolve(__dirname, "../convert");
const CLI = resolve(__dirname, "../../../dist/cli.js");

export function readConvertLabel(name: string): ConvertLabel | undefined {
  const file = join(CONVERT_LABELS_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ConvertLabel) : undefined;
}

/** Runs each check on the last stage of `converted`; returns the failing ones with what was seen. */
export function runChecks(converted: string, checks: readonly ConvertCheck[], contextRoot: string): Array<ConvertCheck & { detail: string }> {
  const stages = splitStages(converted);
  const runtime = stages[stages.length - 1];
  if (runtime === undefined) return checks.map((c) => ({ ...c, detail: "no stage in the output" }));
  const { workdir } = readStage(runtime, stages);
  const start = startCommand(runtime);
  const failed: Array<ConvertCheck & { detail: string }> = [];
  for (const check of checks) {
    switch (check.kind) {
      case "path":
        if (!runtimeHasPath(check.path!, runtime, stages, contextRoot)) failed.push({ ...check, detail: "no COPY/ADD of the runtime stage puts it there" });
        break;
      case "start": {
        const program = check.program!;
        const runs = start.some((w) => w === program || posix.basename(w) === program || posix.basename(w) === posix.basename(program));
        const missingArgs = (check.args ?? []).filter((a) => !start.some((w) => w === a || w.includes(a)));
        if (!runs || missingArgs.length > 0) failed.push({ ...check, detail: `starts ${JSON.stringify(start)}` });
        break;
      }
      case "workdir":
        if ((posix.normalize(check.path!).replace(/\/$/, "") || "/") !== workdir) failed.push({ ...check, detail: `WORKDIR is ${workdir}` });
        break;
      case "base":
        if (!labelToRegExp(check.pattern!).test(runtime.from)) failed.push({ ...check, detail: `FROM ${runtime.from}` });
        break;
      case "text":
        if (!labelToRegExp(check.pattern!, "m").test(runtime.text)) failed.push({ ...check, detail: "not in the runtime stage" });
        break;
      case "absent":
        if (labelToRegExp(check.pattern!, "m").test(runtime.text)) failed.push({ ...check, detail: "present in the runtime stage" });
        break;
    }
  }
  return failed;
}

function ecosystemOf(c: CaseInfo): string {
  const meta = JSON.parse(readFileSync(join(c.folder, "case.json"), "utf8")) as { ecosystem?: string };
  return meta.ecosystem ?? c.name.split("__")[0];
}

export function evaluateConversions(): ConvertResult[] {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' first`);
  const cases = listCases("convert");
  const { root, pathOf } = layOut(cases);
  try {
    return cases.map((c) => {
      const file = pathOf(c);
      const run = spawnSync(process.execPath, [CLI, "convert", file], { encoding: "utf8", timeout: 30_000 });
      const label = readConvertLabel(c.name);
      const ecosystem = ecosystemOf(c);
      const converted = run.status === 0;
      if (run.status !== 0 && run.status !== 3) throw new Error(`convert failed on ${c.name} (exit ${run.status}): ${run.stderr}`);
      const output = converted ? run.stdout : run.stderr.trim();
      if (label === undefined) return { name: c.name, ecosystem, outcome: "unlabelled", output, failed: [] };
      if (!converted) return { name: c.name, ecosystem, outcome: label.expected === "convert" ? "refused needlessly" : "refused rightly", output, failed: [] };
      if (label.expected === "refuse")
        return { name: c.name, ecosystem, outcome: "broken", output, failed: [{ kind: "text", why: label.why, detail: "converted where it should refuse" }] };
      const failed = runChecks(run.stdout, label.checks, dirname(file));
      return { name: c.name, ecosystem, outcome: failed.length === 0 ? "right" : "broken", output, failed };
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A pattern from a label file: a regular expression a reviewer wrote on purpose, not text from a Dockerfile. */
function labelToRegExp(pattern: string, flags?: string): RegExp {
  // eslint-disable-next-line stagecraft/no-dynamic-regexp -- label files hold reviewed regular expressions.
  return new RegExp(pattern, flags);
}
