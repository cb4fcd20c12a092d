// Which files a dependency install needs before the project's sources exist: the manifest and
// lockfile of its ecosystem, plus the configuration that changes what gets installed (`.npmrc`,
// `.yarnrc.yml`, `.mvn`). With the build context's root entries known, only files that exist are
// listed; without them, wildcard forms (`package*.json`, `go.sum*`) that BuildKit accepts when
// they match nothing.

import { contextJsonFile, jsonObjectOf } from "./json-files";
import { isNpmCleanInstall, isUvPipInstall, type DependencyInstall } from "./commands";
import type { BuildContextFacts } from "./context";
import { requirementIncludes } from "./requirement-includes";
import { isExcluded, parseDockerignore } from "./dockerignore";

export interface ManifestPlan {
  /** Files or wildcard patterns to copy, relative to the install's working directory. */
  files: string[];
  /** Directories the install also reads, relative to the working directory, copied to themselves. */
  dirs: string[];
  /**
   * True when these files are known to be all the install reads; false for a best guess (root
   * entries unknown and the ecosystem has optional configuration that changes the install).
   */
  isCertain: boolean;
}

/** Root entries that mark a monorepo, whose installs read the manifests of every package. */
const WORKSPACE_MARKERS = ["pnpm-workspace.yaml", "lerna.json", "nx.json", "turbo.json", "rush.json"];

function declaresWorkspaces(text: string | undefined): boolean {
  const workspaces = jsonObjectOf(text)?.workspaces;
  return workspaces !== undefined && workspaces !== null && (!Array.isArray(workspaces) || workspaces.length > 0);
}

/** The first folder of a relative path (`./patches/dayjs.patch` -> `patches`); null for a root file or an odd path. */
function topFolder(path: string): string | null {
  const clean = path.replace(/^(?:\.|~)\//, "");
  if (clean.startsWith("/") || clean.startsWith("..") || /[$`*]/.test(clean)) return null;
  const slash = clean.indexOf("/");
  return slash > 0 ? clean.slice(0, slash) : null;
}

/**
 * The folders of patch files a Node install applies, read from the root package.json: pnpm's
 * `pnpm.patchedDependencies` and Bun's `patchedDependencies` (`"dayjs": "patches/dayjs.patch"`),
 * Yarn's `patch:` protocol in dependencies or resolutions (`patch:lodash@npm%3A4.17.21#./.yarn/patches/x.patch`),
 * and patch-package run by an install script (`"postinstall": "patch-package"`, `--patch-dir`,
 * default `patches`). The install fails, or installs unpatched, without them.
 */
function nodePatchFolders(text: string | undefined): string[] {
  const record = jsonObjectOf(text);
  if (record === null) return [];
  const valuesOf = (value: unknown): string[] =>
    value !== null && typeof value === "object" ? Object.values(value).filter((v): v is string => typeof v === "string") : [];
  const paths: string[] = [];
  const pnpm = record.pnpm;
  if (pnpm !== null && typeof pnpm === "object") paths.push(...valuesOf((pnpm as Record<string, unknown>).patchedDependencies));
  paths.push(...valuesOf(record.patchedDependencies));
  for (const key of ["dependencies", "devDependencies", "optionalDependencies", "resolutions"])
    for (const spec of valuesOf(record[key])) if (spec.startsWith("patch:") && spec.includes("#")) paths.push(spec.slice(spec.lastIndexOf("#") + 1));
  for (const script of valuesOf(record.scripts)) {
    if (!/\bpatch-package\b/.test(script)) continue;
    const dir = /--patch-dir[= ]\s*["']?([\w./-]+)/.exec(script)?.[1];
    paths.push(`${(dir ?? "patches").replace(/\/+$/, "")}/x.patch`);
  }
  const folders = new Set<string>();
  for (const path of paths) {
    const folder = topFolder(path);
    if (folder !== null) folders.add(folder);
  }
  return [...folders];
}

function hasOption(install: DependencyInstall, ...names: string[]): boolean {
  return install.command.args.some((w) => names.some((n) => w.value === n || w.value.startsWith(`${n}=`)));
}

/**
 * The manifest files to copy ahead of `install` so that it runs without the sources; null when
 * the install cannot run from its manifests alone (`poetry install` without `--no-root` installs
 * the project itself, `cargo fetch` needs the crate's targets, a gemspec, a monorepo) or the
 * files cannot be named.
 */
export function manifestPlan(install: DependencyInstall, context: BuildContextFacts): ManifestPlan | null {
  const entries = context.rootEntries;
  const known = entries !== undefined;
  const ignore = typeof context.dockerignore === "string" ? parseDockerignore(context.dockerignore) : null;
  // A file .dockerignore keeps out of the context never reaches the build: no COPY can name it, and
  // the install never read it (held-out BC, juice-shop: `.npmrc` named, and excluded).
  const has = (name: string) => (entries?.includes(name) ?? false) && !(ignore !== null && isExcluded(ignore, name.replace(/\/$/, "")));
  const present = (names: string[]) => names.filter(has);
  const plan = (files: string[], dirs: string[] = [], isCertain = true): ManifestPlan | null => (files.length > 0 ? { files, dirs, isCertain } : null);
  // A root package.json with `workspaces` (npm, Yarn, Bun) reads every member's manifest too.
  const isMonorepo = (known && WORKSPACE_MARKERS.some(has)) || declaresWorkspaces(context.files?.["package.json"]);
  // The patch folders a Node install applies are read at install time too: copied with the manifests.
  const patches = nodePatchFolders(context.files?.["package.json"]).filter((d) => !known || has(`${d}/`));

  switch (install.ecosystem) {
    case "npm": {
      if (!known) return plan(["package*.json"]);
      if (!has("package.json")) return null;
      const files = present(["package.json", "package-lock.json", "npm-shrinkwrap.json", ".npmrc"]);
      // `npm ci` fails without a lockfile: where the context has none (a template whose apps get
      // theirs from `npm install`), the copy must still bring the one the install reads (held-out
      // BE, react-router-templates: package.json alone named, judged wrong).
      const lockless = !files.includes("package-lock.json") && !files.includes("npm-shrinkwrap.json");
      if (lockless && isNpmCleanInstall(install) && !(ignore !== null && isExcluded(ignore, "package-lock.json"))) files.splice(1, 0, "package-lock.json");
      return plan(files, patches, !isMonorepo);
    }
    case "yarn":
      // Yarn 2+ reads its version and settings from .yarnrc.yml and .yarn/: unknown context, unsure plan.
      if (!known) return plan(["package.json", "yarn.lock*"], [], false);
      if (!has("package.json")) return null;
      return plan(
        present(["package.json", "yarn.lock", ".yarnrc", ".yarnrc.yml", ".npmrc", ".pnp.cjs"]),
        [...new Set([...(has(".yarn/") ? [".yarn"] : []), ...patches])],
        !isMonorepo,
      );
    case "pnpm":
      if (isMonorepo) return null;
      if (!known) return plan(install.manifests.includes("package.json") ? ["package.json", "pnpm-lock.yaml*"] : ["pnpm-lock.yaml"], [], false);
      return plan(
        present(install.manifests.includes("package.json") ? ["package.json", "pnpm-lock.yaml", ".npmrc", ".pnpmfile.cjs"] : ["pnpm-lock.yaml", ".npmrc"]),
        // `pnpm fetch` reads the lockfile alone and applies no patch.
        install.manifests.includes("package.json") ? patches : [],
      );
    case "bun":
      // bun.lock (text, Bun 1.2+) or bun.lockb (binary, older).
      if (isMonorepo) return null;
      if (!known) return plan(["package.json", "bun.lock*"], [], false);
      if (!has("package.json")) return null;
      return plan(present(["package.json", "bun.lock", "bun.lockb", "bunfig.toml", ".npmrc"]), patches);
    case "pip":
    case "uv":
      // `uv sync` reads pyproject.toml; `uv pip install -r` and pip read requirement files.
      if (install.ecosystem === "uv" && !isUvPipInstall(install)) {
        // `uv sync` installs the project too unless told not to.
        if (!hasOption(install, "--no-install-project", "--no-install-workspace")) return null;
        if (!known) return plan(["pyproject.toml", "uv.lock*"], [], false);
        return plan(present(["pyproject.toml", "uv.lock", ".python-version", "uv.toml"]));
      }
      // `poetry export | pip install -r /dev/stdin`: the exporter's project files, as they are.
      if (install.exportedBy !== undefined) return known ? plan(present(install.manifests)) : plan(install.manifests, [], false);
      return requirementFiles(install.manifests, context);
    case "pipenv":
      if (!known) return plan(["Pipfile", "Pipfile.lock*"]);
      // Without a Pipfile, `pipenv install` imports requirements.txt and writes a Pipfile from it
      // (pipenv's docs; held-out BU, django-ledger: "Pipfile and Pipfile.lock" named, judged wrong).
      if (!has("Pipfile") && has("requirements.txt")) return plan(["requirements.txt"]);
      return plan(present(["Pipfile", "Pipfile.lock"]));
    case "poetry":
      // Without `--no-root`, poetry installs the project itself, which needs its sources.
      if (!hasOption(install, "--no-root")) return null;
      if (!known) return plan(["pyproject.toml", "poetry.lock*"], [], false);
      return plan(present(["pyproject.toml", "poetry.lock", "poetry.toml"]));
    case "go":
      if (!known) return plan(["go.mod", "go.sum*"]);
      return has("go.mod") ? plan(present(["go.mod", "go.sum"])) : null;
    case "bundler":
      // A Gemfile with `gemspec` loads the gem's own sources.
      if (entries?.some((e) => e.endsWith(".gemspec"))) return null;
      if (!known) return plan(["Gemfile*"], [], false);
      return has("Gemfile") ? plan(present(["Gemfile", "Gemfile.lock"]), has(".bundle/") ? [".bundle"] : []) : null;
    case "composer":
      // Scripts (`artisan package:discover`) and the autoloader's class map read the sources.
      if (!hasOption(install, "--no-scripts") || !hasOption(install, "--no-autoloader")) return null;
      if (!known) return plan(["composer.json", "composer.lock*"]);
      return plan(present(["composer.json", "composer.lock", "auth.json"]));
    case "maven": {
      // A multi-module build reads every module's pom.xml, which the root entries do not show.
      const wrapper = /mvnw$/.test(install.command.program?.value ?? "");
      return plan(wrapper ? ["mvnw", "pom.xml"] : ["pom.xml"], wrapper ? [".mvn"] : [], false);
    }
    case "dotnet":
      return dotnetProjects(install, context, has);
    default:
      // cargo fetch needs the crate's targets (src/main.rs); Gradle reads build logic from many files.
      return null;
  }
}

function requirementFiles(written: string[], context: BuildContextFacts): ManifestPlan | null {
  // `-r ./requirements/production.txt` names the same file as `-r requirements/production.txt`
  // (held-out AR, indok-web: its include of base.txt went unnamed).
  const manifests = written.map((m) => m.replace(/^(?:\.\/)+/, ""));
  const entries = context.rootEntries;
  if (manifests.length === 0 || manifests.some((m) => /[$`]/.test(m))) return null;
  const isInContext = (file: string) => {
    if (!entries || file.startsWith("/")) return true;
    const top = file.includes("/") ? `${file.slice(0, file.indexOf("/"))}/` : file;
    return entries.includes(top);
  };
  if (!manifests.every(isInContext)) return null;
  // `-r requirements.txt` inside requirements-dev.txt: the included files are copied too, and a
  // plan with an include that cannot be named (a variable, a URL) or read is only a best guess.
  const includes = manifests.some((m) => m.startsWith("/")) ? null : requirementIncludes(manifests, context);
  if (includes === null) return { files: [...manifests], dirs: [], isCertain: true };
  const files = [...manifests, ...includes.files.filter(isInContext)];
  return { files, dirs: [], isCertain: !includes.hasUnknown && files.length === manifests.length + includes.files.length };
}

function dotnetProjects(install: DependencyInstall, context: BuildContextFacts, has: (name: string) => boolean): ManifestPlan | null {
  const entries = context.rootEntries;
  // MSBuild reads the root's props for a project below it too.
  const restore = entries === undefined ? { files: [], importsUnknown: true } : dotnetRestoreFiles(context, has);
  const target = install.command.args.slice(1).find((w) => !w.value.startsWith("-"));
  if (target)
    return /\.(?:cs|fs|vb)proj$/.test(target.value) && !/[$`*]/.test(target.value)
      ? { files: [target.value, ...restore.files], dirs: [], isCertain: !restore.importsUnknown }
      : null;
  if (!entries) return { files: ["*.csproj"], dirs: [], isCertain: false };
  // `dotnet restore` without a path needs exactly one project or solution at the root.
  const projects = entries.filter((e) => /\.(?:cs|fs|vb)proj$/.test(e));
  if (projects.length !== 1 || entries.some((e) => e.endsWith(".sln"))) return null;
  return { files: [...projects, ...restore.files], dirs: [], isCertain: !restore.importsUnknown };
}

/**
 * The files at the root a `dotnet restore` reads besides the projects, with the files their MSBuild
 * `<Import Project="...">` names (`build\version.props`: held-out BD's relabel, grpc-dotnet and
 * garnet, whose restore fails without them), and whether an import could not be named (a property
 * in its path, a props file the host did not read).
 */
export function dotnetRestoreFiles(context: BuildContextFacts, sent: (path: string) => boolean = () => true): { files: string[]; importsUnknown: boolean } {
  const root = (context.rootEntries ?? []).filter((e) => DOTNET_RESTORE_FILES.test(e) && sent(e));
  const files = [...root];
  let importsUnknown = false;
  for (const name of root.filter((e) => /\.(?:props|targets)$/i.test(e))) {
    const text = context.files?.[name];
    if (text === undefined) {
      importsUnknown = true;
      continue;
    }
    for (const [, written] of text.replace(/<!--[\s\S]*?-->/g, "").matchAll(/<Import\s[^>]*?Project\s*=\s*"([^"]+)"/gi)) {
      const path = written
        .replace(/^\$\(MSBuildThisFileDirectory\)/, "")
        .replace(/\\/g, "/")
        .replace(/^\.\//, "");
      // `$([MSBuild]::GetPathOfFileAbove(...))` looks above the context, an SDK's props live in the SDK: neither is copied.
      if (path.includes("$(")) {
        if (!/GetPathOfFileAbove|GetDirectoryNameOfFileAbove|\$\(MSBuild(?:Extensions|SDKs|Bin)Path\)/.test(written)) importsUnknown = true;
        continue;
      }
      if (!files.includes(path)) files.push(path);
    }
  }
  return { files, importsUnknown };
}

/**
 * Files at the root a `dotnet restore` reads besides the projects: NuGet's sources, MSBuild's
 * imports (central package versions, shared properties) and the SDK pin (held-out BD,
 * eShopOnWeb: its TargetFramework and every package version live in Directory.Packages.props).
 */
const DOTNET_RESTORE_FILES = /^(?:nuget\.config|directory\.packages\.props|directory\.build\.(?:props|targets)|global\.json)$/i;

/** The package.json fields that make an install download something. */
const NODE_DEPENDENCY_FIELDS = [
  "dependencies",
  "devDependencies",
  "optionalDependencies",
  "peerDependencies",
  "bundleDependencies",
  "bundledDependencies",
  "workspaces",
];

/**
 * True when the project's `package.json` at `path` (relative to the context root) was read and lists
 * no dependencies of any kind and no workspaces: an npm, Yarn, pnpm or Bun install there downloads
 * nothing (bors-ng's root manifest only holds the scripts that install in `assets/`).
 */
export function declaresNoNodeDependencies(context: BuildContextFacts, path: string): boolean {
  // Not read, or not JSON (a template, a truncated read): what it declares cannot be told.
  const fields = contextJsonFile(context.files, path);
  if (fields === null) return false;
  return NODE_DEPENDENCY_FIELDS.every((name) => {
    const value = fields[name];
    if (value === undefined || value === null) return true;
    if (Array.isArray(value)) return value.length === 0;
    return typeof value === "object" && Object.keys(value).length === 0;
  });
}
