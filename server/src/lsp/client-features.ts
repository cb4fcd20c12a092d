// What the connected client can do, read once from `initialize`, as plain booleans the feature
// handlers check (each has a fallback when the client lacks the capability).

import { ClientCapabilities, MarkupKind, ResourceOperationKind } from "vscode-languageserver";

export interface ClientFeatures {
  /** Answers `workspace/configuration`. */
  configuration: boolean;
  /** Accepts dynamic registration of `workspace/didChangeConfiguration`. */
  configurationRegistration: boolean;
  /** Accepts dynamic registration of file watchers. */
  watchedFilesRegistration: boolean;
  /** Applies `documentChanges` (versioned edits). */
  documentChanges: boolean;
  /** Applies `CreateFile` resource operations. */
  createFiles: boolean;
  /** Shows nested DocumentSymbol trees. */
  hierarchicalSymbols: boolean;
  /** Renders Markdown in hovers. */
  markdownHover: boolean;
  /** Asks `codeAction/resolve` for a code action's edit when the user picks it. */
  codeActionEditResolve: boolean;
}

export function readClientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  const workspace = capabilities.workspace;
  const documentChanges = workspace?.workspaceEdit?.documentChanges === true;
  return {
    configuration: workspace?.configuration === true,
    configurationRegistration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    documentChanges,
    createFiles: documentChanges && (workspace?.workspaceEdit?.resourceOperations ?? []).includes(ResourceOperationKind.Create),
    hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    markdownHover: (capabilities.textDocument?.hover?.contentFormat ?? [MarkupKind.Markdown]).includes(MarkupKind.Markdown),
    codeActionEditResolve:
      capabilities.textDocument?.codeAction?.dataSupport === true && (capabilities.textDocument.codeAction.resolveSupport?.properties ?? []).includes("edit"),
  };
}
