// The GitHub repository a checkout was cloned from, by its `.git/config`: CI workflows name their
// images through it (`ghcr.io/${{ github.repository }}`), so the host needs its owner and name to
// read which images the project publishes.

import { join, resolve } from "node:path";
import type { FolderReader } from "./folder-reader";

/** A GitHub repository, lower-cased as image names must be (`omnigres`, `omnigres`). */
export interface GithubRepository {
  owner: string;
  name: string;
}

/** A git config is a few hundred bytes; one past this is not read. */
const GIT_CONFIG_MAX_BYTES = 64 * 1024;

/**
 * The owner and name of a GitHub remote URL: https (`https://github.com/acme/shop.git`, with or
 * without credentials), ssh (`ssh://git@github.com/acme/shop`) and scp-like (`git@github.com:acme/shop.git`).
 */
const GITHUB_REMOTE =
  /^(?:(?:https?|git|ssh|git\+ssh):\/\/(?:[^@/\s]+@)?github\.com(?::\d+)?\/|(?:[^@/\s]+@)?github\.com:)([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/;

/** A section header of a git config: `[remote "origin"]`. */
const REMOTE_SECTION = /^\s*\[\s*remote\s+"([^"]*)"\s*\]/;
/** Any section header. */
const SECTION = /^\s*\[/;
/** A `url = ...` line (keys are case-insensitive in git config). */
const URL_KEY = /^\s*url\s*=(.*)$/i;

/** What a `.git` file holds in a worktree or a submodule: the path of its git folder. */
const GITDIR_LINE = /^gitdir:(.*)$/m;
/** A `.git` file or `commondir` is one line; one past this is not read. */
const GIT_POINTER_MAX_BYTES = 4096;

/**
 * The GitHub repository of the checkout at `root`, from its git config: the remote `origin` when
 * it is on GitHub, else the first remote that is. Null when the config is missing or unreadable
 * (a copy without its git folder) or names no GitHub remote.
 */
export function readGithubRepository(root: string, reader: FolderReader): Promise<GithubRepository | null> {
  return reader.memo(`github-repository\u0000${root}`, async () => {
    const config = await reader.readSmall(await gitConfigPath(root, reader), GIT_CONFIG_MAX_BYTES);
    return config === null ? null : githubRepositoryOf(config);
  });
}

/**
 * Where the config of the checkout at `root` is: `.git/config`, or, where `.git` is a file naming
 * the git folder (`gitdir: ../.git/modules/lib`), that folder's config: a submodule's own, with
 * its own remotes; for a worktree (`gitdir: /repo/.git/worktrees/fix`), the config of the
 * repository it shares (its `commondir`).
 */
async function gitConfigPath(root: string, reader: FolderReader): Promise<string> {
  const inFolder = join(root, ".git", "config");
  // A folder (the usual case) cannot be read as a file: its config is where it always is.
  const pointer = await reader.readSmall(join(root, ".git"), GIT_POINTER_MAX_BYTES);
  const gitdir = pointer === null ? null : GITDIR_LINE.exec(pointer)?.[1].trim();
  if (!gitdir) return inFolder;
  const gitFolder = resolve(root, gitdir);
  const common = (await reader.readSmall(join(gitFolder, "commondir"), GIT_POINTER_MAX_BYTES))?.trim();
  return join(common ? resolve(gitFolder, common) : gitFolder, "config");
}

/** The GitHub repository a git config's remotes name: `origin` first, then the others in order. */
export function githubRepositoryOf(config: string): GithubRepository | null {
  const remotes: { name: string; repository: GithubRepository }[] = [];
  let remote: string | null = null;
  for (const line of config.split(/\r?\n/)) {
    const section = REMOTE_SECTION.exec(line);
    if (section !== null) remote = section[1];
    else if (SECTION.test(line)) remote = null;
    const url = remote !== null ? URL_KEY.exec(line) : null;
    const repository = url !== null ? githubRepositoryOfUrl(url[1].trim().replace(/^"|"$/g, "")) : null;
    if (remote !== null && repository !== null) remotes.push({ name: remote, repository });
  }
  return (remotes.find((r) => r.name === "origin") ?? remotes[0])?.repository ?? null;
}

/** The repository a GitHub remote URL names; null for any other host. */
export function githubRepositoryOfUrl(url: string): GithubRepository | null {
  const match = GITHUB_REMOTE.exec(url.trim());
  return match === null ? null : { owner: match[1].toLowerCase(), name: match[2].toLowerCase() };
}
