import * as assert from "assert";
import { contextJsonFile, jsonObjectOf } from "../../../server/src/model/json-files";

describe("model/json-files: the build context's JSON files as objects", () => {
  it("an object when the text is a JSON object; null for no text, invalid JSON, arrays and scalars", () => {
    assert.deepStrictEqual(jsonObjectOf('{"name": "app", "devDependencies": {"tsc": "5"}}'), { name: "app", devDependencies: { tsc: "5" } });
    assert.strictEqual(jsonObjectOf(undefined), null);
    assert.strictEqual(jsonObjectOf('{"name": "app",'), null);
    assert.strictEqual(jsonObjectOf("[1, 2]"), null);
    assert.strictEqual(jsonObjectOf("null"), null);
    assert.strictEqual(jsonObjectOf('"text"'), null);
  });

  it("a context file is parsed once per set of files: every reader gets the same object", () => {
    const files = { "package.json": '{"scripts": {"build": "tsc"}}', "broken.json": "{" };
    const first = contextJsonFile(files, "package.json");
    assert.deepStrictEqual(first, { scripts: { build: "tsc" } });
    assert.strictEqual(contextJsonFile(files, "package.json"), first);
    // Other facts with the same text are parsed on their own.
    assert.notStrictEqual(contextJsonFile({ ...files }, "package.json"), first);
    assert.strictEqual(contextJsonFile(files, "broken.json"), null);
    assert.strictEqual(contextJsonFile(files, "missing.json"), null);
    assert.strictEqual(contextJsonFile(undefined, "package.json"), null);
  });
});
