// layer-source-before-deps: `COPY . .` before `npm ci` (or pip, go, bundle ... installs) makes every
// source edit invalidate the install layer, so each build downloads every dependency again.
// Copying the manifests first lets the install come from the cache until they change.

import { manifestFirstEdits } from "../fixes/manifest-first";
import { dependencyInstall, type DependencyInstall, type Ecosystem } from "../model/commands";
import { broadContextSource, contextCopy, sourceCopiesFile } from "../model/copies";
import { copyPaths, joinPath, normalizePath } from "../model/copy-paths";
import { workdirOf } from "../model/workdir";
import { manifestPlan } from "../model/dependency-manifests";
import { instructionOnOneLine } from "../model/instruction-text";
import { mountsOf } from "../model/mounts";
import { ancestorsOf } from "../model/stage-graph";
import { isIgnoredBy } from "../model/dockerignore";
import type { ShellCommand } from "../model/shell";
import { isSourceFreeCommand } from "../model/source-free";
import type { DockerfileModel, Instruction, Stage, Token } from "../model/types";
import type { Fix, Report, Rule } from "./types";

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
};
/** Ecosystems whose install writes into the project directory, which a later `COPY . .` can overwrite. */
const INSTALL_DIRS: Partial<Record<Ecosystem, string>> = {
  npm: "node_modules",
  yarn: "node_modules",
  pnpm: "node_modules",
  bun: "node_modules",
  composer: "vendor",
  bundler: "vendor",
};

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
    },
  },
  check(model, report) {
    for (const stage of model.stages) {
      let broad: { instruction: Instruction; source: Token } | null = null;
      const reported = new Set<Ecosystem>();
      for (const instruction of stage.instructions) {
        const source = broadContextSource(instruction);
        if (source && !broad) broad = { instruction, source };
        if (!broad || instruction.keyword !== "RUN") continue;
        const copy = broad;
        for (const command of instruction.commands) {
          const install = dependencyInstall(command);
          if (!install || install.installsNamedPackages || reported.has(install.ecosystem)) continue;
          if (install.manifests.some((m) => copiedBefore(stage, copy.instruction, m))) continue;
          // Dependencies already installed before the copy (from bind-mounted manifests with
          // `uv sync --no-install-project`, say): this install only adds the project itself.
          if (installedBefore(stage, copy.instruction, instruction, install.ecosystem)) continue;
          // The dependencies arrive built from another stage (`COPY --from=build /build/vendor vendor`):
          // the install only checks them and downloads nothing when the sources change.
          if (dependenciesCopiedIn(model, stage, copy.instruction, instruction, install.ecosystem)) continue;
          // A cache mount keeps the downloads warm: a rerun does not download everything again.
          if (mountsOf(instruction).some((m) => m.type === "cache")) continue;
          reported.add(install.ecosystem);
          report(reportFor(model, stage, copy.instruction, copy.source, instruction, install, reported.size === 1));
        }
      }
    }
  },
};

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
  const fix = offerFix ? reorderFix(model, stage, copy, run, install) : null;
  return {
    range: source.range,
    messageId: "sourceBeforeDeps",
    data: {
      copy: instructionOnOneLine(model, copy),
      install: installText,
      line: run.range.start.line + 1,
      manifests: manifestsToName(model, install),
    },
    fix: fix?.isSafe ? fix.fix : undefined,
    suggest: fix && !fix.isSafe ? [fix.fix] : undefined,
  };
}

/**
 * The manifests the message names: with the context's root entries known, the files that exist
 * there (no `composer.lock` where the project has none); otherwise the ecosystem's usual pair.
 */
function manifestsToName(model: DockerfileModel, install: DependencyInstall): string {
  if (install.ecosystem === "pip" && install.manifests.length === 1) return install.manifests[0];
  const entries = model.context.rootEntries;
  if (entries === undefined) return MANIFEST_WORDS[install.ecosystem];
  const plan = manifestPlan(install, model.context);
  if (plan?.isCertain) return [...plan.files, ...plan.dirs.map((d) => `${d}/`)].join(", ");
  // No plan for a fix (an install whose scripts read the sources): still only the files present.
  const present = install.manifests.filter((m) => entries.includes(m));
  return present.length > 0 ? present.join(", ") : MANIFEST_WORDS[install.ecosystem];
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
  const plan = manifestPlan(install, model.context);
  if (!plan) return null;
  const dockerignore = model.context.dockerignore;
  // A manifest excluded by .dockerignore would make the new COPY fail.
  if (typeof dockerignore === "string" && plan.files.some((f) => !/[*?[]/.test(f) && isIgnoredBy(dockerignore, normalizePath(f)))) return null;
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
 * (`rm -rf .venv && uv sync`): then only the project itself is added after the copy.
 */
function installedBefore(stage: Stage, broadCopy: Instruction, run: Instruction, ecosystem: Ecosystem): boolean {
  if (run.commands.some((c) => c.name === "rm")) return false;
  for (const s of [stage, ...ancestorsOf(stage)]) {
    for (const instruction of s.instructions) {
      if (instruction === broadCopy) break;
      if (instruction.keyword !== "RUN") continue;
      if (instruction.commands.some((c) => dependencyInstall(c)?.ecosystem === ecosystem && !dependencyInstall(c)?.installsNamedPackages)) return true;
    }
  }
  return false;
}

/** The project-local folder an ecosystem installs its dependencies into. */
const DEPENDENCY_DIRS: Partial<Record<Ecosystem, RegExp>> = {
  npm: /^node_modules$/,
  yarn: /^node_modules$/,
  pnpm: /^node_modules$/,
  bun: /^node_modules$/,
  composer: /^vendor$/,
  bundler: /^vendor$/,
  poetry: /^\.venv$/,
  uv: /^\.venv$/,
};

/**
 * True when a `COPY --from` between the broad copy and the install puts the project's installed
 * dependencies (its `vendor`, `node_modules`, `.venv`) into the install's working directory.
 * A global folder (`/usr/local/lib/node_modules`, the npm of a node image) is not the project's.
 */
function dependenciesCopiedIn(model: DockerfileModel, stage: Stage, broadCopy: Instruction, run: Instruction, ecosystem: Ecosystem): boolean {
  const dirs = DEPENDENCY_DIRS[ecosystem];
  if (dirs === undefined) return false;
  const workdir = workdirOf(model, stage, run);
  if (workdir === null) return false;
  const between = stage.instructions.filter((i) => i.ordinal > broadCopy.ordinal && i.ordinal < run.ordinal);
  return between.some((i) => {
    if (i.keyword !== "COPY" || !i.flags.some((f) => f.name === "from")) return false;
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
    return (dirs.test(name) && parent === workdir) || (target === workdir && sourceNames.some((n) => dirs.test(n)));
  });
}

/** True when a copy before `broadCopy` brought `manifest` in, by name, wildcard or its directory. */
function copiedBefore(stage: Stage, broadCopy: Instruction, manifest: string): boolean {
  const wanted = normalizePath(manifest);
  for (const instruction of stage.instructions) {
    if (instruction === broadCopy) return false;
    const copy = contextCopy(instruction);
    if (!copy) continue;
    for (const source of copy.sources) {
      const path = normalizePath(source.value);
      // `COPY requirements.txt /tmp/` then `pip install -r /tmp/requirements.txt`: match by file name too.
      const name = wanted.slice(wanted.lastIndexOf("/") + 1);
      if (sourceCopiesFile(source.value, manifest) || sourceCopiesFile(source.value, name) || (wanted.includes("/") && wanted.startsWith(`${path}/`)))
        return true;
    }
  }
  return false;
}

/** `npm ci`, `pip install`, `go mod download`, `mvn dependency:go-offline`: the program and its subcommand. */
function describeInstall(command: ShellCommand): string {
  const words = [command.program ?? command.words[0]];
  for (const arg of command.args) {
    if (arg.value.startsWith("-") && arg.value !== "-m") continue;
    // `go mod download`, `python -m pip install`, `php composer.phar install`: the subcommand follows.
    if (words.length > 1 && !/^(?:mod|pip|-m|(?:.*\/)?composer(?:\.phar)?)$/.test(words[words.length - 1].value)) break;
    words.push(arg);
    if (words.length >= 4) break;
  }
  return words.map((w) => w.value).join(" ");
}
