import * as assert from "assert";
import type { HttpTransport } from "../../../server/src/images/registry/types";
import { noFileHost } from "../../../server/src/lsp/host";
import { ImageLookups } from "../../../server/src/lsp/image-lookups";

const ON = { online: true, exactBytes: false, inlayHints: false };
const never: HttpTransport = () => Promise.reject(new Error("no network in unit tests"));
const networkHost = { ...noFileHost, name: "node", registryAccess: () => ({ transport: never, store: null }) };

function reason(lookups: ImageLookups, settings = ON): string | null {
  const access = lookups.access(settings);
  return access.isOn ? null : access.reason;
}

describe("lsp/image-lookups: when live registry lookups may run", () => {
  it("never in the browser build, which has no registry access", () => {
    const lookups = new ImageLookups(noFileHost, () => undefined);
    lookups.configure({ isTrusted: true });
    assert.strictEqual(reason(lookups), "registries cannot be reached from the browser (they send no CORS headers)");
  });

  it("not in an untrusted workspace until trust is granted", () => {
    const lookups = new ImageLookups(networkHost, () => undefined);
    lookups.configure({ isTrusted: false });
    assert.strictEqual(reason(lookups), "the workspace is not trusted");
    lookups.grantTrust();
    assert.strictEqual(reason(lookups), null);
  });

  it("not when stagecraft.imageSize.online is false", () => {
    const lookups = new ImageLookups(networkHost, () => undefined);
    lookups.configure({});
    assert.strictEqual(reason(lookups, { ...ON, online: false }), "stagecraft.imageSize.online is false");
    assert.strictEqual(reason(lookups), null, "trusted by default for editors without a trust model");
  });
});
