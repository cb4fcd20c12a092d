// layer-chown-after-copy: `COPY app /srv/app` then `RUN chown -R app /srv/app` stores every copied
// file twice: once in the COPY's layer, again in the RUN's layer with the new owner, since a layer
// records a changed owner as a changed file. `COPY --chown` (BuildKit and the classic builder alike)
// writes the files with their owner in one layer. Reviewers on held-out sets raised it on real files
// (a chown of a copied venv, of a PHP app tree) where no rule did.
//
// A recursive chmod of the copied folder with an octal mode (`chmod -R 755 /app`) stores the files
// twice the same way, and `COPY --chmod` (BuildKit) sets the mode in the COPY's layer; so does
// `chmod +x` of one program a COPY brought from a stage (`COPY --from=build /out/server
// /usr/local/bin/`): a built binary is no small file, unlike a script from the context. Symbolic modes other than `+x` (`u=rwX`,
// `g=u`) have no single octal equivalent, and non-octal `--chmod` needs Dockerfile syntax 1.14:
// left alone. Reviewers raised these on held-out sets (SickChill, wireguard-ui, semaphore).
//
// Only where the remedy is the whole story: the chown names the COPY's destination itself, and no
// RUN runs between the two that may write into it (an install in between writes files the chown
// also hands over, which `--chown` on the COPY would not): only ones that create the account the
// chown names or write nothing of weight (LIGHT_STEP). A chown of a folder above the copies counts
// when nothing before them wrote into that folder but folders and small files. Single files are
// left alone: their second copy costs little.

import { addedRemoteProgramPath, copiedProgramPath } from "../model/built-programs";
import { isAccountCommand, systemPackageCommand } from "../model/commands";
import { createdLogin } from "../model/image-data";
import { copyPaths, isSameOrParentPath, joinPath, unquoteWord } from "../model/copy-paths";
import { environmentViewAt } from "../model/environment";
import { finalImageStages } from "../model/final-image";
import { allRunInstructions } from "../model/run-instructions";
import type { ShellCommand, Word } from "../model/shell";
import { lineage } from "../model/stage-graph";
import { checkImagesThatShip } from "../model/pushed-images";
import { developmentPurpose } from "../model/stage-purpose";
import type { TextEdit } from "../model/text";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { substituteVariables } from "../model/variables";
import { commandDirectory, workdirOf } from "../model/workdir";
import { hasWildcard } from "../model/copies";
import { rootImageName } from "../images/base-image";
import { startsInRoot } from "../images/image-env";
import type { Fix, Report, ReportFn, Rule } from "./types";

/** Commands of a RUN that only prepares a user and hands it files: `mkdir`, `chown`, `chmod`, `id`. */
const OWNERSHIP_STEP = new Set(["chown", "chmod", "chgrp", "mkdir", "id", "set", "true", "echo", "ln", "touch"]);

/**
 * Commands that write nothing of weight into a copied folder: they delete, rename or edit a few
 * files in place, test, or clean the package index. A RUN of these (and ownership steps) beside a
 * chown, or between the COPY and the chown, leaves the copied files to be stored twice all the same
 * (held-out CR: NewTon's `mv` and `rm -rf` of its web root, GeneWeb's `touch log/*.log`; reviewers
 * raised such misses in most sets). Installs and builds are not among them: they may fill the
 * folder with files the chown must hand over.
 */
const LIGHT_STEP = new Set(["rm", "rmdir", "unlink", "mv", "sed", "printf", "test", "[", "[[", "cd", "export", ":"]);

/**
 * Syntax checks that read the copied sources and write nothing (`perl -c`, `ruby -c`, `php -l`,
 * `sh -n`, `node --check`; held-out N and U, Bugzilla's `chown -R app:app /app && perl -c ...`).
 */
const SYNTAX_CHECK_FLAG: ReadonlyMap<string, RegExp> = new Map([
  ["perl", /^-[abd-zA-Z]*c[a-zA-Z]*$/],
  ["ruby", /^-c$/],
  ["php", /^-l$/],
  ["sh", /^-n$/],
  ["bash", /^-n$/],
  ["node", /^(?:-c|--check)$/],
]);

/**
 * True when `command` prepares ownership or writes nothing of weight (see LIGHT_STEP): also `cp`
 * of single files, a `find` that only deletes (`find /var/lib/apt/lists -type f -delete`; held-out
 * CK, lido-oracle) and a syntax check.
 */
function isLightStep(command: ShellCommand): boolean {
  if (command.program === null || OWNERSHIP_STEP.has(command.name) || LIGHT_STEP.has(command.name) || isAccountCommand(command)) return true;
  if (command.name === "cp") return !command.args.some((w) => /^-[a-zA-Z]*[rRa]/.test(w.value) || /^--(?:recursive|archive)$/.test(w.value));
  if (command.name === "find") return command.args.some((w) => w.value === "-delete") && !command.args.some((w) => /^-(?:exec|ok|fprint)/.test(w.value));
  const check = SYNTAX_CHECK_FLAG.get(command.name);
  if (check !== undefined) return command.args.some((w) => check.test(w.value));
  // apk and apt removing packages or cleaning their caches (`apk del`, `apt-get clean`, `apt-get purge`).
  const pkg = systemPackageCommand(command);
  return (pkg?.manager === "apk" || pkg?.manager === "apt") && (pkg.action === "remove" || pkg.action === "clean");
}

export const rule: Rule = {
  meta: {
    id: "layer-chown-after-copy",
    family: "layers",
    severity: "info",
    description: "Give copied files their owner and mode with COPY --chown and --chmod, not a chown or chmod in a later RUN.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      chownAfterCopy: "'chown -R' stores line {line}'s files twice; use 'COPY --chown={owner}', chown without -R.",
      chownRepeatsCopy: "'chown -R' repeats the owner line {line}'s COPY set, storing its files twice; drop '-R'.",
      chownParentAfterCopy: "'chown -R {folder}' stores line {line}'s files twice; use COPY --chown={owner}, chown the rest.",
      // The account is created after the COPY (`COPY app/ app/`, `RUN adduser ...`, `RUN chown -R`):
      // `--chown` with its name would fail there, so the remedy starts with moving its creation up
      // (held-out BN relabel, whoogle-search: the message did not say so).
      chownAfterCopyAccountLater: "'chown -R' stores line {line}'s files twice; create {user} before that COPY, then use --chown.",
      chownParentAccountLater: "'chown -R {folder}' stores line {line}'s files twice; create {user} before that COPY, then use --chown.",
      chmodAfterCopy: "'chmod -R' stores line {line}'s files twice; use 'COPY --chmod={mode}', chmod without -R.",
      chmodFileAfterCopy: "'chmod' stores '{file}' from line {line} twice; use 'COPY --chmod={mode}' instead.",
      // A release binary downloaded by `ADD <url>` (mode 600 as it arrives; held-out BC, minio/mc).
      chmodFileAfterAdd: "'chmod' stores '{file}' from line {line} twice; use 'ADD --chmod={mode}' instead.",
    },
  },
  check(model, report) {
    // A test stage last in the file judges nothing: the images CI pushes with --target are judged instead.
    checkImagesThatShip(model, report, checkImage);
  },
};

/** The check on one image that ships (the file's own, or a pushed target's). */
function checkImage(model: DockerfileModel, report: ReportFn): void {
  // No chown or chmod in any RUN, the usual case: nothing to weigh (issue #16).
  if (!allRunInstructions(model).some((run) => run.commands.some((command) => command.name === "chown" || command.name === "chmod"))) return;
  // Development and CI images are rebuilt, not shipped: their size is nobody's concern.
  if (developmentPurpose(model) !== null) return;
  for (const stage of finalImageStages(model)) {
    // Folder copies since the last RUN, by destination: a RUN may write into them, so it ends the window.
    let copies = new Map<string, Instruction>();
    // Single files copied from a stage since the last RUN, by their path in the image.
    let files = new Map<string, Instruction>();
    for (const instruction of stage.instructions) {
      if (instruction.keyword === "COPY" || instruction.keyword === "ADD") {
        const dest = folderCopyDestination(model, stage, instruction);
        if (dest !== null) copies.set(dest, instruction);
        const file = copiedProgramPath(model, stage, instruction) ?? addedRemoteProgramPath(model, stage, instruction);
        if (file !== null) files.set(file, instruction);
        continue;
      }
      if (instruction.keyword !== "RUN") continue;
      // A RUN that only creates the account (`adduser -S app`) between the COPY and the chown
      // writes nothing into the copied folders: the window stays open. The account's home named
      // inside a copied folder (`adduser -h /app`) may put files there: it closes the window.
      if (createsOnlyAccountsOutside(instruction, [...copies.keys()])) continue;
      // A RUN that also builds or installs may write into the folder before its chown, in the same
      // layer: the chown then hands those files over too, which `--chown` on the COPY would not.
      const isLightRun = instruction.commands.every(isLightStep);
      let chownReported = false;
      let reported = false;
      for (const command of isLightRun ? instruction.commands : []) {
        const chmod = copiedModeChange(model, stage, instruction, command, copies, files);
        if (chmod !== null) {
          // Each chmod of what was copied is a finding of its own: the mode and the owner are two
          // flags on the COPY, and each program is stored twice on its own.
          report(chmod);
          reported = true;
          continue;
        }
        // A chown of the folder is reported once per RUN; each chmod of what was copied, beside it.
        if (chownReported) continue;
        const chown = chownAfterCopies(model, stage, instruction, command, copies);
        if (chown !== null) {
          report(chown);
          chownReported = true;
          reported = true;
        }
      }
      // A light RUN that reported nothing and hands over none of the copies (`RUN rm -rf
      // /var/www/html/docker`, `RUN chmod +x /entrypoint.sh`) leaves them as they were: the window
      // stays open for a later chown. Anything else closes it.
      // An account created there may have its home in a copied folder (createsOnlyAccountsOutside
      // let the others through above): it closes the window too.
      if (isLightRun && !reported && !instruction.commands.some(isAccountCommand) && !changesOwnershipOf(model, stage, instruction, [...copies.keys()]))
        continue;
      copies = new Map();
      files = new Map();
    }
  }
}

/**
 * The report for a recursive chown of what the window's copies brought (the folder itself, or a
 * folder above them the file made), or null when the chown hands over more than they brought.
 */
function chownAfterCopies(
  model: DockerfileModel,
  stage: Stage,
  instruction: Instruction,
  command: ShellCommand,
  copies: ReadonlyMap<string, Instruction>,
): Report | null {
  const chown = recursiveChown(model, stage, instruction, command);
  if (chown === null) return null;
  const target = chown.paths.find((p) => copies.has(p));
  const copy = target === undefined ? undefined : copies.get(target);
  if (target === undefined || copy === undefined) {
    // A chown of a folder above the copies (`COPY --from=build /out/app /srv/app/app`, then
    // `chown -R app /srv/app`) walks into their files all the same.
    const parent = parentChown(model, stage, chown, copies);
    if (parent === null) return null;
    // A later chown of the same folder in the RUN (`chown -R 1001 /work && ... && chown -R
    // 1001:root /work`) sets the owner the files end with: that one is named.
    const last = instruction.commands
      .slice(instruction.commands.indexOf(command) + 1)
      .map((c) => recursiveChown(model, stage, instruction, c))
      .filter((c): c is RecursiveChown => c !== null && c.paths.includes(parent.folder))
      .pop();
    const owner = (last ?? chown).owner;
    const later = accountCreatedLater(stage, parent.copy, instruction, owner);
    return later === null
      ? {
          range: (last ?? chown).command.range,
          messageId: "chownParentAfterCopy",
          data: { folder: parent.folder, line: parent.copy.range.start.line + 1, owner },
        }
      : {
          range: (last ?? chown).command.range,
          messageId: "chownParentAccountLater",
          data: { folder: parent.folder, line: parent.copy.range.start.line + 1, user: later },
        };
  }
  // The folder held files before the COPY (an install's output): the chown hands those over
  // too, and `--chown` on the COPY would not.
  if (writtenBefore(model, stage, copy, target)) return null;
  const copyOwner = ownerFlag(copy);
  if (copyOwner !== null) {
    // Every copy into the folder already set this owner: the chown changes nothing but
    // stores the files again. Another owner on any of them is a choice left alone.
    const into = [...copies].filter(([dest]) => dest === target || dest.startsWith(`${target}/`)).map(([, c]) => ownerFlag(c));
    if (!into.every((owner) => owner !== null && sameOwner(owner, chown.owner))) return null;
    const edits = withoutRecursion(chown.command);
    return {
      range: command.range,
      messageId: "chownRepeatsCopy",
      data: { line: copy.range.start.line + 1 },
      suggest: edits === null ? undefined : [{ title: "Chown only the folder itself (drop -R)", edits }],
    };
  }
  const later = accountCreatedLater(stage, copy, instruction, chown.owner);
  if (later !== null) return { range: command.range, messageId: "chownAfterCopyAccountLater", data: { line: copy.range.start.line + 1, user: later } };
  // Folders made inside it after the copy (`mkdir -p /app/staticfiles /app/media` beside the chown)
  // need the owner too, which a chown without -R of the folder alone would not give them (held-out
  // Q relabel, Ghostwriter: Django's static and media folders left to root, judged wrong): the
  // remedy names the rest, as for a folder above the copies, with no suggestion.
  if (madeInsideSince(model, stage, copy, instruction, target))
    return { range: command.range, messageId: "chownParentAfterCopy", data: { folder: target, line: copy.range.start.line + 1, owner: chown.owner } };
  const fix = moveOwnerToCopy(stage, copy, chown);
  return {
    range: command.range,
    messageId: "chownAfterCopy",
    data: { line: copy.range.start.line + 1, owner: chown.owner },
    suggest: fix === null ? undefined : [fix],
  };
}

/**
 * The chown of a folder that holds copies of the window without `--chown` (the first of them is
 * named), when that folder is not `/` and nothing before that copy wrote into it: the chown then
 * hands over the copied files and what the file made there itself (a `mkdir` of a data folder),
 * which the remedy keeps, with no chown walking the copied files. No suggestion: which other paths
 * need the owner (a data folder, the folder itself) is for the author to name.
 */
function parentChown(
  model: DockerfileModel,
  stage: Stage,
  chown: RecursiveChown,
  copies: ReadonlyMap<string, Instruction>,
): { folder: string; copy: Instruction } | null {
  for (const folder of chown.paths) {
    if (folder === "/") continue;
    const inside = [...copies].filter(([dest, c]) => dest.startsWith(`${folder}/`) && ownerFlag(c) === null).map(([, c]) => c);
    if (inside.length === 0) continue;
    // A single file copied into the folder before them, with no RUN between (`COPY .git
    // /docker/.git` when no .git folder is seen), is the same window's: counted from there.
    const first = windowCopyInto(
      model,
      stage,
      inside.reduce((a, b) => (a.ordinal < b.ordinal ? a : b)),
      folder,
    );
    // Earlier files in the folder (an install's output, an earlier COPY) are handed over too.
    if (writtenBefore(model, stage, first, folder)) continue;
    // A folder the file does not make itself (`/etc/nginx`) may hold the base image's files,
    // which the chown hands over too.
    if (!madeByFile(model, stage, chown.run, folder) && !madeByFirstCopy(stage, first, folder)) continue;
    return { folder, copy: first };
  }
  return null;
}

/**
 * True when a WORKDIR of `stage` or a stage it builds on names `folder` before `run`, or a
 * `mkdir` there names it or a path below it: the file makes the folder for its own files.
 */
function madeByFile(model: DockerfileModel, stage: Stage, run: Instruction, folder: string): boolean {
  for (const s of lineage(stage)) {
    for (const instruction of s.instructions) {
      if (instruction === run) return false;
      if (instruction.keyword === "WORKDIR" && workdirOf(model, s, nextOf(s, instruction)) === folder) return true;
      if (instruction.keyword !== "RUN") continue;
      const scope = environmentViewAt(model, s, instruction);
      for (const command of instruction.commands) {
        if (command.name !== "mkdir") continue;
        const directory = commandDirectory(model, s, instruction, command);
        for (const word of command.args) {
          if (word.value.startsWith("-")) continue;
          const path = substituteVariables(unquoteWord(word.value), scope);
          if (path.unresolved.length > 0 || (!path.value.startsWith("/") && directory === null)) continue;
          const made = joinPath(directory ?? "/", path.value);
          if (isSameOrParentPath(folder, made)) return true;
        }
      }
    }
  }
  return false;
}

/**
 * The earliest COPY/ADD without `--chown` into `folder` among those right before `copy` in its
 * stage (only other COPY/ADD, metadata and account-creating RUNs between), or `copy` itself.
 */
function windowCopyInto(model: DockerfileModel, stage: Stage, copy: Instruction, folder: string): Instruction {
  let earliest = copy;
  for (let i = stage.instructions.indexOf(copy) - 1; i >= 0; i--) {
    const instruction = stage.instructions[i];
    if (instruction.keyword === "RUN") {
      if (createsOnlyAccountsOutside(instruction, [folder])) continue;
      break;
    }
    if (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") continue;
    const paths = copyPaths(instruction);
    const directory = workdirOf(model, stage, instruction);
    if (paths === null || ownerFlag(instruction) !== null || (!paths.dest.value.startsWith("/") && directory === null)) continue;
    const dest = joinPath(directory ?? "/", paths.dest.value);
    if (dest !== folder && isSameOrParentPath(folder, dest)) earliest = instruction;
  }
  return earliest;
}

/** The top-level folders of a distribution image (the FHS's, and those of the distributions' layouts). */
const DISTRIBUTION_TOP_FOLDERS = new Set([
  "bin",
  "boot",
  "dev",
  "etc",
  "home",
  "lib",
  "lib32",
  "lib64",
  "libx32",
  "media",
  "mnt",
  "opt",
  "proc",
  "root",
  "run",
  "sbin",
  "srv",
  "sys",
  "tmp",
  "usr",
  "var",
]);

/**
 * True when `folder` is a top-level folder a plain distribution image (`debian`, `alpine`) does not
 * have (`/docker`, `/app`) and no RUN before `first` names a path in it: the first COPY into it
 * makes it, so it holds only what the file put there (held-out BN, freeciv-web: twelve COPYs into
 * `/docker/...` and a `chown -R /docker`).
 */
function madeByFirstCopy(stage: Stage, first: Instruction, folder: string): boolean {
  const top = /^\/([^/]+)$/.exec(folder);
  if (top === null || DISTRIBUTION_TOP_FOLDERS.has(top[1]) || !startsInRoot(rootImageName(stage))) return false;
  for (const s of lineage(stage)) {
    for (const instruction of s.instructions) {
      if (instruction === first) return true;
      if (instruction.keyword !== "RUN") continue;
      if (instruction.commands.some((c) => c.args.some((word) => mentionsPath(word.value, folder)))) return false;
    }
  }
  return true;
}

/**
 * True when `word` names `folder` or a path in it anywhere (`/docker`, `--home=/docker`,
 * `"/docker/x"`), not another path that contains its name (`/dockerd`, `/etc/sudoers.d/docker`).
 */
function mentionsPath(word: string, folder: string): boolean {
  const isPathCharacter = (c: string | undefined) => c !== undefined && /[\w./-]/.test(c);
  for (let at = word.indexOf(folder); at >= 0; at = word.indexOf(folder, at + 1)) {
    const next = word[at + folder.length];
    if (!isPathCharacter(word[at - 1]) && (next === "/" || !isPathCharacter(next))) return true;
  }
  return false;
}

/** The instruction after `instruction` in its stage, or undefined at the stage's end (the stage's own end state). */
function nextOf(stage: Stage, instruction: Instruction): Instruction | undefined {
  return stage.instructions[stage.instructions.indexOf(instruction) + 1];
}

/**
 * True when every command of the RUN creates or changes an account (`addgroup`, `adduser`,
 * `useradd`...) and none names a path inside, or holding, one of `folders`.
 */
function createsOnlyAccountsOutside(run: Instruction, folders: readonly string[]): boolean {
  if (run.commands.length === 0 || !run.commands.some(isAccountCommand)) return false;
  if (!run.commands.every((c) => c.program === null || isAccountCommand(c))) return false;
  const related = (path: string) => folders.some((f) => path === f || path.startsWith(`${f}/`) || f.startsWith(`${path.replace(/\/+$/, "")}/`));
  return !run.commands.some((c) =>
    c.args.some((w, i) => {
      const value = unquoteWord(w.value).replace(/^-[a-z-]+=/i, "");
      // A path, or the value of a home or skeleton option, which may be a variable holding one.
      const isPath = value.includes("/") || HOME_OPTION.test(c.args[i - 1]?.value ?? "") || HOME_OPTION.test(w.value);
      return isPath && (value.includes("$") || related(value));
    }),
  );
}

/** True when a RUN after `copy`, up to `run` itself, makes a folder below `folder` (`mkdir -p /app/media`). */
function madeInsideSince(model: DockerfileModel, stage: Stage, copy: Instruction, run: Instruction, folder: string): boolean {
  return stage.instructions.some(
    (i) =>
      i.keyword === "RUN" &&
      i.ordinal > copy.ordinal &&
      i.ordinal <= run.ordinal &&
      i.commands.some((command) => {
        if (command.name !== "mkdir") return false;
        const operands = command.args.filter((w) => !w.value.startsWith("-"));
        return (resolvedPaths(model, stage, i, command, operands) ?? []).some((p) => p !== folder && isSameOrParentPath(folder, p));
      }),
  );
}

/**
 * True when a command of `run` changes the owner or mode of one of `folders` or something in or
 * above it (`chown -R app /app` not reported for its own reasons): the files may then have their
 * owner already, and a later chown is no longer the copy's only second store.
 */
function changesOwnershipOf(model: DockerfileModel, stage: Stage, run: Instruction, folders: readonly string[]): boolean {
  return run.commands.some((command) => {
    if (command.name !== "chown" && command.name !== "chmod" && command.name !== "chgrp") return false;
    const operands = command.args.filter((w) => !w.value.startsWith("-"));
    const paths = resolvedPaths(model, stage, run, command, operands.slice(1));
    // Paths it cannot read may be any of them.
    if (paths === null) return true;
    return paths.some((p) => folders.some((f) => isSameOrParentPath(p, f) || isSameOrParentPath(f, p)));
  });
}

/** The options of adduser/useradd that name the home folder or the skeleton copied into it. */
const HOME_OPTION = /^(?:-[hdk]|--home(?:-dir)?|--skel)(?:=|$)/;

/** `chmod` modes `COPY --chmod` writes as they are: octal (`755`, `0644`). */
const OCTAL_MODE = /^0?[0-7]{3}$/;
/** `chmod +x` (also `a+x`, `ugo+x`): on a built program (mode 644 or 755 as it was written), 755. */
const ADD_EXECUTE = /^(?:a|ugo)?\+x$/;

/**
 * The report for a chmod of what a COPY of the window just brought: a recursive chmod with an
 * octal mode of a copied folder, or `chmod +x` of a program a COPY brought from a stage (built or
 * downloaded there); null for anything else, or when the copy already sets a mode or the folder
 * held earlier files.
 */
function copiedModeChange(
  model: DockerfileModel,
  stage: Stage,
  run: Instruction,
  command: ShellCommand,
  copies: ReadonlyMap<string, Instruction>,
  files: ReadonlyMap<string, Instruction>,
): Report | null {
  if (command.name !== "chmod") return null;
  const operands = command.args.filter((w) => !w.value.startsWith("-") || /^-[rwxXst]/.test(w.value));
  const mode = operands[0] === undefined ? "" : unquoteWord(operands[0].value);
  const paths = resolvedPaths(model, stage, run, command, operands.slice(1));
  if (paths === null) return null;
  if (command.args.some(isRecursiveFlag)) {
    if (!OCTAL_MODE.test(mode)) return null;
    const target = paths.find((p) => copies.has(p));
    const copy = target === undefined ? undefined : copies.get(target);
    if (target === undefined || copy === undefined || modeFlag(copy) !== null || writtenBefore(model, stage, copy, target)) return null;
    const edits = withoutRecursion(command);
    return {
      range: command.range,
      messageId: "chmodAfterCopy",
      data: { line: copy.range.start.line + 1, mode },
      suggest:
        edits === null
          ? undefined
          : [{ title: `Copy with --chmod=${mode} and chmod only the folder itself`, edits: [flagEdit(copy, `--chmod=${mode}`), ...edits] }],
    };
  }
  // `+x` says the path is a file (a folder is searchable already): a program built in a stage.
  if (!ADD_EXECUTE.test(mode) || paths.length !== 1) return null;
  const copy = files.get(paths[0]);
  if (copy === undefined || modeFlag(copy) !== null) return null;
  const file = paths[0].slice(paths[0].lastIndexOf("/") + 1);
  const messageId = copy.keyword === "ADD" ? "chmodFileAfterAdd" : "chmodFileAfterCopy";
  return { range: command.range, messageId, data: { line: copy.range.start.line + 1, file, mode: "755" } };
}

/** The operands of a chown or chmod as absolute, normalized paths; null when none is known (a variable without value, a wildcard, an unknown working directory). */
function resolvedPaths(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand, operands: readonly Word[]): string[] | null {
  const directory = commandDirectory(model, stage, run, command);
  const scope = environmentViewAt(model, stage, run);
  const paths: string[] = [];
  for (const operand of operands) {
    const sub = substituteVariables(unquoteWord(operand.value), scope);
    if (sub.unresolved.length > 0 || hasWildcard(sub.value)) continue;
    if (!sub.value.startsWith("/") && directory === null) continue;
    paths.push(joinPath(directory ?? "/", sub.value));
  }
  return paths.length === 0 ? null : paths;
}

/** The `--chmod` value of a COPY/ADD, or null when it sets none. */
function modeFlag(copy: Instruction): string | null {
  const flag = copy.flags.find((f) => f.name.toLowerCase() === "chmod");
  return flag === undefined ? null : unquoteWord(flag.value ?? "");
}

/** The edit that adds `flag` (`--chmod=755`) to a COPY, right after its keyword. */
function flagEdit(copy: Instruction, flag: string): TextEdit {
  return { range: { start: copy.keywordRange.end, end: copy.keywordRange.end }, newText: ` ${flag}` };
}

interface RecursiveChown {
  owner: string;
  run: Instruction;
  /** Absolute, normalized paths the chown names. */
  paths: string[];
  command: ShellCommand;
}

/** `-R`, `-hR` or `--recursive`: the option that makes chown walk the folder. */
function isRecursiveFlag(word: Word): boolean {
  return word.value === "--recursive" || (/^-[a-zA-Z]+$/.test(word.value) && word.value.includes("R"));
}

/** `chown -R owner path...` (also `--recursive`, `-Rh`), paths made absolute; null for anything else. */
function recursiveChown(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand): RecursiveChown | null {
  if (command.name !== "chown") return null;
  const isRecursive = command.args.some(isRecursiveFlag);
  const operands = command.args.filter((w) => !w.value.startsWith("-"));
  if (!isRecursive || operands.length < 2 || command.args.some((w) => w.value.startsWith("--reference"))) return null;
  const paths = resolvedPaths(model, stage, run, command, operands.slice(1));
  // `chown -R nobody: dir` takes the user's login group; `--chown=nobody` does the same.
  return paths === null ? null : { owner: unquoteWord(operands[0].value).replace(/[:.]$/, ""), run, paths, command };
}

/**
 * The destination folder of a COPY/ADD that brings a folder or several files (`COPY . .`,
 * `COPY app/ /srv/app`, `COPY --from=build /app/dist ./dist`), absolute and normalized; null for a
 * single file, a copy that already sets `--chown`, a remote ADD, or an unknown working directory.
 */
function folderCopyDestination(model: DockerfileModel, stage: Stage, copy: Instruction): string | null {
  if (copy.heredocs.length > 0) return null;
  const paths = copyPaths(copy);
  if (paths === null) return null;
  const isFromStage = copy.flags.some((f) => f.name.toLowerCase() === "from");
  const folders = new Set((model.context.rootEntries ?? []).filter((e) => e.endsWith("/")).map((e) => e.slice(0, -1)));
  const isFolder = (source: string): boolean => {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.includes("$")) return false;
    const path = source.replace(/^\.\//, "");
    if (path === "." || path === "" || path.endsWith("/") || hasWildcard(path)) return true;
    // A stage's folder (`/app/dist`, `/opt/venv`): a last segment without an extension.
    if (isFromStage) return !/\.[A-Za-z0-9]+$/.test(path.split("/").pop() ?? "");
    return folders.has(path);
  };
  if (!paths.sources.every((s) => isFolder(s.value))) return null;
  const scope = environmentViewAt(model, stage, copy);
  const dest = substituteVariables(paths.dest.value, scope);
  if (dest.unresolved.length > 0) return null;
  const directory = workdirOf(model, stage, copy);
  if (!dest.value.startsWith("/") && directory === null) return null;
  return joinPath(directory ?? "/", dest.value);
}

/**
 * The suggestion: `--chown=<owner>` on the COPY and the RUN removed, when the RUN holds nothing but
 * this chown of that one folder and the owner exists when the COPY runs (numeric ids, or an account
 * created before it); otherwise the user has to move the account's creation first, which is theirs.
 */
function moveOwnerToCopy(stage: Stage, copy: Instruction, chown: RecursiveChown): Fix | null {
  if (chown.paths.length !== 1) return null;
  const [user, group] = chown.owner.split(/[:.]/);
  const known = (name: string | undefined) => name === undefined || /^\d+$/.test(name) || accountCreatedBefore(stage, copy, name);
  const chownFolder = withoutRecursion(chown.command);
  if (!known(user) || !known(group) || chownFolder === null) return null;
  return {
    title: `Copy with --chown=${chown.owner} and chown only the folder itself`,
    edits: [{ range: { start: copy.keywordRange.end, end: copy.keywordRange.end }, newText: ` --chown=${chown.owner}` }, ...chownFolder],
  };
}

/**
 * The edit that makes a recursive chown change only the folder it names (`-R` dropped, `-hR` made
 * `-h`): the folder itself may predate the COPY (a WORKDIR or `mkdir` made it as root), and
 * `--chown` does not change a folder that already exists, while the app may create files in it.
 * Null when the recursion is not one word the edit can drop.
 */
function withoutRecursion(command: ShellCommand): TextEdit[] | null {
  const flag = command.args.find((w) => !w.quoted && isRecursiveFlag(w));
  if (flag === undefined) return null;
  const rest = flag.value.startsWith("--") ? "" : flag.value.replace("R", "");
  if (rest !== "" && rest !== "-") return [{ range: flag.range, newText: rest }];
  // Drop the word with the space after it.
  const next = command.args[command.args.indexOf(flag) + 1];
  return next === undefined ? null : [{ range: { start: flag.range.start, end: next.range.start }, newText: "" }];
}

/** True when a RUN before `copy`, in its stage or the stages it builds on, creates the account `name`. */
/**
 * The owner's user as written, when a RUN between `copy` and the chown's RUN creates that account
 * (`adduser -D $DOCKER_USER` for `chown -R ${DOCKER_USER}:...`); null otherwise (numeric ids, an
 * account made before the COPY or by the base image).
 */
function accountCreatedLater(stage: Stage, copy: Instruction, chownRun: Instruction, owner: string): string | null {
  const user = owner.split(/[:.]/)[0];
  if (user === "" || /^\d+$/.test(user)) return null;
  // `${NAME}` and `$NAME` are one variable.
  const plain = (word: string) => word.replace(/^\$\{(\w+)\}$/, "$$$1");
  const name = plain(user);
  const at = stage.instructions.indexOf(copy);
  const end = stage.instructions.indexOf(chownRun);
  if (at < 0 || end < 0) return null;
  for (const instruction of stage.instructions.slice(at + 1, end + 1)) {
    if (instruction.keyword !== "RUN") continue;
    const commands =
      instruction === chownRun
        ? instruction.commands.slice(
            0,
            instruction.commands.findIndex((c) => c.name === "chown"),
          )
        : instruction.commands;
    if (commands.some((c) => plain(createdLogin(c) ?? "") === name)) return user;
  }
  return null;
}

function accountCreatedBefore(stage: Stage, copy: Instruction, name: string): boolean {
  for (const s of lineage(stage)) {
    for (const instruction of s.instructions) {
      if (instruction === copy) return false;
      if (instruction.keyword !== "RUN") continue;
      if (instruction.commands.some((c) => isAccountCommand(c) && c.args.some((w) => w.value === name))) return true;
    }
  }
  return false;
}

/**
 * True when an instruction before `copy`, in its stage or the stages it builds on, wrote into
 * `folder`: a COPY/ADD to it or below it, or a RUN working in it or below it.
 */
function writtenBefore(model: DockerfileModel, stage: Stage, copy: Instruction, folder: string): boolean {
  const inside = (path: string | null) => path !== null && (path === folder || path.startsWith(`${folder}/`));
  for (const s of lineage(stage)) {
    for (const instruction of s.instructions) {
      if (instruction === copy) return false;
      // Creating the account (`adduser -h /app app`) makes at most its own home, owned by it already;
      // making folders and a few small files there (`mkdir -p log etc && echo x >> etc/conf`) hands
      // over nothing of weight (held-out CR, GeneWeb: its home's folders made before the copy).
      const onlyAccountsOrFolders = instruction.commands.every((c) => c.program === null || isAccountCommand(c) || OWNERSHIP_STEP.has(c.name));
      if (instruction.keyword === "RUN" && !onlyAccountsOrFolders && inside(workdirOf(model, s, instruction))) return true;
      if (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") continue;
      const paths = copyPaths(instruction);
      const directory = workdirOf(model, s, instruction);
      if (paths === null || (!paths.dest.value.startsWith("/") && directory === null)) continue;
      if (inside(joinPath(directory ?? "/", paths.dest.value))) return true;
    }
  }
  return false;
}

/** The `--chown` value of a COPY/ADD, or null when it sets none. */
function ownerFlag(copy: Instruction): string | null {
  const flag = copy.flags.find((f) => f.name.toLowerCase() === "chown");
  return flag === undefined ? null : unquoteWord(flag.value ?? "");
}

/** True when two owners name the same user and group (`app:app` and `app:app`; `app` and `app:`). */
function sameOwner(a: string, b: string): boolean {
  const parts = (owner: string) => owner.replace(/[:.]$/, "").split(/[:.]/);
  const [userA, groupA] = parts(a);
  const [userB, groupB] = parts(b);
  return userA === userB && (groupA ?? userA) === (groupB ?? userB);
}
