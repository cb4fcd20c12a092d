// A few seconds of the issue #15 fuzzer (test/fuzz/lsp-fuzz.ts) in every test run; `npm run fuzz`
// runs it for longer with other seeds.

import * as assert from "assert";
import { buildServer, LspClient } from "../support/lsp-client";
import { corpusFiles, FuzzStall, runFuzz, withinStallLimit } from "../fuzz/lsp-fuzz";

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

  it("fails a step that gets no answer, naming it and what the server does", async () => {
    const client = await LspClient.start();
    try {
      // A notification is written at once; a request to a method nobody handles is answered with an
      // error at once: a promise that never settles stands for the lost answer.
      const lost = withinStallLimit("textDocument/hover on example version 7", client, () => new Promise<never>(() => undefined), 200);
      await assert.rejects(lost, (error: unknown) => {
        assert.ok(error instanceof FuzzStall);
        assert.match(error.message, /^textDocument\/hover on example version 7: no answer within 0\.2 s; server alive; /);
        assert.match(error.message, /it answers another request/);
        return true;
      });
      assert.strictEqual(await withinStallLimit("a quick step", client, () => Promise.resolve(42), 200), 42);
    } finally {
      await client.stop();
    }
  });
});
