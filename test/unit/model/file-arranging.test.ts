import * as assert from "assert";
import { FILE_WRITING_PROGRAMS, onlyArrangesFiles } from "../../../server/src/model/file-arranging";
import { runsOnly } from "../../../server/src/model/run-commands";
import { parseDockerfile } from "../../../server/src/model/parse";
import type { Instruction } from "../../../server/src/model/types";

const onlyArrangesOrWritesFiles = (instruction: Instruction) => runsOnly(instruction, FILE_WRITING_PROGRAMS);

function run(body: string): Instruction {
  return parseDockerfile(`FROM alpine:3.20\nRUN ${body}\n`).stages[0].instructions[0];
}

describe("model/file-arranging: RUNs that only arrange files", () => {
  it("reads owners, modes, folders, links, moves and copies as arranging", () => {
    assert.strictEqual(onlyArrangesFiles(run("mkdir -p /srv && chown -R app /srv && ln -s /srv /app")), true);
    assert.strictEqual(onlyArrangesFiles(run("for f in a b; do cp $f /srv/; done")), true);
  });

  it("counts text written into files only for the writing variant", () => {
    assert.strictEqual(onlyArrangesFiles(run("cat addendum.py >> config.py")), false);
    assert.strictEqual(onlyArrangesOrWritesFiles(run("cat addendum.py >> config.py")), true);
  });

  it("does not take a RUN that installs or runs another program, or one with no command read, as arranging", () => {
    assert.strictEqual(onlyArrangesOrWritesFiles(run("mkdir /app && npm ci")), false);
    assert.strictEqual(onlyArrangesOrWritesFiles(run("[]")), false);
    assert.strictEqual(onlyArrangesOrWritesFiles(run("( )")), false);
  });
});
