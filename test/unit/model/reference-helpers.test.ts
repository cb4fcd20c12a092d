// Model helpers behind the References rules: WORKDIR resolution, COPY paths, stage-name matching,
// and the build-argument forms those rules depend on.

import * as assert from "assert";
import { isOfficialImageName, looksLikeImage } from "../../../server/src/images/official-images";
import { contextRelativePath, copyPaths, joinPath, normalizePath } from "../../../server/src/model/copy-paths";
import { parseDockerfile } from "../../../server/src/model/parse";
import { closestStageName, editDistance } from "../../../server/src/model/stage-references";
import { substituteVariables } from "../../../server/src/model/variables";
import { workdirOf } from "../../../server/src/model/workdir";

describe("model/workdir: WORKDIR of a stage", () => {
  const workdir = (code: string, stage = -1) => {
    const model = parseDockerfile(code);
    return workdirOf(model, model.stages.at(stage)!);
  };
  it("absolute WORKDIR", () => assert.strictEqual(workdir("FROM node:20\nWORKDIR /app\n"), "/app"));
  it("relative WORKDIRs join", () => assert.strictEqual(workdir("FROM node:20\nWORKDIR /srv\nWORKDIR app/\n"), "/srv/app"));
  it("relative WORKDIR on an image is unknown", () => assert.strictEqual(workdir("FROM node:20\nWORKDIR app\n"), null));
  it("scratch starts at /", () => assert.strictEqual(workdir("FROM scratch\nWORKDIR app\n"), "/app"));
  it("inherits through FROM <stage>", () => assert.strictEqual(workdir("FROM node:20 AS a\nWORKDIR /app\nFROM a\nWORKDIR src\n"), "/app/src"));
  it("ARG and ENV values", () => assert.strictEqual(workdir("FROM node:20\nARG ROOT=/opt\nENV APP=$ROOT/app\nWORKDIR ${APP}\n"), "/opt/app"));
  it("unresolvable variable", () => assert.strictEqual(workdir("FROM node:20\nARG DIR\nWORKDIR $DIR\n"), null));
  it("before a given instruction", () => {
    const model = parseDockerfile("FROM node:20\nWORKDIR /a\nCOPY . .\nWORKDIR /b\n");
    const stage = model.stages[0];
    assert.strictEqual(workdirOf(model, stage, stage.instructions[1]), "/a");
  });
});

describe("model/copy-paths", () => {
  it("normalizes", () => {
    assert.strictEqual(normalizePath("/app/"), "/app");
    assert.strictEqual(normalizePath("//a/./b/../c"), "/a/c");
    assert.strictEqual(normalizePath("./"), ".");
    assert.strictEqual(normalizePath("/.."), "/");
    assert.strictEqual(joinPath("/app", "../srv"), "/srv");
  });
  it("reads a copy source as a context path, the context root written either way", () => {
    assert.deepStrictEqual(["/apt/app.list", "./apt//app.list", "/", ".", "../x"].map(contextRelativePath), ["apt/app.list", "apt/app.list", ".", ".", "../x"]);
  });
  it("splits sources and destination, quotes removed, heredoc bodies left out", () => {
    const model = parseDockerfile('FROM a\nCOPY --from=b "/x" /y /dest/\nCOPY <<EOF /file\nbody\nEOF\n');
    const [first, second] = model.stages[0].instructions.map(copyPaths);
    assert.deepStrictEqual(first && [first.sources.map((s) => s.value), first.dest.value], [["/x", "/y"], "/dest/"]);
    assert.deepStrictEqual(second && [second.sources.map((s) => s.value), second.dest.value], [["<<EOF"], "/file"]);
  });
});

describe("model/stage-references: stage-name matching", () => {
  const stages = parseDockerfile("FROM a AS builder\nFROM a AS license-set\nFROM a AS test\nFROM a AS tests\n").stages;
  it("Damerau-Levenshtein distance", () => {
    assert.strictEqual(editDistance("buidler", "builder"), 1);
    assert.strictEqual(editDistance("build", "builder"), 2);
  });
  it("suggests a close name", () => assert.strictEqual(closestStageName(stages, "BUIDLER")?.name, "builder"));
  it("suggests the stage whose name has the value as a part", () => assert.strictEqual(closestStageName(stages, "set")?.name, "license-set"));
  it("no suggestion when two are equally close", () => assert.strictEqual(closestStageName(stages, "tesst"), null));
  it("no suggestion when nothing is close", () => assert.strictEqual(closestStageName(stages, "frontend"), null));
});

describe("images/official-images", () => {
  it("knows official images", () => {
    for (const name of ["nginx", "alpine", "eclipse-temurin", "library/golang", "Postgres"]) assert.ok(isOfficialImageName(name), name);
    for (const name of ["builder", "scratch", "bitnami/redis"]) assert.ok(!isOfficialImageName(name), name);
  });
  it("reads image-like values", () => {
    for (const v of ["redis", "foo:1", "ghcr.io/x/y", "a/b", "x@sha256:0"]) assert.ok(looksLikeImage(v), v);
    assert.ok(!looksLikeImage("builder"));
  });
});

describe("model/variables: forms the reference rules depend on", () => {
  const scope = new Map<string, string | null>([
    ["A", "1"],
    ["UNSET", null],
    ["DERIVED", "${TARGETPLATFORM#linux/}"],
  ]);
  const cases: [string, string, string[]][] = [
    // Dockerfile syntax 1.7's string forms are evaluated where the value is known.
    ["${A#prefix}", "1", []],
    ["x-${A%%.*}", "x-1", []],
    ["${UNSET#prefix}", "${UNSET#prefix}", ["UNSET"]],
    ["${DERIVED%%/*}", "${DERIVED%%/*}", ["DERIVED"]],
    ['${UNSET:-"quoted word"}', "quoted word", []],
    ["${DERIVED:+yes}", "${DERIVED:+yes}", ["DERIVED"]],
    ["$DERIVED", "$DERIVED", ["DERIVED"]],
  ];
  for (const [input, value, unresolved] of cases) {
    it(`${input} -> ${value}`, () => assert.deepStrictEqual(substituteVariables(input, scope), { value, unresolved, hasVariables: true }));
  }
});
