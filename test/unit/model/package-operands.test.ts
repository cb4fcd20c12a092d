import * as assert from "assert";
import { systemPackageCommand } from "../../../server/src/model/commands";
import { parseDockerfile } from "../../../server/src/model/parse";

/** The packages of the first package-manager command of the last RUN of `text`. */
function packages(text: string): string[] {
  const model = parseDockerfile(text);
  const runs = model.instructions.filter((i) => i.keyword === "RUN");
  const commands = runs[runs.length - 1].commands;
  const install = commands.map(systemPackageCommand).find((c) => c !== null);
  return install?.packages.map((w) => w.value) ?? [];
}

describe("model/package-operands: package lists kept in ARG and ENV", () => {
  it("expands an unquoted ARG default into the packages it lists", () => {
    const text = 'FROM debian:13-slim\nARG TOOLS="  cron \\\n    docker-cli"\nRUN apt-get install -y --no-install-recommends ${TOOLS}\n';
    assert.deepStrictEqual(packages(text), ["cron", "docker-cli"]);
    const words = parseDockerfile(text).instructions[2].commands[0].args.filter((w) => w.fromVariable !== undefined);
    assert.deepStrictEqual(
      words.map((w) => w.fromVariable),
      ["TOOLS", "TOOLS"],
    );
    // Every expanded word stands on the reference itself: an edit may insert after it.
    assert.strictEqual(words[0].range.start.line, 3);
    assert.deepStrictEqual(words[0].range, words[1].range);
  });

  it("expands an ENV value and a global ARG redeclared in the stage", () => {
    assert.deepStrictEqual(packages('FROM alpine:3.22\nENV DEPS="gcc musl-dev"\nRUN apk add --no-cache $DEPS make\n'), ["gcc", "musl-dev", "make"]);
    assert.deepStrictEqual(packages("ARG PKGS=git\nFROM alpine:3.22\nARG PKGS\nRUN apk add $PKGS curl\n"), ["git", "curl"]);
  });

  it("leaves a quoted reference, an unknown value and a variable the RUN sets itself as written", () => {
    assert.deepStrictEqual(packages('FROM debian:13-slim\nARG TOOLS="a b"\nRUN apt-get install -y "$TOOLS"\n'), ["$TOOLS"]);
    assert.deepStrictEqual(packages("FROM debian:13-slim\nARG TOOLS\nRUN apt-get install -y $TOOLS\n"), ["$TOOLS"]);
    assert.deepStrictEqual(packages('FROM debian:13-slim\nARG TOOLS="a b"\nRUN TOOLS=c && apt-get install -y $TOOLS\n'), ["$TOOLS"]);
    assert.deepStrictEqual(packages('FROM debian:13-slim\nARG V="$OTHER x"\nRUN apt-get install -y $V\n'), ["$V"]);
  });

  it("expands only package-manager operands", () => {
    const model = parseDockerfile('FROM debian:13-slim\nARG F="a b"\nRUN echo $F\n');
    assert.deepStrictEqual(
      model.instructions[2].commands[0].args.map((w) => w.value),
      ["$F"],
    );
  });
});
