import * as assert from "assert";
import { variablesReadAtBuild } from "../../../server/src/model/build-time-reads";
import { parseDockerfile } from "../../../server/src/model/parse";

/** The variables the instruction on line 2 (after `FROM alpine:3.21`) reads at build time, sorted. */
function reads(line: string): string[] {
  const model = parseDockerfile(`FROM alpine:3.21\n${line}\n`);
  return [...variablesReadAtBuild(model, model.stages[0].instructions[0])].sort();
}

describe("model/build-time-reads: the variables an instruction reads while the image builds", () => {
  it("reads every variable a RUN's script names: quoted for an inner shell, in loop lists and case words, in flags and heredocs", () => {
    assert.deepStrictEqual(reads(`RUN sh -c 'curl -H "$TOKEN" x'`), ["TOKEN"]);
    assert.deepStrictEqual(reads("RUN for t in $LIST; do echo ok; done && case ${MODE} in a) true;; esac"), ["LIST", "MODE"]);
    assert.deepStrictEqual(reads("RUN --mount=type=secret,id=$SECRET_ID true"), ["SECRET_ID"]);
    assert.deepStrictEqual(reads("RUN <<EOF\necho $IN_BODY\nEOF"), ["IN_BODY"]);
    assert.deepStrictEqual(reads('RUN ["sh", "-c", "echo $EXEC_FORM"]'), ["EXEC_FORM"]);
  });

  it("reads what the builder expands in other instructions, outside single quotes", () => {
    assert.deepStrictEqual(reads("ADD https://x:${GITHUB_TOKEN}@github.com/o/r.git /src"), ["GITHUB_TOKEN"]);
    assert.deepStrictEqual(reads("COPY --chown=${APP_USER} app /app"), ["APP_USER"]);
    assert.deepStrictEqual(reads("LABEL token=$API_TOKEN literal='$NOT_EXPANDED'"), ["API_TOKEN"]);
    assert.deepStrictEqual(reads("ENV A=$B"), ["B"]);
  });

  it("reads an ONBUILD trigger's variables, and none for what runs in the container", () => {
    assert.deepStrictEqual(reads("ONBUILD RUN echo $CHILD_BUILD"), ["CHILD_BUILD"]);
    assert.deepStrictEqual(reads("CMD echo $AT_RUN_TIME"), []);
    assert.deepStrictEqual(reads('ENTRYPOINT ["sh", "-c", "echo $AT_RUN_TIME"]'), []);
    assert.deepStrictEqual(reads("HEALTHCHECK CMD curl -f http://localhost:$PORT/"), []);
  });
});
