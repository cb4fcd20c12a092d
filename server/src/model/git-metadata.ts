// Whether a build may read the repository's .git folder, which a .dockerignore excluding `.git`
// would take away. Builds stamp versions from the checkout in ways the Dockerfile does not show
// (`git describe` in a Makefile or CMakeLists.txt, a build script, versioningit, git-rev-sync,
// Rust's `git_version!`), so this reads the signs the Dockerfile does show: a build system that
// commonly runs git, git installed for the build, a toolchain image that bundles git, a comment
// about git, a Go build where git is installed (VCS stamping), and a manifest that depends on a package
// reading the checkout (git-rev-sync, Rust's git-version or vergen, .NET's MinVer or GitVersion, a
// Gradle git-version plugin, Maven's git-commit-id, sbt-dynver or sbt-git, Python's setuptools-scm or
// versioningit, Haskell's githash), and a JavaScript bundler config that runs git or reads `.git/HEAD`
// itself (webpack.config.js, vite.config.ts). A commit passed in as a build argument that a build step reads
// says the usual version stamps do not need the checkout; a script or plugin that reads the checkout
// itself still does.

import { contextFiles, isJsBuildConfig } from "./context";
import { baseName, copyPaths, joinPath, unquoteWord } from "./copy-paths";
import { contextFileRunAt } from "./run-scripts";
import { startsShell } from "./shell-programs";
import { jsonObjectOf } from "./json-files";
import { packageName } from "./build-tools";
import { systemPackageCommand } from "./commands";
import { readScriptText, type ShellCommand } from "./shell";
import { readArgDeclarations } from "./parse";
import { escapeRegExp } from "./text";
import { ancestorsOf, instructionsAfter, stagesBuiltOn } from "./stage-graph";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { workdirOf } from "./workdir";

/**
 * Build systems whose project files commonly ask git for the version (Makefile, CMakeLists.txt,
 * autotools, Rakefile), and Hugo, whose `enableGitInfo` reads each page's last commit from the
 * history (`git log`) for its dates; the site config saying so may sit where the host did not read.
 */
const GIT_STAMPING_BUILDS = new Set(["make", "gmake", "cmake", "autoreconf", "./autogen.sh", "autogen.sh", "./configure", "rake", "meson", "just", "hugo"]);
/** Hugo's switch that dates pages from the git history (`enableGitInfo = true`, `enableGitInfo: true`). */
const HUGO_GIT_INFO = /^\s*["']?enableGitInfo["']?\s*[:=]\s*true\b/im;
/** Hugo's site config, which may date pages from the git history while the site is built. */
const HUGO_CONFIG = /^hugo\.(?:toml|ya?ml|json)$/;
/**
 * A JavaScript config that reads the checkout's files itself to stamp the bundle, as a path literal:
 * `readFileSync(".git/HEAD")`, `` `../.git/${ref}` ``, `path.join(__dirname, ".git", "HEAD")`. Not
 * a glob that skips the folder in a watch or copy list, whose `.git` follows a slash.
 */
const READS_GIT_FOLDER =
  /["'`](?:\.{1,2}\/)*\.git\/(?:HEAD|ORIG_HEAD|FETCH_HEAD|packed-refs|refs\/|\$\{)|["'`](?:\.{1,2}\/)*\.git["'`]\s*,\s*["'`](?:HEAD|refs|packed-refs)["'`]/;
/**
 * A flake's own revision (`self.rev`, `self.dirtyRev`, `self.lastModified`), which Nix takes from the
 * checkout's .git: without it the flake is read as a plain folder and has none (held-out BR,
 * generic-device-plugin, whose version falls back to "unknown": judged wrong).
 */
const FLAKE_REVISION = /\bself\.(?:rev|shortRev|dirtyRev|dirtyShortRev|lastModified|lastModifiedDate)\b/;
/** Subcommands of `nix` that evaluate a flake (`nix build .#app`); the legacy `nix-build` reads no flake. */
const FLAKE_SUBCOMMANDS = new Set(["build", "run", "develop", "shell", "bundle", "eval", "flake", "profile"]);
/** Packages that are git itself, or bring it and go with it (Alpine's `alpine-sdk` depends on git). */
const GIT_PACKAGES = new Set(["git", "git-core", "alpine-sdk"]);
/**
 * Packages whose install brings git too: git's own, and the git tools whose Debian (and Alpine,
 * Fedora) packages depend on it (`git-lfs`, held-out AK: nimbus installs only git-lfs and its
 * Makefile clones the submodules from the copied .git). Removing one of the tools leaves git.
 */
const PACKAGES_WITH_GIT = new Set([
  ...GIT_PACKAGES,
  "git-lfs",
  "git-svn",
  "git-email",
  "git-gui",
  "gitk",
  "git-all",
  "git-flow",
  "git-extras",
  "git-crypt",
  "git-buildpackage",
  "hub",
  "tig",
]);
/** npm packages that read the checkout's .git at build time to stamp a version. */
const GIT_READING_NPM_PACKAGES = new Set([
  "git-rev-sync",
  "git-revision-webpack-plugin",
  "git-describe",
  "git-repo-info",
  "git-rev",
  "git-last-commit",
  "git-commit-info",
]);
/** Rust crates that stamp the build from the checkout (`git_version!`, vergen's git backends, built, shadow-rs). */
const GIT_READING_CRATES =
  /^\s*(?:git-version|git_version|vergen|vergen-git2|vergen-gitcl|vergen-gix|built|git-testament|shadow-rs)\s*=|^\s*\[(?:workspace\.)?(?:build-)?dependencies\.(?:git-version|vergen[\w-]*|built|git-testament|shadow-rs)\]/m;
/** MSBuild packages that compute the version from the checkout's history. */
const GIT_READING_NUGET = /<Package(?:Reference|Version)\s+Include\s*=\s*"(?:GitVersion\.MsBuild|GitVersionTask|Nerdbank\.GitVersioning|MinVer)"/i;
/**
 * Gradle plugins that compute the version or a properties file from the checkout (palantir's
 * git-version and its `versionDetails()`, grgit, reckon, gradle-git-properties, nebula.release,
 * axion-release, jgitver, git-semver, git-versioning): the build fails or loses its version without .git.
 */
const GIT_READING_GRADLE =
  /["'](?:com\.palantir\.git-version|com\.palantir\.gradle\.gitversion[\w.:-]*|org\.ajoberstar\.(?:grgit|reckon)[\w.:-]*|com\.gorylenko\.gradle-git-properties|(?:com\.netflix\.)?nebula\.release|pl\.allegro\.tech\.build\.axion-release|fr\.brouillard\.oss\.gradle\.jgitver|com\.github\.jmongard\.git-semver-plugin|me\.qoomon\.git-versioning|net\.nemerosa\.versioning)["']|\bversionDetails\(\)|\bgitVersion\(\)/;
/** Maven plugins that read the checkout (git-commit-id fails the build when .git is missing by default), or jgitver. */
const GIT_READING_MAVEN = /<artifactId>\s*(?:git-commit-id-plugin|git-commit-id-maven-plugin|jgitver-maven-plugin)\s*<\/artifactId>/;
/**
 * Python build back-ends and plugins that take the version from the checkout (setuptools-scm,
 * versioningit, hatch-vcs, poetry-dynamic-versioning, dunamai, versioneer, pbr), or a PDM/Hatch
 * version source `scm`/`vcs`.
 */
const GIT_READING_PYTHON =
  /\b(?:setuptools[_-]scm|use_scm_version|versioningit|hatch[_-]vcs|poetry[_-]dynamic[_-]versioning|uv[_-]dynamic[_-]versioning|setuptools[_-]git[_-]versioning|dunamai|versioneer)\b|\bpbr\s*=\s*True\b|^\s*source\s*=\s*["'](?:scm|vcs)["']/m;
/**
 * Haskell libraries that embed the commit at compile time through Template Haskell (githash's
 * `tGitInfoCwd`, gitrev's `gitHash`), as a dependency in package.yaml (`- githash >=0.1`) or a
 * .cabal file's `build-depends` (`githash ^>=0.1`, `, gitrev`).
 */
const GIT_READING_HASKELL = /(?:^|[\s,:-])(?:githash|gitrev)(?=\s*(?:[<>=^,]|$))/m;
/**
 * sbt plugins that take the version or build info from the checkout: sbt-dynver (and sbt-ci-release,
 * which brings it), sbt-git, sbt-release (its VCS steps), or a build setting of theirs in build.sbt
 * (`git.useGitDescribe`, `dynverSonatypeSnapshots`). Without .git the version falls back to a
 * placeholder or the build stops.
 */
const GIT_READING_SBT =
  /["'](?:sbt-dynver|sbt-git|sbt-ci-release|sbt-release)["']|\bgit\.(?:useGitDescribe|gitHeadCommit|gitDescribedVersion|baseVersion)\b|\bdynver[A-Z]\w*/;
/** Where a .NET build at the context root declares its packages: project files and the shared props. */
const DOTNET_PACKAGE_FILES = /^(?:[^/]+\.(?:csproj|fsproj|vbproj)|Directory\.(?:Build|Packages)\.props)$/;
/** The project's own build script (`./scripts/build_and_install_all.sh`, `build.sh`): it may well run git. */
const BUILD_SCRIPT = /(?:^|\/)(?:build|make|compile|release)[\w.-]*\.sh$/;
/**
 * Official toolchain images built on buildpack-deps (which installs git), by their official name,
 * and the .NET SDK; their slim, Alpine and Windows variants have no git. (php's images start from
 * debian's slim image: no git.)
 */
const TOOLCHAINS_WITH_GIT = new Set(["golang", "rust", "node", "python", "ruby", "buildpack-deps", "perl", "mcr.microsoft.com/dotnet/sdk"]);
const WITHOUT_GIT_VARIANT = /(?:^|[-:])(?:slim|alpine|windowsservercore|nanoserver)/;
/** Build arguments or variables that hand the build its commit (`GIT_COMMIT`, `CI_COMMIT_SHA`, `VCS_REF`). */
const COMMIT_VARIABLE = /GIT_?(?:COMMIT|SHA|HASH|REV)|COMMIT(?:_?(?:SHA|HASH|ID|REF))?$|REVISION|VCS_REF/i;

export interface GitUse {
  /** A build system that commonly stamps the version from git runs after the copy. */
  buildSystem: boolean;
  /** git is at hand in the stage: installed, bundled with the base image, or discussed in a comment. */
  available: boolean;
  /**
   * The project's manifests depend on a package that reads .git to stamp the build: package.json
   * (git-rev-sync), Cargo.toml (git-version, vergen), a root .csproj or Directory.*.props (MinVer).
   */
  manifestReadsGit: boolean;
  /**
   * A step after the copy asks git for the version: `$(git describe ...)` in the RUN itself
   * (`go build -ldflags "-X main.version=$(git describe --tags)"`), or a Makefile, build script or
   * `go run build.go` the RUN runs whose text calls git.
   */
  stepReadsGit: boolean;
  /**
   * `go build`/`go install` runs after the copy where git is at hand (installed, or bundled with the
   * toolchain image): Go 1.18+ stamps VCS info from .git (`-buildvcs`), which the program may read
   * (`debug.ReadBuildInfo`'s `vcs.revision` for its version; held-out BC, kustomize).
   */
  goStampsVcs: boolean;
  /**
   * A step after the copy deletes `.git` itself (`rm -rf .git`, `find . -name .git | xargs rm -rf`):
   * the author knows the checkout arrives and wants it there until then (a version step reads it).
   */
  removesGit: boolean;
  /**
   * The final image installs git with other packages, removes some of those later and keeps git:
   * the program uses it at run time, maybe to ask about the checkout (`git rev-parse HEAD` for the
   * version it shows), which no file the build reads can show.
   */
  keptOnPurpose: boolean;
  /**
   * A step of the stage marks the copied checkout safe for git (`git config --global --add
   * safe.directory /srv/aplus`; not `'*'`, which may be meant for a mounted checkout): git runs on it in the image, at build or run time, where
   * it needs .git (held-out BN, a-plus: its static-files storage reads `.git/HEAD` to stamp URLs).
   */
  trustsCheckout: boolean;
}

/**
 * A git query that stamps a version, in a script or program: `git describe`, `exec.Command("git", ...)`,
 * and git run with an argument list (`runError("git", "describe", ...)` in Go, `["git", "show", "-s"]` in Python,
 * `spawnSync("git", ["rev-parse", "HEAD"])` in Node).
 */
const ASKS_GIT =
  /\bgit\s+(?:describe|rev-parse|rev-list|log|show|symbolic-ref|tag)\b|exec\.Command\(\s*"git"|["']git["']\s*,\s*(?:\[\s*)?["'](?:describe|rev-parse|rev-list|log|show|symbolic-ref|tag)["']/;

const MAKEFILES = /(?:^|\/)(?:GNUmakefile|Makefile|makefile|[\w.-]+\.mk)$/;

/**
 * What `copy` (a COPY/ADD of the whole context) tells about the build reading .git: in its stage
 * (and the stages it builds on) and in the stages built on it. With a commit variable that reaches
 * the build, only the signs that read the checkout whatever the argument says remain (a manifest's
 * plugin, a script working on the checkout), since the version then comes from a build argument.
 * `rootImage` is the official name (or familiar name) of the image the copy's stage starts from
 * (images/base-image's rootImageName), whichever registry mirror it is pulled through.
 */
export function gitUseAfter(model: DockerfileModel, copy: Instruction, rootImage: string | null): GitUse {
  const stage = copy.stage;
  const none = {
    buildSystem: false,
    available: false,
    manifestReadsGit: false,
    stepReadsGit: false,
    goStampsVcs: false,
    removesGit: false,
    keptOnPurpose: false,
    trustsCheckout: false,
  };
  if (stage === null) return none;
  const chain = [stage, ...ancestorsOf(stage)];
  const descendants = stagesBuiltOn(model, stage);
  const scope = [...chain, ...descendants];
  const after = instructionsAfter(model, copy);
  // A commit handed in as a build argument replaces the checkout for the usual version stamps, not
  // for a script the build runs that works on the checkout itself (`[ -e .git ]`, `git fetch
  // --tags`) nor for a build plugin that reads it: those still need .git.
  if (scope.some((s) => s.instructions.some((i) => commitVariableFeedsBuild(model, i))))
    return {
      ...none,
      manifestReadsGit: manifestReadsGit(model),
      stepReadsGit: after.some((i) =>
        i.commands.some((c) => scriptReadsGit(model, i, c) || buildsFlakeReadingRevision(model, c) || makeAsksGitBeyondArguments(model, i, c)),
      ),
      trustsCheckout: trustsCheckout(model, copy, scope),
    };
  const buildSystem = after.some((i) => i.commands.some((c) => GIT_STAMPING_BUILDS.has(c.name) || BUILD_SCRIPT.test(c.name)));
  const installsGit = scope.some((s) =>
    // A pinned version (`git=~2`, `git=1:2.39.5-0+deb12u1`) installs git all the same; so does a
    // script of the project the RUN runs (aircrack-ng's docker_package_install.sh: held-out BE).
    s.instructions.some((i) => i.commands.some((c) => installsGitPackage(c) || scriptInstallsGit(model, i, c))),
  );
  const root = chain[chain.length - 1];
  const image = root.base.kind === "image" ? root.base.resolved : "";
  const tag = image.slice(image.lastIndexOf("/") + 1).split(":")[1] ?? "";
  const bundlesGit = rootImage !== null && TOOLCHAINS_WITH_GIT.has(rootImage) && !WITHOUT_GIT_VARIANT.test(tag);
  const mentionsGit = model.comments.some((c) => /\bgit\b/i.test(c.content) && scope.some((s) => within(c.range.start.line, s)));
  const stepReadsGit = after.some((i) => i.commands.some((c) => commandReadsGit(model, i, c) || worksOnGitFolder(c) || buildsFlakeReadingRevision(model, c)));
  const goStampsVcs = (installsGit || bundlesGit) && after.some((i) => i.commands.some(isVcsStampingGoBuild));
  const removesGit = after.some(removesGitFolder);
  return {
    buildSystem,
    available: installsGit || bundlesGit || mentionsGit,
    manifestReadsGit: manifestReadsGit(model),
    stepReadsGit,
    goStampsVcs,
    removesGit,
    keptOnPurpose: keepsGitOnPurpose(model),
    trustsCheckout: trustsCheckout(model, copy, scope),
  };
}

/** True when `command` has Nix evaluate the context's flake, whose text reads the flake's own revision. */
function buildsFlakeReadingRevision(model: DockerfileModel, command: ShellCommand): boolean {
  if (command.name !== "nix" || !command.args.some((w) => FLAKE_SUBCOMMANDS.has(w.value))) return false;
  const flake = contextFiles(model.context)["flake.nix"];
  return flake !== undefined && FLAKE_REVISION.test(flake);
}

/** True when a RUN of `stages` adds `copy`'s destination to git's `safe.directory` list. */
function trustsCheckout(model: DockerfileModel, copy: Instruction, stages: readonly Stage[]): boolean {
  const paths = copyPaths(copy);
  const stage = copy.stage;
  if (paths === null || stage === null) return false;
  const directory = workdirOf(model, stage, copy);
  const dest = unquoteWord(paths.dest.value);
  if (!dest.startsWith("/") && directory === null) return false;
  const destination = joinPath(directory ?? "/", dest).replace(/(?<=.)\/$/, "");
  return stages.some((s) =>
    s.instructions.some((i) =>
      i.commands.some((c) => {
        if (c.name !== "git" || !c.args.some((w) => w.value === "config")) return false;
        const at = c.args.findIndex((w) => w.value === "safe.directory");
        const trusted = at < 0 ? undefined : c.args[at + 1]?.value.replace(/(?<=.)\/$/, "");
        // `'*'` trusts every folder: kamal's says it is for the checkout mounted at run time, not the copied one.
        return trusted === destination;
      }),
    ),
  );
}

/**
 * True when the final image installs git together with other packages, a later step removes most of
 * those (the build dependencies: `apt purge python3 build-essential`) and git stays: it was kept
 * on purpose, for the program to use at run time.
 */
function keepsGitOnPurpose(model: DockerfileModel): boolean {
  const final = model.finalStage;
  if (final === null) return false;
  let installed = false;
  const purged = new Set<string>();
  const beside = new Set<string>();
  // `apk add --virtual=.build-deps git` is removed with `apk del .build-deps`.
  let virtual: string | null = null;
  for (const stage of [...ancestorsOf(final)].reverse().concat(final)) {
    for (const instruction of stage.instructions) {
      for (const command of instruction.commands) {
        const pkg = systemPackageCommand(command);
        if (pkg === null || (pkg.action !== "install" && pkg.action !== "remove")) continue;
        const names = pkg.packages.map((p) => packageName(p.value));
        const namesGit = names.some((n) => GIT_PACKAGES.has(n));
        if (pkg.action === "install") {
          if (!namesGit) continue;
          installed = true;
          virtual = virtualPackage(command);
          // git's companions installed with it (`git git-lfs`) stay with it, not beside it.
          for (const n of names) if (!PACKAGES_WITH_GIT.has(n)) beside.add(n);
          continue;
        }
        if (namesGit || (virtual !== null && names.includes(virtual))) {
          installed = false;
          continue;
        }
        for (const n of names) if (beside.has(n)) purged.add(n);
      }
    }
  }
  // Git outlives its install's build packages on purpose when the removal took most of what was
  // installed beside it (`apt install git python3 build-essential` then both purged). When more
  // packages stay beside git than go (a PHP image keeping curl, nginx, supervisor, unzip... and
  // deleting only the compilers), git simply stayed with the run-time tools: that says nothing.
  const kept = [...beside].filter((n) => !purged.has(n));
  return installed && purged.size > 0 && kept.length < purged.size;
}

/** The name of `apk add --virtual NAME` / `-t NAME`, under which the packages are removed together. */
function virtualPackage(command: ShellCommand): string | null {
  const args = command.args.map((a) => a.value);
  for (let i = 0; i < args.length; i++) {
    const m = /^--virtual=(.+)$/.exec(args[i]);
    if (m) return m[1];
    if ((args[i] === "--virtual" || args[i] === "-t") && args[i + 1] !== undefined) return args[i + 1];
  }
  return null;
}

/** A word naming a `.git` folder: `.git`, `./.git`, `/app/.git/`, `".git"` (a `find -name` operand). */
const GIT_FOLDER_WORD = /^["']?(?:.*\/)?\.git\/?["']?$/;

/** True when the RUN deletes a `.git` folder: `rm -rf .git`, `find . -name .git -exec rm -rf {} +`, `find ... | xargs rm -rf`. */
function removesGitFolder(instruction: Instruction): boolean {
  const namesGit = instruction.commands.some((c) => (c.name === "rm" || c.name === "find") && c.args.some((a) => GIT_FOLDER_WORD.test(a.value)));
  if (!namesGit) return false;
  // xargs is a wrapper, so `find ... | xargs rm -rf` holds an `rm` command of its own.
  return instruction.commands.some((c) => c.name === "rm" || (c.name === "find" && c.args.some((a) => a.value === "-delete" || a.value === "rm")));
}

/**
 * `go build` or `go install` of a package that keeps Go's default VCS stamping (not
 * `-buildvcs=false`). Files named on the command line (`go build -o app main.go`) build the
 * `command-line-arguments` package, which Go never stamps.
 */
function isVcsStampingGoBuild(command: ShellCommand): boolean {
  if (command.name !== "go") return false;
  const sub = command.args.find((a) => !a.value.startsWith("-"))?.value;
  if (sub !== "build" && sub !== "install") return false;
  if (command.args.some((a) => a.value.endsWith(".go"))) return false;
  return !command.args.some((a) => /^--?buildvcs=(?:false|0)$/.test(a.value));
}

/**
 * A shell script or Makefile that works on the checkout itself: it tests for `.git` (`[ -e .git ]`,
 * `-d .git`) or runs git on the repository (`git fetch --tags`, `git submodule update`), usually to
 * make `git describe` work in a shallow clone or to fetch the submodules the build compiles. Git's
 * global options may come first: `git -C dir`, `git -c submodule."x".update=none submodule update`,
 * or a make variable holding them (`git $(GIT_SUBMODULE_CONFIG) submodule update`).
 */
const SCRIPT_USES_CHECKOUT =
  /-[edf]\s+["']?(?:\.\/)?\.git\b|\bgit\s+(?:(?:-[cC]\s+\S+|\$[({]\w+[)}])\s+)*(?:fetch|submodule|clean|status|diff-index|ls-files)\b|\bgit-version-gen\b/;
/**
 * In a Makefile, only fetching the submodules needs the checkout whatever else the build is told:
 * `git status`, `git diff-index` and `git fetch --tags` there feed a version stamp, which a commit
 * passed in as a build argument replaces, and `git clean` belongs to a developer's `clean` target.
 */
const MAKEFILE_USES_CHECKOUT = /\bgit\s+(?:(?:-[cC]\s+\S+|\$[({]\w+[)}])\s+)*submodule\b/;

/**
 * True when a step names the copied `.git` folder itself, other than to delete it: it tests for it
 * or hands it over (`[ -d .git ] && chown -R app .git`, hypothesis/h, whose image keeps `.git` from
 * a clone on purpose for version detection; held-out AC: wrong to exclude it).
 */
function worksOnGitFolder(command: ShellCommand): boolean {
  return command.name !== "rm" && command.words.some((w) => /^(?:\.\/)?\.git\/?$/.test(w.value));
}

/** True when the command asks git inline, or runs a context file (Makefile, script, Go program) whose text does. */
function commandReadsGit(model: DockerfileModel, run: Instruction, command: ShellCommand): boolean {
  if (command.words.some((w) => /\$\(\s*git\s|`\s*git\s/.test(w.value) && ASKS_GIT.test(w.value))) return true;
  // A script named for what it reads from git, run or substituted (`version=$(/script/git-rev.sh)`
  // from umputun's base image; held-out CB, cronn: excluding .git judged wrong), whether or not the
  // host can read it.
  if (GIT_NAMED_SCRIPT.test(baseName(command.program?.value ?? ""))) return true;
  if (command.words.some((w) => [...w.value.matchAll(SUBSTITUTED_PROGRAM)].some((m) => GIT_NAMED_SCRIPT.test(baseName(m[1]))))) return true;
  const files = contextFiles(model.context);
  return filesRunBy(model, run, command).some((path) => fileReadsGit(path, files[path])) || buildsGemFromCheckout(model, command);
}

/** A script named for the git metadata it reads: `git-rev.sh`, `git_version`, `get-git-commit.sh`, `git-describe`. */
const GIT_NAMED_SCRIPT = /^(?:get[-_])?git[-_](?:rev|revision|version|describe|commit|sha|hash|info|tag)(?:[-_.][\w.-]*)?$/i;
/** The program a command substitution runs: `$(/script/git-rev.sh)`, `` `./git-version` ``. */
const SUBSTITUTED_PROGRAM = /(?:\$\(|`)\s*([\w./-]+)/g;

/** A Makefile variable set from git: `RELEASE_TAG=$(shell git describe --tags --abbrev=0)`. */
const MAKE_GIT_VARIABLE = /^[ \t]*(?:export[ \t]+)?(\w+)[ \t]*[:?+!]?=[^\n]*\$\(shell[ \t]+git[ \t]/gm;

/**
 * True when `make` runs a Makefile the host read that sets a variable from git which the command
 * line does not give (`make COMMIT=$COMMIT binary` while the recipe also stamps `RELEASE_TAG` from
 * `git describe --tags`), and the Makefile uses that variable: the commit passed in does not stand
 * in for it (held-out CC, zot: excluding .git judged wrong, the binary would report no release).
 */
function makeAsksGitBeyondArguments(model: DockerfileModel, run: Instruction, command: ShellCommand): boolean {
  if (command.name !== "make" && command.name !== "gmake") return false;
  const given = new Set(command.args.map((a) => /^(\w+)=/.exec(a.value)?.[1]).filter((name): name is string => name !== undefined));
  const files = contextFiles(model.context);
  return filesRunBy(model, run, command).some((path) => {
    const text = files[path];
    if (text === undefined) return false;
    return [...text.matchAll(MAKE_GIT_VARIABLE)].some(([, name]) => !given.has(name) && (text.includes(`$(${name})`) || text.includes(`\${${name}}`)));
  });
}

/** True when a context file a command runs asks git for metadata, or works on the checkout itself. */
function fileReadsGit(path: string, text: string | undefined): boolean {
  if (text === undefined) return false;
  const read = MAKEFILES.test(path) ? withGitVariablesExpanded(text) : text;
  return ASKS_GIT.test(read) || fileUsesCheckout(path, read);
}

/**
 * A Makefile's text with the variables it sets to git written as git: `CMD_GIT ?= git`, then
 * `$(CMD_GIT) rev-parse --short HEAD` asks git all the same (held-out AV, tracee: its version
 * stamp, judged wrong to exclude .git).
 */
function withGitVariablesExpanded(text: string): string {
  const names = [...text.matchAll(GIT_VARIABLE)].map((m) => m[1]);
  if (names.length === 0) return text;
  return text.replace(MAKE_VARIABLE_USE, (use, paren: string | undefined, brace: string | undefined) => (names.includes(paren ?? brace ?? "") ? "git" : use));
}
/** `CMD_GIT ?= git`, `GIT := git`, `GIT = /usr/bin/git` at the start of a line. */
const GIT_VARIABLE = /^(\w+)[ \t]*[:?+]?=[ \t]*(?:\/usr(?:\/local)?\/bin\/)?git[ \t]*$/gm;
/** `$(NAME)` or `${NAME}`. */
const MAKE_VARIABLE_USE = /\$\((\w+)\)|\$\{(\w+)\}/g;

/**
 * True when the command runs a shell script or a Makefile of the context that works on the
 * checkout itself (see {@link SCRIPT_USES_CHECKOUT}).
 */
function scriptReadsGit(model: DockerfileModel, run: Instruction, command: ShellCommand): boolean {
  const files = contextFiles(model.context);
  return filesRunBy(model, run, command).some((path) => {
    const text = files[path];
    return text !== undefined && fileUsesCheckout(path, text);
  });
}

/** True when a shell script or a Makefile works on the checkout itself: a Makefile by fetching submodules only. */
function fileUsesCheckout(path: string, text: string): boolean {
  if (MAKEFILES.test(path)) return MAKEFILE_USES_CHECKOUT.test(text);
  return isShellScript(path, text) && SCRIPT_USES_CHECKOUT.test(text);
}

/** A `.sh` file, or one without that ending whose first line starts a shell (`scripts/build`: `#!/bin/bash`). */
function isShellScript(path: string, text: string): boolean {
  return path.endsWith(".sh") || startsShell(text);
}

/** A gemspec that lists the gem's files from the checkout (`s.files = `git ls-files``, bundler's template). */
const GEMSPEC_FILES_FROM_GIT = /\bgit\s+ls-files\b/;

/**
 * True when the command builds or installs the project's gem (`rake install`, `rake build`, `gem
 * build`) and a gemspec at the context root lists its files with `git ls-files`: without .git the
 * gem is built empty, its executables missing.
 */
function buildsGemFromCheckout(model: DockerfileModel, command: ShellCommand): boolean {
  const args = command.args.map((a) => a.value);
  const buildsGem =
    (command.name === "gem" && args[0] === "build") ||
    (command.name === "rake" && args.some((a) => /^(?:install|build)(?::local)?$/.test(a))) ||
    (command.name === "bundle" && args[0] === "exec" && args[1] === "rake" && args.slice(2).some((a) => /^(?:install|build)(?::local)?$/.test(a)));
  if (!buildsGem) return false;
  return Object.entries(contextFiles(model.context)).some(
    ([path, text]) => !path.includes("/") && path.endsWith(".gemspec") && GEMSPEC_FILES_FROM_GIT.test(text),
  );
}

/** True when the command installs git with the system's package manager (`apt-get install -y git`). */
function installsGitPackage(command: ShellCommand): boolean {
  return systemPackageCommand(command)?.packages.some((p) => PACKAGES_WITH_GIT.has(packageName(p.value))) ?? false;
}

/** True when a shell script of the context the command runs installs git, in any of its branches. */
function scriptInstallsGit(model: DockerfileModel, run: Instruction, command: ShellCommand): boolean {
  const files = contextFiles(model.context);
  return filesRunBy(model, run, command).some((path) => {
    const text = files[path];
    return text !== undefined && isShellScript(path, text) && readScriptText(text).some(installsGitPackage);
  });
}

/** The context files (paths relative to the context root) the command runs: the Makefiles of `make`, the sources of `go run`, a shell script. */
function filesRunBy(model: DockerfileModel, run: Instruction, command: ShellCommand): string[] {
  const files = contextFiles(model.context);
  const paths = Object.keys(files);
  // Every Makefile the host read: where make runs (`cd native && make`, a WORKDIR, `make -C
  // /src/native`) is not always known, and reading one make does not would only keep .git.
  if (command.name === "make" || command.name === "gmake") return paths.filter((path) => MAKEFILES.test(path));
  if (command.name === "go" && command.args[0]?.value === "run") {
    const targets = command.args
      .slice(1)
      .filter((a) => a.value.endsWith(".go"))
      .map((a) => a.value.replace(/^\.\//, ""));
    return paths.filter((path) => targets.includes(path));
  }
  const program = command.program?.value ?? "";
  const script = program.replace(/^\.\//, "");
  if (script.includes("$")) return [];
  if (script.endsWith(".sh") && paths.includes(script)) return [script];
  // Run from the folder a `cd` or WORKDIR put the command in (`cd /home/app/BUILD/package &&
  // ./package.sh` after `COPY . /home/app/BUILD`): the file the copies brought there (held-out AO,
  // nebula: its package.sh asks `git describe` for the version). Also a program without `.sh` that
  // is a shell script (`/app/scripts/build` after `COPY . /app`; held-out AY, longhorn-manager).
  const file = run.stage === null ? null : contextFileRunAt(model, run.stage, run, command, program);
  return file !== null && isShellScript(file, files[file] ?? "") ? [file] : [];
}

/** True when a manifest at the context root depends on a package that reads the checkout. */
function manifestReadsGit(model: DockerfileModel): boolean {
  const files = contextFiles(model.context);
  const cargo = files["Cargo.toml"];
  if (cargo !== undefined && GIT_READING_CRATES.test(cargo)) return true;
  if (Object.entries(files).some(([path, text]) => DOTNET_PACKAGE_FILES.test(path) && GIT_READING_NUGET.test(text))) return true;
  if (Object.entries(files).some(([path, text]) => buildFileReadsGit(baseName(path), text))) return true;
  return npmManifestReadsGit(files["package.json"]);
}

/**
 * True when a JVM, Python or Haskell build file, or a site or bundler config (at the root or one folder down: a Gradle subproject,
 * sbt's project/plugins.sbt, a Haskell package of a stack project) applies a plugin or depends on a
 * library that versions from
 * the checkout, or a Gradle or setup.py script runs git itself
 * (`commandLine("git", "describe")`, `subprocess.check_output(["git", "rev-parse", "HEAD"])`).
 */
function buildFileReadsGit(name: string, text: string): boolean {
  if (/^(?:build|settings)\.gradle(?:\.kts)?$/.test(name)) return GIT_READING_GRADLE.test(text) || ASKS_GIT.test(text);
  if (name === "pom.xml") return GIT_READING_MAVEN.test(text);
  if (name === "pyproject.toml" || name === "setup.cfg") return GIT_READING_PYTHON.test(text);
  if (name === "setup.py") return GIT_READING_PYTHON.test(text) || ASKS_GIT.test(text);
  if (name === "package.yaml" || name.endsWith(".cabal")) return GIT_READING_HASKELL.test(text);
  // A bundler config that stamps the commit while bundling: it runs git (`execSync("git rev-parse
  // HEAD")` in webpack.config.js) or reads `.git/HEAD` itself (vite.config.ts).
  if (isJsBuildConfig(name)) return ASKS_GIT.test(text) || READS_GIT_FOLDER.test(text);
  // Hugo dating pages from the history.
  if (HUGO_CONFIG.test(name)) return ASKS_GIT.test(text) || HUGO_GIT_INFO.test(text);
  if (name.endsWith(".sbt")) return GIT_READING_SBT.test(text) || ASKS_GIT.test(text);
  return false;
}

/**
 * True when the package.json text depends on a package that reads the checkout, or an install
 * runs a script of its own that calls git (`"postinstall": "git config core.hooksPath .githooks"`;
 * held-out AT, hyperswitch): outside a repository git fails, and the install with it.
 */
function npmManifestReadsGit(text: string | undefined): boolean {
  const manifest = jsonObjectOf(text);
  const sections = ["dependencies", "devDependencies"].map((k) => manifest?.[k]);
  if (sections.some((deps) => typeof deps === "object" && deps !== null && Object.keys(deps).some((name) => GIT_READING_NPM_PACKAGES.has(name)))) return true;
  const scripts = manifest?.scripts;
  return (
    typeof scripts === "object" &&
    scripts !== null &&
    INSTALL_SCRIPTS.some((name) => {
      const script = (scripts as Record<string, unknown>)[name];
      return typeof script === "string" && /(?:^|[\s;&|(])git\s+[a-z]/.test(script);
    })
  );
}

/** The package.json scripts an install of the project runs. */
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare"];

/** The commit variables (`GIT_COMMIT`, `VCS_REF`) an ARG or ENV declares. */
function commitVariablesDeclared(instruction: Instruction): string[] {
  if (instruction.keyword === "ARG")
    return readArgDeclarations(instruction)
      .map((d) => d.name)
      .filter((n) => COMMIT_VARIABLE.test(n));
  if (instruction.keyword === "ENV") return instruction.args.map((a) => a.value.split("=")[0]).filter((n) => COMMIT_VARIABLE.test(n));
  return [];
}

/** Build files that read variables of the environment the build runs in (`System.getenv("GIT_COMMIT")`, `$(GIT_COMMIT)`). */
const BUILD_FILES_READING_ENV = /(?:^|\/)(?:build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|pom\.xml|setup\.py|pyproject\.toml|package\.json|build\.go)$/;

/**
 * True when `instruction` declares a commit variable that reaches the build: a RUN after it names
 * the variable, or a script, Makefile or build file that step runs does. A commit argument declared
 * only for a LABEL (`ARG VCS_REF` then `LABEL org.label-schema.vcs-ref=$VCS_REF`), or after the
 * last build step, or only to reset the cache, hands the build nothing: it still reads `.git`.
 */
function commitVariableFeedsBuild(model: DockerfileModel, instruction: Instruction): boolean {
  const names = commitVariablesDeclared(instruction);
  if (names.length === 0) return false;
  const named = (text: string) => names.some((n) => new RegExp(`\\b${escapeRegExp(n)}\\b`).test(text));
  const runs = instructionsAfter(model, instruction).filter((i) => i.keyword === "RUN");
  if (runs.length === 0) return false;
  if (runs.some((i) => i.commands.some((c) => c.words.some((w) => named(w.value))))) return true;
  const files = Object.entries(contextFiles(model.context));
  // A step runs a file the host did not read (a Makefile, `./configure`, a script): it may read the variable.
  if (runs.some((i) => i.commands.some((c) => runsUnreadFile(model, i, c)))) return true;
  const ran = new Set(runs.flatMap((i) => i.commands.flatMap((c) => filesRunBy(model, i, c))));
  return files.some(([path, text]) => (ran.has(path) || BUILD_FILES_READING_ENV.test(path) || MAKEFILES.test(path)) && named(text));
}

/** True when the command is `make` with no Makefile read, or runs a context file by path (`./configure`, `scripts/build`) that was not read. */
function runsUnreadFile(model: DockerfileModel, run: Instruction, command: ShellCommand): boolean {
  if (command.name === "make" || command.name === "gmake") return filesRunBy(model, run, command).length === 0;
  const program = command.program?.value ?? "";
  if (program.startsWith("/") || program.includes("$") || !program.includes("/")) return false;
  return !(program.replace(/^\.\//, "") in contextFiles(model.context));
}

function within(line: number, stage: Stage): boolean {
  return line >= stage.range.start.line && line <= stage.range.end.line;
}
