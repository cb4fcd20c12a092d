// The VS Code client stays thin (rust-analyzer's model): it shares protocol names with the server
// but must never bundle the engine — rules, the parser, the validator or the planner.

import * as assert from "assert";
import { join, resolve } from "path";

const REPO = resolve(__dirname, "..", "..", "..");
const ENGINE_INPUTS =
  /^(?:server\/src\/(?:rules|lint|model|convert|images|fixes|engine\.ts)|node_modules\/(?:dockerfile-ast|dockerfile-utils|dockerfile-language-service)\/)/;

describe("client bundles: thin", function () {
  this.timeout(30000);
  for (const [entry, platform] of [
    ["client/src/extension.ts", "node"],
    ["client/src/browser.ts", "browser"],
  ] as const) {
    it(`${entry} bundles no engine code`, async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const esbuild = require("esbuild") as typeof import("esbuild");
      const result = await esbuild.build({
        entryPoints: [join(REPO, entry)],
        bundle: true,
        write: false,
        metafile: true,
        platform,
        format: "cjs",
        external: ["vscode"],
        logLevel: "silent",
        absWorkingDir: REPO,
      });
      const inputs = Object.keys(result.metafile.inputs);
      assert.ok(
        inputs.some((i) => i.startsWith("server/src/lsp/protocol")),
        "expected the shared protocol module",
      );
      assert.deepStrictEqual(
        inputs.filter((i) => ENGINE_INPUTS.test(i)),
        [],
      );
    });
  }
});
