import * as assert from "assert";
import { normalizeSettings } from "../../../server/src/lsp/settings";
import type { SyntaxSettings } from "../../../server/src/lint/severity";
import { validateSyntax } from "../../../server/src/lint/syntax";
import { syntaxCodeName, syntaxSettingKeyOf } from "../../../server/src/syntax-checks";

const codes = (text: string) => validateSyntax(text, {}, []).problems.map((p) => `${p.range.start.line + 1}:${p.code}`);

describe("syntax layer (dockerfile-utils)", () => {
  it("names problems instead of numbering them", () => {
    // (MAINTAINER and a relative WORKDIR are Stagecraft rules now, which supersede those checks.)
    assert.deepStrictEqual(codes("# ESCAPE=\\\nFROM alpine:3.22\nCMD ['echo', 'hi']\n"), ["1:directiveCasing", "3:instructionJSONInSingleQuotes"]);
    assert.strictEqual(syntaxCodeName(23), "invalidDestination");
    assert.strictEqual(syntaxCodeName("51"), "baseNameEmpty");
  });

  it("leaves a multi-source COPY's destination to instruction-copy-dest-not-dir: one finding per line, not two", () => {
    assert.deepStrictEqual(codes("FROM ruby:3.4\nCOPY a b c\n"), []);
    assert.deepStrictEqual(codes("FROM ruby:3.4\nWORKDIR /src\nCOPY Gemfile Gemfile.lock .\nCOPY a b ./\nCOPY c d sub/.\n"), []);
  });

  it('reads a quoted part followed by more of the same word as Docker does (ENV PATH="/opt/bin":$PATH)', () => {
    // Docker's word lexer joins quoted and unquoted parts; only a quote still open at the end fails.
    const table: [string, string[]][] = [
      ['ENV PATH="/opt/venv/bin":$PATH', []],
      ['ENV A="x"y"z" B=1', []],
      ['ENV A="x"\'y"\'', []],
      ['ENV A="x\\"y"', []],
      ['ENV A="x', ["2:syntaxMissingDoubleQuote"]],
      ['ENV A="x":"y', ["2:syntaxMissingDoubleQuote"]],
      ['ENV A="x\\"', ["2:syntaxMissingDoubleQuote"]],
      ['ENV A="x"\'y', ["2:syntaxMissingSingleQuote"]],
      ['ARG P="/a":$P', []],
    ];
    for (const [line, expected] of table) assert.deepStrictEqual(codes(`FROM alpine:3.22\n${line}\n`), expected, line);
  });

  it("does not call a Maven-filtered placeholder base name blank", () => {
    assert.deepStrictEqual(codes("FROM ${docker.base.image}\nCOPY ${pkg.name}.deb /tmp/\n"), []);
    assert.deepStrictEqual(codes("ARG BASE\nFROM ${BASE}\n").length, 0);
  });

  it("reads STOPSIGNAL names without SIG as Docker does, real-time signals included", () => {
    // Held-out AY, freeipa-container: systemd's stop signal.
    for (const signal of ["RTMIN+3", "TERM", "SIGRTMIN+3", "rtmax-2", "15"])
      assert.deepStrictEqual(codes(`FROM almalinux:9\nSTOPSIGNAL ${signal}\n`), [], signal);
    assert.strictEqual(codes("FROM almalinux:9\nSTOPSIGNAL BOGUS\n").length, 1);
    assert.strictEqual(codes("FROM almalinux:9\nSTOPSIGNAL RTMIN+40\n").length, 1);
  });

  it("knows the string substitutions of Dockerfile syntax 1.7 that dockerfile-utils calls unsupported", () => {
    const file = "ARG IMAGE=debian:bookworm-slim\nARG PINNED=${IMAGE/debian:bookworm-slim/debian@sha256:40b1}\nARG NAME=${IMAGE%%:*}\nFROM ${PINNED}\n";
    assert.deepStrictEqual(codes(file), [], "no pin: the builder's own frontend");
    assert.deepStrictEqual(codes(`# syntax=docker/dockerfile:1.7\n${file}`), []);
    const old = validateSyntax(`# syntax=docker/dockerfile:1.6\n${file}`, {}, []).problems;
    assert.deepStrictEqual(
      old.map((p) => `${p.range.start.line + 1}:${p.code}:${p.message}`),
      [
        "3:unsupportedModifier:String substitution '${IMAGE/…}' needs Dockerfile syntax 1.7 or newer; raise the '# syntax=' version.",
        "4:unsupportedModifier:String substitution '${IMAGE%%…}' needs Dockerfile syntax 1.7 or newer; raise the '# syntax=' version.",
      ],
    );
    // Any other modifier stays the validator's problem.
    assert.deepStrictEqual(codes("ARG A=x\nARG B=${A:=y}\nFROM alpine:3.22\n"), ["2:unsupportedModifier"]);
  });

  it("knows BuildKit's ADD and COPY flags that dockerfile-utils does not, and the syntax version each needs", () => {
    const remote = "FROM debian:12-slim\nARG APP_URL\nADD --unpack ${APP_URL} /srv/\nCOPY --parents ./cfg/a.ini /etc/app/\n";
    assert.deepStrictEqual(codes(remote), [], "no pin: the builder's own frontend, whose version is not known");
    assert.deepStrictEqual(codes(`# syntax=docker/dockerfile:1\n${remote}`), [], "unversioned pin: the newest 1.x");
    assert.deepStrictEqual(codes(`# syntax=docker/dockerfile:1.20.0\n${remote}`), []);
    assert.deepStrictEqual(codes(`# syntax=docker/dockerfile:1.17\n${remote}`), []);
    const old = validateSyntax(`# syntax=docker/dockerfile:1.4\n${remote}`, {}, []).problems;
    assert.deepStrictEqual(
      old.map((p) => `${p.range.start.line + 1}:${p.code}:${p.message}`),
      ["4:unknownAddFlag:Flag '--unpack' needs Dockerfile syntax 1.17 or newer; raise the '# syntax=' version."],
    );
    assert.deepStrictEqual(
      codes("FROM debian:12-slim\nADD --extract a.tgz /srv/\nCOPY --mode=0644 a /b\n"),
      ["2:unknownAddFlag", "3:unknownCopyFlag"],
      "not BuildKit's",
    );
  });

  it("reads syntax settings by name and by the old numbers", () => {
    assert.strictEqual(syntaxSettingKeyOf("45"), "deprecatedMaintainer");
    assert.strictEqual(syntaxSettingKeyOf("instructionCasing"), "instructionCasing");
    assert.strictEqual(syntaxSettingKeyOf("23"), undefined);
    const settings = normalizeSettings({ syntax: { "45": "off", "50": "error", instructionWorkdirRelative: "warning" } }).syntax;
    assert.deepStrictEqual([settings.deprecatedMaintainer, settings.instructionWorkdirRelative], ["off", "warning"]);
  });

  it("reads the rules' severity words, and the old 'ignore' and dockerfile-utils numbers as before", () => {
    const read = (value: unknown) => normalizeSettings({ syntax: { directiveCasing: value } }).syntax.directiveCasing;
    assert.deepStrictEqual(["off", "hint", "info", "warning", "error"].map(read), ["off", "hint", "info", "warning", "error"]);
    assert.deepStrictEqual(["ignore", 0, 1, 2, "2"].map(read), ["off", "off", "warning", "error", "error"]);
    assert.deepStrictEqual(["default", "IGNORE", 3, true].map(read), [undefined, undefined, undefined, undefined]);
  });

  it("reports a check set to hint or info at that severity, and none when off", () => {
    const text = "# ESCAPE=\\\nFROM alpine:3.22\nCMD ['echo', 'hi']\n";
    const severities = (syntax: SyntaxSettings) => validateSyntax(text, syntax, []).problems.map((p) => `${p.code}:${p.severity}`);
    assert.deepStrictEqual(severities({}), ["directiveCasing:warning", "instructionJSONInSingleQuotes:warning"]);
    assert.deepStrictEqual(severities({ directiveCasing: "info", instructionJSONInSingleQuotes: "hint" }), [
      "directiveCasing:info",
      "instructionJSONInSingleQuotes:hint",
    ]);
    assert.deepStrictEqual(severities({ directiveCasing: "off", instructionJSONInSingleQuotes: "error" }), ["instructionJSONInSingleQuotes:error"]);
  });
});
