import * as assert from "assert";
import { join } from "path";
import { pathToFileURL } from "url";
import { FolderReader } from "../../../server/src/host/folder-reader";
import { readBuildContext } from "../../../server/src/host/node-context";
import { parseDockerfile } from "../../../server/src/model/parse";
import type { DockerfileModel } from "../../../server/src/model/types";
import { TempProjects } from "../../support/temp-project";

// Issue #16: a file just opened is parsed once, by the analysis; the context read uses that parse
// when the saved file holds the editor's text, and parses the saved text itself otherwise.
describe("host/node-context: the open document's parse serves the context read", () => {
  const projects = new TempProjects("stagecraft-open-document");
  after(() => projects.dispose());

  const saved =
    'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY docker/entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n';
  const files = { Dockerfile: saved, "package.json": '{"name":"app"}', "docker/entrypoint.sh": '#!/bin/sh\nexec "$@"\n' };

  /** An open document whose parse counts how often it was asked for. */
  const openWith = (text: string) => {
    const asked = { count: 0 };
    return { asked, open: { text, model: (): DockerfileModel => (asked.count++, parseDockerfile(text)) } };
  };

  it("uses the editor's parse when the saved file holds the same text, with the same facts as a parse of its own", async () => {
    const dir = projects.create(files);
    const uri = pathToFileURL(join(dir, "Dockerfile")).href;
    const { asked, open } = openWith(saved);
    const withOpen = await readBuildContext(uri, new FolderReader(), undefined, open);
    assert.strictEqual(asked.count, 1);
    assert.deepStrictEqual(withOpen, await readBuildContext(uri, new FolderReader()));
    assert.ok(Object.keys(withOpen.files ?? {}).includes("docker/entrypoint.sh"));
  });

  it("parses the saved file when the editor holds an unsaved edit: the saved copies decide", async () => {
    const dir = projects.create(files);
    const uri = pathToFileURL(join(dir, "Dockerfile")).href;
    const { asked, open } = openWith(saved.replace("COPY docker/entrypoint.sh /entrypoint.sh\n", ""));
    const facts = await readBuildContext(uri, new FolderReader(), undefined, open);
    assert.strictEqual(asked.count, 0);
    assert.ok(Object.keys(facts.files ?? {}).includes("docker/entrypoint.sh"));
  });
});
