import * as assert from "assert";
import { programAt } from "../../../server/src/model/command-program";

/** The program `programAt` finds in a command written as one string, or null when there is none. */
function programOf(command: string, wrappers: string[] = [], throughPackageRunners = false): string | null {
  const words = command.split(" ");
  return words[programAt(words, new Set(wrappers), { throughPackageRunners })] ?? null;
}

describe("command-program", () => {
  const cases: [string, string | null, string[]?][] = [
    ["npm ci", "npm"],
    ["exec bundle install", "bundle"],
    ["then npm ci", "npm"],
    ["RAILS_ENV=production bundle exec rake assets:precompile", "bundle"],
    ["sudo -HEu app bundle install", "bundle"],
    ["sudo -u app -- pip install -r requirements.txt", "pip"],
    // The user written into the option (`-uapp`, `-Huapp`) leaves the next word to be the program.
    ["sudo -uapp pip install .", "pip"],
    ["sudo -Huapp bundle install", "bundle"],
    ["sudo --user app make", "make"],
    ["exec gosu app pip install .", "pip"],
    ["/usr/bin/env -u HOME PIP_NO_CACHE_DIR=1 pip install .", "pip"],
    ["nice -n 10 make -j4", "make"],
    ["command pip install .", "pip"],
    ["env-cmd -f .env.prod -- ts-node src/main.ts", "ts-node"],
    ["cross-env NODE_ENV=production -- tsx src/main.ts", "tsx"],
    ["dotenv -e .env -- nest start", "nest"],
    ["exec_as_app bundle install", "bundle", ["exec_as_app"]],
    ["RUN=1", null],
  ];
  for (const [command, program, wrappers] of cases) {
    it(`reads '${command}' as running ${program ?? "nothing"}`, () => assert.strictEqual(programOf(command, wrappers), program));
  }

  it("reads a package runner as the program unless asked to look through it (`npx webpack` is a build step)", () => {
    assert.strictEqual(programOf("npx webpack --mode production"), "npx");
    assert.strictEqual(programOf("npx -p typescript tsc", [], true), "tsc");
    assert.strictEqual(programOf("cross-env NODE_ENV=production npx tsx src/main.ts", [], true), "tsx");
  });

  it("reads `command -v` as the question it is, not a run of the program it names", () => {
    assert.strictEqual(programOf("command -v pip"), "command");
    assert.strictEqual(programOf("command -pV pip"), "command");
  });
});
