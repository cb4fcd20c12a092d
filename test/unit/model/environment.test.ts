// environmentAt answers from one walk per stage (issue #16: per-edit work on a long file); it must
// give what walking the stage, and those it builds on, up to the instruction gives.

import * as assert from "assert";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { envDeclarations, environmentAt } from "../../../server/src/model/environment";
import { parseDockerfile } from "../../../server/src/model/parse";
import { ancestorsOf, mergedScope } from "../../../server/src/model/stage-graph";
import type { DockerfileModel, Instruction, Stage } from "../../../server/src/model/types";
import { toLogical } from "../../../server/src/model/shell";
import { substituteVariables } from "../../../server/src/model/variables";
import { corpusTexts } from "../../support/corpus";
import { seededRandom } from "../../support/seeded-random";

/** The walk environmentAt replaced: every stage of the chain, instruction by instruction, up to `before`. */
function walked(model: DockerfileModel, stage: Stage, before?: Instruction): Map<string, string | null> {
  const env = new Map<string, string | null>();
  for (const s of [...ancestorsOf(stage).reverse(), stage]) {
    const scope = new Map(mergedScope(model, s));
    for (const [k, v] of env) scope.set(k, v);
    for (const instruction of s.instructions) {
      if (s === stage && before && instruction.ordinal >= before.ordinal) break;
      for (const decl of envDeclarations(model, instruction)) {
        const raw = decl.value === null && instruction.keyword === "ARG" ? (model.globalScope.get(decl.name) ?? null) : decl.value;
        const value = raw === null ? null : substituteVariables(raw, scope).value;
        env.set(decl.name, value);
        scope.set(decl.name, value);
      }
    }
  }
  return env;
}

const SAMPLES = [
  "ARG BASE=alpine\nARG V\nFROM ${BASE} AS one\nARG V\nENV A=1 B=$A\nRUN echo $A\nENV A=2\nFROM one AS two\nENV C=${A}x\nRUN echo $C\nARG BASE\nENV D=$BASE\nFROM scratch\nCOPY --from=two / /\n",
  "FROM debian\nENV PATH=/opt/bin:$PATH\nENV LEGACY value with spaces\nRUN true\nENV PATH=/x:$PATH\nRUN true\n",
  "FROM a AS b\nFROM b AS c\nENV X=1\nFROM c\nENV Y=$X\nRUN echo\n",
  // A FROM naming a later stage names an image: chains of bases always end.
  "FROM c AS a\nENV A=1\nFROM a AS b\nENV B=$A\nFROM b AS c\nENV C=$B$A\nFROM c AS d\nENV D=$C\n",
];

function corpus(limit: number): string[] {
  const dir = resolve(__dirname, "..", "..", "..", "..", "shared", "corpus", "real");
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((f) => f !== "MANIFEST.tsv");
  return names.filter((_, i) => i % Math.ceil(names.length / limit) === 0).map((f) => readFileSync(join(dir, f), "utf8"));
}

describe("model/environment: environmentAt", () => {
  it("gives, at every instruction and at the end of every stage, what the walk gives, in the same order", () => {
    for (const text of [...SAMPLES, ...corpus(60)]) {
      const model = parseDockerfile(text);
      for (const stage of model.stages) {
        for (const instruction of [...stage.instructions, undefined]) {
          const expected = [...walked(model, stage, instruction)];
          assert.deepStrictEqual([...environmentAt(model, stage, instruction)], expected, `${text.slice(0, 80)} at ${instruction?.ordinal ?? "end"}`);
        }
      }
    }
  });

  it("gives the same whatever order it is asked in (each answer is made from the nearest one made before)", () => {
    const rand = seededRandom(7);
    for (const text of [...SAMPLES, ...corpus(60)]) {
      const model = parseDockerfile(text);
      const asks = model.stages.flatMap((stage) => [...stage.instructions, undefined].map((instruction) => ({ stage, instruction })));
      // Last stage first, then the rest in a seeded order: answers are made out of order and from derived stages first.
      const order = [...asks].reverse().sort(() => rand() - 0.5);
      for (const { stage, instruction } of order) {
        assert.deepStrictEqual(
          [...environmentAt(model, stage, instruction)],
          [...walked(model, stage, instruction)],
          `${text.slice(0, 80)} at ${instruction?.ordinal ?? "end"}`,
        );
      }
    }
  });

  it("returns a map of the caller's own: changing it changes no later answer", () => {
    const model = parseDockerfile(SAMPLES[0]);
    const stage = model.stages[1];
    const first = environmentAt(model, stage);
    first.set("A", "changed");
    first.delete("C");
    assert.strictEqual(environmentAt(model, stage).get("A"), "2");
    assert.strictEqual(environmentAt(model, stage).get("C"), "2x");
  });
});

/** How ENV and ARG pairs were read before words were copied a run at a time: a character at a time. */
function pairsOracle(text: string, legacy: boolean): { name: string; value: string | null }[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const firstSpace = trimmed.search(/\s/);
  const firstEq = trimmed.indexOf("=");
  if (legacy && (firstEq < 0 || (firstSpace >= 0 && firstSpace < firstEq))) {
    if (firstSpace < 0) return [{ name: trimmed, value: "" }];
    const rest = trimmed.slice(firstSpace).trim();
    const unquoted = rest.length >= 2 && (rest[0] === '"' || rest[0] === "'") && rest[rest.length - 1] === rest[0] ? rest.slice(1, -1) : rest;
    return [{ name: trimmed.slice(0, firstSpace), value: unquoted }];
  }
  const out: { name: string; value: string | null }[] = [];
  let i = 0;
  while (i < trimmed.length) {
    while (i < trimmed.length && /\s/.test(trimmed[i])) i++;
    let word = "";
    let quote: string | null = null;
    while (i < trimmed.length && (quote !== null || !/\s/.test(trimmed[i]))) {
      const c = trimmed[i];
      if (quote === null && (c === '"' || c === "'")) quote = c;
      else if (c === quote) quote = null;
      else if (c === "\\" && i + 1 < trimmed.length && quote !== "'") word += trimmed[++i];
      else word += c;
      i++;
    }
    if (word === "") continue;
    const eq = word.indexOf("=");
    out.push(eq < 0 ? { name: word, value: null } : { name: word.slice(0, eq), value: word.slice(eq + 1) });
  }
  return out;
}

/** What envDeclarations must give for each ENV and ARG of `text`: the oracle on the instruction's logical text. */
function checkPairs(text: string): number {
  const model = parseDockerfile(text);
  let checked = 0;
  for (const instruction of model.instructions) {
    if ((instruction.keyword !== "ENV" && instruction.keyword !== "ARG") || instruction.args.length === 0) continue;
    const start = model.lines.offsetAt(instruction.args[0].range.start);
    const end = model.lines.offsetAt(instruction.args[instruction.args.length - 1].range.end);
    const logical = toLogical(model.text, { start, end, newlineSeparates: false }, model.escapeChar).chars;
    assert.deepStrictEqual(envDeclarations(model, instruction), pairsOracle(logical, instruction.keyword === "ENV"), JSON.stringify(logical));
    checked++;
  }
  return checked;
}

describe("model/environment: envDeclarations", () => {
  it("reads every ENV and ARG of the corpus, and seeded ones full of quotes and escapes, as the character-at-a-time reader did", () => {
    let checked = 0;
    for (const text of corpusTexts()) checked += checkPairs(text);
    const rand = seededRandom(16);
    const pieces = ["A", "b_1", "=", " ", "  ", '"', "'", "\\", "\\ ", '\\"', "\\'", "$X", "${Y:-z}", "x y", "é", "\t"];
    for (let n = 0; n < 2000; n++) {
      const body = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => pieces[Math.floor(rand() * pieces.length)]).join("");
      checked += checkPairs(`FROM alpine\n${rand() < 0.5 ? "ENV" : "ARG"} ${body}\n`);
    }
    assert.ok(checked > 2000, `only ${checked} instructions checked`);
  });

  it("drops the comment lines inside a continued ENV, as Docker does, so a quote in them opens nothing", () => {
    const text = [
      "FROM debian:12-slim",
      "ENV APP_NAME=shop \\",
      "    # the user's shell (arrow keys don't work in sh)",
      "    APP_SHELL=/bin/bash \\",
      "",
      "    # where the tool is installed",
      "    TOOL_HOME=/opt/tool",
      "",
    ].join("\n");
    const model = parseDockerfile(text);
    const env = model.stages[0].instructions.find((i) => i.keyword === "ENV")!;
    assert.deepStrictEqual(envDeclarations(model, env), [
      { name: "APP_NAME", value: "shop" },
      { name: "APP_SHELL", value: "/bin/bash" },
      { name: "TOOL_HOME", value: "/opt/tool" },
    ]);
  });

  it("joins continuations under a backtick escape directive", () => {
    const model = parseDockerfile("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV A=1 `\n    # note\n    B=2\n");
    const env = model.stages[0].instructions.find((i) => i.keyword === "ENV")!;
    assert.deepStrictEqual(envDeclarations(model, env), [
      { name: "A", value: "1" },
      { name: "B", value: "2" },
    ]);
  });
});
