import * as assert from "assert";
import { UNKNOWN_CONTEXT } from "../../../server/src/model/context";
import { requirementIncludes, requirementsInstallLocalFolder } from "../../../server/src/model/requirement-includes";

function contextWith(files: Record<string, string>) {
  return { ...UNKNOWN_CONTEXT, files };
}

describe("model/requirement-includes", () => {
  it("follows -r and -c includes against the including file's folder", () => {
    const context = contextWith({
      "requirements/dev.txt": "-r base.txt\n-c ../constraints.txt\npytest\n",
      "requirements/base.txt": "django\n",
      "constraints.txt": "django<6\n",
    });
    assert.deepStrictEqual(requirementIncludes(["requirements/dev.txt"], context), { files: ["requirements/base.txt", "constraints.txt"], hasUnknown: false });
  });

  it("tells a requirement file that installs a local folder, directly or through an include", () => {
    const local = ["-e .", ".", ".[dev]", "--editable=../pkg", "-e ./libs/core", "./wheels/app-1.0-py3-none-any.whl", "file:."];
    for (const line of local) assert.strictEqual(requirementsInstallLocalFolder(["r.txt"], contextWith({ "r.txt": `requests\n${line}\n` })), true, line);
    assert.strictEqual(requirementsInstallLocalFolder(["r.txt"], contextWith({ "r.txt": "-r base.txt\n", "base.txt": "-e .\n" })), true);
  });

  it("does not take packages, VCS URLs, comments or options for a local folder", () => {
    const text =
      "requests==2.32\n-e git+https://github.com/acme/lib.git#egg=lib\n# -e .\n--index-url https://pypi.example/simple\nfoo @ https://example.org/foo.tar.gz\n";
    assert.strictEqual(requirementsInstallLocalFolder(["r.txt"], contextWith({ "r.txt": text })), false);
    assert.strictEqual(requirementsInstallLocalFolder(["missing.txt"], contextWith({})), false);
    assert.strictEqual(requirementsInstallLocalFolder(["r.txt"], UNKNOWN_CONTEXT), false);
  });
});
