import * as assert from "assert";
import { analyze } from "../../../server/src/engine";
import { rule } from "../../../server/src/rules/final-stage-no-user";
import { testRule } from "../../support/rule-tester";

// Its cases of silence are final-stage-root's (test/unit/rules/final-stage-root.test.ts runs both
// rules on each); here: the message, the suggestion, and that it is off unless turned on.
testRule(rule, {
  fires: [
    {
      name: "no USER on a root base that has a non-root user: the suggestion adds it",
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      messageId: "noUser",
      data: { image: "node:22-slim" },
      line: 1,
      output: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nUSER node\nCMD ["node", "server.js"]\n',
    },
    {
      name: "no USER on a base without a known non-root user: reported, no suggestion",
      code: 'FROM python:3.13-slim\nCOPY app.py /app.py\nEXPOSE 8000\nCMD ["python", "/app.py"]\n',
      messageId: "noUser",
      output: null,
    },
  ],
  silent: [
    { name: "a root USER line is final-stage-root's", code: 'FROM node:22-slim\nUSER root\nCMD ["node", "server.js"]\n' },
    { name: "a user created and never used is final-stage-root's", code: 'FROM debian:12-slim\nRUN useradd -m app\nCMD ["/app/run"]\n' },
    { name: "a non-root USER", code: 'FROM node:22-slim\nUSER node\nCMD ["node", "server.js"]\n' },
  ],
});

describe("final-stage-no-user is opt-in", () => {
  const code = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';
  const reported = (settings?: Record<string, string>) =>
    analyze(code, { settings: settings as never, syntax: false })
      .findings.filter((f) => f.ruleId === "final-stage-no-user")
      .map((f) => f.severity);

  it("reports nothing by default", () => assert.deepEqual(reported(), []));
  it("reports nothing when the setting is `default`", () => assert.deepEqual(reported({ "final-stage-no-user": "default" }), []));
  it("reports at the severity a setting gives it", () => assert.deepEqual(reported({ "final-stage-no-user": "warning" }), ["warning"]));
  it("stays off when turned off", () => assert.deepEqual(reported({ "final-stage-no-user": "off" }), []));
});
