// "Stagecraft: Convert to multi-stage": asks the server for the edit (workspace/executeCommand) and
// applies it as a workspace edit that needs confirmation, so VS Code opens its own Refactor Preview:
// the whole diff can be read and scrolled before Apply or Discard, nothing modal in the way, and the
// result is one undo step. Code actions of the conversion are routed here too, so the lightbulb
// previews instead of applying blind. The client decides nothing about Dockerfiles.

import { CodeAction, TextDocument, Uri, WorkspaceEdit, WorkspaceEditEntryMetadata, window, workspace } from "vscode";
import { ExecuteCommandRequest, Middleware, WorkspaceEdit as ProtocolWorkspaceEdit } from "vscode-languageclient";
import { CONVERT_COMMAND, CONVERT_QUICKFIX_KIND, CONVERT_REFACTOR_KIND, ConvertToMultiStageArguments } from "../../server/src/lsp/protocol";
import type { Ctx } from "./ctx";

/** The palette / context-menu command (the server's own command id is taken by the LSP client). */
export const CONVERT_CLIENT_COMMAND = "stagecraft.convert";
/** Lets automated tests accept the preview without a person clicking "Apply". */
const TEST_ACCEPT_ENV = "STAGECRAFT_TEST_ACCEPT_PREVIEW";

/** Arguments of `stagecraft.convert`, all optional: the active editor and the setting otherwise. */
export interface ConvertCommandArguments {
  uri?: string;
  runtime?: ConvertToMultiStageArguments["runtime"];
  /** Apply without the preview (tests, scripted use). */
  apply?: boolean;
}

const CONFIRMATION: WorkspaceEditEntryMetadata = {
  label: "Convert to multi-stage",
  description: "tick it and Apply to replace the Dockerfile's text with a builder and a runtime stage; one undo restores it",
  needsConfirmation: true,
};

function testAccepts(): boolean {
  // No `process` in the web extension host: there the `apply` argument is the test hook.
  return typeof process !== "undefined" && process.env?.[TEST_ACCEPT_ENV] === "1";
}

function readArguments(value: unknown): ConvertCommandArguments {
  if (typeof value === "string") return { uri: value };
  if (value instanceof Uri) return { uri: value.toString() };
  return typeof value === "object" && value !== null ? (value as ConvertCommandArguments) : {};
}

/** The same text edits, each marked as needing confirmation, which is what opens the Refactor Preview. */
function needingConfirmation(edit: WorkspaceEdit): WorkspaceEdit {
  const annotated = new WorkspaceEdit();
  for (const [uri, edits] of edit.entries()) for (const e of edits) annotated.replace(uri, e.range, e.newText, CONFIRMATION);
  return annotated;
}

/**
 * Pins the Dockerfile's tab when it is a preview tab (opened with a single click): the Refactor
 * Preview opens its diff in the active group and would otherwise replace it.
 */
async function keepTab(document: TextDocument): Promise<void> {
  const isOpenInPreview = window.tabGroups.all
    .flatMap((g) => g.tabs)
    .some((t) => t.isPreview && t.input !== null && typeof t.input === "object" && "uri" in t.input && String(t.input.uri) === document.uri.toString());
  if (isOpenInPreview) await window.showTextDocument(document, { preview: false, preserveFocus: true });
}

/** The command: resolves to true when the conversion was applied. */
export const convertCommand =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<boolean> => {
    const args = readArguments(arg);
    const document = args.uri ? await workspace.openTextDocument(Uri.parse(args.uri)) : window.activeTextEditor?.document;
    if (!document || document.languageId !== "dockerfile") {
      void window.showWarningMessage("Open a Dockerfile to convert it to multi-stage.");
      return false;
    }
    const client = ctx.languageClient;
    if (!client) return false;
    const uri = client.code2ProtocolConverter.asUri(document.uri);
    let edit: ProtocolWorkspaceEdit;
    try {
      const params: ConvertToMultiStageArguments = { uri, runtime: args.runtime };
      edit = (await client.sendRequest(ExecuteCommandRequest.type, { command: CONVERT_COMMAND, arguments: [params] })) as ProtocolWorkspaceEdit;
    } catch (error) {
      // The server's refusal is the message users need: it says why, in one sentence.
      void window.showWarningMessage(error instanceof Error ? error.message : String(error));
      return false;
    }
    const converted = await client.protocol2CodeConverter.asWorkspaceEdit(edit);
    if (args.apply === true || testAccepts()) return workspace.applyEdit(converted);
    await keepTab(document);
    // Resolves when the user chose Apply (true) or Discard (false) in the Refactor Preview.
    const applied = await workspace.applyEdit(needingConfirmation(converted));
    // The preview's diff took the editor area: bring the Dockerfile back, applied or not.
    await window.showTextDocument(document, { preview: false });
    return applied;
  };

function isConversion(action: unknown): action is CodeAction {
  const kind = action instanceof CodeAction ? action.kind?.value : undefined;
  return kind === CONVERT_REFACTOR_KIND || kind === CONVERT_QUICKFIX_KIND;
}

/** Routes the conversion's code actions through the previewing command instead of applying blind. */
export const convertMiddleware: Middleware = {
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    if (!actions) return actions;
    for (const action of actions) {
      if (!isConversion(action)) continue;
      action.edit = undefined;
      action.command = { command: CONVERT_CLIENT_COMMAND, title: action.title, arguments: [{ uri: document.uri.toString() }] };
    }
    return actions;
  },
};
