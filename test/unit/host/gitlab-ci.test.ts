import * as assert from "assert";
import { gitlabPipelineVariables, gitlabVariables, localIncludes } from "../../../server/src/host/gitlab-ci";

describe("host/gitlab-ci: the files .gitlab-ci.yml includes and the variables its jobs see", () => {
  it("lists local includes in their forms, not remote, project or template ones", () => {
    assert.deepStrictEqual(localIncludes("include: ci/build.yml\n"), ["ci/build.yml"]);
    const text =
      "include:\n  - local: /ci/test.yml\n  - 'gitlab/*.yml'\n  - remote: https://example.org/x.yml\n  - project: group/ci\n    file: /t.yml\n  - template: Security/SAST.gitlab-ci.yml\n  - https://example.org/y.yml\n  - ../outside.yml\n";
    assert.deepStrictEqual(localIncludes(text), ["ci/test.yml", "gitlab/*.yml"]);
    assert.deepStrictEqual(localIncludes("stages: [build]\n"), []);
  });

  it("reads the top level's variables first, then each job's, in both value forms", () => {
    const text =
      'variables:\n  IMAGE: acme/app\n  PORT: 8080\n  TAG:\n    value: "1.2"\n    description: the tag\nbuild:\n  variables:\n    IMAGE: acme/other\n    ARCH: amd64\n';
    assert.deepStrictEqual(
      [...gitlabVariables(text)],
      [
        ["IMAGE", "acme/app"],
        ["PORT", "8080"],
        ["TAG", "1.2"],
        ["ARCH", "amd64"],
      ],
    );
    assert.deepStrictEqual(
      [...gitlabPipelineVariables(["variables:\n  A: one\n", "job:\n  variables:\n    A: two\n    B: three\n", "not: [yaml"])],
      [
        ["A", "one"],
        ["B", "three"],
      ],
    );
  });
});
