// Desktop entry: the server runs as a Node child process over IPC.

import { ExtensionContext } from "vscode";
import { LanguageClient, ServerOptions, TransportKind } from "vscode-languageclient/node";
import { NODE_SERVER_EXEC_ARGV } from "../../server/src/lsp/protocol";
import { extensionFeatures } from "./commands";
import { activateWith, deactivateActive } from "./ctx";

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath("dist/server/node.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...NODE_SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...NODE_SERVER_EXEC_ARGV, "--nolazy", "--inspect=6009"] } },
  };
  await activateWith(
    context,
    {
      schemes: ["file", "untitled"],
      createClient: (id, name, options) => new LanguageClient(id, name, serverOptions, options),
    },
    extensionFeatures(),
  );
}

export function deactivate(): Promise<void> | undefined {
  return deactivateActive();
}
