// layer-packages-after-source: a system package install placed after `COPY . .` re-runs (download,
// unpack, configure) on every source change, though the packages do not depend on the sources.

import { systemPackageCommand, type SystemPackageCommand } from "../model/commands";
import { isBroadContextCopy } from "../model/copies";
import { instructionOnOneLine } from "../model/instruction-text";
import { fileStartedBy } from "../model/run-scripts";
import { isBuiltOnlyWithoutLayerCache } from "../model/layer-reuse";
import type { ShellCommand } from "../model/shell";
import type { TextEdit } from "../model/text";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { substituteVariables } from "../model/variables";
import { copyDestination } from "../model/workdir";
import { asHints, type Fix, type Rule } from "./types";

/** Instructions that change what a RUN sees: moving the RUN across them could change its result. */
const CONTEXT_CHANGING = new Set(["USER", "ENV", "ARG", "SHELL", "WORKDIR", "ONBUILD"]);
/** Package arguments that name files (a local `.deb`, `$(cat packages.txt)`), maybe from the context. */
const FILE_ARGUMENT = /\/|\$\(|`|\.(?:deb|rpm|apk)$/;

export const rule: Rule = {
  meta: {
    id: "layer-packages-after-source",
    family: "layers",
    severity: "warning",
    description: "Install system packages before copying the build context.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      afterSource: "'{command}' after '{copy}' (line {line}) reruns on every edit; install packages before the copy.",
    },
  },
  check(model, reportFinding) {
    // CI builds the file only with no layer cache and no compose service builds it: no build the
    // project shows reuses the package layer, wherever it sits; a developer's rebuild would. A hint
    // then, as layer-source-before-deps gives.
    const report = isBuiltOnlyWithoutLayerCache(model.context) ? asHints(reportFinding) : reportFinding;
    for (const stage of model.stages) {
      let broadCopy: Instruction | null = null;
      for (const instruction of stage.instructions) {
        if (!broadCopy && isBroadContextCopy(instruction)) broadCopy = instruction;
        if (!broadCopy || instruction.keyword !== "RUN") continue;
        // An install only an opt-in build argument turns on (`if [ "$WITH_PLUGINS" = "true" ]; then
        // apt-get install ...`) does not run on the default build: nothing reruns there.
        const installs = instruction.commands
          .map(systemPackageCommand)
          .filter((p): p is SystemPackageCommand => p !== null && installsNamedPackages(p) && !offByDefault(stage, instruction.commands, p.command));
        if (installs.length === 0) continue;
        // The RUN runs a file the copy brought (`./docker/scripts/download-plugins.sh`,
        // `./configure`): the packages serve that step, which must follow the copy.
        if (runsCopiedFile(model, instruction, broadCopy)) continue;
        // Build packages installed, used and removed in one RUN (`apk add --virtual .deps ... && make
        // && apk del .deps`): in a RUN of its own before the copy they would stay in a layer.
        if (removesPackages(instruction)) continue;
        const suggestion = moveBefore(model, instruction, broadCopy);
        for (const pkg of installs) {
          const program = pkg.command.program ?? pkg.command.words[0];
          const actionWord = pkg.actionWord ?? program;
          report({
            range: { start: program.range.start, end: actionWord.range.end },
            messageId: "afterSource",
            data: { command: `${program.value} ${actionWord.value}`, copy: instructionOnOneLine(model, broadCopy), line: broadCopy.range.start.line + 1 },
            suggest: suggestion ? [suggestion] : undefined,
          });
        }
      }
    }
  },
};

/** True when the RUN also removes packages (`apk del`, `apt-get purge`, `autoremove`). */
function removesPackages(run: Instruction): boolean {
  return run.commands.some((c) => {
    const pkg = systemPackageCommand(c);
    return pkg?.action === "remove" && (pkg.packages.length > 0 || pkg.actionWord?.value === "autoremove");
  });
}

/** An install of packages from the repositories, not of files that may come from the context. */
function installsNamedPackages(pkg: SystemPackageCommand): boolean {
  if (pkg.action !== "install" || pkg.packages.length === 0) return false;
  // `xargs apt-get install < packages.txt` reads its list from a file.
  if (pkg.command.words.some((w) => w.value === "xargs")) return false;
  return !pkg.packages.some((p) => FILE_ARGUMENT.test(p.value));
}

/**
 * Moves a RUN that only manages system packages to just before the broad copy. A suggestion, not
 * a safe fix: the packages could be meant to see files of the context (a post-install hook), and
 * ENV, USER or WORKDIR between the two would no longer apply to the RUN, so none may be there.
 */
function moveBefore(model: DockerfileModel, run: Instruction, copy: Instruction): Fix | null {
  if (run.isJsonForm || run.heredocs.length > 0 || run.commands.length === 0) return null;
  if (!run.commands.every(isPackageHousekeeping)) return null;
  const stage = run.stage;
  if (!stage) return null;
  const between = stage.instructions.slice(stage.instructions.indexOf(copy) + 1, stage.instructions.indexOf(run));
  // A COPY between may bring package configuration (`/etc/apt/sources.list.d`), a RUN may add a
  // repository key: the install could depend on either.
  if (between.some((i) => CONTEXT_CHANGING.has(i.keyword) || i.keyword === "COPY" || i.keyword === "ADD" || (i.keyword === "RUN" && touchesPackageSetup(i))))
    return null;
  const lines = model.lines;
  const runStart = { line: run.range.start.line, character: 0 };
  const runEnd = lines.startOfLineAfter(run.range.end.line);
  const runText = lines.textIn({ start: runStart, end: runEnd });
  // The last line of a file without a final newline: end it the way the file ends its lines.
  const moved = runText.endsWith("\n") ? runText : `${runText}${model.text.includes("\r\n") ? "\r\n" : "\n"}`;
  const copyLineStart = { line: copy.range.start.line, character: 0 };
  const edits: TextEdit[] = [
    { range: { start: copyLineStart, end: copyLineStart }, newText: moved },
    { range: { start: runStart, end: runEnd }, newText: "" },
  ];
  return { title: `Move this RUN before '${instructionOnOneLine(model, copy)}'`, edits };
}

/** Commands a package-only RUN is made of: the package manager itself and cleanup of its caches. */
function isPackageHousekeeping(command: ShellCommand): boolean {
  if (systemPackageCommand(command)) return true;
  if (command.name === "rm") return command.args.every((a) => a.value.startsWith("-") || /^\/var\/(?:lib\/apt|cache)\//.test(a.value) || a.value === "/tmp/*");
  return command.name === "set" || command.name === "true";
}

function touchesPackageSetup(run: Instruction): boolean {
  return run.commands.some((c) => systemPackageCommand(c) !== null || c.words.some((w) => /\/etc\/(?:apt|yum|dnf|apk|zypp)|apt-key|gpg|rpm/.test(w.value)));
}

/**
 * True when a command of the RUN starts a file of the build context that the broad copy brought: a
 * relative path (`./docker/scripts/download-plugins.sh`, `bash scripts/setup.sh`) or a path under the
 * copy's destination (`/app/bin/setup`).
 */
function runsCopiedFile(model: DockerfileModel, run: Instruction, copy: Instruction): boolean {
  const root = copy.stage === null ? null : copyDestination(model, copy.stage, copy);
  return run.commands.some((c) => {
    const script = fileStartedBy(c);
    const path = script?.value.replace(/^["']|["']$/g, "") ?? "";
    if (path === "" || path.includes("$") || !path.includes("/")) return false;
    if (!path.startsWith("/")) return !path.startsWith("~");
    return root !== null && root !== "/" && path.startsWith(`${root}/`);
  });
}

/**
 * True when `install` runs only under a test of the stage's build arguments that their defaults make
 * false: `if [ "$DOWNLOAD_PLUGINS" = "true" ]; then ... fi` with `ARG DOWNLOAD_PLUGINS=false`, or
 * `[ -n "$EXTRA" ] && apt-get install ...` with `ARG EXTRA`. A test of anything else (a file, an
 * environment variable, the platform) says nothing.
 */
function offByDefault(stage: Stage | null, commands: readonly ShellCommand[], install: ShellCommand): boolean {
  if (stage === null) return false;
  const at = commands.indexOf(install);
  const guard = guardOf(commands, at);
  if (guard === null) return false;
  const scope = new Map([...stage.args].map(([name, value]) => [name, value ?? ""]));
  const words = guard.words.map((w) => w.value).filter((w) => !["if", "elif", "then", "&&"].includes(w));
  const negated = words[0] === "!";
  const test = negated ? words.slice(1) : words;
  const substituted = test.map((w) => substituteVariables(w.replace(/^["']|["']$/g, ""), scope));
  // Only a test of build arguments: their defaults decide the default build.
  if (!substituted.some((w) => w.hasVariables)) return false;
  const result = evaluateTest(substituted);
  return result === null ? false : negated ? result : !result;
}

/**
 * The test guarding the command at `at`: the condition of the `if` whose body holds it, or a test
 * chained before it with `&&` (`[ "$X" = 1 ] && apt-get install ...`); null when none.
 */
function guardOf(commands: readonly ShellCommand[], at: number): ShellCommand | null {
  const command = commands[at];
  if (command.depth > 0) {
    for (let i = at - 1; i >= 0; i--) {
      const first = commands[i].words[0]?.value;
      if (commands[i].depth < command.depth) return null;
      if (commands[i].depth !== command.depth) continue;
      if (first === "fi" || first === "else") return null;
      if (first === "if" || first === "elif") return isTest(commands[i]) ? commands[i] : null;
    }
    return null;
  }
  for (let i = at; i > 0 && commands[i].joinedBy === "&&"; i--) if (isTest(commands[i - 1])) return commands[i - 1];
  return null;
}

function isTest(command: ShellCommand): boolean {
  return command.name === "[" || command.name === "[[" || command.name === "test";
}

/** The value of a `[`/`[[`/`test` expression of one comparison or one operand test; null when it cannot be read. */
function evaluateTest(words: readonly { value: string; unresolved: readonly string[] }[]): boolean | null {
  if (words.some((w) => w.unresolved.length > 0)) return null;
  const values = words.map((w) => w.value);
  const inner = values[0] === "[" || values[0] === "[[" ? values.slice(1, -1) : values[0] === "test" ? values.slice(1) : null;
  if (inner === null) return null;
  if (inner.length === 1) return inner[0] !== "";
  if (inner.length === 2 && inner[0] === "-n") return inner[1] !== "";
  if (inner.length === 2 && inner[0] === "-z") return inner[1] === "";
  if (inner.length === 3 && (inner[1] === "=" || inner[1] === "==")) return inner[0] === inner[2];
  if (inner.length === 3 && inner[1] === "!=") return inner[0] !== inner[2];
  return null;
}
