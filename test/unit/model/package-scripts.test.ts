import * as assert from "assert";
import { packageScriptRun, someScriptCommand, withHooks } from "../../../server/src/model/package-scripts";

describe("model/package-scripts: the package.json scripts a package manager runs", () => {
  it("names the script of run, start and test, and of a bare word for managers other than npm", () => {
    assert.strictEqual(packageScriptRun("npm", ["run", "build"]), "build");
    assert.strictEqual(packageScriptRun("pnpm", ["run-script", "seed"]), "seed");
    assert.strictEqual(packageScriptRun("npm", ["start"]), "start");
    assert.strictEqual(packageScriptRun("yarn", ["dev"]), "dev");
    assert.strictEqual(packageScriptRun("npm", ["dev"]), undefined);
    assert.strictEqual(packageScriptRun("yarn", ["install"]), undefined);
    assert.strictEqual(packageScriptRun("bun", []), undefined);
  });

  it("runs npm's pre and post hooks around a script", () => {
    assert.deepStrictEqual(withHooks("build"), ["prebuild", "build", "postbuild"]);
  });

  it("tests the commands of a script once, whatever scripts run each other", () => {
    const scripts = { build: "tsc -p . && npm run build", lint: "eslint ." };
    const seen = new Set<string>();
    const programs: string[] = [];
    const found = someScriptCommand(scripts, "build", seen, (words) => {
      programs.push(words[0]);
      return words[0] === "npm" && someScriptCommand(scripts, "build", seen, () => true);
    });
    assert.strictEqual(found, false);
    assert.deepStrictEqual(programs, ["tsc", "npm"]);
    assert.strictEqual(
      someScriptCommand(scripts, "missing", new Set(), () => true),
      false,
    );
    assert.strictEqual(
      someScriptCommand(scripts, "lint", new Set(), (words) => words[0] === "eslint"),
      true,
    );
  });
});
