import * as assert from "assert";
import { normalizeSettings } from "../../../server/src/lsp/settings";
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

  it("accepts '.' and '..' as the directory destination of a multi-source COPY, as BuildKit does", () => {
    assert.deepStrictEqual(codes("FROM ruby:3.4\nWORKDIR /src\nCOPY Gemfile Gemfile.lock .\nCOPY a b ./\nCOPY c d sub/.\n"), []);
    assert.deepStrictEqual(codes("FROM ruby:3.4\nCOPY a b c\n"), ["2:invalidDestination"]);
  });

  it("does not call a Maven-filtered placeholder base name blank", () => {
    assert.deepStrictEqual(codes("FROM ${docker.base.image}\nCOPY ${pkg.name}.deb /tmp/\n"), []);
    assert.deepStrictEqual(codes("ARG BASE\nFROM ${BASE}\n").length, 0);
  });

  it("reads syntax settings by name and by the old numbers", () => {
    assert.strictEqual(syntaxSettingKeyOf("45"), "deprecatedMaintainer");
    assert.strictEqual(syntaxSettingKeyOf("instructionCasing"), "instructionCasing");
    assert.strictEqual(syntaxSettingKeyOf("23"), undefined);
    const settings = normalizeSettings({ syntax: { "45": "ignore", "50": "error", instructionWorkdirRelative: "warning" } }).syntax;
    assert.deepStrictEqual([settings.deprecatedMaintainer, settings.instructionWorkdirRelative], ["ignore", "warning"]);
  });
});
