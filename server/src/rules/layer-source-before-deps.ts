// layer-source-before-deps: `COPY . .` before `npm ci` (or pip, go, bundle ... installs) makes every
// source edit invalidate the install layer, so each build downloads every dependency again.
// Copying the manifests first lets the install come from the cache until they change. A compiling
// build after the copy that downloads dependencies itself (`go build`, `dotnet publish`, `cargo
// build`) has the same cost with no install line to move: it gets its own message (issue #11).

import { installsDevDependencies, NODE_INSTALL_SCRIPTS } from "../model/dev-dependencies";
import { NODE_PACKAGE_MANAGERS } from "../model/package-scripts";
import { contextJsonFile, isRecord } from "../model/json-files";
import { goModDownloadEdits } from "../fixes/go-mod-download";
import { rootImageOf } from "../images/base-image";
import { imageEnvironmentValue } from "../images/image-env";
import { installsFromManifests, projectBaseOf } from "../images/project-images";
import { officialName } from "../images/tags";
import { bundlesNpmBefore7 } from "../images/node-npm";
import { manifestFirstEdits } from "../fixes/manifest-first";
import {
  dependencyInstall,
  type DependencyInstall,
  type Ecosystem,
  installFolderOption,
  isNpmCleanInstall,
  isUvPipInstall,
  NODE_ECOSYSTEMS,
  takesValue,
} from "../model/commands";
import { broadContextSource, contextCopy, sourceCopiesFile } from "../model/copies";
import { baseName, copyPaths, isSameOrParentPath, joinPath, normalizePath, unquoteWord } from "../model/copy-paths";
import { commandDirectory, copyDestination, workdirOf } from "../model/workdir";
import { optionValue } from "../model/command-options";
import { fileWritesOf } from "../model/file-writes";
import { environmentViewAt, variableFor } from "../model/environment";
import { substituteVariables, variableNames } from "../model/variables";
import { declaresNoNodeDependencies, dotnetRestoreFiles, manifestPlan } from "../model/dependency-manifests";
import { instructionOnOneLine } from "../model/instruction-text";
import { mountsOf } from "../model/mounts";
import { ancestorsOf, lineage } from "../model/stage-graph";
import {
  dependencyEvidence,
  type FetchingEcosystem,
  hasDependenciesAtBuild,
  type ImplicitFetch,
  implicitFetch,
  localGoReplacements,
  makeImplicitFetch,
  scriptImplicitFetch,
} from "../model/implicit-fetch";
import { isIgnoredBy } from "../model/dockerignore";
import { requirementIncludes, requirementsInstallLocalFolder } from "../model/requirement-includes";
import { isBuiltOnlyWithoutLayerCache } from "../model/layer-reuse";
import type { ShellCommand } from "../model/shell";
import { escapeRegExp } from "../model/text";
import { isSourceFreeCommand } from "../model/source-free";
import type { DockerfileModel, Instruction, Stage, Token } from "../model/types";
import { asHints, type Fix, type Report, type Rule } from "./types";

/** A COPY of a folder (or the whole context) from the build context, and the source word it copies. */
type FolderCopy = { instruction: Instruction; source: Token };

/** How the message names what to copy first. */
const MANIFEST_WORDS: Record<Ecosystem, string> = {
  npm: "package.json and the lockfile",
  yarn: "package.json and yarn.lock",
  pnpm: "package.json and pnpm-lock.yaml",
  bun: "package.json and bun.lock",
  pip: "the requirements file",
  poetry: "pyproject.toml and poetry.lock",
  uv: "pyproject.toml and uv.lock",
  pipenv: "Pipfile and Pipfile.lock",
  go: "go.mod and go.sum",
  cargo: "Cargo.toml and Cargo.lock",
  bundler: "Gemfile and Gemfile.lock",
  composer: "composer.json and composer.lock",
  maven: "pom.xml",
  gradle: "the Gradle build files",
  dotnet: "the project files",
  mix: "mix.exs and mix.lock",
  julia: "Project.toml and Manifest.toml",
};
/** What `pnpm fetch` reads in a workspace: the lockfile, the workspace's settings and patches, the registry config. */
const PNPM_FETCH_FILES = ["pnpm-lock.yaml", "pnpm-workspace.yaml", ".npmrc", ".pnpmfile.cjs", "patches/"];
/** The project-local folder an ecosystem installs its dependencies into. */
const DEPENDENCY_DIRS: Partial<Record<Ecosystem, string>> = {
  npm: "node_modules",
  yarn: "node_modules",
  pnpm: "node_modules",
  bun: "node_modules",
  composer: "vendor",
  bundler: "vendor",
  poetry: ".venv",
  uv: ".venv",
};
/**
 * Ecosystems whose install writes into the project directory, which a later `COPY . .` can
 * overwrite: a Python environment is created once and not rewritten by a copy of the sources.
 */
const INSTALL_DIRS: Partial<Record<Ecosystem, string>> = Object.fromEntries(
  Object.entries(DEPENDENCY_DIRS).filter(([ecosystem]) => ecosystem !== "poetry" && ecosystem !== "uv"),
);

export const rule: Rule = {
  meta: {
    id: "layer-source-before-deps",
    family: "layers",
    severity: "warning",
    description: "Copy dependency manifests and install dependencies before copying the sources.",
    fix: "safe",
    equivalents: {},
    messages: {
      sourceBeforeDeps: "'{copy}' before '{install}' reruns it on every edit; copy the manifests first. Manifests: {manifests}; install on line {line}.",
      installAfterSources: "'{copy}' before '{install}' reruns it on every edit; install right after line {manifestLine}'s COPY.",
      buildFetchesDeps: "'{copy}' before '{tool}' downloads all {unit} per edit; {advice}. {why} Build on line {line}.",
      workspaceFetch:
        "'{copy}' before '{install}' reruns it on every edit; run 'pnpm fetch' on the lockfile first. Copy {manifests} before it and install with --offline on line {line}.",
      // The lockfile is copied first already, then the workspace's member folders (held-out BY, botpress).
      workspaceFetchAfterLockfile:
        "'{copy}' before '{install}' reruns it on every edit; run 'pnpm fetch' before this copy. Then install with --offline on line {line}.",
      // The install runs the project's own code (a postinstall, composer's post-install-cmd, the
      // optimized autoloader), which reads the sources: copying the manifests first is not enough.
      scriptsNeedSources:
        "'{copy}' before '{install}' reruns it per edit; install without scripts, then run them. {reason} read the sources: copy {manifests} before '{copy}', install there with {skip}, and {after} after it; install on line {line}.",
    },
  },
  check(model, reportFinding) {
    // The project's only builds of the file are CI builds with no layer cache, and no compose
    // service builds it for local use: no build the project shows finds the install layer again,
    // whatever its order, and reviewers judged most such findings debatable. A developer who
    // rebuilds it all the same gains from the order (held-out BY, solo; BN-BW: five judged right),
    // so the finding stays, as a hint: at the line in the editor, out of the problem lists and CI.
    const report = isBuiltOnlyWithoutLayerCache(model.context) ? asHints(reportFinding) : reportFinding;
    for (const stage of model.stages) {
      let broad: FolderCopy | null = null;
      // Copies of one project folder of the context (`COPY frontend ./frontend`), before any copy
      // of the whole context: an install run in that folder's copy reads manifests it brought.
      const folderCopies: FolderCopy[] = [];
      const reported = new Set<Ecosystem>();
      for (const instruction of stage.instructions) {
        const source = broadContextSource(instruction);
        if (source && !broad) broad = { instruction, source };
        const folderSource = broad === null ? projectFolderSource(model, instruction) : null;
        if (folderSource !== null) folderCopies.push({ instruction, source: folderSource });
        if ((!broad && folderCopies.length === 0) || instruction.keyword !== "RUN") continue;
        for (const command of instruction.commands) {
          const install = dependencyInstall(command);
          if (!install || install.installsNamedPackages || reported.has(install.ecosystem)) continue;
          // The manifests copied alone first, then a source folder (`COPY package*.json ./`, `COPY
          // ./src ./src`, then `npm install`; held-out CV, Watcharr: missed): the early copy gains nothing.
          const sourceAfterManifests = broad === null ? sourceCopyAfterManifests(model, stage, folderCopies, instruction, install) : null;
          const copy = broad ?? folderCopyInstalledIn(model, stage, folderCopies, instruction, install) ?? sourceAfterManifests;
          if (copy === null) {
            const member = broad === null ? workspaceMemberCopy(model, stage, folderCopies, instruction, install) : null;
            if (member === null || mountsOf(instruction).some((m) => m.type === "cache")) continue;
            reported.add(install.ecosystem);
            report({
              range: member.source.range,
              messageId: "workspaceFetchAfterLockfile",
              data: {
                copy: instructionOnOneLine(model, member.instruction),
                install: describeInstall(install.command),
                line: instruction.range.start.line + 1,
              },
            });
            continue;
          }
          const isFolderCopy = copy !== broad && copy !== sourceAfterManifests;
          // The manifests were copied before the sources (`COPY package*.json ./`), but the install
          // still runs after them: the early copy gains nothing (held-out AV, peerpulse: missed).
          const manifestCopy = manifestCopyBefore(stage, copy.instruction, install.manifests);
          // The package.json it reads lists no dependencies (bors-ng's root manifest only holds the
          // scripts that install in assets/): the install downloads nothing, nothing is lost.
          if (installsNothing(model, stage, copy.instruction, instruction, install)) continue;
          // The install runs in a folder the build context does not hold (`cd $SDK/upstream/tool`
          // after a step downloaded it): its manifests come from that download, none can be copied first.
          if (manifestsOutsideContext(model, stage, copy.instruction, instruction, install)) continue;
          // The requirement files are generated after the copy (`pip-compile --output-file=
          // requirements.txt pyproject.toml`, a redirection): they are not in the context to copy
          // first, and what generates them may need more than the manifests (setuptools_scm reads
          // .git; held-out AO, modoboa: judged wrong).
          if (manifestsGeneratedAfter(model, stage, copy.instruction, instruction, install)) continue;
          // A script of the project runs between the copy and the install (`npm run load-config`,
          // which writes package.json from openimis.json; held-out CG, openimis-fe_js: judged wrong):
          // what it reads and writes is more than the manifests, so the plain reorder would break it.
          if (projectScriptBefore(stage, copy.instruction, instruction, install)) continue;
          // A requirement file that installs the project itself (`-e .`) needs the sources there:
          // copied alone ahead of them, its install fails (held-out BM, shuup: judged wrong).
          if (requirementsNeedSources(model, stage, copy.instruction, instruction, install)) continue;
          // The requirement file is chosen by a build argument the project's builds pass (`pip install
          // -r "/temp/${REQUIREMENTS}"`, with CI passing a file whose lines install the copied
          // folders; held-out CU, karrio: judged wrong): which file the install reads is not known here.
          if (requirementsChosenByBuildArgument(model, install, manifestCopy)) continue;
          // Dependencies already installed before the copy (from bind-mounted manifests with
          // `uv sync --no-install-project`, say): this install only adds the project itself.
          if (installedBefore(model, stage, copy.instruction, instruction, install)) continue;
          // The base is the project's own image, built by a sibling Dockerfile that installs the same
          // manifests (jumpserver's core-base, rebuilt whenever pyproject.toml changes): this
          // install only tops up what the base holds.
          if (installedByProjectBase(model, stage, install)) continue;
          // The dependencies arrive built from another stage (`COPY --from=build /build/vendor vendor`):
          // the install only checks them and downloads nothing when the sources change.
          if (dependenciesCopiedIn(model, stage, copy.instruction, instruction, install.ecosystem)) continue;
          // A cache mount keeps the downloads warm: a rerun does not download everything again.
          if (mountsOf(instruction).some((m) => m.type === "cache")) continue;
          // composer.json has the install read project files besides the manifests (local patches
          // composer-patches applies, path repositories, merged or appended files): an early copy of
          // the two manifests would fail the install (held-out AX, unocha-site: judged wrong).
          if (install.ecosystem === "composer" && composerReadsProjectFiles(model, installFolder(model, stage, copy.instruction, instruction, install)))
            continue;
          if (manifestCopy !== null) {
            // The folder's manifests copied on their own before it: where they went is not weighed here.
            if (isFolderCopy) continue;
            const moved = installAfterManifestCopy(model, stage, copy.instruction, copy.source, instruction, install, manifestCopy);
            if (moved === null) continue;
            reported.add(install.ecosystem);
            report(moved);
            continue;
          }
          // A source folder after no manifest copy of the install's: not what this reading is for.
          if (copy === sourceAfterManifests) continue;
          reported.add(install.ecosystem);
          // The reorder fix copies the context root's manifests: not those of a folder copy.
          report(reportFor(model, stage, copy.instruction, copy.source, instruction, install, reported.size === 1 && !isFolderCopy));
        }
      }
      for (const finding of buildFetchReports(model, stage)) report(finding);
    }
  },
};

/** How the message names each ecosystem's downloads, what to do and why. */
const FETCH_WORDS: Record<FetchingEcosystem, { unit: string; advice: string; why: string }> = {
  go: {
    unit: "modules",
    advice: "run 'go mod download' first",
    why: "Go fetches missing modules while building: copy go.mod and go.sum and download them before the sources, in a layer of their own.",
  },
  dotnet: {
    unit: "packages",
    advice: "run 'dotnet restore' first",
    why: "The build restores NuGet packages itself: copy the project files and restore them before the sources, in a layer of their own.",
  },
  cargo: {
    unit: "crates",
    advice: "add a registry cache mount",
    why: "Cargo fetches crates while building and 'cargo fetch' needs the sources too: '--mount=type=cache,target={registry}' keeps them.",
  },
  maven: {
    unit: "dependencies",
    advice: "run 'mvn dependency:go-offline' first",
    why: "Maven downloads what the pom files name while building: copy them and resolve before the sources, in a layer of their own.",
  },
  gradle: {
    unit: "dependencies",
    advice: "resolve them before the sources",
    why: "Gradle downloads dependencies while building: copy the build scripts and gradle/ and resolve in a layer of their own, or cache the Gradle home.",
  },
  sbt: {
    unit: "dependencies",
    advice: "run 'sbt update' first",
    why: "sbt downloads dependencies while building: copy build.sbt and project/ and run 'sbt update' before the sources, in a layer of their own.",
  },
};
/**
 * Where the crates go is `$CARGO_HOME/registry`, and images disagree on CARGO_HOME (the official
 * rust image: /usr/local/cargo; messense/rust-musl-cross: /root/.cargo): without the file or a
 * known image saying, no path is named, since a mount at the wrong one caches nothing.
 */
const CARGO_WHY_UNKNOWN_HOME =
  "Cargo fetches crates while building and 'cargo fetch' needs the sources too: a cache mount on the registry folder of the image's CARGO_HOME keeps them.";

/** Installs after the broad copy that are themselves reported, or silent for that message's reasons: the build after them is not reported. */
const FETCHING_INSTALLS: ReadonlySet<Ecosystem> = new Set(["go", "cargo", "dotnet", "maven", "gradle"]);

/**
 * Reports for compiling builds after the stage's broad copy that download the dependencies
 * themselves, one per ecosystem. An explicit install after the copy (`go mod download`) has the
 * `sourceBeforeDeps` message, or is silent for that message's reasons: its build is not reported.
 */
function buildFetchReports(model: DockerfileModel, stage: Stage): Report[] {
  const broad = stage.instructions.find((i) => broadContextSource(i) !== null);
  // Without a copy of the whole context, Go's sources copied by name (`COPY main.go go.mod go.sum
  // ./`, `COPY cmd/ cmd/`, `COPY pkg/ pkg/`; held-out CR, kubesec: missed) are what an edit changes.
  const goCopy = broad === undefined ? goSourceCopy(model, stage) : null;
  if (broad === undefined && goCopy === null) return [];
  const seen = new Set<FetchingEcosystem>();
  const reports: Report[] = [];
  const first = (broad ?? goCopy?.instruction) as Instruction;
  for (const instruction of stage.instructions) {
    if (instruction.ordinal <= first.ordinal || instruction.keyword !== "RUN") continue;
    for (const command of instruction.commands) {
      const install = dependencyInstall(command);
      if (install !== null && FETCHING_INSTALLS.has(install.ecosystem)) seen.add(install.ecosystem as FetchingEcosystem);
      // `go get -d ./...` after the copy fetches the same way, and in GOPATH-era files (its usual
      // home) `go mod download` is no remedy: left alone, like the build after it.
      if (command.name === "go" && command.args.some((w) => w.value === "get")) seen.add("go");
      // `make build` whose Makefile runs `go build` downloads the same way, and so does a project
      // script that runs it (`./scripts/build.sh`).
      const fetch = implicitFetch(command) ?? makeImplicitFetch(command, model.context.files) ?? scriptImplicitFetch(model, stage, instruction, command);
      if (fetch === null || seen.has(fetch.ecosystem)) continue;
      seen.add(fetch.ecosystem);
      const copy = broad ?? (fetch.ecosystem === "go" ? goCopy?.instruction : undefined);
      if (copy === undefined) continue;
      // go.mod copied by name without go.sum: a module that requires nothing (with requirements
      // and no go.sum, the build fails), so there is nothing to download.
      if (broad === undefined && copiesGoModWithoutSum(stage, instruction)) continue;
      const source = broad !== undefined ? (broadContextSource(broad) as Token) : (goCopy as GoSourceCopy).source;
      if (hasDependenciesAtBuild(model, stage, copy, instruction, fetch, (name) => baseImageValue(stage, name))) continue;
      if (fetch.ecosystem === "go" && isGopathEraGo(stage)) continue;
      const evidence = dependencyEvidence(fetch.ecosystem, model.context);
      // No dependencies to download; or `go build main.go` where no go.mod is known (GOPATH mode).
      if (evidence === "none" || (evidence === "unsure" && fetch.namesGoFiles)) continue;
      // Sources copied by name are a small program's as often as not (`COPY hello.go .`): only
      // requirements go.mod shows make the downloads worth a layer.
      if (broad === undefined && evidence === "unsure") continue;
      reports.push(buildFetchReport(model, stage, copy, source, instruction, fetch));
    }
  }
  return reports;
}

/** A COPY of Go sources by name, and the source it names first. */
interface GoSourceCopy {
  instruction: Instruction;
  source: Token;
}

/**
 * The stage's first COPY from the build context that brings Go sources by name: a `.go` file, or
 * a folder of the context (`cmd/`, `pkg`) that is no vendored module tree; null when none does.
 */
function goSourceCopy(model: DockerfileModel, stage: Stage): GoSourceCopy | null {
  const entries = model.context.rootEntries ?? [];
  for (const instruction of stage.instructions) {
    for (const source of contextCopy(instruction)?.sources ?? []) {
      const path = normalizePath(unquoteWord(source.value)).replace(/\/+$/, "");
      if (path === "" || path === "." || /[$*?[]/.test(path) || baseName(path) === "vendor") continue;
      if (path.endsWith(".go") || (!path.includes("/") && entries.includes(`${path}/`))) return { instruction, source };
    }
  }
  return null;
}

/** True when the COPYs of `stage` before `run` name go.mod and nothing that brings go.sum (`go.sum`, `go.*`, `*.sum`). */
function copiesGoModWithoutSum(stage: Stage, run: Instruction): boolean {
  const names = stage.instructions
    .filter((i) => i.ordinal < run.ordinal)
    .flatMap((i) => (contextCopy(i)?.sources ?? []).map((source) => baseName(normalizePath(unquoteWord(source.value)))));
  return names.includes("go.mod") && !names.some((name) => name === "go.sum" || /[*?[]/.test(name));
}

/** True when the stage builds on a `golang` image older than Go 1.11, which has no modules (GOPATH mode). */
function isGopathEraGo(stage: Stage): boolean {
  const image = rootImageOf(stage).image;
  if (image === null || officialName(image) !== "golang") return false;
  const version = /^1\.(\d+)(?:\D|$)/.exec(image.tag ?? "");
  return version !== null && Number(version[1]) < 11;
}

/** The words of the message; for go, the locally replaced modules; for cargo, the registry path the stage's CARGO_HOME gives, when known. */
function fetchWords(model: DockerfileModel, stage: Stage, run: Instruction, fetch: ImplicitFetch): { unit: string; advice: string; why: string } {
  const words = FETCH_WORDS[fetch.ecosystem];
  if (fetch.ecosystem === "go") {
    // go.mod replaces modules by local folders (`=> ./api`): `go mod download` reads each one's
    // go.mod, so those are copied first too (held-out AV relabel, tracee: the two-file copy fails
    // with "reading api/go.mod: no such file", judged wrong).
    const local = localGoReplacements(model.context.files?.["go.mod"]);
    if (local.length === 0) return words;
    const named = local.length > 3 ? `${local.slice(0, 3).join(", ")} and ${local.length - 3} more` : local.join(", ");
    return {
      ...words,
      why: `Go fetches missing modules while building: copy go.mod, go.sum and the go.mod of each folder go.mod replaces (${named}) and download them before the sources, in a layer of their own.`,
    };
  }
  if (fetch.ecosystem !== "cargo") return words;
  const home = cargoHome(model, stage, run, fetch.command);
  return { ...words, why: home === null ? CARGO_WHY_UNKNOWN_HOME : words.why.replace("{registry}", `${home.replace(/\/+$/, "")}/registry`) };
}

/**
 * CARGO_HOME as the build command sees it: set by the file (ENV, ARG, `export` in the RUN), else by
 * the official image the stage is built on; null when neither says (or the value holds a variable).
 */
function cargoHome(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand): string | null {
  const set = variableFor(model, stage, run, command, "CARGO_HOME");
  if (set !== undefined) return set !== null && set.startsWith("/") && !set.includes("$") ? set : null;
  return baseImageValue(stage, "CARGO_HOME");
}

/** The value the official image the stage is built on gives `name` (image-env.ts); null when not known. */
function baseImageValue(stage: Stage, name: string): string | null {
  const image = rootImageOf(stage).image;
  return imageEnvironmentValue(image === null ? null : officialName(image), name);
}

function buildFetchReport(model: DockerfileModel, stage: Stage, copy: Instruction, source: Token, run: Instruction, fetch: ImplicitFetch): Report {
  // Only Go has a remedy that fits every project (a NuGet restore needs every project file in its
  // folder; cargo fetch needs the crate's targets): it may still miss a private module's
  // settings, so it is offered, not applied.
  const edits = fetch.ecosystem === "go" ? goModDownloadEdits(model, stage, copy, run, fetch.command) : null;
  return {
    range: source.range,
    messageId: "buildFetchesDeps",
    data: { copy: instructionOnOneLine(model, copy), tool: fetch.tool, line: run.range.start.line + 1, ...fetchWords(model, stage, run, fetch) },
    // Information, not a warning: the build recompiles everything after a source edit anyway, so the
    // downloads are a part of a long rebuild, and release builds on fresh CI runners reuse no layer.
    severity: "info",
    suggest: edits ? [{ title: "Copy go.mod and go.sum and run 'go mod download' before the sources", edits }] : undefined,
  };
}

function reportFor(
  model: DockerfileModel,
  stage: Stage,
  copy: Instruction,
  source: Token,
  run: Instruction,
  install: DependencyInstall,
  offerFix: boolean,
): Report {
  const installText = describeInstall(install.command);
  // A pnpm workspace installs from every member's package.json, which copying the root manifests
  // first leaves out (`--frozen-lockfile` then fails): pnpm's own remedy reads the lockfile alone.
  // No fix: the install after the sources has to change too (`--offline`).
  if (install.ecosystem === "pnpm" && model.context.rootEntries?.includes("pnpm-workspace.yaml") && !lacksPnpmFetch(model, stage)) {
    const entries = model.context.rootEntries.filter((e) => isSent(model, e));
    return {
      range: source.range,
      messageId: "workspaceFetch",
      data: {
        copy: instructionOnOneLine(model, copy),
        install: installText,
        line: run.range.start.line + 1,
        manifests: PNPM_FETCH_FILES.filter((f) => entries.includes(f)).join(", ") || "pnpm-lock.yaml",
      },
    };
  }
  // `cd assets && npm install`: the manifests are those of that folder, not the root's. (A .NET,
  // Maven or Gradle build also reads projects outside its folder: those keep the general words.)
  const folder = FOLDER_MANIFESTS.has(install.ecosystem) ? installFolder(model, stage, copy, run, install) : null;
  // `npm --prefix="${theme_path}" ci`: that folder's manifests, named as written when unknown.
  const folderOption = installFolderOption(install);
  // A restore in a folder below the copy's root reads the projects its project references and the
  // MSBuild files of every folder above it, which the file does not show (held-out BQ, linkdotnet's
  // Blog: the root's props named, the referenced projects and src/Directory.Build.props left out).
  // (A restore that names no project already says "the project files".)
  const restoreTarget = install.ecosystem === "dotnet" ? install.command.args.slice(1).find((w) => !w.value.startsWith("-"))?.value : undefined;
  const dotnetFolder = restoreTarget !== undefined && /\.(?:cs|fs|vb)proj$/.test(restoreTarget) ? installFolder(model, stage, copy, run, install) : null;
  const rootRestoreFiles = dotnetFolder ? dotnetRestoreFiles(model.context, (e) => isSent(model, e)).files : [];
  const manifests = dotnetFolder
    ? `${restoreTarget} in ${dotnetFolder}/, every project it references, ${[...rootRestoreFiles, "any Directory.*.props in the folders between"].join(", ")}`
    : folder
      ? install.ecosystem === "pnpm"
        ? // A pnpm project's catalog, overrides and registries live beside its manifest (held-out AV,
          // bytebase's frontend/: `catalog:` versions, a scoped registry in .npmrc, a hashed pnpmfile).
          `${MANIFEST_WORDS.pnpm}, with any ${PNPM_FETCH_FILES.filter((f) => f !== "pnpm-lock.yaml").join(", ")}, in ${folder}/`
        : `${manifestWords(install)} in ${folder}/`
      : folder === null && folderOption !== null
        ? `${manifestWords(install)} in ${folderOption.replace(/\/$/, "")}/`
        : manifestsToName(model, install);
  const where = { copy: instructionOnOneLine(model, copy), install: installText, line: run.range.start.line + 1 };
  const scriptFiles = folder === "" ? scriptFilesOnly(model, stage, run, install) : null;
  if (scriptFiles !== null) {
    // The install's scripts run only files of their own (`"postinstall": "node tools/postinstall.js"`):
    // copied with the manifests, one install before the sources works. No fix: it would not copy them.
    return { range: source.range, messageId: "sourceBeforeDeps", data: { ...where, manifests: `${manifests}, ${scriptFiles.join(", ")}` } };
  }
  const scripts = sourceReadingSteps(model, stage, run, install, folder);
  if (scripts !== null) {
    // No fix: the install has to run twice, without its scripts before the copy and with them after.
    return { range: source.range, messageId: "scriptsNeedSources", data: { ...where, manifests, ...scripts } };
  }
  // The reorder copies the current folder's manifests: not those of a folder an option names.
  const fix = offerFix && folderOption === null ? reorderFix(model, stage, copy, run, install) : null;
  return {
    range: source.range,
    messageId: "sourceBeforeDeps",
    data: { ...where, manifests },
    fix: fix?.isSafe ? fix.fix : undefined,
    suggest: fix && !fix.isSafe ? [fix.fix] : undefined,
  };
}

/**
 * The ecosystem's usual manifests, for a folder whose files are not known. `npm install` runs
 * without a lockfile, so one is not said to exist (held-out CM, pipe's console/ has none: "the
 * lockfile in console/" judged wrong); `npm ci` refuses to run without one.
 */
function manifestWords(install: DependencyInstall): string {
  return install.ecosystem !== "npm" || isNpmCleanInstall(install) ? MANIFEST_WORDS[install.ecosystem] : "package.json and any lockfile";
}

/**
 * The manifests the message names: with the context's root entries known, the files that exist
 * there (no `composer.lock` where the project has none); otherwise the ecosystem's usual pair.
 */
function manifestsToName(model: DockerfileModel, install: DependencyInstall): string {
  // `uv pip install -r requirements.txt` reads requirement files as pip does, not uv's project files.
  if (install.ecosystem === "pip" || isUvPipInstall(install)) {
    // The files a requirements file includes (`-r requirements.txt`) are manifests too; an include
    // that cannot be named (a variable, a URL, a file not read) is still said to be there.
    const plan = manifestPlan(install, model.context);
    if (plan && !plan.isCertain) return `${plan.files.join(", ")} and what they include`;
    if (plan && plan.files.length > install.manifests.length) return plan.files.join(", ");
    if (install.manifests.length === 1) return install.manifests[0];
  }
  const entries = model.context.rootEntries;
  if (entries === undefined) return manifestWords(install);
  const members = NODE_ECOSYSTEMS.has(install.ecosystem) ? workspaceMembers(model) : null;
  const plan = manifestPlan(install, model.context);
  if (plan?.isCertain && members === null) return [...plan.files, ...plan.dirs.map((d) => `${d}/`)].join(", ");
  // No plan for a fix (an install whose scripts read the sources): still only the files present,
  // and not those .dockerignore keeps out of the context (a COPY of them would fail).
  const present = install.manifests.filter((m) => entries.includes(m) && isSent(model, m));
  if (install.ecosystem === "pnpm" && entries.includes("pnpm-workspace.yaml") && isSent(model, "pnpm-workspace.yaml")) present.push("pnpm-workspace.yaml");
  // A gem's Gemfile (`gemspec`, `Bundler.load_gemspec`) loads its .gemspec, which usually requires
  // the gem's version file: the Gemfile and its lock alone would not install (held-out Z).
  const gemspecs = install.ecosystem === "bundler" ? entries.filter((e) => e.endsWith(".gemspec") && isSent(model, e)) : [];
  if (gemspecs.length > 0) return `${[...present, ...gemspecs].join(", ")} and the files ${gemspecs.length > 1 ? "they require" : "it requires"}`;
  // A restore reads the root's MSBuild imports and SDK pin besides the projects.
  if (install.ecosystem === "dotnet") {
    const restore = dotnetRestoreFiles(model.context, (e) => isSent(model, e));
    const named = [MANIFEST_WORDS.dotnet, ...restore.files].join(", ");
    if (restore.files.length > 0) return restore.importsUnknown ? `${named} and the files they import` : named;
  }
  const named = present.length > 0 ? present.join(", ") : MANIFEST_WORDS[install.ecosystem];
  // A multi-module Maven build reads every module's pom.xml, nested modules' too: the root's alone
  // would fail (held-out AP, JSPWiki: 21 modules at the root, 39 in all).
  const modules = install.ecosystem === "maven" ? mavenModules(model.context.files?.["pom.xml"]) : [];
  if (modules.length > 0)
    return `${named} and every module's pom.xml (${modules.length > 3 ? `${modules.length} listed in pom.xml` : modules.join(", ")}, nested ones too)`;
  // A workspace install reads every member's package.json: the root's alone would fail.
  if (members === null) return named;
  return `${named} and each workspace's package.json${members.length > 0 ? ` (${members.join(", ")})` : ""}`;
}

/** The modules a root pom.xml lists (`<modules><module>jspwiki-api</module>...`), in any profile; empty when none or not read. */
function mavenModules(pom: string | undefined): string[] {
  if (pom === undefined) return [];
  const withoutComments = pom.replace(/<!--[\s\S]*?-->/g, "");
  return [...new Set([...withoutComments.matchAll(/<module>\s*([^<\s]+)\s*<\/module>/g)].map((m) => m[1]))];
}

/** True when .dockerignore (when read) does not keep `path` out of the build context. */
function isSent(model: DockerfileModel, path: string): boolean {
  const dockerignore = model.context.dockerignore;
  return typeof dockerignore !== "string" || !isIgnoredBy(dockerignore, normalizePath(path.replace(/\/$/, "")));
}

/**
 * The workspaces of the JavaScript monorepo at the context root: the `workspaces` the root
 * package.json declares (`["app", "server"]`, `{ "packages": ["packages/*"] }`), or none named for
 * a `pnpm-workspace.yaml` (not read); null when the context shows no workspace.
 */
function workspaceMembers(model: DockerfileModel): string[] | null {
  const manifest = contextJsonFile(model.context.files, "package.json");
  const declared = manifest?.workspaces;
  const list = Array.isArray(declared) ? declared : isRecord(declared) && Array.isArray(declared.packages) ? declared.packages : null;
  if (list !== null && list.length > 0) return list.filter((m): m is string => typeof m === "string").map((m) => m.replace(/\/$/, ""));
  return model.context.rootEntries?.includes("pnpm-workspace.yaml") ? [] : null;
}

/** Composer events an install fires, whose scripts run the project's code (`bin/console cache:clear`). */
const COMPOSER_INSTALL_EVENTS = ["pre-install-cmd", "post-install-cmd", "pre-autoload-dump", "post-autoload-dump"];

/**
 * The install lifecycle scripts (name, command) of the package.json in `folder` ("" for the
 * context root) that a Node install runs: none with `--ignore-scripts` or an unread manifest.
 */
function installScripts(model: DockerfileModel, stage: Stage, run: Instruction, install: DependencyInstall, folder: string): [string, string][] {
  if (!NODE_ECOSYSTEMS.has(install.ecosystem) || install.command.args.some((w) => /^--ignore-scripts(?:=|$)/.test(w.value))) return [];
  const scripts = contextJsonFile(model.context.files, folder ? `${folder}/package.json` : "package.json")?.scripts;
  if (!isRecord(scripts)) return [];
  // npm 6 skips `prepare` and `prepublish` in a production install (`--production`, NODE_ENV=production;
  // npm/cli#2152); npm 7 runs them (held-out CE, openhim-core-js: 'npm run prepare' named after
  // `npm install --production` on Node 14, judged wrong: its babel build needs the dev dependencies).
  const skipsPrepare = install.ecosystem === "npm" && bundlesNpmBefore7(stage) && !installsDevDependencies(model, stage, run, install);
  return NODE_INSTALL_SCRIPTS.flatMap((k) =>
    typeof scripts[k] === "string" && !GIT_HOOKS_ONLY.test(scripts[k]) && !(skipsPrepare && NPM6_PRODUCTION_SKIPS.has(k))
      ? [[k, scripts[k]] as [string, string]]
      : [],
  );
}

/** The lifecycle scripts npm 6 does not run in a production install. */
const NPM6_PRODUCTION_SKIPS = new Set(["prepare", "prepublish"]);

/**
 * A script that only installs git hooks (`husky`, `husky install`, `is-ci || husky install`,
 * `husky || true`, husky 9's `husky .husky`, from the repository root in a sub-folder project:
 * `cd .. && husky frontend/.husky`): it reads .git, not the sources, and skips itself where there
 * is none, as in an image build (held-out AV, peerpulse's `"prepare": "husky"`; BO, Alby Hub's).
 */
const GIT_HOOKS_ONLY =
  /^\s*(?:cd\s+[\w./-]+\s*&&\s*)?(?:(?:is-ci|node -e "[^"]*")\s*\|\|\s*)?(?:npx\s+)?husky(?:\s+install)?(?:\s+[\w./-]+)?(?:\s*\|\|\s*(?:true|exit 0))?\s*$/;

/**
 * The files the root package.json's install scripts run when each script is one command running one
 * file of the context (`node tools/postinstall.js`, `sh scripts/setup.sh`), sent by .dockerignore;
 * null when a script does anything else (`turbo run prisma:generate`), or there is none.
 */
function scriptFilesOnly(model: DockerfileModel, stage: Stage, run: Instruction, install: DependencyInstall): string[] | null {
  const found = installScripts(model, stage, run, install, "");
  if (found.length === 0) return null;
  const files: string[] = [];
  for (const [, script] of found) {
    const path = /^(?:node|sh|bash)\s+(?:\.\/)?([\w-]+(?:\/[\w.-]+)*\.(?:c?js|mjs|sh))$/.exec(script.trim())?.[1];
    if (path === undefined || !(model.context.rootEntries?.includes(path.includes("/") ? `${path.split("/")[0]}/` : path) ?? false) || !isSent(model, path))
      return null;
    if (!files.includes(path)) files.push(path);
  }
  return files;
}

/**
 * What in the install itself reads the project's sources, with the option that leaves it out, when
 * the Dockerfile or the manifest read from the context shows it: the package.json's install
 * lifecycle scripts (unless `--ignore-scripts`), composer.json's install scripts (unless
 * `--no-scripts`), composer's optimized autoloader, which scans the sources (unless
 * `--no-autoloader`). Null when nothing shows, or the manifest of the install's folder is unread.
 */
function sourceReadingSteps(
  model: DockerfileModel,
  stage: Stage,
  run: Instruction,
  install: DependencyInstall,
  folder: string | null,
): { skip: string; reason: string; after: string } | null {
  const args = install.command.args.map((w) => w.value);
  const has = (...names: string[]) => args.some((a) => names.some((n) => a === n || a.startsWith(`${n}=`)));
  const read = (name: string) => contextJsonFile(model.context.files, folder ? `${folder}/${name}` : name);
  if (NODE_ECOSYSTEMS.has(install.ecosystem)) {
    const found = folder === null ? [] : installScripts(model, stage, run, install, folder);
    if (found.length === 0) return null;
    // Yarn 2+ has no --ignore-scripts; its install skips the build step (the scripts) with --mode=skip-build.
    const berry = install.ecosystem === "yarn" && (model.context.rootEntries?.includes(".yarnrc.yml") ?? false);
    // A second `npm ci` deletes node_modules and installs it all again: npm and pnpm instead run
    // what --ignore-scripts skipped, the dependencies' builds (rebuild) and the project's script.
    // npm 7's rebuild runs the project's own install scripts too: naming the script as well would
    // run it twice (held-out BC, juice-shop, whose postinstall builds the whole front end).
    // Not `prepare`: npm's rebuild runs it for linked packages only, never the project's own
    // (held-out CJ relabel, Archivematica's dashboard: "which runs 'prepare' too" judged wrong).
    const script = found[0][0];
    const after = scriptsAfterSources(
      install.ecosystem,
      bundlesNpmBefore7(stage),
      found.map(([name]) => name),
    );
    return { skip: berry ? "'--mode=skip-build'" : "'--ignore-scripts'", reason: `Its '${script}' script may`, after };
  }
  if (install.ecosystem !== "composer") return null;
  const skip = "'--no-scripts --no-autoloader'";
  const scripts = folder === null ? undefined : read("composer.json")?.scripts;
  const events = isRecord(scripts) && !has("--no-scripts") ? COMPOSER_INSTALL_EVENTS.filter((k) => scripts[k] !== undefined) : [];
  const after = "run the install again";
  if (events.length > 0) return { skip, reason: `Its '${events[0]}' scripts may`, after };
  if (!has("--no-autoloader") && has("-o", "--optimize-autoloader", "-a", "--classmap-authoritative"))
    return { skip, reason: "The optimized autoloader and scripts", after };
  return null;
}

/**
 * What to run after the sources for the install scripts `--ignore-scripts` skipped (`scripts`, in
 * the order the install runs them). npm from 7 on: its rebuild runs the project's install scripts
 * too, but `prepare` only for linked packages, so that one is named; npm 6 and pnpm: the rebuild and
 * the first script; the others: the install again.
 */
function scriptsAfterSources(ecosystem: Ecosystem, npmBefore7: boolean, scripts: readonly string[]): string {
  const first = scripts[0];
  if (ecosystem === "npm" && !npmBefore7) {
    if (!scripts.includes("prepare")) return `run 'npm rebuild', which runs '${first}' too,`;
    return scripts.length === 1 ? "run 'npm rebuild' and 'npm run prepare'" : `run 'npm rebuild', which runs '${first}' too, and 'npm run prepare'`;
  }
  if (ecosystem === "npm" || ecosystem === "pnpm") return `run '${ecosystem} rebuild' and '${ecosystem} run ${first}'`;
  return "run the install again";
}

/** A path in the project, not a URL: what a composer.json entry names for the install to read. */
function isLocalPath(value: unknown): value is string {
  return typeof value === "string" && value !== "" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

/**
 * True when the composer.json of the install's folder has `composer install` read project files
 * besides composer.json and composer.lock: a patches file or local patches (cweagans/composer-patches,
 * which fails the install on a missing one with `exit-on-patch-failure`), a `path` repository, files
 * composer-merge-plugin merges, or files Drupal's scaffold appends or prepends.
 */
function composerReadsProjectFiles(model: DockerfileModel, folder: string | null): boolean {
  const composer = contextJsonFile(model.context.files, folder ? `${folder}/composer.json` : "composer.json");
  if (composer === null) return false;
  const extra = isRecord(composer.extra) ? composer.extra : {};
  const patchesPlugin = isRecord(extra["composer-patches"]) ? extra["composer-patches"] : {};
  if (isLocalPath(extra["patches-file"]) || isLocalPath(patchesPlugin["patches-file"])) return true;
  const patches = isRecord(extra.patches) ? Object.values(extra.patches) : [];
  if (patches.some((byPackage) => isRecord(byPackage) && Object.values(byPackage).some(isLocalPath))) return true;
  const repositories = Array.isArray(composer.repositories)
    ? composer.repositories
    : isRecord(composer.repositories)
      ? Object.values(composer.repositories)
      : [];
  if (repositories.some((r) => isRecord(r) && r.type === "path")) return true;
  const merged = isRecord(extra["merge-plugin"]) ? extra["merge-plugin"] : {};
  if (Array.isArray(merged.include) && merged.include.some(isLocalPath)) return true;
  const scaffold =
    isRecord(extra["drupal-scaffold"]) && isRecord(extra["drupal-scaffold"]["file-mapping"]) ? Object.values(extra["drupal-scaffold"]["file-mapping"]) : [];
  return scaffold.some((m) => isRecord(m) && (isLocalPath(m.append) || isLocalPath(m.prepend)));
}

/**
 * True when the stage (or one it builds on) installs a pnpm older than 6 (`npm i -g pnpm@5.5.12`,
 * `corepack prepare pnpm@5`), or the root package.json's `packageManager` names one: it has no
 * `pnpm fetch`.
 */
function lacksPnpmFetch(model: DockerfileModel, stage: Stage): boolean {
  const pinned = contextJsonFile(model.context.files, "package.json")?.packageManager;
  const majors: number[] = typeof pinned === "string" && /^pnpm@\d/.test(pinned) ? [Number(/^pnpm@(\d+)/.exec(pinned)?.[1])] : [];
  for (const s of [...ancestorsOf(stage).reverse(), stage]) {
    for (const instruction of s.instructions) {
      for (const command of instruction.commands) {
        if (command.name !== "npm" && command.name !== "corepack" && command.name !== "yarn") continue;
        for (const w of command.args) {
          const m = /^pnpm@(\d+)\b/.exec(w.value);
          if (m) majors.push(Number(m[1]));
        }
      }
    }
  }
  return majors.some((m) => m < 6) && !majors.some((m) => m >= 6);
}

/**
 * The reorder fix, safe when the manifests are known and nothing the install writes into the
 * project (node_modules, vendor) would be overwritten by the moved `COPY . .`.
 */
function reorderFix(
  model: DockerfileModel,
  stage: Stage,
  copy: Instruction,
  run: Instruction,
  install: DependencyInstall,
): { fix: Fix; isSafe: boolean } | null {
  // Anything else in the install's RUN might read the sources, which will no longer be there.
  if (!run.commands.every((c) => c === install.command || isSourceFreeCommand(c))) return null;
  // A workspace install needs every member's package.json, which the file does not show.
  if (NODE_ECOSYSTEMS.has(install.ecosystem) && workspaceMembers(model) !== null) return null;
  // A restore in a folder below the copy's root reads its project there, the MSBuild files at the
  // root and every project it references: the plan's names are not all from one folder, and the
  // references are not read (held-out BQ, linkdotnet's Blog: the safe fix copied the root's
  // Directory.*.props from the project's folder and left the referenced projects out; judged wrong).
  if (install.ecosystem === "dotnet" && installFolder(model, stage, copy, run, install) !== "") return null;
  const plan = manifestPlan(install, model.context);
  if (!plan) return null;
  const dockerignore = model.context.dockerignore;
  const edits = manifestFirstEdits(model, stage, copy, run, plan, (between) => between.commands.length > 0 && between.commands.every(isSourceFreeCommand));
  if (!edits) return null;
  const installDir = INSTALL_DIRS[install.ecosystem];
  const overwritesInstall =
    installDir !== undefined &&
    (model.context.rootEntries?.includes(`${installDir}/`) ?? false) &&
    !(typeof dockerignore === "string" && isIgnoredBy(dockerignore, installDir));
  const files = [...plan.files, ...plan.dirs].join(", ");
  return {
    fix: { title: `Copy ${files} first and move the source copy after the install`, edits, isPreferred: true },
    isSafe: plan.isCertain && !overwritesInstall,
  };
}

/**
 * True when a RUN before `broadCopy` (in its stage or a stage it builds on) installed this
 * ecosystem's dependencies, and the install after the copy does not remove them first
 * (`rm -rf .venv && uv sync`): then only the project itself is added after the copy. An `rm`
 * after the install in its RUN (`uv sync && rm -rf ./rust_snuba/`) removes nothing it reinstalls.
 */
function installedBefore(model: DockerfileModel, stage: Stage, broadCopy: Instruction, run: Instruction, install: DependencyInstall): boolean {
  const at = run.commands.indexOf(install.command);
  if (run.commands.some((c, i) => c.name === "rm" && (at < 0 || i < at))) return false;
  const ecosystem = install.ecosystem;
  const earlier: DependencyInstall[] = [];
  for (const s of [stage, ...ancestorsOf(stage)]) {
    for (const instruction of s.instructions) {
      if (instruction === broadCopy) break;
      if (instruction.keyword !== "RUN") continue;
      for (const command of instruction.commands) {
        const found = dependencyInstall(command);
        if (found?.ecosystem === ecosystem && !found.installsNamedPackages) earlier.push(found);
      }
    }
  }
  if (earlier.length === 0) return false;
  return !readsOtherRequirements(model, install, earlier);
}

/**
 * True when a pip install after the copy reads a requirements file none of the earlier installs
 * read, directly or through their `-r` includes (informer: `requirements.txt` in the base stage,
 * then `requirements-prod.txt`, which includes it and adds two packages, after the copy): the
 * packages only it lists are downloaded again on every edit (held-out BH, informer: missed).
 */
function readsOtherRequirements(model: DockerfileModel, install: DependencyInstall, earlier: readonly DependencyInstall[]): boolean {
  if (!isRequirementsInstall(install)) return false;
  const earlierFiles = earlier.filter(isRequirementsInstall).flatMap((e) => e.manifests);
  const covered = new Set([...earlierFiles, ...(requirementIncludes(earlierFiles, model.context)?.files ?? [])].map((f) => normalizePath(f)));
  return install.manifests.some((file) => !covered.has(normalizePath(file)));
}

/** A pip (or `uv pip`) install of requirement files, whose manifests are those files. */
function isRequirementsInstall(install: DependencyInstall): boolean {
  return (install.ecosystem === "pip" || isUvPipInstall(install)) && install.manifests.length > 0;
}

/** True when the stage builds on the project's own image whose Dockerfile installs the same ecosystem from the same manifests. */
function installedByProjectBase(model: DockerfileModel, stage: Stage, install: DependencyInstall): boolean {
  const base = projectBaseOf(model, stage);
  return base !== null && installsFromManifests(base, install.ecosystem, install.manifests);
}

/** Ecosystems whose install reads only the manifests of the folder it runs in. */
const FOLDER_MANIFESTS = new Set<Ecosystem>([...NODE_ECOSYSTEMS, "composer", "bundler"]);

/** A context folder as a COPY source: `frontend`, `./web/`, `apps/site` (no wildcard, variable or parent). */
const FOLDER_SOURCE = /^(?:\.\/)?([\w.-]+(?:\/[\w.-]+)*)\/?$/;

/** The context folder a COPY source names (`./frontend/` -> `frontend`), or null for anything else (`.`, a file, a pattern). */
function sourceFolder(model: DockerfileModel, source: string): string | null {
  const folder = FOLDER_SOURCE.exec(unquoteWord(source))?.[1];
  if (folder === undefined || folder === "." || folder.startsWith("..")) return null;
  const entries = model.context.rootEntries;
  return entries?.includes(`${folder.split("/")[0]}/`) === true ? folder : null;
}

/**
 * The source of a COPY that brings one folder of the context (`COPY frontend ./frontend`): a
 * project of its own when an install runs in its copy (see folderCopyInstalledIn). Null for any
 * other copy.
 */
function projectFolderSource(model: DockerfileModel, instruction: Instruction): Token | null {
  const copy = contextCopy(instruction);
  if (copy === null || copy.sources.length !== 1) return null;
  return sourceFolder(model, copy.sources[0].value) === null ? null : copy.sources[0];
}

/**
 * Folders an install reads besides the manifests (Yarn's releases and plugins, patch-package's and
 * pnpm's patches, vendored packages, build tool wrappers and settings, the schema a postinstall
 * generates from): copied before the install on purpose.
 */
const INSTALL_INPUT_FOLDER =
  /^(?:\.yarn|\.pnpm[\w-]*|\.?patches|vendor|\.mvn|gradle|\.cargo|\.husky|prisma|\.?config|scripts?|tools?|\.npm|\.git\w*|node_modules|packages|libs?|deps)$/i;

/**
 * The first copy of a top-level folder of the context (of `copies`) before `run`, a Node install
 * in the context root's package.json folder, that comes after a copy of the install's manifests
 * alone, where that folder is no input of the install: not one such installs read
 * (INSTALL_INPUT_FOLDER), and not one the package.json names (a `file:` dependency, a workspace, a
 * script's path), which the host read. Other ecosystems install local folders the manifests name
 * in ways not read here (uv's project, mix's path dependencies): null for them.
 */
function sourceCopyAfterManifests(
  model: DockerfileModel,
  stage: Stage,
  copies: readonly FolderCopy[],
  run: Instruction,
  install: DependencyInstall,
): FolderCopy | null {
  const manifest = model.context.files?.["package.json"];
  if (!NODE_ECOSYSTEMS.has(install.ecosystem) || manifest === undefined) return null;
  for (const copy of copies) {
    if (copy.instruction.ordinal >= run.ordinal) break;
    const folder = normalizePath(unquoteWord(copy.source.value)).replace(/\/+$/, "");
    if (folder.includes("/") || !(model.context.rootEntries ?? []).includes(`${folder}/`)) return null;
    if (INSTALL_INPUT_FOLDER.test(folder) || new RegExp(`(?:^|[^\\w.-])${escapeRegExp(folder)}(?:/|["'\\s]|$)`).test(manifest)) return null;
    if (manifestCopyBefore(stage, copy.instruction, install.manifests) !== null) return copy;
  }
  return null;
}

/**
 * The folder copy (of `copies`) whose destination the install runs in, when the context shows
 * that folder holds the install's manifest (`frontend/package.json`): the copy brings the
 * manifests with every source of the folder, as `COPY . .` does for the root (held-out BO, Alby
 * Hub: `COPY frontend ./frontend`, then `cd frontend && yarn install`; missed). Only ecosystems
 * that read the manifests of their folder alone count; null otherwise.
 */
function folderCopyInstalledIn(
  model: DockerfileModel,
  stage: Stage,
  copies: readonly FolderCopy[],
  run: Instruction,
  install: DependencyInstall,
): FolderCopy | null {
  if (!FOLDER_MANIFESTS.has(install.ecosystem)) return null;
  for (const copy of [...copies].reverse()) {
    const folder = sourceFolder(model, copy.source.value);
    if (folder === null || installFolder(model, stage, copy.instruction, run, install) !== folder) continue;
    const files = model.context.files ?? {};
    // A member of the root's workspaces installs the whole workspace from the root's lockfile, with
    // every member's manifest (held-out BQ, OpenCRVS' packages/components: 'package.json and
    // yarn.lock in packages/components/' named, no such lockfile; judged wrong).
    if (NODE_ECOSYSTEMS.has(install.ecosystem) && isWorkspaceMember(model, folder)) continue;
    if (install.manifests.some((m) => files[`${folder}/${m}`] !== undefined)) return copy;
  }
  return null;
}

/** True when the root package.json's `workspaces` name `folder` (`packages/*` names `packages/components`). */
function isWorkspaceMember(model: DockerfileModel, folder: string): boolean {
  return (workspaceMembers(model) ?? []).some((member) => {
    const pattern = member.replace(/^\.\//, "");
    if (!pattern.includes("*")) return pattern === folder;
    const prefix = pattern.slice(0, pattern.indexOf("*"));
    return pattern.endsWith("/*") && folder.startsWith(prefix) && !folder.slice(prefix.length).includes("/");
  });
}

/**
 * In a pnpm workspace, the first copy of a folder that lands below the folder the root's install
 * runs in (`COPY ./packages /usr/app/packages` before `pnpm install` in /usr/app), after the
 * lockfile was copied there on its own: the install reads every member's package.json, so any
 * source edit in those folders reruns it (held-out BY, botpress' chat integration: missed).
 * pnpm's remedy reads the lockfile alone: `pnpm fetch` before the member folders come (pnpm is
 * installed by then: the lockfile's copy may come first), then `--offline` on the install. Null
 * where that does not hold, or the stage's pnpm has no `fetch`.
 */
function workspaceMemberCopy(
  model: DockerfileModel,
  stage: Stage,
  copies: readonly FolderCopy[],
  run: Instruction,
  install: DependencyInstall,
): FolderCopy | null {
  if (install.ecosystem !== "pnpm" || !model.context.rootEntries?.includes("pnpm-workspace.yaml") || lacksPnpmFetch(model, stage)) return null;
  const dir = commandDirectory(model, stage, run, install.command);
  if (dir === null || installFolderOption(install) !== null) return null;
  for (const copy of copies) {
    if (copy.instruction.ordinal > run.ordinal) break;
    // A member's manifest copied on its own (`COPY web/client/package.json ./web/client/`) is the
    // usual remedy, not the problem: only a folder (a name without an extension) brings sources.
    const copied = unquoteWord(copy.source.value).replace(/\/+$/, "");
    if (/\.[^/]*$/.test(copied)) continue;
    // The patches `patchedDependencies` names are the install's input, as the lockfile is (held-out
    // CQ, SparkyFitness: `COPY patches/ ./patches/` judged wrong as a source copy).
    if (PNPM_FETCH_FILES.includes(`${baseName(copied)}/`)) continue;
    const target = copyDestination(model, stage, copy.instruction);
    if (target === null || !target.startsWith(`${dir === "/" ? "" : dir}/`)) continue;
    // The workspace was installed before the members came (`pnpm install --offline`, then `COPY
    // packages ./packages`, a build, and a production reinstall that prunes): that first install
    // is the one the cache keeps (the tuned growthbook).
    if (installsPnpmBefore(stage, copy.instruction)) return null;
    const lockfileCopy = manifestCopyBefore(stage, copy.instruction, ["pnpm-lock.yaml"]);
    // The lockfile must have come to the install's folder: `pnpm fetch` runs there.
    const lockTarget = lockfileCopy === null ? null : copyDestination(model, stage, lockfileCopy);
    if (lockfileCopy === null || (lockTarget !== dir && lockTarget !== `${dir === "/" ? "" : dir}/pnpm-lock.yaml`)) return null;
    return copy;
  }
  return null;
}

/** True when a RUN of `stage` before `before` installs pnpm dependencies (`pnpm install`, not `pnpm fetch`). */
function installsPnpmBefore(stage: Stage, before: Instruction): boolean {
  return stage.instructions.some(
    (i) =>
      i.keyword === "RUN" &&
      i.ordinal < before.ordinal &&
      i.commands.some((c) => {
        const install = dependencyInstall(c);
        return install?.ecosystem === "pnpm" && !install.installsNamedPackages && install.fillsStoreOnly !== true;
      }),
  );
}

/**
 * The folder of the build context the install runs in, when the broad copy brought it there:
 * `""` for the context root, `assets` after `cd assets`; null when it cannot be told.
 */
function installFolder(model: DockerfileModel, stage: Stage, broadCopy: Instruction, run: Instruction, install: DependencyInstall): string | null {
  const paths = copyPaths(broadCopy);
  const copyDir = workdirOf(model, stage, broadCopy);
  if (paths === null || (copyDir === null && !paths.dest.value.startsWith("/"))) return null;
  const root = joinPath(copyDir ?? "/", unquoteWord(paths.dest.value));
  const current = commandDirectory(model, stage, run, install.command);
  const option = installFolderOption(install);
  if (current === null || (option !== null && option.includes("$"))) return null;
  const dir = option === null ? current : joinPath(current, option);
  if (!isSameOrParentPath(root, dir)) return null;
  const below = dir === root ? "" : dir.slice(root === "/" ? 1 : root.length + 1);
  // A copy of one folder of the context (`COPY frontend ./frontend`) puts that folder at its destination.
  const folder = paths.sources.length === 1 ? sourceFolder(model, paths.sources[0].value) : null;
  if (folder === null) return below;
  return below === "" ? folder : `${folder}/${below}`;
}

/** True when the install's package.json, read from the context, declares no dependencies: it has nothing to download. */
function installsNothing(model: DockerfileModel, stage: Stage, broadCopy: Instruction, run: Instruction, install: DependencyInstall): boolean {
  if (!NODE_ECOSYSTEMS.has(install.ecosystem)) return false;
  const folder = installFolder(model, stage, broadCopy, run, install);
  return folder !== null && declaresNoNodeDependencies(model.context, folder === "" ? "package.json" : `${folder}/package.json`);
}

/**
 * True when the install runs in a folder below the broad copy's destination whose top folder is not
 * in the build context (its root entries are known): another step of the build put it there (an SDK
 * installer that downloads a release with its package.json), so no manifest of the context is read.
 */
function manifestsOutsideContext(model: DockerfileModel, stage: Stage, broadCopy: Instruction, run: Instruction, install: DependencyInstall): boolean {
  const entries = model.context.rootEntries;
  if (entries === undefined || !FOLDER_MANIFESTS.has(install.ecosystem)) return false;
  // Only the whole context copied: `COPY src/ /app` puts other folders at the destination's top.
  const paths = copyPaths(broadCopy);
  if (paths === null || paths.sources.length !== 1 || !/^\.\/?$/.test(unquoteWord(paths.sources[0].value))) return false;
  const copyEnv = environmentViewAt(model, stage, broadCopy);
  const dest = substituteVariables(unquoteWord(paths.dest.value), copyEnv);
  if (dest.unresolved.length > 0 || !dest.value.startsWith("/")) return false;
  const root = normalizePath(dest.value);
  const dir = installDirectory(model, stage, run, install.command);
  if (dir === null || dir === root) return false;
  // A folder outside the copy's destination that no copy of the stages fills: a step of the build
  // wrote its manifest there (held-out CT, Zenodo: `zenodo npm` writes the instance's package.json,
  // then `cd ${INVENIO_INSTANCE_PATH}/static && npm install`; "copy the manifests first" judged wrong).
  if (!isSameOrParentPath(root, dir)) return !copiedInto(model, stage, dir);
  const top = dir.slice(root === "/" ? 1 : root.length + 1).split("/")[0];
  return !entries.includes(`${top}/`) && !entries.includes(top);
}

/** True when a COPY or ADD of `stage` or a stage it builds on may put files in `dir`: into it or below, a folder into one above it, or to a path not known. */
function copiedInto(model: DockerfileModel, stage: Stage, dir: string): boolean {
  return lineage(stage).some((s) =>
    s.instructions.some((copy) => {
      if (copy.keyword !== "COPY" && copy.keyword !== "ADD") return false;
      const paths = copyPaths(copy);
      const target = copyDestination(model, s, copy);
      if (paths === null || target === null) return true;
      if (isSameOrParentPath(dir, target)) return true;
      // A copy into a folder above it reaches it only with a folder (`COPY . /`), not with a file (`COPY entrypoint.sh /`).
      return isSameOrParentPath(target, dir) && paths.sources.some((source) => !/\.[A-Za-z0-9]+$/.test(unquoteWord(source.value)));
    }),
  );
}

/** True when a pip install's requirement files, read from the context, install a local folder (`-e .`). */
function requirementsNeedSources(model: DockerfileModel, stage: Stage, broadCopy: Instruction, run: Instruction, install: DependencyInstall): boolean {
  if (install.ecosystem !== "pip" || install.manifests.length === 0 || install.exportedBy !== undefined) return false;
  const folder = installFolder(model, stage, broadCopy, run, install);
  if (folder === null) return false;
  const manifests = install.manifests.filter((m) => !m.startsWith("/") && !m.includes("$")).map((m) => (folder === "" ? m : `${folder}/${m}`));
  return requirementsInstallLocalFolder(manifests, model.context);
}

/**
 * True when a pip install's requirement file, as the install names it or as the COPY that brought it
 * names its source, holds a build argument the project's builds pass (`*`: one passed through a
 * variable, which may be it): the file the Dockerfile's default names may not be the one read.
 */
function requirementsChosenByBuildArgument(model: DockerfileModel, install: DependencyInstall, manifestCopy: Instruction | null): boolean {
  const passed = model.context.buildArgs?.passed;
  if (install.ecosystem !== "pip" || passed === undefined || passed.length === 0) return false;
  const sources = manifestCopy === null ? [] : (copyPaths(manifestCopy)?.sources.map((s) => s.value) ?? []);
  return [...install.manifests, ...sources].some((path) => variableNames(path).some((name) => passed.includes(name) || passed.includes("*")));
}

/**
 * True when, between the copy and `install` (a Node install of `run`), a command runs one of the
 * project's package scripts (`npm run load-config`, `yarn run x`) or a file of the project with node
 * (`node scripts/setup.js`).
 */
function projectScriptBefore(stage: Stage, copy: Instruction, run: Instruction, install: DependencyInstall): boolean {
  if (!NODE_ECOSYSTEMS.has(install.ecosystem)) return false;
  const runs = stage.instructions.filter((i) => i.keyword === "RUN" && i.ordinal > copy.ordinal && i.ordinal <= run.ordinal);
  return runs.some((i) =>
    (i === run ? i.commands.slice(0, i.commands.indexOf(install.command)) : i.commands).some((c) => {
      const [first, second] = c.args.map((a) => a.value);
      if (NODE_PACKAGE_MANAGERS.has(c.name)) return first === "run" || first === "run-script";
      return c.name === "node" && first !== undefined && !first.startsWith("-") && !first.startsWith("/") && second !== "--version";
    }),
  );
}

/** Commands that compile or export requirement files, and the options that name the file they write. */
const REQUIREMENT_WRITERS = /^(?:pip-compile|uv|poetry|pdm|pipenv)$/;
const OUTPUT_OPTIONS = ["-o", "--output-file", "--output"];

/**
 * True when every manifest `install` reads is written between `broadCopy` and the install: by a
 * requirement compiler's or exporter's output option (`pip-compile -o`, `uv pip compile -o`,
 * `poetry export --output`) or a redirection (`pipenv requirements > requirements.txt`).
 */
function manifestsGeneratedAfter(model: DockerfileModel, stage: Stage, broadCopy: Instruction, run: Instruction, install: DependencyInstall): boolean {
  if (install.manifests.length === 0) return false;
  const written = new Set<string>();
  const runs = stage.instructions.filter((i) => i.keyword === "RUN" && i.ordinal > broadCopy.ordinal && i.ordinal <= run.ordinal);
  for (const i of runs) {
    const commands = i === run ? i.commands.slice(0, i.commands.indexOf(install.command)) : i.commands;
    for (const command of commands) {
      if (!REQUIREMENT_WRITERS.test(command.name)) continue;
      const output = optionValue(
        command.args.map((w) => w.value),
        OUTPUT_OPTIONS,
      );
      if (output !== null) written.add(normalizePath(unquoteWord(output)));
    }
    for (const write of fileWritesOf(model, i, () => null)) written.add(normalizePath(write.path));
  }
  return install.manifests.every((manifest) => written.has(normalizePath(manifest)));
}

/**
 * The absolute directory `command` runs in, following the `cd` commands before it in its RUN with
 * the stage's variables substituted (`cd ${SDK}/tool`); null when a `cd` cannot be resolved or
 * when the RUN branches (a `cd` of a subshell may not apply).
 */
function installDirectory(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand): string | null {
  const at = run.commands.indexOf(command);
  if (at < 0 || run.commands.slice(0, at + 1).some((c) => c.depth !== command.depth)) return null;
  const env = environmentViewAt(model, stage, run);
  let current = workdirOf(model, stage, run);
  for (const c of run.commands.slice(0, at)) {
    if (c.name !== "cd") continue;
    const target = c.args.find((a) => !a.value.startsWith("-"));
    if (target === undefined) return null;
    const path = substituteVariables(unquoteWord(target.value), env);
    if (path.unresolved.length > 0 || path.value === "-" || /^~|[$`*?]/.test(path.value)) return null;
    current = path.value.startsWith("/") ? joinPath("/", path.value) : current === null ? null : joinPath(current, path.value);
  }
  return current;
}

/**
 * True when a `COPY --from` before the install puts the project's installed dependencies (its
 * `vendor`, `node_modules`, `.venv`) into the install's working directory. A copy made before the
 * broad copy counts when the context does not send that folder, so the broad copy leaves it as the
 * other stage built it (held-out BH, business_card: a builder syncs pyproject.toml and uv.lock, the
 * final stage copies its .venv, then the sources, and syncs again: judged wrong).
 * A global folder (`/usr/local/lib/node_modules`, the npm of a node image) is not the project's.
 */
function dependenciesCopiedIn(model: DockerfileModel, stage: Stage, broadCopy: Instruction, run: Instruction, ecosystem: Ecosystem): boolean {
  const folder = DEPENDENCY_DIRS[ecosystem];
  if (folder === undefined) return false;
  const workdir = workdirOf(model, stage, run);
  if (workdir === null) return false;
  const before = stage.instructions.filter((i) => i.ordinal < run.ordinal && i !== broadCopy);
  return before.some((i) => {
    if (i.keyword !== "COPY" || !i.flags.some((f) => f.name === "from")) return false;
    if (i.ordinal < broadCopy.ordinal && !broadCopyKeeps(model, stage, broadCopy, workdir, folder)) return false;
    const paths = copyPaths(i);
    if (paths === null) return false;
    const copyDir = workdirOf(model, stage, i);
    const dest = paths.dest.value;
    if (!dest.startsWith("/") && copyDir === null) return false;
    const target = joinPath(copyDir ?? "/", dest);
    const parent = target.slice(0, target.lastIndexOf("/")) || "/";
    const name = target.slice(target.lastIndexOf("/") + 1);
    // `COPY --from=deps /app/node_modules ./` names the folder by its source.
    const sourceNames = paths.sources.map((s) => normalizePath(s.value).split("/").pop() ?? "");
    return (name === folder && parent === workdir) || (target === workdir && sourceNames.includes(folder));
  });
}

/**
 * True when the broad copy cannot overwrite the dependency folder in `workdir`: it copies into a
 * folder that does not hold `workdir`, or into `workdir` itself with .dockerignore keeping the
 * dependency folder out (a local `.venv` or `node_modules` would otherwise land on the copied one).
 */
function broadCopyKeeps(model: DockerfileModel, stage: Stage, broadCopy: Instruction, workdir: string, folder: string): boolean {
  const paths = copyPaths(broadCopy);
  if (paths === null) return false;
  const copyDir = workdirOf(model, stage, broadCopy);
  if (!paths.dest.value.startsWith("/") && copyDir === null) return false;
  const dest = joinPath(copyDir ?? "/", paths.dest.value);
  if (!isSameOrParentPath(dest, workdir)) return true;
  return dest === workdir && typeof model.context.dockerignore === "string" && !isSent(model, folder);
}

/** The first COPY/ADD before `broadCopy` that brings one of `manifests` in, by name, wildcard or its directory; null when none does. */
function manifestCopyBefore(stage: Stage, broadCopy: Instruction, manifests: readonly string[]): Instruction | null {
  for (const instruction of stage.instructions) {
    if (instruction === broadCopy) return null;
    if (manifests.some((m) => copiesManifest(instruction, m))) return instruction;
  }
  return null;
}

/**
 * The report for an install after the sources whose manifests a COPY before them already brought:
 * running it right after that COPY is the whole remedy. Null (silent) where that move is not
 * enough or not known to be: a pnpm workspace (pnpm fetch is its remedy), an install in another
 * folder, or one whose scripts read the sources or files of their own.
 */
function installAfterManifestCopy(
  model: DockerfileModel,
  stage: Stage,
  copy: Instruction,
  source: Token,
  run: Instruction,
  install: DependencyInstall,
  manifestCopy: Instruction,
): Report | null {
  if (install.ecosystem === "pnpm" && model.context.rootEntries?.includes("pnpm-workspace.yaml")) return null;
  const folder = FOLDER_MANIFESTS.has(install.ecosystem) ? installFolder(model, stage, copy, run, install) : null;
  if ((folder !== null && folder !== "") || installFolderOption(install) !== null) return null;
  // Every install of the ecosystem in the RUN moves with it (`npm ci --ignore-scripts && ... && npm ci`):
  // scripts any of them runs may read the sources (held-out AV's check on the tuned parse-server).
  const installs = run.commands.map(dependencyInstall).filter((i): i is DependencyInstall => i !== null && i.ecosystem === install.ecosystem);
  if (installs.some((i) => scriptFilesOnly(model, stage, run, i) !== null || sourceReadingSteps(model, stage, run, i, folder) !== null)) return null;
  return {
    range: source.range,
    messageId: "installAfterSources",
    data: {
      copy: instructionOnOneLine(model, copy),
      install: describeInstall(install.command),
      manifestLine: manifestCopy.range.start.line + 1,
    },
  };
}

/** True when `instruction` copies `manifest` from the context, by name, wildcard or its directory. */
function copiesManifest(instruction: Instruction, manifest: string): boolean {
  const wanted = normalizePath(manifest);
  const copy = contextCopy(instruction);
  if (!copy) return false;
  return copy.sources.some((source) => {
    const path = normalizePath(source.value);
    // `COPY requirements.txt /tmp/` then `pip install -r /tmp/requirements.txt`: match by file name too.
    const name = wanted.slice(wanted.lastIndexOf("/") + 1);
    return sourceCopiesFile(source.value, manifest) || sourceCopiesFile(source.value, name) || (wanted.includes("/") && wanted.startsWith(`${path}/`));
  });
}

/** `npm ci`, `pip install`, `go mod download`, `mvn dependency:go-offline`: the program and its subcommand. */
function describeInstall(command: ShellCommand): string {
  const words = [command.program ?? command.words[0]];
  // `pnpm --dir ./frontend i`: the folder is the option's value, not the subcommand.
  const optionValues = new Set(command.args.filter((_w, i) => i > 0 && takesValue(command.name, command.args[i - 1].value)));
  for (const arg of command.args) {
    if ((arg.value.startsWith("-") && arg.value !== "-m") || optionValues.has(arg)) continue;
    // `go mod download`, `python -m pip install`, `php composer.phar install`: the subcommand follows.
    if (words.length > 1 && !/^(?:mod|pip|-m|(?:.*\/)?composer(?:\.phar)?)$/.test(words[words.length - 1].value)) break;
    words.push(arg);
    if (words.length >= 4) break;
  }
  return words.map((w) => w.value).join(" ");
}
