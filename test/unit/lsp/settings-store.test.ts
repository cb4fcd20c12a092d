// SettingsStore as the document store relies on it: equal settings are one object (an analysis is
// reused while its settings object is the same), and the likely settings of a document whose own
// are still being fetched are those fetched last.

import * as assert from "assert";
import type { Connection } from "vscode-languageserver";
import { SettingsStore } from "../../../server/src/lsp/settings";

/** A connection whose client answers workspace/configuration with `answers[uri]` when `answer(uri)` is called. */
function fakeClient(answers: Record<string, unknown>) {
  const waiting = new Map<string, (value: unknown) => void>();
  const connection = {
    workspace: { getConfiguration: ({ scopeUri }: { scopeUri: string }) => new Promise((resolve) => waiting.set(scopeUri, resolve)) },
    console: { error: () => undefined },
  } as unknown as Connection;
  const answer = async (uri: string) => {
    waiting.get(uri)?.(answers[uri]);
    // Let the store's handlers run.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { connection, answer };
}

describe("lsp/settings: SettingsStore", () => {
  const off = { rules: { "base-image-untagged": "off" } };

  it("hands out one object for equal settings of different documents", async () => {
    const { connection, answer } = fakeClient({ a: { ...off }, b: { ...off }, c: { rules: { "base-image-untagged": "error" } } });
    const store = new SettingsStore(connection);
    store.configure(true, undefined);
    const [a, b, c] = [store.get("a"), store.get("b"), store.get("c")];
    await answer("a");
    await answer("b");
    await answer("c");
    assert.strictEqual(await a, await b);
    assert.notStrictEqual(await a, await c);
    assert.strictEqual((await c).rules["base-image-untagged"], "error");
  });

  it("knows a document's likely settings before the client answers, and when its own are settled", async () => {
    const { connection, answer } = fakeClient({ a: { ...off }, b: { ...off } });
    const store = new SettingsStore(connection);
    store.configure(true, undefined);
    const a = store.get("a");
    assert.strictEqual(store.likely("a"), undefined, "nothing fetched yet: no guess");
    assert.strictEqual(store.isSettled("a"), false);
    await answer("a");
    assert.strictEqual(store.isSettled("a"), true);
    assert.strictEqual(store.likely("a"), await a);

    const b = store.get("b");
    assert.strictEqual(store.isSettled("b"), false);
    assert.strictEqual(store.likely("b"), await a, "the settings fetched last");
    await answer("b");
    assert.strictEqual(await b, await a);
  });

  it("forgets every guess on a configuration change", async () => {
    const { connection, answer } = fakeClient({ a: { ...off } });
    const store = new SettingsStore(connection);
    store.configure(true, undefined);
    const a = store.get("a");
    await answer("a");
    await a;
    store.changed(null);
    assert.strictEqual(store.likely("a"), undefined);
    assert.strictEqual(store.isSettled("a"), false);
  });

  it("has nothing to guess for a client that cannot be asked: its settings are known at once", async () => {
    const { connection } = fakeClient({});
    const store = new SettingsStore(connection);
    store.configure(false, off);
    assert.strictEqual(store.isSettled("a"), true);
    assert.strictEqual(store.likely("a"), undefined);
    assert.strictEqual((await store.get("a")).rules["base-image-untagged"], "off");
  });
});
