import * as assert from "assert";
import { FolderReader } from "../../../server/src/host/folder-reader";
import { readGitReadingSource } from "../../../server/src/host/git-reading-sources";
import { parseDockerfile } from "../../../server/src/model/parse";
import { TempProjects } from "../../support/temp-project";

const COPY_ALL = parseDockerfile("FROM php:8.3-fpm\nWORKDIR /var/www/html\nCOPY . .\n");
/** A Laravel provider showing the running commit, as ctrlpanel's does (held-out AX). */
const PROVIDER = "<?php\nclass AppServiceProvider {\n  public function boot() {\n    $head = file_get_contents(base_path() . '/.git/HEAD');\n  }\n}\n";

describe("host/git-reading-sources: the project's sources that read its checkout when the app runs", () => {
  const projects = new TempProjects("stagecraft-git-reading-sources");
  after(() => projects.dispose());

  it("finds a source that reads .git/HEAD or asks git about the checkout, breadth first", async () => {
    const dir = projects.create({
      ".git/HEAD": "ref: refs/heads/main\n",
      "app/Providers/AppServiceProvider.php": PROVIDER,
      "src/pkg/util/git.py": 'import subprocess\ndef head():\n    return subprocess.check_output(["git", "rev-parse", "HEAD"])\n',
    });
    const entries = [".git/", "app/", "src/"];
    assert.strictEqual(await readGitReadingSource(dir, entries, COPY_ALL, null, new FolderReader()), "app/Providers/AppServiceProvider.php");
    const python = projects.create({ ".git/HEAD": "x", "src/pkg/util/git.py": 'import subprocess\nsubprocess.run(["git", "rev-parse", "HEAD"])\n' });
    assert.strictEqual(await readGitReadingSource(python, [".git/", "src/"], COPY_ALL, null, new FolderReader()), "src/pkg/util/git.py");
    // Held-out BI, lambda_ethereum_consensus: the runtime config `mix run` evaluates at boot asks git for the revision.
    const elixir = projects.create({
      ".git/HEAD": "x",
      "config/runtime.exs": 'import Config\nif System.get_env("SENTRY_DSN") do\n  {git_sha, 0} = System.cmd("git", ["rev-parse", "HEAD"])\nend\n',
      "lib/app.ex": "defmodule App do\nend\n",
    });
    assert.strictEqual(await readGitReadingSource(elixir, [".git/", "config/", "lib/"], COPY_ALL, null, new FolderReader()), "config/runtime.exs");
    // Held-out BN, a-plus: the static-files storage joins the folder, then reads its HEAD.
    const joined = projects.create({
      ".git/HEAD": "x",
      "lib/storage.py": 'import os.path\ndef bump(base):\n    git_dir = os.path.join(base, ".git")\n    return open(os.path.join(git_dir, "HEAD")).read()\n',
      "lib/walk.py": 'import os.path\ndef skip(root):\n    return os.path.isdir(os.path.join(root, ".git"))\n',
    });
    assert.strictEqual(await readGitReadingSource(joined, [".git/", "lib/"], COPY_ALL, null, new FolderReader()), "lib/storage.py");
    const walkOnly = projects.create({
      ".git/HEAD": "x",
      "lib/walk.py": 'import os.path\ndef skip(root):\n    return os.path.isdir(os.path.join(root, ".git"))\n',
    });
    assert.strictEqual(await readGitReadingSource(walkOnly, [".git/", "lib/"], COPY_ALL, null, new FolderReader()), null);
  });

  it("finds another Dockerfile under the context root that reads the checkout while it builds, tests folders included", async () => {
    // Held-out BL, avalanchego: the antithesis builder shares the root .dockerignore (judged wrong to exclude .git there).
    const dir = projects.create({
      ".git/HEAD": "x",
      "main.go": "package main\n",
      "tests/antithesis/Dockerfile.builder-instrumented": "FROM golang:1.24\nCOPY . .\nRUN git rev-parse HEAD > ./commit_hash.txt\nRUN cp -r .git /opt/tmp/\n",
    });
    assert.strictEqual(
      await readGitReadingSource(dir, [".git/", "main.go", "tests/"], COPY_ALL, null, new FolderReader()),
      "tests/antithesis/Dockerfile.builder-instrumented",
    );
    const quiet = projects.create({
      ".git/HEAD": "x",
      "main.go": "package main\n",
      "tests/Dockerfile.e2e": "FROM golang:1.24\nCOPY . .\nRUN go test ./...\n",
      // Held-out AT, pg_timetable: the build command people run, in a comment, is no read at build time.
      Dockerfile: "# docker build --build-arg VERSION=`git describe --tags` .\nFROM golang:1.24\nCOPY . .\n",
    });
    assert.strictEqual(await readGitReadingSource(quiet, [".git/", "main.go", "tests/"], COPY_ALL, null, new FolderReader()), null);
  });

  it("reads nothing where it decides nothing, and leaves the developers' tools and tests out", async () => {
    const dir = projects.create({
      ".git/HEAD": "x",
      "app/Providers/AppServiceProvider.php": PROVIDER,
      "scripts/release.py": 'import subprocess\nsubprocess.run(["git", "describe", "--tags"])\n',
      "tests/test_version.py": 'subprocess.run(["git", "rev-parse", "HEAD"])\n',
    });
    const entries = [".git/", "app/", "scripts/", "tests/"];
    // No .git in the context, no whole-context copy, or a .dockerignore that names .git.
    assert.strictEqual(await readGitReadingSource(dir, ["app/"], COPY_ALL, null, new FolderReader()), null);
    assert.strictEqual(
      await readGitReadingSource(dir, entries, parseDockerfile("FROM php:8.3-fpm\nCOPY app/ /var/www/html/app/\n"), null, new FolderReader()),
      null,
    );
    assert.strictEqual(await readGitReadingSource(dir, entries, COPY_ALL, "vendor\n.git\n", new FolderReader()), null);
    const tools = projects.create({
      ".git/HEAD": "x",
      "scripts/release.py": 'subprocess.run(["git", "describe", "--tags"])\n',
      "tests/test_version.py": 'subprocess.run(["git", "rev-parse", "HEAD"])\n',
      "app/main.py": "print('hello')\n",
    });
    assert.strictEqual(await readGitReadingSource(tools, [".git/", "app/", "scripts/", "tests/"], COPY_ALL, null, new FolderReader()), null);
  });
});
