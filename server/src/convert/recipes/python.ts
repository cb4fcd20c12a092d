// Python: dependencies are installed into a virtual environment in the builder (with whatever
// compilers it has) and the venv plus the application files are copied into python:<v>-slim.

import { parseImageReference } from "../../images/reference";
import { effectiveTag, officialName } from "../../images/tags";
import type { DependencyInstall } from "../../model/commands";
import { isBroadContextCopy } from "../../model/copies";
import { copyPaths } from "../../model/copy-paths";
import type { DockerfileModel, Instruction, Stage } from "../../model/types";
import { workdirOf } from "../../model/workdir";
import { nothingToGain } from "../gain";
import { linkedLibraries } from "../python-native";
import { installPackages, stagePackages } from "../packages";
import { isAlpineImage, officialVariant, RuntimeImage } from "../runtime-base";
import { instructionText } from "../source-text";
import type { Recipe } from "../types";
import { artifactCommand, refuse, resolvePath, usedPrograms } from "./shared";

const BUILD_ONLY_ENV = /^(?:PIP_[A-Z_]+)$/;
const VENV = "/opt/venv";
const VENV_PATH = `ENV PATH="${VENV}/bin:$PATH"`;
/** pip options that install outside the environment the venv provides. */
/** Commands that create users, not files of the application. */
const USER_SETUP = new Set(["useradd", "adduser", "groupadd", "addgroup", "usermod"]);
const OUTSIDE_VENV = new Set(["--user", "--target", "-t", "--prefix", "--root"]);

export function isContextCopy(instruction: Instruction): boolean {
  return (instruction.keyword === "COPY" || instruction.keyword === "ADD") && !instruction.flags.some((f) => f.name === "from");
}

/** Where a COPY puts its files, as an absolute folder (for `COPY a b ./`, the working directory). */
function destinationFolder(instruction: Instruction, workdir: string): string | null {
  const dest = copyPaths(instruction)?.dest.value;
  return dest === undefined ? null : resolvePath(workdir, dest);
}

/**
 * The context copies to repeat in the runtime stage, minus those a later whole-context copy into
 * the same folder already covers (the manifest copied early for the layer cache). `workdirAt` gives
 * the working directory each copy ran in (the runtime stage sets only the final one).
 */
export function applicationCopies(instructions: readonly Instruction[], workdirAt: (copy: Instruction) => string): Instruction[] {
  const copies = instructions.filter(isContextCopy);
  return copies.filter((copy, index) => {
    const folder = destinationFolder(copy, workdirAt(copy));
    return !copies.slice(index + 1).some((later) => isBroadContextCopy(later) && folder !== null && destinationFolder(later, workdirAt(later)) === folder);
  });
}

/**
 * A copy's text for the runtime stage, whose only WORKDIR is the final one: a relative destination
 * written under an earlier WORKDIR is made absolute (`COPY src/ src/` under /srv, before
 * `WORKDIR /srv/src`, becomes `COPY src/ /srv/src/`).
 */
export function copyText(model: DockerfileModel, copy: Instruction, copyWorkdir: string, finalWorkdir: string): string {
  const dest = copyPaths(copy)?.dest;
  if (!dest || dest.value.startsWith("/") || copyWorkdir === finalWorkdir) return instructionText(model, copy);
  const isFolder = dest.value.endsWith("/") || /(?:^|\/)\.{1,2}$/.test(dest.value);
  const absolute = `${resolvePath(copyWorkdir, dest.value).replace(/\/$/, "")}${isFolder ? "/" : ""}`;
  return instructionText(model, copy, [
    {
      range: dest.range,
      newText: copy.isJsonForm ? JSON.stringify(absolute) : absolute,
    },
  ]);
}

/** `3.12-slim`, `3.11-slim-bookworm`: already the slim variant, which has no headers to build against. */
function isSlimTag(tag: string): boolean {
  return /(?:^|-)slim(?:-|$)/.test(tag);
}

const PYTHON = /^python(?:3(?:\.\d+)?)?$/;

/**
 * The folder of a virtual environment the stage creates itself (`python -m venv /venv`,
 * `virtualenv /venv`), resolved against the working directory of that RUN; null when it makes none.
 */
function ownVenv(model: DockerfileModel, stage: Stage): string | null | undefined {
  let found: string | null | undefined;
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "RUN") continue;
    for (const command of instruction.commands) {
      const args = command.args.map((w) => w.value);
      const isVenv = (PYTHON.test(command.name) && args[0] === "-m" && (args[1] === "venv" || args[1] === "virtualenv")) || command.name === "virtualenv";
      if (!isVenv) continue;
      const folder = args
        .slice(command.name === "virtualenv" ? 0 : 2)
        .filter((a) => !a.startsWith("-"))
        .pop();
      const workdir = workdirOf(model, stage, instruction);
      // A folder we cannot place (variables, unknown working directory): undefined, so the caller refuses.
      if (folder === undefined || /[$`]/.test(folder) || (!folder.startsWith("/") && workdir === null)) return undefined;
      found = resolvePath(workdir ?? "/", folder);
    }
  }
  return found ?? null;
}

export const pythonRecipe: Recipe = {
  id: "python",
  plan(input) {
    const { model, stage, entry, workdir, builderName } = input;
    const other = input.target.installs.find((d) => d.ecosystem === "poetry" || d.ecosystem === "uv" || d.ecosystem === "pipenv");
    if (other) return refuse(`'${other.ecosystem}' manages its own environment; only pip installs are converted`);
    const pips = input.target.installs.filter((d) => d.ecosystem === "pip");
    const outside = pips.find((d) => d.command.args.some((w) => OUTSIDE_VENV.has(w.value.split("=")[0])));
    if (outside) return refuse("a pip install uses --user, --target, --prefix or --root, which bypasses the virtual environment the conversion relies on");
    if (pips.some((d) => d.command.program?.value.includes("/")))
      return refuse("a pip install calls pip by absolute path, which bypasses the virtual environment");
    const ref = parseImageReference(stage.base.resolved);
    if (!ref || officialName(ref) !== "python")
      return refuse(`the build runs on '${stage.base.resolved}', not the official python image, so the matching Python runtime cannot be told`);
    const preference = input.options.runtime;
    if (preference === "distroless" || preference === "scratch")
      return refuse(`the virtual environment is tied to the builder's Python; the ${preference} image does not carry the same interpreter`);
    const builderAlpine = isAlpineImage(stage.base.resolved);
    if (preference === "alpine" && !builderAlpine)
      return refuse("wheels built on Debian (glibc) do not run on Alpine (musl); build on a python:*-alpine image instead");
    const alpine = builderAlpine && preference !== "slim";
    if (builderAlpine && preference === "slim") return refuse("wheels built on Alpine (musl) do not run on Debian slim (glibc)");
    const tag = effectiveTag(ref) ?? "latest";
    const runtime: RuntimeImage = {
      image: officialVariant("python", tag, alpine ? "alpine" : "slim"),
      kind: alpine ? "alpine" : "debian",
      hasShell: true,
      packageManager: alpine ? "apk" : "apt",
      nonRootUser: null,
      runsAsNonRoot: false,
    };
    // Already on slim/alpine with no compilers: pip could only have installed wheels, so a builder
    // would copy the same site-packages onto the same base.
    const same = nothingToGain(stage, runtime.image, "installs Python packages with pip");
    if (same !== null) return refuse(same);

    // Files a RUN writes after the sources arrive (collectstatic, compiled assets) exist only in the
    // builder: then the working directory is copied from there instead of from the context.
    const firstCopy = stage.instructions.find(isContextCopy);
    // An editable install may leave its metadata (`*.egg-info`) beside the sources: those come from the builder.
    const isEditable = (d: DependencyInstall) => d.command.args.some((w) => w.value === "-e" || w.value.startsWith("--editable"));
    const installCommands = new Set(input.target.installs.filter((d) => !isEditable(d)).map((d) => d.command));
    const writesFiles = stage.instructions.some(
      (i) =>
        firstCopy !== undefined &&
        i.keyword === "RUN" &&
        i.ordinal > firstCopy.ordinal &&
        !i.commands.every((c) => installCommands.has(c) || USER_SETUP.has(c.name)),
    );
    // A stage that makes its own venv (and puts it on PATH with an ENV the runtime stage keeps)
    // installs into that one: ship it instead of adding a second, empty one.
    const own = ownVenv(model, stage);
    if (own === undefined)
      return refuse("the build creates a virtual environment in a folder that cannot be told (a variable or an unknown working directory)");
    if (own !== null && own === workdir)
      return refuse(`the virtual environment is the working directory '${own}' itself, so it cannot be copied apart from the sources`);
    const venv = own ?? VENV;
    const stageSet = stagePackages(stage, usedPrograms(stage.instructions));
    // Built from source on the full image (whose headers it found), a requirement links a library slim lacks.
    const linked = alpine || builderAlpine || isSlimTag(tag) ? [] : linkedLibraries(model, input.target.installs);
    for (const { library } of linked) if (!stageSet.runtime.includes(library)) stageSet.runtime.push(library);
    const packages = installPackages(stageSet, runtime);
    if (linked.length > 0)
      packages.notes.push(
        `'${linked.map((l) => l.library).join("', '")}' installed for '${linked.map((l) => l.requirement).join("', '")}', which pip builds from source against the full image's headers.`,
      );
    const linkedComment =
      linked.length > 0 && packages.lines.length > 0
        ? [`# ${linked.map((l) => `${l.library} for ${l.requirement}`).join(", ")}: built from source in the builder, linked at run time`]
        : [];
    const steps = [...linkedComment, ...packages.lines, ...(own === null ? [VENV_PATH] : []), `COPY --from=${builderName} ${venv} ${venv}`];
    const workdirAt = (copy: Instruction) => workdirOf(model, stage, copy) ?? workdir;
    if (writesFiles && workdir !== "/") steps.push(`COPY --from=${builderName} ${workdir} ${workdir}`);
    else steps.push(...applicationCopies(stage.instructions, workdirAt).map((i) => copyText(model, i, workdirAt(i), workdir)));
    return {
      ok: true,
      plan: {
        runtime,
        builderPrelude: own === null ? [`RUN python -m venv ${VENV}`, VENV_PATH] : [],
        builderEdits: [],
        runtimeSteps: steps,
        command: artifactCommand(entry, runtime, null, workdir),
        buildOnlyEnv: BUILD_ONLY_ENV,
        notes: [...packages.notes],
      },
    };
  },
};
