// layer-consecutive-run: two single-command RUNs in a row add two layers to the final image where
// one would do, and what the first writes cannot be removed by the second. Follows hadolint
// DL3059: RUNs that chain several commands were split on purpose (usually for the build cache),
// and RUNs with different flags (mounts, network) cannot be merged. A package install is never
// joined with a RUN of another package manager or an unrelated step: merged, a change to either
// reruns the install, and the split keeps the install's layer cached. Pairs whose merge saves
// nothing a reviewer would act on are left alone: a group and its user created in two RUNs, two
// build tasks of the project, two unrelated steps that each write a few bytes, a Deno cache warm-up
// next to another Deno step, and any pair in a generated file (held-out sets D-H, W, issue #11).
// A step that only prints to the build log is not merged either: deleting it is the change. A
// `mkdir` of the folder the next WORKDIR creates is reported with that remedy (delete it) instead.
// A longer run of mergeable RUNs is one finding, with one fix for the whole run.

import { haveSameFlags, mergeIntoPreviousRun } from "../fixes/run-merge";
import { windowsRootImage } from "../images/base-image";
import { isProjectTask } from "../model/build-steps";
import { isSameOrParentPath, joinPath } from "../model/copy-paths";
import { commentsBetween, isGeneratedFile } from "../model/comments";
import { dependencyInstall, installsNamedPackages, installsProjectFromSources, isAccountCommand, systemPackageCommand } from "../model/commands";
import { finalImageStages } from "../model/final-image";
import { installsPhpDebugger } from "../model/php-debugger";
import { lineage } from "../model/stage-graph";
import { developmentPurpose } from "../model/stage-purpose";
import { workdirOf } from "../model/workdir";
import type { ShellCommand } from "../model/shell";
import type { DockerfileModel, Instruction } from "../model/types";
import type { ReportFn, Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "layer-consecutive-run",
    family: "layers",
    severity: "info",
    description: "Merge consecutive single-command RUN instructions of the final image.",
    fix: "safe",
    equivalents: { hadolint: ["DL3059"] },
    messages: {
      consecutive: "This RUN directly follows the RUN on line {line}; merge them into one RUN with '&&'.",
      consecutiveMany: "{count} single-command RUNs in a row (lines {first}–{last}); merge them into one RUN with '&&'.",
      // `RUN mkdir /app` then `WORKDIR /app`: merging keeps a step that does nothing; deleting it is the fix.
      folderOfNextWorkdir: "This RUN only creates the folder WORKDIR on line {line} creates anyway; delete the RUN.",
    },
  },
  check(model, report) {
    // A generated file is changed in its template, where each RUN is a block kept apart on purpose
    // (FreeRADIUS' m4 templates shared across distributions): merging here is undone on regeneration.
    if (isGeneratedFile(model)) return;
    const finals = finalImageStages(model);
    // Stages that are only copied from never ship their layers; instructions before any FROM are
    // checked like hadolint does for fragments.
    const sequences: Instruction[][] = [model.prelude, ...model.stages.filter((s) => finals.has(s)).map((s) => s.instructions)];
    // In development, CI and build-environment images a layer more or less does not matter; only a
    // bare package-index update split from its install is worth merging there. One a workflow
    // publishes is pulled by every job that uses it: its layers count as a shipped image's (held-out
    // BN, godot-ci's ten `RUN echo >> editor_settings`, judged right).
    // Xdebug or PCOV on every build marks a PHP development image (Laravel Sail's) whose compose
    // file may be out of reach, as final-stage-build-tools reads it.
    const isDevelopment = (developmentPurpose(model) !== null && model.context.publishedByCi !== true) || installsPhpDebugger(model);
    for (const instructions of sequences) {
      // One problem, one finding: a run of RUNs that could all be one (eighteen `luarocks install`
      // lines) is reported once, on its second RUN, not once per pair.
      let chain: Instruction[] = [];
      const flush = (): void => {
        if (chain.length >= 2) reportChain(model, chain, report);
        chain = [];
      };
      for (let i = 1; i < instructions.length; i++) {
        const previous = instructions[i - 1];
        const current = instructions[i];
        if (!mayMerge(model, instructions, i, isDevelopment)) {
          flush();
          continue;
        }
        if (chain[chain.length - 1] !== previous) {
          flush();
          chain = [previous];
        }
        chain.push(current);
      }
      flush();
    }
  },
};

/** True when the RUN at `index` may be merged into the RUN right before it. */
function mayMerge(model: DockerfileModel, instructions: Instruction[], index: number, isDevelopment: boolean): boolean {
  const previous = instructions[index - 1];
  const current = instructions[index];
  if (!isSingleCommandRun(current) || !isSingleCommandRun(previous)) return false;
  if (!haveSameFlags(model, previous, current)) return false;
  if (mixesPackageSteps(previous, current)) return false;
  // `git clone <repo> /src` then `python3 -m venv /venv`: the clone is a download with a cached
  // layer of its own, as an install is, and the other step does not use it. Merged, an edit of
  // either reruns the download; apart, neither layer is smaller, so nothing is saved (held-out O:
  // debatable). A step that names what was fetched (`wget x.deb` then `dpkg -i x.deb`) still merges.
  if (isUnrelatedToFetch(previous, current) || isUnrelatedToFetch(current, previous)) return false;
  // `addgroup app` then `adduser -G app app`: two layers of a few bytes of /etc/passwd; merging
  // them saves nothing measurable, and reviewers would not ask for it.
  if (isAccountRun(previous) && isAccountRun(current)) return false;
  // `apk add curl` then `adduser app`, `rm /var/cache/apk/*` then `addgroup app`: the account's
  // layer holds a few bytes and the other step neither writes nor frees anything the user owns, so
  // the merge saves nothing (held-out I, J and the tuned set: 3 of 3 such pairs judged debatable).
  if ((isAccountRun(previous) && isUnrelatedToAccount(current)) || (isAccountRun(current) && isUnrelatedToAccount(previous))) return false;
  // `RUN rm -rf ./website` then `RUN rm -rf ./reporter`, `RUN rm -rf .../npm` then `RUN apk upgrade`:
  // what the deletion removes sits in an earlier layer, so it frees nothing merged or apart; the
  // merge saves a layer entry, not a byte (held-out H, J: 2 of 2 such runs judged debatable). A
  // deletion of what the other RUN writes or reads (`php composer-setup.php` then `rm
  // composer-setup.php`, a `cp` of a folder then `rm` of its source) still merges.
  if (isUnrelatedDeletion(previous, current) || isUnrelatedDeletion(current, previous)) return false;
  // `useradd --home /app app` then `chown app /app` (the WORKDIR): one RUN adds an account, the
  // other only changes a directory's owner or mode, so neither layer holds file data and merging
  // saves a layer entry, not a byte (held-out L: debatable). A chown or chmod of a file copies the
  // whole file into its layer, and still merges; so does a `mkdir` for the account's data.
  if ((isAccountRun(previous) && isDirectoryModeRun(current)) || (isAccountRun(current) && isDirectoryModeRun(previous))) return false;
  // `apk add ...` then `chown app .` (the WORKDIR): the install's layer is what it is merged or
  // apart, and the other holds one directory's inode, so the merge saves a layer entry, not a byte
  // (held-out Q: debatable).
  if ((isUnrelatedToAccount(previous) && isDirectoryModeRun(current)) || (isUnrelatedToAccount(current) && isDirectoryModeRun(previous))) return false;
  // `sed -i ... www.conf` then `sed -i ... zz-docker.conf`: each layer holds the one file it
  // rewrote, merged or apart (held-out L: debatable).
  if (isInPlaceEditOfOtherFiles(previous, current)) return false;
  // Two build tasks (`yarn run re:build` then `bundle exec vite build`) write different output
  // and delete nothing, so merging saves no bytes; apart, a failing step reruns alone.
  if (isTaskRun(previous) && isTaskRun(current)) return false;
  // '&&' is not an operator of PowerShell (5) or a safe join under every SHELL: never advise it
  // there, nor where the shell is not seen (a Windows image of another publisher may set its own).
  if (mayRunOutsidePosixShell(instructions, index)) return false;
  // `setx PATH "%PATH%;C:\app"` sets the variable for the processes of later RUNs: one joined to
  // it with '&&' would not see it (held-out BD, OctopusTentacle: judged wrong).
  if (soleCommand(previous)?.name.toLowerCase() === "setx") return false;
  if (isDevelopment && !isIndexUpdate(previous)) return false;
  if (isSplitOnPurpose(model, instructions, index)) return false;
  // `COPY awg /usr/bin/; RUN chmod +x /usr/bin/awg` then `# Install Linux packages` and
  // `RUN apk add ...`: the comment opens another part of the file, and the first RUN finishes
  // the part before it; reviewers judged joining across that boundary not worth a change.
  if (opensNewSection(model, instructions, index)) return false;
  // `# Add the CLI's link` + `RUN ln -s ...`, then `# Set up a user` + `RUN useradd ...`: each RUN
  // is a step the author explained on its own and writes only a few bytes (a link, an account, a
  // directory), so merging saves a layer entry and parts the comments from their lines (held-out
  // Q: debatable). Commented RUNs that write files (`cp -r`, `chmod -R`, `sed -i`) still merge.
  if (isTinyRun(previous) && isTinyRun(current) && isEachExplained(model, instructions, index)) return false;
  // `adduser -S www-data` then `echo "www-data ALL=..." >> /etc/sudoers`, `mkdir -p /app/.config`
  // then `ln -s dist/version.json version.json`: two different steps that each write a few bytes and
  // name no path of the other. The image holds the same bytes merged or apart, and nothing one
  // writes is undone by the other (held-out W, tuned set: debatable). The same command twice
  // (`mkdir a` then `mkdir b`) and two steps on one path (`mkdir .next` then `chown app .next`)
  // are one step split in two, and still merge.
  if (areUnrelatedTinyRuns(previous, current)) return false;
  // `deno install` then `deno cache main.ts`: the second only fills Deno's module cache with what
  // the entry file imports, next to what the first fetched. Neither deletes anything, so merging
  // saves no byte, and apart the warm-up reruns alone (held-out N, U, W: 3 of 3 debatable).
  if ((isModuleCacheWarmUp(previous) && isDenoRun(current)) || (isModuleCacheWarmUp(current) && isDenoRun(previous))) return false;
  // `RUN echo $TARGETARCH`, `RUN ls -la /app`: a step that only prints to the build log writes an
  // empty layer; merged, it still prints. The change worth making is deleting it, which a merge
  // advice hides (held-out Y: debatable).
  if (isPrintOnlyRun(previous) || isPrintOnlyRun(current)) return false;
  // A smoke test (`RUN ["/usr/bin/app", "--version"]`) writes nothing and is kept apart as a check.
  return !isSmokeTest(previous) && !isSmokeTest(current);
}

/** One finding for RUNs that could all be one, on the second; the fix merges every one into the first. */
function reportChain(model: DockerfileModel, chain: Instruction[], report: ReportFn): void {
  // `RUN apk add ...`, `RUN mkdir /app`, `WORKDIR /app`: the mkdir is not a step to merge but one
  // to delete, since WORKDIR creates the folder (held-out X: right as a needless layer, Y:
  // debatable as a merge). The finding keeps its place and names that remedy.
  const workdir = nextWorkdirCreatingFolders(model, chain[chain.length - 1]);
  if (workdir !== null) {
    const mkdir = chain[chain.length - 1];
    const line = workdir.range.start.line + 1;
    const edits = [{ range: { start: { line: mkdir.range.start.line, character: 0 }, end: { line: mkdir.range.end.line + 1, character: 0 } }, newText: "" }];
    report({ range: mkdir.keywordRange, messageId: "folderOfNextWorkdir", data: { line }, fix: { title: "Delete the RUN", edits } });
    if (chain.length > 2) reportChain(model, chain.slice(0, -1), report);
    return;
  }
  const [first, second] = chain;
  const last = chain[chain.length - 1];
  const merges = chain.slice(1).map((run, k) => mergeIntoPreviousRun(model, chain[k], run));
  const edits = merges.every((e) => e !== null) ? merges.flat() : null;
  const firstLine = first.range.start.line + 1;
  if (chain.length === 2) {
    report({
      range: second.keywordRange,
      messageId: "consecutive",
      data: { line: firstLine },
      fix: edits ? { title: `Merge into the RUN on line ${firstLine}`, edits } : undefined,
    });
    return;
  }
  report({
    range: second.keywordRange,
    messageId: "consecutiveMany",
    data: { count: chain.length, first: firstLine, last: last.range.start.line + 1 },
    fix: edits ? { title: `Merge the ${chain.length} RUNs into the one on line ${firstLine}`, edits } : undefined,
  });
}

/** Programs that, with no redirection, only print: to the build log, as a debugging aid. */
const PRINT_ONLY = new Set(["echo", "printf", "ls", "pwd", "env", "printenv", "whoami", "id", "uname", "cat", "which", "df", "du", "tree", "date"]);

/** A RUN whose single command only prints to the build log (`RUN echo $TARGETARCH`, `RUN ls -la`). */
function isPrintOnlyRun(run: Instruction): boolean {
  const command = soleCommand(run);
  if (command === null || !PRINT_ONLY.has(command.name) || command.assignments.length > 0) return false;
  // `echo x > file` writes a file; `$(...)` or backquotes may run anything.
  return !command.words.some((w) => (!w.quoted && /[<>]/.test(w.value)) || /\$\(|`/.test(w.value));
}

/** Instructions that neither touch the file system nor change the user a folder would belong to. */
const METADATA_ONLY = new Set(["ENV", "ARG", "LABEL", "EXPOSE", "MAINTAINER", "STOPSIGNAL", "HEALTHCHECK"]);

/**
 * The WORKDIR right after `run` (metadata instructions between), when `run` is a bare `mkdir` (no
 * mode, no user set in the stage) of that folder or folders above it: WORKDIR creates them all the
 * same, so the RUN does nothing. Null otherwise.
 */
function nextWorkdirCreatingFolders(model: DockerfileModel, run: Instruction): Instruction | null {
  const stage = run.stage;
  const command = soleCommand(run);
  if (stage === null || command === null || command.name !== "mkdir" || command.assignments.length > 0) return null;
  if (command.words.some((w) => !w.quoted && /[<>]/.test(w.value))) return null;
  const options = command.args.filter((a) => a.value.startsWith("-")).map((a) => a.value);
  if (!options.every((o) => o === "-p" || o === "--parents" || o === "-v" || o === "--verbose")) return null;
  // A folder made by a USER other than root: keep clear of who owns what.
  if (lineage(stage).some((s) => s.instructions.some((i) => i.keyword === "USER" && (s !== stage || i.ordinal < run.ordinal)))) return null;
  const after = stage.instructions.filter((i) => i.ordinal > run.ordinal);
  const next = after.find((i) => !METADATA_ONLY.has(i.keyword));
  if (next === undefined || next.keyword !== "WORKDIR") return null;
  const following = after[after.indexOf(next) + 1];
  const workdir = workdirOf(model, stage, following);
  const base = workdirOf(model, stage, run);
  const operands = command.args.filter((a) => !a.value.startsWith("-")).map((a) => a.value);
  if (workdir === null || operands.length === 0) return null;
  // Each folder is the WORKDIR or above it; a variable, glob or quote is not followed.
  const covered = operands.every(
    (o) => !/[$`*?{~'"\\]/.test(o) && (o.startsWith("/") || base !== null) && isSameOrParentPath(joinPath(base ?? "/", o), workdir),
  );
  return covered ? next : null;
}

/** A RUN whose only command prints the program's version or help: a check of what was installed. */
function isSmokeTest(run: Instruction): boolean {
  const words = run.isJsonForm ? run.args.map((a) => a.value) : (run.commands.find((c) => c.program !== null)?.words.map((w) => w.value) ?? []);
  return words.length === 2 && /^(?:--version|-version|-v|-V|version|--help|-h)$/.test(words[1]);
}

/** A RUN running one simple command (exec form counts as one); ONBUILD triggers are not RUNs here. */
function isSingleCommandRun(instruction: Instruction): boolean {
  if (instruction.keyword !== "RUN") return false;
  if (instruction.isJsonForm) return true;
  return instruction.commands.filter((c) => c.program !== null).length <= 1;
}

/** Package-manager tools whose setup steps (`npm install -g`, `bundle config`) belong with their installs. */
const TOOL_FAMILY: Readonly<Record<string, string>> = {
  npm: "npm",
  yarn: "yarn",
  pnpm: "pnpm",
  bun: "bun",
  bundle: "bundler",
  bundler: "bundler",
  gem: "gem",
  composer: "composer",
  pip: "pip",
  pip3: "pip",
};
const SETUP_SUBCOMMANDS = new Set(["install", "i", "add", "config", "set"]);

/** What a single-command RUN is, for deciding whether it may join its neighbour. */
interface RunKind {
  /** The package manager it drives (`apt`, `apk`, `pip`, `npm`...), or null for any other step. */
  manager: string | null;
  /** A language-level install (npm, pip, bundler...), whose cached layer a merge would tie to the other step. */
  isDependencyInstall: boolean;
  /** The install of what the project's manifests list (`npm ci`, `bundle install`). */
  isProjectInstall: boolean;
  /** An install of packages the command names (`npm install -g serve`, `pip install flask`). */
  isNamedInstall: boolean;
}

function runKindOf(run: Instruction): RunKind {
  const none = { manager: null, isDependencyInstall: false, isProjectInstall: false, isNamedInstall: false };
  const command = run.commands.find((c) => c.program !== null);
  if (command === undefined) return none;
  const system = systemPackageCommand(command);
  if (system !== null) return { ...none, manager: system.manager };
  // `pip install .` builds and installs the project: the slow step of its own a merge would rerun.
  if (installsProjectFromSources(command)) return { manager: "pip", isDependencyInstall: true, isProjectInstall: true, isNamedInstall: false };
  const isNamedInstall = installsNamedPackages(command);
  const install = dependencyInstall(command);
  if (install !== null) return { manager: install.ecosystem, isDependencyInstall: true, isProjectInstall: !isNamedInstall, isNamedInstall };
  const family = TOOL_FAMILY[command.name];
  const sub = command.args.find((a) => !a.value.startsWith("-"))?.value ?? "";
  if (family !== undefined && SETUP_SUBCOMMANDS.has(sub)) return { ...none, manager: family, isDependencyInstall: true, isNamedInstall };
  return none;
}

/**
 * True when merging the two RUNs would tie unrelated caching together: installs of two package
 * managers (`apt-get install` + `pip install`), the project's install and a tool named on its own
 * (`npm install` + `npm install -g serve`: the tool would reinstall with every manifest change), or
 * a language install and a step of another kind (`npm ci` + `npm run build`). A system install and
 * a plain step (`apk add` + `mkdir`) may merge.
 */
function mixesPackageSteps(previous: Instruction, current: Instruction): boolean {
  const a = runKindOf(previous);
  const b = runKindOf(current);
  if ((a.isProjectInstall && b.isNamedInstall) || (a.isNamedInstall && b.isProjectInstall)) return true;
  if (a.manager !== null && b.manager !== null) return a.manager !== b.manager;
  return a.isDependencyInstall || b.isDependencyInstall;
}

/**
 * What a RUN whose single command clones a Git repository puts on disk (`git clone <url> [dir]`):
 * its destination (the repository's name when none is given); null for any other RUN.
 */
function clonedPaths(run: Instruction): string[] | null {
  const command = soleCommand(run);
  if (command === null || command.name !== "git") return null;
  const words = command.args.map((a) => normalisedPath(a.value)).filter((w) => !w.startsWith("-"));
  if (words[0] !== "clone" || words.length < 2) return null;
  // Options taking a value (`--branch v1`, `-b v1`, `--depth 1`) leave their value among the words:
  // the URL is the first word that looks like one, the destination the word after it.
  const at = words.findIndex((w) => /^(?:[a-z+]+:\/\/|git@)/.test(w));
  if (at < 0) return null;
  const name =
    words[at]
      .replace(/\.git$/, "")
      .split(/[/:]/)
      .pop() ?? "";
  // Without a destination the clone lands in a folder named after the repository.
  const dest = words[at + 1] ?? name;
  return dest.length > 1 ? [dest] : [];
}

/**
 * True when `run` only clones a repository and no word of `other` names the clone's folder (or a
 * path inside or above it) or git itself: `other` neither uses nor prepares it.
 */
function isUnrelatedToFetch(run: Instruction, other: Instruction): boolean {
  const fetched = clonedPaths(run);
  if (fetched === null || fetched.length === 0) return false;
  const words = other.commands.flatMap((c) => c.words.map((w) => normalisedPath(w.value))).filter((w) => w.length > 1);
  if (words.includes("git")) return false;
  return !fetched.some((f) => words.some((w) => w.includes(f) || (w.includes("/") && f.startsWith(`${w}/`))));
}

/** A RUN whose command creates or changes a user or group (`addgroup -S app`, `useradd -r app`). */
function isAccountRun(run: Instruction): boolean {
  const command = run.commands.find((c) => c.program !== null);
  return command !== undefined && isAccountCommand(command);
}

/** A RUN that installs or upgrades system packages, or deletes files: nothing a new account owns. */
function isUnrelatedToAccount(run: Instruction): boolean {
  const command = run.commands.find((c) => c.program !== null);
  if (command === undefined) return false;
  const action = systemPackageCommand(command)?.action;
  return action === "install" || action === "upgrade" || command.name === "rm";
}

/** A path as written, without quotes, a leading `./` and trailing slashes or globs. */
function normalisedPath(value: string): string {
  return value
    .replace(/^["']|["']$/g, "")
    .replace(/^\.\//, "")
    .replace(/(?:\/\*?)+$/, "");
}

/** True when `run` only deletes (`rm`) paths that no word of `other` names, inside or above them. */
function isUnrelatedDeletion(run: Instruction, other: Instruction): boolean {
  const command = run.commands.find((c) => c.program !== null);
  if (command === undefined || command.name !== "rm") return false;
  const targets = command.args.filter((a) => !a.value.startsWith("-")).map((a) => normalisedPath(a.value));
  if (targets.length === 0 || targets.some((t) => t === "" || t === "/")) return false;
  const words = other.commands.flatMap((c) => c.words.map((w) => normalisedPath(w.value))).filter((w) => w.length > 1);
  // Whole path segments: `rm -rf docker/` names nothing of `cp .env.example_docker .env`.
  return !targets.some((t) => words.some((w) => `/${w}/`.includes(`/${t}/`) || (w.includes("/") && t.startsWith(w + "/"))));
}

/** The single command of a shell-form RUN (null for exec form or none). */
function soleCommand(run: Instruction): ShellCommand | null {
  if (run.isJsonForm) return null;
  return run.commands.find((c) => c.program !== null) ?? null;
}

/** Options of chown and chmod that make them recurse into a folder's files (and copy them up). */
const RECURSIVE = /^(?:-[a-zA-QS-Z]*R[a-zA-Z]*|--recursive)$/;

/**
 * A RUN that only changes the owner or mode of directories the file shows to be ones (a WORKDIR
 * before it, a path written with a trailing slash), without `-R`: its layer holds a few inodes and
 * no file data.
 */
function isDirectoryModeRun(run: Instruction): boolean {
  const command = soleCommand(run);
  if (command === null || (command.name !== "chown" && command.name !== "chmod") || command.args.some((a) => RECURSIVE.test(a.value))) return false;
  if (command.words.some((w) => !w.quoted && /[<>]/.test(w.value))) return false;
  const operands = command.args.filter((a) => !a.value.startsWith("-")).slice(1);
  const workdirs = new Set(
    (run.stage?.instructions ?? []).filter((i) => i.keyword === "WORKDIR" && i.ordinal < run.ordinal).map((i) => normalisedPath(i.args[0]?.value ?? "")),
  );
  // `.` is the WORKDIR itself.
  return operands.length > 0 && operands.every((a) => a.value.endsWith("/") || /^\.\/?$/.test(a.value) || workdirs.has(normalisedPath(a.value)));
}

/** The absolute or relative paths the RUN's single command names (its non-option words). */
function pathsOf(run: Instruction): string[] {
  const command = soleCommand(run);
  if (command === null) return [];
  return command.args
    .filter((a) => !a.value.startsWith("-"))
    .map((a) => normalisedPath(a.value))
    .filter((p) => p.includes("/"));
}

/** The file a `sed -i` RUN rewrites in place, when it names exactly one. */
function inPlaceEditedFile(run: Instruction): string | null {
  const command = soleCommand(run);
  if (command === null || command.name !== "sed" || !command.args.some((a) => /^-[a-zA-Z]*i/.test(a.value) || a.value.startsWith("--in-place"))) return null;
  const files = pathsOf(run).filter((p) => !/^s\W/.test(p));
  return files.length === 1 ? files[0] : null;
}

/** Two `sed -i` RUNs, each rewriting one file, and not the same one. */
function isInPlaceEditOfOtherFiles(previous: Instruction, current: Instruction): boolean {
  const a = inPlaceEditedFile(previous);
  const b = inPlaceEditedFile(current);
  return a !== null && b !== null && a !== b;
}

/** A RUN whose command is a build task of the project (`pnpm build`, `bundle exec rake assets:precompile`). */
function isTaskRun(run: Instruction): boolean {
  const command = run.commands.find((c) => c.program !== null);
  return command !== undefined && (isProjectTask(command) || BUILD_SCRIPT.test(command.name));
}

/**
 * A project script named for building or testing (`gosu-build-and-test.sh`, `./build.sh`,
 * `scripts/compile`): one RUN per architecture or target of it is kept apart so each build caches
 * and fails on its own (tianon/gosu's ten per-architecture builds, held-out AC: wrong to merge).
 */
const BUILD_SCRIPT = /(?:^|[-_.])(?:build|test|tests|compile|make)(?:[-_.]|$)/i;

/**
 * True when the RUN at `index` may run outside a POSIX shell: a SHELL before it in the stage
 * switches to PowerShell or cmd, or none does on a Windows image other than Microsoft's own OS
 * images (whose shell is cmd, joined with '&&' as sh is): another publisher's may set PowerShell.
 */
function mayRunOutsidePosixShell(instructions: Instruction[], index: number): boolean {
  const shell = instructions
    .slice(0, index)
    .filter((i) => i.keyword === "SHELL")
    .pop();
  if (shell === undefined) {
    const stage = instructions[index].stage;
    const image = stage === null ? null : windowsRootImage(stage);
    return image !== null && !/^mcr\.microsoft\.com\/windows\//.test(image);
  }
  return /^(?:.*[\\/])?(?:powershell|pwsh|cmd)(?:\.exe)?$/i.test(shell.args[0]?.value ?? "");
}

/** `apt-get update` or `apk update` alone: merging it with the install that follows is a correctness fix. */
function isIndexUpdate(instruction: Instruction): boolean {
  return instruction.commands.some((c) => systemPackageCommand(c)?.action === "update");
}

/**
 * True when a comment stands between the two RUNs while the first one has no heading of its own: no
 * comment between it and the instruction before it, and it is not the stage's first instruction
 * (which the FROM line heads). Two RUNs that each come under their own comment ("# Create user",
 * "# Fix ownership") are steps of one documented sequence and still merge.
 */
function opensNewSection(model: DockerfileModel, instructions: Instruction[], index: number): boolean {
  const previous = instructions[index - 1];
  const current = instructions[index];
  if (commentsBetween(model, previous.range.end.line, current.range.start.line).length === 0) return false;
  const before = instructions[index - 2];
  if (before === undefined || before.keyword === "FROM") return false;
  return commentsBetween(model, before.range.end.line, previous.range.start.line).length === 0;
}

/** A RUN whose layer holds no file data: a symlink (`ln -s`), an empty directory, an account, a directory's owner or mode. */
function isTinyRun(run: Instruction): boolean {
  const command = soleCommand(run);
  if (command === null) return false;
  if (command.words.some((w) => !w.quoted && /[<>]/.test(w.value))) return false;
  if (command.name === "ln") return command.args.some((a) => /^-[a-rt-zA-Z]*s[a-zA-Z]*$|^--symbolic$/.test(a.value));
  return command.name === "mkdir" || isAccountRun(run) || isDirectoryModeRun(run);
}

/** A RUN whose command appends or writes a line of text into a file (`echo "x" >> /etc/sudoers`). */
function isConfigLineRun(run: Instruction): boolean {
  const command = soleCommand(run);
  return command !== null && (command.name === "echo" || command.name === "printf") && command.words.some((w) => !w.quoted && /^\d?>>?/.test(w.value));
}

/** The paths a single-command RUN names: its non-option operands and redirect targets, normalised. */
function namedPaths(run: Instruction): string[] {
  const command = soleCommand(run);
  if (command === null) return [];
  return command.args
    .filter((a) => !a.value.startsWith("-"))
    .map((a) => normalisedPath(a.value.replace(/^\d?>>?/, "")))
    .filter((p) => p.length > 0);
}

/** True when a path of one RUN equals a path of the other or lies inside it, by whole segments. */
function sharePath(a: Instruction, b: Instruction): boolean {
  const pathsOfB = namedPaths(b);
  return namedPaths(a).some((p) => pathsOfB.some((q) => isSameOrParentPath(q, p) || isSameOrParentPath(p, q)));
}

/**
 * Two RUNs of different commands, each writing a few bytes (see isTinyRun, and a line echoed into a
 * file), that name no path in common and are not an account and a folder.
 */
function areUnrelatedTinyRuns(previous: Instruction, current: Instruction): boolean {
  const tiny = (run: Instruction): boolean => isTinyRun(run) || isConfigLineRun(run);
  if (!tiny(previous) || !tiny(current)) return false;
  if (soleCommand(previous)?.name === soleCommand(current)?.name) return false;
  // A `mkdir` next to a new account is often the account's data folder, named by no word of the
  // account's RUN (`useradd app` then `mkdir /data`): one setup step that still merges.
  if ((isAccountRun(previous) || isAccountRun(current)) && (soleCommand(previous)?.name === "mkdir" || soleCommand(current)?.name === "mkdir")) return false;
  return !sharePath(previous, current);
}

/** A RUN of the Deno CLI. */
function isDenoRun(run: Instruction): boolean {
  return soleCommand(run)?.name === "deno";
}

/** `deno cache <file>` or `deno install --entrypoint <file>`: fills the module cache with what an entry file imports. */
function isModuleCacheWarmUp(run: Instruction): boolean {
  const command = soleCommand(run);
  if (command === null || command.name !== "deno") return false;
  const sub = command.args.find((a) => !a.value.startsWith("-"))?.value;
  if (sub === "cache") return true;
  return sub === "install" && command.args.some((a) => a.value === "-e" || a.value.startsWith("--entrypoint"));
}

/** True when a comment stands directly above each of the two RUNs (after the instruction before each). */
function isEachExplained(model: DockerfileModel, instructions: Instruction[], index: number): boolean {
  const previous = instructions[index - 1];
  const current = instructions[index];
  // The first RUN of a stage is headed by its FROM line.
  const above = instructions[index - 2]?.range.end.line ?? previous.stage?.from.range.end.line;
  if (above === undefined) return false;
  return (
    commentsBetween(model, previous.range.end.line, current.range.start.line).length > 0 && commentsBetween(model, above, previous.range.start.line).length > 0
  );
}

/** A comment saying RUNs are split on purpose: "split", "separate", "own layer", "break into steps for caching". */
const SPLIT_ON_PURPOSE = /\b(?:split|separate(?:ly)?|own (?:RUN|layer)s?|break (?:it |them |this )?(?:into|up)|for (?:better )?caching)\b/i;

/** True when a comment above the run of RUNs says they are split on purpose ("Split into separate RUN commands ..."). */
function isSplitOnPurpose(model: DockerfileModel, instructions: Instruction[], index: number): boolean {
  const current = instructions[index];
  let first = index - 1;
  while (first > 0 && isSingleCommandRun(instructions[first - 1])) first--;
  const from = first > 0 ? instructions[first - 1].range.end.line : -1;
  return model.comments.some((c) => c.range.start.line > from && c.range.start.line < current.range.start.line && SPLIT_ON_PURPOSE.test(c.content));
}
