// Entry point the VS Code extension host loads for `extensionTestsPath` (web worker or desktop
// Node host): sets up mocha's browser build, loads the suites and resolves when all of them pass.

import "mocha/mocha.js";
import * as vscode from "vscode";
import { EXTENSION_ID } from "./support";

/** Called by VS Code once the extension under test is installed; rejects when any test fails. */
export async function run(): Promise<void> {
  mocha.setup({ ui: "bdd", reporter: "spec", timeout: 20_000, color: false });
  // Loaded after setup: the suites call the `describe`/`it` globals that setup defines. The run with
  // the stand-ins for Docker's extensions tests coexistence, the run with the hanging worker (a copy
  // of the extension, marked in its package.json: scripts/web-host.mjs) the time budgets; the plain
  // run tests everything else.
  const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { stagecraftTestWorker?: string } | undefined;
  if (vscode.extensions.getExtension("docker.docker")) await import("./coexistence.test");
  else if (manifest?.stagecraftTestWorker === "hanging") await import("./budget.test");
  else await import("./workbench.test");
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} workbench test${failures === 1 ? "" : "s"} failed.`)) : resolve()));
  });
}
