import * as assert from "assert";
import { documentOffset, toLogical, type ShellSource } from "../../../server/src/model/shell";
import { corpusTexts } from "../../support/corpus";
import { seededRandom } from "../../support/seeded-random";

/**
 * The logical text and one document offset per character (and one for its end), as toLogical
 * answered before it kept runs: the oracle the runs must agree with.
 */
function offsetsOracle(text: string, src: ShellSource, escapeChar: string): { chars: string; offsets: number[] } {
  let chars = "";
  const offsets: number[] = [];
  let i = src.start;
  let atLineStart = false;
  while (i < src.end) {
    const ch = text[i];
    if (!src.newlineSeparates && ch === escapeChar) {
      let j = i + 1;
      while (j < src.end && (text[j] === " " || text[j] === "\t")) j++;
      if (j < src.end && (text[j] === "\n" || text[j] === "\r")) {
        i = j + (text[j] === "\r" && text[j + 1] === "\n" ? 2 : 1);
        atLineStart = true;
        continue;
      }
    }
    // A heredoc body's (or script's) backslash-newline: the shell joins the lines.
    if (src.newlineSeparates && ch === "\\" && (text[i + 1] === "\n" || (text[i + 1] === "\r" && text[i + 2] === "\n"))) {
      i += text[i + 1] === "\r" ? 3 : 2;
      continue;
    }
    if (atLineStart && !src.newlineSeparates) {
      let j = i;
      while (j < src.end && (text[j] === " " || text[j] === "\t")) j++;
      if (text[j] === "#" || text[j] === "\n" || text[j] === "\r") {
        while (j < src.end && text[j] !== "\n") j++;
        i = j + 1;
        continue;
      }
      atLineStart = false;
    }
    if (ch === "\r") {
      i++;
      continue;
    }
    chars += ch;
    offsets.push(i);
    i++;
  }
  offsets.push(src.end);
  return { chars, offsets };
}

function assertAgrees(text: string, src: ShellSource, escapeChar: string, label: string): void {
  const logical = toLogical(text, src, escapeChar);
  const oracle = offsetsOracle(text, src, escapeChar);
  assert.strictEqual(logical.chars, oracle.chars, `${label}: characters`);
  for (let index = 0; index <= logical.chars.length; index++) {
    if (documentOffset(logical, index) !== oracle.offsets[index]) {
      assert.fail(`${label}: character ${index} of ${JSON.stringify(logical.chars)} maps to ${documentOffset(logical, index)}, not ${oracle.offsets[index]}`);
    }
  }
}

describe("model/shell: a logical text maps each character back to the document", () => {
  it("maps across continuations, CRLF, dropped comment and empty lines, and at the end", () => {
    const cases = [
      "apt-get update \\\n  # dropped\n\n  && apt-get install -y curl",
      "a \\\r\n b\r\nc",
      "echo one \\\n",
      "echo one \\ \t\n# last line a comment",
      "x`\n  y",
      "",
      "\\",
      "\r\r\r",
    ];
    for (const [n, text] of cases.entries()) {
      for (const newlineSeparates of [false, true]) {
        for (const escapeChar of ["\\", "`"]) assertAgrees(text, { start: 0, end: text.length, newlineSeparates }, escapeChar, `case ${n}`);
      }
    }
  });

  it("agrees with one offset per character on seeded random scripts", () => {
    const random = seededRandom(16);
    const alphabet = ["a", "b", " ", "\t", "\\", "`", "\n", "\r", "#", "&", "'", '"'];
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(random() * 40);
      let text = "";
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const start = Math.floor(random() * (text.length + 1));
      const end = start + Math.floor(random() * (text.length - start + 1));
      assertAgrees(text, { start, end, newlineSeparates: random() < 0.3 }, random() < 0.8 ? "\\" : "`", `random ${n}`);
    }
  });

  it("agrees with one offset per character on every instruction of the corpus", () => {
    for (const [n, text] of corpusTexts().entries()) {
      // From each line's start, 2,000 characters: every instruction, its continuations included.
      for (let start = 0; start < text.length; start = text.indexOf("\n", start) + 1 || text.length) {
        const end = Math.min(text.length, start + 2000);
        for (const newlineSeparates of [false, true]) assertAgrees(text, { start, end, newlineSeparates }, "\\", `corpus file ${n} from ${start}`);
      }
    }
  });
});
