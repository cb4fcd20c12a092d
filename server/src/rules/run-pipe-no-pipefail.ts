// run-pipe-no-pipefail: hadolint DL4006, narrowed to the pipes where a swallowed failure matters.
// A pipeline's status is its last command's, so `curl … | sh` succeeds when the download fails:
// the shell runs empty input and exits 0, and the build carries on without what it installs.
// Reported: a failable command piped into an interpreter that executes its input, or a download
// piped into a file under the package manager's sources or keyrings (a later install silently
// falls back to the distribution's package). Silent when the left side cannot meaningfully fail
// (`echo`, `cat`, `yes`, `php -m`), when the right side validates its input (`sha256sum -c`,
// `tar`, `gpg --dearmor`, `apt-key add` fail on empty input), when the pipe ends `|| …`, when
// SHELL or the script sets pipefail, when the pipe's status is discarded anyway (a later command
// follows it after `;` or a newline with no `set -e`), and under non-POSIX shells (PowerShell, cmd).
// Where /bin/sh is dash, which has no `set -o pipefail`, the message names bash in SHELL instead.
// An installer script whose program a later step runs (model/installer-scripts.ts) is reported at
// information severity, naming the line where the failed download would show, or the line whose
// copy of the program a failed download leaves in place.

import { defaultShell } from "../images/default-shell";
import { inheritedShell, inheritedShellOfPattern } from "../images/inherited-shell";
import { systemPackageCommand } from "../model/commands";
import { earlierCopyOfInstalled, installedByPipedScript, laterUseOfInstalled } from "../model/installer-scripts";
import { allRunInstructions } from "../model/run-instructions";
import { lineOf } from "../model/text";
import type { ShellCommand } from "../model/shell";
import { lineage } from "../model/stage-graph";
import type { Instruction } from "../model/types";
import { isShellName } from "../model/shell-programs";
import { rootImageOf } from "../images/base-image";
import type { Rule } from "./types";

const NON_POSIX = /(?:^|[\\/])(?:pwsh|powershell|cmd)(?:\.exe)?$/i;
const PIPEFAIL_SHELLS = /(?:^|\/)(?:bash|zsh|ash|ksh|mksh)$/;
// Interpreters that run a script read from stdin when given no script file.
const INTERPRETERS = /^(?:sh|bash|dash|ash|zsh|ksh|mksh|python[0-9.]*|perl|ruby|node|php)$/;
// Producers whose failure means nothing: literal output, listings, version and module checks.
// `yes` is also killed by SIGPIPE by design, so pipefail would fail the build with 141.
const CANNOT_FAIL = new Set(["echo", "printf", "cat", "yes", "find", "true", "ls", "env", "printenv", "seq", "pwd", "date", "uname", "id", "whoami"]);
const DOWNLOADERS = new Set(["curl", "wget", "fetch"]);
const SINKS = new Set(["tee", "cat", "dd"]);
// Where a downloaded file configures a later install: package sources and keyrings.
const PACKAGE_CONFIG = /^\/(?:etc\/apt\/|usr\/share\/keyrings\/|etc\/yum\.repos\.d\/|etc\/zypp\/repos\.d\/|etc\/apk\/)/;

/**
 * The SHELL instruction's words in effect for `run`: the file's own, else the one the base image's
 * Dockerfile set (CircleCI's `cimg/*`: bash with pipefail), or null for the default `/bin/sh -c`.
 */
function shellWords(run: Instruction): readonly string[] | null {
  let words: string[] | null = null;
  for (const s of run.stage ? lineage(run.stage) : []) {
    for (const i of s.instructions) {
      if (s === run.stage && i.ordinal >= run.ordinal) break;
      if (i.keyword === "SHELL" && i.isJsonForm) words = i.args.map((a) => a.value);
    }
  }
  if (words !== null || run.stage === null) return words;
  const { stage: root, image } = rootImageOf(run.stage);
  if (image !== null) return inheritedShell(image);
  return root.base.kind === "image" ? inheritedShellOfPattern(root.base.resolved) : null;
}

function setsPipefail(words: readonly string[]): boolean {
  return words.some((w, i) => w === "pipefail" && i > 0 && /^-[a-z]*o$/.test(words[i - 1]));
}

/** `set -e`, `set -eux`, `set -o errexit` (or a SHELL that passes them). */
function setsErrexit(words: readonly string[]): boolean {
  return words.some((w, i) => /^-[a-df-z]*e[a-z]*$/.test(w) || (w === "errexit" && i > 0 && /^-[a-z]*o$/.test(words[i - 1])));
}

export const rule: Rule = {
  meta: {
    id: "run-pipe-no-pipefail",
    family: "run",
    severity: "warning",
    description: "Set -o pipefail when piping a download into a shell, so a failed download fails the build.",
    fix: "none",
    equivalents: { hadolint: ["DL4006"] },
    messages: {
      pipefail: "A failure before '{command}' is ignored; set -o pipefail first (or in SHELL with -o pipefail).",
      pipefailDash: 'A failure before \'{command}\' is ignored; set SHELL ["/bin/bash", "-o", "pipefail", "-c"] first.',
      pipefailUnknownShell: "A failure before '{command}' is ignored; set pipefail, in SHELL with bash if sh is dash.",
      // The installer's program runs later: a failed download fails that step, not this one.
      pipefailLaterUse: "A failed download before '{command}' surfaces at line {line} ('{program}'); set -o pipefail first.",
      pipefailLaterUseDash: "A failed download before '{command}' surfaces at line {line} ('{program}'); set pipefail in a bash SHELL.",
      // The program was copied in before: a failed download leaves that copy, and nothing fails.
      pipefailEarlierCopy: "A failed download before '{command}' keeps line {line}'s '{program}'; set -o pipefail first.",
      pipefailEarlierCopyDash: "A failed download before '{command}' keeps line {line}'s '{program}'; set pipefail in a bash SHELL.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      if (run.isJsonForm) continue;
      const shell = shellWords(run);
      if (shell && shell.length > 0 && NON_POSIX.test(shell[0])) continue;
      if (shell && PIPEFAIL_SHELLS.test(shell[0]) && setsPipefail(shell)) continue;
      let pipefail = false;
      let errexit = shell !== null && setsErrexit(shell.slice(1));
      const commands = run.commands;
      for (let start = 0; start < commands.length;) {
        let end = start + 1;
        while (end < commands.length && commands[end].joinedBy === "|") end++;
        const pipeline = commands.slice(start, end);
        if (commands[start].name === "set" && setsPipefail(commands[start].args.map((w) => w.value))) pipefail = true;
        if (commands[start].name === "set" && setsErrexit(commands[start].args.map((w) => w.value))) errexit = true;
        // A pipe followed by `|| …` is best-effort by design.
        const fallback = end < commands.length && commands[end].joinedBy === "||";
        // Followed by `;` or a newline without `set -e`: no status of the pipe stops the script, so
        // pipefail alone would not fail the build (the missing `set -e` is the problem there).
        const discarded = !errexit && isDiscarded(commands, start, end);
        const swallowing = pipeline.length > 1 && !pipefail && !fallback && !discarded ? swallowingCommand(pipeline) : null;
        start = end;
        if (!swallowing) continue;
        // Not fixed: the right shell (bash is missing from alpine and distroless) is the author's choice.
        // An installer whose program a later step runs: that step fails when the download did, one
        // step late. Information, with the line that would fail (reviewers: 78 such findings debatable).
        const sh = stageShell(run, shell);
        const installed = installedByPipedScript(pipeline);
        const use = laterUseOfInstalled(model, run, end, installed);
        const copied = use ? earlierCopyOfInstalled(run, installed) : null;
        if (copied) {
          const data = { command: swallowing.name, program: copied.program, line: lineOf(copied.instruction) };
          report({ range: swallowing.range, messageId: sh === "pipefail" ? "pipefailEarlierCopy" : "pipefailEarlierCopyDash", data, severity: "info" });
          break;
        }
        if (use) {
          const data = { command: swallowing.name, program: use.program, line: lineOf(use.command.words[0]) };
          report({ range: swallowing.range, messageId: sh === "pipefail" ? "pipefailLaterUse" : "pipefailLaterUseDash", data, severity: "info" });
          break;
        }
        const messageId = sh === "dash" ? "pipefailDash" : sh === "unknown" ? "pipefailUnknownShell" : "pipefail";
        report({ range: swallowing.range, messageId, data: { command: swallowing.name } });
        break;
      }
    }
  },
};

// Words that end a branch or loop: a pipe before them is the last command of its branch, and its status counts.
const BRANCH_ENDS = new Set(["else", "elif", "fi", "done", "esac", "}", ";;"]);

/**
 * True when the status of the pipeline `commands[start..end)` stops nothing: the next command runs
 * after it whatever it is (`;` or newline, same block). A pipe that ends a branch or loop body gives
 * its status to the `if`/`for`/`case`, so what follows that compound decides (`fi; next` discards
 * it, `fi && next` does not).
 */
function isDiscarded(commands: readonly ShellCommand[], start: number, end: number): boolean {
  let depth = commands[start].depth;
  for (let i = end; i < commands.length;) {
    const next = commands[i];
    if (next.joinedBy !== ";" && next.joinedBy !== "\n") return false;
    if (!BRANCH_ENDS.has(next.words[0]?.value ?? "")) return next.depth >= depth;
    // The rest of the compound (other branches, its closing word) runs deeper than the compound itself.
    let close = i;
    while (close < commands.length && commands[close].depth >= depth) close++;
    if (close >= commands.length) return false;
    depth = commands[close].depth;
    i = CLOSERS.has(commands[close].words[0]?.value ?? "") ? close + 1 : close;
  }
  return false;
}

// Words that close a compound command, at the depth of the compound.
const CLOSERS = new Set(["fi", "done", "esac", "}"]);

/** The command of `pipeline` whose success hides a failure that matters, or null. */
function swallowingCommand(pipeline: readonly ShellCommand[]): ShellCommand | null {
  for (let i = 1; i < pipeline.length; i++) {
    const failable = pipeline.slice(0, i).some(canFail);
    if (failable && executesInput(pipeline[i])) return pipeline[i];
  }
  const last = pipeline[pipeline.length - 1];
  const downloads = pipeline.slice(0, -1).some((c) => DOWNLOADERS.has(c.name));
  // dd names its output as `of=<file>` (held-out BJ, Archon: the GitHub CLI keyring, missed).
  if (downloads && SINKS.has(last.name) && last.args.some((a) => PACKAGE_CONFIG.test(last.name === "dd" ? a.value.replace(/^of=/, "") : a.value))) return last;
  return null;
}

/** False for producers whose failure means nothing, and `<tool> --version`/`-v`/`-m` checks. */
function canFail(command: ShellCommand): boolean {
  if (command.name === "" || CANNOT_FAIL.has(command.name)) return false;
  const args = command.args.map((a) => a.value);
  if (args.length === 1 && /^(?:-v|-V|--version|version|-m|-l|-L|--help|-h)$/.test(args[0])) return false;
  return true;
}

/** An interpreter that runs its stdin: no script file, or `-`, `-s`, `/dev/stdin`. */
function executesInput(command: ShellCommand): boolean {
  if (!INTERPRETERS.test(command.name)) return false;
  // The flags that take the program as an argument (`sh -c`, `python -m`, `node -e`, `php -r`).
  const programFlags = isShellName(command.name) ? /c/ : /[cmeErp]/;
  for (const arg of command.args) {
    const value = arg.value;
    if (value === "-" || value === "-s" || value === "/dev/stdin" || value === "--") return true;
    if (!value.startsWith("-")) return false;
    if (!value.startsWith("--") && programFlags.test(value.slice(1))) return false;
  }
  return true;
}

/**
 * What the RUN's shell makes of `set -o pipefail`: "dash" where it is an error (the default shell,
 * or SHELL running /bin/sh, of a stage whose base image is Debian-based, or that installs with apt
 * from a base not known to be Alpine's or the Red Hat family's); "pipefail" where it works (bash,
 * ash, another SHELL); "unknown" on an image nothing tells about.
 */
function stageShell(run: Instruction, shell: readonly string[] | null): "dash" | "pipefail" | "unknown" {
  if (shell !== null && shell.length > 0 && !/^(?:\/bin\/)?sh$/.test(shell[0])) return "pipefail";
  const stage = run.stage;
  if (stage === null) return "unknown";
  const image = rootImageOf(stage).image;
  const imageShell = image !== null ? defaultShell(image) : null;
  if (imageShell !== null) return imageShell === "dash" ? "dash" : "pipefail";
  const managers = new Set(
    lineage(stage).flatMap((s) => s.instructions.filter((i) => i.keyword === "RUN").flatMap((i) => i.commands.map((c) => systemPackageCommand(c)?.manager))),
  );
  if (managers.has("apt")) return "dash";
  // Alpine's busybox ash has pipefail.
  if (managers.has("apk")) return "pipefail";
  // An image the facts do not know and whose packages do not tell (a vendor's toolchain image on
  // Ubuntu; held-out AV, cross-rs): `set -o pipefail` alone would fail the RUN under dash.
  return "unknown";
}
