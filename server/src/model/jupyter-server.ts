// Jupyter server images, read from the file rather than from the base image's name: an image that
// starts a Jupyter server (docker-stacks' launchers, `jupyter lab`, `jupyterhub-singleuser`) is a
// workbench whose users install and compile packages in it; and an image built on Jupyter's
// docker-stacks (its `fix-permissions` script, its start scripts) starts through docker-stacks'
// `start.sh`, which, started as root, sets up the user the image names (NB_USER, NB_UID) and then
// drops to it, unless that user is root. Projects concatenate the docker-stacks Dockerfiles onto
// another base (a CUDA image) or build on a base of their own derived from them, so the base's
// name does not tell.

import { baseName, copyPaths, unquoteWord } from "./copy-paths";
import { envDeclarations, substituteAt } from "./environment";
import { runCommands } from "./run-commands";
import { lineage } from "./stage-graph";
import { startInstructionsOf, withoutInitWrapper } from "./stage-purpose";
import { programAt } from "./command-program";
import { commandsRunAtStart } from "./start-steps";
import type { DockerfileModel, Instruction, Stage } from "./types";

/** docker-stacks' launchers of the notebook server and of JupyterHub's single-user server; both exec `start.sh`. */
const DOCKER_STACKS_LAUNCHER = /^start-(?:notebook|singleuser)\.(?:sh|py)$/;
/** docker-stacks' entry script: runs its arguments, as NB_USER when started as root. */
const DOCKER_STACKS_START = "start.sh";
/** docker-stacks' script that opens a folder to the notebook user's group; no other image family ships it. */
const FIX_PERMISSIONS = "fix-permissions";
/** Programs that are a Jupyter server by themselves. */
const SERVER_PROGRAMS = /^(?:jupyter-(?:lab|notebook|server|labhub)|jupyterhub-singleuser)$/;
/** `jupyter` subcommands that start a server (not `nbconvert`, `kernelspec`, `execute`). */
const SERVER_SUBCOMMANDS = /^(?:lab|notebook|server|labhub)$/;
/** The settings docker-stacks' `start.sh` applies only when started as root: it renames the user, changes its ids, then drops to it. */
const ROOT_SETUP_VARIABLES = new Set(["NB_USER", "NB_UID", "NB_GID"]);

/** The command `words` runs, past leading words, sudo and user switches, an init wrapper and docker-stacks' `start.sh`. */
function innerCommand(words: readonly string[]): string[] {
  const rest = withoutInitWrapper(words.slice(programAt(words)));
  return baseName(rest[0] ?? "") === DOCKER_STACKS_START ? rest.slice(1) : rest;
}

/** True when one simple command (its words) starts a Jupyter server. */
function isJupyterServer(words: readonly string[]): boolean {
  const command = innerCommand(words);
  const program = baseName(command[0] ?? "");
  if (DOCKER_STACKS_LAUNCHER.test(program) || SERVER_PROGRAMS.test(program)) return true;
  return program === "jupyter" && SERVER_SUBCOMMANDS.test(command.slice(1).find((w) => !w.startsWith("-")) ?? "");
}

/**
 * True when the final image starts a Jupyter server: its command (`CMD ["start-notebook.py"]`
 * after `ENTRYPOINT ["tini", "-g", "--", "start.sh"]`, `CMD jupyter lab --ip=0.0.0.0`) or an entry
 * script it names that the host read runs docker-stacks' launchers, `jupyter lab`/`notebook`/
 * `server` or `jupyterhub-singleuser`.
 */
export function startsJupyterServer(model: DockerfileModel): boolean {
  return commandsRunAtStart(model).some(isJupyterServer);
}

/** True when a RUN of `chain` runs docker-stacks' `fix-permissions`. */
function runsFixPermissions(chain: readonly Stage[]): boolean {
  return runCommands(chain).some(({ command }) => command.name === FIX_PERMISSIONS);
}

/** True when a COPY or ADD of `chain` brings a file named `fix-permissions`: the file builds the stack itself. */
function copiesFixPermissions(chain: readonly Stage[]): boolean {
  return chain.some((s) => s.instructions.some((i) => copyPaths(i)?.sources.some((w) => baseName(unquoteWord(w.value)) === FIX_PERMISSIONS) === true));
}

/**
 * True when the image is built on a docker-stacks image it does not build itself: a RUN calls
 * `fix-permissions`, which the file does not copy in, so the base image brought it, and with it
 * docker-stacks' start (`tini -g -- start.sh` and a server launcher).
 */
function isBuiltOnDockerStacks(chain: readonly Stage[]): boolean {
  return runsFixPermissions(chain) && !copiesFixPermissions(chain);
}

/** The program of an ENTRYPOINT or CMD past an init wrapper (`tini -g -- start.sh` is `start.sh`). */
function startProgramOf(instruction: Instruction): string {
  const first = instruction.commands[0];
  const words = instruction.isJsonForm ? instruction.args.map((a) => a.value) : [first?.program?.value ?? "", ...(first?.args.map((a) => a.value) ?? [])];
  return baseName(withoutInitWrapper(words)[0] ?? "");
}

/**
 * True when the image tells `start.sh` that the notebook user is root (`ENV NB_USER=root`, or
 * `NB_UID=0`): the script then starts the server as root, docker-stacks' documented way to keep
 * an image root, and drops nothing.
 */
function namesRootAsNotebookUser(model: DockerfileModel, chain: readonly Stage[]): boolean {
  return envValueOf(model, chain, "NB_USER")?.trim() === "root" || envValueOf(model, chain, "NB_UID")?.trim() === "0";
}

/**
 * The value the last ENV of `chain` that sets `name` gives it, variables filled in where known;
 * undefined when no ENV sets it. An ARG of the name is not read: `start.sh` sees only ENV.
 */
function envValueOf(model: DockerfileModel, chain: readonly Stage[], name: string): string | null | undefined {
  for (const stage of [...chain].reverse()) {
    for (const instruction of [...stage.instructions].reverse()) {
      if (instruction.keyword !== "ENV") continue;
      const value = envDeclarations(model, instruction)
        .filter((d) => d.name === name)
        .pop()?.value;
      if (value === undefined) continue;
      return value === null ? null : substituteAt(model, stage, instruction, value).value;
    }
  }
  return undefined;
}

/**
 * True when the file shows that its base runs a notebook user of docker-stacks' kind: it sets the
 * user `start.sh` switches to (ENV NB_USER, NB_UID or NB_GID) or runs docker-stacks'
 * `fix-permissions`. Such a base does not run as root by default, whatever its name.
 */
export function showsNotebookUserBase(model: DockerfileModel, chain: readonly Stage[]): boolean {
  return (
    runsFixPermissions(chain) ||
    chain.some((s) => s.instructions.some((i) => i.keyword === "ENV" && envDeclarations(model, i).some((d) => ROOT_SETUP_VARIABLES.has(d.name))))
  );
}

/**
 * True when the final image starts through docker-stacks' `start.sh` and sets the user that script
 * switches to (ENV NB_USER, NB_UID or NB_GID), and that user is not root: started as root, the
 * script renames the notebook user, changes its ids and home, and drops to it before it starts
 * the server, which a USER line would prevent. The start is docker-stacks': an ENTRYPOINT (or, with none, a CMD) of its own that
 * runs a docker-stacks launcher, or `start.sh` in an image that runs docker-stacks'
 * `fix-permissions` (`start.sh` alone is a common name); or no start of its own on a docker-stacks
 * base it does not build itself (the base's `start.sh` stays the start). A CMD of its own under an
 * inherited ENTRYPOINT is not read: older docker-stacks bases start `start-notebook.sh` from their
 * CMD, not their ENTRYPOINT, so another CMD replaces it.
 */
export function dropsThroughDockerStacksStart(model: DockerfileModel): boolean {
  const final = model.finalStage;
  if (final === null) return false;
  const chain = lineage(final);
  const setsUser = chain.some((s) =>
    s.instructions.some((i) => i.keyword === "ENV" && envDeclarations(model, i).some((d) => ROOT_SETUP_VARIABLES.has(d.name))),
  );
  if (!setsUser || namesRootAsNotebookUser(model, chain)) return false;
  const { entrypoint, cmd } = startInstructionsOf(final);
  const start = entrypoint ?? cmd;
  if (start === null) return isBuiltOnDockerStacks(chain);
  const program = startProgramOf(start);
  return DOCKER_STACKS_LAUNCHER.test(program) || (program === DOCKER_STACKS_START && runsFixPermissions(chain));
}
