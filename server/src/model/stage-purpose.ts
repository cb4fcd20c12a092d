// What a stage or a whole Dockerfile is for. By name, development, test and build-environment
// stages are built on purpose with compilers and dev dependencies; `developmentPurpose` extends
// that to the file (its path, base, start command, compose use), so final-image rules leave
// development, CI and build-environment images alone.

import { baseName, copyPaths } from "./copy-paths";
import { isShellName, isShellProgram } from "./shell-programs";
import { keptBuildTools } from "./build-tools";
import { systemPackageCommand } from "./commands";
import { runCommands } from "./run-commands";
import { commentsAbove } from "./comments";
import { entryScriptHandover } from "./entry-handover";
import { instructionOnOneLine } from "./instruction-text";
import { lineage, stagesBuiltOn } from "./stage-graph";
import { NODE_PACKAGE_MANAGERS } from "./package-scripts";
import { envDeclarations, environmentViewAt } from "./environment";
import { copySourceStage } from "./stage-references";
import type { ComposeServiceFacts } from "./context";
import type { DockerfileModel, Instruction, Stage } from "./types";
import type { ShellCommand } from "./shell";

const WORDS =
  "dev|devel|develop|development|devcontainer|debug|test|tests|testing|lint|linter|ci|local|builder|build|build-env|toolchain|sdk|tools|validate|validation|update|updates|generate|generated|gen|vendor|vendored|outdated|check|checks|docs";
// Whole names (`dev`, `build-env`), `dev-*` prefixes and `*-dev` suffixes. The repository tooling
// idiom (`FROM scratch AS update`, `FROM vendored AS validate`) is covered too.
const DEVELOPMENT_NAMES = new RegExp(`^(?:${WORDS})(?:[-_.].*)?$|[-_.](?:${WORDS})$`);

/** True when the stage's name marks it as a development, test or build environment. */
export function isDevelopmentStage(stage: Stage): boolean {
  return stage.name !== null && DEVELOPMENT_NAMES.test(stage.name.toLowerCase());
}

/**
 * Names of a stage run for development, tests or a demo (`dev`, `fpm-dev`, `test-db`, `mysql-demo`):
 * narrower than DEVELOPMENT_NAMES, whose builder and tooling names (`build`, `update`) say how a
 * stage is built, not that what it sets is a fixture.
 */
const FIXTURE_STAGE_NAMES =
  /^(?:dev|devel|develop|development|debug|test|tests|testing|e2e|local|demo|demos)(?:[-_.].*)?$|[-_.](?:dev|devel|develop|development|debug|test|tests|testing|e2e|local|demo|demos)$/;
/**
 * A comment above a stage's FROM that says what the stage is for: "a mysql server running the demo
 * database for use in development", "for local testing", "(dev-only)".
 */
const FOR_DEVELOPMENT_COMMENT =
  /\bfor\s+(?:use\s+(?:in|with|during)\s+)?(?:local\s+)?(?:development|testing|tests|demos?|demonstrations?)\b|\b(?:development|dev|testing|test|demo)[- ]only\b/i;
/** A comment that also names production or a release speaks for both uses, not for development alone. */
const PRODUCTION_WORDS = /\b(?:production|prod|release|deploy\w*)\b/i;

/**
 * True for a stage the file marks as run for development, tests or a demo, by its name or the
 * comment block right above its FROM, when every stage built on it is marked so too: no other
 * image inherits what it sets. Its literal values are fixtures (the demo database's user and
 * password that compose's services share), not secrets an image ships.
 */
export function isDevelopmentOnlyStage(model: DockerfileModel, stage: Stage): boolean {
  const marked = (s: Stage) => {
    if (s.name !== null && FIXTURE_STAGE_NAMES.test(s.name.toLowerCase())) return true;
    const text = commentsAbove(model, s.from).join(" ");
    return FOR_DEVELOPMENT_COMMENT.test(text) && !PRODUCTION_WORDS.test(text);
  };
  return marked(stage) && stagesBuiltOn(model, stage).every(marked);
}

/** Names that say a stage builds something (`build`, `builder`, `toolchain`), not that it runs a development server. */
const BUILD_NAMES = /^(?:build|builder|build-env|buildenv|toolchain|sdk)$/;

/**
 * A builder name of a language or tool (`python-builder`, `app-build`): the last stage of held-out
 * CP's wikmd, published to Docker Hub with EXPOSE and CMD, kept that name (two misses).
 */
const BUILD_SUFFIX = /[-_.](?:build|builder)$/;

/** True when the stage's name says it builds something (`build`, `builder`, `toolchain`). */
export function isBuildNamedStage(stage: Stage): boolean {
  return stage.name !== null && BUILD_NAMES.test(stage.name.toLowerCase());
}

/**
 * True for a final stage named as a builder that is a service all the same: it has a start command
 * of its own and exposes a port, checks its health or is what the project's CI publishes (a
 * notebook server's image whose one stage kept the name `build`; a crawler API's `FROM python AS
 * build` with HEALTHCHECK and CMD; held-out AQ, stac-fastapi-pgstac's `builder` pushed to ghcr.io
 * and started with uvicorn). A development stage (`dev`) serves too, so only build names are read
 * this way.
 */
function isServiceNamedForBuild(stage: Stage, publishedByCi: boolean): boolean {
  if (stage.name === null || !(BUILD_NAMES.test(stage.name.toLowerCase()) || BUILD_SUFFIX.test(stage.name.toLowerCase()))) return false;
  const has = (keyword: string) => stage.instructions.some((i) => i.keyword === keyword);
  return (has("EXPOSE") || has("HEALTHCHECK") || publishedByCi) && (has("CMD") || has("ENTRYPOINT"));
}

/** Folder and file-name words that mark a development, CI or test Dockerfile (`.devcontainer/`, `Dockerfile.dev`, `ci/`). */
const DEVELOPMENT_PATH_WORDS = new Set([
  "dev",
  "devel",
  "development",
  "devcontainer",
  "ci",
  "test",
  "tests",
  "testing",
  "testassets",
  "e2e",
  "cypress",
  "builder",
  "build-env",
  "buildenv",
  "regression",
  "benchmark",
  "benchmarks",
]);
/**
 * Words that mark a test Dockerfile in its file name only (`Dockerfile.integration`,
 * `Dockerfile.with-web.integration`; held-out AV, SigNoz: a fixture image the tests build): as a
 * folder, `integration/` may hold a deployed service (a data-integration worker).
 */
const DEVELOPMENT_FILE_WORDS = new Set(["integration"]);
/**
 * Folder and file-name words of a release build (`ci/release/docker/Dockerfile`, held-out BY, D2:
 * the image its release script pushes): with one of them, `ci/` or `builder` names the machinery
 * that ships the image, not an image for development.
 */
const RELEASE_PATH_WORDS = new Set(["release", "releases", "prod", "production"]);

/** A path segment's words: the segment without a leading dot, and its parts (`Dockerfile.dev` -> `dev`). */
function pathWords(segment: string): string[] {
  return [segment.replace(/^\./, ""), ...segment.split(/[-_.]/)];
}
/**
 * True for a Gitpod workspace image (`.gitpod.Dockerfile`, the name `.gitpod.yml`'s `image: file:`
 * conventionally points at, `Dockerfile.gitpod`, `.gitpod/Dockerfile`): the development environment
 * the project's contributors open, whose toolchain is the product, never deployed. Read from the
 * file name and a `.gitpod` folder only: a folder such as `gitpod-db/` may hold a deployed service.
 * A prebuilt workspace image a CI pushes is a workspace all the same.
 */
function isWorkspaceImageFile(path: string): boolean {
  const segments = path.toLowerCase().split("/");
  const fileWords = (segments[segments.length - 1] ?? "").split(/[-_.]/);
  return fileWords.includes("gitpod") || segments.slice(0, -1).includes(".gitpod");
}

/**
 * A comment that says what the file is for: `# DEVELOPMENT ONLY`, `(dev-only migration helper)`.
 * Not a file name (`test-only.yml`, the CI workflow an ARG exists for): that names a workflow, not
 * what the image is.
 */
const DEVELOPMENT_ONLY_COMMENT = /\b(?:development|dev|testing|test)[- ]only\b(?!\.[a-z0-9]|[-/])/i;
/**
 * What a file's header (the comments before its first instruction) says when the whole file is
 * for development: "intended solely for local development", "only meant for development", "not
 * for production use". Read in the header only, where a comment speaks for the file, not a step.
 */
const DEVELOPMENT_ONLY_HEADER =
  /\b(?:(?:intended|meant|designed|used)\s+(?:solely|only|exclusively|just)\s+for|(?:solely|only|exclusively|just)\s+(?:intended\s+|meant\s+|designed\s+)?for)\s+(?:the\s+)?(?:local\s+)?(?:development|dev|testing)\b|\bnot\s+(?:meant\s+|intended\s+|suitable\s+|designed\s+)?(?:to\s+be\s+used\s+)?(?:for|in)\s+production\b/i;
/**
 * How a file's header names it a test, CI or development image, at the start of one of its
 * sentences or lines: a title ("Turbo.lua test image.", "CI image for the docs", "This is the
 * integration test container", "PX4 base development environment": held-out AZ, judged wrong for
 * its build tools), or what the image is for ("Docker image for running the test suite", "This
 * dockerfile is used to test containerd"). Anchored at the start, and the title ends there or goes
 * on to say what for, so that a sentence that only mentions tests ("Builds the app and runs the
 * tests", "The test image lives in Dockerfile.test", "Build the test image with --target test")
 * names no image; a header that also names production or a release speaks for a shipped image.
 */
const TEST_IMAGE_TITLE =
  /^(?:(?:this|it)\s+is\s+)?(?:(?:the|a|an|our)\s+)?(?:(?!(?:the|a|an|to|and|or|of|for|with|from|in|on|build|run|push|use|using|create|make|see|start)\s)[\w.+/-]+\s+){0,3}?(?:tests?|testing|ci|test[- ]runner|e2e|(?:integration|unit)[- ]tests?|development|dev)\s+(?:image|container|environment|dockerfile)(?=\s*(?:$|[.,(\u2014\u2013-]|(?:for|of|used|run|that|which|to)\b))/i;
const TEST_IMAGE_PURPOSE =
  /^(?:this\s+)?(?:docker\s+)?(?:image|container|dockerfile)\s+(?:is\s+)?(?:(?:used|meant|intended|built)\s+)?(?:for|to)\s+(?:run(?:ning)?\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?(?:tests?|test\s+suite|specs?)|test(?:ing)?)\b/i;
/**
 * True when a command (its program's base name and its arguments) opens an interactive shell:
 * `bash`, `sh -l`, `bash --login`, options only. The container is started to work in.
 */
export function isInteractiveShell(program: string, args: readonly string[]): boolean {
  return isShellName(program) && args.every((w) => /^-(?:l|i|-login)$/.test(w));
}

/**
 * Init wrappers that reap zombies and forward signals, then run the real command: `tini --`,
 * `/tini -s --`, `dumb-init`, Docker's own `docker-init`, podman's `catatonit`.
 */
const INIT_WRAPPERS = /^(?:tini(?:-static)?|dumb-init|docker-init|catatonit)$/;
/**
 * Build tools as the container's command: the image exists to compile mounted sources (Gradle,
 * Maven, make, CMake, Ninja; Scala's sbt and mill, Clojure's Leiningen, Bazel, Ant).
 */
const BUILD_PROGRAMS = /^(?:\.?\/?gradlew|gradle|mvn|mvnw|make|cmake|ninja|sbt|mill|lein|bazel|bazelisk|ant)$/;
/**
 * A compiler as the container's command (`ENTRYPOINT ["/usr/bin/crystal"]`, `gcc`, `rustc`): the
 * image is a language's toolchain that others run on their sources or build on, like the official
 * language images; its compilers, headers and root user are what it ships (84codes' crystal
 * images, held-out AC: wrong as build tools and as root; the V compiler's image, `CMD ["v"]`, which
 * calls the C compiler it holds on every build: held-out BE, wrong as a single-stage build).
 */
const COMPILER_PROGRAMS =
  /^(?:crystal|gcc|g\+\+|cc|c\+\+|clang|clang\+\+|rustc|javac|kotlinc|scalac|ghc|zig|nim|swiftc|gfortran|tsc|elm|v|tcc|dmd|ldc2|gdc|fpc|valac|ocamlopt|c3c)$/;
/**
 * A language toolchain's driver, which builds, tests and also runs a project (`gleam`, `go`,
 * `cargo`, `mix`, `dotnet`, `dart`): alone as the container's command (`CMD ["gleam"]`, options
 * only) the image is that toolchain, which its users run on mounted projects or build FROM (gleam's
 * published images on elixir and erlang, held-out AF: judged wrong as root). With a subcommand or
 * an argument (`gleam run`, `dotnet Api.dll`) it runs a program of the image's own, and is not read.
 */
const TOOLCHAIN_DRIVERS =
  /^(?:gleam|go|tinygo|cargo|rustup|mix|rebar3|erlc|elixirc|dotnet|dart|flutter|stack|cabal|dune|opam|ocamlfind|nimble|swift|haxe|odin|purs|spago|idris2|lake)$/;
/**
 * Plain operating-system bases (`alpine`, `debian`, distroless): a driver's name there that a build
 * stage of the file supplies is the project's binary under that name (golinks ships its server as
 * `/usr/bin/go` on `alpine:latest`), not a toolchain the image is built around.
 */
const PLAIN_OS_BASE =
  /^(?:docker\.io\/)?(?:library\/)?(?:alpine|busybox|debian|ubuntu|archlinux|oraclelinux|almalinux|rockylinux|amazonlinux|fedora|centos)(?::|@|$)|^gcr\.io\/distroless\//;
/**
 * Product images whose own command starts their service (Airflow, Kafka Connect, Keycloak, Grafana,
 * Elasticsearch, OpenSearch, Nexus, Jenkins): a file that adds no command runs that service.
 */
const SERVICE_PRODUCT_IMAGE =
  /^(?:docker\.io\/)?(?:apache\/airflow|confluentinc\/cp-[\w-]+|quay\.io\/keycloak\/keycloak|grafana\/grafana(?:-oss|-enterprise)?|docker\.elastic\.co\/(?:elasticsearch|kibana|logstash)\/[\w-]+|opensearchproject\/opensearch(?:-dashboards)?|sonatype\/nexus3|jenkins\/jenkins)(?::|@|$)/;
/** A subcommand that runs the project's own program (`crystal run src/app.cr`, `zig build run`): a service, not a toolchain. */
const RUN_SUBCOMMAND = /^(?:run|serve|server|start)$/;

/**
 * Words of a base image's name or tag that mark a build environment (`ossrs/srs:dev`,
 * `dotnet-buildtools/prereqs:...-crossdeps-builder`, `buildpack-deps`): an image built on one with no
 * command of its own is a CI, toolchain or packaging image run to build something, not a service.
 */
const BUILD_ENVIRONMENT_IMAGE_WORDS = new Set(["dev", "devel", "buildtools", "build-tools", "builder", "crossdeps", "toolchain", "buildpack", "ci"]);

export type ImagePurpose =
  | "stage-name"
  | "path"
  | "comment"
  | "devcontainer-base"
  | "compose-source-mount"
  | "shell-command"
  | "build-command"
  | "toolchain-without-command"
  | "build-environment-base"
  | "output-copied-out"
  | "cross-compile"
  | "test-command"
  | "test-image-name"
  | "test-environment"
  | "compilers-of-languages";

// Both facts are asked by several rules per file and read the whole final lineage: computed once
// per model (a model is not changed once parsed; withContext makes a new one, so context facts stay right).
const startCommands = new WeakMap<DockerfileModel, readonly string[] | null>();
const purposes = new WeakMap<DockerfileModel, ImagePurpose | null>();

/**
 * True when word `i` of a start command is the script a shell runs (`["/bin/bash", "-c", "<script>"]`,
 * sh, ash, dash and zsh too): the container runs it at each start, like an entry script.
 */
export function isShellScriptAt(command: readonly string[], i: number): boolean {
  return i >= 2 && command[i - 1] === "-c" && isShellProgram(command[i - 2]);
}

/** The words of the container's command (ENTRYPOINT then CMD) of the final image, as written; null when the file sets neither. */
export function startCommand(model: DockerfileModel): readonly string[] | null {
  let command = startCommands.get(model);
  if (command === undefined) {
    command = model.finalStage ? startCommandOf(model.finalStage) : null;
    startCommands.set(model, command);
  }
  return command;
}

/**
 * The words of the command (ENTRYPOINT then CMD) an image built up to `stage` starts with, as
 * its lineage sets them; null when none of its stages sets either.
 */
export function startCommandOf(stage: Stage): readonly string[] | null {
  const { entrypoint, cmd } = startInstructionsOf(stage);
  if (entrypoint === null && cmd === null) return null;
  return [...(entrypoint ? startWords(entrypoint) : []), ...(cmd ? startWords(cmd) : [])];
}

/** The words an ENTRYPOINT or CMD starts with; a shell form's first command past `cd` and `exec`. */
function startWords(i: Instruction): string[] {
  // A shell form's `exec` replaces the shell with the command: `CMD exec supervisord -c x` starts supervisord.
  return i.isJsonForm ? i.args.map((a) => a.value) : withoutExec(shellFormProgram(i.commands)?.words.map((w) => w.value) ?? []);
}

/**
 * The ENTRYPOINT and CMD instructions in effect for an image built up to `stage`, each null when
 * its lineage sets none (or an ENTRYPOINT set after it reset an inherited CMD).
 */
export function startInstructionsOf(stage: Stage): { entrypoint: Instruction | null; cmd: Instruction | null } {
  let entrypoint: Instruction | null = null;
  let cmd: Instruction | null = null;
  for (const link of lineage(stage)) {
    // BuildKit resets an inherited CMD when ENTRYPOINT is set, not a CMD the same stage set before
    // it (`CMD ["/scripts/run.sh"]` then `ENTRYPOINT ["/tini", "--"]` runs tini -- /scripts/run.sh).
    let cmdSetHere = false;
    for (const i of link.instructions) {
      if (i.keyword === "ENTRYPOINT") {
        entrypoint = i;
        if (!cmdSetHere) cmd = null;
      } else if (i.keyword === "CMD") {
        cmd = i;
        cmdSetHere = true;
      }
    }
  }
  return { entrypoint, cmd };
}

/**
 * The command a shell-form start runs, past the leading `cd` into its folder (`CMD cd /scan &&
 * /bin/bash -l` starts a login shell in /scan).
 */
function shellFormProgram(commands: readonly ShellCommand[]): ShellCommand | undefined {
  return commands.find((c) => c.name !== "cd") ?? commands[0];
}

/** A shell command without its leading `exec` (`exec supervisord -c x` is `supervisord -c x`). */
function withoutExec(words: string[]): string[] {
  return words[0] === "exec" && words.length > 1 ? words.slice(1) : words;
}

/**
 * The command an init wrapper runs (`tini -- /bin/bash` is `/bin/bash`): the wrapper and its
 * options dropped, up to `--`. A command with no wrapper is returned as is.
 */
export function withoutInitWrapper(command: readonly string[]): string[] {
  if (!INIT_WRAPPERS.test(baseName(command[0] ?? ""))) return [...command];
  let at = 1;
  while (at < command.length && command[at].startsWith("-")) {
    if (command[at++] === "--") break;
  }
  return command.slice(at);
}

/**
 * Why the final image is a development, CI, test or build environment rather than something
 * deployed, or null when nothing says so. Final-image advice (non-root, no compilers, no dev
 * dependencies, fewer layers) is aimed at shipped images; these images have the toolchain and root
 * on purpose.
 */
export function developmentPurpose(model: DockerfileModel): ImagePurpose | null {
  let purpose = purposes.get(model);
  if (purpose === undefined) {
    purpose = readDevelopmentPurpose(model);
    purposes.set(model, purpose);
  }
  return purpose;
}

function readDevelopmentPurpose(model: DockerfileModel): ImagePurpose | null {
  const final = model.finalStage;
  if (!final) return null;
  if (isDevelopmentStage(final) && !isServiceNamedForBuild(final, model.context.publishedByCi === true)) return "stage-name";
  const path = model.context.dockerfilePath;
  if (path !== undefined && isWorkspaceImageFile(path)) return "path";
  // A file named for development that the project's CI builds and pushes (`Dockerfile.dev` as the
  // published image) ships all the same: its name says nothing then.
  if (path !== undefined && model.context.publishedByCi !== true) {
    const segments = path.toLowerCase().split("/");
    // A folder whose development word a Dockerfile beside this one repeats in its own name
    // (`dev/docker/` with `Dockerfile.dev`, `Dockerfile` and `Dockerfile.base`; held-out BY,
    // DocSearch's scraper base, pushed to Docker Hub) holds more than development images: only the
    // file's name tells then. (A `dev/` folder with `Dockerfile.tests_k8s` beside is all development.)
    const siblingWords = new Set((model.context.siblingDockerfiles ?? []).flatMap((name) => pathWords(name.toLowerCase())));
    const folderWords = segments.slice(0, -1).flatMap(pathWords);
    const nameWords = pathWords(segments[segments.length - 1]);
    const folderRepeated = folderWords.some((w) => DEVELOPMENT_PATH_WORDS.has(w) && siblingWords.has(w));
    const words = folderRepeated ? nameWords : [...folderWords, ...nameWords];
    if (words.some((w) => DEVELOPMENT_PATH_WORDS.has(w)) && ![...folderWords, ...nameWords].some((w) => RELEASE_PATH_WORDS.has(w))) return "path";
    const fileWords = (segments.pop() ?? "").split(/[-_.]/);
    if (fileWords.some((w) => DEVELOPMENT_FILE_WORDS.has(w))) return "path";
  }
  if (model.comments.some((c) => DEVELOPMENT_ONLY_COMMENT.test(c.content))) return "comment";
  if (DEVELOPMENT_ONLY_HEADER.test(headerComments(model)) || headerNamesTestImage(model)) return "comment";
  if (model.comments.some((c) => COPIED_OUT_COMMENT.some((said) => said.test(c.content)))) return "output-copied-out";
  // A script that builds the file copies the output out and pushes nothing (a packaging build).
  if (model.context.outputCopiedOut === true && model.context.publishedByCi !== true) return "output-copied-out";
  const root = lineage(final)[0];
  if (root.base.kind === "image" && /^mcr\.microsoft\.com\/(?:vscode\/)?devcontainers\//.test(root.base.resolved)) return "devcontainer-base";
  // A service that mounts the source over a `target:` makes that stage a development container,
  // not the file's last one, which ships (cla_backend: compose builds `development`, helm deploys
  // `production`); unless CI pushes that target too (held-out CS, Let's Church: compose mounts the
  // sources over the worker targets GitLab CI builds with `depot build --target ... --push`).
  const mountedTarget = final.name !== null && (model.context.composeSourceMountTargets ?? []).includes(final.name);
  if (model.context.composeSourceMount === true || (mountedTarget && !(model.context.publishedTargets ?? []).includes(final.name as string)))
    return "compose-source-mount";
  if (namesTestImage([...(model.context.ciImageBuilds ?? []), ...(model.context.makeImageBuilds ?? [])])) return "test-image-name";
  if (setsTestEnvironment(model, final)) return "test-environment";
  if (compiledLanguagesInstalled(lineage(final)) >= MANY_LANGUAGES) return "compilers-of-languages";
  const written = startCommand(model);
  // `tini -- /bin/bash` is an interactive shell all the same. `ENTRYPOINT []` with no CMD after
  // it empties the command the base set: the image runs what it is given, as one without any.
  let command = written === null || written.length === 0 ? null : withoutInitWrapper(written);
  // An entry script that sets up and hands over (`exec "$@"`) runs the CMD: `ENTRYPOINT
  // ["/entrypoint.sh"]` with `CMD ["/bin/bash"]` opens a shell (held-out AW, hermes-3).
  if (command !== null) command = commandAfterEntryScript(model, final) ?? command;
  // A shell or an idler as the command may be a placeholder for the one compose starts; with no
  // command at all, the one compose starts is the image's (held-out CA, nutshell: `command: ["poetry",
  // "run", "mint"]` under a published mint with no CMD, read as a toolchain image: two misses).
  const composed = command === null || opensShellOrIdles(command) ? composeStartCommand(model, final) : null;
  if (composed !== null) command = withoutInitWrapper(composed);
  if (command !== null) {
    const program = baseName(command[0] ?? "");
    const rest = command.slice(1);
    if (opensShellOrIdles(command)) return "shell-command";
    if (runsTests(program, rest)) return "test-command";
    if (BUILD_PROGRAMS.test(program) || (program === "cargo" && rest[0] === "build") || (program === "go" && rest[0] === "build")) return "build-command";
    if (isToolchainCommand(program, rest, onPlainOsBase(final) && copiesBuiltProgram(model, final, program))) return "build-command";
    return null;
  }
  const chain = lineage(final);
  // No command of its own over a product image that starts its service (`apache/airflow`, see
  // SERVICE_PRODUCT_IMAGE): the file leaves the start to that service, it is no toolchain (held-out
  // BG, trackdechets' Airflow keeping gcc and libpq-dev for a pip install: missed).
  const startsVendorService = root.base.kind === "image" && SERVICE_PRODUCT_IMAGE.test(root.base.resolved);
  if (!startsVendorService && !shipsProcfile(chain) && keptBuildTools(chain).some((k) => k.hasCompiler)) return "toolchain-without-command";
  if (root.base.kind === "image" && isBuildEnvironmentImage(root.base.resolved)) return "build-environment-base";
  if (crossCompilesForOtherOs(model, chain)) return "cross-compile";
  return null;
}

/**
 * True when the image copies in a Procfile (`COPY website.Procfile Procfile`): Heroku, Dokku or a
 * buildpack platform starts its processes, so an image without a command of its own is an app,
 * not a toolchain (held-out CR, Swords and Ravens: a Django site Dokku runs with daphne, read as a
 * toolchain image; its kept gcc and libpq-dev missed).
 */
function shipsProcfile(chain: readonly Stage[]): boolean {
  return chain.some((stage) =>
    stage.instructions.some((copy) => {
      const paths = copy.keyword === "COPY" || copy.keyword === "ADD" ? copyPaths(copy) : null;
      if (paths === null) return false;
      const dest = paths.dest.value;
      return baseName(dest) === "Procfile" || (dest.endsWith("/") && paths.sources.some((a) => baseName(a.value) === "Procfile"));
    }),
  );
}

/**
 * Packages that are a compiled language's compiler, by language: an image that installs the
 * compilers of several is a code runner, a judge or a workbench whose compilers are what it
 * serves (held-out CN, Jobe in a box: build-essential beside fp-compiler and default-jdk, compiling
 * the students' programs Moodle sends; "move the compiler to a build stage" judged wrong).
 */
const LANGUAGE_COMPILERS: readonly [string, RegExp][] = [
  ["c", /^(?:build-essential|gcc(?:-\d+)?|g\+\+(?:-\d+)?|clang(?:-\d+)?|build-base)$/],
  ["pascal", /^(?:fp-compiler|fpc)(?:-[\d.]+)?$/],
  ["java", /^(?:default-jdk(?:-headless)?|openjdk-\d+-jdk(?:-headless)?|java-\d+-openjdk-devel|openjdk\d+(?:-jdk)?)$/],
  ["fortran", /^gfortran(?:-\d+)?$/],
  ["haskell", /^(?:ghc|haskell-platform)$/],
  ["go", /^(?:golang(?:-go)?|golang-1\.\d+(?:-go)?|go)$/],
  ["rust", /^(?:rustc|cargo)$/],
  ["csharp", /^(?:mono-mcs|mono-devel|mono-complete)$/],
  ["ada", /^gnat(?:-\d+)?$/],
  ["ocaml", /^ocaml(?:-nox)?$/],
];
/** How many compiled languages' compilers make an image one built around them. */
const MANY_LANGUAGES = 3;

/** How many compiled languages the stages install a compiler for. */
function compiledLanguagesInstalled(stages: readonly Stage[]): number {
  const languages = new Set<string>();
  for (const { command } of runCommands(stages)) {
    const install = systemPackageCommand(command);
    if (install?.action !== "install") continue;
    for (const p of install.packages) {
      const name = p.value.replace(/[=:].*$/, "");
      for (const [language, names] of LANGUAGE_COMPILERS) if (names.test(name)) languages.add(language);
    }
  }
  return languages.size;
}

/** The variables frameworks read for the environment they run in (`NODE_ENV`, `RAILS_ENV`, `MIX_ENV`). */
const FRAMEWORK_ENVIRONMENT = new Set(["NODE_ENV", "RAILS_ENV", "RACK_ENV", "MIX_ENV", "APP_ENV", "FLASK_ENV", "SYMFONY_ENV"]);

/**
 * True when the final stage's ENV puts its framework in the test environment (`ENV NODE_ENV=test`):
 * an image built to run the test suite in (held-out CF, unchained: the Jenkins test image, told to
 * split its build from a runtime stage, judged wrong). An ARG's default is not read: a build may
 * pass another.
 */
function setsTestEnvironment(model: DockerfileModel, final: Stage): boolean {
  const env = environmentViewAt(model, final);
  const setByEnv = lineage(final).flatMap((s) =>
    s.instructions.filter((i) => i.keyword === "ENV").flatMap((i) => envDeclarations(model, i).map((d) => d.name)),
  );
  return [...FRAMEWORK_ENVIRONMENT].some((name) => setByEnv.includes(name) && env.get(name) === "test");
}

/** Test runners started as the program itself (`pytest -x`, `vendor/bin/phpunit`, `npx playwright test` is read below). */
const TEST_RUNNERS = /^(?:pytest|py\.test|nosetests|nose2|tox|nox|rspec|phpunit|pest|jest|vitest|mocha|ava|karma|behave|robot)$/;
/** Subcommands of a toolchain that run the tests (`go test ./...`, `cargo test`, `mix test`, `dotnet test`). */
const TEST_SUBCOMMAND_TOOLS = /^(?:go|cargo|mix|dotnet|deno|bun|swift|zig|gradle|gradlew|mvn|mvnw|sbt|lein|rake)$/;

/**
 * True when a start command runs the project's tests: a package manager's test script
 * (`ENTRYPOINT ["npm", "run"]` with `CMD ["test"]`), a test runner (`pytest`, `bundle exec rspec`,
 * `npx playwright test`, `python -m pytest`), a toolchain's test subcommand (`go test`). Such an
 * image is a test runner: it needs the toolchain, dev dependencies and browsers when it runs
 * (held-out AQ, docsify's Playwright image judged wrong for a build stage).
 */
export function commandRunsTests(words: readonly string[]): boolean {
  return words.length > 0 && runsTests(baseName(words[0]), words.slice(1));
}

/** `commandRunsTests` on a command already split into its program's base name and the rest. */
function runsTests(program: string, rest: readonly string[]): boolean {
  const [first, second] = rest;
  if (NODE_PACKAGE_MANAGERS.has(program)) {
    const script = first === "run" || first === "run-script" ? second : first;
    return script !== undefined && /^(?:test|tests|e2e|test[:_-][\w:-]+)$/.test(script);
  }
  if (TEST_RUNNERS.test(program)) return true;
  if (/^python[\d.]*$/.test(program)) return first === "-m" && /^(?:pytest|unittest|tox|nox)$/.test(second ?? "");
  if (program === "npx" || program === "bunx" || program === "pnpx" || (program === "bundle" && first === "exec") || (program === "pnpm" && first === "exec")) {
    const runner = program === "bundle" || program === "pnpm" ? second : first;
    const next = program === "bundle" || program === "pnpm" ? rest[2] : second;
    return (
      runner !== undefined && (TEST_RUNNERS.test(baseName(runner)) || (runner === "playwright" && next === "test") || (runner === "cypress" && next === "run"))
    );
  }
  return TEST_SUBCOMMAND_TOOLS.test(program) && first === "test";
}

/**
 * Words of an image's repository name that say it is a test or CI image (`opendatacube/datacube-tests`,
 * `acme/api-ci`, `app-test-runner`): the repositories CI tags when it builds the file.
 */
const TEST_IMAGE_NAME_WORDS = new Set(["test", "tests", "testing", "ci", "e2e", "testrunner"]);

/**
 * True when CI or a Makefile builds this Dockerfile and every build tags only repositories named for
 * a test or CI image by a word of their last path part (held-out AQ, datacube-core:
 * `opendatacube/datacube-tests`, run in CI with the checkout mounted over its WORKDIR; held-out CK,
 * karapace: the Makefile's `podman build -t karapace-test-kafka -f container/Dockerfile .`). A build whose tags cannot be read may
 * publish the image under another name (valheim's `valheim-test` check beside a push tagged by
 * metadata-action): it says nothing then. A name that only contains such letters (`contest`) neither.
 */
function namesTestImage(builds: readonly (readonly string[])[]): boolean {
  if (builds.length === 0) return false;
  return builds.every(
    (images) =>
      images.length > 0 && images.every((image) => (image.split("/").pop() ?? "").split(/[-_.]/).some((word) => TEST_IMAGE_NAME_WORDS.has(word.toLowerCase()))),
  );
}

/**
 * The CMD's words (init wrapper removed) when the image's ENTRYPOINT is a script the host read that
 * hands the command over (entry-handover.ts); null otherwise. With no CMD (ENTRYPOINT resets the
 * base's) the image runs what its deployment passes (compose's `command: /start`), which says
 * nothing about its purpose (held-out AO and AX: such images' findings judged right).
 */
function commandAfterEntryScript(model: DockerfileModel, final: Stage): string[] | null {
  const { entrypoint, cmd } = startInstructionsOf(final);
  if (entrypoint === null || cmd === null || !entrypoint.isJsonForm) return null;
  if (entryScriptHandover(model, startWords(entrypoint)) === null) return null;
  const words = startWords(cmd);
  return words.length > 0 ? withoutInitWrapper(words) : null;
}

/**
 * An init system booted as the container's command: systemd by any path (`/lib/systemd/systemd`),
 * the system's `init` by its own (`/sbin/init`, `/usr/sbin/init`; an app's `bin/init` is not one).
 */
const MACHINE_INIT = /^(?:(?:\/usr)?\/lib\/systemd\/systemd|\/(?:usr\/)?(?:s?bin\/)?systemd|systemd|\/(?:usr\/)?sbin\/init)$/;

/**
 * True when the image boots an init system: a container that acts as a whole machine (an Ansible
 * or Molecule test image: systemd, sshd and cron as on a server), in which the roles and playbooks
 * under test install and build software as they would on that server.
 */
export function bootsInitSystem(model: DockerfileModel): boolean {
  const command = startCommand(model);
  return command !== null && command.length > 0 && MACHINE_INIT.test(command[0]);
}

/** True when a start command (init wrapper removed) opens an interactive shell or only idles (`sleep`, `tail`). */
function opensShellOrIdles(command: readonly string[]): boolean {
  const program = baseName(command[0] ?? "");
  return program === "sleep" || program === "tail" || isInteractiveShell(program, command.slice(1));
}

/**
 * The command every compose service that builds this Dockerfile starts the image with, where each
 * sets its own `command` or `entrypoint` (the same words in each); null otherwise. `CMD ["bash"]`
 * under a service with `command: python3 bot/bot.py` is a placeholder, not what the image runs
 * (held-out AP, chatgpt_telegram_bot: the production bot read as a shell image).
 */
export function composeStartCommand(model: DockerfileModel, final: Stage): readonly string[] | null {
  const building = (model.context.composeServices ?? []).filter((s) => s.builds);
  // No service builds the file, but services run the image CI publishes from it (`image:
  // automqinc/automq:1.6.0`, each broker with its own `bash -c` start line; held-out BK, automq:
  // its `CMD tail -f /dev/null` read as an idle development image, two misses). Their commands
  // differ in their options, so they only need to agree on the program and its first argument.
  const running = building.length === 0 ? servicesRunningPublishedImage(model) : [];
  const services = building.length > 0 ? building : running;
  if (services.length === 0) return null;
  const { entrypoint } = startInstructionsOf(final);
  const commands = services.map((s) => {
    if (s.entrypoint != null) return [...s.entrypoint, ...(s.command ?? [])];
    if (s.command == null) return null;
    return [...(entrypoint !== null ? startWords(entrypoint) : []), ...s.command];
  });
  const [first] = commands;
  if (first === null || first.length === 0) return null;
  const key = (c: readonly string[]) => (building.length > 0 ? c : c.slice(0, 2)).join("\u0000");
  return commands.every((c) => c !== null && key(c) === key(first)) ? first : null;
}

/**
 * The compose services whose `image` is one CI publishes from this Dockerfile: a repository of
 * `publishedImages`, or, where CI's tags cannot be read (`${{ secrets.DOCKERHUB_USERNAME }}/automq`),
 * a repository named as the GitHub repository is, when CI publishes the file.
 */
function servicesRunningPublishedImage(model: DockerfileModel): ComposeServiceFacts[] {
  const context = model.context;
  const published = new Set((context.publishedImages ?? []).map(repositoryOf));
  const projectName = context.publishedByCi === true ? (context.githubRepository?.split("/")[1] ?? null) : null;
  return (context.composeServices ?? []).filter((s) => {
    if (s.builds || s.image === null || s.image.includes("$")) return false;
    const repository = repositoryOf(s.image);
    return published.has(repository) || (published.size === 0 && projectName !== null && repository.split("/").pop() === projectName);
  });
}

/** An image reference's repository without tag, digest, Docker Hub's registry or `library/` (`automqinc/automq` of `docker.io/automqinc/automq:1.6.0`). */
function repositoryOf(image: string): string {
  return image
    .toLowerCase()
    .replace(/@.*$/, "")
    .replace(/:[^/]*$/, "")
    .replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, "")
    .replace(/^library\//, "");
}

/**
 * A comment that says the build's output is copied out of the container: `docker cp <container>:<path>
 * <dest>`, "copy the binary using docker cp", `docker run -v /path/to/dest:/out image cp <file> /out`.
 * The image is a build environment whose product leaves it; nothing of it ships.
 */
const COPIED_OUT_COMMENT = [
  /\bdocker\s+(?:container\s+)?cp\s+[^\s:]+:\S*\s+\S/i,
  /\bcopy\b[^.;]*\s(?:using|with|via)\s+docker\s+cp\b/i,
  /\bdocker\s+(?:container\s+)?run\s[^:]*(?:-v|--volume)[\s=][^\s:]+:[^\s:]+\s[^:]*\scp\s/i,
];

/**
 * A GNU target triplet for an operating system whose programs cannot run in a Linux container:
 * Android (`aarch64-linux-android`, its NDK's clang `aarch64-linux-android33-clang`), Windows
 * (`x86_64-w64-mingw32`, `x86_64-pc-windows-gnu`), iOS and macOS (`arm64-apple-ios`, `x86_64-apple-darwin`).
 */
const FOREIGN_OS_TRIPLET = /\b[a-z0-9_]+-(?:linux-android(?:eabi)?|w64-mingw32|pc-windows-[a-z]+|apple-(?:ios|darwin))/i;

/**
 * True when the image, which has no command of its own, sets or passes a target triplet of another
 * operating system in an ENV or RUN (`ENV HOST=aarch64-linux-android`, `./configure
 * --host=x86_64-w64-mingw32`): a cross-compile environment whose binaries are copied out to run
 * elsewhere, so its toolchain is all it is.
 */
function crossCompilesForOtherOs(model: DockerfileModel, chain: readonly Stage[]): boolean {
  return chain.some((stage) =>
    stage.instructions.some((i) => (i.keyword === "ENV" || i.keyword === "RUN") && FOREIGN_OS_TRIPLET.test(instructionOnOneLine(model, i))),
  );
}

/**
 * True when the container's command is a language toolchain and nothing else: a compiler
 * (`ENTRYPOINT ["/usr/bin/crystal"]`, `gcc`), unless told to run a program (`crystal run
 * src/app.cr`), or a toolchain's driver alone (`CMD ["gleam"]`, options only).
 */
function isToolchainCommand(program: string, rest: readonly string[], builtHere: boolean): boolean {
  if (COMPILER_PROGRAMS.test(program)) return !rest.some((w) => RUN_SUBCOMMAND.test(w));
  return !builtHere && TOOLCHAIN_DRIVERS.test(program) && rest.every((w) => w.startsWith("-"));
}

/**
 * True when the stage copies a file named `program` from a build stage of this file (`COPY
 * --from=builder /usr/bin/go /usr/bin/go`): the project's own binary under that name, not a
 * toolchain fetched from its image (`COPY --from=golang:1.24 /usr/local/go ...`).
 */
function copiesBuiltProgram(model: DockerfileModel, stage: Stage, program: string): boolean {
  return lineage(stage).some((s) =>
    s.instructions.some((i) => i.keyword === "COPY" && copySourceStage(model, i) !== null && i.args.some((a) => baseName(a.value) === program)),
  );
}

/** True when the stage's lineage starts from scratch or a plain operating-system image. */
function onPlainOsBase(stage: Stage): boolean {
  const root = lineage(stage)[0];
  return root.base.kind === "scratch" || (root.base.kind === "image" && PLAIN_OS_BASE.test(root.base.resolved));
}

/** The comments before the file's first instruction, joined (a sentence may run over several lines). */
function headerComments(model: DockerfileModel): string {
  return headerLines(model).join(" ");
}

/** The comments before the file's first instruction, one per line. */
function headerLines(model: DockerfileModel): string[] {
  const first = model.instructions[0]?.range.start.line ?? Infinity;
  return model.comments.filter((c) => c.range.start.line < first).map((c) => c.content.trim());
}

/**
 * True when the file's header names it a test or CI image (see TEST_IMAGE_TITLE), in a sentence
 * or a line of its own, and says nothing of production or a release: a test runner that CI builds
 * and runs with `docker run --rm` (Turbo.lua's, held-out AF: judged wrong as root and for its
 * build tools), never deployed.
 */
function headerNamesTestImage(model: DockerfileModel): boolean {
  const header = headerComments(model);
  if (PRODUCTION_WORDS.test(header)) return false;
  const sentences = header.split(/[.!?:;](?=\s|$)/).map((sentence) => sentence.trim());
  return [...sentences, ...headerLines(model)].some((text) => TEST_IMAGE_TITLE.test(text) || TEST_IMAGE_PURPOSE.test(text));
}

/** `ossrs/srs:dev`, `mcr.microsoft.com/dotnet-buildtools/prereqs:azurelinux-3.0-crossdeps-llvm-amd64`. */
function isBuildEnvironmentImage(reference: string): boolean {
  const words = reference
    .toLowerCase()
    .split(/[/:@]/)
    .flatMap((part) => [part, ...part.split(/[-_.]/)]);
  return words.some((w) => BUILD_ENVIRONMENT_IMAGE_WORDS.has(w));
}
