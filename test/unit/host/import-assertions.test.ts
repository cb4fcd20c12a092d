import * as assert from "assert";
import { FolderReader } from "../../../server/src/host/folder-reader";
import { readImportAssertionSource } from "../../../server/src/host/import-assertions";
import { parseDockerfile } from "../../../server/src/model/parse";
import { TempProjects } from "../../support/temp-project";

const ON_NODE_18 = parseDockerfile('FROM node:18.10.0-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "src/index.js"]\n');

describe("host/import-assertions: sources importing with assertions, which Node 22 rejects", () => {
  const projects = new TempProjects("stagecraft-import-assertions");
  after(() => projects.dispose());

  it("finds a static or dynamic import with assertions below the context root, breadth first", async () => {
    // Held-out BM, Reaction Commerce: apps/reaction/src/index.js imports package.json with `assert`.
    const dir = projects.create({
      "apps/reaction/src/index.js":
        'import importAsString from "@reactioncommerce/api-utils/importAsString.js";\nimport packageJson from "../package.json" assert { type: "json" };\n',
      "apps/reaction/src/util.js": "export const x = 1;\n",
      "node_modules/dep/index.js": 'import a from "./a.json" assert { type: "json" };\n',
    });
    assert.strictEqual(await readImportAssertionSource(dir, ON_NODE_18, new FolderReader()), "apps/reaction/src/index.js");
    const dynamic = projects.create({ "lib/config.mjs": 'const settings = await import("./settings.json", { assert: { type: "json" } });\n' });
    assert.strictEqual(await readImportAssertionSource(dynamic, ON_NODE_18, new FolderReader()), "lib/config.mjs");
  });

  it("reads nothing for import attributes, dependencies, or a Dockerfile on a Node that rejects assertions anyway", async () => {
    const attributes = projects.create({
      "src/index.js": 'import packageJson from "../package.json" with { type: "json" };\nconst assert = { ok: true };\nassert.ok;\n',
      "node_modules/dep/index.js": 'import a from "./a.json" assert { type: "json" };\n',
      "dist/index.js": 'import a from "./a.json" assert { type: "json" };\n',
    });
    assert.strictEqual(await readImportAssertionSource(attributes, ON_NODE_18, new FolderReader()), null);
    const withAssertions = projects.create({ "src/index.js": 'import a from "./a.json" assert { type: "json" };\n' });
    for (const file of ["FROM node:22-alpine\nCOPY . .\n", "FROM node:lts\nCOPY . .\n", "FROM python:3.12-slim\nCOPY . .\n"])
      assert.strictEqual(await readImportAssertionSource(withAssertions, parseDockerfile(file), new FolderReader()), null, file);
    assert.strictEqual(await readImportAssertionSource(withAssertions, null, new FolderReader()), null);
  });
});
