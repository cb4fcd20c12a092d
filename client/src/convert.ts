// "Stagecraft: Convert to multi-stage": asks the server for the edit (workspace/executeCommand),
// shows it as a diff against a virtual document, and applies it with one workspace edit (one undo
// step) only when the user accepts. Code actions of the conversion are routed here too, so the
// lightbulb previews instead of applying blind. The client decides nothing about Dockerfiles.

import {
  CodeAction,
  Disposable,
  EventEmitter,
  Position,
  TabInputTextDiff,
  TextDocument,
  TextDocumentContentProvider,
  Uri,
  commands,
  window,
  workspace,
} from "vscode";
import { ExecuteCommandRequest, Middleware, WorkspaceEdit as ProtocolWorkspaceEdit } from "vscode-languageclient";
import { CONVERT_COMMAND, CONVERT_QUICKFIX_KIND, CONVERT_REFACTOR_KIND, ConvertToMultiStageArguments } from "../../server/src/lsp/protocol";
import type { Ctx } from "./ctx";

/** The palette / context-menu command (the server's own command id is taken by the LSP client). */
export const CONVERT_CLIENT_COMMAND = "stagecraft.convert";
const PREVIEW_SCHEME = "stagecraft-convert-preview";
/** Lets automated tests accept the preview without a person clicking "Apply". */
const TEST_ACCEPT_ENV = "STAGECRAFT_TEST_ACCEPT_PREVIEW";

/** Arguments of `stagecraft.convert`, all optional: the active editor and the setting otherwise. */
export interface ConvertCommandArguments {
  uri?: string;
  runtime?: ConvertToMultiStageArguments["runtime"];
  /** Apply without asking (tests, scripted use); the diff is still shown while applying. */
  apply?: boolean;
}

/** Proposed texts served as read-only virtual documents for the diff view. */
class PreviewDocuments implements TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  create(original: Uri, text: string): Uri {
    const uri = Uri.from({ scheme: PREVIEW_SCHEME, path: original.path, query: String(++this.counter) });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  forget(uri: Uri): void {
    this.texts.delete(uri.toString());
  }

  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }
}

const previews = new PreviewDocuments();

/** Registers the virtual documents the diff preview shows. */
export function registerConvertPreview(): Disposable {
  return workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews);
}

function testAccepts(): boolean {
  // No `process` in the web extension host: there the `apply` argument is the test hook.
  return typeof process !== "undefined" && process.env?.[TEST_ACCEPT_ENV] === "1";
}

function readArguments(value: unknown): ConvertCommandArguments {
  if (typeof value === "string") return { uri: value };
  if (value instanceof Uri) return { uri: value.toString() };
  return typeof value === "object" && value !== null ? (value as ConvertCommandArguments) : {};
}

/** The document text after the server's edits (the conversion replaces the whole text). */
function proposedText(document: TextDocument, edit: ProtocolWorkspaceEdit, uri: string): string {
  const edits =
    edit.changes?.[uri] ?? (edit.documentChanges ?? []).flatMap((change) => ("textDocument" in change && change.textDocument.uri === uri ? change.edits : []));
  const offset = (p: { line: number; character: number }) => document.offsetAt(new Position(p.line, p.character));
  const replacements = edits
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: "newText" in e ? e.newText : e.snippet.value }))
    .sort((a, b) => b.start - a.start);
  return replacements.reduce((acc, e) => acc.slice(0, e.start) + e.text + acc.slice(e.end), document.getText());
}

async function closePreview(preview: Uri): Promise<void> {
  const tabs = window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof TabInputTextDiff && t.input.modified.toString() === preview.toString());
  if (tabs.length > 0) await window.tabGroups.close(tabs);
  previews.forget(preview);
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
    const preview = previews.create(document.uri, proposedText(document, edit, uri));
    const name = document.uri.path.slice(document.uri.path.lastIndexOf("/") + 1);
    await commands.executeCommand("vscode.diff", document.uri, preview, `${name} ↔ multi-stage (preview)`, { preview: true });
    const accepted =
      args.apply === true ||
      testAccepts() ||
      (await window.showInformationMessage(
        "Apply the multi-stage conversion?",
        {
          modal: true,
          detail: "The diff shows the builder and runtime stages Stagecraft proposes. Applying replaces the Dockerfile's text; one undo restores it.",
        },
        "Apply",
      )) === "Apply";
    try {
      if (!accepted) return false;
      return await workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
    } finally {
      await closePreview(preview);
    }
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
