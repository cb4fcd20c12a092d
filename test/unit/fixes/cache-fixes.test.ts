// The edit builders behind layer-package-cache's fixes: cache mounts for builder stages and
// cleanups appended to a RUN.

import * as assert from "assert";
import { addCacheMounts } from "../../../server/src/fixes/cache-mount";
import { appendToRun } from "../../../server/src/fixes/cache-cleanup";
import { parseDockerfile } from "../../../server/src/model/parse";
import { applyEdits } from "../../../server/src/model/text";

function lastRun(text: string) {
  const model = parseDockerfile(text);
  const run = [...model.instructions].reverse().find((i) => (i.trigger ?? i).keyword === "RUN");
  assert.ok(run);
  return { model, run };
}

describe("fixes/cache-mount", () => {
  it("adds every mount of the tool right after RUN", () => {
    const text = "FROM python:3.12\nRUN pip install flask\n";
    const { model, run } = lastRun(text);
    const edits = addCacheMounts(model, run, "pip");
    assert.strictEqual(applyEdits(text, edits ?? []), "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n");
  });

  it("skips targets already mounted, comparing whole normalized paths", () => {
    const text = "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/ --mount=type=cache,target=/var/cache/apt-old apt-get update\n";
    const { model, run } = lastRun(text);
    const edits = addCacheMounts(model, run, "apt");
    assert.deepStrictEqual(
      edits?.map((e) => e.newText),
      [" --mount=type=cache,target=/var/cache/apt,sharing=locked"],
    );
  });

  it("gives nothing when every mount is there, or for a non-RUN", () => {
    const text = "FROM alpine:3.20\nRUN --mount=type=cache,dst=/var/cache/apk apk add curl\nCOPY a b\n";
    const model = parseDockerfile(text);
    assert.strictEqual(addCacheMounts(model, model.instructions[1], "apk"), null);
    assert.strictEqual(addCacheMounts(model, model.instructions[2], "apk"), null);
  });

  it("reads a mounted target written with a variable as the builder expands it", () => {
    const text = "FROM python:3.12\nENV PIP_CACHE_DIR=/root/.cache/pip\nRUN --mount=type=cache,target=$PIP_CACHE_DIR pip install flask\n";
    const { model, run } = lastRun(text);
    assert.strictEqual(addCacheMounts(model, run, "pip"), null);
  });
});

describe("fixes/cache-cleanup appendToRun", () => {
  const append = (text: string) => {
    const { model, run } = lastRun(text);
    const edits = appendToRun(model, run, "yum clean all");
    return edits ? applyEdits(text, edits) : null;
  };

  it("appends on the same line for a one-line RUN", () => {
    assert.strictEqual(append("FROM centos:7\nRUN yum install -y httpd\n"), "FROM centos:7\nRUN yum install -y httpd && yum clean all\n");
  });

  it("follows a trailing-'&&' layout and the escape directive", () => {
    const text = "# escape=`\nFROM centos:7\nRUN yum install -y a && `\n  yum install -y b\n";
    assert.strictEqual(append(text), "# escape=`\nFROM centos:7\nRUN yum install -y a && `\n  yum install -y b && `\n  yum clean all\n");
  });

  it("refuses what it cannot extend without changing the script", () => {
    assert.strictEqual(append('FROM centos:7\nRUN ["yum", "install", "-y", "httpd"]\n'), null);
    assert.strictEqual(append("FROM centos:7\nRUN yum install -y httpd;\n"), null);
    assert.strictEqual(append("FROM centos:7\nRUN if true; then yum install -y httpd; fi\n"), null);
    assert.strictEqual(append("FROM centos:7\nRUN <<EOF\nyum install -y httpd\nEOF\n"), null);
  });
});
