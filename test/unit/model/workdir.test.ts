import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";
import { commandDirectory, copyDestination } from "../../../server/src/model/workdir";

/** The directory the first command named `program` of the file's last RUN runs in. */
function directoryOf(text: string, program: string): string | null {
  const model = parseDockerfile(text);
  const stage = model.stages[model.stages.length - 1];
  const run = stage.instructions.filter((i) => i.keyword === "RUN").pop()!;
  const command = run.commands.find((c) => c.name === program)!;
  return commandDirectory(model, stage, run, command);
}

describe("model/workdir: the directory a command runs in", () => {
  it("follows the WORKDIR and the cd commands before it", () => {
    assert.strictEqual(directoryOf("FROM node:22\nWORKDIR /app\nRUN npm ci\n", "npm"), "/app");
    assert.strictEqual(directoryOf("FROM node:22\nWORKDIR /app\nRUN cd assets && npm ci\n", "npm"), "/app/assets");
    assert.strictEqual(directoryOf("FROM node:22\nRUN cd /tmp/src/assets && NODE_ENV=dev npm install\n", "npm"), "/tmp/src/assets");
    assert.strictEqual(directoryOf("FROM node:22\nWORKDIR /app\nRUN cd web; cd ../api && npm ci\n", "npm"), "/app/api");
  });

  it("forgets a cd inside a subshell that closed before the command", () => {
    assert.strictEqual(directoryOf("FROM node:22\nWORKDIR /app\nRUN (cd ui && yarn build) && npm ci\n", "npm"), "/app");
    assert.strictEqual(directoryOf("FROM node:22\nWORKDIR /app\nRUN (cd ui && npm ci)\n", "npm"), "/app/ui");
  });

  it("is unknown for a cd it cannot follow", () => {
    assert.strictEqual(directoryOf("FROM node:22\nWORKDIR /app\nRUN cd $APP_DIR && npm ci\n", "npm"), null);
    assert.strictEqual(directoryOf("FROM node:22\nWORKDIR /app\nRUN cd && npm ci\n", "npm"), null);
    // A name the script assigns itself is the shell's, not the stage's.
    assert.strictEqual(directoryOf("FROM node:22\nENV APP=/app\nRUN APP=/srv && cd $APP && npm ci\n", "npm"), null);
    assert.strictEqual(directoryOf("FROM node:22\nRUN for APP in a b; do cd $APP && npm ci; done\n", "npm"), null);
  });

  it("follows a cd to a stage variable, as the shell sees the ENV or ARG value", () => {
    // Held-out CF, chatgpt-on-wechat: `ADD . ${BUILD_PREFIX}` then `cd ${BUILD_PREFIX} && pip install -r requirements.txt`.
    assert.strictEqual(directoryOf("FROM python:3.12\nENV BUILD_PREFIX=/app\nRUN cd ${BUILD_PREFIX} && pip install -r requirements.txt\n", "pip"), "/app");
    assert.strictEqual(directoryOf('FROM node:22\nARG WEB=/srv/web\nRUN cd "$WEB/ui" && npm ci\n', "npm"), "/srv/web/ui");
  });

  it("expands the stage's variables in a copy's destination", () => {
    const model = parseDockerfile("FROM python:3.12\nENV BUILD_PREFIX=/app\nADD . ${BUILD_PREFIX}\nCOPY a.txt $UNSET/\n");
    const [add, copy] = model.stages[0].instructions.filter((i) => i.keyword === "ADD" || i.keyword === "COPY");
    assert.strictEqual(copyDestination(model, model.stages[0], add), "/app");
    assert.strictEqual(copyDestination(model, model.stages[0], copy), null);
  });
});
