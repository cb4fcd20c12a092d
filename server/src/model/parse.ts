// Text -> DockerfileModel. The only place in the engine that calls the parser.

import * as ast from "dockerfile-ast";
import { BuildContextFacts, UNKNOWN_CONTEXT, withOwnFilesOnly } from "./context";
import { expandPackageOperands } from "./package-operands";
import { isShellProgram } from "./shell-programs";
import { ContinuedComment, readExecForm, readShell, ShellCommand, ShellSource, withShellScriptsRead } from "./shell";
import { linkStages } from "./stage-graph";
import { LineIndex, Range } from "./text";
import type { BaseImage, CommentLine, DockerfileModel, Flag, GlobalArg, Heredoc, Instruction, ParserDirective, Stage, Token } from "./types";
import { removeQuotes, substituteVariables } from "./variables";

const SHELL_KEYWORDS = new Set(["RUN", "CMD", "ENTRYPOINT"]);
const JSON_KEYWORDS = new Set(["RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "SHELL", "VOLUME"]);

/** Parses a Dockerfile. Never throws on bad input: what cannot be read is left out of the model. */
export function parseDockerfile(text: string, context: BuildContextFacts = UNKNOWN_CONTEXT): DockerfileModel {
  const lines = new LineIndex(text);
  const dockerfile = ast.DockerfileParser.parse(text);
  const escapeChar = dockerfile.getEscapeCharacter();

  const instructions: Instruction[] = [];
  const prelude: Instruction[] = [];
  const stages: Stage[] = [];
  let current: Stage | null = null;

  for (const node of dockerfile.getInstructions()) {
    const instruction = toInstruction(node, current, instructions.length, text, lines, escapeChar);
    instructions.push(instruction);
    if (instruction.keyword === "FROM") {
      current = newStage(node as ast.From, instruction, stages.length);
      instruction.stage = current;
      stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
      current.range = { start: current.range.start, end: instruction.range.end };
    } else {
      prelude.push(instruction);
    }
  }

  const globalArgs = readGlobalArgs(prelude);
  const globalScope = new Map<string, string | null>();
  for (const arg of globalArgs) globalScope.set(arg.name, arg.value === null ? null : substituteVariables(arg.value, globalScope).value);

  for (const stage of stages) {
    stage.base = resolveBase(stage, globalScope);
    stage.args = stageScope(stage, globalScope);
  }
  const finalStage = stages.length > 0 ? stages[stages.length - 1] : null;
  if (finalStage) finalStage.isFinal = true;

  const model: DockerfileModel = {
    text,
    lines,
    escapeChar,
    directives: readDirectives(lines),
    comments: readComments(lines, instructions),
    instructions,
    prelude,
    globalArgs,
    globalScope,
    stages,
    finalStage,
    references: [],
    context: withOwnFilesOnly(context),
    syntaxTree: dockerfile,
  };
  linkStages(model);
  // Package lists in build arguments (`apt-get install ${TOOLS}`): rules see the packages.
  expandPackageOperands(model);
  return model;
}

function toInstruction(node: ast.Instruction, stage: Stage | null, ordinal: number, text: string, lines: LineIndex, escapeChar: string): Instruction {
  const keyword = node.getKeyword().toUpperCase();
  const flags = node instanceof ast.ModifiableInstruction ? node.getFlags().map(toFlag) : [];
  const isJsonForm =
    JSON_KEYWORDS.has(keyword) && node instanceof ast.JSONInstruction && node.getOpeningBracket() !== null && node.getClosingBracket() !== null;
  const args: Token[] =
    isJsonForm && node instanceof ast.JSONInstruction
      ? node.getJSONStrings().map((s) => ({ value: jsonStringValue(lines.textIn(s.getRange()), s.getJSONValue()), range: s.getRange() }))
      : argumentsOf(node).map((a) => ({ value: a.getValue(), range: a.getRange() }));
  const heredocs = readHeredocs(node, lines);
  const instruction: Instruction = {
    keyword,
    keywordRange: node.getInstructionRange(),
    range: node.getRange(),
    args,
    flags,
    isJsonForm,
    commands: [],
    heredocs,
    stage,
    trigger: null,
    ordinal,
    node,
  };
  if (SHELL_KEYWORDS.has(keyword) && !isJsonForm) {
    instruction.commands = readCommands(instruction, text, lines, escapeChar);
  } else if (keyword === "RUN" && isJsonForm) {
    instruction.commands = readExecForm(text, lines, args, escapeChar);
  }
  if (keyword === "ONBUILD" && node instanceof ast.Onbuild) {
    const trigger = node.getTriggerInstruction();
    if (trigger) instruction.trigger = toInstruction(trigger, stage, ordinal, text, lines, escapeChar);
  }
  return instruction;
}

/**
 * The instruction's arguments without the copies `getArguments` makes of each (a new argument and
 * range per call, a tenth of what parsing allocated): the token keeps the parser's range, which
 * nothing changes (the model's ranges are read only, and dockerfile-ast's own callers change only
 * the copies they ask for). dockerfile-ast without the speed patch (patches/) has no view.
 */
function argumentsOf(node: ast.Instruction): readonly ast.Argument[] {
  const viewed = node as unknown as { getArgumentsView?(): ast.Argument[] };
  return viewed.getArgumentsView ? viewed.getArgumentsView() : node.getArguments();
}

function readCommands(instruction: Instruction, text: string, lines: LineIndex, escapeChar: string): ShellCommand[] {
  if (instruction.keyword !== "RUN") return readShell(text, lines, shellSourcesOf(instruction, lines), escapeChar);
  // Only a RUN's comments are judged (run-comment-continued): CMD and ENTRYPOINT are not searched.
  const continued: ContinuedComment[] = [];
  const commands = readShell(text, lines, shellSourcesOf(instruction, lines), escapeChar, continued);
  if (continued.length > 0) instruction.continuedComments = continued;
  return withShellScriptsRead(text, lines, commands, escapeChar);
}

/**
 * The document text a shell-form RUN, CMD or ENTRYPOINT gives the shell: the instruction's line
 * (continued lines joined by the reader, toLogical), and the bodies of its heredocs when the heredoc
 * itself is the script (`RUN <<EOF`). Empty for an instruction without arguments.
 */
export function shellSourcesOf(instruction: Instruction, lines: LineIndex): ShellSource[] {
  if (instruction.args.length === 0) return [];
  const start = lines.offsetAt(instruction.args[0].range.start);
  const end = lines.offsetAt(instruction.range.end);
  const sources: ShellSource[] = [];
  const bodies = instruction.heredocs.filter((h) => h.contentRange !== null);
  if (bodies.length === 0) {
    sources.push({ start, end, newlineSeparates: false });
  } else {
    // The command runs up to the first body (`RUN <<EOF`, `RUN python3 <<EOF`): continued lines
    // before the line that opens the heredoc (`apt-get install ... \` then `&& cat <<EOF > f`) are
    // part of it, so it ends where the first body starts, not with the instruction's first line.
    const firstBodyLine = Math.min(...bodies.map((h) => (h.contentRange as Range).start.line));
    const lineEnd = Math.min(end, lines.offsetAt({ line: firstBodyLine, character: 0 }));
    const opensWithHeredoc = instruction.args[0].value.startsWith("<<");
    // After leading markers, the command the bodies are fed to (`RUN <<EOF cat >> ./ui/.env`, as
    // BuildKit runs it); none, or a shell (`RUN <<EOF bash`), and the bodies are the script.
    const command = opensWithHeredoc ? instruction.args.find((a) => !a.value.startsWith("<<") && lines.offsetAt(a.range.start) < lineEnd) : undefined;
    const runsBody = opensWithHeredoc && (command === undefined || isShellProgram(command.value));
    if (!opensWithHeredoc) sources.push({ start, end: lineEnd, newlineSeparates: false });
    else if (command !== undefined && !runsBody) sources.push({ start: lines.offsetAt(command.range.start), end: lineEnd, newlineSeparates: false });
    // A body is shell only when the heredoc itself is the command (`RUN <<EOF`, `RUN <<EOF bash`);
    // a body fed to another program (`RUN python3 <<EOF`, `RUN <<EOF cat >> .env`, `cat <<EOF >
    // file`) is data.
    if (runsBody) {
      for (const h of bodies) {
        const r = h.contentRange as Range;
        sources.push({ start: lines.offsetAt(r.start), end: lines.offsetAt(r.end), newlineSeparates: true });
      }
    }
  }
  return sources;
}

/**
 * The value of an exec-form string as Docker reads it (Go's JSON decoder). dockerfile-ast's own
 * value drops the whitespace inside the string (`"hello world"` -> `helloworld`), so the string is
 * decoded from its text; `fallback` stands for a string JSON cannot decode.
 */
function jsonStringValue(written: string, fallback: string): string {
  try {
    const value: unknown = JSON.parse(written);
    return typeof value === "string" ? value : fallback;
  } catch {
    return fallback;
  }
}

function readHeredocs(node: ast.Instruction, lines: LineIndex): Heredoc[] {
  if (!(node instanceof ast.Run || node instanceof ast.Copy || node instanceof ast.Add)) return [];
  // Asking the parser re-reads every argument; an instruction without `<<` has no heredoc.
  const range = node.getRange();
  if (!lines.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)).includes("<<")) return [];
  const docs = (node as unknown as { getHeredocs(): ast.Heredoc[] }).getHeredocs?.() ?? [];
  return docs.map((h) => {
    const contentRange = h.getContentRange();
    return { name: h.getName(), contentRange, content: contentRange ? lines.textIn(contentRange) : "" };
  });
}

function toFlag(flag: ast.Flag): Flag {
  return {
    name: flag.getName(),
    value: flag.getValue(),
    range: flag.getRange(),
    nameRange: flag.getNameRange(),
    valueRange: flag.getValueRange(),
    options: flag.getOptions().map((o) => ({ name: o.getName(), value: o.getValue(), range: o.getRange(), valueRange: o.getValueRange() })),
  };
}

function newStage(from: ast.From, instruction: Instruction, index: number): Stage {
  const nameRange = from.getBuildStageRange();
  const name = from.getBuildStage();
  const args = instruction.args;
  // `FROM image AS name`: the AS keyword is the argument before the name.
  const asArg = nameRange ? args.find((a, i) => i > 0 && a.value.toLowerCase() === "as" && args[i + 1] && sameStart(args[i + 1].range, nameRange)) : undefined;
  const imageToken: Token = args[0] ?? { value: "", range: instruction.keywordRange };
  const stage: Stage = {
    index,
    name: name ?? null,
    nameToken: name && nameRange ? { value: name, range: nameRange } : null,
    asKeyword: asArg ?? null,
    from: instruction,
    base: { kind: "image", token: imageToken, resolved: imageToken.value, unresolved: [], stage: null },
    platform: instruction.flags.find((f) => f.name.toLowerCase() === "platform") ?? null,
    instructions: [],
    range: instruction.range,
    isFinal: false,
    isReachable: false,
    args: new Map(),
  };
  return stage;
}

function sameStart(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}

function resolveBase(stage: Stage, globalScope: ReadonlyMap<string, string | null>): BaseImage {
  const token = stage.base.token;
  const sub = substituteVariables(removeQuotes(token.value), globalScope);
  const resolved = sub.value;
  const base: BaseImage = { kind: "image", token, resolved, unresolved: sub.unresolved, stage: null };
  if (resolved.toLowerCase() === "scratch") base.kind = "scratch";
  return base;
}

function stageScope(stage: Stage, globalScope: ReadonlyMap<string, string | null>): Map<string, string | null> {
  const scope = new Map<string, string | null>();
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "ARG") continue;
    for (const decl of readArgDeclarations(instruction)) {
      const inherited = globalScope.has(decl.name) ? (globalScope.get(decl.name) ?? null) : null;
      scope.set(decl.name, decl.value !== null ? substituteVariables(decl.value, scope).value : inherited);
    }
  }
  return scope;
}

/** `ARG A=1 B` declares A with default 1 and B without one. */
export function readArgDeclarations(instruction: Instruction): { name: string; value: string | null; nameRange: Range }[] {
  // A quoted value with spaces (`ARG OPTS="--with-a --with-b"`, over continuation lines too) is one
  // argument to the builder, which dockerfile-ast's arguments split at every space into names of
  // their own (the corpus: `--with-http_auth_request_module` read as an ARG named like a secret).
  // Its properties keep such a value whole, but read `ARG A B` as the name A with the value "B": so
  // the arguments give the names, joined while a quote is open, and a property starting at the
  // same place gives the value of a `NAME=value` one.
  const properties = instruction.node instanceof ast.PropertyInstruction ? instruction.node.getProperties() : [];
  const declarations: { name: string; value: string | null; nameRange: Range }[] = [];
  let open: { token: Token; raw: string } | null = null;
  for (const token of instruction.args) {
    if (open === null) open = { token, raw: token.value };
    else open.raw += ` ${token.value}`;
    if (hasOpenQuote(open.raw)) continue;
    declarations.push(declarationOf(open.token, open.raw, properties));
    open = null;
  }
  if (open !== null) declarations.push(declarationOf(open.token, open.raw, properties));
  return declarations;
}

/** The declaration written `raw` from `token` on, its value from the property that starts there when it has one. */
function declarationOf(token: Token, raw: string, properties: readonly ast.Property[]): { name: string; value: string | null; nameRange: Range } {
  const eq = raw.indexOf("=");
  const name = eq < 0 ? raw : raw.slice(0, eq);
  const property = eq < 0 ? undefined : properties.find((p) => p.getName() === name && samePosition(p.getNameRange().start, token.range.start));
  const value = eq < 0 ? null : (property?.getValue() ?? unquote(raw.slice(eq + 1)));
  const nameRange: Range = { start: token.range.start, end: { line: token.range.start.line, character: token.range.start.character + name.length } };
  return { name, value, nameRange };
}

/**
 * True when `text` (a `NAME=value` argument, and what follows it) leaves a quote open in its value:
 * an odd number of unescaped `"` (or of `'`) after its `=`. Only a value's quote spans arguments:
 * one in a bare name (`ARG "NAME`) does not, so a name never spans more than its own argument.
 */
function hasOpenQuote(text: string): boolean {
  const eq = text.indexOf("=");
  if (eq < 0) return false;
  const value = text.slice(eq + 1);
  let quote: string | null = null;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\" && quote !== "'") i++;
    else if (quote === null && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = null;
  }
  return quote !== null;
}

function samePosition(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}

function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

function readGlobalArgs(prelude: Instruction[]): GlobalArg[] {
  const out: GlobalArg[] = [];
  for (const instruction of prelude) {
    if (instruction.keyword !== "ARG") continue;
    for (const decl of readArgDeclarations(instruction)) out.push({ ...decl, instruction });
  }
  return out;
}

// The value is trimmed in code: `\s*(.*?)\s*$` backtracks polynomially on long runs of spaces.
const DIRECTIVE = /^#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=(.*)$/;

/** Parser directives: `# name=value` comment lines at the very top, before any blank line or instruction. */
function readDirectives(lines: LineIndex): ParserDirective[] {
  const out: ParserDirective[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const raw = lines.lineText(line);
    const match = DIRECTIVE.exec(raw);
    if (!match) break;
    const value = match[2].trim();
    const valueStart = raw.lastIndexOf(value) >= 0 ? raw.indexOf(value, raw.indexOf("=") + 1) : raw.length;
    out.push({
      name: match[1].toLowerCase(),
      value,
      range: { start: { line, character: 0 }, end: { line, character: raw.length } },
      valueRange: { start: { line, character: valueStart }, end: { line, character: valueStart + value.length } },
    });
  }
  return out;
}

/** Every `#` line outside heredoc bodies (Docker drops them, also inside continued instructions). */
function readComments(lines: LineIndex, instructions: Instruction[]): CommentLine[] {
  const inBody = new Set<number>();
  for (const instruction of instructions) {
    for (const heredoc of instruction.heredocs) {
      if (!heredoc.contentRange) continue;
      for (let l = heredoc.contentRange.start.line; l <= heredoc.contentRange.end.line; l++) inBody.add(l);
    }
  }
  const out: CommentLine[] = [];
  const text = lines.text;
  for (let line = 0; line < lines.lineCount; line++) {
    if (inBody.has(line)) continue;
    // Most lines start, after spaces and tabs, with a printable character other than `#`: no
    // comment, and no need to copy the line out of the text to see it.
    let at = lines.offsetAt({ line, character: 0 });
    while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
    const first = text.charCodeAt(at);
    if (first > 32 && first < 127 && first !== 35) continue;
    const raw = lines.lineText(line);
    const hash = raw.search(/\S/);
    if (hash < 0 || raw[hash] !== "#") continue;
    out.push({ content: raw.slice(hash + 1).trim(), range: { start: { line, character: hash }, end: { line, character: raw.length } } });
  }
  return out;
}
