// Web entry (vscode.dev, github.dev): the server runs in a web worker. It cannot read files, so
// build-context facts stay unknown, and registries send no CORS headers, so sizes stay offline.
// The server starts its own workers for third-party analysis under a time budget; being a `blob:`
// worker itself, it cannot find their script, so the client sends its URL.

import { ExtensionContext, Uri } from "vscode";
import { LanguageClient } from "vscode-languageclient/browser";
import { extensionFeatures } from "./commands";
import { activateWith, deactivateActive } from "./ctx";

export async function activate(context: ExtensionContext): Promise<void> {
  await activateWith(
    context,
    {
      // Virtual file systems of the web workbench: GitHub repositories, the test web host, memory files.
      schemes: ["file", "untitled", "vscode-vfs", "vscode-test-web", "vscode-remote"],
      initializationOptions: { workerScript: Uri.joinPath(context.extensionUri, "dist/server/browser-syntax-worker.js").toString(true) },
      createClient: (id, name, options) => {
        const worker = new Worker(Uri.joinPath(context.extensionUri, "dist/server/browser.js").toString(true));
        return new LanguageClient(id, name, worker, options);
      },
    },
    extensionFeatures(),
  );
}

export function deactivate(): Promise<void> | undefined {
  return deactivateActive();
}
