// The Dockerfile model every rule, fix and the planner read: stages, instructions, references
// and their resolution. Built once per document version by `parseDockerfile`.

import type * as ast from "dockerfile-ast";
import type { BuildContextFacts } from "./context";
import type { ContinuedComment, ShellCommand } from "./shell";
import type { LineIndex, Range } from "./text";
import type { VariableScope } from "./variables";

/** A piece of source text with its range. */
export interface Token {
  value: string;
  range: Range;
}

export interface FlagOption {
  name: string;
  value: string | null;
  range: Range;
  valueRange: Range | null;
}

/** `--name=value` on FROM, COPY, ADD, RUN. */
export interface Flag {
  name: string;
  value: string | null;
  range: Range;
  nameRange: Range;
  valueRange: Range | null;
  /** Comma-separated `key=value` options, as in `--mount=type=cache,target=/root/.cache`. */
  options: FlagOption[];
}

export interface Heredoc {
  name: string;
  /** Body text (between the opening line and the delimiter). */
  content: string;
  contentRange: Range | null;
}

export interface Instruction {
  /** Upper-case keyword: `RUN`, `COPY`, ... */
  keyword: string;
  keywordRange: Range;
  /** Whole instruction, continuation lines included. */
  range: Range;
  /** Arguments after flags, as written (quotes kept). For JSON form, the array's strings. */
  args: Token[];
  flags: Flag[];
  /** `["exec", "form"]` for RUN, CMD, ENTRYPOINT, COPY, ADD, SHELL, VOLUME. */
  isJsonForm: boolean;
  /** Shell commands of RUN (and CMD/ENTRYPOINT in shell form), heredoc bodies included. */
  commands: ShellCommand[];
  /** A shell-form RUN's comments that its line continuations ran on into later lines (absent when none). */
  continuedComments?: ContinuedComment[];
  heredocs: Heredoc[];
  /** The stage the instruction belongs to; null for instructions before the first FROM. */
  stage: Stage | null;
  /** For `ONBUILD <trigger>`, the trigger instruction (its `stage` is the ONBUILD's stage). */
  trigger: Instruction | null;
  /** Position in the whole file, 0-based. */
  ordinal: number;
  /** Escape hatch to the parser node, for adapters that need it. Rules should not. */
  node: ast.Instruction;
}

export type BaseKind = "image" | "stage" | "scratch";

export interface BaseImage {
  kind: BaseKind;
  /** The image argument as written (`node:${NODE_VERSION}-alpine`). */
  token: Token;
  /** With build-argument defaults substituted. */
  resolved: string;
  /** Variables that could not be resolved (no default). Non-empty means `resolved` still has `$`. */
  unresolved: string[];
  /** For kind "stage", the stage built upon. */
  stage: Stage | null;
}

export interface Stage {
  index: number;
  /** Name after `AS`, as written; null when unnamed. */
  name: string | null;
  nameToken: Token | null;
  /** The `AS` keyword as written. */
  asKeyword: Token | null;
  from: Instruction;
  base: BaseImage;
  platform: Flag | null;
  /** Instructions after FROM up to the next FROM. */
  instructions: Instruction[];
  /** FROM line to last instruction. */
  range: Range;
  isFinal: boolean;
  /** Reachable from the final stage through FROM, COPY --from or RUN --mount from=. */
  isReachable: boolean;
  /** Variables visible in the stage body: global ARG defaults re-declared, plus stage ARGs. */
  args: VariableScope;
}

export type ReferenceKind = "from" | "copy" | "mount";

/** A place that names another stage or an image: `FROM x`, `COPY --from=x`, `RUN --mount=from=x`. */
export interface StageReference {
  kind: ReferenceKind;
  /** The name or index as written. */
  token: Token;
  /** The value with build arguments substituted. */
  resolved: string;
  instruction: Instruction;
  /** The stage the reference appears in. */
  owner: Stage;
  /** The stage it resolves to by name or index, wherever that stage is defined; null if none. */
  target: Stage | null;
  isIndex: boolean;
}

export interface ParserDirective {
  name: string;
  value: string;
  range: Range;
  valueRange: Range;
}

export interface CommentLine {
  /** Text after `#`, trimmed. */
  content: string;
  range: Range;
}

export interface GlobalArg {
  name: string;
  value: string | null;
  nameRange: Range;
  instruction: Instruction;
}

export interface DockerfileModel {
  text: string;
  lines: LineIndex;
  escapeChar: string;
  directives: ParserDirective[];
  comments: CommentLine[];
  /** Every instruction in order, FROMs included. */
  instructions: Instruction[];
  /** Instructions before the first FROM (global ARGs, stray instructions). */
  prelude: Instruction[];
  globalArgs: GlobalArg[];
  /** Global ARG defaults, used to resolve FROM. */
  globalScope: VariableScope;
  stages: Stage[];
  finalStage: Stage | null;
  references: StageReference[];
  context: BuildContextFacts;
  /**
   * dockerfile-ast's parse of `text`, which the model was read from: the syntax validator reads it
   * instead of parsing the text a second time. Not for rules (they read the model); absent on a
   * model not made by `parseDockerfile`.
   */
  syntaxTree?: ast.Dockerfile;
}
