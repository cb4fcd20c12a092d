// The per-stage timelines of the WORKDIR, SHELL and USER in effect must answer what a walk of the
// stage's lineage answers (the way each was read before the timelines), at every instruction of
// every corpus file, and must not recurse through a long chain of stages.

import * as assert from "assert";
import { joinPath, unquoteWord } from "../../../server/src/model/copy-paths";
import { parseDockerfile } from "../../../server/src/model/parse";
import { shellAt } from "../../../server/src/model/run-shell";
import { ancestorsOf, lineage, mergedScopeWith } from "../../../server/src/model/stage-graph";
import type { DockerfileModel, Instruction, Stage } from "../../../server/src/model/types";
import { userAt } from "../../../server/src/model/user";
import { substituteVariables } from "../../../server/src/model/variables";
import { workdirOf } from "../../../server/src/model/workdir";
import { corpusTexts } from "../../support/corpus";

/** workdirOf as a walk of the lineage per question (its code before the timeline). */
function walkedWorkdir(model: DockerfileModel, stage: Stage, before?: Instruction): string | null {
  const chain = [...ancestorsOf(stage)].reverse();
  chain.push(stage);
  let current: string | null = chain[0].base.kind === "scratch" ? "/" : null;
  const env = new Map<string, string | null>();
  for (const s of chain) {
    const scope = mergedScopeWith(model, s, env);
    for (const instruction of s.instructions) {
      if (s === stage && instruction === before) return current;
      if (instruction.keyword === "ENV") {
        const args = instruction.args.map((a) => a.value);
        if (args.length === 0) continue;
        const pairs: [string, string][] = args[0].includes("=")
          ? args.filter((a) => a.includes("=")).map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)])
          : [[args[0], args.slice(1).join(" ")]];
        for (const [name, raw] of pairs) {
          const sub = substituteVariables(unquoteWord(raw), scope);
          const value = sub.unresolved.length > 0 ? null : sub.value;
          scope.set(name, value);
          env.set(name, value);
        }
      }
      if (instruction.keyword !== "WORKDIR" || instruction.args.length === 0) continue;
      const sub = substituteVariables(unquoteWord(instruction.args.map((a) => a.value).join(" ")), scope);
      if (sub.unresolved.length > 0) current = null;
      else if (sub.value.startsWith("/")) current = joinPath("/", sub.value);
      else current = current === null ? null : joinPath(current, sub.value);
    }
  }
  return current;
}

/** The last instruction with `keyword` before `before` (by ordinal in the stage, all of the stages it builds on). */
function walkedLast(stage: Stage, before: Instruction, keyword: string): Instruction | null {
  let last: Instruction | null = null;
  for (const s of lineage(stage))
    for (const instruction of s.instructions) {
      if (s === stage && instruction.ordinal >= before.ordinal) break;
      if (instruction.keyword === keyword && instruction.args.length > 0) last = instruction;
    }
  return last;
}

function checkFile(text: string): void {
  const model = parseDockerfile(text);
  for (const stage of model.stages) {
    assert.strictEqual(workdirOf(model, stage), walkedWorkdir(model, stage));
    // Every instruction of the file, of this stage or not, and the ONBUILD triggers.
    const asked = [...model.instructions, ...model.instructions.flatMap((i) => (i.trigger ? [i.trigger] : []))];
    for (const before of asked) {
      assert.strictEqual(workdirOf(model, stage, before), walkedWorkdir(model, stage, before), `WORKDIR at line ${before.range.start.line + 1}`);
      assert.strictEqual(shellAt(stage, before), walkedLast(stage, before, "SHELL"));
      assert.strictEqual(userAt(stage, before), walkedLast(stage, before, "USER")?.args[0].value ?? null);
    }
  }
}

describe("model/stage-timeline: the WORKDIR, SHELL and USER in effect", () => {
  it("answers as a walk of the lineage does, across stages built on each other", () => {
    checkFile(
      [
        "FROM scratch AS a",
        "ENV D=/srv",
        "WORKDIR $D",
        "USER app:staff",
        'SHELL ["/bin/bash", "-c"]',
        "RUN true",
        "FROM a AS b",
        "WORKDIR web",
        "ONBUILD RUN make",
        "USER 0",
        "WORKDIR /opt/$MISSING",
        "FROM alpine AS c",
        "WORKDIR rel",
        'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]',
        "FROM b",
        "RUN ls",
      ].join("\n"),
    );
  });

  it("answers as a walk of the lineage does on every corpus file", function () {
    const texts = corpusTexts();
    if (texts.length === 0) this.skip();
    this.timeout(120000);
    for (const text of texts) checkFile(text);
  });

  it("reads a chain of 8,000 stages without overflowing the stack", () => {
    const lines = ["FROM alpine:3.20 AS s0", "WORKDIR /w0", "USER u0"];
    for (let i = 1; i < 8000; i++) lines.push(`FROM s${i - 1} AS s${i}`, `WORKDIR /w${i % 3}`, "RUN true");
    const model = parseDockerfile(lines.join("\n"));
    const last = model.stages[model.stages.length - 1];
    assert.strictEqual(userAt(last, last.instructions[1]), "u0");
    assert.strictEqual(shellAt(last, last.instructions[1]), null);
    assert.strictEqual(workdirOf(model, last), "/w1");
    assert.strictEqual(workdirOf(model, last, last.instructions[0]), "/w0");
  });
});
