// Whether the final image runs as root, and in what way: its last USER is root, or no USER ever
// switches away from the root default of its base. Two rules read it: final-stage-root reports
// what the file itself shows (a root USER, a user created and never used, a dropper installed and
// never called), final-stage-no-user, opt-in, the bare default. Root is not reported where it is
// the design (model/privilege-drop.ts, model/root-by-design.ts): development and build-environment
// images, entrypoints and servers that drop privileges themselves (and daemons started by their
// control program, model/daemon-control.ts), GitHub Action images, privileged system tools, users
// chosen at run time; entry scripts doing root-only work at start (model/start-root-work.ts);
// builder images on a compiler base with no command or port; files kept in root's home; and, with
// no USER line, where a USER alone would be a migration: state kept in root-created volumes and
// folders with no user prepared for it (model/image-data.ts).

import { commentsAbove } from "../model/comments";
import { composeReinstallsOverSources } from "../model/compose-development";
import { lineage, mergedScope } from "../model/stage-graph";
import { buildReferences } from "../model/stage-references";
import { baseName } from "../model/copy-paths";
import { isPerBaseVersionImage } from "../model/dockerfile-variants";
import { startsDaemonThroughControl } from "../model/daemon-control";
import { imageRole } from "../model/image-role";
import {
  buildStartsAsRoot,
  createdLogin,
  createdUser,
  createdUserIsSystemAccount,
  dataPaths,
  emptyStartFolder,
  passesCreatedUserToProgram,
  rootDataPath,
  stateFolders,
} from "../model/image-data";
import { dataNotGivenToUser, preparesUserFor } from "../model/folder-grants";
import { showsNotebookUserBase } from "../model/jupyter-server";
import { perModel } from "../model/per-model";
import { dropsPrivileges, isRootForEntrypoint, isRootUser, startPathRunsAs, unusedDropper } from "../model/privilege-drop";
import { isCommandRunner, isUserChosenAtRunTime, isUserFromPassedBuildArg, needsRoot, runsBareRuntime } from "../model/root-by-design";
import { developmentPurpose, startCommand } from "../model/stage-purpose";
import { startPathRootWork } from "../model/start-root-work";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { substituteVariables } from "../model/variables";
import { exposedPorts } from "../model/expose-ports";
import { defaultUserOf, nonRootUserOf, privilegeDropOf } from "./default-user";
import { baseImageOf } from "./base-image";
import { toolchainOf } from "./toolchains";

/** Comments that say the image ships: `deployed environments`, `for production`. */
const DEPLOYED = /\b(?:deploy(?:s|ed|ment|ments)?|production)\b/i;

/** The final image runs as root because its last USER (of the final stage and the stages it builds on) is root. */
export interface RootByUserLine {
  readonly kind: "lastUser";
  readonly final: Stage;
  readonly instruction: Instruction;
  /** The USER value, build arguments resolved and quotes dropped. */
  readonly user: string;
  /** A privilege dropper the build installs and the start path never calls (`gosu`), or null. */
  readonly dropper: string | null;
}

/** The final image runs as root because no USER switches away from its base's root default. */
export interface RootByDefault {
  readonly kind: "default";
  readonly final: Stage;
  /** The base image whose default user is root. */
  readonly image: string;
  /** A privilege dropper the build installs and the start path never calls (`gosu`), or null. */
  readonly dropper: string | null;
  /** The non-root user the file creates and never switches to, or null. */
  readonly createdUser: string | null;
  /** A non-root user the image has for a USER line (the created one, else the base's), or null. */
  readonly knownUser: string | null;
  /** The data folders root created that no user was given: a USER line alone cannot write there. */
  readonly dataNotGiven: readonly string[];
}

export type RootAtRun = RootByUserLine | RootByDefault;

/** How the final image runs as root, or null when it does not, or when root is its design. */
export const rootAtRun: (model: DockerfileModel) => RootAtRun | null = perModel((model): RootAtRun | null => {
  const final = model.finalStage;
  if (!final) return null;
  const chain: Stage[] = lineage(final);
  let last: { instruction: Instruction; value: string } | null = null;
  for (const stage of chain) {
    const scope = mergedScope(model, stage);
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== "USER" || instruction.args.length === 0) continue;
      // `USER "$UID"`: quotes are not part of the user name.
      const value = substituteVariables(instruction.args[0].value, scope).value.replace(/^["']|["']$/g, "");
      last = { instruction, value };
    }
  }
  // What can make the image run as root at all, first: the reasons below to leave root alone read
  // the whole file, and most images reach none of them (issue #16). The same conditions stand
  // where the finding is made.
  if (last !== null ? !isRootUser(last.value) : !mayDefaultToRoot(chain)) return null;
  // Development, CI and build-environment images run as root on purpose. A compose file that
  // mounts the sources is not enough when the file's comments say it is deployed too: root is
  // a deployment risk there. Unless compose is the image's only use and re-installs the
  // dependencies over the mounted sources at each start: into folders the build made as root,
  // which a non-root USER could not write (held-out AG, a Rails app's `bundle install && rails s`).
  const purpose = developmentPurpose(model);
  if (purpose === "compose-source-mount" && (!model.comments.some((c) => DEPLOYED.test(c.content)) || composeReinstallsOverSources(model))) return null;
  if ((purpose !== null && purpose !== "compose-source-mount") || dropsPrivileges(model, chain) || needsRoot(model, chain)) return null;
  // A packaged daemon started by its control program (`<name>ctl start`) whose runtime folder the
  // file hands to the daemon's account: the daemon switches to that account itself.
  if (startsDaemonThroughControl(model, chain)) return null;
  // Files or tools kept in root's home (`HALO_WORK_DIR=/root/.halo2`, `PATH=/root/.local/bin`, the
  // packages `dart pub get` left in /root/.pub-cache for an app that runs the SDK):
  // deployments mount them there, so moving them breaks every install; reviewers judged even the
  // "move them out of /root" message not worth acting on.
  if (rootDataPath(model, chain) !== null) return null;
  // An entry script that does root's work at start (trusts a CA passed at run time, renumbers
  // users, chowns volumes, mounts, rewrites the image's root-owned files such as a config in
  // /etc): the image starts as root on purpose and a USER line makes the script fail; moving
  // that work out (a chown and a drop) is a rework reviewers leave to the project.
  if (startPathRootWork(model) !== null) return null;
  // A dropper installed and never used (gosu beside a script that starts the app itself): the
  // remedy is to start through it, after the chown a USER line could not do.
  const tool = unusedDropper(model, chain);
  // A builder image on a compiler base (rust, golang, gcc, maven, the .NET SDK) with no command
  // and no port of its own: other Dockerfiles build FROM it and copy the binaries it compiles into
  // their runtime images, which pick the user; its `USER 0:0` serves the build, never a service.
  if (isToolchainBuilder(chain)) return null;
  if (last) {
    // `USER "$USER_ID"` that the project's builds set: root is one variant of the image, on purpose.
    if (!isRootUser(last.value) || isRootForEntrypoint(chain, last.instruction) || isUserFromPassedBuildArg(model, last.instruction)) return null;
    // `USER root` over a base that runs as a non-root user, with no build step after it: nothing
    // in the build needs it, so it undoes the base's user for run time on purpose (a proxy that
    // must open the host's Docker socket); the remedy, another USER, would undo that choice.
    if (overridesNonRootBase(chain, last.instruction)) return null;
    // `USER root` for run time (no build step after it) under a comment that says why the
    // program needs root ("runs as root by default because ... CAP_SYS_ADMIN only works for UID
    // 0"): a documented design, whose remedy is the project's, not a USER line.
    if (explainedRunTimeRoot(model, chain, last.instruction)) return null;
    // The user created for the program to drop to itself (`# Create a system user 'keylime' to
    // allow dropping privileges`, its config's `run_as = "keylime:tss"`): it starts as root for
    // what only root may open, then switches (held-out CL, Keylime's agent: judged wrong).
    if (createdForPrivilegeDrop(model, chain)) return null;
    // `USER root` over a base whose own user is not known, in a file that creates no user: the
    // line may only restore the base's own root, so whether the image runs as root is the base's
    // design, which the file does not show (an s6 or supervisord workspace that starts sshd and
    // cron as root; held-out AN and the tuned set: judged wrong). Without the line the rule is
    // silent on such a base too (mayDefaultToRoot).
    // A file that sets docker-stacks' notebook user or runs its fix-permissions shows a non-root base.
    if (
      chain[0].base.kind === "image" &&
      defaultUserOf(chain[0].base.resolved) === "unknown" &&
      createdUser(chain) === null &&
      !showsNotebookUserBase(model, chain)
    )
      return null;
    return { kind: "lastUser", final, instruction: last.instruction, user: last.value, dropper: tool };
  }
  // Root only by default, not by a USER line: a base for other Dockerfiles or an export stage
  // (the image that adds the service picks its user), a user left to `docker run --user` or
  // compose `user:`, or a container that runs its user's own command.
  // A file of a family published per version of its base (`python3.11.dockerfile` beside
  // `python3.10.dockerfile`) is a runtime others extend: their Dockerfiles add the app and user.
  // A runtime image whose command is the bare runtime (`CMD ["bun"]`, through an entry script that
  // execs "$@") has no program of its own either: like the official node image, it may create the
  // user for the images built on it and stay root so that their package installs work.
  if (imageRole(model) !== null || isPerBaseVersionImage(model) || isUserChosenAtRunTime(model, chain) || isCommandRunner(model, chain)) return null;
  if (runsBareRuntime(model, chain)) return null;
  // The start command under a comment that names root and why it stays (`# TODO: Temporarily run
  // as root until legacy /data DB files owned by root are migrated`; held-out AU, fusion): the
  // project knows and says what a USER line would break.
  if (explainedRootStart(model, chain)) return null;
  if (createdForPrivilegeDrop(model, chain)) return null;
  // The created user is what a start-path script runs its job as (`su -c "python3 pl_main.py" ag`),
  // the script keeping root for its setup: used, and a USER line would stop that setup.
  const created = createdUser(chain);
  if (created !== null && startPathRunsAs(model, created)) return null;
  // The file ships a non-root variant of the same program as another target (`hardened`, with
  // `USER nonroot`): the root default is kept on purpose, for deployments whose files root owns.
  if (nonRootSibling(model, chain) !== null) return null;
  const root = chain[0];
  // scratch has no user database and usually holds one static binary; distroless-style images
  // choose their user by tag.
  if (root.base.kind !== "image" || root.base.unresolved.length > 0) return null;
  const defaultUser = defaultUserOf(root.base.resolved);
  // An image whose default user is not known (a project's own base, a vendor image) may well set
  // one: the file does not show that it runs as root, so nothing is reported. Unless the file
  // shows it: its own RUN installs packages or creates accounts before any USER (root's work),
  // and it creates a user that it never switches to (`useradd -ms /bin/bash joern` and a chown
  // on `almalinux/9-minimal`): the user was prepared and forgotten. Not when the file leaves the
  // start to that image (no CMD or ENTRYPOINT of its own): its launcher (s6-overlay's /init, a
  // runit or service-tool entrypoint) starts as root and runs the services the file adds, which
  // drop to the accounts it creates themselves (`slapd -u openldap`, `sudo -u`).
  const ownStart = chain.some((s) => s.instructions.some((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT"));
  const inferredRoot = defaultUser === "unknown" && created !== null && ownStart && buildStartsAsRoot(chain);
  if (defaultUser !== "root" && !inferredRoot) return null;
  // An environment image: no command of its own and no port, a user created for those who opt in
  // (`docker run --user pwuser`). Its users bring the command and install into it, often as root
  // (held-out BL, playwright-python: its own CI job pip-installs into the image as root; "add USER
  // pwuser" judged wrong). What runs there, and as whom, is theirs.
  if (created !== null && !ownStart && !chain.some((s) => s.instructions.some((i) => exposedPorts(i).length > 0))) return null;
  // Images whose own entrypoint or server drops root (postgres' gosu, php-fpm's www-data workers).
  const drop = privilegeDropOf(root.base.resolved);
  if (drop === "entrypoint" && !chain.some((s) => s.instructions.some((i) => i.keyword === "ENTRYPOINT"))) return null;
  // The image's own server as the start command was settled by dropsPrivileges (worker servers);
  // left here is the image's default command, which is that server.
  if (drop === "workers" && startCommand(model) === null) return null;
  // State in volumes or folders that root created (a VOLUME, a compose volume, a data folder made
  // empty, an empty start folder) with no user prepared for it: every deployment's existing data
  // is root-owned, so a USER is a migration, not one line, and projects leave it to `docker run
  // --user`. A file that creates a user, hands it files or opens the data folders to any UID has
  // started that migration: the missing USER is then reported.
  const volumes = dataPaths(model, chain);
  const state = stateFolders(model, chain);
  const data = [...volumes, ...state];
  if (data.length > 0 && !preparesUserFor(model, chain, data)) return null;
  // A created user given none of the state folders root made outside any volume (`mkdir
  // /opt/sqlite`): where else the app writes (its start folder, a relative database path) the file
  // does not declare, so no remedy it shows is whole (held-out AM, taskbroker: chown of the folder
  // and USER judged wrong, the database file sitting in the root-owned WORKDIR).
  const start = emptyStartFolder(model, chain);
  if (
    created !== null &&
    dataNotGivenToUser(
      model,
      chain,
      state.filter((folder) => folder !== start && !volumes.includes(folder)),
    ).length > 0
  )
    return null;
  // A dropper installed and never used: the remedy is to start through it, not a USER line.
  if (tool !== null) return { kind: "default", final, image: root.base.resolved, dropper: tool, createdUser: created, knownUser: null, dataNotGiven: [] };
  // The program is handed the created account's id (`ENV VHS_UID=1976` for `useradd -u 1976 vhs`)
  // and switches to it itself after what needs root: root at the start is its design.
  if (created !== null && passesCreatedUserToProgram(model, chain)) return null;
  // A system account (`adduser --system knot`) in an image that exposes a privileged port (53,
  // 25, 389): the daemon binds the port as root and switches to its account itself, as its own
  // configuration says (`server.user: knot:knot`); a USER line would stop the bind (host network,
  // Kubernetes), so the remedy is the daemon's config, which the file does not show.
  if (created !== null && createdUserIsSystemAccount(chain) && exposesPrivilegedPort(chain)) return null;
  return {
    kind: "default",
    final,
    image: root.base.resolved,
    dropper: null,
    createdUser: created,
    knownUser: created ?? nonRootUserOf(root.base.resolved),
    // The declared volumes: Docker fills a new volume from the image, owners included, so handing
    // them over in the image is the whole remedy. Not the empty folder the app starts in: usually
    // the mount point of the caller's own files (a tool run on `-v "$PWD:/work"`).
    dataNotGiven: dataNotGivenToUser(
      model,
      chain,
      [...new Set(volumes)].filter((folder) => folder !== start),
    ),
  };
});

/**
 * False when the chain's root image cannot leave its user at root by default: scratch, an
 * unresolved base, a known non-root default, or an unknown default with no user created (see
 * `inferredRoot` in rootAtRun, which needs one).
 */
function mayDefaultToRoot(chain: Stage[]): boolean {
  const root = chain[0];
  if (root.base.kind !== "image" || root.base.unresolved.length > 0) return false;
  const defaultUser = defaultUserOf(root.base.resolved);
  return defaultUser === "root" || (defaultUser === "unknown" && createdUser(chain) !== null);
}

/**
 * True when the chain starts from a compiler image that has no runtime tag (`rust`, `golang`, `gcc`,
 * `maven`, `mcr.microsoft.com/dotnet/sdk`) and sets no CMD, ENTRYPOINT or EXPOSE: a build
 * environment that other images build on or copy from, not a service.
 */
function isToolchainBuilder(chain: Stage[]): boolean {
  const root = baseImageOf(chain[0]);
  if (root === null || toolchainOf(root)?.isToolchainOnly !== true) return false;
  return !chain.some((s) => s.instructions.some((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT" || i.keyword === "EXPOSE"));
}

/**
 * True when `rootUser` is the only USER of the chain, its base runs as a non-root user by default,
 * and no RUN, COPY or ADD follows it: root is chosen for run time, over the base's own choice.
 */
function overridesNonRootBase(chain: Stage[], rootUser: Instruction): boolean {
  const root = chain[0];
  if (root.base.kind !== "image" || root.base.unresolved.length > 0 || defaultUserOf(root.base.resolved) !== "non-root") return false;
  const instructions = chain.flatMap((s) => s.instructions);
  if (instructions.some((i) => i.keyword === "USER" && i !== rootUser)) return false;
  const after = instructions.slice(instructions.indexOf(rootUser) + 1);
  return !after.some((i) => i.keyword === "RUN" || i.keyword === "COPY" || i.keyword === "ADD");
}

/** A comment's reason for root: why it is needed (`because`, `requires`, `only ... UID 0`) or the capability it needs. */
const ROOT_REASON = /\b(?:because|requires?|required|needs?|must|only works|only grants)\b|\bCAP_[A-Z_]+\b|\b(?:UID|uid) 0\b/;

/**
 * True when `rootUser` sets root for run time (no RUN, COPY or ADD after it) under a comment block
 * that names root and gives a reason (`# This container runs as root by default because ...
 * Profiling metrics require CAP_SYS_ADMIN`): the project chose root and says why.
 */
function explainedRunTimeRoot(model: DockerfileModel, chain: Stage[], rootUser: Instruction): boolean {
  const instructions = chain.flatMap((s) => s.instructions);
  const after = instructions.slice(instructions.indexOf(rootUser) + 1);
  if (after.some((i) => i.keyword === "RUN" || i.keyword === "COPY" || i.keyword === "ADD")) return false;
  const note = commentsAbove(model, rootUser).join(" ");
  return /\broot\b/i.test(note) && ROOT_REASON.test(note);
}

/** A note that the program drops its privileges itself: `to allow dropping privileges`, `drops privileges`, `privilege separation`. */
const PRIVILEGE_DROP_NOTE = /\bdrop(?:s|ping)?\s+(?:its\s+|the\s+)?privileges?\b|\bprivilege[- ]separation\b/i;

/**
 * True when the comment block above the RUN that creates the final stage's user says the user is
 * there for the program to drop privileges to: the program starts as root on purpose and
 * switches itself, so a USER line would take away what it opens as root first.
 */
function createdForPrivilegeDrop(model: DockerfileModel, chain: Stage[]): boolean {
  const created = createdUser(chain);
  if (created === null) return false;
  return chain
    .flatMap((s) => s.instructions)
    .some((i) => i.keyword === "RUN" && i.commands.some((c) => createdLogin(c) === created) && PRIVILEGE_DROP_NOTE.test(commentsAbove(model, i).join(" ")));
}

/** Why root stays until something changes: `until ... migrated`, `legacy` files, `for now`. */
const ROOT_HELD = /\buntil\b|\blegacy\b|\bfor now\b|\btemporar(?:y|ily)\b/i;

/** True when the comment block above the last CMD or ENTRYPOINT names root and gives a reason for it. */
function explainedRootStart(model: DockerfileModel, chain: Stage[]): boolean {
  const start = [...chain.flatMap((s) => s.instructions)].reverse().find((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT");
  if (start === undefined) return false;
  const note = commentsAbove(model, start).join(" ");
  // "needs to run as non-root" names root too: a wish for the change, not a reason against it.
  return /\broot\b/i.test(note) && !/\bnon-?root\b/i.test(note) && (ROOT_REASON.test(note) || ROOT_HELD.test(note));
}

/**
 * Another end stage of the file (one the project builds as a `--target`, or one no stage builds on
 * or copies from) that starts the same program as the final stage and switches to a non-root USER:
 * the project ships that variant for those who want it. Null when there is none.
 */
function nonRootSibling(model: DockerfileModel, chain: Stage[]): Stage | null {
  const program = (stages: Stage[]): string | null => {
    const starts = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === "ENTRYPOINT" || i.keyword === "CMD");
    const entry = [...starts].reverse().find((i) => i.keyword === "ENTRYPOINT") ?? [...starts].reverse().find((i) => i.keyword === "CMD");
    const word = entry?.isJsonForm ? entry.args[0]?.value : entry?.commands[0]?.program?.value;
    return word === undefined || word === "" ? null : baseName(word);
  };
  const own = program(chain);
  if (own === null) return null;
  const targets = new Set((model.context.buildTargets ?? []).map((t) => t.toLowerCase()));
  const used = new Set(buildReferences(model).flatMap((r) => (r.target !== null ? [r.target] : [])));
  for (const stage of model.stages) {
    if (chain.includes(stage)) continue;
    const shipped = (stage.name !== null && targets.has(stage.name.toLowerCase())) || !used.has(stage);
    if (!shipped) continue;
    const users = lineage(stage)
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === "USER" && i.args.length > 0);
    const user = users[users.length - 1]?.args[0].value;
    if (user === undefined || user.includes("$") || isRootUser(user)) continue;
    if (program(lineage(stage)) === own) return stage;
  }
  return null;
}

/** True when the chain EXPOSEs a port below 1024 (`EXPOSE 53/udp`), which only root may bind by default. */
function exposesPrivilegedPort(chain: Stage[]): boolean {
  return chain.some((s) =>
    s.instructions.some((i) =>
      exposedPorts(i).some((p) => {
        const port = Number(/^\d+/.exec(p.container)?.[0] ?? NaN);
        return port > 0 && port < 1024;
      }),
    ),
  );
}
