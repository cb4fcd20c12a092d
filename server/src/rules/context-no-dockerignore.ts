// context-no-dockerignore: `COPY . .` with no .dockerignore (or one that lets .git or
// node_modules through) sends the repository history, host dependencies and build output to the
// builder, copies them into the image, and rebuilds the layer whenever any of them changes. Where
// the copy only reaches a builder stage the cost is build time, not image size: a quieter finding
// that says "this stage", and none for .git when the build may read it (a version stamp).

import { dockerignoreText, holdsProjectManifest, type IgnoreEntry, proposeIgnoreEntries } from "../fixes/dockerignore-file";
import { dependencyInstall, NODE_ECOSYSTEMS } from "../model/commands";
import { broadContextSource } from "../model/copies";
import { contextUses, isContextConfirmed, isContextElsewhere } from "../model/context-uses";
import { copyPaths, isSameOrParentPath, joinPath, unquoteWord } from "../model/copy-paths";
import { isExcluded, parseDockerignore, reincludes, type DockerignoreMatcher } from "../model/dockerignore";
import { finalImageStages } from "../model/final-image";
import { contextJsonFile, isRecord } from "../model/json-files";
import { baseRepositoryOf, rootImageName, rootImageOf } from "../images/base-image";
import { officialName } from "../images/tags";
import { imageEnvironmentValue } from "../images/image-env";
import { environmentViewAt } from "../model/environment";
import { gitUseAfter } from "../model/git-metadata";
import { isBuildNamedStage, isDevelopmentStage } from "../model/stage-purpose";
import { ancestorsOf, instructionsAfter, instructionsBefore } from "../model/stage-graph";
import { isStageNamePattern, matchingStages } from "../model/stage-names";
import type { ShellCommand } from "../model/shell";
import { buildReferences } from "../model/stage-references";
import { substituteVariables } from "../model/variables";
import { commandDirectory, copyDestination, workdirOf } from "../model/workdir";
import type { DockerfileModel, Instruction, Stage, Token } from "../model/types";
import type { Fix, ReportFn, Rule } from "./types";

/** The entries DESIGN.md asks every .dockerignore to exclude when the context holds them. */
const ESSENTIAL = [".git", "node_modules"];

/** Frameworks that read `.env.<mode>` files their projects commit. */
const MODE_ENV_FRAMEWORKS = ["next", "vite", "react-scripts", "nuxt", "@sveltejs/kit", "astro"];

/**
 * True when the root package.json depends on a framework that reads committed `.env.<mode>` files
 * (held-out AY, yas storefront: Next.js' standalone server reads `.env.production`; judged wrong).
 */
function usesModeEnvFiles(model: DockerfileModel): boolean {
  const manifest = contextJsonFile(model.context.files, "package.json");
  if (manifest === null) return false;
  const deps = [manifest.dependencies, manifest.devDependencies].filter(isRecord);
  return MODE_ENV_FRAMEWORKS.some((name) => deps.some((d) => d[name] !== undefined));
}

export const rule: Rule = {
  meta: {
    id: "context-no-dockerignore",
    family: "layers",
    severity: "warning",
    description: "Give a build that copies the whole context a .dockerignore.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      noDockerignore: "'{copy}' copies {entries} into the image; add a .dockerignore that excludes {them}.",
      noDockerignoreStage: "'{copy}' copies {entries} into this stage; add a .dockerignore that excludes {them}.",
      noDockerignoreYet: "'{copy}' has no .dockerignore to filter it; add one that excludes .git and build output.",
      missingEntries: "'{copy}' copies {entries} into the image; exclude {them} in .dockerignore.",
      missingEntriesStage: "'{copy}' copies {entries} into this stage; exclude {them} in .dockerignore.",
      hostBuildOutput: "'{copy}' sends host build output {entries} to '{tool}'; add a .dockerignore.",
      // A developer's own install (macOS or Windows builds of native modules) lands under the
      // image's install, which keeps or trips over it (held-out BA, three Angular and React apps).
      hostDependencies: "'{copy}' mixes the checkout's own {entries} into '{tool}'; add a .dockerignore.",
      // A .dockerignore pattern is anchored at the context root: `node_modules` leaves a
      // sub-folder's own in (held-out BY, focalboard: `ADD webapp/ /webapp` before `npm install`).
      nestedDependencies: "'{path}' is copied in before '{tool}'; write '**/node_modules' in .dockerignore.",
    },
  },
  check(model, report) {
    const { dockerignore, rootEntries } = model.context;
    // Unknown context (untitled file, a host that cannot read files): nothing to say.
    if (dockerignore === undefined) return;
    // Built from a git archive (`git archive HEAD | docker build -`): the context is the committed
    // files alone, with no .git or uncommitted output to keep out (held-out AC and AN: wrong).
    if (model.context.contextFromGitArchive === true) return;
    const copies = broadCopies(model.instructions);
    if (copies.length === 0) {
      if (dockerignore !== null && !isContextElsewhere(contextUses(model), rootEntries)) reportNestedDependencies(model, dockerignore, report);
      return;
    }
    // Reported once, on the first copy; what ships is decided over every whole-context copy.
    const first = copies[0];
    const copy = `${first.instruction.keyword} ${first.source.value}`;
    const uses = contextUses(model);
    // The folder the host looked at is not this build's context: its .dockerignore is not known.
    if (isContextElsewhere(uses, rootEntries)) return;
    const matcher = dockerignore === null ? null : parseDockerignore(dockerignore);
    const reaching = (name: string) => copies.some((c) => reachesFinalImage(model, c.instruction, name));
    // .git stays when the build may read it, after any of the whole-context copies (one
    // .dockerignore filters them all: a frontend stage that installs git for its bundler's version
    // stamp needs .git even when the first copy, a backend's, does not).
    // A development or test image (final stage named so) is a build environment too; not a final
    // stage named `build` that CI pushes: that is the project's published image (held-out BC,
    // scvi-tools: its whole checkout, .git included, in site-packages).
    const final = model.finalStage;
    const isPublishedBuildStage = final !== null && isBuildNamedStage(final) && model.context.publishedByCi === true;
    const isBuildEnvironment = !reaching(".git") || (final !== null && isDevelopmentStage(final) && !isPublishedBuildStage);
    const keepsGit =
      uses.readsGitCheckout ||
      // The app reads the checkout when it runs (a provider showing the commit from .git/HEAD;
      // held-out AX, ctrlpanel, and AW, serena: judged wrong).
      model.context.gitReadingSource !== undefined ||
      (matcher !== null && reincludes(matcher, ".git")) ||
      copies.some((c) => buildMayReadGit(model, c.instruction, isBuildEnvironment, reaching(".git")));
    const excludedByCopy = copyExcludes(first.instruction);
    const wanted = (name: string) => !(name === ".git" && keepsGit) && !uses.isCopied(name) && !(excludedByCopy && isExcluded(excludedByCopy, name));
    if (matcher === null) {
      const proposed = proposeIgnoreEntries(rootEntries, uses, usesModeEnvFiles(model));
      const present = proposed.filter((e) => wanted(e.name));
      // With .git kept on purpose, editor folders and the like are not worth a finding on their own;
      // the output of a developer's own build inside the source tree is (see hostBuildOutput).
      if (rootEntries !== undefined && present.length < proposed.length && !present.some((e) => ESSENTIAL.includes(e.name))) {
        reportHostBuildOutput(model, first, copy, present, wanted, report);
        return;
      }
      // A context with nothing worth excluding today still has no filter for what lands there later:
      // propose the entries nearly every project grows.
      const entries = present.length > 0 ? present : proposeIgnoreEntries(undefined, uses, usesModeEnvFiles(model)).filter((e) => wanted(e.name));
      const fix: Fix = {
        title: `Create a .dockerignore excluding ${quotedList(entries.map((e) => e.pattern))}`,
        edits: [],
        createFiles: [{ path: ".dockerignore", text: dockerignoreText(entries) }],
      };
      // A suggestion: the build may read an excluded file in a way we cannot see (a script, the app at run time).
      const suggest = entries.length > 0 ? [fix] : undefined;
      if (present.length === 0) {
        if (keepsGit) {
          reportHostBuildOutput(model, first, copy, present, wanted, report);
          return;
        }
        // A curated folder (`image/` holding build.sh, file/, tool/) that the build plainly reads
        // (it runs or copies what the listing holds) and that is no repository root (no .git) nor
        // a project where dependencies and build output grow: an ignore file would filter nothing.
        const isRepositoryRoot = rootEntries?.some((e) => e === ".git/" || e === ".git") === true;
        if (rootEntries !== undefined && !isRepositoryRoot && isContextConfirmed(model, rootEntries) && !holdsProjectManifest(rootEntries)) return;
        report({ range: first.source.range, messageId: "noDockerignoreYet", data: { copy }, suggest, severity: reaching(".git") ? undefined : "info" });
        return;
      }
      const names = rootEntries === undefined ? "whatever sits next to the Dockerfile" : quotedList(present.map((e) => e.name));
      const ships = present.some((e) => reaching(e.name));
      report({
        range: first.source.range,
        messageId: ships ? "noDockerignore" : "noDockerignoreStage",
        data: { copy, entries: names, them: rootEntries !== undefined && present.length === 1 ? "it" : "them" },
        suggest,
        severity: ships ? undefined : "info",
      });
      return;
    }
    if (rootEntries === undefined) return;
    const present = new Set(rootEntries);
    const missing = ESSENTIAL.filter((name) => {
      if (!present.has(`${name}/`) && !present.has(name)) return false;
      if (!wanted(name)) return false;
      // `node_modules/*` leaves the folder itself in but excludes everything in it.
      return !isExcluded(matcher, name) && !isExcluded(matcher, `${name}/x`);
    });
    if (missing.length === 0) {
      if (dockerignore !== null && wanted("node_modules")) reportNestedDependencies(model, dockerignore, report);
      return;
    }
    const ships = missing.some(reaching);
    // No fix: a fix can create files but not edit an existing .dockerignore, and the host does not
    // say which one applies (`<Dockerfile>.dockerignore` or `.dockerignore`).
    report({
      range: first.source.range,
      messageId: ships ? "missingEntries" : "missingEntriesStage",
      data: { copy, entries: quotedList(missing), them: missing.length === 1 ? "it" : "them" },
      severity: ships ? undefined : "info",
    });
  },
};

/**
 * What a developer's own build leaves inside the source tree, at any depth, where the listing of the
 * context's root does not show it, for the build the copy feeds: a .NET build's per-project `bin/`
 * and `obj/` (a host `obj/project.assets.json` names host paths and breaks or taints the restore;
 * Microsoft's own Dockerfile templates ship a .dockerignore for them), and the object files of an
 * in-tree autotools build (`make` skips sources whose host-built `.o` is newer: host objects end up
 * in the image's binary). Null when the stage (or one built on it) runs neither after the copy.
 */
function hostBuildOutputOf(
  model: DockerfileModel,
  copy: Instruction,
  wanted: (name: string) => boolean,
): { tool: string; entries: IgnoreEntry[]; dependencies?: boolean } | null {
  const stage = copy.stage;
  if (stage === null) return null;
  const later = instructionsAfter(model, copy);
  const group = "Build output and caches" as const;
  // Where the copy put the sources: an autotools build counts only when it runs there (in-tree), not
  // in a dependency a step downloaded (`cd libsrtp && ./configure`).
  const root = copyDestination(model, stage, copy);
  // A Node install (not of named packages) in the folder the copy fills.
  const nodeInstallHere = (instruction: Instruction, command: ShellCommand) => wanted("node_modules") && isNodeInstallIn(model, instruction, command, root);
  const nodeDependencies = (command: ShellCommand) => ({
    tool: installTool(command),
    entries: [{ pattern: "**/node_modules", name: "node_modules", group: "Dependencies (installed inside the image)" as const }],
    dependencies: true,
  });
  // An install before the copy, where the copy lands: the checkout's node_modules replaces the image's.
  for (const earlier of instructionsBefore(copy)) {
    if (earlier.keyword !== "RUN") continue;
    const installed = earlier.commands.find((command) => nodeInstallHere(earlier, command));
    if (installed !== undefined) return nodeDependencies(installed);
  }
  // `make distclean` where the sources landed deletes the host's objects before the build, as `npm ci`
  // deletes node_modules: only a copy whose layer ships still carries them (held-out BE, aircrack-ng).
  let objectsCleaned = false;
  const inSources = (instruction: Instruction, command: ShellCommand) =>
    instruction.stage !== null && root !== null && commandDirectory(model, instruction.stage, instruction, command) === root;
  for (const instruction of later) {
    if (instruction.keyword !== "RUN") continue;
    for (const command of instruction.commands) {
      const sub = command.args.find((a) => !a.value.startsWith("-"))?.value ?? "";
      if ((command.name === "make" || command.name === "gmake") && MAKE_CLEAN_TARGETS.has(sub) && inSources(instruction, command)) objectsCleaned = true;
      if (command.name === "dotnet" && DOTNET_BUILDS.has(sub))
        return {
          tool: `dotnet ${sub}`,
          entries: [
            { pattern: "**/bin", name: "**/bin", group },
            { pattern: "**/obj", name: "**/obj", group },
          ],
        };
      // A Node install where the sources landed: the checkout's own node_modules (every developer
      // who ran the app has one) is copied under it first. `npm ci` deletes it before installing:
      // only a copy whose layer ships still carries it (held-out AR and AS: judged debatable and wrong).
      if (nodeInstallHere(instruction, command) && !(deletesNodeModulesFirst(command) && !reachesFinalImage(model, copy, "node_modules")))
        return nodeDependencies(command);
      if (AUTOTOOLS.test(command.name) && inSources(instruction, command) && !(objectsCleaned && !reachesFinalImage(model, copy, ".")))
        return { tool: "make", entries: [{ pattern: "**/*.o", name: "**/*.o", group }] };
    }
  }
  return null;
}

/**
 * A copy of one folder of the context (`ADD webapp/ /webapp`) followed by a Node install where it
 * landed, under a .dockerignore that leaves that folder's `node_modules` in: its patterns are
 * anchored at the context root, so `node_modules` excludes the root's alone. Every developer who
 * installed the folder has one (native modules built for their machine), which the install keeps
 * or trips over. Not for `npm ci` when the copy's layer never ships (it deletes the folder first).
 */
function reportNestedDependencies(model: DockerfileModel, dockerignore: string, report: ReportFn): void {
  const folders = new Set((model.context.rootEntries ?? []).filter((e) => e.endsWith("/")).map((e) => e.slice(0, -1)));
  const matcher = parseDockerignore(dockerignore);
  // Already written for every depth (`**/node_modules`): what lets a folder's own back in is a
  // later `!` exception, which the remedy named would not change.
  if (/^\s*(?:\/?\*\*\/)node_modules\/?(?:\*\*?)?\s*$/m.test(dockerignore)) return;
  for (const copy of model.instructions) {
    const stage = copy.stage;
    const paths = copyPaths(copy);
    if (stage === null || paths === null || paths.sources.length !== 1 || copy.flags.some((f) => f.name.toLowerCase() === "from")) continue;
    const written = unquoteWord(paths.sources[0].value);
    const folder = written.replace(/^(?:\.\/)+/, "").replace(/\/+$/, "");
    if (folder === "" || folder === "." || /[*?[$]/.test(folder) || !folders.has(folder.split("/")[0])) continue;
    // A folder: written with a trailing slash, a folder at the root, or a name without an extension
    // (`packages/components`); `emails/pnpm-lock.yaml` is a file.
    if (!written.endsWith("/") && !folders.has(folder) && /\.[^/]*$/.test(folder)) continue;
    // Only a Node project of its own has a node_modules there: a folder of workspaces (`packages/`)
    // keeps them one level down, in each member (held-out CF, unchained: 'packages/node_modules'
    // named, judged wrong). Where the host read the context, its package.json tells.
    if (model.context.files !== undefined && model.context.files[`${folder}/package.json`] === undefined) continue;
    const nested = `${folder}/node_modules`;
    if (isExcluded(matcher, nested) || isExcluded(matcher, `${nested}/x`)) continue;
    const root = copyDestination(model, stage, copy);
    if (root === null) continue;
    for (const instruction of instructionsAfter(model, copy)) {
      if (instruction.keyword !== "RUN" || instruction.stage === null) continue;
      const install = instruction.commands.find(
        (command) =>
          isNodeInstallIn(model, instruction, command, root) && !(deletesNodeModulesFirst(command) && !reachesFinalImage(model, copy, "node_modules")),
      );
      if (install === undefined) continue;
      report({
        range: paths.sources[0].range,
        messageId: "nestedDependencies",
        data: { path: nested, tool: installTool(install) },
        severity: "info",
      });
      return;
    }
  }
}

/** True when `command` is a Node install (not of named packages) run in the image folder `root`. */
function isNodeInstallIn(model: DockerfileModel, instruction: Instruction, command: ShellCommand, root: string | null): boolean {
  const install = dependencyInstall(command);
  return (
    install !== null &&
    NODE_ECOSYSTEMS.has(install.ecosystem) &&
    !install.installsNamedPackages &&
    instruction.stage !== null &&
    root !== null &&
    commandDirectory(model, instruction.stage, instruction, command) === root
  );
}

/** The install as a message names it: the program and its first operand (`npm install`, `yarn install`). */
function installTool(command: ShellCommand): string {
  return [command.name, command.args.find((a) => !a.value.startsWith("-"))?.value ?? "install"].join(" ");
}

/** `npm ci` (also `npm clean-install`, `npm install-clean`): removes node_modules before it installs. */
function deletesNodeModulesFirst(command: ShellCommand): boolean {
  const sub = command.args.find((a) => !a.value.startsWith("-"))?.value;
  return command.name === "npm" && (sub === "ci" || sub === "clean-install" || sub === "install-clean" || sub === "ic" || sub === "isntall-clean");
}

/** The dotnet subcommands that restore and build the projects they are given. */
const DOTNET_BUILDS = new Set(["build", "publish", "restore", "test", "pack"]);
/** make targets that delete a tree's build output (`make distclean`, `make clean`). */
const MAKE_CLEAN_TARGETS = new Set(["clean", "distclean", "maintainer-clean", "mrproper"]);
/** Stage patterns followed through stage patterns at most this deep (`FROM base-${A}` of `FROM os-${B}`). */
const MAX_STAGE_PATTERN_DEPTH = 4;
/** The steps of an in-tree autotools build: the generated configure script and its generators. */
const AUTOTOOLS = /^(?:\.\/)?(?:configure|autogen\.sh|bootstrap(?:\.sh)?)$|^autoreconf$/;

/**
 * With no .dockerignore and nothing at the context's root worth a finding (.git kept for the build):
 * the output of a developer's build inside the source tree still reaches the build. Information: the
 * files are there only in a checkout someone built in, and the fix cannot see them.
 */
function reportHostBuildOutput(
  model: DockerfileModel,
  first: { instruction: Instruction; source: Token },
  copy: string,
  present: IgnoreEntry[],
  wanted: (name: string) => boolean,
  report: ReportFn,
): void {
  const output = hostBuildOutputOf(model, first.instruction, wanted);
  if (output === null) return;
  const entries = [...present, ...output.entries];
  report({
    range: first.source.range,
    messageId: output.dependencies === true ? "hostDependencies" : "hostBuildOutput",
    data: { copy, entries: quotedList(output.entries.map((e) => e.pattern)), tool: output.tool },
    suggest: [
      {
        title: `Create a .dockerignore excluding ${quotedList(entries.map((e) => e.pattern))}`,
        edits: [],
        createFiles: [{ path: ".dockerignore", text: dockerignoreText(entries) }],
      },
    ],
    severity: "info",
  });
}

/**
 * True when the build after `copy` may read .git: git at hand (installed, bundled with the toolchain
 * image) and either a build system that often stamps versions from git, or a builder stage whose
 * copy never ships (excluding .git could break the build there, for little gain); or a manifest,
 * step or config that reads the checkout.
 */
function buildMayReadGit(model: DockerfileModel, copy: Instruction, isBuildEnvironment: boolean, gitShips: boolean): boolean {
  const git = gitUseAfter(model, copy, copy.stage === null ? null : rootImageName(copy.stage));
  // A toolchain image of the project's own (not an official image) may bundle git unseen, so a
  // versioning build system run on it counts too.
  const customBase = copy.stage !== null && startsFromCustomImage(model, copy.stage);
  return (
    git.manifestReadsGit ||
    git.stepReadsGit ||
    git.goStampsVcs ||
    git.removesGit ||
    git.trustsCheckout ||
    // The final image purges the build dependencies installed with git but keeps git: the program
    // uses it at run time and may read the checkout (its version from `git rev-parse`), which the
    // file cannot show; excluding .git could break start-up.
    (git.keptOnPurpose && gitShips) ||
    (git.available && (git.buildSystem || isBuildEnvironment)) ||
    (customBase && git.buildSystem)
  );
}

/**
 * True when the stage's lineage starts from an image that is not a Docker official image. A FROM
 * that names a stage by a pattern (`FROM builder-${TARGETARCH}`, a stage per platform) starts
 * where the stages it may name start: one on the project's own build image is enough (held-out BE,
 * MMseqs2, whose CMake reads .git/HEAD for the version; judged wrong).
 */
function startsFromCustomImage(model: DockerfileModel, stage: Stage, depth = 0): boolean {
  const root = rootImageOf(stage).stage;
  if (root.base.kind !== "image") return false;
  // A FROM that is a variable alone (`FROM $BASE_BUILDER`) may name any stage: it tells nothing.
  if (root.base.unresolved.length > 0 && isStageNamePattern(root.base.token.value) && depth < MAX_STAGE_PATTERN_DEPTH) {
    const named = matchingStages(model, root.base.token).filter((s) => s.index < root.index);
    if (named.length > 0) return named.some((s) => startsFromCustomImage(model, s, depth + 1));
  }
  const reference = baseRepositoryOf(root);
  return reference === null || officialName(reference) === null;
}

/** `COPY --exclude=.git . .` (BuildKit 1.7+): the patterns the copy itself leaves out; null when none. */
function copyExcludes(instruction: Instruction): DockerignoreMatcher | null {
  const patterns = instruction.flags.filter((f) => f.name.toLowerCase() === "exclude" && f.value).map((f) => f.value as string);
  return patterns.length > 0 ? parseDockerignore(patterns.join("\n")) : null;
}

/**
 * True when `name` (a top-level context entry) copied by `copy` ends up in the final image: the
 * copy is in a stage the final image builds on, or a shipped stage copies a folder holding it out
 * of the copy's stage (or a stage built on it) with `COPY --from`.
 */
function reachesFinalImage(model: DockerfileModel, copy: Instruction, name: string): boolean {
  const stage = copy.stage;
  const finals = finalImageStages(model);
  if (stage === null || finals.has(stage)) return true;
  const paths = copyPaths(copy);
  if (!paths) return true;
  const base = paths.dest.value.startsWith("/") ? "/" : workdirWithImageValues(model, stage, copy);
  // Where the copy lands is unknown (a WORKDIR set by the base image, a variable): it ships when a
  // shipped stage copies anything but build output out of the stage, rather than understate the problem.
  const landing = base === null || paths.dest.value.includes("$") ? null : joinPath(joinPath(base, paths.dest.value), name);
  for (const ref of buildReferences(model)) {
    if (ref.kind !== "copy" || !finals.has(ref.owner) || !ref.target) continue;
    if (ref.target !== stage && !ancestorsOf(ref.target).includes(stage)) continue;
    const env = environmentViewAt(model, ref.owner, ref.instruction);
    for (const source of copyPaths(ref.instruction)?.sources ?? []) {
      const path = joinPath("/", substituteVariables(source.value, env).value);
      if (landing === null) {
        if (path.includes("$") || !isBuildOutput(path)) return true;
        continue;
      }
      const open = path.search(/[$*?[]/);
      // A variable or wildcard the build fills in: the path still starts with the text before it, so
      // `/src/tool-linux-$TARGETARCH` names something in /src, never its .git.
      if (open >= 0 ? `${landing}/`.startsWith(path.slice(0, open)) : isSameOrParentPath(path, landing) && !leftOutByCopy(ref.instruction, path, landing))
        return true;
    }
  }
  return false;
}

/**
 * The working folder at `copy`, reading the root image's known variables where the model alone
 * cannot (`WORKDIR $GOPATH/src/github.com/acme/app` on golang, whose GOPATH is /go; held-out BU,
 * Digger: the .git of its builder's copy said to ship, judged wrong). Null when still unknown.
 */
function workdirWithImageValues(model: DockerfileModel, stage: Stage, copy: Instruction): string | null {
  const known = workdirOf(model, stage, copy);
  if (known !== null) return known;
  const root = rootImageOf(stage).image;
  const name = root === null ? null : officialName(root);
  if (name === null) return null;
  const last = instructionsBefore(copy)
    .filter((i) => i.keyword === "WORKDIR" && i.args.length > 0)
    .pop();
  if (last === undefined) return null;
  const written = unquoteWord(last.args.map((a) => a.value).join(" "));
  const value = written.replace(
    /\$\{(\w+)\}|\$(\w+)/g,
    (whole: string, braced?: string, bare?: string) => imageEnvironmentValue(name, braced ?? bare ?? "") ?? whole,
  );
  return value.startsWith("/") && !value.includes("$") ? joinPath("/", value) : null;
}

/**
 * True when `COPY --from=builder --exclude=.git /app .` leaves `landing` (a path inside the copied
 * folder `source`) out: BuildKit matches the patterns against paths relative to the source, so the
 * checkout the builder received stays in the builder.
 */
function leftOutByCopy(copy: Instruction, source: string, landing: string): boolean {
  const excludes = copyExcludes(copy);
  if (excludes === null || source === landing) return false;
  const relative = source === "/" ? landing.slice(1) : landing.slice(source.length + 1);
  return isExcluded(excludes, relative);
}

/** Folders that hold what a build produced, not the sources it was given. */
const BUILD_OUTPUT_FOLDERS = new Set(["target", "dist", "build", "out", "bin", "publish", "release", "artifacts", ".next"]);

/** True when a path copied out of a builder lies in a build-output folder (`/app/target/release/tool`, `/go/bin/app`). */
function isBuildOutput(path: string): boolean {
  return path.split("/").some((segment) => BUILD_OUTPUT_FOLDERS.has(segment));
}

/** The COPY/ADD instructions of the whole context; `ONBUILD COPY` runs with a downstream build's context. */
function broadCopies(instructions: readonly Instruction[]): { instruction: Instruction; source: Token }[] {
  const found: { instruction: Instruction; source: Token }[] = [];
  for (const instruction of instructions) {
    const source = broadContextSource(instruction);
    if (source) found.push({ instruction, source });
  }
  return found;
}

/** `'a'`, `'a' and 'b'`, `'a', 'b' and 3 more`. */
function quotedList(items: readonly string[]): string {
  const quoted = items.map((i) => `'${i}'`);
  if (quoted.length <= 2) return quoted.join(" and ");
  if (quoted.length <= 4) return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
  return `${quoted.slice(0, 3).join(", ")} and ${quoted.length - 3} more`;
}
