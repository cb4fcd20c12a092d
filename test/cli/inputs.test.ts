// What the CLI hands the engine for one Dockerfile: text, build-context facts of its folder and the
// settings of the nearest .stagecraft.json (in-process, so the facts themselves can be compared).

import * as assert from "assert";
import { stat } from "fs/promises";
import { join } from "path";
import { ConfigLoader } from "../../server/src/cli/config";
import { findDockerfiles } from "../../server/src/cli/discover";
import { readDockerfileInput } from "../../server/src/cli/inputs";
import { allRules } from "../../server/src/rules/index";
import { TempProjects } from "../support/temp-project";

describe("CLI inputs for the engine", () => {
  const projects = new TempProjects("stagecraft-inputs");
  const configs = () => new ConfigLoader(new Set(allRules.map((r) => r.meta.id)));

  const project = (files: Record<string, string>) => projects.create(files);

  after(() => projects.dispose());

  it("reports no .dockerignore (null) and the root entries, folders with a trailing slash", async () => {
    const dir = project({ Dockerfile: "FROM node:20\nCOPY . .\n", "package.json": "{}", "src/index.js": "", ".git/HEAD": "" });
    const input = await readDockerfileInput(join(dir, "Dockerfile"), configs());
    assert.strictEqual(input.text, "FROM node:20\nCOPY . .\n");
    assert.strictEqual(input.context.dockerignore, null);
    assert.deepStrictEqual([...(input.context.rootEntries ?? [])].sort(), [".git/", "Dockerfile", "package.json", "src/"]);
  });

  it("reads .dockerignore at the Dockerfile's folder", async () => {
    const dir = project({ Dockerfile: "FROM alpine:3.22\n", ".dockerignore": ".git\nnode_modules\n" });
    const input = await readDockerfileInput(join(dir, "Dockerfile"), configs());
    assert.strictEqual(input.context.dockerignore, ".git\nnode_modules\n");
  });

  it("prefers <name>.dockerignore over .dockerignore", async () => {
    const dir = project({ "app.Dockerfile": "FROM alpine:3.22\n", "app.Dockerfile.dockerignore": "dist\n", ".dockerignore": ".git\n" });
    const input = await readDockerfileInput(join(dir, "app.Dockerfile"), configs());
    assert.strictEqual(input.context.dockerignore, "dist\n");
  });

  it("carries the settings of the nearest .stagecraft.json", async () => {
    const dir = project({ ".stagecraft.json": '{ "rules": { "stage-unused": "off" } }', "svc/Dockerfile": "FROM alpine:3.22\n" });
    const input = await readDockerfileInput(join(dir, "svc", "Dockerfile"), configs());
    assert.deepStrictEqual(input.settings, { "stage-unused": "off" });
  });

  it("has empty settings without a configuration file", async () => {
    const dir = project({ Dockerfile: "FROM alpine:3.22\n" });
    const input = await readDockerfileInput(join(dir, "Dockerfile"), configs());
    assert.deepStrictEqual(input.settings, {});
  });

  it("reports a folder it cannot list and keeps searching the others", async () => {
    // Tests run as root, where permissions do not stop readdir: the failure is injected.
    const dir = project({ "a/Dockerfile": "FROM alpine:3.22\n", "locked/Dockerfile": "FROM alpine:3.22\n", "z/Dockerfile": "FROM alpine:3.22\n" });
    const { readdir } = await import("fs/promises");
    const found = await findDockerfiles([dir, join(dir, "missing")], dir, {
      stat,
      readdir: async (folder) => {
        if (folder.endsWith("locked")) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
        return readdir(folder, { withFileTypes: true });
      },
    });
    assert.deepStrictEqual(found.files, [join(dir, "a", "Dockerfile"), join(dir, "z", "Dockerfile")]);
    assert.deepStrictEqual(found.errors, [
      `cannot read folder '${join(dir, "locked")}': permission denied`,
      `cannot read '${join(dir, "missing")}': no such file or folder`,
    ]);
  });
});
