import * as assert from "assert";
import { join } from "path";
import { pathToFileURL } from "url";
import { readCopySourceContext } from "../../../server/src/host/copy-source-context";
import { FolderReader } from "../../../server/src/host/folder-reader";
import { readBuildContext } from "../../../server/src/host/node-context";
import { TempProjects } from "../../support/temp-project";

describe("host/copy-source-context: the context a Dockerfile's own COPY sources show", () => {
  const projects = new TempProjects("stagecraft-copy-source-context");
  after(() => projects.dispose());

  const contextOf = async (dir: string, dockerfile: string, text: string) => readCopySourceContext(join(dir, dockerfile), text, new FolderReader());

  it("is the repository root when a sub-folder Dockerfile copies by root-relative paths (automatisch)", async () => {
    const text = "FROM node:22-alpine\nCOPY . /app\nCOPY ./docker/entrypoint.sh /entrypoint.sh\n";
    const dir = projects.create({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".dockerignore": "**/node_modules/\n",
      "docker/Dockerfile": text,
      "docker/entrypoint.sh": "#!/bin/sh\n",
    });
    assert.strictEqual(await contextOf(dir, "docker/Dockerfile", text), dir);
    // The root's .dockerignore and entries are the ones that apply: `.git` is not excluded there.
    const facts = await readBuildContext(pathToFileURL(join(dir, "docker", "Dockerfile")).href);
    assert.strictEqual(facts.dockerignore, "**/node_modules/\n");
    assert.ok(facts.rootEntries?.includes(".git/"));
  });

  it("is the repository root when a RUN starts a script that only the root holds, where a whole-context copy put it (longhorn-manager)", async () => {
    const text = "FROM golang:1.26 AS builder\nWORKDIR /app\nCOPY . /app\nRUN chmod +x /app/scripts/build && /app/scripts/build\n";
    const dir = projects.create({
      ".git/HEAD": "ref: refs/heads/master\n",
      "go.mod": "module example.com/manager\n\ngo 1.26.0\n",
      "vendor/modules.txt": "# example.com/dep v1.0.0\n",
      "scripts/build": "#!/bin/bash\ngo build -o bin/manager .\n",
      "package/Dockerfile": text,
    });
    assert.strictEqual(await contextOf(dir, "package/Dockerfile", text), dir);
    const facts = await readBuildContext(pathToFileURL(join(dir, "package", "Dockerfile")).href);
    assert.ok(facts.rootEntries?.includes("vendor/"));
  });

  it("is the nearest folder above that holds every such source", async () => {
    const text = "FROM python:3.12\nCOPY svc/app.py /app/\nCOPY svc/conf/ /conf/\n";
    const dir = projects.create({ ".git/HEAD": "x", "apps/svc/app.py": "", "apps/svc/conf/a.ini": "", "apps/docker/Dockerfile": text });
    assert.strictEqual(await contextOf(dir, "apps/docker/Dockerfile", text), join(dir, "apps"));
  });

  it("is unknown when the Dockerfile's own folder holds one of the sources", async () => {
    const text = "FROM debian\nCOPY conf/app.ini /etc/\nCOPY docker/run.sh /run.sh\n";
    const dir = projects.create({ ".git/HEAD": "x", "docker/run.sh": "", "sub/conf/app.ini": "", "sub/Dockerfile": text });
    assert.strictEqual(await contextOf(dir, "sub/Dockerfile", text), null);
  });

  it("is unknown when some source exists nowhere above (a build output), or only bare names are copied", async () => {
    const missing = "FROM debian\nCOPY docker/run.sh /run.sh\nCOPY target/app.jar /app.jar\n";
    const dir = projects.create({ ".git/HEAD": "x", "docker/run.sh": "", "docker/Dockerfile": missing });
    assert.strictEqual(await contextOf(dir, "docker/Dockerfile", missing), null);
    const bare = "FROM debian\nCOPY package.json ./\n";
    const other = projects.create({ ".git/HEAD": "x", "package.json": "{}", "web/Dockerfile": bare });
    assert.strictEqual(await contextOf(other, "web/Dockerfile", bare), null);
  });

  it("is the repository root when several files copied by bare names are missing beside the Dockerfile and all at the root (logagent)", async () => {
    const text = "FROM node:12-alpine\nWORKDIR /\nCOPY . .\nRUN npm install --production\nCOPY patterns.yml /etc/logagent/patterns.yml\nCOPY run.sh /run.sh\n";
    const dir = projects.create({ ".git/HEAD": "x", "package.json": "{}", "patterns.yml": "", "run.sh": "", "build/docker/Dockerfile.amd64": text });
    assert.strictEqual(await contextOf(dir, "build/docker/Dockerfile.amd64", text), dir);
    // One of them beside the Dockerfile: its own folder may be the context.
    const beside = projects.create({ ".git/HEAD": "x", "patterns.yml": "", "run.sh": "", "build/docker/run.sh": "", "build/docker/Dockerfile.amd64": text });
    assert.strictEqual(await contextOf(beside, "build/docker/Dockerfile.amd64", text), null);
  });

  it("is unknown outside a repository and at the repository root itself", async () => {
    const text = "FROM debian\nCOPY docker/run.sh /run.sh\n";
    const loose = projects.create({ "docker/run.sh": "", "docker/Dockerfile": text });
    assert.strictEqual(await contextOf(loose, "docker/Dockerfile", text), null);
    const root = projects.create({ ".git/HEAD": "x", "docker/run.sh": "", Dockerfile: text });
    assert.strictEqual(await contextOf(root, "Dockerfile", text), null);
  });
});
