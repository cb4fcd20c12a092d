// Fixes as LSP workspace edits: text edits to the document plus files to create beside it, in
// the form the client supports. Shared by quick fixes, fix-all and the conversion.

import { CreateFile, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import type { FileCreation } from "../fixes/types";
import type { ClientFeatures } from "./client-features";
import type { TextDocument } from "./documents";

/**
 * Edits to the document plus files to create next to it. Null when files must be created and the
 * client cannot (or the document has no folder to create them in).
 */
export function workspaceEdit(document: TextDocument, edits: TextEdit[], creates: readonly FileCreation[], client: ClientFeatures): WorkspaceEdit | null {
  if (creates.length > 0 && !client.createFiles) return null;
  if (!client.documentChanges) return { changes: { [document.uri]: edits } };
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const file of creates) {
    const uri = siblingUri(document.uri, file.path);
    if (uri === null) return null;
    documentChanges.push(CreateFile.create(uri, { ignoreIfExists: true }));
    documentChanges.push(
      TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, null), [TextEdit.insert({ line: 0, character: 0 }, file.text)]),
    );
  }
  if (edits.length > 0) documentChanges.push(TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(document.uri, document.version), edits));
  return { documentChanges };
}

function siblingUri(documentUri: string, relativePath: string): string | null {
  try {
    return new URL(relativePath, documentUri).toString();
  } catch {
    // Untitled and other non-hierarchical URIs have no folder to put the file in.
    return null;
  }
}
