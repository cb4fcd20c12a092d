// Node.js without a build step, the commonest Dockerfile (`npm install` / `npm ci`, then `node
// server.js` or `npm start`): the builder installs, with the compilers of the full image for native
// addons, and prunes to production dependencies; the runtime stage, the slim or Alpine sibling of
// the same release, receives the project files and node_modules. When the original already runs on
// that image and installs nothing build-only, there is nothing to gain and the planner says so.

import type { DependencyInstall } from "../../model/commands";
import { joinPath } from "../../model/copy-paths";
import type { Instruction, Stage } from "../../model/types";
import { workdirOf } from "../../model/workdir";
import { nothingToGain } from "../gain";
import { devDependenciesRunBy, readPackageJson, scriptOfCommand } from "../package-json";
import { installPackages, stagePackages } from "../packages";
import { repositoryInstalls } from "../repository-installs";
import type { RuntimeImage } from "../runtime-base";
import { instructionText } from "../source-text";
import type { RecipeAnswer, RecipeInput } from "../types";
import { applicationCopies, copyText, isContextCopy } from "./python";
import { artifactCommand, refuse, resolvePath, usedPrograms } from "./shared";

/** Commands that set up users, permissions or folders: they write no project files. */
const HARMLESS = new Set(["useradd", "adduser", "groupadd", "addgroup", "usermod", "chmod", "chown", "mkdir", "echo", "true", "ln", "rm"]);

/** `npm install -g x`, `yarn global add x`, `pnpm add -g x`: tools installed outside the project. */
function isGlobalInstall(name: string, words: readonly string[]): boolean {
  if (name === "yarn") return words[0] === "global";
  const sub = words.find((w) => !w.startsWith("-")) ?? "";
  return ["npm", "pnpm"].includes(name) && ["install", "i", "add"].includes(sub) && words.some((w) => w === "-g" || w === "--global");
}

/** The folder the install runs in: its RUN's working directory, or the folder of a `cd` before it. */
function installFolder(input: RecipeInput, install: DependencyInstall): string | null {
  const instruction = input.stage.instructions.find((i) => i.commands.includes(install.command));
  if (!instruction) return null;
  // No WORKDIR in the stage: the base image's, which the planner resolved (`/` for the node images).
  const hasWorkdir = input.stage.instructions.some((i) => i.keyword === "WORKDIR");
  let folder = workdirOf(input.model, input.stage, instruction) ?? (hasWorkdir ? null : input.workdir);
  for (const command of instruction.commands.slice(0, instruction.commands.indexOf(install.command))) {
    if (command.name !== "cd") continue;
    const target = command.args[0]?.value;
    if (target === undefined || /[$`~]/.test(target) || folder === null) return null;
    folder = target.startsWith("/") ? joinPath("/", target) : joinPath(folder, target);
  }
  return folder;
}

/** RUNs after the first context copy that may write project files (codegen, downloads), other than installs. */
function writesProjectFiles(stage: Stage, installCommands: ReadonlySet<unknown>, repeated: ReadonlySet<Instruction>): boolean {
  const firstCopy = stage.instructions.find(isContextCopy);
  if (!firstCopy) return false;
  return stage.instructions.some(
    (i) =>
      i.keyword === "RUN" &&
      i.ordinal > firstCopy.ordinal &&
      !repeated.has(i) &&
      !i.commands.every((c) => installCommands.has(c) || HARMLESS.has(c.name) || c.name === "cd" || c.name === "apt-get" || c.name === "apk"),
  );
}

/** Whether `runtime` can repeat an install of the original's package manager. */
function sameFamily(manager: string, runtime: RuntimeImage): boolean {
  return (manager === "apt" && runtime.packageManager === "apt") || (manager === "apk" && runtime.packageManager === "apk");
}

export function dependenciesOnlyPlan(input: RecipeInput, install: DependencyInstall, runtime: RuntimeImage, prune: string, buildOnlyEnv: RegExp): RecipeAnswer {
  const { model, stage, entry, workdir, builderName } = input;
  const same = nothingToGain(stage, runtime.image, `installs its dependencies with ${install.ecosystem}`);
  if (same !== null) {
    // Dev dependencies are the one thing left to shed, and an install flag sheds them without a stage.
    const devs = install.includesDevDependencies !== false ? (readPackageJson(model)?.devDependencies.size ?? 0) : 0;
    const sub = install.command.args.find((w) => !w.value.startsWith("-"))?.value === "ci" ? "ci" : "install";
    const flag = install.ecosystem === "yarn" ? "yarn install --production" : install.ecosystem === "pnpm" ? "pnpm install --prod" : `npm ${sub} --omit=dev`;
    const what = devs === 1 ? "the dev dependency" : `the ${devs} dev dependencies`;
    return refuse(devs > 0 ? `${same}; to leave ${what} out, install with '${flag}' instead` : same);
  }
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "RUN") continue;
    const global = instruction.commands.find((c) =>
      isGlobalInstall(
        c.name,
        c.args.map((w) => w.value),
      ),
    );
    if (global)
      return refuse(
        `'${model.lines.textIn(global.range)}' installs outside the project folder, so the runtime stage would need that install repeated; convert by hand`,
      );
  }
  const folder = installFolder(input, install);
  if (folder === null) return refuse("the folder the dependencies are installed in cannot be told (a 'cd' to a variable or an unknown working directory)");

  // Packages from a repository the stage adds: the whole RUN is repeated, names alone would not install.
  const text = (i: Instruction) => instructionText(model, i);
  const fromRepositories = repositoryInstalls(stage, text);
  const foreign = fromRepositories.find((r) => !sameFamily(r.manager, runtime));
  if (foreign) return refuse(`the stage installs '${foreign.packages.join("', '")}' from a package repository it adds, which '${runtime.image}' cannot repeat`);
  const repeated = new Set(fromRepositories.map((r) => r.instruction));
  const rest: Stage = { ...stage, instructions: stage.instructions.filter((i) => !repeated.has(i)) };
  const packages = installPackages(stagePackages(rest, usedPrograms(stage.instructions)), runtime);
  const repositoryLines = fromRepositories.flatMap((r) => [
    `# Repeated as written: '${r.packages.join("', '")}' come from a package repository this RUN adds`,
    text(r.instruction),
  ]);

  // The start script may run a development dependency's CLI (nodemon, ts-node): then nothing is pruned.
  const notes = [...packages.notes];
  // A wrapper (`infisical run -- npm start`, `dumb-init -- npm start`) passes the command after `--`.
  const argv = entry.argv ?? [];
  const script = scriptOfCommand(argv.includes("--") ? argv.slice(argv.indexOf("--") + 1) : argv);
  const pkg = readPackageJson(model);
  let pruneLines: string[] = [];
  let keptDev: string | null = null;
  if (install.includesDevDependencies !== false) {
    const needed = script !== null && pkg !== null ? devDependenciesRunBy(pkg, script) : [];
    if (script !== null && pkg === null) keptDev = `the command runs the '${script}' script of a package.json that was not read, which may need them`;
    else if (needed.length > 0) keptDev = `the '${script}' script runs '${needed.join("', '")}'`;
    else pruneLines = [folder === workdir ? prune : `RUN cd ${folder} && ${prune.replace(/^RUN\s+/, "")}`];
  }
  if (keptDev !== null) notes.push(`Dev dependencies are kept (not pruned): ${keptDev}.`);

  const installCommands = new Set<unknown>(input.target.installs.map((d) => d.command));
  const workdirAt = (copy: Instruction) => workdirOf(model, stage, copy) ?? workdir;
  const copies = applicationCopies(stage.instructions, workdirAt);
  const insideWorkdir = copies.every((c) => {
    const dest = c.args[c.args.length - 1]?.value.replace(/^["']|["']$/g, "") ?? "";
    const at = resolvePath(workdirAt(c), dest);
    return workdir !== "/" && (at === workdir || at.startsWith(`${workdir}/`));
  });
  let files: string[];
  if (writesProjectFiles(stage, installCommands, repeated)) {
    // A RUN changes the project after the sources arrive: ship the builder's folder, not the context's.
    if (!insideWorkdir || folder !== workdir)
      return refuse("a RUN changes files after the sources are copied, and the project does not sit in one working directory that could be copied whole");
    files = [`COPY --from=${builderName} ${workdir} ${workdir}`];
  } else {
    const modules = joinPath(folder, "node_modules");
    files = [...copies.map((c) => copyText(model, c, workdirAt(c), workdir)), `COPY --from=${builderName} ${modules} ${modules}`];
  }
  // The original runs as root when it names no USER: it may write next to its files (data, logs),
  // so the conversion keeps root rather than switching to the image's `node` user.
  const hasUser = stage.instructions.some((i) => i.keyword === "USER");
  const userComment =
    hasUser || runtime.nonRootUser === null
      ? []
      : [`# Runs as root like the original; add 'USER ${runtime.nonRootUser}' once the program is known not to write to its folder.`];
  return {
    ok: true,
    plan: {
      variant: "node-server",
      runtime: hasUser ? runtime : { ...runtime, nonRootUser: null },
      builderPrelude: [],
      builderEdits: [],
      builderEpilogue: pruneLines,
      runtimeSteps: [
        ...repositoryLines,
        ...packages.lines,
        ...(keptDev !== null ? [`# Dev dependencies are kept: ${keptDev}.`] : []),
        ...files,
        ...userComment,
      ],
      command: artifactCommand(entry, runtime, null, workdir),
      buildOnlyEnv,
      notes: [
        ...notes,
        "No build step: the builder installs the dependencies (native addons compile there) and the runtime stage receives the project files and node_modules.",
      ],
    },
  };
}
