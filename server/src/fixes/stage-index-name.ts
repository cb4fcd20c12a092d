// Replaces numeric stage references (`COPY --from=0`) by a name: names the stage with `AS <name>`
// when it has none, then rewrites every numeric reference to it.

import { buildReferences } from "../model/stage-references";
import { isReservedStageName, isVariableStageName } from "../model/stage-names";
import type { TextEdit } from "../model/text";
import type { DockerfileModel, Stage, StageReference } from "../model/types";
import { hasVariableReference } from "../model/variables";
import { rewriteWord } from "./stage-rename";

export interface StageNaming {
  /** The name the references now use. */
  name: string;
  /** True when the fix adds `AS <name>` to the stage's FROM. */
  isNew: boolean;
  edits: TextEdit[];
}

/** Numeric references written literally (`--from=0`, not `--from=${N}`) that resolve to `stage`. */
export function literalIndexReferences(model: DockerfileModel, stage: Stage): StageReference[] {
  return buildReferences(model).filter((ref) => ref.isIndex && ref.target === stage && !hasVariableReference(ref.token.value));
}

/**
 * Edits that make every literal numeric reference to `stage` use its name, naming the stage first
 * when it is unnamed. Null when no safe edit exists: the name is a build argument, or the FROM
 * line is not the plain `FROM [flags] <image>` shape an `AS` can be appended to.
 */
export function nameIndexReferences(model: DockerfileModel, stage: Stage): StageNaming | null {
  const edits: TextEdit[] = [];
  let name: string;
  let isNew = false;
  if (stage.nameToken) {
    if (isVariableStageName(stage.nameToken.value)) return null;
    name = stage.nameToken.value;
  } else {
    if (stage.from.args.length !== 1) return null;
    name = chooseStageName(model, stage);
    isNew = true;
    const fromKeyword = model.lines.textIn(stage.from.keywordRange);
    const as = fromKeyword === fromKeyword.toLowerCase() ? "as" : "AS";
    const end = stage.base.token.range.end;
    edits.push({ range: { start: end, end }, newText: ` ${as} ${name}` });
  }
  for (const ref of literalIndexReferences(model, stage)) {
    const newText = rewriteWord(ref.token, name);
    if (newText !== null) edits.push({ range: ref.token.range, newText });
  }
  return { name, isNew, edits };
}

/**
 * A name for an unnamed stage, the same for the same file: `builder` when it is the only unnamed
 * stage referenced by number, otherwise `stage-<index>` (so several named stages read alike),
 * with `-2`, `-3`... appended when taken. A name is taken when a stage has it, when any FROM,
 * `--from` or mount `from=` says it (an image called `builder` would turn into this stage), or when
 * it is reserved.
 */
export function chooseStageName(model: DockerfileModel, stage: Stage): string {
  const taken = new Set<string>();
  for (const s of model.stages) {
    if (s.name !== null) taken.add(s.name.toLowerCase());
    taken.add(s.base.resolved.toLowerCase());
    taken.add(s.base.token.value.toLowerCase());
  }
  for (const ref of model.references) {
    taken.add(ref.resolved.toLowerCase());
    taken.add(ref.token.value.toLowerCase());
  }
  const isFree = (n: string) => !taken.has(n) && !isReservedStageName(n);
  const unnamedTargets = new Set(
    buildReferences(model)
      .filter((ref) => ref.isIndex && ref.target !== null && ref.target.nameToken === null && ref.target.index < ref.owner.index)
      .map((ref) => ref.target),
  );
  const base = unnamedTargets.size <= 1 && isFree("builder") ? "builder" : `stage-${stage.index}`;
  if (isFree(base)) return base;
  for (let n = 2; ; n++) if (isFree(`${base}-${n}`)) return `${base}-${n}`;
}
