// Words a Dockerfile may hold that name Object.prototype's members (`node:constructor`,
// `FROM __proto__`): rules look tags, image names and architectures up in tables, and a plain
// object answers such a word with a function, so a rule threw and its findings were lost.

import * as assert from "assert";
import { analyze } from "../../../server/src/engine";
import { lookupTable } from "../../../server/src/model/lookup-table";
import { parseDockerfile } from "../../../server/src/model/parse";
import { withContext } from "../../../server/src/model/with-context";

const KEYS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString"];
const IMAGES = [
  "node",
  "python",
  "golang",
  "ubuntu",
  "debian",
  "alpine",
  "php",
  "ruby",
  "openjdk",
  "eclipse-temurin",
  "mcr.microsoft.com/dotnet/sdk",
  "nginx",
  "postgres",
  "rust",
  "centos",
  "traefik",
];

function rulesThatThrow(text: string, files?: Record<string, string>): string[] {
  const failed: string[] = [];
  analyze(text, { syntax: false, onRuleError: (ruleId) => failed.push(ruleId), ...(files ? { context: { files } } : {}) });
  return failed;
}

describe("prototype member names in a Dockerfile", () => {
  it("make no rule throw as tags, image names, stage names, platforms and variables", () => {
    const failures: string[] = [];
    for (const key of KEYS) {
      const texts = [
        ...IMAGES.map((image) => `FROM ${image}:${key}\nRUN echo\n`),
        ...IMAGES.map((image) => `FROM ${image}:${key}-slim AS ${key}\nCOPY --from=${key} / /\n`),
        `FROM ${key}\nRUN apt-get install -y ${key}\n`,
        `FROM ${key}:1.0 AS build\nFROM alpine:3.20\nCOPY --from=build /${key} /${key}\n`,
        `FROM --platform=linux/${key} alpine:3.20\nENV ${key}=1\nARG ${key}\nCOPY $${key} /app\n`,
        `FROM alpine@${key}:abc\n`,
        `FROM node:20\nENV PATH=$${key}:$PATH\nCMD ["${key}"]\n`,
        `FROM ${key}:testing\nFROM ${key}:latest AS ${key}\n`,
        `FROM alpine:3.20\nRUN ${key} -m app && ${key} install -y gcc\nUSER app\nCMD ["app"]\n`,
        `FROM python:3.12\nRUN pip install ${key}==1.0 && pip install -r ${key}\nCMD ["python"]\n`,
      ];
      for (const text of texts) {
        const failed = rulesThatThrow(text);
        if (failed.length > 0) failures.push(`${JSON.stringify(text)}: ${failed.join(", ")}`);
      }
      // Words of the project's files: package.json scripts and binaries, pinned requirements, a lock file.
      const withFiles: [string, Record<string, string>][] = [
        [
          `FROM node:22\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\nRUN npm run ${key}\nCMD ["npx", "${key}"]\n`,
          { "package.json": `{"scripts": {"build": "tsc"}, "devDependencies": {"typescript": "^5.0.0"}}` },
        ],
        [
          `FROM python:3.9\nCOPY requirements.txt poetry.lock ./\nRUN pip install -r requirements.txt\nCMD ["python"]\n`,
          { "requirements.txt": `${key}<2\n`, "poetry.lock": `[[package]]\nname = "${key}"\nversion = "1.0"\n` },
        ],
      ];
      for (const [text, files] of withFiles) {
        const failed = rulesThatThrow(text, files);
        if (failed.length > 0) failures.push(`${JSON.stringify(text)} with ${Object.keys(files).join(", ")}: ${failed.join(", ")}`);
      }
    }
    assert.deepStrictEqual(failures, []);
  });

  it("are no context file of the model when the caller passes its files as a plain object", () => {
    const files = { "start.sh": "#!/bin/sh\nexec app\n" };
    const model = parseDockerfile("FROM alpine:3.20\nCOPY . /app\n", { files });
    for (const key of KEYS) assert.strictEqual(model.context.files?.[key], undefined, key);
    assert.strictEqual(model.context.files?.["start.sh"], files["start.sh"]);
    const own = lookupTable(files);
    assert.strictEqual(parseDockerfile("FROM alpine:3.20\n", { files: own }).context.files, own, "a prototype-less table is kept, not copied");
  });

  it("make no rule throw as the names of scripts and files a plain object of context files lacks", () => {
    const failures: string[] = [];
    for (const key of KEYS) {
      const text = `FROM alpine:3.20\nWORKDIR /app\nCOPY ${key} ${key}.sh ./\nRUN sh ${key} && ./${key}.sh && make -f ${key}\nENTRYPOINT ["/app/${key}"]\nCMD ["./${key}.sh"]\n`;
      const failed = rulesThatThrow(text, { Makefile: "all:\n\ttrue\n" });
      if (failed.length > 0) failures.push(`${key}: ${failed.join(", ")}`);
    }
    assert.deepStrictEqual(failures, []);
  });

  it("make no rule throw when the context arrives after the parse (the CLI, the server's late context)", () => {
    const failures: string[] = [];
    for (const key of KEYS) {
      const text = `FROM debian:12\nCOPY ${key} /x/\nRUN sh /x/${key} && pip install -r ${key}\nRUN apt-get update && apt-get install -y git\nCMD ["app"]\n`;
      const model = withContext(parseDockerfile(text), { files: { Makefile: "all:\n\ttrue\n" } });
      assert.strictEqual(model.context.files?.[key], undefined, key);
      analyze(model, { syntax: false, onRuleError: (ruleId, error) => failures.push(`${key}: ${ruleId}: ${String(error)}`) });
    }
    assert.deepStrictEqual(failures, []);
  });

  it("leave dockerfile-utils' syntax checks standing as stage names (its table of names is a plain object)", () => {
    for (const key of KEYS) {
      // A wrong escape directive is a check only the validator makes: its problem shows the checks ran.
      const text = `# escape=x\nFROM alpine:3.20 AS ${key}\nRUN echo\nFROM alpine:3.20 AS ${key}\nCOPY --from=${key} / /\n`;
      const failures: string[] = [];
      const analysis = analyze(text, { onSyntaxError: (reason) => failures.push(reason) });
      assert.deepStrictEqual(failures, [], key);
      assert.ok(analysis.syntax.length > 0, `${key}: the validator's problems`);
      const duplicates = analysis.findings.filter((f) => f.ruleId === "stage-name-duplicate");
      assert.strictEqual(duplicates.length, 1, `${key}: the second stage of the name`);
    }
  });
});
