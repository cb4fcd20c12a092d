// A few seconds of the issue #15 fuzzer (test/fuzz/lsp-fuzz.ts) in every test run; `npm run fuzz`
// runs it for longer with other seeds.

import * as assert from "assert";
import { buildServer } from "../support/lsp-client";
import { corpusFiles, runFuzz } from "../fuzz/lsp-fuzz";

describe("lsp: fuzz (short)", function () {
  this.timeout(120000);

  before(function () {
    if (corpusFiles().length === 0) this.skip();
    return buildServer();
  });

  it("survives seeded random edits and requests over corpus files", async () => {
    const report = await runFuzz({ seed: 15, seconds: 6, editsPerFile: 25 });
    assert.deepStrictEqual(report.failures, []);
    assert.ok(report.edits > 0 && report.requests > 0 && report.comparisons > 0, JSON.stringify(report));
  });
});
