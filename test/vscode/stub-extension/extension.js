// A stand-in for one of Docker's Dockerfile extensions (Container Tools, Docker, Docker DX,
// hadolint's), loaded beside Stagecraft by `npm run test:web` in its "beside Docker's extensions"
// run. scripts/test-web.mjs copies this file into one folder per extension id with a package.json
// carrying that id. Each copy registers what those extensions register for Dockerfiles: an
// instruction hover, keyword completion, a formatter and diagnostics (Docker DX's copy also reports
// BuildKit's FromAsCasing), each marked with the extension's id so the suite can count them.
// Plain JavaScript: the web extension host loads it as is.

const vscode = require("vscode");

const INSTRUCTION = /^\s*([A-Za-z]+)\b/;

exports.activate = function activate(context) {
  const id = context.extension.id;
  const selector = { language: "dockerfile" };
  const calls = { formatting: 0 };
  const problems = vscode.languages.createDiagnosticCollection(id);

  const publish = (document) => {
    if (document.languageId !== "dockerfile") return;
    const text = document.getText();
    const found = [];
    const report = (index, length, message, code) => {
      const range = new vscode.Range(document.positionAt(index), document.positionAt(index + length));
      const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = id;
      diagnostic.code = code;
      found.push(diagnostic);
    };
    const duration = /--interval=(abc)/.exec(text);
    if (duration) report(duration.index + "--interval=".length, 3, "time: invalid duration abc", "syntax");
    const fromAs = /^FROM\s+\S+\s+(as)\s/m.exec(text);
    if (fromAs && id === "docker.docker") report(fromAs.index + fromAs[0].length - 3, 2, "'as' and 'FROM' keywords' casing do not match", "FromAsCasing");
    problems.set(document.uri, found);
  };

  context.subscriptions.push(
    problems,
    vscode.workspace.onDidOpenTextDocument(publish),
    vscode.workspace.onDidChangeTextDocument((event) => publish(event.document)),
    vscode.languages.registerHoverProvider(selector, {
      provideHover(document, position) {
        const match = INSTRUCTION.exec(document.lineAt(position.line).text);
        if (!match || position.character > match[0].length) return undefined;
        return new vscode.Hover(`${id}: documentation of ${match[1].toUpperCase()}`);
      },
    }),
    vscode.languages.registerCompletionItemProvider(selector, {
      provideCompletionItems() {
        const item = new vscode.CompletionItem("FROM", vscode.CompletionItemKind.Keyword);
        item.detail = id;
        return [item];
      },
    }),
    vscode.languages.registerDocumentFormattingEditProvider(selector, {
      provideDocumentFormattingEdits() {
        calls.formatting++;
        return [];
      },
    }),
    vscode.commands.registerCommand(`${id}.stubCalls`, () => ({ ...calls })),
  );
  vscode.workspace.textDocuments.forEach(publish);
};

exports.deactivate = function deactivate() {};
