import * as assert from "assert";
import { mkdirSync, writeFileSync } from "fs";
import { githubRepositoryOf, githubRepositoryOfUrl, readGithubRepository } from "../../../server/src/host/github-repository";
import { FolderReader } from "../../../server/src/host/folder-reader";
import { TempProjects } from "../../support/temp-project";

describe("host/github-repository: the GitHub repository a checkout was cloned from", () => {
  const projects = new TempProjects("stagecraft-github-repository");
  after(() => projects.dispose());

  it("reads https, ssh and scp-like remote URLs, lower-cased, without .git", () => {
    const shop = { owner: "acme", name: "shop" };
    assert.deepStrictEqual(githubRepositoryOfUrl("https://github.com/Acme/Shop.git"), shop);
    assert.deepStrictEqual(githubRepositoryOfUrl("https://ci-bot:token@github.com/acme/shop"), shop);
    assert.deepStrictEqual(githubRepositoryOfUrl("ssh://git@github.com/acme/shop.git"), shop);
    assert.deepStrictEqual(githubRepositoryOfUrl("git@github.com:acme/shop.git"), shop);
  });

  it("names nothing for another host", () => {
    assert.strictEqual(githubRepositoryOfUrl("https://gitlab.com/acme/shop.git"), null);
    assert.strictEqual(githubRepositoryOfUrl("git@github.example.com:acme/shop.git"), null);
  });

  it("takes the remote origin before the others", () => {
    const config =
      '[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/other/shop.git\n[remote "origin"]\n\turl = git@github.com:acme/shop.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n';
    assert.deepStrictEqual(githubRepositoryOf(config), { owner: "acme", name: "shop" });
  });

  it("takes another GitHub remote when origin is elsewhere", () => {
    const config = '[remote "origin"]\n\turl = https://gitlab.com/acme/shop.git\n[remote "mirror"]\n\turl = https://github.com/acme/shop\n';
    assert.deepStrictEqual(githubRepositoryOf(config), { owner: "acme", name: "shop" });
  });

  it("reads no url outside a remote section, also after one", () => {
    const config = '[remote "origin"]\n\turl = https://gitlab.com/acme/shop.git\n[submodule "lib"]\n\turl = https://github.com/acme/lib.git\n';
    assert.strictEqual(githubRepositoryOf(config), null);
  });

  it("reads the checkout's .git/config; nothing when the git folder holds none", async () => {
    const root = projects.create({
      "cloned/.git/config": '[remote "origin"]\n\turl = https://github.com/acme/shop.git\n',
      "copied/.git/HEAD": "ref: refs/heads/main\n",
    });
    const reader = new FolderReader();
    assert.deepStrictEqual(await readGithubRepository(`${root}/cloned`, reader), { owner: "acme", name: "shop" });
    assert.strictEqual(await readGithubRepository(`${root}/copied`, reader), null);
  });

  it("follows a .git file: a submodule's own config, a worktree's shared one", async () => {
    const root = projects.create({
      "super/.git/config": '[remote "origin"]\n\turl = https://github.com/acme/platform.git\n',
      "super/.git/modules/lib/config": '[remote "origin"]\n\turl = git@github.com:acme/lib.git\n',
      "super/lib/.git": "gitdir: ../.git/modules/lib\n",
      "main/.git/config": '[remote "origin"]\n\turl = https://github.com/acme/shop.git\n',
      "main/.git/worktrees/fix/commondir": "../..\n",
      "main/.git/worktrees/fix/HEAD": "ref: refs/heads/fix\n",
      "broken/.git": "gitdir: ../nowhere\n",
      "odd/.git": "not a pointer\n",
    });
    // Git writes a worktree's pointer as an absolute path.
    mkdirSync(`${root}/fix`);
    writeFileSync(`${root}/fix/.git`, `gitdir: ${root}/main/.git/worktrees/fix\n`);
    const reader = new FolderReader();
    assert.deepStrictEqual(await readGithubRepository(`${root}/super/lib`, reader), { owner: "acme", name: "lib" });
    assert.deepStrictEqual(await readGithubRepository(`${root}/super`, reader), { owner: "acme", name: "platform" });
    assert.deepStrictEqual(await readGithubRepository(`${root}/fix`, reader), { owner: "acme", name: "shop" });
    assert.strictEqual(await readGithubRepository(`${root}/broken`, reader), null);
    assert.strictEqual(await readGithubRepository(`${root}/odd`, reader), null);
  });
});
