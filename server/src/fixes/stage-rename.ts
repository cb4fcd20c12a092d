// Renames a stage: its `AS` name and every reference that names it (`FROM <stage>`,
// `COPY/ADD --from=<stage>`, `RUN --mount=...,from=<stage>`). Shared by stage-name-casing's fix
// and the LSP rename.

import { unquoteWord } from "../model/copy-paths";
import { isTriggerReference } from "../model/stage-references";
import type { TextEdit } from "../model/text";
import type { DockerfileModel, Stage, StageReference, Token } from "../model/types";
import { hasVariableReference } from "../model/variables";

export interface StageRename {
  edits: TextEdit[];
  /**
   * References to the stage the edits cannot rewrite: the name comes from a build argument
   * (`--from=${BUILDER}`). They keep resolving after a change of case only, since BuildKit matches
   * stage names case-insensitively; a real rename leaves them dangling.
   */
  unrewritten: StageReference[];
}

/**
 * Edits that rename `stage` to `newName`; null when the stage has no literal name to rename.
 * Numeric references (`--from=0`) are left alone: they do not spell the name. References inside
 * ONBUILD triggers are left alone too: they name stages of a downstream build.
 */
export function renameStage(model: DockerfileModel, stage: Stage, newName: string): StageRename | null {
  if (!stage.nameToken || hasVariableReference(stage.nameToken.value)) return null;
  const edits: TextEdit[] = [{ range: stage.nameToken.range, newText: newName }];
  const unrewritten: StageReference[] = [];
  for (const ref of referencesByName(model, stage)) {
    const newText = rewriteWord(ref.token, newName);
    if (newText === null) unrewritten.push(ref);
    else edits.push({ range: ref.token.range, newText });
  }
  return { edits, unrewritten };
}

/** References that resolve to `stage` by its name (not by index), outside ONBUILD triggers. */
export function referencesByName(model: DockerfileModel, stage: Stage): StageReference[] {
  return model.references.filter((ref) => ref.target === stage && !ref.isIndex && !isTriggerReference(ref));
}

/**
 * The text that makes a reference word say `value`, keeping its quotes (`"builder"`); null when the
 * word holds a variable or quotes in the middle, which a plain replacement would change the meaning of.
 */
export function rewriteWord(token: Token, value: string): string | null {
  if (hasVariableReference(token.value)) return null;
  const inner = unquoteWord(token.value);
  if (/["'\\]/.test(inner)) return null;
  return inner === token.value ? value : `${token.value[0]}${value}${token.value[0]}`;
}
