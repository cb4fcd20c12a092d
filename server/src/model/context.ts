// Facts about the build context that only the host can read (files next to the Dockerfile).
// The engine never touches a file system: the LSP server, the CLI or a test supplies these.

import { lookupTable, NO_FILES } from "./lookup-table";
import { isPrivilegeDropTool } from "./privilege-drop-tools";

export interface BuildContextFacts {
  /**
   * Text of the `.dockerignore` that applies to this Dockerfile (`<Dockerfile>.dockerignore` first,
   * then `.dockerignore` at the context root); `null` when the host looked and found none;
   * `undefined` when unknown (untitled document, host cannot read files).
   */
  dockerignore?: string | null;
  /**
   * Entries at the root of the build context when known: file names as-is, directories with a
   * trailing `/` (e.g. `package-lock.json`, `.git/`, `node_modules/`).
   */
  rootEntries?: readonly string[];
  /**
   * Names of build contexts the project passes to this build (compose `additional_contexts`, bake
   * `contexts`), so `COPY --from=<name>` reaches them instead of a stage or an image.
   */
  namedContexts?: readonly string[];
  /**
   * Stage names the project builds with `--target` (compose `build.target`, bake `target`, and
   * `--target x` in scripts, Makefiles and CI workflows near the Dockerfile).
   */
  buildTargets?: readonly string[];
  /**
   * Build arguments the project's callers pass (compose `build.args`, bake `args`, `--build-arg` in
   * scripts, Makefiles and CI workflows near the Dockerfile), and how many compose services build
   * this Dockerfile; undefined when the host cannot read files.
   */
  buildArgs?: BuildArgFacts;
  /**
   * Contents of the project files the planner and rules read, by path relative to the context root
   * with `/` separators: manifests and shell scripts at the root and one folder down (`go.mod`,
   * `Cargo.toml`, `package.json`, `App/App.csproj`, `run.sh`...), each clamped to
   * {@link CONTEXT_FILE_MAX_CHARS}, and the small scripts and server configs the Dockerfile copies
   * (entry scripts, uwsgi/supervisord configs); in a Go module, up to {@link GO_SOURCE_MAX_COUNT}
   * `.go` sources. A file missing here was not found or not read;
   * `undefined` when the host cannot read files.
   */
  files?: Readonly<Record<string, string>>;
  /**
   * The Dockerfile's path relative to its repository root, with `/` separators
   * (`docker/dev/Dockerfile`); just the file name when no repository root was found.
   */
  dockerfilePath?: string;
  /**
   * Names of the Dockerfiles in this Dockerfile's own folder that are variants of it
   * (`python3.11-slim.dockerfile` or `python3.10.dockerfile` beside `python3.11.dockerfile`,
   * `Dockerfile.rootless` beside `Dockerfile`): the host lists the folder and keeps the names
   * `variantKind` (model/dockerfile-variants.ts) accepts: every slim and rootless variant, and the
   * first file of another version (`variantsInFolder` says why).
   */
  dockerfileVariants?: readonly string[];
  /**
   * Names of the other Dockerfiles in this Dockerfile's own folder (`Dockerfile.dev` and
   * `Dockerfile` beside `Dockerfile.base`), absent when there are none.
   */
  siblingDockerfiles?: readonly string[];
  /**
   * True when a compose service builds this Dockerfile (all of it: no `target:`) and bind-mounts the
   * project source into the container (`- ./:/app`): a development container, whatever the Dockerfile says.
   */
  composeSourceMount?: boolean;
  /**
   * True when the project builds this Dockerfile only from a git archive of its folder (`git
   * archive HEAD | docker build -`, host/git-archive-builds.ts) and no compose service or CI build
   * names it with a folder: the context holds the committed files alone, without .git.
   */
  contextFromGitArchive?: boolean;
  /**
   * The stages (`target:`) compose services build from this Dockerfile while they bind-mount the
   * project source: those stages are development containers, the file's other stages need not be.
   */
  composeSourceMountTargets?: readonly string[];
  /**
   * The compose services in reach (the Dockerfile's folder and those above it, up to the repository
   * root) that build this Dockerfile or run a pulled image (`image:`), which may be this one:
   * `composeServicesRunning` (model/compose-services.ts) tells which. Services that build another
   * Dockerfile are left out. Undefined when the host cannot read files.
   */
  composeServices?: readonly ComposeServiceFacts[];
  /**
   * True when a CI workflow of the repository (`.github/workflows/*.yml`, `.gitlab-ci.yml`) builds
   * this Dockerfile by its path (`-f Dockerfile.dev`, build-push-action's `file:`) and pushes the
   * image to a registry: whatever the file is named, it is what the project publishes.
   */
  publishedByCi?: boolean;
  /**
   * The stages CI builds from this Dockerfile with `--target` (build-push-action's `target:`) and
   * pushes: images the project publishes, whatever else (a compose service mounting the sources
   * over one for development) runs them too. Absent when there are none.
   */
  publishedTargets?: readonly string[];
  /**
   * True when a CI workflow of the repository builds this Dockerfile with kaniko
   * (`/kaniko/executor --dockerfile <path>`), which has no secret or cache mounts: remedies that
   * need BuildKit would break that build. Absent otherwise.
   */
  ciKanikoBuild?: boolean;
  /**
   * The target platforms the project's CI workflows and Makefiles build this Dockerfile for in one
   * build, as written (`linux/amd64`, `linux/arm64`): build-push-action's `platforms:` and `docker
   * buildx build --platform` naming two or more; or builds of one platform each where one of them
   * runs emulated (an arm64 build on an x64 hosted runner with QEMU). Absent when none does.
   */
  buildPlatforms?: readonly string[];
  /**
   * True when GitHub workflows of the repository build this Dockerfile (by its path, or as the
   * root's `Dockerfile`) and every such build runs on a hosted runner with no layer cache (no
   * `cache-from`/`cache-to`, or `--no-cache`): CI reuses no layer of it.
   */
  ciBuildsWithoutCache?: boolean;
  /**
   * True when a README of the Dockerfile's folder or a folder above it (up to the repository root)
   * documents a build of this Dockerfile (`docker build -t app -f Dockerfile .`): developers build
   * it on their machines, where the layers are reused.
   */
  documentedLocalBuild?: boolean;
  /**
   * True when a script of the Dockerfile's folder or a folder above it (up to the repository root)
   * builds this Dockerfile only to take files out of the image (`docker cp`, a copy into a mounted
   * folder, `--output type=local`) and pushes nothing: the image itself is thrown away.
   */
  outputCopiedOut?: boolean;
  /**
   * `${NAME}` placeholders a script or CI step of the project fills into this Dockerfile's text with
   * sed before building it (`sed -e "s/\${VERSION}/$VERSION/" ./Dockerfile > Dockerfile.tmp`): the
   * builder never sees them, so they are no build variables.
   */
  templatePlaceholders?: readonly string[];
  /**
   * Images the project builds from its other Dockerfiles, as its CI workflows say (a step that
   * builds `Dockerfile-base` and tags it `acme/app-base:<date>`), with each Dockerfile's text:
   * `FROM acme/app-base:...` then builds on what that file installs. Undefined when the host
   * cannot read files.
   */
  projectImages?: readonly ProjectImageFacts[];
  /**
   * Images the project builds and tags itself, by the compose and bake files in reach (the
   * Dockerfile's folder and those above it, up to the repository root): the `image:` of each
   * compose service that also has a `build:`, and bake targets' `tags`, as written, variables
   * included (`${USER}/${DIST-ubuntu}-app-base`, `acme/base:dev`). `isLocallyBuiltImage`
   * (images/local-images.ts) matches a FROM against them. Undefined when the host cannot read files.
   */
  locallyBuiltImages?: readonly string[];
  /**
   * The repositories the project's CI workflows tag when they build this Dockerfile
   * (`coderaiser/cloudcmd`, `ghcr.io/acme/shop`; `*\/shop` when the namespace is a CI expression;
   * `ghcr.io/acme/shop-*` when an expression ends the name under the checkout's GitHub owner), as
   * written without the tag, `${{ env.* }}` and `${{ github.repository }}` resolved: the names a
   * compose service's `image:` pulls it by. Undefined when the host cannot read files.
   */
  publishedImages?: readonly string[];
  /**
   * Each build of this Dockerfile in the project's CI workflows, as the repositories it tags (the
   * names of `publishedImages`); an empty list for a build whose tags cannot be read
   * (`${{ steps.meta.outputs.tags }}`). Undefined when the host cannot read files.
   */
  ciImageBuilds?: readonly (readonly string[])[];
  /**
   * Each build of this Dockerfile by a Makefile at or above its folder, as the repositories it tags
   * (an empty list for a build without `-t`). Undefined when the host cannot read files.
   */
  makeImageBuilds?: readonly (readonly string[])[];
  /**
   * The GitHub repository the checkout was cloned from, as `owner/name` lower-cased (its
   * `.git/config` origin); undefined when there is none or the host cannot read files.
   */
  githubRepository?: string;
  /**
   * A source file of the project (context path) that reads the checkout's git metadata when the
   * app runs (`.git/HEAD`, `git rev-parse`): set only where the context root holds .git, the
   * Dockerfile copies the whole context and no .dockerignore line names .git.
   */
  gitReadingSource?: string;
  /**
   * A JavaScript or TypeScript source of the project (context path) that imports with assertions
   * (`import data from "./x.json" assert { type: "json" }`), which Node.js 22 and later reject: set
   * only where a stage runs on an official node image older than 22.
   */
  importAssertionSource?: string;
  /**
   * ShellCheck's comments per RUN script text (`runScripts`), when the host ran a `shellcheck`
   * binary; undefined when ShellCheck is off or unavailable.
   */
  shellcheck?: ReadonlyMap<string, readonly ShellcheckComment[]>;
}

/** See {@link BuildContextFacts.projectImages}. */
export interface ProjectImageFacts {
  /** The Dockerfile, relative to the repository root (`Dockerfile-base`, `docker/base/Dockerfile`). */
  dockerfile: string;
  /**
   * The repositories its builds tag, as written without the tag (`jumpserver/core-base`,
   * `ghcr.io/acme/base`); `*\/base` when the namespace is a CI expression (`${{ vars.REPO }}/base`);
   * `ghcr.io/acme/base-*` when an expression ends the name under the checkout's GitHub owner.
   */
  images: readonly string[];
  /** The Dockerfile's text, clamped to {@link CONTEXT_FILE_MAX_CHARS}; null when it could not be read. */
  text: string | null;
}

/** See {@link BuildContextFacts.composeServices}. */
export interface ComposeServiceFacts {
  /** The compose file, relative to the Dockerfile's folder (`docker-compose.yml`, `../../compose.dev.yaml`). */
  file: string;
  /** True when the service's `build` names this Dockerfile. */
  builds: boolean;
  /** The service's `image`, as written (`ghcr.io/acme/app:latest`, `$REGISTRY/app`); null when none. */
  image: string | null;
  /** The service's `user` (`1000:1000`, `$UID:$GID`); null when none. */
  user: string | null;
  mounts: readonly ComposeMount[];
  /**
   * The service's `entrypoint` as words (`[bin/start]`, `bin/start` split on spaces); absent or
   * null when none.
   */
  entrypoint?: readonly string[] | null;
  /**
   * The service's `command` as words (`[bash, -c, "bundle install && rails s"]`, a string split on
   * spaces); absent or null when none.
   */
  command?: readonly string[] | null;
  /** The service's `working_dir` (`/app/clickhouse`), as written; absent or null when none. */
  workingDir?: string | null;
}

/** A volume or bind mount of a compose service. */
export interface ComposeMount {
  /** The path in the container. */
  target: string;
  /**
   * `volume`: a named or anonymous volume; `project`: a path the project holds (sources or
   * configuration mounted in); `host`: any other host path (`/var/run/docker.sock`, `./data`
   * created on first run).
   */
  source: "volume" | "project" | "host";
  readOnly: boolean;
}

/** See {@link BuildContextFacts.buildArgs}. */
export interface BuildArgFacts {
  /** Compose services in reach whose `build` is this Dockerfile. */
  composeBuilds: number;
  /** Every build-argument name a caller in reach passes, to any Dockerfile; `*` when one is passed through a variable. */
  passed: readonly string[];
  /**
   * The names among them that a build publishing its image passes (a build command with `--push`,
   * a build-push-action step with `push:` on): the variant they select is one users pull.
   */
  published?: readonly string[];
  /**
   * The literal values the compose services that build this Dockerfile pass, by name
   * (`JUPYTERHUB_VERSION: latest`); absent when they pass none.
   */
  composeValues?: Readonly<Record<string, readonly string[]>>;
}

/**
 * True when the project's callers pass every one of `names` (and each name is passed by name, not
 * through a variable): the build runs with their values, and the Dockerfile's defaults are only a
 * fallback. False when there are no names or the host read no files.
 */
export function callersPassAll(facts: BuildArgFacts | undefined, names: readonly string[]): boolean {
  if (facts === undefined || names.length === 0) return false;
  return names.every((n) => facts.passed.includes(n));
}

/** Longest text kept per context file: manifests and entry scripts are far smaller. */
export const CONTEXT_FILE_MAX_CHARS = 256 * 1024;
/** Most context files read per Dockerfile (root first, then one folder down, in name order). */
export const CONTEXT_FILE_MAX_COUNT = 64;
/**
 * Go sources read besides, when go.mod is at the context root (root first, then one folder down,
 * no tests or vendored code): the planner looks in them for absolute paths the program writes.
 */
export const GO_SOURCE_MAX_COUNT = 48;
export const GO_SOURCE_MAX_CHARS = 64 * 1024;

/** True for a Go source the planner reads (not a test): see {@link GO_SOURCE_MAX_COUNT}. */
export function isGoSourceOfInterest(name: string): boolean {
  return name.endsWith(".go") && !name.endsWith("_test.go");
}

const MANIFEST_NAMES = new Set([
  "go.mod",
  "Cargo.toml",
  "Cargo.lock",
  "Rocket.toml",
  "package.json",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "settings.gradle",
  "settings.gradle.kts",
  "pyproject.toml",
  "Pipfile",
  // pip pins whose libraries cap the Python a base-image remedy may name (Django 3: Python 3.10).
  "requirements.txt",
  // Language version pins a base-image remedy must respect (model/language-pins.ts).
  "Gemfile",
  ".ruby-version",
  ".python-version",
  // asdf's and mise's version file (`ruby 3.3.0`), read where no .ruby-version says it.
  ".tool-versions",
  // A Node version file that names a release line (`lts/*`): the project follows it on purpose.
  ".nvmrc",
  ".node-version",
  // A Rust toolchain file that follows the stable channel: rustup builds with the newest stable anyway.
  "rust-toolchain",
  "rust-toolchain.toml",
  "global.json",
  // Yarn 2+ settings: under Plug'n'Play the cache is the install, loaded at run time.
  ".yarnrc.yml",
  "Directory.Build.props",
  "Directory.Packages.props",
  // Framework requirements that cap the PHP release a base-image remedy may name (Laravel 8: PHP 8.1).
  "composer.json",
  // The PHP each locked package accepts: composer install refuses a PHP one of them excludes.
  "composer.lock",
  // The releases of compiled packages a Python lock holds have wheels up to some CPython minor only
  // (model/python-lock-pins.ts): a base-image remedy past it takes the lock along.
  "poetry.lock",
  "uv.lock",
  "Pipfile.lock",
  // Build files whose git queries (`git describe` for a version stamp) need the checkout's .git.
  // A Nix flake that reads its own revision (`self.rev`) too (model/git-metadata.ts).
  "flake.nix",
  "Makefile",
  "GNUmakefile",
  "makefile",
  "build.go",
  // Python builds that may version from the checkout (setuptools-scm's use_scm_version, versioneer, pbr).
  "setup.py",
  "setup.cfg",
  // Haskell package descriptions (hpack, Cabal): a githash or gitrev dependency stamps the commit from .git.
  "package.yaml",
  // sbt builds (build.sbt, project/plugins.sbt): sbt-dynver or sbt-git take the version from the git tag.
  "build.sbt",
  "plugins.sbt",
  // Hugo's site config: `enableGitInfo` reads the git history while the site is built.
  "hugo.toml",
  "hugo.yaml",
  "hugo.yml",
  "hugo.json",
]);

/**
 * The configs a JavaScript build runs as code (webpack, Vite, SvelteKit, Next.js, Nuxt, Astro,
 * Rollup, esbuild, Vue CLI, Gatsby): some name the prefix of variables inlined into the browser
 * bundle (SvelteKit `kit.env.publicPrefix`, Vite `envPrefix`: public by design), some stamp the
 * commit into the bundle (`execSync("git rev-parse HEAD")`, reading `.git/HEAD`), webpack's split
 * configs too (`webpack.prod.js` requiring `webpack.server.js`; held-out AT, hyperswitch). One name pattern,
 * so the host reads a handful per folder at most.
 */
const JS_BUILD_CONFIG =
  /^(?:(?:webpack|vite|svelte|next|nuxt|astro|rollup|esbuild|vue)\.config|webpack\.[\w-]+|gatsby-(?:config|node))\.(?:js|cjs|mjs|ts|cts|mts)$/;

/** True for a JavaScript build's config file name (`webpack.config.js`, `vite.config.ts`): see {@link JS_BUILD_CONFIG}. */
export function isJsBuildConfig(name: string): boolean {
  return JS_BUILD_CONFIG.test(name);
}

/**
 * Configs of servers that switch their workers to another user themselves (uwsgi `uid =`, gunicorn
 * `user =`, php-fpm pools, supervisord programs): a whole-context copy brings them in unnamed.
 */
const SERVER_CONFIG_NAMES = /^(?:uwsgi[^/]*\.ini|gunicorn[^/]*\.(?:conf\.py|py|conf)|(?:php-fpm|www|supervisord)[^/]*\.conf)$/;

/**
 * True for a file whose contents the planner and rules read: manifests of every ecosystem, .NET
 * project files, requirements lists, shell scripts (what CMD/ENTRYPOINT may run) and server
 * configs that drop root. The host asks this for each file name it lists, so the choice lives in
 * the engine.
 */
export function isContextFileOfInterest(name: string): boolean {
  return (
    MANIFEST_NAMES.has(name) ||
    isJsBuildConfig(name) ||
    /\.(?:csproj|fsproj|vbproj|cabal|sh)$/.test(name) ||
    /^requirements.*\.(?:txt|in)$/.test(name) ||
    // Entry scripts named without an extension (`docker-entrypoint`, `uid_entrypoint`, `entrypoint`).
    /^[\w.-]*entrypoint$/i.test(name) ||
    SERVER_CONFIG_NAMES.test(name) ||
    // A privilege-drop tool the context holds (phusion's and osixia's `setuser` in `tool/`): a whole-
    // context copy ships it, and the image's services drop root through it (model/privilege-drop.ts).
    isPrivilegeDropTool(name)
  );
}

export const UNKNOWN_CONTEXT: BuildContextFacts = Object.freeze({});

/** The context files the host read, by path; none when it read none (or cannot read files). */
export function contextFiles(context: BuildContextFacts): Readonly<Record<string, string>> {
  return context.files ?? NO_FILES;
}

/**
 * `context` with its files answering only their own paths: a caller's plain object would answer
 * `constructor` or `__proto__` (a file a command names) with Object.prototype's members. Applied
 * wherever a model gets its context (the parse, withContext); prototype-less files (the node
 * host's) are kept as they are.
 */
export function withOwnFilesOnly(context: BuildContextFacts): BuildContextFacts {
  const files = context.files;
  if (files === undefined || Object.getPrototypeOf(files) === null) return context;
  return { ...context, files: lookupTable(files) };
}

/** One ShellCheck comment on a RUN script, as the host's runner reports it (1-based lines and columns of the script). */
export interface ShellcheckComment {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: "error" | "warning" | "info" | "style";
  code: number;
  message: string;
}

/**
 * The entry of {@link BuildContextFacts.templatePlaceholders} for a file whose `:latest` tags a
 * script or CI step rewrites with sed before the build (`s/${IMAGE_NAME}:latest/${IMAGE_NAME}:${IMAGE_VERSION}/`).
 */
export const LATEST_TAG_PLACEHOLDER = ":latest";
