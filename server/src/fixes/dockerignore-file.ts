// A .dockerignore proposed from what sits at the root of the build context: version control data,
// dependency folders, build output and caches, local secrets and editor files, each only when it
// is there (or, with the folder unknown, the two that are almost always worth excluding) and
// never anything the Dockerfile uses by name.

import type { ContextUses } from "../model/context-uses";

type Group = "Version control" | "Dependencies (installed inside the image)" | "Build output and caches" | "Local settings and secrets" | "Editors and OS";

export interface IgnoreEntry {
  /** The line to write (`**\/node_modules`). */
  pattern: string;
  /** The root entry it excludes, as users know it (`node_modules`). */
  name: string;
  group: Group;
}

interface Candidate {
  pattern: string;
  name: string;
  group: Group;
  /** Whether the root entries hold it. */
  isPresent(entries: ReadonlySet<string>): boolean;
  /** Whether the Dockerfile needs it from the context. */
  isNeeded(uses: ContextUses): boolean;
}

const copiedOnly = (name: string) => (uses: ContextUses) => uses.isCopied(name);
const copiedOrMentioned = (name: string) => (uses: ContextUses) => uses.isCopied(name) || uses.isMentioned(name);
const dir = (name: string) => (entries: ReadonlySet<string>) => entries.has(`${name}/`);
const file = (name: string) => (entries: ReadonlySet<string>) => entries.has(name);
const anyEntry = (test: RegExp) => (entries: ReadonlySet<string>) => [...entries].some((e) => test.test(e));
const both = (a: (e: ReadonlySet<string>) => boolean, b: (e: ReadonlySet<string>) => boolean) => (e: ReadonlySet<string>) => a(e) && b(e);

const JS_PROJECT = anyEntry(/^package\.json$/);
const PYTHON_PROJECT = anyEntry(/^(?:pyproject\.toml|setup\.py|setup\.cfg)$/);
const GRADLE_PROJECT = anyEntry(/^build\.gradle(?:\.kts)?$/);
const JVM_OR_RUST_PROJECT = anyEntry(/^(?:pom\.xml|Cargo\.toml)$/);
const DOTNET_PROJECT = anyEntry(/\.(?:csproj|fsproj|vbproj|sln)$/);

function candidate(pattern: string, name: string, group: Group, isPresent: Candidate["isPresent"], isNeeded: Candidate["isNeeded"]): Candidate {
  return { pattern, name, group, isPresent, isNeeded };
}

const CANDIDATES: Candidate[] = [
  candidate(
    ".git",
    ".git",
    "Version control",
    (e) => e.has(".git/") || e.has(".git"),
    (u) => u.isCopied(".git") || u.readsGitCheckout,
  ),
  candidate(".hg", ".hg", "Version control", dir(".hg"), copiedOnly(".hg")),
  candidate(".svn", ".svn", "Version control", dir(".svn"), copiedOnly(".svn")),
  candidate("**/node_modules", "node_modules", "Dependencies (installed inside the image)", dir("node_modules"), copiedOnly("node_modules")),
  candidate("bower_components", "bower_components", "Dependencies (installed inside the image)", dir("bower_components"), copiedOnly("bower_components")),
  candidate(".venv", ".venv", "Dependencies (installed inside the image)", dir(".venv"), copiedOnly(".venv")),
  candidate("venv", "venv", "Dependencies (installed inside the image)", dir("venv"), copiedOnly("venv")),
  candidate("**/__pycache__", "__pycache__", "Dependencies (installed inside the image)", dir("__pycache__"), copiedOnly("__pycache__")),
  candidate(
    "dist",
    "dist",
    "Build output and caches",
    both(dir("dist"), (e) => JS_PROJECT(e) || PYTHON_PROJECT(e)),
    copiedOrMentioned("dist"),
  ),
  candidate(
    "build",
    "build",
    "Build output and caches",
    both(dir("build"), (e) => JS_PROJECT(e) || GRADLE_PROJECT(e)),
    copiedOrMentioned("build"),
  ),
  candidate("target", "target", "Build output and caches", both(dir("target"), JVM_OR_RUST_PROJECT), copiedOrMentioned("target")),
  candidate("bin", "bin", "Build output and caches", both(dir("bin"), DOTNET_PROJECT), copiedOrMentioned("bin")),
  candidate("obj", "obj", "Build output and caches", both(dir("obj"), DOTNET_PROJECT), copiedOrMentioned("obj")),
  ...[".next", ".nuxt", ".turbo", ".parcel-cache", "coverage", ".gradle", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox"].map((name) =>
    candidate(name, name, "Build output and caches", dir(name), copiedOrMentioned(name)),
  ),
  candidate("*.log", "*.log", "Build output and caches", anyEntry(/^[^/]+\.log$/), copiedOrMentioned("*.log")),
  candidate(".env", ".env", "Local settings and secrets", file(".env"), copiedOrMentioned(".env")),
  candidate(".idea", ".idea", "Editors and OS", dir(".idea"), copiedOnly(".idea")),
  candidate(".vscode", ".vscode", "Editors and OS", dir(".vscode"), copiedOnly(".vscode")),
  candidate(".DS_Store", ".DS_Store", "Editors and OS", file(".DS_Store"), copiedOnly(".DS_Store")),
];

/** Manifests of projects whose dependency folders and build output grow inside the source tree. */
const PROJECT_MANIFEST = anyEntry(
  /^(?:package\.json|pyproject\.toml|setup\.py|setup\.cfg|requirements[\w.-]*\.txt|Pipfile|pom\.xml|build\.gradle(?:\.kts)?|Cargo\.toml|go\.mod|Gemfile|composer\.json|mix\.exs|[^/]+\.(?:csproj|fsproj|vbproj|sln))$/,
);

/**
 * True when the context's root holds a project manifest (package.json, pyproject.toml, a .csproj):
 * the folder where `npm install`, a virtualenv or a build leaves what an ignore file excludes, even
 * when none is there yet.
 */
export function holdsProjectManifest(rootEntries: readonly string[]): boolean {
  return PROJECT_MANIFEST(new Set(rootEntries));
}

/**
 * Templates meant to be shipped or copied (`.env.example`, and per environment `.env.local.example`),
 * unlike local `.env.*` files: the last suffix says the file is a template.
 */
const ENV_TEMPLATE = /^\.env(?:\.[^/]+)?\.(?:example|sample|template|tpl|dist|defaults?)$/;

/**
 * The env files Next.js, Vite, Create React App, Nuxt, SvelteKit and Astro read by mode and ask
 * projects to commit (`.env`, `.env.production`): their defaults, which the built app reads (Next.js'
 * standalone server at run time). Only `.env.local` and `.env.*.local` are the local ones.
 */
const COMMITTED_ENV_FILE = /^\.env(?:\.(?:development|production|test))?$/;

/** With the context's folder unknown: the two entries nearly every project has and no image needs. */
const WHEN_UNKNOWN = new Set([".git", "node_modules"]);

/**
 * The entries a new .dockerignore should hold for a context whose root lists `rootEntries`
 * (directories with a trailing `/`), or a minimal set when the entries are unknown.
 */
export function proposeIgnoreEntries(rootEntries: readonly string[] | undefined, uses: ContextUses, envFilesCommitted = false): IgnoreEntry[] {
  const entries = new Set(rootEntries ?? []);
  const out: IgnoreEntry[] = [];
  for (const c of CANDIDATES) {
    const present = rootEntries === undefined ? WHEN_UNKNOWN.has(c.name) : c.isPresent(entries);
    if (present && !c.isNeeded(uses) && !(envFilesCommitted && COMMITTED_ENV_FILE.test(c.name))) out.push({ pattern: c.pattern, name: c.name, group: c.group });
  }
  // Local env files by name: a pattern such as `.env.*` would also drop the shipped templates.
  for (const entry of [...entries].sort()) {
    if (envFilesCommitted && COMMITTED_ENV_FILE.test(entry)) continue;
    if (/^\.env\.[^/]+$/.test(entry) && !ENV_TEMPLATE.test(entry) && !uses.isCopied(entry) && !uses.isMentioned(entry)) {
      out.push({ pattern: entry, name: entry, group: "Local settings and secrets" });
    }
  }
  return out;
}

/** The text of a .dockerignore holding `entries`, grouped under comments. */
export function dockerignoreText(entries: readonly IgnoreEntry[]): string {
  const lines = [
    "# Keeps what the image does not need out of the build context: it is neither sent",
    "# to the builder nor copied by 'COPY . .', and changing it does not rebuild the layer.",
  ];
  const groups = [...new Set(entries.map((e) => e.group))];
  for (const group of groups) {
    lines.push("", `# ${group}`);
    for (const e of entries) if (e.group === group) lines.push(e.pattern);
  }
  return `${lines.join("\n")}\n`;
}
