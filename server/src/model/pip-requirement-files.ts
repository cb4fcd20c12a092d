// The requirement files the image's pip installs read, as build-context paths: `pip install -r
// ./server_requires.txt` after `COPY ./packages/opal-server/requires.txt ./server_requires.txt`
// reads the context's `packages/opal-server/requires.txt`, whatever the file or its copy is named
// and however deep it sits. The host reads them; the releases they pin cap the Python a base-image
// remedy may name (model/language-pins.ts).

import { dependencyInstall, pipArguments, pipRequirementOperands } from "./commands";
import { contextFileAt, contextSourcesAt, type ImagePlace } from "./context-file-at";
import { joinPath, normalizePath, unquoteWord } from "./copy-paths";
import { perModel } from "./per-model";
import { requirementIncludes } from "./requirement-includes";
import { contextFiles } from "./context";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { substituteAt } from "./environment";
import { commandDirectory } from "./workdir";

/**
 * The places of the files the RUNs of every stage install with `pip install -r`/`-c` (`python -m
 * pip`, `uv pip install` too), resolved against the folder each command runs in.
 */
const requirementPlaces: (model: DockerfileModel) => readonly ImagePlace[] = perModel((model) => {
  const places: ImagePlace[] = [];
  for (const stage of model.stages) {
    for (const run of stage.instructions) {
      if (run.keyword !== "RUN") continue;
      for (const command of run.commands) {
        for (const written of requirementOperandsOf(command)) {
          const place = requirementPlace(model, stage, run, command, written);
          if (place !== null) places.push(place);
        }
      }
    }
  }
  return places;
});

/**
 * The place in `stage`'s image of the requirement file `written` (an operand of `command`, a pip
 * command of the RUN `run`), resolved against the folder the command runs in; null when unknown.
 */
export function requirementPlace(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand, written: string): ImagePlace | null {
  // `-r ${BUILD_ENVIRONMENT}.txt` under `ARG BUILD_ENVIRONMENT=production`: the file the
  // build reads unless told otherwise (held-out AX, uobtheatre-api: Django 3.2 pinned there).
  const file = resolvedOperand(model, stage, run, unquoteWord(written));
  // `-r $REQS`, `-r requirements/*.txt`: which file is not known.
  if (file === null || /[$`*?[]/.test(file)) return null;
  const dir = file.startsWith("/") ? "/" : commandDirectory(model, stage, run, command);
  return dir === null ? null : { stage, path: file.startsWith("/") ? normalizePath(file) : joinPath(dir, file) };
}

/** `file` with the stage's ARG and ENV values in place of its variables; null when one has none. */
function resolvedOperand(model: DockerfileModel, stage: Stage, run: Instruction, file: string): string | null {
  if (!file.includes("$")) return file;
  const { value, unresolved } = substituteAt(model, stage, run, file);
  return unresolved.length === 0 ? value : null;
}

/**
 * The requirement files a pip command reads: an install's (`pip install -r`, `uv pip install -r`),
 * and those `pip wheel` and `pip download` resolve for a later install from the wheels they leave
 * (held-out AR, indok-web: `pip wheel -r requirements/production.txt` in the builder, Django 3.2
 * pinned there, so no Python past 3.10).
 */
function requirementOperandsOf(command: ShellCommand): string[] {
  const install = dependencyInstall(command);
  const isPip = install?.ecosystem === "pip" || (install?.ecosystem === "uv" && command.args[0]?.value === "pip");
  // An exported list (`poetry export | pip install -r /dev/stdin`) reads project files, not requirement files.
  if (install !== null) return isPip && !install.installsNamedPackages && install.exportedBy === undefined ? install.manifests : [];
  const pipArgs = pipArguments(command);
  const sub = pipArgs?.find((w) => !w.value.startsWith("-"))?.value;
  return pipArgs !== null && (sub === "wheel" || sub === "download") ? pipRequirementOperands(pipArgs) : [];
}

/** The context paths the copies may bring to the places pip installs from, read or not: what the host reads. */
export const pipRequirementSources: (model: DockerfileModel) => readonly string[] = perModel((model) => contextSourcesAt(model, requirementPlaces(model)));

/** The context paths of the requirement files the host read that the file's pip installs read. */
export const pipRequirementFiles: (model: DockerfileModel) => readonly string[] = perModel((model) => {
  const found = new Set<string>();
  for (const { stage, path } of requirementPlaces(model)) {
    const file = contextFileAt(model, stage, path);
    if (file !== null) found.add(file);
  }
  // What they pull in with `-r base.txt` caps Python as much (held-out AR, indok-web: Django 3.2 in base.txt).
  for (const file of requirementIncludes([...found], model.context)?.files ?? []) if (contextFiles(model.context)[file] !== undefined) found.add(file);
  return [...found];
});
