// What the client tells the server about the editor around it: the `stagecraft.languageFeatures`
// setting and the ids of the installed and enabled extensions. Facts only; the server decides what
// to turn off (server/src/lsp/coexistence.ts) and logs it.

import { Disposable, extensions, workspace } from "vscode";
import { SETTINGS_SECTION, StagecraftEnvironment } from "../../server/src/lsp/protocol";

const MODE_SETTING = `${SETTINGS_SECTION}.languageFeatures`;

export function currentEnvironment(version: string | undefined): StagecraftEnvironment {
  return {
    languageFeatures: workspace.getConfiguration(SETTINGS_SECTION).get<string>("languageFeatures", "auto"),
    // `extensions.all` lists enabled extensions only: a disabled Docker extension does not count.
    extensions: extensions.all.map((e) => e.id),
    version,
  };
}

/** Calls `changed` when an extension is installed, enabled, disabled or removed, or the setting changes. */
export function watchEnvironment(changed: () => void): Disposable[] {
  return [
    extensions.onDidChange(changed),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(MODE_SETTING)) changed();
    }),
  ];
}
