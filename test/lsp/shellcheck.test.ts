// ShellCheck in the language server: the rules' diagnostics are published first, ShellCheck's
// follow for the same version when the binary is available; an empty path turns it off. Skipped,
// with a message, when no `shellcheck` is on PATH.

import * as assert from "assert";
import { spawnSync } from "child_process";
import { buildServer, LspClient, workspaceFolder } from "../support/lsp-client";

const HAS_SHELLCHECK = spawnSync("shellcheck", ["--version"]).status === 0;

describe("lsp: ShellCheck inside RUN", function () {
  this.timeout(30000);
  let client: LspClient;
  const ws = workspaceFolder({ ".dockerignore": ".git\n" });

  before(function () {
    if (!HAS_SHELLCHECK) {
      console.log("    (skipped: no 'shellcheck' on PATH; install Debian's shellcheck package to run these)");
      this.skip();
    }
    buildServer();
  });
  beforeEach(async () => {
    client = await LspClient.start();
  });
  afterEach(async () => {
    await client.stop();
  });

  it("publishes ShellCheck's findings after the rules', on the exact token, with a wiki link", async () => {
    const uri = ws.uri("Dockerfile.sc");
    await client.open(uri, "FROM alpine:3.20\nRUN echo hi \\\n    && echo $nothing_here\n");
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === "run-shellcheck"));
    const sc = published.diagnostics.find((d) => d.code === "run-shellcheck" && String(d.message).includes("SC2154"));
    assert.ok(sc, JSON.stringify(published.diagnostics));
    assert.deepStrictEqual(sc.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 25 } });
    assert.strictEqual(sc.codeDescription?.href, "https://www.shellcheck.net/wiki/SC2154");
  });

  it("is off with an empty stagecraft.shellcheck.path", async () => {
    client.settings = { shellcheck: { path: "" } };
    const uri = ws.uri("Dockerfile.off");
    await client.open(uri, "FROM alpine:3.20\nRUN echo $nothing_here\n");
    await client.waitForDiagnostics(uri);
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(!client.published.some((p) => p.uri === uri && p.diagnostics.some((d) => d.code === "run-shellcheck")));
  });
});
