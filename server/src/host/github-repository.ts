// The GitHub repository a checkout was cloned from, by its `.git/config`: CI workflows name their
// images through it (`ghcr.io/${{ github.repository }}`), so the host needs its owner and name to
// read which images the project publishes.

import { join } from "node:path";
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

/**
 * The GitHub repository of the checkout at `root`, from `.git/config`: the remote `origin` when it
 * is on GitHub, else the first remote that is. Null when the config is missing or unreadable (a
 * worktree or submodule whose `.git` is a file, a copy without its git folder) or names no GitHub remote.
 */
export function readGithubRepository(root: string, reader: FolderReader): Promise<GithubRepository | null> {
  return reader.memo(`github-repository\u0000${root}`, async () => {
    const config = await reader.readSmall(join(root, ".git", "config"), GIT_CONFIG_MAX_BYTES);
    return config === null ? null : githubRepositoryOf(config);
  });
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
