// var-platform-undeclared: the builder's platform arguments (`$TARGETARCH`, `$TARGETPLATFORM`,
// `$BUILDPLATFORM`, ...) are set in the global scope only: a stage sees one only after `ARG <name>`
// in it (or in a stage it is built FROM). Used without, in a RUN or in an instruction the builder
// expands, it is empty, and a multi-platform build quietly makes every image for one platform
// (a Makefile's `GOARCH ?= amd64`, an `arch=$([ "$TARGETARCH" = arm64 ] ...)` download).
// A default (`${TARGETARCH:-amd64}`) does not help: without the ARG it always applies. Not reported:
// a fallback that asks the build machine (`${TARGETARCH:-$(dpkg --print-architecture)}`) in a stage
// that runs on the target (under emulation it finds the target's; not so under
// `--platform=$BUILDPLATFORM`); a use the stage declares later (the author knows the argument: a
// conformance test echoes it before and after its ARG); a stage on a parent the file cannot name
// (`FROM build-${VARIANT}` without a default, which may declare it); a use inside single quotes or
// escaped; a RUN that sets the name itself; exec-form words no shell reads; CMD and ENTRYPOINT (the
// container's start, where no ARG is set either way); ONBUILD triggers; and stages on Windows or
// under a non-POSIX SHELL (PowerShell's `$TARGETARCH` is a variable of its own).

import { isWindowsImage } from "../images/default-user";
import { rootImageOf } from "../images/base-image";
import { envDeclarations, environmentViewAt } from "../model/environment";
import { lineage } from "../model/stage-graph";
import { escapeRegExp } from "../model/text";
import type { DockerfileModel, Instruction, Stage, Token } from "../model/types";
import { variableUses, type VariableUse } from "../model/variable-uses";
import { PLATFORM_ARGS } from "../model/variables";
import type { Fix, Rule } from "./types";

/** Instructions whose words the builder expands (as var-undefined reads them); RUN is read as shell. */
const EXPANDED = new Set(["ADD", "COPY", "ENV", "EXPOSE", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "ARG"]);
/** COPY and ADD flags the builder expands as it does the arguments. */
const EXPANDED_FLAGS = new Set(["chown", "chmod"]);
const POSIX_SHELLS = /^(?:\/\w+)*\/?(?:sh|bash|ash|dash|zsh|ksh|busybox)$/;

export const rule: Rule = {
  meta: {
    id: "var-platform-undeclared",
    family: "variables",
    severity: "warning",
    description: "Declare the platform ARGs a stage uses (ARG TARGETARCH) after its FROM.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      undeclared: "'${name}' is empty in this stage; add 'ARG {name}' after its FROM.",
    },
  },
  check(model, report) {
    // Most files name no platform argument outside FROM lines, or none at all: nothing to walk.
    if (model.escapeChar === "`" || !NAMES_A_PLATFORM_ARG.test(model.text)) return;
    for (const stage of model.stages) {
      // Read about the stage only once it uses one.
      let skipped: boolean | undefined;
      let crossCompiles: boolean | undefined;
      // One finding per name and stage, on its first use: one ARG line mends them all.
      const reported = new Set<string>();
      for (const instruction of stage.instructions) {
        const uses = platformUses(model, instruction);
        if (uses.length === 0) continue;
        skipped ??= onWindowsOrOtherShell(stage) || onUnnamedParent(stage);
        if (skipped) break;
        for (const use of uses) {
          if (reported.has(use.name) || environmentViewAt(model, stage, instruction).has(use.name)) continue;
          if (use.hasOperator && asksTheMachine(model, use) && !(crossCompiles ??= runsOnBuildPlatform(stage))) continue;
          if (declaredLater(model, stage, instruction, use.name)) continue;
          reported.add(use.name);
          const fix = declareAfterFrom(model, stage, use.name);
          report({ range: use.range, messageId: "undeclared", data: { name: use.name }, ...(fix ? { suggest: [fix] } : {}) });
        }
      }
    }
  },
};

/** `$TARGETARCH`, `${BUILDPLATFORM...`: a word that may use a platform argument (a prefilter; escapes and quotes are read later). */
const NAMES_A_PLATFORM_ARG = /\$\{?(?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT)\b/;

/** Uses of platform arguments in `instruction` that the builder or the shell expands. */
function platformUses(model: DockerfileModel, instruction: Instruction): VariableUse[] {
  if (instruction.keyword === "RUN") return runUses(model, instruction);
  if (!EXPANDED.has(instruction.keyword)) return [];
  if (
    !instruction.args.some((a) => NAMES_A_PLATFORM_ARG.test(a.value)) &&
    !instruction.flags.some((f) => f.value !== null && NAMES_A_PLATFORM_ARG.test(f.value))
  )
    return [];
  const flags = instruction.flags.filter((f) => EXPANDED_FLAGS.has(f.name) && f.value !== null && f.valueRange !== null);
  const tokens: Token[] = [...flags.map((f) => ({ value: f.value as string, range: f.valueRange as Token["range"] })), ...instruction.args];
  return tokens.flatMap((token) => variableUses(token, model.escapeChar)).filter((use) => PLATFORM_ARGS.has(use.name));
}

/**
 * Uses in a RUN's shell script, read from each word's document text (quotes kept, so a `'$X'` is
 * literal); exec-form words no shell reads are left out, and so is a name the RUN sets itself
 * (`export TARGETARCH=...`, `for TARGETARCH in`, `read TARGETARCH`), but not `TARGETARCH=$TARGETARCH`.
 */
function runUses(model: DockerfileModel, instruction: Instruction): VariableUse[] {
  const uses: VariableUse[] = [];
  const seen = new Set<string>();
  for (const command of instruction.commands) {
    for (const word of command.words) {
      // The value keeps every `$NAME` the text has (quotes removed, escapes resolved): most words have none.
      if (word.json === true || !NAMES_A_PLATFORM_ARG.test(word.value)) continue;
      const raw = model.lines.textIn(word.range);
      for (const use of variableUses({ value: raw, range: word.range }, "\\")) {
        const key = `${use.range.start.line}:${use.range.start.character}:${use.name}`;
        if (!PLATFORM_ARGS.has(use.name) || seen.has(key)) continue;
        seen.add(key);
        uses.push(use);
      }
    }
  }
  if (uses.length === 0) return uses;
  const script = model.lines.textIn(instruction.range);
  return uses.filter((use) => !setsItself(script, use.name));
}

/** Whether a script sets `name` other than from itself (`NAME=$NAME` passes the empty value on). */
function setsItself(script: string, name: string): boolean {
  const n = escapeRegExp(name);
  const withoutSelfCopies = script.replace(new RegExp(`\\b${n}=(?:"?)\\$\\{?${n}\\b\\}?`, "g"), "");
  return new RegExp(
    `(?:^|[\\s;&|(])${n}=|\\b(?:export|declare|local|readonly|typeset)\\s+(?:-\\w+\\s+)*${n}\\b|\\bread\\b[^;&|\\n]*\\s${n}\\b|\\bfor\\s+${n}\\b`,
  ).test(withoutSelfCopies);
}

/**
 * Whether a use's fallback asks the machine the command runs on (`${TARGETARCH:-$(uname -m)}`); a
 * use spread over lines (its range is the whole word) counts as one, to stay silent.
 */
function asksTheMachine(model: DockerfileModel, use: VariableUse): boolean {
  if (use.range.start.line !== use.range.end.line) return true;
  const text = model.lines.textIn(use.range);
  return text.includes("$(") || text.includes("`");
}

/** Whether the stage (or the stage it starts from) runs on the build machine: `FROM --platform=$BUILDPLATFORM`. */
function runsOnBuildPlatform(stage: Stage): boolean {
  return lineage(stage).some((s) => /\$\{?BUILDPLATFORM\b/.test(s.platform?.value ?? ""));
}

/** Whether an ARG later in the stage declares `name`: the author knows the argument and placed it. */
function declaredLater(model: DockerfileModel, stage: Stage, after: Instruction, name: string): boolean {
  return stage.instructions.some((i) => i.keyword === "ARG" && i.ordinal > after.ordinal && envDeclarations(model, i).some((d) => d.name === name));
}

/** A stage whose lineage starts at a FROM the file cannot resolve (`FROM build-${VARIANT}`): that may be a stage declaring it. */
function onUnnamedParent(stage: Stage): boolean {
  const root = rootImageOf(stage).stage;
  return root.base.kind === "image" && root.base.resolved.includes("$");
}

/** Windows stages, and stages whose SHELL is not a POSIX shell, read variables their own way. */
function onWindowsOrOtherShell(stage: Stage): boolean {
  const root = rootImageOf(stage).stage;
  if (root.base.kind === "image" && isWindowsImage(root.base.resolved)) return true;
  return lineage(stage).some((s) => s.instructions.some((i) => i.keyword === "SHELL" && !POSIX_SHELLS.test(i.args[0]?.value ?? "")));
}

/** `ARG <name>` on the line after the stage's FROM (after all its lines, when continued). */
function declareAfterFrom(model: DockerfileModel, stage: Stage, name: string): Fix | null {
  const fromEnd = stage.from.range.end.line;
  if (fromEnd + 1 >= model.lines.lineCount) return null;
  const position = { line: fromEnd + 1, character: 0 };
  return {
    title: `Add 'ARG ${name}' after the stage's FROM`,
    edits: [{ range: { start: position, end: position }, newText: `ARG ${name}\n` }],
    isPreferred: true,
  };
}
