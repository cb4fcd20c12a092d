// final-stage-root: the final image runs as root, because its last USER is root or because no
// USER ever switches away from the root default of the base. Unlike hadolint's DL3002 we judge
// only the final stage (and the stages it builds on): a builder stage running as root never runs
// in production. And we also report a final stage with no USER at all, hadolint stays silent there.

import type { Rule } from "./types";
import { lineage, mergedScope } from "../model/stage-graph";
import { isDevelopmentStage } from "../model/stage-purpose";
import type { Instruction, Stage } from "../model/types";
import { substituteVariables } from "../model/variables";
import { defaultUserOf } from "../images/default-user";

/** Tools an entrypoint uses to drop root at start (the official images' docker-entrypoint.sh idiom). */
const PRIVILEGE_DROPPERS = /\b(?:gosu|su-exec|setpriv|runuser|s6-setuidgid|chpst|setuser)\b/;

function isRootUser(value: string): boolean {
  return value === "root" || value === "0" || value.startsWith("root:") || value.startsWith("0:");
}

export const rule: Rule = {
  meta: {
    id: "final-stage-root",
    family: "base-images",
    severity: "info",
    description: "Run the final image as a non-root user.",
    fix: "none",
    equivalents: { hadolint: ["DL3002"] },
    messages: {
      lastUserRoot:
        "The last USER of the final stage is '{user}', so the container runs as root and a compromise owns the whole container; switch to a non-root USER after the steps that need root.",
      noUser:
        "The final stage never switches away from root (base '{image}' runs as root by default), so a compromise owns the whole container; add a non-root USER after the steps that need root.",
      noUserUnknownBase:
        "The final stage sets no USER, so the container runs as root unless base '{image}' picks another user itself (Stagecraft has no facts about its default user); add a non-root USER after the steps that need root.",
    },
  },
  check(model, report) {
    const final = model.finalStage;
    if (!final) return;
    const chain: Stage[] = lineage(final);
    let last: { instruction: Instruction; value: string } | null = null;
    for (const stage of chain) {
      const scope = mergedScope(model, stage);
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== "USER" || instruction.args.length === 0) continue;
        last = { instruction, value: substituteVariables(instruction.args[0].value, scope).value };
      }
    }
    // No fix: we cannot know which user the image should run as.
    if (last) {
      if (isRootUser(last.value)) report({ range: last.instruction.args[0].range, messageId: "lastUserRoot", data: { user: last.instruction.args[0].value } });
      return;
    }
    const root = chain[0];
    // scratch has no user database and usually holds one static binary; distroless-style images
    // choose their user by tag. Development stages run as root on purpose.
    if (root.base.kind !== "image" || root.base.unresolved.length > 0 || isDevelopmentStage(final)) return;
    const defaultUser = defaultUserOf(root.base.resolved);
    if (defaultUser === "non-root" || defaultUser === "windows") return;
    const dropsPrivileges = chain.some((s) =>
      s.instructions.some(
        (i) => (i.keyword === "RUN" || i.keyword === "ENTRYPOINT" || i.keyword === "CMD") && i.args.some((a) => PRIVILEGE_DROPPERS.test(a.value)),
      ),
    );
    if (dropsPrivileges) return;
    report({ range: final.base.token.range, messageId: defaultUser === "root" ? "noUser" : "noUserUnknownBase", data: { image: root.base.resolved } });
  },
};
