// Reads the ignore comments a Dockerfile may carry: ours (`# stagecraft-ignore`,
// `# stagecraft-ignore-file`), hadolint's (`# hadolint ignore=`, `# hadolint global ignore=`)
// and BuildKit's `# check=skip=` directive.

import type { DockerfileModel, Instruction } from "../model/types";
import type { Range } from "../model/text";
import type { RuleMeta } from "../rules/types";
import { CheckOptions, fileCheckOptions, instructionCheckOptions, isCheckEnabled } from "../model/check-directive";

/** A set of rule ids, hadolint codes or BuildKit names; `all` means every rule. */
interface IgnoreSet {
  all: boolean;
  ids: Set<string>;
}

interface LineIgnores {
  /** Instruction the comment block applies to. */
  instruction: Instruction;
  stagecraft: IgnoreSet;
  hadolint: Set<string>;
}

export interface Suppressions {
  isSuppressed(meta: RuleMeta, range: Range): boolean;
  /** `# check=error=true`: BuildKit fails the build on its checks, so their findings are errors. */
  buildkitError: boolean;
}

// The lists are split and trimmed in code; spaces around them are not matched here, because `\s*(.*)`
// backtracks polynomially on a long run of spaces.
const OURS_LINE = /^stagecraft-ignore(?:\s(.*))?$/i;
const OURS_FILE = /^stagecraft-ignore-file(?:\s(.*))?$/i;
const HADOLINT_LINE = /^hadolint\s+ignore\s*=(.*)$/i;
const HADOLINT_GLOBAL = /^hadolint\s+global\s+ignore\s*=(.*)$/i;
const HADOLINT_STAGE = /^hadolint\s+stage\s+ignore\s*=(.*)$/i;

function parseList(list: string | undefined): IgnoreSet {
  const ids = (list ?? "")
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { all: ids.length === 0 || ids.includes("all"), ids: new Set(ids) };
}

/**
 * Codes of a hadolint pragma list, as hadolint reads it: comma-separated codes, a trailing
 * `# comment` allowed. Like hadolint, a list with an invalid name (`ignore=crazy,DL3002`) is not a
 * pragma at all, so it ignores nothing.
 */
function hadolintCodes(list: string): string[] {
  const codes = list
    .replace(/\s#.*$/, "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return codes.every((c) => /^[A-Z]+\d+$/.test(c)) ? codes : [];
}

function emptySet(): IgnoreSet {
  return { all: false, ids: new Set() };
}

export function readSuppressions(model: DockerfileModel): Suppressions {
  const fileOurs = emptySet();
  const fileHadolint = new Set<string>();
  const perInstruction: LineIgnores[] = [];
  // `# hadolint stage ignore=` above a FROM: the codes are ignored in that whole stage.
  const perStage: { range: Range; codes: Set<string> }[] = [];

  const fileCheck = fileCheckOptions(model);
  const checkByInstruction: { instruction: Instruction; options: CheckOptions }[] = [];
  for (const instruction of model.instructions) {
    const options = instructionCheckOptions(model, instruction);
    if (options) checkByInstruction.push({ instruction, options });
  }

  const commentsByLine = new Map<number, string>();
  for (const comment of model.comments) commentsByLine.set(comment.range.start.line, comment.content);

  for (const comment of model.comments) {
    const file = OURS_FILE.exec(comment.content);
    if (file) {
      const list = parseList(file[1]);
      fileOurs.all ||= list.all;
      for (const id of list.ids) fileOurs.ids.add(id);
    }
    const global = HADOLINT_GLOBAL.exec(comment.content);
    if (global) for (const code of hadolintCodes(global[1])) fileHadolint.add(code);
  }

  const allInstructions = model.instructions;
  for (const instruction of allInstructions) {
    // Most instructions have no comment right above them: no block to read, no sets to make.
    if (!commentsByLine.has(instruction.range.start.line - 1)) continue;
    const ours = emptySet();
    const hadolint = new Set<string>();
    // The contiguous comment block right above the instruction.
    for (let line = instruction.range.start.line - 1; line >= 0 && commentsByLine.has(line); line--) {
      const content = commentsByLine.get(line) as string;
      const mine = OURS_FILE.test(content) ? null : OURS_LINE.exec(content);
      if (mine) {
        const list = parseList(mine[1]);
        ours.all ||= list.all;
        for (const id of list.ids) ours.ids.add(id);
      }
      const theirs = HADOLINT_LINE.exec(content);
      if (theirs) for (const code of hadolintCodes(theirs[1])) hadolint.add(code);
      const stage = instruction.keyword === "FROM" ? HADOLINT_STAGE.exec(content) : null;
      const range = instruction.stage?.from === instruction ? instruction.stage.range : undefined;
      if (stage && range) perStage.push({ range, codes: new Set(hadolintCodes(stage[1])) });
    }
    if (ours.all || ours.ids.size > 0 || hadolint.size > 0) perInstruction.push({ instruction, stagecraft: ours, hadolint });
  }

  const matchesOurs = (set: IgnoreSet, meta: RuleMeta) => set.all || set.ids.has(meta.id);
  const matchesHadolint = (codes: Set<string>, meta: RuleMeta) => (meta.equivalents.hadolint ?? []).some((c) => codes.has(c));
  // BuildKit's `# check=skip=`: the file's directive, and a `check=` comment above the instruction.
  const matchesBuildkit = (meta: RuleMeta, line: number) => {
    const names = meta.equivalents.buildkit ?? [];
    if (names.length === 0) return false;
    const options = [fileCheck];
    for (const entry of checkByInstruction) {
      const r = entry.instruction.range;
      if (line >= r.start.line && line <= r.end.line) options.push(entry.options);
    }
    return names.some((n) => !isCheckEnabled(options, n));
  };

  return {
    buildkitError: fileCheck.error,
    isSuppressed(meta, range) {
      const line = range.start.line;
      if (matchesOurs(fileOurs, meta) || matchesHadolint(fileHadolint, meta) || matchesBuildkit(meta, line)) return true;
      for (const entry of perStage) if (line >= entry.range.start.line && line <= entry.range.end.line && matchesHadolint(entry.codes, meta)) return true;
      for (const entry of perInstruction) {
        const r = entry.instruction.range;
        if (line < r.start.line || line > r.end.line) continue;
        if (matchesOurs(entry.stagecraft, meta) || matchesHadolint(entry.hadolint, meta)) return true;
      }
      return false;
    },
  };
}
