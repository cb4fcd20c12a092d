// The node host's build-context facts: which .dockerignore applies and what the context root holds.

import * as assert from "assert";
import { chmodSync } from "fs";
import { join } from "path";
import { readBuildContext } from "../../server/src/host/node-context";
import { workspaceFolder } from "../support/lsp-client";

describe("lsp: node build-context host", () => {
  it("reads .dockerignore and lists root entries, directories with a trailing slash", async () => {
    const ws = workspaceFolder({
      Dockerfile: "FROM alpine:3.20\n",
      ".dockerignore": ".git\n",
      "package.json": "{}",
      "node_modules/": "",
      ".git/": "",
    });
    const facts = await readBuildContext(ws.uri("Dockerfile"));
    assert.strictEqual(facts.dockerignore, ".git\n");
    assert.deepStrictEqual(facts.rootEntries, [".dockerignore", ".git/", "Dockerfile", "node_modules/", "package.json"]);
  });

  it("gives the files it read without a prototype: a command naming `constructor` finds no file", async () => {
    const ws = workspaceFolder({ Dockerfile: "FROM alpine:3.20\nCOPY . /app\nRUN sh /app/start.sh\n", "start.sh": "#!/bin/sh\nexec app\n" });
    const files = (await readBuildContext(ws.uri("Dockerfile"))).files;
    assert.ok(files !== undefined && Object.getPrototypeOf(files) === null);
    assert.strictEqual(files["start.sh"], "#!/bin/sh\nexec app\n");
    assert.strictEqual(files["constructor"], undefined);
  });

  it("prefers <Dockerfile>.dockerignore next to the Dockerfile", async () => {
    const ws = workspaceFolder({
      "Dockerfile.prod": "FROM alpine:3.20\n",
      "Dockerfile.prod.dockerignore": "*\n",
      ".dockerignore": ".git\n",
    });
    assert.strictEqual((await readBuildContext(ws.uri("Dockerfile.prod"))).dockerignore, "*\n");
    assert.strictEqual((await readBuildContext(ws.uri("Dockerfile"))).dockerignore, ".git\n");
  });

  it("takes the context a compose service gives the Dockerfile", async () => {
    const ws = workspaceFolder({
      ".git/": "",
      ".dockerignore": "bin/\n",
      "src/": "",
      "examples/app/": "",
      "examples/app/compose.yaml": "services:\n  api:\n    build:\n      context: ../..\n      dockerfile: examples/app/Dockerfile\n",
      "examples/app/Dockerfile": "FROM alpine:3.20\nCOPY . /src\n",
    });
    const facts = await readBuildContext(ws.uri("examples/app/Dockerfile"));
    assert.strictEqual(facts.dockerignore, "bin/\n");
    assert.ok(facts.rootEntries?.includes("src/"));
  });

  it("a subfolder Dockerfile with no ignore file of its own, under a root that has one: unknown", async () => {
    const ws = workspaceFolder({ ".git/": "", ".dockerignore": ".git\n", "docker/": "", "docker/Dockerfile": "FROM alpine:3.20\nCOPY . /src\n" });
    assert.strictEqual((await readBuildContext(ws.uri("docker/Dockerfile"))).dockerignore, undefined);
  });

  it("a subfolder Dockerfile copying root-relative scripts (built from the root): reads them there, and a manifest only the root has", async () => {
    const ws = workspaceFolder({
      ".git/": "",
      "package.json": '{"name":"root"}',
      "tools/": "",
      "tools/docker/": "",
      "tools/packaging/": "",
      "tools/docker/entrypoint.sh": '#!/bin/sh\nexec setpriv --reuid=app -- "$0" "$@"\n',
      "tools/packaging/Dockerfile": 'FROM ubuntu:24.04\nCOPY tools/docker/entrypoint.sh package.json /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n',
    });
    const files = (await readBuildContext(ws.uri("tools/packaging/Dockerfile"))).files ?? {};
    assert.match(files["tools/docker/entrypoint.sh"] ?? "", /setpriv/);
    // The folder has no package.json, so a build with it as context would fail: the root's is copied.
    assert.strictEqual(files["package.json"], '{"name":"root"}');
  });

  it("a subfolder Dockerfile copying a manifest its own folder holds: the folder's, not the root's", async () => {
    const ws = workspaceFolder({
      ".git/": "",
      "package.json": '{"name":"root"}',
      "tools/": "",
      "tools/packaging/": "",
      "tools/packaging/package.json": '{"name":"packaging"}',
      "tools/packaging/Dockerfile": "FROM node:24\nCOPY package.json ./\nRUN npm ci\n",
    });
    const files = (await readBuildContext(ws.uri("tools/packaging/Dockerfile"))).files ?? {};
    assert.strictEqual(files["package.json"], '{"name":"packaging"}');
  });

  it("reports null when no .dockerignore exists", async () => {
    const ws = workspaceFolder({ Dockerfile: "FROM alpine:3.20\n" });
    const facts = await readBuildContext(ws.uri("Dockerfile"));
    assert.strictEqual(facts.dockerignore, null);
    assert.deepStrictEqual(facts.rootEntries, ["Dockerfile"]);
  });

  it("reads manifests and shell scripts at the root and one folder down, clamped in size", async () => {
    const big = "x".repeat(300 * 1024);
    const ws = workspaceFolder({
      "App/": "",
      "node_modules/x/": "",
      Dockerfile: "FROM golang:1.22\n",
      "go.mod": "module example.com/app\n",
      "run.sh": "#!/bin/sh\nexec ./app\n",
      "main.go": "package main\n",
      "Cargo.lock": big,
      "App/App.csproj": "<Project/>",
      "node_modules/x/package.json": "{}",
    });
    const facts = await readBuildContext(ws.uri("Dockerfile"));
    // main.go comes as a Go source of the module (next test), not as a manifest.
    assert.deepStrictEqual(Object.keys(facts.files ?? {}).sort(), ["App/App.csproj", "Cargo.lock", "go.mod", "main.go", "run.sh"]);
    assert.strictEqual(facts.files?.["go.mod"], "module example.com/app\n");
    assert.strictEqual(facts.files?.["Cargo.lock"].length, 256 * 1024);
  });

  it("reads the configs of servers that drop root themselves, which a whole-context copy brings in unnamed", async () => {
    const ws = workspaceFolder({
      Dockerfile: 'FROM python:3.12-slim\nCOPY . .\nCMD ["./bootstrap.sh"]\n',
      "uwsgi.ini": "[uwsgi]\nuid = www-data\n",
      "gunicorn.conf.py": 'user = "app"\n',
      "deploy/": "",
      "deploy/www.conf": "[www]\nuser = nobody\n",
      "nginx.conf": "user nginx;\n",
      "settings.ini": "[app]\n",
    });
    const facts = await readBuildContext(ws.uri("Dockerfile"));
    assert.deepStrictEqual(Object.keys(facts.files ?? {}).sort(), ["deploy/www.conf", "gunicorn.conf.py", "uwsgi.ini"]);
  });

  it("reads a Go module's sources at the root and one folder down, without tests or vendored code", async () => {
    const ws = workspaceFolder({
      "cmd/": "",
      "vendor/x/": "",
      Dockerfile: "FROM golang:1.22\n",
      "go.mod": "module example.com/app\n",
      "main.go": "package main\n",
      "main_test.go": "package main\n",
      "cmd/serve.go": "package cmd\n",
      "vendor/x/x.go": "package x\n",
    });
    const facts = await readBuildContext(ws.uri("Dockerfile"));
    assert.deepStrictEqual(
      Object.keys(facts.files ?? {})
        .filter((f) => f.endsWith(".go"))
        .sort(),
      ["cmd/serve.go", "main.go"],
    );
    const withoutModule = workspaceFolder({ Dockerfile: "FROM golang:1.22\n", "main.go": "package main\n" });
    assert.deepStrictEqual(Object.keys((await readBuildContext(withoutModule.uri("Dockerfile"))).files ?? {}), []);
  });

  it("knows nothing for non-file URIs or unreadable folders", async () => {
    assert.deepStrictEqual(await readBuildContext("untitled:Untitled-1"), {});
    assert.deepStrictEqual(await readBuildContext("vscode-vfs://github/owner/repo/Dockerfile"), {});
    assert.deepStrictEqual(await readBuildContext("file:///no/such/folder/Dockerfile"), {});
    const ws = workspaceFolder({ "sub/": "" });
    if (process.getuid?.() !== 0) {
      chmodSync(join(ws.dir, "sub"), 0o000);
      try {
        assert.deepStrictEqual(await readBuildContext(ws.uri("sub/Dockerfile")), {});
      } finally {
        chmodSync(join(ws.dir, "sub"), 0o755);
      }
    }
  });
});
