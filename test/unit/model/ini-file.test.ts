import * as assert from "assert";
import { type IniFile, readIniFile, writeIniFile } from "../../../server/src/model/ini-file";

/** The file as plain objects, for deepStrictEqual; null stays null. */
function read(text: string): Record<string, Record<string, string>> | null {
  const file = readIniFile(text);
  return file === null ? null : Object.fromEntries([...file].map(([section, options]) => [section, Object.fromEntries(options)]));
}

// Each expectation is what Python 3's configparser.RawConfigParser().read_string(text) gives.
describe("model/ini-file: INI files as configparser reads them", () => {
  it("reads sections and options, either delimiter, names in lower case", () => {
    assert.deepStrictEqual(read("[global]\nIndex-URL = https://x/simple\ntimeout: 60\n"), { global: { "index-url": "https://x/simple", timeout: "60" } });
  });

  it("continues a value on deeper-indented lines, across blank lines, and drops trailing blank ones", () => {
    assert.deepStrictEqual(read("[global]\nindex-url = https://x/simple\n\n  no-cache-dir = true\n"), {
      global: { "index-url": "https://x/simple\n\nno-cache-dir = true" },
    });
    assert.deepStrictEqual(read("[global]\na = x\n  # c\n  y\n\n\n"), { global: { a: "x\ny" } });
  });

  it("ends a value at an unindented line, whatever blank and comment lines come before it", () => {
    assert.deepStrictEqual(read("[global]\nindex-url = x\n\n# c\nno-cache-dir = true\n"), { global: { "index-url": "x", "no-cache-dir": "true" } });
    assert.deepStrictEqual(read("[global]\ntimeout = 60\n\nno-cache-dir = 1\n"), { global: { timeout: "60", "no-cache-dir": "1" } });
  });

  it("keeps the text after a section header's bracket out of the file", () => {
    assert.deepStrictEqual(read("[global]\\12no-cache-dir = true\n"), { global: {} });
  });

  it("refuses what configparser refuses: an option before any section, a line without a delimiter, a section or option twice", () => {
    assert.strictEqual(readIniFile("no-cache-dir = true\n"), null);
    assert.strictEqual(readIniFile("[global]\nno-cache-dir\n"), null);
    assert.strictEqual(readIniFile("[global]\na = 1\n[global]\nb = 2\n"), null);
    assert.strictEqual(readIniFile("[global]\nno-cache-dir = true\nNo-Cache-Dir = true\n"), null);
  });

  it("takes [DEFAULT] twice, as configparser does, but not an option of it twice", () => {
    assert.deepStrictEqual(read("[DEFAULT]\na=1\n[DEFAULT]\nb=2\n[global]\nc=3\n"), { DEFAULT: { a: "1", b: "2" }, global: { c: "3" } });
    assert.strictEqual(readIniFile("[DEFAULT]\na=1\n[DEFAULT]\na=2\n"), null);
  });

  it("writes what configparser writes, which reads back the same", () => {
    const file: IniFile = new Map([
      ["global", new Map([["index-url", "https://x/simple\nhttps://y/simple"]])],
      ["install", new Map([["no-cache-dir", "1"]])],
    ]);
    const text = writeIniFile(file);
    assert.strictEqual(text, "[global]\nindex-url = https://x/simple\n\thttps://y/simple\n\n[install]\nno-cache-dir = 1\n\n");
    assert.deepStrictEqual(readIniFile(text), file);
  });
});
