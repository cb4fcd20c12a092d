import * as assert from "assert";
import { installsRPackagesThroughBspm } from "../../../server/src/images/bspm";
import { type EchoShell, fileWritesOf, heredocDelimiter } from "../../../server/src/model/file-writes";
import { parseDockerfile } from "../../../server/src/model/parse";
import type { DockerfileModel, Instruction } from "../../../server/src/model/types";

/** The last RUN of the file. */
function lastRun(model: DockerfileModel): Instruction {
  return model.instructions.filter((i) => i.keyword === "RUN").pop()!;
}

/** The text the file's last RUN writes to each path, read with `shell` as the RUN's /bin/sh. */
function writesOf(text: string, shell: EchoShell): [string, string | null][] {
  const model = parseDockerfile(text);
  return fileWritesOf(model, lastRun(model), () => shell).map((w) => [w.path, w.text]);
}

/**
 * `text` parsed, with the heredoc operator of the last RUN's command `program` split from its
 * delimiter (`<<EOF` made `<<` `EOF`): what a parser that reads BuildKit's `cat << EOF` hands over.
 * dockerfile-ast 0.7.1 reads no body for `<< EOF` itself.
 */
function withSpacedHeredoc(text: string, program: string): DockerfileModel {
  const model = parseDockerfile(text);
  const command = lastRun(model).commands.find((c) => c.name === program)!;
  const at = command.args.findIndex((w) => w.value.startsWith("<<"));
  const word = command.args[at];
  const operator = /^<<-?/.exec(word.value)![0];
  command.args.splice(at, 1, { ...word, value: operator }, { ...word, value: word.value.slice(operator.length) });
  return model;
}

describe("model/file-writes: what a RUN writes to files", () => {
  it("reads a heredoc's delimiter glued to the operator or as the next word", () => {
    assert.strictEqual(heredocDelimiter(["<<EOF"]), "EOF");
    assert.strictEqual(heredocDelimiter(["<<-CONF", "x"]), "CONF");
    assert.strictEqual(heredocDelimiter(["--vanilla", "<<", "EOF"]), "EOF");
    assert.strictEqual(heredocDelimiter(["<<-", "EOF"]), "EOF");
    assert.strictEqual(heredocDelimiter(["<<"]), null);
    assert.strictEqual(heredocDelimiter(["-e", "x"]), null);
  });

  it("takes the body of `cat << EOF` (a space before the delimiter) as the text written", () => {
    const model = withSpacedHeredoc("FROM python:3.12\nRUN cat <<EOF > /etc/pip.conf\n[global]\nno-cache-dir = true\nEOF\n", "cat");
    const writes = fileWritesOf(model, lastRun(model), () => null);
    assert.deepStrictEqual(
      writes.map((w) => [w.path, w.text]),
      [["/etc/pip.conf", "[global]\nno-cache-dir = true\n"]],
    );
  });

  it("reads R code from `R << EOF` for bspm", () => {
    const model = withSpacedHeredoc("FROM rocker/r2u:24.04\nRUN R --no-save <<EOF\ninstall.packages('sf')\nEOF\n", "R");
    const run = lastRun(model);
    assert.strictEqual(installsRPackagesThroughBspm(model, run, run.commands[0]), true);
  });

  it("reads echo's octal escapes as the shell does: bash and BusyBox only after a 0, dash either way", () => {
    const bare = 'FROM x\nRUN echo -e "[global]\\12a = 1" > /f\n';
    assert.deepStrictEqual(writesOf(bare, "bash"), [["/f", "[global]\\12a = 1\n"]]);
    assert.deepStrictEqual(writesOf(bare, "ash"), [["/f", "[global]\\12a = 1\n"]]);
    assert.deepStrictEqual(writesOf('FROM x\nRUN echo -e "[global]\\012a = 1\\0" > /f\n', "bash"), [["/f", "[global]\na = 1\0\n"]]);
    assert.deepStrictEqual(writesOf('FROM x\nRUN echo "[global]\\12a = 1" > /f\n', "dash"), [["/f", "[global]\na = 1\n"]]);
    assert.deepStrictEqual(writesOf('FROM x\nRUN echo "[global]\\0101" > /f\n', "dash"), [["/f", "[global]A\n"]]);
  });

  it("reads printf's octal escapes with or without the 0", () => {
    assert.deepStrictEqual(writesOf('FROM x\nRUN printf "[global]\\12a = 1\\n" > /f\n', "bash"), [["/f", "[global]\na = 1\n"]]);
  });
});
