// copy-from-later-stage: `COPY --from` / `RUN --mount=from=` naming a stage defined further down,
// or `FROM <name>` where `<name>` is only defined later (FROM sees earlier stages only, so it pulls
// an image of that name).

import { looksLikeImage } from "../images/official-images";
import { buildReferences } from "../model/stage-references";
import { dependenciesOf, stagesByName } from "../model/stage-graph";
import type { DockerfileModel, Stage } from "../model/types";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "copy-from-later-stage",
    family: "references",
    severity: "error",
    description: "Reference stages defined above the reference.",
    fix: "none",
    equivalents: { hadolint: ["DL3022"] },
    messages: {
      later: "Stage '{name}' is defined later, on line {line}, so the build fails; move it above this stage.",
      fromLater: "FROM '{name}' pulls an image, as stage '{name}' comes later (line {line}); move that stage up.",
    },
  },
  // No fix: moving a stage is a multi-line edit that may change what other references resolve to.
  check(model, report) {
    for (const ref of buildReferences(model)) {
      if (ref.kind === "from" || ref.isIndex || !ref.target || ref.target.index <= ref.owner.index) continue;
      // A later stage that depends back on this one closes a cycle: copy-from-cycle reports it.
      if (dependsOn(model, ref.target, ref.owner)) continue;
      report({ range: ref.token.range, messageId: "later", data: { name: ref.target.name ?? ref.resolved, line: ref.target.from.range.start.line + 1 } });
    }
    for (const stage of model.stages) {
      const base = stage.base;
      if (base.kind !== "image" || base.unresolved.length > 0 || looksLikeImage(base.resolved)) continue;
      const later = stagesByName(model)
        .get(base.resolved.toLowerCase())
        ?.find((s) => s.index > stage.index);
      if (later) report({ range: base.token.range, messageId: "fromLater", data: { name: base.resolved, line: later.from.range.start.line + 1 } });
    }
  },
};

/** True when `from` needs `to`, directly or through other stages. */
function dependsOn(model: DockerfileModel, from: Stage, to: Stage): boolean {
  const seen = new Set<Stage>();
  const stack = [from];
  while (stack.length > 0) {
    const stage = stack.pop() as Stage;
    if (stage === to) return true;
    if (seen.has(stage)) continue;
    seen.add(stage);
    stack.push(...dependenciesOf(model, stage));
  }
  return false;
}
