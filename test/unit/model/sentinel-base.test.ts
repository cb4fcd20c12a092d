import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";
import { hasSentinelBase, hasSentinelDefault, hasSentinelTag } from "../../../server/src/model/sentinel-base";

describe("model/sentinel-base: build arguments whose default says 'pass me'", () => {
  it("reads the default of the last global ARG of the name", () => {
    const model = parseDockerfile("ARG BASE=unknown\nARG TAG=3.12\nARG TAG=notset\nARG EMPTY\nARG REAL=python\nFROM ${BASE}\n");
    assert.strictEqual(hasSentinelDefault(model, "BASE"), true);
    assert.strictEqual(hasSentinelDefault(model, "TAG"), true);
    assert.strictEqual(hasSentinelDefault(model, "EMPTY"), false);
    assert.strictEqual(hasSentinelDefault(model, "REAL"), false);
    assert.strictEqual(hasSentinelDefault(model, "UNDECLARED"), false);
  });

  it("judges a whole base and a tag by the same defaults", () => {
    const model = parseDockerfile("ARG BASE=unknown\nARG PYTHON_VER=notset\nFROM ${BASE}\nFROM python:${PYTHON_VER}-slim\nFROM ${BASE}:latest\n");
    const [whole, tagged, pathOnly] = model.stages;
    assert.deepStrictEqual([hasSentinelBase(model, whole), hasSentinelTag(model, whole)], [true, false]);
    assert.deepStrictEqual([hasSentinelBase(model, tagged), hasSentinelTag(model, tagged)], [false, true]);
    // The placeholder names the image, not the tag: a written 'latest' still moves.
    assert.deepStrictEqual([hasSentinelBase(model, pathOnly), hasSentinelTag(model, pathOnly)], [false, false]);
  });
});
