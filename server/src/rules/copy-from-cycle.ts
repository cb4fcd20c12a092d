// copy-from-cycle: stages that copy or mount from each other in a loop (a -> b -> a). BuildKit
// refuses the whole file with "circular dependency detected on stage".

import { findCycles, referencesByOwner } from "../model/stage-graph";
import { isTriggerReference } from "../model/stage-references";
import type { Stage, StageReference } from "../model/types";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "copy-from-cycle",
    family: "references",
    severity: "error",
    description: "Keep stage dependencies free of cycles.",
    fix: "none",
    equivalents: {},
    messages: {
      cycle: "Stages {cycle} depend on each other in a cycle, so the build fails; remove one reference.",
    },
  },
  // No fix: which edge of the cycle is the mistake is the author's call.
  check(model, report) {
    const byOwner = referencesByOwner(model);
    const edgeReference = (owner: Stage, target: Stage) => byOwner.get(owner)?.find((r) => r.target === target && !isTriggerReference(r));
    const seen = new Set<string>();
    for (const cycle of findCycles(model)) {
      // A stage naming itself is copy-from-self's (or copy-from-index-invalid's) finding.
      if (cycle.length < 2) continue;
      const key = cycle
        .map((s) => s.index)
        .sort((a, b) => a - b)
        .join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      const edges = cycle.map((stage, i) => [stage, cycle[(i + 1) % cycle.length]] as const);
      // The reference to a later stage is the one that turned build order into a loop.
      const inCycle = edges.map(([owner, target]) => edgeReference(owner, target)).filter((r): r is StageReference => r !== undefined);
      if (inCycle.length === 0) continue;
      const culprit = inCycle.find((r) => (r.target as Stage).index > r.owner.index) ?? inCycle[0];
      const start = cycle.indexOf(culprit.owner);
      const ordered = [...cycle.slice(start), ...cycle.slice(0, start), culprit.owner];
      report({ range: culprit.token.range, messageId: "cycle", data: { cycle: ordered.map(label).join(" -> ") } });
    }
  },
};

function label(stage: Stage): string {
  return `'${stage.name ?? stage.index}'`;
}
