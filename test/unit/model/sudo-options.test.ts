import * as assert from "assert";
import { sudoOptionTakesNextWord, sudoTargetUser } from "../../../server/src/model/sudo-options";

describe("model/sudo-options", () => {
  it("reads the user sudo runs the command as, in every form sudo accepts", () => {
    const cases: [string[], string | null][] = [
      [["-u", "app"], "app"],
      [["-uapp"], "app"],
      [["--user=app"], "app"],
      [["--user", "app"], "app"],
      [["-EHu", "oncall", "bash"], "oncall"],
      [["-Hu", "oncall"], "oncall"],
      [["-Huoncall"], "oncall"],
      [["-E", "-H", "-u", "www-data"], "www-data"],
      // Another option's value comes first: `-g` takes `staff`, then `-u` names the user.
      [["-g", "staff", "-u", "app"], "app"],
      [["-gstaff", "-u", "app"], "app"],
      [["-p", "prompt -u x", "-u", "app"], "app"],
      // No user: sudo runs the command as root.
      [["-E", "-H"], null],
      [["-s"], null],
      [["--", "-u", "app"], null],
    ];
    for (const [options, user] of cases) assert.strictEqual(sudoTargetUser(options), user, options.join(" "));
  });

  it("tells which options take the next word as their value", () => {
    const takes = ["-u", "-EHu", "-g", "-p", "--user", "--chdir", "-D"];
    const holds = ["-uapp", "-Huapp", "-E", "-h", "--user=app", "--preserve-env", "-s", "app"];
    for (const option of takes) assert.ok(sudoOptionTakesNextWord(option), option);
    for (const option of holds) assert.ok(!sudoOptionTakesNextWord(option), option);
  });
});
