import * as assert from "assert";
import { ignoreCommentEdits } from "../../../server/src/fixes/ignore-comment";
import { parseDockerfile } from "../../../server/src/model/parse";
import { applyEdits } from "../../../server/src/model/text";
import { analyze } from "../../../server/src/engine";
import { rule as untagged } from "../../../server/src/rules/base-image-untagged";

const findings = (text: string) => analyze(text, { rules: [untagged], syntax: false }).findings;

describe("ignore-comment edits", () => {
  it("puts the comment above the instruction, with its indentation, and silences the finding", () => {
    const text = "FROM alpine:3.22\nRUN true\n  FROM ubuntu\n";
    const [finding] = findings(text);
    const { instruction } = ignoreCommentEdits(parseDockerfile(text), "base-image-untagged", finding.range.start.line);
    const fixed = applyEdits(text, [instruction]);
    assert.strictEqual(fixed, "FROM alpine:3.22\nRUN true\n  # stagecraft-ignore base-image-untagged\n  FROM ubuntu\n");
    assert.deepStrictEqual(findings(fixed), []);
  });

  it("targets the instruction's first line when the finding sits on a continuation line", () => {
    const text = "FROM \\\n  ubuntu\n";
    const { instruction } = ignoreCommentEdits(parseDockerfile(text), "base-image-untagged", 1);
    assert.strictEqual(applyEdits(text, [instruction]), "# stagecraft-ignore base-image-untagged\nFROM \\\n  ubuntu\n");
  });

  it("extends an ignore comment already above instead of stacking a second one", () => {
    const text = "# stagecraft-ignore final-stage-root\nFROM ubuntu\n";
    const { instruction } = ignoreCommentEdits(parseDockerfile(text), "base-image-untagged", 1);
    const fixed = applyEdits(text, [instruction]);
    assert.strictEqual(fixed, "# stagecraft-ignore final-stage-root,base-image-untagged\nFROM ubuntu\n");
    assert.deepStrictEqual(findings(fixed), []);
  });

  it("puts the file-wide comment below the parser directives and keeps CRLF", () => {
    const text = "# syntax=docker/dockerfile:1\r\n# escape=`\r\nFROM ubuntu\r\n";
    const { file } = ignoreCommentEdits(parseDockerfile(text), "base-image-untagged", 2);
    const fixed = applyEdits(text, [file]);
    assert.strictEqual(fixed, "# syntax=docker/dockerfile:1\r\n# escape=`\r\n# stagecraft-ignore-file base-image-untagged\r\nFROM ubuntu\r\n");
    assert.deepStrictEqual(findings(fixed), []);
  });
});
