import * as assert from "assert";
import { gitUseAfter } from "../../../server/src/model/git-metadata";
import { parseDockerfile } from "../../../server/src/model/parse";

// Which steps after a whole-context copy read the checkout's git metadata (context-no-dockerignore
// keeps .git for them), as the files the host read show it.
describe("model/git-metadata: steps that read the checkout", () => {
  const copyAndRun = (run: string, files: Record<string, string>) => {
    const model = parseDockerfile(`FROM alpine:3.23 AS make\nWORKDIR /src\nCOPY . /src\nRUN ${run}\n`, {
      files,
      rootEntries: [".git/", ...Object.keys(files)],
    });
    return gitUseAfter(model, model.instructions[2], "alpine");
  };

  it("reads a Makefile that asks git through a variable set to git (tracee's `CMD_GIT ?= git`)", () => {
    const makefile =
      'CMD_GIT ?= git\nVERSION ?= $(shell $(CMD_GIT) rev-parse --short HEAD)\ntracee:\n\tgo build -ldflags "-X main.version=$(VERSION)" ./cmd/tracee\n';
    assert.strictEqual(copyAndRun("make tracee", { Makefile: makefile }).stepReadsGit, true);
    assert.strictEqual(copyAndRun("make tracee", { Makefile: makefile.replace("CMD_GIT ?= git", "CMD_GIT ?= echo") }).stepReadsGit, false);
  });

  it("reads an extensionless shell script a RUN starts by its path in the image (longhorn-manager's `scripts/build`)", () => {
    const script = "#!/bin/bash\nset -e\nCOMMIT=$(git rev-parse --short HEAD)\ngo build -o bin/manager .\n";
    assert.strictEqual(copyAndRun("/src/scripts/build", { "scripts/build": script }).stepReadsGit, true);
    // Not a shell script by its first line: nothing is read into it.
    assert.strictEqual(copyAndRun("/src/scripts/build", { "scripts/build": script.replace("#!/bin/bash", "#!/usr/bin/env python3") }).stepReadsGit, false);
  });

  it("knows a shell script by any shell its shebang names, directly or through env, not only bash, dash, zsh and ksh in /bin", () => {
    const body = "\nset -e\nCOMMIT=$(git rev-parse --short HEAD)\ngo build -o bin/manager .\n";
    for (const shebang of ["#!/bin/ash", "#!/usr/local/bin/bash -e", "#!/usr/bin/env -S bash -eu", "#!/bin/mksh", "#! /bin/sh"]) {
      assert.strictEqual(copyAndRun("/src/scripts/build", { "scripts/build": shebang + body }).stepReadsGit, true, shebang);
    }
    for (const shebang of ["#!/usr/bin/env -S python3 -u", "#!/usr/bin/perl", "# no shebang"]) {
      assert.strictEqual(copyAndRun("/src/scripts/build", { "scripts/build": shebang + body }).stepReadsGit, false, shebang);
    }
  });
});
