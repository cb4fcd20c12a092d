// Which stage a position names: a stage declaration (`FROM x AS name`) or a reference to one
// (`FROM name`, `COPY --from=name`, `RUN --mount=from=name`). Shared by navigation and hover.

import { containsPosition, Position, Range } from "../model/text";
import type { DockerfileModel, Stage, StageReference } from "../model/types";

export interface StageAtPosition {
  stage: Stage;
  /** The token under the position. */
  range: Range;
  /** Set when the position is on a reference rather than the declaration. */
  reference: StageReference | null;
}

export function stageAt(model: DockerfileModel, position: Position): StageAtPosition | null {
  for (const stage of model.stages) {
    if (stage.nameToken && containsPosition(stage.nameToken.range, position)) return { stage, range: stage.nameToken.range, reference: null };
  }
  for (const reference of model.references) {
    // Numeric references (`--from=0`) name no stage to navigate or rename by.
    if (reference.target && !reference.isIndex && containsPosition(reference.token.range, position)) {
      return { stage: reference.target, range: reference.token.range, reference };
    }
  }
  return null;
}

/** References resolving to `stage` by name. */
export function referencesTo(model: DockerfileModel, stage: Stage): StageReference[] {
  return model.references.filter((r) => r.target === stage && !r.isIndex);
}

/** A reference that spells the stage name literally (not through a variable), so renaming may edit it. */
export function isLiteralReference(reference: StageReference, stage: Stage): boolean {
  return stage.name !== null && reference.token.value.toLowerCase() === stage.name.toLowerCase();
}

/** `name` or `stage <index>` for an unnamed stage. */
export function stageLabel(stage: Stage): string {
  return stage.name ?? `stage ${stage.index}`;
}
