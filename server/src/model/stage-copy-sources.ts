// The paths a `COPY --from=<stage>` takes in the stage it names, as the builder reads them: the
// variables of the copy's own stage substituted (`COPY --from=builder ${APP_PATH}/ ${APP_PATH}/`),
// relative sources read from the stage's root. Shared by the rules that weigh what a build stage
// hands on (final-stage-dev-dependencies, stage-build-emulated's portable builds).

import { copyPaths, joinPath, unquoteWord } from "./copy-paths";
import { substituteAt } from "./environment";
import type { DockerfileModel, Instruction, Token } from "./types";

export interface StageCopySource {
  source: Token;
  /** Absolute and normalized, without a trailing slash; null when a variable in it is not known. */
  path: string | null;
}

/** The sources of `copy` (a COPY of a stage) as paths in that stage; null when its words cannot be read. */
export function stageCopySources(model: DockerfileModel, copy: Instruction): StageCopySource[] | null {
  const paths = copyPaths(copy);
  if (paths === null || copy.stage === null) return null;
  const stage = copy.stage;
  return paths.sources.map((source) => {
    const written = unquoteWord(source.value);
    const resolved = written.includes("$") ? substituteAt(model, stage, copy, written) : null;
    if (resolved !== null && resolved.unresolved.length > 0) return { source, path: null };
    return { source, path: joinPath("/", resolved?.value ?? written) };
  });
}
