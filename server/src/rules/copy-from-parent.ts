// copy-from-parent: `COPY --from=<stage>` where the current stage already builds on <stage>
// (`FROM base AS app` ... `COPY --from=base ...`): the files are already in this filesystem, and
// the copy stores them a second time in a new layer.

import { removeInstruction } from "../fixes/remove-instruction";
import { copyPaths, isHeredocSource, joinPath, normalizePath } from "../model/copy-paths";
import { ancestorsOf } from "../model/stage-graph";
import { buildReferences } from "../model/stage-references";
import { workdirOf } from "../model/workdir";
import type { DockerfileModel, StageReference } from "../model/types";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "copy-from-parent",
    family: "references",
    severity: "warning",
    description: "Do not copy from a stage this stage already builds on.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      parent: "This stage already builds on '{name}', so this copy stores its files twice; use them in place.",
    },
  },
  check(model, report) {
    for (const ref of buildReferences(model)) {
      if (ref.kind !== "copy" || !ref.target || ref.target === ref.owner) continue;
      if (!ancestorsOf(ref.owner).includes(ref.target)) continue;
      // Removing the copy keeps meaning only when every file lands where it already is, and even
      // then the stage may have changed those files since: offered, never applied automatically.
      const suggest = copiesOntoItself(model, ref)
        ? [{ title: `Remove the copy from '${ref.target.name ?? ref.resolved}'`, edits: removeInstruction(ref.instruction, model.lines) }]
        : undefined;
      report({ range: ref.token.range, messageId: "parent", data: { name: ref.target.name ?? ref.resolved }, suggest });
    }
  },
};

/** True when each source lands on its own path (`COPY --from=base /app /app`). */
function copiesOntoItself(model: DockerfileModel, ref: StageReference): boolean {
  const paths = copyPaths(ref.instruction);
  if (!paths || paths.sources.some((s) => isHeredocSource(s.value) || /[*?[$]/.test(s.value))) return false;
  const destWritten = paths.dest.value;
  const workdir = destWritten.startsWith("/") ? "/" : workdirOf(model, ref.owner, ref.instruction);
  if (workdir === null) return false;
  const dest = joinPath(workdir, destWritten);
  const intoDirectory = /(^|\/)\.?$/.test(destWritten) || paths.sources.length > 1;
  return paths.sources.every((s) => {
    const source = joinPath("/", s.value);
    // COPY copies a directory's contents, so `/app /app` and `/app/x /app/` both land in place.
    const landing = intoDirectory ? joinPath(dest, source.slice(source.lastIndexOf("/") + 1)) : dest;
    return landing === source || normalizePath(dest) === source;
  });
}
