import * as assert from "assert";
import { parseDockerfile, readArgDeclarations } from "../../../server/src/model/parse";
import { ancestorsOf, dependenciesOf, findCycles } from "../../../server/src/model/stage-graph";

describe("model/parse: stages, bases and references", () => {
  const text = [
    "# syntax=docker/dockerfile:1",
    "ARG GO_VERSION=1.22",
    "ARG BASE",
    "FROM golang:${GO_VERSION}-alpine AS Build",
    "WORKDIR /src",
    "RUN --mount=type=cache,target=/root/.cache --mount=from=deps,target=/deps go build -o /out/app",
    "FROM build AS test",
    "RUN go test ./...",
    "FROM --platform=$BUILDPLATFORM alpine:3.20 AS deps",
    "FROM ${BASE:-gcr.io/distroless/static} AS final",
    "COPY --from=build /out/app /app",
    "COPY --from=0 /etc/passwd /etc/passwd",
    'ENTRYPOINT ["/app"]',
  ].join("\n");
  const model = parseDockerfile(text);

  it("reads stages with names, tokens and ARG-substituted bases", () => {
    assert.deepStrictEqual(
      model.stages.map((s) => s.name),
      ["Build", "test", "deps", "final"],
    );
    assert.strictEqual(model.stages[0].base.resolved, "golang:1.22-alpine");
    assert.strictEqual(model.stages[0].base.token.value, "golang:${GO_VERSION}-alpine");
    assert.strictEqual(model.lines.textIn(model.stages[0].nameToken!.range), "Build");
    assert.strictEqual(model.lines.textIn(model.stages[0].asKeyword!.range), "AS");
    assert.strictEqual(model.stages[3].base.resolved, "gcr.io/distroless/static");
    assert.strictEqual(model.stages[2].platform?.value, "$BUILDPLATFORM");
    assert.strictEqual(model.finalStage, model.stages[3]);
    assert.ok(model.stages[3].isFinal);
  });

  it("resolves FROM <stage> case-insensitively, and only to earlier stages", () => {
    assert.strictEqual(model.stages[1].base.kind, "stage");
    assert.strictEqual(model.stages[1].base.stage, model.stages[0]);
    const later = parseDockerfile("FROM later AS first\nFROM alpine:3 AS later\n");
    assert.strictEqual(later.stages[0].base.kind, "image");
  });

  it("lists references of every kind with their targets", () => {
    const refs = model.references.map((r) => `${r.kind}:${r.token.value}->${r.target?.index ?? "none"}@${r.owner.index}`);
    assert.deepStrictEqual(refs, ["from:build->0@1", "mount:deps->2@0", "copy:build->0@3", "copy:0->0@3"]);
    const mount = model.references.find((r) => r.kind === "mount")!;
    assert.strictEqual(model.lines.textIn(mount.token.range), "deps");
  });

  it("marks what the final stage needs", () => {
    assert.deepStrictEqual(
      model.stages.map((s) => s.isReachable),
      [true, false, true, true],
    );
    assert.deepStrictEqual(
      dependenciesOf(model, model.stages[0]).map((s) => s.index),
      [2],
    );
    assert.deepStrictEqual(
      ancestorsOf(model.stages[1]).map((s) => s.index),
      [0],
    );
  });

  it("finds cycles through later-stage references", () => {
    const cyclic = parseDockerfile("FROM alpine:3 AS a\nCOPY --from=b /x /x\nFROM a AS b\n");
    assert.deepStrictEqual(
      findCycles(cyclic).map((c) => c.map((s) => s.name)),
      [["a", "b"]],
    );
    assert.deepStrictEqual(findCycles(model), []);
  });

  it("reads global ARGs, stage ARG scope and parser directives", () => {
    assert.deepStrictEqual(
      model.globalArgs.map((a) => [a.name, a.value]),
      [
        ["GO_VERSION", "1.22"],
        ["BASE", null],
      ],
    );
    assert.deepStrictEqual(
      model.directives.map((d) => [d.name, d.value]),
      [["syntax", "docker/dockerfile:1"]],
    );
    const scoped = parseDockerfile("ARG V=1\nFROM alpine:3\nARG V\nARG W=${V}.0\n");
    assert.deepStrictEqual(
      [...scoped.stages[0].args],
      [
        ["V", "1"],
        ["W", "1.0"],
      ],
    );
  });

  it("reads an ARG's quoted value with spaces as one value, over continuation lines too", () => {
    // openresty's `ARG RESTY_CONFIG_OPTIONS="\` ... `--with-http_auth_request_module \` ... `"`: no ARG of that name.
    const model = parseDockerfile('ARG OPTS="\\\n    --with-compat \\\n    --with-http_auth_request_module \\\n    "\nARG A B=2 C="x y" D\nFROM alpine:3.22\n');
    assert.deepStrictEqual(
      model.globalArgs.map((a) => [a.name, a.value]),
      [
        ["OPTS", "    --with-compat     --with-http_auth_request_module     "],
        ["A", null],
        ["B", "2"],
        ["C", "x y"],
        ["D", null],
      ],
    );
  });

  it("keeps each name of an ARG within its own argument, a stray quote in a name too", () => {
    // The LSP fuzzer (seed 303): a quote typed into a name joined the arguments after it, and the
    // name's range ran past the end of its line.
    const model = parseDockerfile('FROM alpine:3.22\nARG "MY_SECRET abc def X=1" Y\n');
    const line = model.lines.lineText(1);
    const declarations = readArgDeclarations(model.instructions[1]);
    // `X=1"` opens a quote in its value, which takes the rest of the line: names stay within their arguments.
    assert.deepStrictEqual(
      declarations.map((d) => d.name),
      ['"MY_SECRET', "abc", "def", "X"],
    );
    for (const d of declarations) assert.ok(d.nameRange.end.character <= line.length, `${d.name} ends within its line`);
  });

  it("keeps prelude instructions and ONBUILD triggers", () => {
    const m = parseDockerfile("ARG X=1\nFROM alpine:3\nONBUILD RUN apk add curl\nONBUILD COPY --from=builder /a /a\n");
    assert.strictEqual(m.prelude.length, 1);
    const trigger = m.stages[0].instructions[0].trigger!;
    assert.strictEqual(trigger.keyword, "RUN");
    assert.strictEqual(trigger.commands[0].name, "apk");
    assert.strictEqual(m.references[0].token.value, "builder");
  });

  it("never throws on hostile input", () => {
    for (const input of [
      "",
      "\n\n",
      "FROM",
      "FROM \\\n",
      "RUN <<EOF\n",
      "COPY --from= a b",
      "\u0000\u0001FROM x",
      "FROM a AS",
      "ARG ${",
      "FROM $",
      "x".repeat(100000),
    ]) {
      const m = parseDockerfile(input);
      assert.ok(Array.isArray(m.stages));
    }
  });

  it("decodes exec-form strings as JSON, keeping their spaces and escapes", () => {
    const model = parseDockerfile('FROM alpine:3.20\nCMD ["echo", "hello world", "tab\\there", "q\\"uote"]\n');
    assert.deepStrictEqual(
      model.instructions[1].args.map((a) => a.value),
      ["echo", "hello world", "tab\there", 'q"uote'],
    );
  });

  it("reads an exec-form RUN as one command, and a 'sh -c' script as shell", () => {
    const model = parseDockerfile(
      'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install -y git"]\nCMD ["sleep", "1"]\n',
    );
    const [, plain, script, cmd] = model.instructions;
    assert.deepStrictEqual(
      plain.commands.map((c) => [c.name, c.args.map((w) => w.value)]),
      [["apt-get", ["install", "-y", "curl"]]],
    );
    assert.ok(plain.commands[0].words.every((w) => w.json));
    assert.deepStrictEqual(
      script.commands.map((c) => [c.name, c.joinedBy]),
      [
        ["apt-get", null],
        ["apt-get", "&&"],
      ],
    );
    assert.strictEqual(model.lines.textIn(script.commands[1].range), "apt-get install -y git");
    // Exec-form CMD and ENTRYPOINT stay strings: the conversion reads them as the container contract.
    assert.deepStrictEqual(cmd.commands, []);
  });

  it("reads a shell-form RUN's 'bash -lc' script as the commands it runs, where the quotes map onto the document", () => {
    const model = parseDockerfile(
      "FROM ruby:3.3\nRUN apt-get update && bash -lc \"cd /app && bundle config set no-cache 'true' && rake install\"\nRUN sh -o pipefail -c 'make && make install' extra\nRUN sudo -u app bash -c 'make'\nRUN bash -c \"echo \\\"x\\\" > f\"\nCMD bash -c 'exec app'\n",
    );
    const [, expanded, options, wrapped, escaped, cmd] = model.instructions;
    assert.deepStrictEqual(
      expanded.commands.map((c) => [c.name, c.joinedBy]),
      [
        ["apt-get", null],
        ["cd", "&&"],
        ["bundle", "&&"],
        ["rake", "&&"],
      ],
    );
    assert.strictEqual(model.lines.textIn(expanded.commands[3].range), "rake install");
    assert.deepStrictEqual(
      options.commands.map((c) => c.name),
      ["make", "make"],
    );
    // A wrapper says who runs the shell; an escaped quote does not map 1:1: both stay one command.
    assert.deepStrictEqual(
      wrapped.commands.map((c) => c.name),
      ["bash"],
    );
    assert.deepStrictEqual(
      escaped.commands.map((c) => c.name),
      ["bash"],
    );
    // Only RUN: a start command is the container's contract, read as written.
    assert.deepStrictEqual(
      cmd.commands.map((c) => c.name),
      ["bash"],
    );
  });

  it("collects comments outside heredoc bodies", () => {
    const m = parseDockerfile("# top\nFROM a\nRUN <<EOF\n# not a comment\nEOF\n  # indented\n");
    assert.deepStrictEqual(
      m.comments.map((c) => c.content),
      ["top", "indented"],
    );
  });
});
