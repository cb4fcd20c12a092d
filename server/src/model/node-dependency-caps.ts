// The newest Node.js the dependencies of the project's package.json files build on, as the
// Dockerfile installs and builds them: node-sass ships its native binding for a window of Node.js
// majors, and webpack 4 (react-scripts 4, Nuxt 2, ...) hashes with MD4, which OpenSSL 3 (Node.js 17
// and later) refuses unless Node.js runs with `--openssl-legacy-provider`. Only the package.json a
// Node install or build of the stages reads counts (`cd client && npm install` reads
// client/package.json): a manifest the image never installs builds nothing on it.

import { buildStepOf } from "./build-steps";
import { dependencyInstall, installFolderOption } from "./commands";
import { contextFileAt } from "./context-file-at";
import { joinPath, unquoteWord } from "./copy-paths";
import { variableFor } from "./environment";
import { contextJsonFile } from "./json-files";
import { copiedPackageJsonFolder, nodeDependencyCeiling, type LanguagePin } from "./language-pins";
import { runCommands, type RunCommand } from "./run-commands";
import { scriptRunThroughCopies } from "./run-scripts";
import { readScriptText, type ShellCommand } from "./shell";
import type { DockerfileModel, Stage } from "./types";
import { commandDirectory } from "./workdir";

/** The package managers whose installs and script runs read the package.json of their folder. */
const NODE_MANAGERS = /^(?:npm|yarn|pnpm|bun|npx|pnpx|bunx)$/;

/** Node.js's flag that lets webpack 4's MD4 hashing run on OpenSSL 3. */
const LEGACY_OPENSSL = /--openssl-legacy-provider\b/;

/**
 * The lowest Node.js ceiling the dependencies of the package.json files that the Node installs and
 * builds of `stages` read put on the image (`node-sass: ^6` in client/package.json: Node.js 16),
 * with the file and the dependency; null when none caps it. webpack 4's ceiling is lifted where
 * the Dockerfile runs Node.js with `--openssl-legacy-provider` (`ENV NODE_OPTIONS=...`), and an
 * install that leaves devDependencies out (`npm ci --omit=dev`) is read for `dependencies` only.
 */
export function installedNodeCeiling(model: DockerfileModel, stages: readonly Stage[]): LanguagePin | null {
  const commands = runCommands(stages);
  const legacyOpenssl = commands.some((run) => runsWithLegacyOpenssl(model, run));
  // Per file, whether every install of it leaves devDependencies out.
  const omitsDev = new Map<string, boolean>();
  for (const run of commands) {
    const read = manifestRead(model, run);
    for (const { file, omitsDev: omits } of read !== null ? [read] : scriptManifestsRead(model, run)) omitsDev.set(file, (omitsDev.get(file) ?? true) && omits);
  }
  let lowest: LanguagePin | null = null;
  for (const [file, omits] of omitsDev) {
    const json = contextJsonFile(model.context.files, file);
    const cap = json === null ? null : nodeDependencyCeiling(file, json, { legacyOpenssl, omitsDev: omits });
    if (cap !== null && (lowest === null || ceilingOf(cap) < ceilingOf(lowest))) lowest = cap;
  }
  return lowest;
}

/** The Node.js major a dependency ceiling (`<=16`) allows at most. */
function ceilingOf(cap: LanguagePin): number {
  return Number(/\d+/.exec(cap.written)?.[0] ?? Infinity);
}

/**
 * The context path of the package.json the command reads, when it is a Node install of the
 * project (not of named packages) or a Node build, in a folder a copy from the context filled;
 * with whether it leaves devDependencies out. Null otherwise.
 */
function manifestRead(model: DockerfileModel, run: RunCommand): { file: string; omitsDev: boolean } | null {
  const { stage, instruction, command } = run;
  const use = nodeManifestUse(command);
  if (use === null) return null;
  const { option, omitsDev } = use;
  const directory = commandDirectory(model, stage, instruction, command);
  // The image's own WORKDIR is not known (`FROM node:14` then `COPY package.json .`): the command
  // and the copy both work in it, so the package.json the stage copies is the one read.
  if (directory === null) {
    if (option !== null || instruction.commands.slice(0, instruction.commands.indexOf(command)).some((c) => c.name === "cd")) return null;
    const folder = copiedPackageJsonFolder(model, stage);
    return { file: folder === "" ? "package.json" : `${folder}/package.json`, omitsDev };
  }
  return manifestIn(model, stage, directory, option, omitsDev);
}

/**
 * How a command reads the package.json of its folder: a Node install of the project (not of named
 * packages) or a Node build, with the folder an install option names (`--prefix web`) and whether
 * the install leaves devDependencies out. Null for anything else, and for a folder option that
 * names a variable.
 */
function nodeManifestUse(command: ShellCommand): { option: string | null; omitsDev: boolean } | null {
  if (!NODE_MANAGERS.test(command.name)) return null;
  const install = dependencyInstall(command);
  const isInstall = install !== null && !install.installsNamedPackages;
  if (!isInstall && buildStepOf(command)?.ecosystem !== "node") return null;
  const option = isInstall ? installFolderOption(install) : null;
  if (option?.includes("$")) return null;
  return { option, omitsDev: isInstall && install.includesDevDependencies === false };
}

/** The context path of the package.json in `directory` (or the folder an install option names there). */
function manifestIn(
  model: DockerfileModel,
  stage: Stage,
  directory: string,
  option: string | null,
  omitsDev: boolean,
): { file: string; omitsDev: boolean } | null {
  const folder = option === null ? directory : joinPath(directory, option);
  const file = contextFileAt(model, stage, joinPath(folder, "package.json"));
  return file === null ? null : { file, omitsDev };
}

/**
 * The package.json files the Node installs and builds of a context script the command runs read
 * (`RUN bin/build_frontend.sh`, whose `pushd frontend` then `yarn` and `yarn run build`; held-out
 * AS, tecken: react-scripts 4 capped Node.js unseen). The script starts in the command's folder;
 * `cd` and `pushd` move it, `popd` and the end of a subshell undo that. Empty when the script or
 * its folder is not known, and from a `cd` to a folder that names a variable on.
 */
function scriptManifestsRead(model: DockerfileModel, { stage, instruction, command }: RunCommand): { file: string; omitsDev: boolean }[] {
  const text = scriptRunThroughCopies(model, stage, instruction, command);
  const start = text === null ? null : commandDirectory(model, stage, instruction, command);
  if (text === null || start === null) return [];
  const read: { file: string; omitsDev: boolean }[] = [];
  // The folder at each subshell depth: leaving a subshell leaves its `cd` behind.
  const folders = [start];
  const pushed: string[] = [];
  for (const c of readScriptText(text)) {
    folders.length = Math.min(folders.length, c.depth + 1);
    while (folders.length < c.depth + 1) folders.push(folders[folders.length - 1]);
    const here = folders[c.depth];
    if (c.name === "cd" || c.name === "pushd") {
      const to = c.args.find((a) => !a.value.startsWith("-"))?.value;
      if (to === undefined || to.includes("$") || to.includes("~")) return read;
      if (c.name === "pushd") pushed.push(here);
      folders[c.depth] = joinPath(here, unquoteWord(to));
      continue;
    }
    if (c.name === "popd") {
      folders[c.depth] = pushed.pop() ?? here;
      continue;
    }
    const use = nodeManifestUse(c);
    const found = use === null ? null : manifestIn(model, stage, here, use.option, use.omitsDev);
    if (found !== null) read.push(found);
  }
  return read;
}

/** True when the command runs Node.js with OpenSSL's legacy provider: in NODE_OPTIONS (ENV, ARG, a prefix, an export), or as a flag. */
function runsWithLegacyOpenssl(model: DockerfileModel, { stage, instruction, command }: RunCommand): boolean {
  const options = variableFor(model, stage, instruction, command, "NODE_OPTIONS");
  return (typeof options === "string" && LEGACY_OPENSSL.test(options)) || command.args.some((a) => LEGACY_OPENSSL.test(a.value));
}
