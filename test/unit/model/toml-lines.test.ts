import * as assert from "assert";
import { tomlLines } from "../../../server/src/model/toml-lines";

describe("model/toml-lines: the table and key of each pyproject.toml line", () => {
  it("tracks plain tables, arrays of tables and quoted names, and reads keys but not marker comparisons", () => {
    const text = '[tool.uv]\nenvironments = ["""\n  platform_machine == \'x86_64\'\n"""]\n[[tool.uv.index]]\nname = "a"\n[ "dependency-groups" ]\n"dev" = []\n';
    assert.deepStrictEqual(
      tomlLines(text).map((l) => [l.table, l.key, l.header]),
      [
        ["tool.uv", null, true],
        ["tool.uv", "environments", false],
        ["tool.uv", null, false],
        ["tool.uv", null, false],
        ["tool.uv.index", null, true],
        ["tool.uv.index", "name", false],
        ["dependency-groups", null, true],
        ["dependency-groups", "dev", false],
        ["dependency-groups", null, false],
      ],
    );
  });
});
