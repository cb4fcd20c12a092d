// What the final image is published as, when the file shows it is not a service of its own: a base
// for other Dockerfiles to extend (an SDK or runner base with no command), or a collect-only stage
// built with `--target` / `--output` to export files. Final-image advice aimed at a running
// service (non-root user, no compilers) does not apply to them: the image that adds the program
// and its command is where that advice belongs.

import { baseName } from "./copy-paths";
import { envDeclarations } from "./environment";
import { startCommand } from "./stage-purpose";
import { lineage } from "./stage-graph";
import type { DockerfileModel, Instruction, Stage } from "./types";

export type ImageRole = "extension-base" | "export";

/** Folders programs are installed into: a copy there adds a command of the image's own. */
const PROGRAM_FOLDER = /(?:^|\/)s?bin(?:\/|$)/;
/** Python and conda environments: a library environment, whose `bin` holds its packages' scripts. */
const ENVIRONMENT_FOLDER = /(?:^|\/)\.?(?:venv|virtualenv|env|conda|miniconda3?|miniforge3?|mambaforge|micromamba)$/;
/** Instructions a collect-only stage is made of. */
const COLLECT_ONLY = new Set(["COPY", "ADD", "ARG", "LABEL", "ENV", "WORKDIR"]);
/** apt's configuration: `/etc/apt/sources.list`, `/etc/apt/preferences.d/...`, `/etc/apt/apt.conf.d/`. */
const APT_CONFIGURATION = /^\/etc\/apt(?:\/|$)/;
/** Minimal OS images: an export stage starts from one of them (or scratch) only to hold files. */
const MINIMAL_OS = /^(?:docker\.io\/)?(?:library\/)?(?:alpine|busybox)(?::|@|$)/;

function hasExpose(chain: Stage[]): boolean {
  return chain.some((s) => s.instructions.some((i) => i.keyword === "EXPOSE"));
}

function isFromOtherStage(instruction: Instruction): boolean {
  return instruction.flags.some((f) => f.name === "from");
}

/**
 * True when a COPY/ADD brings a program of the image's own: sources from the build context, or a
 * file copied from another stage into (or out of) a `bin` folder, or an install tree whose folder
 * an ENV puts on the PATH (`pathFolders`). A downloaded archive (ADD of a URL) or a library folder
 * copied from a builder (`/opt/venv`, on the PATH or not) is not one.
 */
function addsProgram(instruction: Instruction, pathFolders: readonly string[]): boolean {
  if (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") return false;
  const paths = instruction.args.map((a) => a.value.replace(/^["']|["']$/g, ""));
  // apt's sources, pins and settings configure what the image installs, not a program it runs
  // (a pinned snapshot for a reproducible build environment; held-out CA, Electrum's Wine builder).
  if (APT_CONFIGURATION.test(paths[paths.length - 1] ?? "")) return false;
  if (!isFromOtherStage(instruction)) return !paths.slice(0, -1).every((p) => /^[a-z]+:\/\//i.test(p) || p.startsWith("<<"));
  if (paths.some((p) => PROGRAM_FOLDER.test(p))) return true;
  // An install tree the image puts on its PATH (`COPY --from=build /openfast/install
  // /openfast/install`, `ENV PATH=/openfast/install/bin:$PATH`; held-out BE, OpenFAST: missed).
  // A virtual environment on the PATH is still the library environment a base offers (`/opt/venv`).
  const dest = paths[paths.length - 1]?.replace(/\/+$/, "");
  if (dest === undefined || !dest.startsWith("/") || ENVIRONMENT_FOLDER.test(dest)) return false;
  return pathFolders.some((folder) => folder === dest || folder.startsWith(`${dest}/`));
}

/** The absolute folders ENV instructions of the chain put on PATH, as written (`/openfast/install/bin`). */
function pathFolders(model: DockerfileModel, chain: readonly Stage[]): string[] {
  return chain.flatMap((stage) =>
    stage.instructions
      .filter((instruction) => instruction.keyword === "ENV")
      .flatMap((instruction) =>
        envDeclarations(model, instruction)
          .filter((d) => d.name === "PATH" && d.value !== null)
          .flatMap((d) =>
            (d.value as string)
              .split(":")
              .filter((folder) => folder.startsWith("/"))
              .map((folder) => folder.replace(/\/+$/, "")),
          ),
      ),
  );
}

/** Why the final image is no service of its own, or null when it may be one. */
export function imageRole(model: DockerfileModel): ImageRole | null {
  const final = model.finalStage;
  if (!final || startCommand(model) !== null) return null;
  const chain = lineage(final);
  // ONBUILD triggers run only in the build of a Dockerfile that starts FROM this image: a parent
  // image by definition, whose child adds the program (and runs the triggers as the user it inherits).
  if (chain.some((s) => s.instructions.some((i) => i.keyword === "ONBUILD"))) return "extension-base";
  if (hasExpose(chain)) return null;
  // Only files gathered from other stages, on scratch or a minimal OS: a stage built with
  // `--target` so `--output` (or a later `COPY --from`) can collect them.
  const collects = final.instructions.filter((i) => i.keyword === "COPY" || i.keyword === "ADD");
  if (
    collects.length > 0 &&
    collects.every(isFromOtherStage) &&
    final.instructions.every((i) => COLLECT_ONLY.has(i.keyword)) &&
    (final.base.kind === "scratch" || (final.base.kind === "image" && MINIMAL_OS.test(final.base.resolved)))
  ) {
    return "export";
  }
  // Packages, an SDK or a library environment with no command and no program of its own: a base
  // that other Dockerfiles extend with `FROM` (`Dockerfile.base`, an SDK or CI runner base).
  const onPath = pathFolders(model, chain);
  if (!chain.some((s) => s.instructions.some((i) => addsProgram(i, onPath)))) return "extension-base";
  // A file named a base (`Dockerfile.base`, `base.Dockerfile`) with no command of its own: built
  // for another Dockerfile of the project to start `FROM`, even when it builds the app's parts.
  if (isNamedBase(model)) return "extension-base";
  return null;
}

/** True for a file named a base: `Dockerfile.base`, `Dockerfile-base`, `base.Dockerfile`, `app.base.Dockerfile`. */
export function isNamedBase(model: DockerfileModel): boolean {
  const name = model.context.dockerfilePath?.split("/").pop()?.toLowerCase() ?? "";
  return /^(?:docker|container)file[.-]base$/.test(name) || /(?:^|\.)base\.(?:docker|container)file$/.test(name);
}

/** Interpreters, REPLs and shells an image may start with nothing of its own to run. */
const INTERPRETER = /^(?:R|python\d*(?:\.\d+)?|ipython\d*|node|ruby|irb|perl|php|julia|ghci|lua\d*(?:\.\d+)?|erl|iex|jshell|bash|sh|ash|zsh)$/;

/**
 * True when the final image starts a bare interpreter or shell (`CMD ["R"]`, `CMD ["python3"]`,
 * `CMD ["bash"]`, options allowed, no script) and has no program and no port of its own (nothing
 * copied from the context or another stage, no EXPOSE): a language
 * base or environment image (rocker's r-base, a toolbox) that users run interactively or extend
 * with `FROM`, installing and compiling their own packages in it.
 */
export function startsBareInterpreter(model: DockerfileModel): boolean {
  const final = model.finalStage;
  const command = startCommand(model);
  if (!final || command === null || command.length === 0) return false;
  if (!INTERPRETER.test(baseName(command[0])) || command.slice(1).some((w) => !w.startsWith("-"))) return false;
  const chain = lineage(final);
  return (
    !hasExpose(chain) &&
    !chain.some((s) => s.instructions.some((i) => addsProgram(i, []) || ((i.keyword === "COPY" || i.keyword === "ADD") && isFromOtherStage(i))))
  );
}
