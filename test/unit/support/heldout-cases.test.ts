import * as assert from "assert";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HeldoutCase, rebuildCase, rebuildSet } from "../../../scripts/heldout-cases";

// Held-out case folders rebuilt from cases.json and a snapshot (scripts/heldout-cases.ts): the
// files at the recorded commit, never at another, and the placeholders as listed.
describe("held-out case folders rebuilt from their provenance", () => {
  let scratch: string;
  let gitRoot: string;
  let first: string;
  let second: string;

  const git = (dir: string, ...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", ...args], { encoding: "utf8" }).trim();

  before(function () {
    this.timeout(20000);
    scratch = mkdtempSync(join(tmpdir(), "heldout-cases-"));
    const work = join(scratch, "work");
    mkdirSync(join(work, "docker"), { recursive: true });
    git(scratch, "init", "-q", work);
    writeFileSync(join(work, "docker", "Dockerfile"), "FROM alpine:3.20\nCOPY entry.sh /\n");
    writeFileSync(join(work, "docker", "entry.sh"), '#!/bin/sh\nexec "$@"\n');
    writeFileSync(join(work, "README.md"), "docs\n");
    git(work, "add", "-A");
    git(work, "commit", "-qm", "one");
    first = git(work, "rev-parse", "HEAD");
    writeFileSync(join(work, "docker", "Dockerfile"), "FROM alpine:3.21\nCOPY entry.sh /\n");
    git(work, "commit", "-qam", "two");
    second = git(work, "rev-parse", "HEAD");
    // Laid out as the tool library's fetch leaves a snapshot: <owner>+<name>/repo, a bare git directory.
    gitRoot = join(scratch, "mirror");
    mkdirSync(join(gitRoot, "acme+shop"), { recursive: true });
    execFileSync("git", ["clone", "-q", "--bare", work, join(gitRoot, "acme+shop", "repo")]);
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  const entry = (overrides: Partial<HeldoutCase> = {}): HeldoutCase => ({
    case: "acme__shop__docker__Dockerfile",
    repo: "acme/shop",
    commit: first,
    dockerfile: "docker/Dockerfile",
    git_dirs: [".git"],
    files: ["docker/Dockerfile", "docker/entry.sh"],
    placeholders: ["README.md", "web/"],
    ...overrides,
  });

  it("writes the files at the recorded commit, the placeholders empty, the git folders and case.json", () => {
    const out = join(scratch, "out-1");
    const outcome = rebuildCase(entry(), gitRoot, out);
    assert.deepStrictEqual(outcome, { case: "acme__shop__docker__Dockerfile", built: true, files: 2, placeholders: 2 });
    const folder = join(out, "acme__shop__docker__Dockerfile");
    // The first commit's text, though the snapshot's HEAD has moved on.
    assert.strictEqual(readFileSync(join(folder, "docker", "Dockerfile"), "utf8"), "FROM alpine:3.20\nCOPY entry.sh /\n");
    assert.strictEqual(readFileSync(join(folder, "README.md"), "utf8"), "");
    assert.ok(statSync(join(folder, "web")).isDirectory());
    assert.ok(statSync(join(folder, ".git")).isDirectory());
    assert.strictEqual((JSON.parse(readFileSync(join(folder, "case.json"), "utf8")) as HeldoutCase).commit, first);
    assert.notStrictEqual(first, second);
  });

  it("refuses a commit the snapshot lacks instead of reading another", () => {
    const outcome = rebuildCase(entry({ commit: "0".repeat(40) }), gitRoot, join(scratch, "out-2"));
    assert.strictEqual(outcome.built, false);
    assert.match((outcome as { reason: string }).reason, /lacks commit 0{40}/);
    assert.ok(!existsSync(join(scratch, "out-2", "acme__shop__docker__Dockerfile")));
  });

  it("finds a snapshot whose folder spells the repository in another case", () => {
    const outcome = rebuildCase(entry({ repo: "ACME/Shop" }), gitRoot, join(scratch, "out-8"));
    assert.strictEqual(outcome.built, true);
  });

  it("names the snapshot to fetch when there is none", () => {
    const outcome = rebuildCase(entry({ repo: "acme/other" }), gitRoot, join(scratch, "out-3"));
    assert.deepStrictEqual(outcome, { case: "acme__shop__docker__Dockerfile", built: false, reason: "no snapshot of acme/other", fetch: "github:acme/other" });
  });

  it("leaves no half-built folder when a listed file is not at the commit", () => {
    const out = join(scratch, "out-4");
    const outcome = rebuildCase(entry({ files: ["docker/Dockerfile", "docker/missing.sh"] }), gitRoot, out);
    assert.strictEqual(outcome.built, false);
    assert.ok(!existsSync(join(out, "acme__shop__docker__Dockerfile")));
  });

  it("writes nothing outside the case folder", () => {
    const out = join(scratch, "out-5");
    const outcome = rebuildCase(entry({ placeholders: ["../escaped"] }), gitRoot, out);
    assert.strictEqual(outcome.built, false);
    assert.ok(!existsSync(join(out, "escaped")));
  });

  it("refuses a case name that is not one folder name", () => {
    const outcome = rebuildCase(entry({ case: ".." }), gitRoot, join(scratch, "out-7", "inner"));
    assert.deepStrictEqual(outcome, { case: "..", built: false, reason: "its name is not a folder name" });
  });

  it("says which cases of a set predate the files lists", () => {
    const setDir = join(scratch, "set");
    mkdirSync(setDir);
    writeFileSync(join(setDir, "cases.json"), JSON.stringify([entry(), entry({ case: "old", files: undefined })]));
    const outcomes = rebuildSet(setDir, gitRoot, join(scratch, "out-6"));
    assert.deepStrictEqual(
      outcomes.map((o) => o.built),
      [true, false],
    );
    assert.match((outcomes[1] as { reason: string }).reason, /lists no files/);
  });
});
