// Entry point for `node scripts/bench-web.mjs` (not a test): in VS Code for the web, how long a
// Dockerfile takes from opening to its diagnostics, syntax checks included. Logs one `BENCH {json}`
// line that the script collects: the first open (activation, server start) and each later one.

import * as vscode from "vscode";

/** A diagnostic of dockerfile-utils: its presence says the validation ran (each input has one). */
const SYNTAX = "dockerfile-utils";

/** Opens `content` as an untitled Dockerfile and resolves with the ms until its diagnostics, syntax included, arrive. */
async function openToDiagnostics(content: string): Promise<number> {
  const started = performance.now();
  let uri: string | undefined;
  const arrived = new Promise<number>((resolve) => {
    const check = () => {
      if (!uri) return;
      const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.parse(uri));
      if (diagnostics.some((d) => d.source === SYNTAX)) {
        subscription.dispose();
        resolve(performance.now() - started);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(check);
    void vscode.workspace.openTextDocument({ language: "dockerfile", content }).then((document) => {
      uri = document.uri.toString();
      check();
    });
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no diagnostics within 20 s")), 20_000));
  return Promise.race([arrived, timeout]);
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension("stagecraft.stagecraft");
  if (!extension) throw new Error("stagecraft.stagecraft is not installed");
  const inputs = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, "bench-inputs.json")))) as {
    texts: string[];
    opens: number;
  };
  // Each text ends with an instruction dockerfile-utils reports, so the publish that carries it proves the validation.
  const text = (i: number) => `${inputs.texts[i % inputs.texts.length]}\n# open ${i}\nCMD ['a']\n`;
  const first = await openToDiagnostics(text(0));
  const opens: number[] = [];
  for (let i = 1; i <= inputs.opens; i++) opens.push(await openToDiagnostics(text(i)));
  console.log(`BENCH ${JSON.stringify({ first, opens })}`);
}
