// stage-index-reference: `COPY --from=0` / `RUN --mount=from=0` silently points at another stage
// as soon as a stage is added or moved above it; a name keeps pointing at the same stage.

import { literalIndexReferences, nameIndexReferences } from "../fixes/stage-index-name";
import { buildReferences } from "../model/stage-references";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "stage-index-reference",
    family: "stages",
    severity: "warning",
    description: "Reference stages by name, not by number.",
    fix: "safe",
    equivalents: {},
    messages: {
      named: "Stage index '{index}' refers to stage '{name}' by number; reference it by name, '{name}'.",
      unnamed: "Stage index '{index}' refers to the stage on line {line} by number; name that stage and use the name.",
    },
  },
  check(model, report) {
    // Stages some number points at, found in one pass: most stages have none.
    const indexTargets = new Set(
      buildReferences(model)
        .filter((ref) => ref.isIndex)
        .map((ref) => ref.target),
    );
    for (const stage of model.stages) {
      if (!indexTargets.has(stage)) continue;
      // Literal numbers only: `--from=${N}` chooses the stage by build argument on purpose. An index
      // that is no earlier stage is copy-from-index-invalid's error, not a style question.
      const refs = literalIndexReferences(model, stage).filter((ref) => ref.owner.index > stage.index);
      if (refs.length === 0) continue;
      const naming = nameIndexReferences(model, stage);
      const fix = naming
        ? {
            title: naming.isNew ? `Name the stage '${naming.name}' and reference it by name` : `Reference stage '${naming.name}' by name`,
            edits: naming.edits,
            isPreferred: true,
          }
        : undefined;
      for (const ref of refs) {
        const data: Record<string, string | number> = stage.nameToken
          ? { index: ref.token.value, name: stage.nameToken.value }
          : { index: ref.token.value, line: stage.from.range.start.line + 1 };
        report({ range: ref.token.range, messageId: stage.nameToken ? "named" : "unnamed", data, fix });
      }
    }
  },
};
