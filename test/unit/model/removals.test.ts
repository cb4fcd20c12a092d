import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";
import { removes } from "../../../server/src/model/removals";

/** Whether the file's first RUN command deletes one of `dirs` (or a folder holding one). */
function removesIn(script: string, dirs: string[], orHolder = true): boolean {
  const command = parseDockerfile(`FROM alpine:3.22\nRUN ${script}\n`).stages[0].instructions[0].commands[0];
  return removes(command, dirs, orHolder);
}

describe("model/removals: what a cleanup deletes", () => {
  it("reads paths inside, at and above the folder", () => {
    assert.ok(removesIn("rm -rf /var/lib/apt/lists/*", ["/var/lib/apt/lists"]));
    assert.ok(removesIn("rm -rf /usr/local/share/.cache", ["/usr/local/share/.cache/yarn"]));
    assert.ok(!removesIn("rm -rf /usr/local/share/.cache", ["/usr/local/share/.cache/yarn"], false));
    // The shell expands neither a quoted glob nor (under dash or ash) a brace list.
    assert.ok(!removesIn('rm -rf "/var/cache/apk/*"', ["/var/cache/apk"]));
    assert.ok(!removesIn("rm -rf /var/{cache,log}/apk", ["/var/cache/apk"]));
  });

  it("reads a glob above the folder as the shell expands it", () => {
    // Held-out CG, smartcitiesdata: `**` is `*` to sh, so this empties /var/cache/apk too.
    assert.ok(removesIn("rm -rf /var/cache/**/*", ["/var/cache/apk"]));
    assert.ok(removesIn("rm -rf /var/*/apk", ["/var/cache/apk"]));
    assert.ok(removesIn("rm -rf /var/ca?he/*", ["/var/cache/apk"]));
    assert.ok(removesIn("rm -rf /v*", ["/var/cache/apk"]));
    assert.ok(!removesIn("rm -rf /v*", ["/var/cache/apk"], false));
    assert.ok(!removesIn("rm -rf /var/log/*/*", ["/var/cache/apk"]));
    // `*` does not match a leading dot: the hidden folder stays.
    assert.ok(!removesIn("rm -rf /root/*/yarn", ["/root/.cache/yarn"]));
    assert.ok(removesIn("rm -rf /root/.c*/*", ["/root/.cache/yarn"]));
  });
});
