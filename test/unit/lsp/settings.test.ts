// `stagecraft.diagnostics.delay` as the server reads it per document: a usable number of
// milliseconds is kept (capped at the declared maximum), anything else leaves it unset.

import * as assert from "assert";
import { normalizeSettings } from "../../../server/src/lsp/settings";

describe("lsp/settings: diagnostics.delay", () => {
  const delayOf = (delay: unknown) => normalizeSettings({ diagnostics: { delay } }).diagnosticsDelay;

  it("keeps a usable delay and caps it at 5000 ms", () => {
    assert.strictEqual(delayOf(0), 0);
    assert.strictEqual(delayOf(300), 300);
    assert.strictEqual(delayOf(60000), 5000);
  });

  it("leaves the delay unset when missing or unusable", () => {
    for (const bad of [undefined, -1, Number.NaN, Infinity, "150", null]) assert.strictEqual(delayOf(bad), undefined, String(bad));
    assert.strictEqual(normalizeSettings({}).diagnosticsDelay, undefined);
    assert.strictEqual(normalizeSettings({ diagnostics: 5 }).diagnosticsDelay, undefined);
  });
});
