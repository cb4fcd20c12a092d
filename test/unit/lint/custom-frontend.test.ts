// A file written for another BuildKit frontend (its `# syntax=` names one, and it uses an instruction
// of that frontend's own): every check is skipped and the notice says why, instead of findings on
// instructions Stagecraft cannot read (dockerfile-x's INCLUDE read as unknown, its stages as images).

import * as assert from "assert";
import { analyze, analyzeWhileValidating, syntaxSkippedNotice } from "../../../server/src/engine";
import { parseDockerfile } from "../../../server/src/model/parse";

const DOCKERFILE_X = "# syntax = devthefuture/dockerfile-x\nINCLUDE docker/base.dockerfile\nFROM runtime as app\nCMD app\n";

describe("lint: files written for another frontend", () => {
  it("are not checked, and the notice names the frontend", () => {
    const analysis = analyze(DOCKERFILE_X);
    assert.deepStrictEqual(analysis.findings, []);
    assert.deepStrictEqual(analysis.syntax, []);
    assert.strictEqual(analysis.syntaxSkipped?.frontend, "devthefuture/dockerfile-x");
    const notice = syntaxSkippedNotice(analysis.syntaxSkipped!);
    assert.match(notice.message, /^Checks skipped: .* frontend 'devthefuture\/dockerfile-x'\.$/);
    assert.ok(notice.message.split(/(?<=\.) /)[0].length <= 100);
  });

  it("are not checked while the worker validates either", async () => {
    const analysis = await analyzeWhileValidating(parseDockerfile(DOCKERFILE_X), {}, Promise.resolve({ ok: true, value: [], ms: 1 }));
    assert.deepStrictEqual(analysis.findings, []);
    assert.strictEqual(analysis.syntaxSkipped?.frontend, "devthefuture/dockerfile-x");
  });

  it("are checked when the frontend is Docker's own, or another that adds no instruction", () => {
    for (const syntax of ["docker/dockerfile:1", "docker.io/docker/dockerfile-upstream:1.4.3", "tonistiigi/dockerfile:runmount20181002"]) {
      const analysis = analyze(`# syntax=${syntax}\nFROM node\nCMD app\n`);
      assert.strictEqual(analysis.syntaxSkipped, undefined, syntax);
      assert.ok(
        analysis.findings.some((f) => f.ruleId === "base-image-untagged"),
        syntax,
      );
    }
  });

  it("are checked without a syntax directive, where an unknown instruction is a syntax problem", () => {
    const analysis = analyze("FROM node:22\nINCLUDE x\n");
    assert.strictEqual(analysis.syntaxSkipped, undefined);
    assert.ok(analysis.syntax.some((p) => p.code === "unknownInstruction"));
  });
});
