// Stage-name navigation: definition, references, highlights, rename and prepareRename over
// `FROM x AS name` and its uses (`FROM name`, `COPY --from=name`, `RUN --mount=...,from=name`).
// Elsewhere (ARG/ENV variables) dockerfile-language-service answers.

import {
  DocumentHighlight,
  DocumentHighlightKind,
  LSPErrorCodes,
  Location,
  Position,
  PrepareRenameResult,
  ResponseError,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver";
import { findStageByName } from "../model/stage-graph";
import type { DockerfileModel } from "../model/types";
import type { DocumentRequests } from "./language-service";
import { isLiteralReference, referencesTo, stageAt } from "./stage-at";

/** BuildKit's stage name grammar (after lowercasing); new names must already be lowercase. */
const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;

export async function computeDefinition(uri: string, model: DockerfileModel, position: Position, service: DocumentRequests): Promise<Location | null> {
  const found = stageAt(model, position);
  if (found) return found.stage.nameToken ? Location.create(uri, found.stage.nameToken.range) : null;
  return (await service.computeDefinition({ uri }, model.text, position)) ?? null;
}

export async function computeReferences(
  uri: string,
  model: DockerfileModel,
  position: Position,
  includeDeclaration: boolean,
  service: DocumentRequests,
): Promise<Location[]> {
  const found = stageAt(model, position);
  if (found) {
    const locations = referencesTo(model, found.stage).map((r) => Location.create(uri, r.token.range));
    if (includeDeclaration && found.stage.nameToken) locations.unshift(Location.create(uri, found.stage.nameToken.range));
    return locations;
  }
  // The commodity service has no references request; its highlights are the variable's uses.
  return (await service.computeHighlightRanges(model.text, position)).map((h) => Location.create(uri, h.range));
}

export async function computeHighlights(model: DockerfileModel, position: Position, service: DocumentRequests): Promise<DocumentHighlight[]> {
  const found = stageAt(model, position);
  if (!found) return service.computeHighlightRanges(model.text, position);
  const highlights = referencesTo(model, found.stage).map((r) => DocumentHighlight.create(r.token.range, DocumentHighlightKind.Read));
  if (found.stage.nameToken) highlights.unshift(DocumentHighlight.create(found.stage.nameToken.range, DocumentHighlightKind.Write));
  return highlights;
}

export async function prepareRename(model: DockerfileModel, position: Position, service: DocumentRequests): Promise<PrepareRenameResult | null> {
  const found = stageAt(model, position);
  if (found) {
    if (!found.stage.nameToken) return null;
    if (found.reference && !isLiteralReference(found.reference, found.stage)) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, "This stage is named through a build argument; rename the stage at its FROM line.");
    }
    return { range: found.range, placeholder: found.stage.nameToken.value };
  }
  return service.prepareRename(model.text, position);
}

export async function computeRename(
  uri: string,
  model: DockerfileModel,
  position: Position,
  newName: string,
  service: DocumentRequests,
): Promise<WorkspaceEdit | null> {
  const found = stageAt(model, position);
  if (!found) {
    const edits = await service.computeRename({ uri }, model.text, position, newName);
    return edits.length > 0 ? { changes: { [uri]: edits } } : null;
  }
  const { stage } = found;
  if (!stage.nameToken) return null;
  if (!STAGE_NAME.test(newName)) {
    throw new ResponseError(
      LSPErrorCodes.RequestFailed,
      `'${newName}' is not a valid stage name: use lowercase letters, digits, '_', '.' and '-', starting with a letter.`,
    );
  }
  const clash = findStageByName(model, newName);
  if (clash && clash !== stage) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, `A stage named '${clash.name}' already exists (line ${clash.from.range.start.line + 1}).`);
  }
  const edits: TextEdit[] = [TextEdit.replace(stage.nameToken.range, newName)];
  // References through build arguments (`--from=${BUILDER}`) are left alone: the ARG holds the name.
  for (const reference of referencesTo(model, stage)) {
    if (isLiteralReference(reference, stage)) edits.push(TextEdit.replace(reference.token.range, newName));
  }
  return { changes: { [uri]: edits } };
}
