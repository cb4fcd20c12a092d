// The USER of the runtime stage: the original one when it exists there, otherwise the runtime
// image's own non-root user, so converting never silently turns a non-root image into a root one.

import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { isAlpineImage, RuntimeImage } from "./runtime-base";
import { instructionText } from "./source-text";

/** Users official runtime images ship with, by image name prefix. */
const IMAGE_USERS: readonly [RegExp, string][] = [
  [/^node:/, "node"],
  [/^nginx:/, "nginx"],
  [/^gcr\.io\/distroless\//, "nonroot"],
  [/^mcr\.microsoft\.com\/dotnet\//, "app"],
];
const ALWAYS_PRESENT = new Set(["root", "nobody", "0"]);
/** An arbitrary unprivileged uid for images without users (scratch): no passwd entry is needed. */
export const NUMERIC_NON_ROOT = "65532:65532";

const USER_SETUP = new Set(["useradd", "adduser", "groupadd", "addgroup", "usermod", "mkdir", "chown", "chmod"]);

export interface RuntimeUser {
  /** RUN lines that create the user in the runtime stage. */
  setup: string[];
  /** The USER line, or null for none. */
  line: string | null;
  /** Who runs the program in the runtime stage (as USER names it); null for root. */
  runsAs: string | null;
  notes: string[];
}

function userExists(runtime: RuntimeImage, user: string): boolean {
  const name = user.split(":")[0];
  if (/^\d+$/.test(name) || ALWAYS_PRESENT.has(name)) return true;
  return IMAGE_USERS.some(([image, u]) => image.test(runtime.image) && u === name);
}

/** RUN instructions that only create users and their folders. */
function userSetupRuns(stage: Stage): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === "RUN" && i.commands.length > 0 && i.commands.every((c) => USER_SETUP.has(c.name) || c.name === "true"));
}

/** Absolute VOLUME paths of a stage (JSON or plain form). */
function volumePaths(stage: Stage): string[] {
  return stage.instructions
    .filter((i) => i.keyword === "VOLUME")
    .flatMap((i) => i.args.map((a) => a.value.replace(/^["']|["']$/g, "")))
    .filter((p) => p.startsWith("/"));
}

/**
 * The original ran as root, so it could write to its volumes; the runtime stage now runs as
 * `user`, and a VOLUME folder the image does not create is owned by root. Where the runtime has a
 * shell the folders are created for the user; elsewhere the user is told.
 */
function withWritableVolumes(stage: Stage, runtime: RuntimeImage, user: string, plan: RuntimeUser): RuntimeUser {
  const volumes = volumePaths(stage);
  if (volumes.length === 0) return plan;
  if (runtime.hasShell) return { ...plan, setup: [...plan.setup, `RUN mkdir -p ${volumes.join(" ")} && chown ${user} ${volumes.join(" ")}`] };
  const note = `The runtime stage runs as '${user}' rather than root, and '${volumes.join("', '")}' is created owned by root there: if the program writes to it, prepare the folder's ownership (the image has no shell to do it).`;
  return { ...plan, notes: [...plan.notes, note] };
}

/** `--chown=<user>` for a COPY the program must be able to write to (the group follows the user). */
export function chownFlag(user: string): string {
  return `--chown=${user}`;
}

/** True when the builder's user-creating RUNs replay in the runtime (`adduser -D` is Alpine's, `useradd` Debian's). */
export function sharesDistribution(stage: Stage, runtime: RuntimeImage): boolean {
  const builderIsAlpine = isAlpineImage(stage.base.resolved);
  return runtime.kind === "alpine" ? builderIsAlpine : runtime.kind === "debian" && !builderIsAlpine;
}

/** Who will run the program on `runtime` (null: root), as the planner decides it after the recipe. */
export function runtimeUserOf(model: DockerfileModel, stage: Stage, runtime: RuntimeImage): string | null {
  return planRuntimeUser(model, stage, runtime, sharesDistribution(stage, runtime)).runsAs;
}

export function planRuntimeUser(model: DockerfileModel, stage: Stage, runtime: RuntimeImage, sameDistribution: boolean): RuntimeUser {
  const userInstruction = [...stage.instructions].reverse().find((i) => i.keyword === "USER" && i.args.length > 0);
  if (!userInstruction) {
    if (runtime.runsAsNonRoot) {
      const user = runtime.nonRootUser ?? NUMERIC_NON_ROOT;
      return withWritableVolumes(stage, runtime, user, { setup: [], line: null, runsAs: user, notes: [] });
    }
    if (runtime.nonRootUser)
      return withWritableVolumes(stage, runtime, runtime.nonRootUser, {
        setup: [],
        line: `USER ${runtime.nonRootUser}`,
        runsAs: runtime.nonRootUser,
        notes: [],
      });
    if (runtime.kind === "scratch")
      return withWritableVolumes(stage, runtime, NUMERIC_NON_ROOT, { setup: [], line: `USER ${NUMERIC_NON_ROOT}`, runsAs: NUMERIC_NON_ROOT, notes: [] });
    return { setup: [], line: null, runsAs: null, notes: [] };
  }
  const user = userInstruction.args.map((a) => a.value).join(" ");
  const original = instructionText(model, userInstruction);
  // nginx starts as root and drops to its own worker user; another USER would stop it binding.
  if (runtime.kind === "web-server")
    return { setup: [], line: null, runsAs: null, notes: [`USER '${user}' is dropped: nginx starts as root and runs its workers as 'nginx'.`] };
  const runsAs = /^(?:root|0)(?::|$)/.test(user) ? null : user;
  if (user.includes("$") || userExists(runtime, user)) return { setup: [], line: original, runsAs, notes: [] };
  const setup = userSetupRuns(stage);
  if (runtime.hasShell && sameDistribution && setup.length > 0) {
    return { setup: setup.map((i) => instructionText(model, i)), line: original, runsAs, notes: [] };
  }
  const fallback = runtime.nonRootUser ?? NUMERIC_NON_ROOT;
  const note = `User '${user}' is created in the build stage only; the runtime stage runs as '${fallback}' instead.`;
  if (runtime.runsAsNonRoot) return { setup: [], line: null, runsAs: fallback, notes: [note] };
  return { setup: [], line: `USER ${fallback}`, runsAs: fallback, notes: [note] };
}
