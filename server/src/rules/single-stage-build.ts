// single-stage-build: a single-stage file that compiles or bundles ships its build tools, sources
// and intermediate files. In single-stage files this rule wins over final-stage-toolchain (which
// only judges multi-stage files): the remedy is the conversion, and it reports on the build step.

import { baseName } from "../model/copy-paths";
import type { Rule } from "./types";
import { detectBuildSteps, turnsCgoOff } from "../model/build-steps";
import { buildToolKind, keptBuildTools, packageName } from "../model/build-tools";
import { systemPackageCommand } from "../model/commands";
import { declaresNoDevDependencies, installManifestSource, startCompilesSources } from "../model/dev-dependencies";
import { runsPlainNodeScript } from "../model/node-script-builds";
import { installsPhpDebugger } from "../model/php-debugger";
import { isCiAgentImage, isEmbeddedBuildHost } from "../model/root-by-design";
import { lineage } from "../model/stage-graph";
import { buildsAtStart } from "../model/start-steps";
import { startRunsWorkspaceScript } from "../model/workspace-scripts";
import { compilesAtRunTime } from "../model/run-time-compiles";
import type { ShellCommand } from "../model/shell";
import { developmentPurpose, startCommand, withoutInitWrapper } from "../model/stage-purpose";
import { isNamedBase } from "../model/image-role";
import { isKnownImage, lookupImageSize } from "../images/facts";
import { formatSize } from "../images/format-size";
import { parseImageReference } from "../images/reference";
import type { ImageReference } from "../images/reference";
import { effectiveTag, officialName } from "../images/tags";
import { baseImageOf } from "../images/base-image";
import { keptBuildPackagesOf } from "../images/kept-build-deps";
import { toolchainOf } from "../images/toolchains";
import { switchingArguments } from "../model/opt-in-branch";
import type { DockerfileModel } from "../model/types";
import type { BuildStep } from "../model/build-steps";

/** A wrapper's subcommands that install a package group, and those that take it out again. */
const WRAPPER_INSTALL = new Set(["install", "add"]);
const WRAPPER_REMOVE = new Set(["remove", "del", "delete", "purge", "uninstall"]);

/**
 * True when the RUN removes packages after the step: through the package manager, or through the
 * base's own wrapper that installed them earlier in the RUN (`package install .build-deps gcc make`
 * ... `package remove .build-deps`), which reads as the same build-and-purge idiom.
 */
function purgesAfter(commands: ShellCommand[], step: ShellCommand): boolean {
  const at = commands.indexOf(step);
  const wrappersInstalling = new Set(
    commands
      .slice(0, at)
      .filter((c) => systemPackageCommand(c) === null && WRAPPER_INSTALL.has(c.args[0]?.value ?? ""))
      .map((c) => c.name),
  );
  return commands
    .slice(at + 1)
    .some((c) => systemPackageCommand(c)?.action === "remove" || (wrappersInstalling.has(c.name) && WRAPPER_REMOVE.has(c.args[0]?.value ?? "")));
}

/**
 * True when splitting would not take the step's toolchain out of the image, or another rule already
 * reports it:
 * - a C build (`make`, `gcc`) on a base that keeps that tool itself (php's Debian images keep
 *   `$PHPIZE_DEPS` for their extension installers): a runtime stage on the same base has it too;
 * - a C build with compilers the file installs and keeps: final-stage-build-tools reports that
 *   install with the same remedy (a build stage), and one problem gets one finding (not on a
 *   compiler base, where that rule is silent);
 * - a C build on a base Stagecraft knows nothing of, in a file that names no compiler or headers
 *   package: the tools and the run-time dependencies both come from that base (see
 *   toolsOnlyFromUnknownBase);
 * - a package.json script that only runs `node <file>` (a template or index generator) in a project
 *   with no compiler or bundler: node, its only tool, is what the image runs.
 */
function toolchainStaysOrReported(model: DockerfileModel, step: BuildStep): boolean {
  if (step.ecosystem === "node") return runsPlainNodeScript(model, step) || sameNodeModulesAtRunTime(model, step) || buildFolderDeletedAfter(model, step);
  if (step.ecosystem !== "c") return false;
  const chain = lineage(model.stages[0]);
  const root = baseImageOf(chain[0]);
  const inBase = root ? keptBuildPackagesOf(root) : new Set<string>();
  if (inBase.has(step.tool)) return true;
  // On a compiler base (gcc, golang) final-stage-build-tools says nothing: this rule is the finding.
  if (root && toolchainOf(root)) return false;
  if (keptBuildTools(chain).some((kept) => kept.tools.some((t) => buildToolKind(t.value) === "compiler" && !inBase.has(packageName(t.value))))) return true;
  return root !== null && toolsOnlyFromUnknownBase(model, root);
}

/** A base whose name or tag says it is an SDK or build image (`nvidia/cuda:12.4-devel`, `acme/sdk`, `x/builder`). */
const BUILD_IMAGE_WORD = /(?:^|[-_./:])(?:dev|devel|sdk|build|builder|buildpack|buildpack-deps|toolchain|compiler)(?:$|[-_./:])/i;

/**
 * True when the make or compiler the step runs can only come from a base image Stagecraft knows
 * nothing of (not an official image, no size or toolchain facts, no SDK or build word in its name
 * or tag), because no RUN of the file names a build tool package at all (`netsandbox/request-tracker-base` with
 * a Perl application's `./configure && make install`, which copies Perl files into a prefix). The
 * base then carries whatever the build needs, and the run-time dependencies with it (the CPAN
 * modules of that Perl app): a runtime stage could only start from the same base, and would shed
 * nothing. Whether anything is compiled at all cannot be told either: `make install` of a pure-Perl
 * or other interpreted distribution only copies files. Silence over a split that may gain nothing.
 */
function toolsOnlyFromUnknownBase(model: DockerfileModel, root: ImageReference): boolean {
  if (officialName(root) !== null || isKnownImage(root.familiarName)) return false;
  if (BUILD_IMAGE_WORD.test(root.familiarName) || BUILD_IMAGE_WORD.test(effectiveTag(root) ?? "")) return false;
  // Any word naming a compiler or headers package counts, also one given to a distribution's own
  // install wrapper (`package install .build-deps build-base openssl-dev`) the model cannot read.
  const namesBuildTool = (command: ShellCommand): boolean => {
    const install = systemPackageCommand(command);
    if (install?.action === "install" && install.packages.some((p) => buildToolKind(p.value) !== null)) return true;
    return command.args.some((w) => {
      const kind = buildToolKind(w.value);
      return kind === "compiler" || kind === "headers";
    });
  };
  return !model.instructions.some((i) => i.keyword === "RUN" && i.commands.some(namesBuildTool));
}

/** Programs that run a Node app from its node_modules: node itself and the package managers' `start`. */
const NODE_RUNNERS = /^(?:node|nodejs|npm|yarn|pnpm|bun|npx)$/;

/**
 * True when the step builds a Node project whose package.json (read by the host) declares no
 * devDependencies and no workspaces, and the image starts the app with node or its package manager
 * (`yarn start`): a runtime stage then needs the production install, which is every package, the
 * compiler (`typescript`) included. Only the sources and the package manager's cache would stay
 * behind, and layer-package-cache reports the cache.
 */
function sameNodeModulesAtRunTime(model: DockerfileModel, step: BuildStep): boolean {
  const command = startCommand(model);
  const program = baseName((command === null ? undefined : withoutInitWrapper(command)[0]) ?? "");
  if (!NODE_RUNNERS.test(program)) return false;
  const source = installManifestSource(model, model.stages[0], step.instruction, step.command);
  return source?.kind === "context" && declaresNoDevDependencies(model.context.files, source.path);
}

/**
 * True when the image runs node and the same RUN deletes the folder the build ran in once it is
 * done (`cd app && npm ci && npm run build && cd .. && npm ci && rm -rf app`, psi-4ward/psitransfer):
 * the build's dev dependencies go with it, and what stays of its toolchain is node and npm, which
 * run the app; a second stage would save next to nothing (held-out AC: wrong).
 */
function buildFolderDeletedAfter(model: DockerfileModel, step: BuildStep): boolean {
  const command = startCommand(model);
  const program = baseName((command === null ? undefined : withoutInitWrapper(command)[0]) ?? "");
  if (!NODE_RUNNERS.test(program)) return false;
  const commands = step.instruction.commands;
  const at = commands.indexOf(step.command);
  const folder = commands
    .slice(0, at)
    .filter((c) => c.name === "cd" && c.depth === step.command.depth)
    .map((c) => c.args[0]?.value.replace(/^\.\//, "").replace(/\/+$/, ""))
    .pop();
  if (folder === undefined || folder === "" || folder === ".." || folder.includes("$")) return false;
  return commands
    .slice(at + 1)
    .some((c) => c.name === "rm" && c.args.some((a) => [folder, `${folder}/node_modules`].includes(a.value.replace(/^\.\//, "").replace(/\/+$/, ""))));
}

/**
 * True when the step sits in a branch on a build argument the project's callers pass (compose
 * `build.args`, bake `args`, `--build-arg`, a CI `build-args:`): `if [ "$ALREADY_BUILT" = 0 ]; then
 * npm run build; fi` where the publishing workflow builds on the runner and passes ALREADY_BUILT=1.
 * Which branch the passed value takes is not known, so the image may well ship prebuilt output.
 */
function skippedByCallers(model: DockerfileModel, step: BuildStep): boolean {
  const passed = model.context.buildArgs?.passed ?? [];
  return switchingArguments(model, step.instruction, step.command).some((name) => passed.includes(name));
}

export const rule: Rule = {
  meta: {
    id: "single-stage-build",
    family: "base-images",
    severity: "info",
    description: "Split building and running into stages.",
    fix: "none",
    equivalents: {},
    remedy: "convert",
    messages: {
      buildWithSaving:
        "This single-stage build ships the toolchain of '{tool}'; build in a first stage, run in a second. On '{runtime}' instead of '{image}' that saves about {saving} (estimate).",
      build: "This single-stage build ships the toolchain of '{tool}'; build in a first stage, run in a second.",
    },
  },
  check(model, report) {
    if (model.stages.length !== 1) return;
    const stage = model.stages[0];
    // No build step at all, the usual single-stage file: nothing to weigh (issue #16).
    const steps = detectBuildSteps(stage);
    if (steps.length === 0) return;
    if (developmentPurpose(model) !== null) return;
    // A base another Dockerfile extends (`Dockerfile.base` with no command of its own): the split
    // into a build and a runtime image is already there, across the two files.
    if (isNamedBase(model) && startCommand(model) === null) return;
    // Xdebug or PCOV on every build: a PHP development image, as for final-stage-build-tools.
    if (installsPhpDebugger(model)) return;
    // The container builds or installs at every start (an entry script's `npm run build` that bakes
    // run-time settings into the bundle, `npm install`, `make`): the toolchain is a run-time need, as
    // final-stage-build-tools reads it, and a runtime stage without it would not start.
    if (buildsAtStart(model)) return;
    // A CI agent (a runner, a buildbot worker) builds its jobs' projects with the toolchain it holds
    // (held-out AZ, llvm-zorg's clangd worker: the split judged wrong), as final-stage-build-tools reads it.
    if (isCiAgentImage(model, lineage(stage))) return;
    // A Yocto build host, as final-stage-build-tools reads it: its users' builds need the toolchain.
    if (isEmbeddedBuildHost(lineage(stage))) return;
    // The start compiles the sources with a devDependency (migrations and seeds through ts-node):
    // a runtime stage without that toolchain and the sources would not start.
    if (startCompilesSources(model, "package.json")) return;
    // The start runs a script of another workspace package, whose needs its unread manifest holds.
    if (startRunsWorkspaceScript(model)) return;
    // The file says its code is compiled when it runs (`# Force '-mtune=generic' for JIT-ed code`):
    // the compilers, MPI wrappers and headers are a run-time need (held-out BP, Firedrake: judged wrong).
    if (compilesAtRunTime(model)) return;
    // The official images' idiom builds from source and purges the build dependencies in the same
    // RUN: nothing of the toolchain stays in a layer, so that step is not reported.
    // A step in a branch on a build argument the project's builds pass may be skipped by them.
    const step = steps.find((st) => !purgesAfter(st.instruction.commands, st.command) && !skippedByCallers(model, st) && !toolchainStaysOrReported(model, st));
    if (!step) return;
    const range = step.range;
    const ref = baseImageOf(stage);
    const toolchain = ref ? toolchainOf(ref) : null;
    // A Go binary built with cgo on (the default, or through make, which the model does not read)
    // links the C library: distroless static would not run it, one with that library would.
    const runtimeName = toolchain?.cgoRuntime !== undefined && !turnsCgoOff(model, step) ? toolchain.cgoRuntime : toolchain?.runtime;
    const runtimeRef = runtimeName ? parseImageReference(runtimeName) : null;
    const base = ref ? lookupImageSize(ref) : null;
    const runtime = runtimeRef ? lookupImageSize(runtimeRef) : null;
    // Always labelled an estimate: the artifacts the runtime stage receives add to its size.
    if (runtimeName && base && runtime && base.amd64 - runtime.amd64 > 0) {
      report({
        range,
        messageId: "buildWithSaving",
        data: { tool: step.tool, image: stage.base.resolved, runtime: runtimeName, saving: formatSize(base.amd64 - runtime.amd64) },
      });
      return;
    }
    // No text fix: the "Convert to multi-stage" code action (a later issue) attaches here.
    report({ range, messageId: "build", data: { tool: step.tool } });
  },
};
