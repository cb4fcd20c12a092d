import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";
import { startCommand } from "../../../server/src/model/stage-purpose";

const started = (text: string) => startCommand(parseDockerfile(text));

describe("model/stage-purpose: the command the final image starts", () => {
  it("runs a CMD the same stage wrote before its ENTRYPOINT as the entrypoint's arguments", () => {
    assert.deepStrictEqual(started('FROM alpine\nCMD ["/scripts/run.sh"]\nENTRYPOINT ["/tini", "--"]\n'), ["/tini", "--", "/scripts/run.sh"]);
  });

  it("drops a CMD inherited from the parent stage when the stage sets ENTRYPOINT, as BuildKit does", () => {
    assert.deepStrictEqual(started('FROM alpine AS base\nCMD ["/scripts/run.sh"]\nFROM base\nENTRYPOINT ["/tini", "--"]\n'), ["/tini", "--"]);
  });

  it("keeps a CMD written after the ENTRYPOINT in either case", () => {
    assert.deepStrictEqual(started('FROM alpine AS base\nENTRYPOINT ["/tini", "--"]\nFROM base\nCMD ["/run.sh"]\n'), ["/tini", "--", "/run.sh"]);
  });

  it("reads a shell form's leading exec as the command it replaces the shell with", () => {
    assert.deepStrictEqual(started("FROM debian\nCMD exec /usr/bin/supervisord -n\n"), ["/usr/bin/supervisord", "-n"]);
    assert.deepStrictEqual(started('FROM debian\nCMD ["exec", "x"]\n'), ["exec", "x"]);
  });
});
