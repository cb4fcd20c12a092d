// Fix-all never merges RUNs across package managers, nor a cache-sensitive install with an
// unrelated step (issue #13): merged, a change to either step reruns the install.

import * as assert from "assert";
import { analyze } from "../../../server/src/engine";
import { UNKNOWN_CONTEXT } from "../../../server/src/model/context";
import { compatibleSafeFixes } from "../../../server/src/lint/fix-all";
import { applyEdits } from "../../../server/src/model/text";

function fixAll(text: string): string {
  const analysis = analyze(text, { context: UNKNOWN_CONTEXT, syntax: false });
  const fixes = compatibleSafeFixes(analysis, { canCreateFiles: false, analyzeOptions: { context: UNKNOWN_CONTEXT, syntax: false } });
  return applyEdits(
    text,
    fixes.flatMap((f) => f.edits),
  );
}

/** The RUN instructions of a text, continuation lines joined. */
function runs(text: string): string[] {
  return text
    .replace(/\\\r?\n/g, " ")
    .split("\n")
    .filter((l) => l.startsWith("RUN "));
}

describe("lint/fix-all: RUN merges", () => {
  it("keeps apt-get and pip installs in their own RUNs", () => {
    const out = fixAll("FROM debian:12\nRUN apt-get install -y python3-pip\nRUN pip install flask\n");
    const merged = runs(out).filter((r) => r.includes("apt-get") && r.includes("pip install"));
    assert.deepStrictEqual(merged, [], out);
    assert.strictEqual(runs(out).length, 2, out);
  });

  it("keeps an install apart from the build step after it", () => {
    const out = fixAll("FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nRUN npm run build\n");
    assert.strictEqual(runs(out).length, 2, out);
  });

  it("still merges two plain steps", () => {
    const out = fixAll("FROM debian:12\nRUN useradd app\nRUN mkdir /data\n");
    assert.strictEqual(runs(out).length, 1, out);
  });
});
