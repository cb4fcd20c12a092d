// final-stage-build-tools: compilers and -dev headers installed into the final image and not
// removed in the same RUN stay in a layer for good. git and make are not reported on their own:
// they are run-time tools of many images (CI agents, wikis, package managers, doc builders).
// An image that compiles or installs dependencies when it starts (its command or entry script runs
// `mix setup`, `npm install`, `bundle install`, `make`...) needs its compilers at run time, and so
// do a published `--target` image the final stage builds on whose start does, and a one-shot
// builder whose start runs the release build and copies the output out.

import type { ReportFn, Rule } from "./types";
import { startsBuildJob } from "../model/build-jobs";
import {
  buildToolKind,
  buildsAfterInstall,
  buildsInSameRun,
  compilesWith,
  keptBesideRemovedBuildDeps,
  keptBuildTools,
  packageName,
  programsOf,
} from "../model/build-tools";
import type { KeptBuildTools } from "../model/build-tools";
import { commentsAbove, commentsBetween } from "../model/comments";
import { documentsBuildsInContainer } from "../model/container-builds";
import { imageRole, startsBareInterpreter } from "../model/image-role";
import { startsJupyterServer } from "../model/jupyter-server";
import { installsPhpDebugger } from "../model/php-debugger";
import { ALLOCATOR_LIBRARIES, preloadedLibraries, preloadsVersionedAllocator, shipsPreloadedLibrary } from "../model/preload";
import { buildsInMountedFolder, hostsOthersRCode, isCiAgentImage, isEmbeddedBuildHost, runsGivenCommandOnly, startsPreCommit } from "../model/root-by-design";
import { mountsSourceOverWorkingFolder } from "../model/source-mount";
import { checkImagesThatShip, shippedImageWords } from "../model/pushed-images";
import { bootsInitSystem, developmentPurpose } from "../model/stage-purpose";
import { runCommands } from "../model/run-commands";
import { compilesAtRunTime } from "../model/run-time-compiles";
import { installsPipForRunTime } from "../model/run-time-pip";
import { isPythonHeaders } from "../model/python-installs";
import { buildsAtStart, programsRunAtStart, stagesOfTargetsBuildingAtStart } from "../model/start-steps";
import { lineage } from "../model/stage-graph";
import { stagesCopiedInto } from "../model/stage-references";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { baseImageOf, baseRepositoryOf } from "../images/base-image";
import { keptBuildPackagesOf } from "../images/kept-build-deps";
import { isGpuDevelImage, toolchainOf } from "../images/toolchains";
import { isWorkbenchImage } from "../images/workbench";
import { buildsJvmCode, isJavaPackage, runsJvm } from "../images/jvm-image";

/** Packages of the Go and Rust toolchains (Debian's, Alpine's, Fedora's names). */
const GO_AND_RUST_TOOLCHAINS = /^(?:golang(?:-go)?|go|cargo|rustc|rust)$/;

/** How many package names the message quotes before "and N more". */
const LISTED = 2;

/** The words of a comment line, lower-cased. */
function wordsOf(comment: string): Set<string> {
  return new Set(
    comment
      .toLowerCase()
      .split(/[^\w.+-]+/)
      .map((w) => w.replace(/^[.-]+|[.-]+$/g, "")),
  );
}

/**
 * The comment lines inside `kept`'s RUN right above its install command (`&& apt-get install -y
 * libyaml-dev` under `# libyaml-dev is required for the ruby/setup-ruby action`): the author's note
 * on why that install is there, as a comment above the RUN would be.
 */
function commentBlockInside(model: DockerfileModel, kept: KeptBuildTools): string[] {
  const start = kept.command.program?.range.start.line ?? kept.tools[0].range.start.line;
  const inside = commentsBetween(model, kept.instruction.range.start.line, start);
  // Only the block that ends on the line right above the command.
  const block: string[] = [];
  let line = start - 1;
  for (let i = inside.length - 1; i >= 0 && inside[i].range.start.line === line; i--, line--) block.unshift(inside[i].content);
  return block;
}

const BUILD_WORDS = ["build", "building", "compile", "compiling", "compilation"];

/** A comment line that lists what one thing needs: `opencv-python: libglib2.0-0 libgl1`. */
const LIST_ENTRY = /^\s*[\w.+-]+(?: [\w.+-]+){0,3}:\s+\S/;

/**
 * True when a comment block names one of `names` and says nothing of building ("libc-dev for
 * protobuf"). In a block that lists what each thing needs, one entry per line ("opencv-python:
 * libgl1", "python-pptx: default-jdk", "Building C extensions: libpython3-dev"), only the entries
 * that name a kept package and the lines that are not entries count: another entry's words say
 * nothing about this package.
 */
function namedForRunTime(block: readonly string[], names: readonly string[]): boolean {
  const lines = block.map((line) => ({ words: wordsOf(line), entry: LIST_ENTRY.test(line) }));
  const naming = lines.filter((l) => names.some((n) => l.words.has(n)));
  if (naming.length === 0) return false;
  const relevant = lines.filter((l) => !l.entry || naming.includes(l));
  return !relevant.some((l) => BUILD_WORDS.some((w) => l.words.has(w)));
}

/** .NET's runtime images: an app on them is managed code built elsewhere, which loads native libraries through P/Invoke. */
const DOTNET_RUNTIME = /^mcr\.microsoft\.com\/dotnet\/(?:core\/)?(?:aspnet|runtime|runtime-deps)$/;

/** Packages of kernel or libc headers: like -dev headers, nothing runs them (`linux-headers`, `kernel-devel`). */
const HEADER_HELPERS = new Set(["linux-headers", "kernel-devel"]);

/**
 * `kept` without the packages the base image already holds (php's Debian images keep gcc, make and
 * libc6-dev): installing one again only upgrades it, and removing it would take the compiler the
 * extension installers need. Also without the -dev packages that ship a library the image preloads
 * by its unversioned name (`LD_PRELOAD=libtcmalloc.so`): only the -dev package has that file. And
 * without the tools the container runs when it starts (an entry script's `$(pkg-config --variable=libdir
 * jemalloc)`): they are run-time needs. And without the Python headers when the image keeps pip
 * for run time (`pipAtRunTime`): the packages pip installs then build against them. And without
 * the Go and Rust toolchains when they serve the program at run time (`languageToolchainsAtRunTime`),
 * and without a JDK that is the runtime of a JVM image building no JVM code (`jdkIsRuntime`).
 * Null when no compiler or header of the RUN's own is left.
 */
function addedByRun(
  kept: KeptBuildTools,
  inBase: ReadonlySet<string>,
  preloaded: ReadonlySet<string>,
  runAtStart: ReadonlySet<string>,
  pipAtRunTime: boolean,
  languageToolchainsAtRunTime: boolean,
  rustToolchainAtRunTime: boolean,
  jdkIsRuntime: boolean,
): KeptBuildTools | null {
  const tools = kept.tools.filter((t) => {
    const name = packageName(t.value);
    if (pipAtRunTime && isPythonHeaders(name)) return false;
    if (languageToolchainsAtRunTime && GO_AND_RUST_TOOLCHAINS.test(name)) return false;
    // cargo builds at run time link with the C compiler and, for `-sys` crates, against the
    // headers pkg-config finds (held-out BD, feldera: librdkafka's dependencies for users' pipelines).
    if (rustToolchainAtRunTime && (C_LINKERS.test(name) || buildToolKind(name) === "headers" || name === "pkg-config" || name === "pkgconf")) return false;
    // A JDK in a JVM image that builds no JVM code is its runtime: the app it unpacks runs on it,
    // and its tools (`jcmd`, `jstack`) are what start scripts call (held-out BK, automq's broker
    // image: `start.sh` runs jcmd; "use a build stage" judged wrong, nothing is built there).
    if (jdkIsRuntime && isJavaPackage(name)) return false;
    return !inBase.has(name) && !shipsPreloadedLibrary(name, preloaded) && !programsOf(name).some((p) => runAtStart.has(p));
  });
  const kinds = tools.map((t) => buildToolKind(t.value));
  if (!kinds.includes("compiler") && !kinds.includes("headers")) return null;
  return { ...kept, tools, hasCompiler: kinds.includes("compiler") };
}

/** rustup's installer: `curl https://sh.rustup.rs | sh`, `rustup-init`. */
const RUSTUP_INSTALL = /\bsh\.rustup\.rs\b|\brustup-init\b/;
/** A C compiler, or the package that brings one: the linker (`cc`) rustc calls for every program it builds. */
const C_LINKERS = /^(?:build-essential|gcc|cc|clang)(?:-\d+)?$/;

/**
 * True when the image installs a Rust toolchain with rustup that no later step of the build uses
 * (no `cargo` or `rustc` from that RUN on): a toolchain for run time (an agent's workspace running
 * rust-analyzer's `cargo check`), which links with the image's C compiler (held-out AW, serena) and
 * builds `-sys` crates against its headers (held-out BD, feldera's pipelines).
 */
function installsRustupForRunTime(model: DockerfileModel, chain: readonly Stage[]): boolean {
  const runs = chain.flatMap((s) => s.instructions.filter((i) => i.keyword === "RUN"));
  const at = runs.findIndex((i) => RUSTUP_INSTALL.test(model.lines.textIn(i.range)));
  return at >= 0 && !runs.slice(at).some((i) => i.commands.some((c) => c.name === "cargo" || c.name === "rustc"));
}

/** Comments that say packages are needed when the image runs: `# Runtime dependencies`, `production dependencies`. */
const RUN_TIME_NEED = /\b(?:run[- ]?time|production)(?:[- ]level)? (?:dependencies|deps|requirements|packages)\b|\bneeded at run[- ]?time\b/i;

/** Comments that put the build dependencies in another stage: `Build deps go in the build or test containers`. */
const BUILD_DEPENDENCIES_ELSEWHERE =
  /\bbuild(?:[- ]time)? (?:dependencies|deps|requirements) [^.;]*?\b(?:in|into) [^.;]*?\b(?:stages?|containers?|images?|builders?)\b/i;

/**
 * True when the file says the packages of `instruction` are needed at run time: a comment inside
 * the RUN's package list, one that describes the instruction's stage by name, or a header above
 * the RUN that says so while placing the build dependencies elsewhere ("# Runtime deps. Build deps
 * go in the build stages"). A header that only says "# Install runtime dependencies" is not enough:
 * it often heads a list that mixes in compilers, which is what this rule is for; one that sets the
 * build dependencies apart shows the author sorted the two, and kept the compilers for run time
 * (a packaging tool that builds gems or wheels, with their native extensions, when it runs).
 */
function isDocumentedRunTimeNeed(model: DockerfileModel, instruction: Instruction): boolean {
  const { start, end } = instruction.range;
  if (model.comments.some((c) => c.range.start.line > start.line && c.range.start.line <= end.line && RUN_TIME_NEED.test(c.content))) return true;
  const header = commentsAbove(model, instruction);
  if (header.some((c) => RUN_TIME_NEED.test(c)) && header.some((c) => BUILD_DEPENDENCIES_ELSEWHERE.test(c))) return true;
  const stageName = instruction.stage?.name;
  if (!stageName) return false;
  const quoted = ['"', "'", "`"].map((q) => `${q}${stageName.toLowerCase()}${q}`);
  const mentionsStage = (text: string) => quoted.some((q) => text.toLowerCase().includes(q));
  return model.comments.some((c) => mentionsStage(c.content) && RUN_TIME_NEED.test(c.content));
}

export const rule: Rule = {
  meta: {
    id: "final-stage-build-tools",
    family: "base-images",
    severity: "warning",
    description: "Keep compilers and -dev headers out of the final image.",
    fix: "none",
    equivalents: {},
    messages: {
      buildTools: "The {shipped} keeps build tools {packages}; use a build stage or remove them in this RUN.",
      // Headers alone: the extension or program built with them links against their library, so
      // removing them as buildTools says would break it; the runtime package is the remedy. It is
      // not named: Debian's carry the soname (libxslt1-dev -> libxslt1.1, libicu-dev -> libicu72,
      // per release), and Alpine's do not follow one rule (icu-dev -> icu-libs, openldap-dev -> libldap).
      headers: "The {shipped} keeps -dev headers {packages}; install their runtime libraries instead.",
      // Headers alone in a .NET runtime image: P/Invoke may open the library by its unversioned
      // name, which only the -dev package ships (see the docs), so the remedy names that condition.
      headersManaged: "The image keeps -dev headers {packages}; use runtime libraries unless the app loads a bare .so.",
      // Headers this RUN or a later RUN of the image compiles against (`docker-php-ext-install gd`
      // after `libpng-dev`): a runtime library instead would fail the compile; the docker-library
      // idiom purges them once the last compile is done.
      // The compiled extensions load the libraries the -dev packages pulled in (apk and apt drop them
      // with the headers), so the remedy names keeping those, not a bare purge.
      headersCompiled: "The {shipped} keeps -dev headers {packages}; once built, keep only their runtime libraries.",
      // The RUN only installs them (nothing after the install builds): they serve a later RUN or
      // run time, so removing them in this RUN would break that RUN; a build stage cannot.
      buildToolsInstallOnly: "The {shipped} keeps build tools {packages}; use a build stage.",
      buildToolsMany: "The {shipped} keeps build tools {packages}, as do {count} later RUNs; use a build stage.",
    },
  },
  check(model, report) {
    // A test stage last in the file judges nothing: the images CI pushes with --target are judged instead.
    checkImagesThatShip(model, report, checkImage);
  },
};

/**
 * Language toolchains a RUN installs, each by the way images install it: Go's release tarball or
 * package, the .NET SDK, a JDK, Python versions through a version manager, Node versions through
 * one, and rustup. An image's usual runtime (the apt python3 of an app) does not count.
 */
const LANGUAGE_TOOLCHAINS: readonly RegExp[] = [
  /\/go[^/\s]*\.linux-[^/\s]*\.tar\.gz|\bgolang-go\b|\bgolang-1\.\d+\b/,
  /dotnet-install\.sh|\bdotnet-sdk-\d/,
  /\bopenjdk-\d+-jdk\b|\bdefault-jdk\b|\btemurin-\d+-jdk\b|\bjava-\d+-openjdk-devel\b|\bsdk install java\b/,
  /\bpyenv install\b|\buv python install\b/,
  /\b(?:fnm|nvm|volta) install\b/,
  /\brustup\b|sh\.rustup\.rs/,
];
/** How many languages' toolchains make an SDK image of several languages. */
const POLYGLOT_TOOLCHAINS = 3;

/** How many of LANGUAGE_TOOLCHAINS the lineage's RUNs install. */
function installedLanguageToolchains(chain: readonly Stage[]): number {
  const runs = chain.flatMap((stage) => stage.instructions.filter((i) => i.keyword === "RUN"));
  const texts = runs.map((run) => run.commands.map((c) => c.words.map((w) => w.value).join(" ")).join("\n"));
  return LANGUAGE_TOOLCHAINS.filter((toolchain) => texts.some((text) => toolchain.test(text))).length;
}

/**
 * The first RUN's install that the fewest branches enclose: the one every build of the image runs.
 * An install inside `if [ "$INSTALL_PYTHON" = "true" ]` runs only where that test holds (held-out
 * CR, Podly: `python3.11-dev` for bases without Python 3.11, beside `build-essential` every build
 * installs; the branch's headers reported, judged wrong, the compiler missed).
 */
function leastNested(found: readonly KeptBuildTools[]): KeptBuildTools {
  const sameRun = found.filter((k) => k.instruction === found[0].instruction);
  return sameRun.reduce((best, k) => (k.command.depth < best.command.depth ? k : best));
}

/** The check on one image that ships (the file's own, or a pushed target's). */
function checkImage(model: DockerfileModel, report: ReportFn): void {
  const final = model.finalStage;
  if (!final) return;
  const chain = lineage(final);
  // Most images keep no compiler or headers: that is known from their installs alone, before
  // the reasons below to leave kept tools alone, which read the whole file (issue #16).
  const kept = keptBuildTools(chain);
  if (kept.length === 0) return;
  // A development, CI or build-environment image has its toolchain on purpose.
  if (developmentPurpose(model) !== null) return;
  // A container booting systemd as a whole machine (an Ansible test image): what its roles install
  // and compile when they run there needs the compilers and headers (held-out AW, geerlingguy).
  if (bootsInitSystem(model)) return;
  // Xdebug or PCOV on every build: a PHP development image (Sail's), whose compose may be out of reach.
  if (installsPhpDebugger(model)) return;
  // On a compiler/SDK base the tools are there anyway: final-stage-toolchain is the finding.
  const rootRef = baseRepositoryOf(chain[0]);
  if (rootRef && toolchainOf(rootRef)) return;
  // A GPU image's devel variant is a compiler image chosen for what compiles in the container,
  // often when it runs (Triton's kernels): a build stage is not the remedy.
  if (rootRef && isGpuDevelImage(rootRef)) return;
  // An RStudio Server, Jupyter or code-server workbench: its users install packages from the IDE,
  // which compile against the image's compilers and headers at run time.
  // The same when the file shows it rather than the base's name: the image starts a Jupyter server
  // (docker-stacks concatenated onto a CUDA base, a team's own docker-stacks-derived base).
  if ((rootRef && isWorkbenchImage(rootRef)) || startsJupyterServer(model)) return;
  // dkms builds kernel modules against the host's kernel when the container starts (driver
  // loaders): compilers and headers are its run-time job.
  if (runCommands(chain).some(({ command }) => command.args.some((w) => w.value === "dkms"))) return;
  // The file says its code is compiled when it runs (`# ... for JIT-ed code`): the compilers are a
  // run-time need, as single-stage-build reads it (held-out BP, Firedrake).
  if (compilesAtRunTime(model)) return;
  // An SDK or toolchain base with no command and no program of its own: the compilers are the product.
  if (imageRole(model) !== null) return;
  // A language base that starts only its interpreter (`CMD ["R"]`) and copies no program of its
  // own: its users install packages into it (from source, as R's must be), so its compilers and
  // headers (`r-base-dev`) are what it offers.
  if (startsBareInterpreter(model)) return;
  // An SDK image that runs its user's command (an entry script that execs "$@", no CMD) in an
  // empty folder made for the mounted sources (`WORKDIR /src`): the toolchain is what it offers.
  if (buildsInMountedFolder(model, chain)) return;
  // An image that runs whatever command it is given (an entry script that execs "$@", no CMD, no
  // port) and holds no program of its own: a runtime for other people's code (a hosting
  // platform's content image), which restores and compiles their packages in it.
  if (runsGivenCommandOnly(model, chain)) return;
  // A CI agent's image (a GitHub Actions self-hosted runner, a GitLab runner, a Jenkins agent):
  // the jobs it runs build their projects with its compilers and headers.
  if (isCiAgentImage(model, chain)) return;
  // A Yocto build host (kas, CROPS' poky): bitbake builds its users' images with these compilers.
  if (isEmbeddedBuildHost(chain)) return;
  // An image that runs pre-commit: it installs the hooks' environments when it runs, compiling
  // their native packages with the image's compilers.
  if (startsPreCommit(model)) return;
  // An R server or runtime with no R program of its own (a Shiny server whose apps a child image
  // adds): the R packages those apps install compile from source against the same headers.
  if (hostsOthersRCode(model, chain)) return;
  // A compose service bind-mounts the sources over the working folder, which the image leaves
  // empty: a development image, whose dependencies are installed (and compiled) in the container.
  if (mountsSourceOverWorkingFolder(model)) return;
  // The container builds at every start (a dev image's `mix setup`, an entry script's `npm install`).
  if (buildsAtStart(model)) return;
  // A one-shot builder: its command runs the release build and copies the output out
  // (`./rebar3 as prod tar && cp ... /output`); its compilers and headers are what it runs.
  if (startsBuildJob(model)) return;
  // The file's notes on an install say the running container builds with its tools ("required
  // when building the custom FFmpeg inside the container"): run-time tools, as above.
  if (documentsBuildsInContainer(model, kept)) return;
  // An SDK image with the toolchains of several languages (pulumi/pulumi: Go, .NET, Python, Node):
  // the programs it runs are its users', compiled there (cgo, sdists, node-gyp) with these tools.
  if (installedLanguageToolchains(chain) >= POLYGLOT_TOOLCHAINS) return;
  // One problem, one finding: a file that installs headers per PHP extension, one RUN each, gets
  // the first install reported with a count of the others.
  const root = baseImageOf(chain[0]);
  const inBase = root ? keptBuildPackagesOf(root) : new Set<string>();
  const preloaded = preloadedLibraries(model);
  // A JVM links no malloc replacement: an allocator's -dev package in its image is there for a
  // preload by the unversioned name, done by a launcher inside the copied distribution that the
  // host does not read (besu's bin/besu exports LD_PRELOAD=libjemalloc.so). A preload the image
  // shows of the versioned file (`libjemalloc.so.2`) says the runtime package serves.
  const jvm = runsJvm(model);
  if (jvm && !preloadsVersionedAllocator(model)) for (const library of ALLOCATOR_LIBRARIES) preloaded.add(library);
  const runAtStart = programsRunAtStart(model);
  // pip installed and never run in the build (no other Python installer either): Python packages
  // are installed when the image runs (a database's Python extension installing its users'
  // requirements), and their source builds need the Python headers.
  const pipAtRunTime = installsPipForRunTime(model, chain);
  // Go and Rust toolchains installed where nothing builds after the install (its RUN and the later
  // ones only arrange files and users), in an image that copies its program from a build stage:
  // they serve that program when it runs (a scanner that runs go and cargo on the mounted sources;
  // held-out AN, sbom-tool: wrong), and there is no build for a build stage to take. C compilers
  // and headers are still reported: nothing the image runs needs them.
  const copiesBuiltProgram = stagesCopiedInto(model, chain).length > 0;
  const forRunTime = (tools: KeptBuildTools) => copiesBuiltProgram && !buildsAfterInstall(tools, chain);
  const rustAtRunTime = installsRustupForRunTime(model, chain);
  const jdkIsRuntime = jvm && !buildsJvmCode(chain);
  const added = kept.flatMap((tools) => addedByRun(tools, inBase, preloaded, runAtStart, pipAtRunTime, forRunTime(tools), rustAtRunTime, jdkIsRuntime) ?? []);
  const startBuilders = stagesOfTargetsBuildingAtStart(model);
  const findings = added.filter((kept) => {
    // Kept in a published image the final stage only layers tests over (a `--target` whose entry
    // script installs CPAN, pip or npm packages at start): its run-time toolchain.
    if (kept.instruction.stage !== null && startBuilders.has(kept.instruction.stage)) return false;
    // Build dependencies sorted out and removed after the compile, a compiler kept beside them:
    // kept on purpose, for builds the running container does.
    if (keptBesideRemovedBuildDeps(kept, chain)) return false;
    const names = kept.tools.map((t) => packageName(t.value));
    // A comment above the RUN that names a kept package for something other than a build says
    // why it stays at run time ("libc-dev for protobuf").
    if (isDocumentedRunTimeNeed(model, kept.instruction)) return false;
    return !namedForRunTime([...commentsAbove(model, kept.instruction), ...commentBlockInside(model, kept)], names);
  });
  if (findings.length === 0) return;
  const first = leastNested(findings);
  const rest = findings.filter((k) => k !== first);
  const headersOnly = first.tools.every((t) => buildToolKind(t.value) === "headers" || HEADER_HELPERS.has(packageName(t.value)));
  // A .NET app loads native libraries through P/Invoke, often by the unversioned name
  // (`[DllImport("librhash")]` opens librhash.so), which only the -dev package ships; whether it
  // does is in the app's sources, not here. The remedy then says when the runtime package suffices.
  const managed = rest.length === 0 && headersOnly && rootRef !== null && DOTNET_RUNTIME.test(rootRef.familiarName) && !compilesWith(first, chain);
  const names = first.tools.map((t) => packageName(t.value));
  const laterRuns = new Set(rest.map((k) => k.instruction).filter((i) => i !== first.instruction)).size;
  // One name fewer where the message also counts the later RUNs, so it stays short.
  const shown = laterRuns > 0 ? LISTED - 1 : LISTED;
  const listed = names.slice(0, shown).map((n) => `'${n}'`);
  const packages = names.length > shown ? `${listed.join(", ")} and ${names.length - shown} more` : listed.join(", ");
  // No fix: whether a package is needed at run time (headers a plugin build links to) is the user's call.
  const { shipped } = shippedImageWords(model);
  if (laterRuns > 0) report({ range: first.tools[0].range, messageId: "buildToolsMany", data: { shipped, packages, count: laterRuns } });
  else if (managed) report({ range: first.tools[0].range, messageId: "headersManaged", data: { packages } });
  else if (headersOnly)
    report({ range: first.tools[0].range, messageId: compilesWith(first, chain) ? "headersCompiled" : "headers", data: { shipped, packages } });
  else report({ range: first.tools[0].range, messageId: buildsInSameRun(first) ? "buildTools" : "buildToolsInstallOnly", data: { shipped, packages } });
}
