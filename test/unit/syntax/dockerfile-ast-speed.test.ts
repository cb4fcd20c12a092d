// The dockerfile-ast speed patch (arguments scanned once per instruction, stages and FROMs found by
// binary search) must not change a single answer: the patched library and the one from npm without
// the speed patch (test/support/dockerfile-ast-oracle.ts) are asked the same questions, in the same
// order, over synthetic edge cases, seeded random documents and every corpus file, before and after
// the tree is changed by hand, and through dockerfile-utils' validation and the service's semantic
// tokens and highlights, which are built on it (#16).

import * as assert from "node:assert/strict";
import { TextDocument } from "vscode-languageserver-textdocument";
import { loadOracle, loadPatched, type AstBuild, type Oracle } from "../../support/dockerfile-ast-oracle";
import { seededRandom } from "../../support/seeded-random";
import { corpusTexts } from "../../support/corpus";

type Node = Record<string, unknown>;
type Parsed = Node & { getInstructions(): Node[] };

/** Calls `name` on `node` if it has such a method; a throw is an answer too. */
function ask(node: Node, name: string, ...args: unknown[]): unknown {
  const method = node[name];
  if (typeof method !== "function") return "(none)";
  try {
    return plain(method.apply(node, args));
  } catch (error) {
    return `threw ${(error as Error).name}: ${(error as Error).message}`;
  }
}

/** A service's answer, or what it threw. */
function attempt(answer: () => unknown): unknown {
  try {
    return answer();
  } catch (error) {
    return `threw ${(error as Error).name}: ${(error as Error).message}`;
  }
}

const PARTS = [
  "getValue",
  "getRange",
  "getName",
  "getNameRange",
  "getValueRange",
  "getUnescapedValue",
  "getAssignmentOperator",
  "getAssignmentOperatorRange",
  "getOptions",
  "getContentRange",
  "getStartRange",
  "getDelimiterRange",
  "getModifier",
  "getModifierRange",
  "getSubstitutionParameter",
  "getSubstitutionRange",
  "isDefined",
  "isBuildVariable",
  "getJSONValue",
  "getJSONRange",
];

/** A library's answer as plain data, comparable across the two builds. */
function plain(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth > 4) return "(deep)";
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  const node = value as Node;
  if ("line" in node && "character" in node) return { line: node.line, character: node.character };
  if ("start" in node && "end" in node && typeof node.getRange !== "function") {
    return { start: plain(node.start, depth + 1), end: plain(node.end, depth + 1) };
  }
  const parts: Node = { kind: node.constructor?.name };
  for (const part of PARTS) {
    if (typeof node[part] === "function") parts[part] = ask(node, part);
  }
  return parts;
}

const INSTRUCTION_QUESTIONS = [
  "getKeyword",
  "getInstruction",
  "getRange",
  "getInstructionRange",
  "getArguments",
  "getRawArguments",
  "toString",
  "getTextContent",
  "getArgumentsContent",
  "getRawArgumentsContent",
  "getArgumentsRange",
  "getArgumentsRanges",
  "getFlags",
  "getVariables",
  "getExpandedArguments",
  "getHeredocs",
  "getImage",
  "getImageRange",
  "getImageName",
  "getImageNameRange",
  "getImageTag",
  "getImageTagRange",
  "getImageDigest",
  "getImageDigestRange",
  "getRegistry",
  "getRegistryRange",
  "getBuildStage",
  "getBuildStageRange",
  "getPlatformFlag",
  "getFromFlag",
  "getProperties",
  "getProperty",
  "getPropertyArguments",
  "getJSONStrings",
  "getOpeningBracket",
  "getClosingBracket",
  "getAbsolutePath",
  "getPath",
  "getSubcommand",
  "getTrigger",
  "getTriggerWord",
  "getTriggerRange",
  // asked again: FROM's image-name and registry questions move the ranges they were given
  "getArguments",
  "getImageNameRange",
  "getRegistryRange",
  "getArguments",
];

/** Questions whose answers hold ranges or positions, which callers may change. */
const HANDED_OUT = [
  "getArguments",
  "getArgumentsRange",
  "getArgumentsRanges",
  "getFlags",
  "getOpeningBracket",
  "getClosingBracket",
  "getJSONStrings",
  "getVariables",
  "getImageRange",
  "getImageNameRange",
  "getImageTagRange",
  "getRegistryRange",
  "getBuildStageRange",
  "getSubcommand",
  "getTriggerRange",
  "getHeredocs",
];

/** The library's own answer (not made plain), or undefined when it has no such method or throws. */
function ask_(node: Node, name: string): unknown {
  const method = node[name];
  if (typeof method !== "function") return undefined;
  try {
    return method.apply(node);
  } catch {
    // both builds are asked alike: a question that throws changes nothing in either
    return undefined;
  }
}

function instructionsOf(dockerfile: Parsed): Node[] {
  const all: Node[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    all.push(instruction);
    if (typeof instruction.getTriggerInstruction === "function") {
      const trigger = (instruction.getTriggerInstruction as () => Node | null)();
      if (trigger) all.push(trigger);
    }
  }
  return all;
}

/** Where a Dockerfile's answer points: the Dockerfile, its initial part, a stage or an instruction. */
function labeller(dockerfile: Parsed) {
  const internals = dockerfile as unknown as { initialInstructions: unknown; buildStages: unknown[] };
  return (image: unknown): string => {
    if (image === null || image === undefined) return String(image);
    if (image === dockerfile) return "dockerfile";
    if (image === internals.initialInstructions) return "initial";
    const stage = internals.buildStages.indexOf(image);
    if (stage !== -1) return `stage ${stage}`;
    const instruction = dockerfile.getInstructions().indexOf(image as Node);
    return instruction !== -1 ? `instruction ${instruction}` : "other";
  };
}

/** Variable names the document declares or uses, and one nobody declares. */
function variableNames(dockerfile: Parsed): string[] {
  const names = new Set<string>();
  for (const instruction of instructionsOf(dockerfile)) {
    for (const question of ["getVariables", "getProperties"]) {
      const found = typeof instruction[question] === "function" ? (instruction[question] as () => Node[])() : [];
      for (const item of found) names.add((item.getName as () => string)());
    }
    const property = typeof instruction.getProperty === "function" ? (instruction.getProperty as () => Node | null)() : null;
    if (property) names.add((property.getName as () => string)());
  }
  return [...[...names].sort().slice(0, 12), "NOT_DECLARED_ANYWHERE"];
}

/**
 * The lines around every instruction's first and last line: stage and FROM boundaries, the gaps
 * between instructions and the lines before the first FROM, where a search could slip.
 */
function boundaryLines(dockerfile: Parsed): number[] {
  const lines = new Set<number>();
  for (const instruction of dockerfile.getInstructions()) {
    const range = (instruction.getRange as () => { start: { line: number }; end: { line: number } })();
    for (const line of [range.start.line - 1, range.start.line, range.end.line, range.end.line + 1]) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
}

/**
 * Every answer the speed patch touches, asked in a fixed order: the instructions', then the
 * Dockerfile's about each line ("all" lines; "boundaries" only, for long files; or "none").
 */
function describe_(dockerfile: Parsed, text: string, lineQuestions: "all" | "boundaries" | "none" = "all"): unknown {
  const label = labeller(dockerfile);
  const answers: unknown[] = [ask(dockerfile, "getEscapeCharacter"), ask(dockerfile, "getRange")];
  for (const instruction of instructionsOf(dockerfile)) {
    answers.push(INSTRUCTION_QUESTIONS.map((question) => ask(instruction, question)));
  }
  // The comments the parse gave each template (organizeComments): the instructions before the
  // first FROM, and each build stage.
  const internals = dockerfile as unknown as { initialInstructions: Node; buildStages: Node[] };
  for (const template of [internals.initialInstructions, ...internals.buildStages]) answers.push(ask(template, "getComments"));
  if (lineQuestions === "none") return answers;
  const names = variableNames(dockerfile);
  const lines = text.split(/\r\n|\r|\n/);
  const asked = lineQuestions === "all" ? Array.from({ length: lines.length + 2 }, (_, i) => i - 1) : boundaryLines(dockerfile);
  const d = dockerfile as unknown as {
    getContainingImage(position: unknown): unknown;
    resolveVariable(name: string, line: number): unknown;
    getAvailableVariables(line: number): unknown;
    getStageHierarchy(line: number): unknown[];
    getAvailableWorkingDirectories(line: number): unknown;
    getInstructionAt(line: number): unknown;
  };
  for (const line of asked) {
    const content = lines[line] ?? "";
    const indent = content.length - content.trimStart().length;
    for (const character of [0, indent, content.length, content.length + 3]) {
      answers.push(label(d.getContainingImage({ line, character })));
    }
    answers.push(label(d.getInstructionAt(line)));
    answers.push(d.getStageHierarchy(line).map(label));
    answers.push(d.getAvailableVariables(line), d.getAvailableWorkingDirectories(line));
    for (const name of names) answers.push(d.resolveVariable(name, line));
  }
  return answers;
}

/** Hand-made texts where a binary search or a cache could go wrong. */
const EDGE_CASES: string[] = [
  "",
  "\n\n",
  "# only a comment\n",
  "ARG GO_VERSION=1.22\nFROM golang:${GO_VERSION} AS builder\nRUN go build\n",
  "ARG A\nARG B=2\n\n# comment\nFROM alpine:${B}\nARG A\nRUN echo $A $B\n",
  "# escape=`\nARG V=1\nFROM alpine:$V\nRUN echo `\n  $V `\n  done\n",
  " ARG INDENTED=1\n FROM alpine:${INDENTED}\n  RUN echo $INDENTED\n",
  "RUN echo $HOME before any FROM\nFROM alpine\nRUN echo $HOME\n",
  "  RUN echo $X\nARG X=1\nFROM scratch\n",
  "FROM alpine AS one\nENV A=1 B=2\nRUN echo $A\nFROM one AS two\nRUN echo $A\nFROM two\nWORKDIR /a\nWORKDIR b\nRUN pwd\n",
  "FROM alpine\nRUN <<EOF\necho $A\nEOF\nRUN <<-ONE cat <<TWO\n\tone\n\tONE\ntwo\nTWO\nFROM scratch\nCOPY <<EOF /x\n$B\nEOF\n",
  "FROM alpine\nRUN \\\n# comment \\mu\n  echo hi\nFROM scratch\n",
  "FROM alpine\nRUN echo a \\\n\n  \\\n   b\n\\\\\nFROM scratch\n",
  "FROM --platform=$BUILDPLATFORM golang:1.22@sha256:abc AS build\nCOPY --from=build --chown=1:1 --link /a /b\nRUN --mount=type=cache,target=/c --network=none make\n",
  "FROM localhost:5000/ns/img:tag\nFROM registry.example.com/img@sha256:0123\nFROM ${REG}/img:${TAG}\nFROM img:${TAG}@sha256:${D}\n",
  "ONBUILD RUN echo $X\nFROM alpine\nONBUILD COPY --from=x a b\nONBUILD\n",
  'FROM alpine\nCMD ["a", "b"]\nENTRYPOINT []\nSHELL [ "/bin/sh", "-c" ]\nVOLUME ["/data"]\nHEALTHCHECK --interval=5s CMD ["true"]\n',
  "FROM alpine\r\nARG A=1\r\nRUN echo $A \\\r\n  more\r\nFROM scratch\r\n",
  'FROM alpine\nLABEL a=1 b="two words" c=3\nENV X=1\nENV Y 2\nARG Z\nEXPOSE 80/tcp\nUSER app:app\nSTOPSIGNAL SIGTERM\n',
  "FROM a\nFROM b\nFROM c\nFROM d\nRUN echo ${X:-default} ${Y:+set} \\$Z\n",
  "FROM alpine\n\n\n\nRUN true\n\n\n# trailing comment",
  "FROM alpine AS x\nRUN echo \\\n  FROM notastage\nFROM scratch AS y",
  "\uFEFFFROM alpine\nRUN echo $A\n",
  // escapes inside and between arguments: an argument's value is taken from the text in runs
  'FROM alpine\nRUN echo a\\ b c\\"d \\\\$x e\\$f g\\\n  h \\  i j\\\t k\n',
  "FROM alpine\nRUN echo abc\\",
  "FROM alpine\nRUN echo a\\\n# comment\n  b\\\n\n c \\\r\n d\n",
  "# escape=`\nFROM alpine\nRUN echo a`$b c``d `\n e f`\n",
];

const FRAGMENTS = [
  "ARG A=1",
  "ARG B",
  "ENV A=2 C=${A}",
  "FROM alpine:${A} AS s1",
  "FROM s1",
  " FROM  --platform=linux/amd64 ${B:-busybox}",
  "RUN echo $A $B $C",
  "  RUN echo ${C}",
  "RUN <<EOF",
  "EOF",
  "RUN echo one \\",
  "  two \\",
  "# a comment $A",
  "",
  "   ",
  "COPY --from=s1 /a /b",
  "WORKDIR /w/$A",
  "ONBUILD RUN echo $A",
  "HEALTHCHECK CMD true",
  "\\",
];

function randomDocuments(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const documents: string[] = [];
  for (let i = 0; i < count; i++) {
    const lines: string[] = [];
    const length = 1 + Math.floor(random() * 30);
    for (let j = 0; j < length; j++) lines.push(FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]);
    documents.push(lines.join(random() < 0.2 ? "\r\n" : "\n"));
  }
  return documents;
}

function parse(build: AstBuild, text: string): Parsed {
  return build.ast.DockerfileParser.parse(text) as unknown as Parsed;
}

/** Changes a parsed tree by hand the same way in both builds, then describes it again. */
const MUTATIONS: { name: string; apply(build: AstBuild, dockerfile: Parsed, text: string): void }[] = [
  {
    name: "the caller changes the arguments and ranges it was given",
    apply: (_build, dockerfile) => {
      for (const instruction of instructionsOf(dockerfile)) {
        const args = (instruction.getArguments as () => Node[])();
        for (const arg of args) {
          const range = (arg.getRange as () => { start: { character: number }; end: unknown })();
          range.start.character += 1;
          range.end = range.start;
        }
        args.length = 0;
      }
    },
  },
  {
    name: "the caller changes every position and range the instructions' questions gave it",
    apply: (_build, dockerfile) => {
      // the library keeps one scan of an instruction's arguments and answers many questions from
      // it: whatever it hands out must be the caller's own, or these changes would show later
      const changed = new Set<object>();
      const change = (answer: unknown): void => {
        if (answer === null || typeof answer !== "object" || changed.has(answer)) return;
        changed.add(answer);
        if (Array.isArray(answer)) return answer.forEach(change);
        const node = answer as Node;
        if (typeof node.line === "number" && typeof node.character === "number") {
          node.character += 1;
          return;
        }
        for (const key of ["range", "nameRange", "valueRange", "options", "start", "end"]) change(node[key]);
        if (node.start !== undefined && node.end !== undefined) node.end = node.start;
      };
      for (const instruction of instructionsOf(dockerfile)) {
        for (const question of HANDED_OUT) change(ask_(instruction, question));
      }
    },
  },
  {
    name: "an instruction's range and escape character are changed",
    apply: (_build, dockerfile) => {
      for (const instruction of dockerfile.getInstructions()) {
        const range = (instruction.getRange as () => { start: unknown; end: unknown })();
        range.end = (instruction.getInstructionRange as () => { end: unknown })().end;
        (instruction as { escapeChar?: string }).escapeChar = "`";
      }
    },
  },
  {
    name: "the document's text is replaced (same length)",
    apply: (_build, dockerfile, text) => {
      const first = dockerfile.getInstructions()[0] as { document?: TextDocument } | undefined;
      if (first?.document) TextDocument.update(first.document, [{ text: text.replace(/[a-z]/g, (c) => c.toUpperCase()) }], 2);
    },
  },
  {
    name: "a stage is added after the end",
    apply: (build, dockerfile, text) => {
      const lines = text.split(/\r\n|\r|\n/).length;
      const later = parse(build, "\n".repeat(lines + 1) + "FROM late AS late\nARG LATE=1\nRUN echo $LATE $A\n");
      for (const instruction of later.getInstructions()) (dockerfile.addInstruction as (i: Node) => void)(instruction);
    },
  },
  {
    name: "an instruction is added out of order",
    apply: (build, dockerfile) => {
      for (const instruction of parse(build, "FROM early AS early\nENV A=early\n").getInstructions()) {
        (dockerfile.addInstruction as (i: Node) => void)(instruction);
      }
    },
  },
  {
    name: "an instruction is pushed onto the last stage and the instruction list directly",
    apply: (build, dockerfile, text) => {
      const stages = (dockerfile as unknown as { buildStages: { addInstruction(i: Node): void }[] }).buildStages;
      const lines = text.split(/\r\n|\r|\n/).length;
      const [extra] = parse(build, "\n".repeat(lines + 2) + "ENV A=pushed\n").getInstructions();
      if (stages.length > 0) stages[stages.length - 1].addInstruction(extra);
      dockerfile.getInstructions().push(extra);
    },
  },
  {
    name: "an instruction is pushed onto the first stage, into the lines of the second",
    apply: (build, dockerfile) => {
      const stages = (dockerfile as unknown as { buildStages: { addInstruction(i: Node): void; getRange(): { start: { line: number } } }[] }).buildStages;
      // a stage named by a later FROM could now hold that FROM: the library's getStageHierarchy
      // then loops forever, in both builds, so only documents whose FROMs name no stage
      const names = new Set(dockerfile.getInstructions().map((instruction) => ask(instruction, "getBuildStage")));
      const named = dockerfile.getInstructions().some((instruction) => names.has(ask(instruction, "getImageName")));
      if (stages.length < 2 || named) return;
      const line = stages[1].getRange().start.line + 1;
      const [extra] = parse(build, "\n".repeat(line) + "ENV A=inside\n").getInstructions();
      stages[0].addInstruction(extra);
    },
  },
];

describe("dockerfile-ast speed patch: the same answers as without it", function () {
  this.timeout(300_000);
  let oracle: Oracle;
  let patched: AstBuild;

  before(() => {
    oracle = loadOracle();
    patched = loadPatched();
  });
  after(() => oracle?.dispose());

  function compare(texts: string[], what: string, lineQuestions: "all" | "boundaries" = "all"): void {
    assert.ok(texts.length > 0, `no ${what}`);
    for (const text of texts) {
      const expected = describe_(parse(oracle.build, text), text, lineQuestions);
      const actual = describe_(parse(patched, text), text, lineQuestions);
      assert.deepStrictEqual(actual, expected, `${what}: ${JSON.stringify(text.slice(0, 200))}`);
    }
  }

  it("the oracle is the npm tarball with our other dockerfile-ast patches, and it differs in speed only", () => {
    assert.ok(oracle.patches.length > 0 && oracle.patches.every((name) => !name.includes("speed")), oracle.patches.join());
    const oracleFile = parse(oracle.build, "FROM a\n") as unknown as { getLayout?: unknown };
    const patchedFile = parse(patched, "FROM a\n") as unknown as { getLayout?: unknown };
    assert.strictEqual(typeof oracleFile.getLayout, "undefined", "the oracle carries the speed patch");
    assert.strictEqual(typeof patchedFile.getLayout, "function", "node_modules lacks the speed patch: run npm run patch");
  });

  it("answers the edge cases alike", () => compare(EDGE_CASES, "edge case"));

  it("answers 300 seeded random documents alike", () => compare(randomDocuments(300, 16), "random document"));

  it("answers every corpus file alike", function () {
    const texts = corpusTexts();
    if (texts.length === 0) this.skip();
    compare(texts, "corpus file", "boundaries");
  });

  for (const mutation of MUTATIONS) {
    it(`answers alike after ${mutation.name}`, () => {
      for (const text of [...EDGE_CASES, ...randomDocuments(60, 7)]) {
        const expectedTree = parse(oracle.build, text);
        const actualTree = parse(patched, text);
        // warm the patched caches first, so a stale one shows
        describe_(expectedTree, text, "none");
        describe_(actualTree, text, "none");
        mutation.apply(oracle.build, expectedTree, text);
        mutation.apply(patched, actualTree, text);
        assert.deepStrictEqual(describe_(actualTree, text), describe_(expectedTree, text), `${mutation.name}: ${JSON.stringify(text)}`);
      }
    });
  }

  it("validates, tokenizes and highlights alike through dockerfile-utils and the language service", () => {
    // every tenth corpus file: the services ask the tree the questions the tests above compare
    const texts = [...EDGE_CASES, ...randomDocuments(100, 23), ...corpusTexts().filter((_, i) => i % 10 === 0)];
    const expectedService = oracle.build.service.DockerfileLanguageServiceFactory.createLanguageService();
    const actualService = patched.service.DockerfileLanguageServiceFactory.createLanguageService();
    for (const text of texts) {
      const where = JSON.stringify(text.slice(0, 200));
      const same = (what: string, actual: () => unknown, expected: () => unknown) =>
        assert.deepStrictEqual(attempt(actual), attempt(expected), `${what} ${where}`);
      same(
        "validate",
        () => patched.utils.validate(text),
        () => oracle.build.utils.validate(text),
      );
      same(
        "semantic tokens",
        () => actualService.computeSemanticTokens(text),
        () => expectedService.computeSemanticTokens(text),
      );
      // highlights at variables and stage names, where the withdrawn patch lost an ARG
      const positions: { line: number; character: number }[] = [];
      for (const instruction of instructionsOf(parse(patched, text))) {
        for (const variable of (instruction.getVariables as () => Node[])()) {
          positions.push((variable.getNameRange as () => { start: { line: number; character: number } })().start);
        }
        const stage = ask(instruction, "getBuildStageRange") as { start: { line: number; character: number } } | null | string;
        if (stage && typeof stage === "object") positions.push(stage.start);
      }
      for (const at of positions.slice(0, 8)) {
        same(
          `highlight ${JSON.stringify(at)}`,
          () => actualService.computeHighlightRanges(text, at),
          () => expectedService.computeHighlightRanges(text, at),
        );
      }
    }
  });
});
