// Helpers for the workbench suite: open the examples, wait for the language server's answers, and
// put the examples back the way they were. Everything goes through the public VS Code API.

import * as vscode from "vscode";

export const EXTENSION_ID = "stagecraft.stagecraft";
export const SOURCE = "stagecraft";

/** A file of the examples workspace the runner opens (the `examples/` folder). */
export function exampleUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("No workspace folder is open; the runner must open the examples folder.");
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split("/"));
}

/** Each example's text when a test first opened it, to put it back after tests that edit it. */
const originals = new Map<string, string>();

/** Opens an example in an editor and returns its document. */
export async function openExample(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(exampleUri(relativePath));
  if (!originals.has(document.uri.toString())) originals.set(document.uri.toString(), document.getText());
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * Puts every example a test changed back to its original text and closes all editors. Reverting
 * is not enough: VS Code for the web saves edits after a delay by default, so an edit may already
 * be on the (in-memory) disk. Restoring writes back the same bytes the file had.
 */
export async function restoreExamples(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    const original = originals.get(document.uri.toString());
    if (original === undefined || (document.getText() === original && !document.isDirty)) continue;
    if (document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
      await vscode.workspace.applyEdit(edit);
    }
    await document.save();
  }
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

/** Turns auto save off for the run, so a test's edit reaches the disk only when restoring; returns the undo. */
export async function disableAutoSave(): Promise<() => Thenable<void>> {
  const files = vscode.workspace.getConfiguration("files");
  const previous = files.inspect<string>("autoSave")?.globalValue;
  await files.update("autoSave", "off", vscode.ConfigurationTarget.Global);
  return () => files.update("autoSave", previous, vscode.ConfigurationTarget.Global);
}

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | PromiseLike<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The rule id of a Stagecraft diagnostic (its `code`, which links to the rule's docs). */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const code = diagnostic.code;
  return typeof code === "object" && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

export function stagecraftDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Waits until the document has a Stagecraft diagnostic of `rule` (and `matching`, when given). */
export function waitForDiagnostic(
  uri: vscode.Uri,
  rule: string,
  matching: (d: vscode.Diagnostic) => boolean = () => true,
  timeoutMs?: number,
): Promise<vscode.Diagnostic> {
  return waitFor(
    `a '${rule}' diagnostic on ${uri.path} (now: ${describeDiagnostics(uri)})`,
    () => stagecraftDiagnostics(uri).find((d) => ruleOf(d) === rule && matching(d)),
    timeoutMs,
  );
}

/** Waits until the document has no Stagecraft diagnostic of `rule`. */
export function waitForNoDiagnostic(uri: vscode.Uri, rule: string, timeoutMs?: number): Promise<true> {
  return waitFor(`'${rule}' to disappear from ${uri.path}`, () => !stagecraftDiagnostics(uri).some((d) => ruleOf(d) === rule), timeoutMs);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const rules = stagecraftDiagnostics(uri).map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`);
  return rules.length > 0 ? rules.join(", ") : "none";
}

/** Position of the `occurrence`-th (from 0) match of `needle`, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 0): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) is not in ${document.uri.path}.`);
  }
  return document.positionAt(index + offset);
}

/** The plain text of a hover's contents, whatever form each part takes. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : "value" in c ? c.value : ""))
    .join("\n");
}
