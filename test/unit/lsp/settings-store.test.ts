// SettingsStore as the document store relies on it: equal settings are one object (an analysis is
// reused while its settings object is the same), the likely settings of a document whose own are
// still being fetched are those fetched last, and a document of a workspace folder whose settings
// are known is analysed under them at once, corrected if its own turn out different.

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

  describe("settings known per workspace folder", () => {
    const folders = ["file:///work/app", "file:///work/app/tools/", "file:///other/"];
    const untagged = (settings: { rules: Record<string, unknown> } | undefined) => settings?.rules["base-image-untagged"];

    it("answers a document of a folder whose settings were fetched for another document, and nothing elsewhere", async () => {
      const uri = (path: string) => `file://${path}`;
      const { connection, answer } = fakeClient({ [uri("/work/app/Dockerfile")]: { ...off }, [uri("/work/app/tools/Dockerfile")]: {} });
      const store = new SettingsStore(connection);
      store.configure(true, undefined, folders);
      assert.strictEqual(store.known(uri("/work/app/Dockerfile")), undefined, "nothing fetched yet");
      const app = store.get(uri("/work/app/Dockerfile"));
      await answer(uri("/work/app/Dockerfile"));
      assert.strictEqual(store.known(uri("/work/app/api/Dockerfile")), await app, "same folder (written without its trailing slash)");
      assert.strictEqual(store.known(uri("/work/application/Dockerfile")), undefined, "a folder whose name only starts alike");
      assert.strictEqual(store.known(uri("/work/app/tools/Dockerfile")), undefined, "the innermost folder holds it, and it has none yet");
      assert.strictEqual(store.known(uri("/other/Dockerfile")), undefined, "another folder");
      assert.strictEqual(store.known(uri("/tmp/Dockerfile")), undefined, "outside every folder: a group of its own");
    });

    it("corrects a document whose own settings differ from its folder's, and only then", async () => {
      const uri = (name: string) => `file:///work/app/${name}/Dockerfile`;
      const { connection, answer } = fakeClient({ [uri("a")]: { ...off }, [uri("b")]: { ...off }, [uri("c")]: {} });
      const store = new SettingsStore(connection);
      store.configure(true, undefined, folders);
      const corrected: string[] = [];
      store.onCorrected = (u) => corrected.push(u);
      const a = store.get(uri("a"));
      await answer(uri("a"));

      assert.strictEqual(store.known(uri("b")), await a);
      store.confirm(uri("b"));
      store.confirm(uri("b"));
      await answer(uri("b"));
      assert.deepStrictEqual(corrected, [], "b's own settings equal its folder's");
      assert.strictEqual(store.isSettled(uri("b")), true);

      assert.strictEqual(untagged(store.known(uri("c"))), "off");
      store.confirm(uri("c"));
      await answer(uri("c"));
      assert.deepStrictEqual(corrected, [uri("c")], "c's own settings turn the rule back on");
      assert.strictEqual(untagged(store.known(uri("c"))), undefined, "c's own from now on");
      assert.strictEqual(untagged(store.known(uri("d"))), undefined, "the folder's are those fetched last");
    });

    it("knows nothing per folder after a configuration change", async () => {
      const uri = "file:///work/app/Dockerfile";
      const { connection, answer } = fakeClient({ [uri]: { ...off } });
      const store = new SettingsStore(connection);
      store.configure(true, undefined, folders);
      const fetched = store.get(uri);
      await answer(uri);
      await fetched;
      store.changed(null);
      assert.strictEqual(store.known("file:///work/app/other/Dockerfile"), undefined);
    });

    it("has nothing to know for a client that cannot be asked", () => {
      const { connection } = fakeClient({});
      const store = new SettingsStore(connection);
      store.configure(false, off, folders);
      assert.strictEqual(store.known("file:///work/app/Dockerfile"), undefined);
    });
  });
});
