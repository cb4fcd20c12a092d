import * as assert from "assert";
import { findLeftPackageCaches } from "../../../server/src/model/package-caches";
import { parseDockerfile } from "../../../server/src/model/parse";

describe("model/package-caches: where apk caches", () => {
  it("reads each RUN's commands a bounded number of times, however many apk RUNs come before", () => {
    const runs = 300;
    const lines = Array.from({ length: runs }, (_, i) => `RUN --mount=type=cache,target=/var/cache/apk apk add pkg${i}`);
    const model = parseDockerfile(["FROM alpine:3.20", ...lines, ""].join("\n"));
    let reads = 0;
    for (const instruction of model.instructions) {
      const commands = instruction.commands;
      Object.defineProperty(instruction, "commands", {
        get: () => {
          reads++;
          return commands;
        },
      });
    }
    assert.deepStrictEqual(findLeftPackageCaches(model), []);
    // Walking every earlier RUN for each apk command read them about runs² / 2 times (45,000 here).
    assert.ok(reads < 20 * runs, `${reads} reads of RUN commands for ${runs} RUNs`);
  });

  it("follows a link made at the root of an 8,000-stage chain without overflowing the stack", () => {
    const lines = ["FROM alpine:3.20 AS s0", "RUN ln -s /var/cache/apk /etc/apk/cache"];
    for (let i = 1; i < 8000; i++) lines.push(`FROM s${i - 1} AS s${i}`);
    lines.push("RUN --mount=type=cache,target=/var/cache/apk apk add curl", "");
    assert.deepStrictEqual(findLeftPackageCaches(parseDockerfile(lines.join("\n"))), []);
    lines[1] = "RUN mkdir -p /etc/apk/cache";
    assert.deepStrictEqual(
      findLeftPackageCaches(parseDockerfile(lines.join("\n"))).map((c) => c.kind),
      ["apk"],
    );
  });
});
