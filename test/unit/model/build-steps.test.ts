import * as assert from "assert";
import { detectBuildSteps, isProjectTask } from "../../../server/src/model/build-steps";
import { environmentAt, variableFor } from "../../../server/src/model/environment";
import { parseDockerfile } from "../../../server/src/model/parse";
import { isDevelopmentStage } from "../../../server/src/model/stage-purpose";

function steps(script: string): string[] {
  return detectBuildSteps(parseDockerfile(`FROM a\nRUN ${script}\n`).stages[0]).map((s) => `${s.ecosystem}:${s.tool}`);
}

describe("model/build-steps: what compiles or bundles", () => {
  it("recognises build commands per ecosystem", () => {
    assert.deepStrictEqual(steps("CGO_ENABLED=0 go build -o /app ./cmd/app"), ["go:go build"]);
    assert.deepStrictEqual(steps("npm ci && npm run build"), ["node:npm run build"]);
    assert.deepStrictEqual(steps("yarn build"), ["node:yarn build"]);
    assert.deepStrictEqual(steps("pnpm run build:prod"), ["node:pnpm run build:prod"]);
    assert.deepStrictEqual(steps("npx tsc -p ."), ["node:npx tsc"]);
    assert.deepStrictEqual(steps("./mvnw -B clean package -DskipTests"), ["java:./mvnw package"]);
    assert.deepStrictEqual(steps("./gradlew bootJar --no-daemon"), ["java:./gradlew bootJar"]);
    assert.deepStrictEqual(steps("cargo build --release"), ["rust:cargo build"]);
    assert.deepStrictEqual(steps("dotnet publish -c Release -o /out"), ["dotnet:dotnet publish"]);
    assert.deepStrictEqual(steps("./configure && make -j4 && make install"), ["c:make", "c:make"]);
    assert.deepStrictEqual(steps("python -m build --wheel"), ["python:python -m build"]);
  });

  it("reads a package binary yarn, pnpm or bun runs by name as a build (held-out CP, Kitspace's processor)", () => {
    assert.deepStrictEqual(steps("yarn tsc"), ["node:yarn tsc"]);
    assert.deepStrictEqual(steps("pnpm exec vite build"), ["node:pnpm vite"]);
    assert.deepStrictEqual(steps("yarn run webpack --mode production"), ["node:yarn webpack"]);
    assert.deepStrictEqual(steps("pnpm --filter sparkyfitnessfrontend run build"), ["node:pnpm run build"]);
    assert.deepStrictEqual(steps("npm --prefix web run build"), ["node:npm run build"]);
    assert.deepStrictEqual(steps("yarn --cwd web build"), ["node:yarn build"]);
    // npm runs scripts only; a binary needs npx or npm exec.
    assert.deepStrictEqual(steps("npm tsc"), []);
    assert.deepStrictEqual(steps("yarn vite"), []);
  });

  it("ignores installs, tests and version checks", () => {
    for (const script of [
      "npm ci",
      "go mod download",
      "go test ./...",
      "npm run test",
      "mvn dependency:go-offline",
      "pip install -r requirements.txt",
      "cmake --version",
      "npm run start",
    ]) {
      assert.deepStrictEqual(steps(script), [], script);
    }
  });

  it("ranges a step over the words that name it", () => {
    const model = parseDockerfile("FROM a\nRUN npm ci && npm run build --prod\n");
    const [step] = detectBuildSteps(model.stages[0]);
    assert.strictEqual(model.lines.textIn(step.range), "npm run build");
  });
});

describe("model/environment: variables a RUN sees", () => {
  it("reads ENV and ARG through the stage chain, in order", () => {
    const model = parseDockerfile(
      'ARG MODE=production\nFROM a AS base\nENV NODE_ENV production\nENV A=1 B="two words"\nFROM base\nARG MODE\nENV C=${MODE}\nRUN true\n',
    );
    const final = model.stages[1];
    const env = environmentAt(model, final, final.instructions[2]);
    assert.strictEqual(env.get("NODE_ENV"), "production");
    assert.strictEqual(env.get("B"), "two words");
    assert.strictEqual(env.get("C"), "production");
  });

  it("prefers the command's own assignment, then an earlier export", () => {
    const model = parseDockerfile("FROM a\nENV X=env\nRUN export X=exported && X=own go build && go build\n");
    const stage = model.stages[0];
    const run = stage.instructions[1];
    const [, first, second] = run.commands;
    assert.strictEqual(variableFor(model, stage, run, first, "X"), "own");
    assert.strictEqual(variableFor(model, stage, run, second, "X"), "exported");
    assert.strictEqual(variableFor(model, stage, run, second, "Y"), undefined);
  });
});

describe("model/stage-purpose: development stages", () => {
  it("recognises development, test and tooling stage names", () => {
    const names = (text: string) => parseDockerfile(text).stages.map(isDevelopmentStage);
    assert.deepStrictEqual(
      names("FROM a AS dev\nFROM a AS test\nFROM a AS builder\nFROM a AS validate\nFROM a AS app-dev\nFROM a AS app\nFROM a AS runtime\nFROM a\n"),
      [true, true, true, true, true, false, false, false],
    );
  });

  it("tells the project's own build tasks from installs and plain steps", () => {
    const task = (script: string) => isProjectTask(parseDockerfile(`FROM a\nRUN ${script}\n`).stages[0].instructions[0].commands[0]);
    for (const script of [
      "pnpm build:widget",
      "yarn run re:build",
      "npm run lint",
      "bundle exec vite build",
      "RAILS_ENV=production bundle exec rake assets:precompile",
      "rails assets:precompile",
      "mix phx.digest",
    ])
      assert.ok(task(script), script);
    for (const script of ["yarn install", "npm ci", "bundle install", "mix deps.get", "mix local.hex --force", "touch public/.prebuilt", "mkdir -p tmp/pids"])
      assert.ok(!task(script), script);
  });
});
