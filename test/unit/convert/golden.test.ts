// Golden tests of the multi-stage planner: every case under test/fixtures/convert/<case>/ holds
// the single-stage `Dockerfile`, the `expected.Dockerfile` and optionally `options` (the runtime
// family). Set UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change.

import * as assert from "assert";
import { readFileSync, writeFileSync } from "fs";
import { convertToMultiStage } from "../../../server/src/convert/index";
import { parseDockerfile } from "../../../server/src/model/parse";
import { convertCases } from "./cases";

describe("convert: golden outputs", () => {
  for (const c of convertCases()) {
    it(`${c.name}${c.runtime ? ` (--runtime ${c.runtime})` : ""}`, () => {
      const result = convertToMultiStage(parseDockerfile(c.input, c.context), {
        runtime: c.runtime,
      });
      assert.ok(result.ok, `refused: ${result.ok ? "" : result.reason}`);
      if (process.env.UPDATE_GOLDEN === "1") writeFileSync(c.expectedPath, result.text);
      assert.strictEqual(result.text, readFileSync(c.expectedPath, "utf8"));
    });
  }

  it("keeps CRLF line endings throughout", () => {
    for (const c of convertCases()) {
      const result = convertToMultiStage(parseDockerfile(c.input.replace(/\n/g, "\r\n"), c.context), { runtime: c.runtime });
      assert.ok(result.ok, c.name);
      assert.strictEqual(result.text, readFileSync(c.expectedPath, "utf8").replace(/\n/g, "\r\n"), c.name);
    }
  });

  it("is deterministic: the same input gives the same text", () => {
    for (const c of convertCases()) {
      const once = convertToMultiStage(parseDockerfile(c.input, c.context), {
        runtime: c.runtime,
      });
      const twice = convertToMultiStage(parseDockerfile(c.input, c.context), {
        runtime: c.runtime,
      });
      assert.deepStrictEqual(once, twice, c.name);
    }
  });
});
