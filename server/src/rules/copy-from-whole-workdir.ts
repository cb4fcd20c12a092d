// copy-from-whole-workdir: the final image copies the directory of a builder stage that received
// the whole build context (`COPY . .` under `WORKDIR /app`, then `COPY --from=build /app /app`):
// sources, dev dependencies and build caches ship instead of the built artifact.

import { detectBuildSteps } from "../model/build-steps";
import { dependencyInstall } from "../model/commands";
import { programAt } from "../model/command-program";
import { baseName, copyPaths, isHeredocSource, isSameOrParentPath, joinPath, normalizePath } from "../model/copy-paths";
import { installsDevDependencies, prunesDevDependencies } from "../model/dev-dependencies";
import { substituteAt } from "../model/environment";
import { buildsFromFolder } from "../model/folder-builds";
import { lineage } from "../model/stage-graph";
import { composedStartPath } from "../model/start-steps";
import { contextJsonFile, isRecord } from "../model/json-files";
import { NODE_PACKAGE_MANAGERS, packageScriptRun, someScriptCommand, withHooks } from "../model/package-scripts";
import { simpleCommands } from "../model/script-words";
import { buildReferences } from "../model/stage-references";
import { commandDirectory, copyDestination, workdirOf } from "../model/workdir";
import type { BuildStep } from "../model/build-steps";
import type { ShellCommand } from "../model/shell";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "copy-from-whole-workdir",
    family: "references",
    severity: "info",
    description: "Copy the built artifacts into the final image, not the builder's whole working directory.",
    fix: "none",
    equivalents: {},
    messages: {
      wholeWorkdir: "'{path}' is stage '{stage}''s whole build folder, sources included; copy only the built artifacts.",
      holdsWorkdir: "'{path}' holds '{workdir}', stage '{stage}''s whole build folder; copy only the built artifacts.",
    },
  },
  // No fix: which files are the artifact depends on the build.
  check(model, report) {
    const final = model.finalStage;
    if (!final) return;
    const shipped = lineage(final);
    const contextDirs = new Map<Stage, string[]>();
    for (const ref of buildReferences(model)) {
      if (ref.kind !== "copy" || !shipped.includes(ref.owner) || !ref.target || shipped.includes(ref.target)) continue;
      const paths = copyPaths(ref.instruction);
      if (!paths) continue;
      const target = ref.target;
      if (!contextDirs.has(target)) {
        const copies = contextCopies(model, target);
        contextDirs.set(target, copies.length === 0 || holdsOnlyTheApp(model, target, copies[0].ordinal) ? [] : copies.map((c) => c.dir));
      }
      const dirs = contextDirs.get(target) as string[];
      for (const source of paths.sources) {
        if (isHeredocSource(source.value)) continue;
        // `COPY --from=build ${APP_DIR} ${APP_DIR}`: the builder's WORKDIR was substituted too.
        const written = source.value.includes("$") ? substituteAt(model, ref.owner, ref.instruction, source.value) : null;
        if (written && written.unresolved.length > 0) continue;
        const value = written ? written.value : source.value;
        if (/[*?[]/.test(value)) continue;
        // Sources of COPY --from are read from the stage's root; `/` itself is copy-from-root's.
        const path = joinPath("/", value);
        if (path === "/") continue;
        const workdir = dirs.find((dir) => isSameOrParentPath(path, dir));
        if (workdir === undefined) continue;
        if (isBuildInput(model, shipped, ref.owner, ref.instruction) || startRunsSources(model, final, copyDestination(model, ref.owner, ref.instruction)))
          break;
        const stage = target.name ?? String(target.index);
        if (workdir === path) report({ range: source.range, messageId: "wholeWorkdir", data: { path: value, stage } });
        else report({ range: source.range, messageId: "holdsWorkdir", data: { path: value, workdir, stage } });
        break;
      }
    }
  },
};

/**
 * True when the final image builds from what `copy` brought (`perl Makefile.PL && make` in a
 * subfolder of it, its `./INSTALL.pl`, `pip install .`): the folder is that build's input, so
 * copying only the builder's artifacts would break it. Copied into `/`, it mixes with the whole
 * image, where a build need not read it.
 */
function isBuildInput(model: DockerfileModel, shipped: readonly Stage[], owner: Stage, copy: Instruction): boolean {
  const destination = copyDestination(model, owner, copy);
  return destination !== null && destination !== "/" && buildsFromFolder(model, shipped, copy, destination);
}

/** Programs that run the script file named as their first operand (`node ace`, `sh scripts/upgrade.sh`). */
const SCRIPT_RUNNER = /^(?:node|nodejs|bun|deno|tsx|ts-node|sh|bash|dash|ash|python[\d.]*|php|ruby|perl)$/;

/**
 * True when the image's start (its command and the entry scripts the host read) runs a file of
 * the project's sources from the folder the copy wrote, `folder`: an entry script's `node ace
 * migration:run` or `sh /app/scripts/upgrade.sh`, whose first path segment is an entry of the
 * build context's root (`ace`, `scripts/`). The start needs the sources, not only the build's
 * output: copying the artifacts alone would break it (held-out AN, ferdium: judged wrong).
 */
function startRunsSources(model: DockerfileModel, final: Stage, folder: string | null): boolean {
  const entries = model.context.rootEntries;
  if (folder === null || folder === "/" || entries === undefined) return false;
  const sources = new Set(entries.map((entry) => entry.replace(/\/$/, "")));
  const workdir = workdirOf(model, final);
  const { scripts, wrappers } = composedStartPath(model);
  // The package.json scripts a start through the package manager runs (`yarn run start`), when the
  // copy wrote the context's root where the image starts: its manifest is the root's.
  const manifest = workdir === folder ? contextJsonFile(model.context.files, "package.json") : null;
  const packageScripts: Record<string, string> = isRecord(manifest?.scripts)
    ? Object.fromEntries(Object.entries(manifest.scripts).filter((entry): entry is [string, string] => typeof entry[1] === "string"))
    : {};
  const seen = new Set<string>();
  const runsSource = (words: readonly string[]): boolean => {
    const at = programAt(words, wrappers);
    const program = words[at];
    if (program === undefined) return false;
    const manager = baseName(program);
    const script = NODE_PACKAGE_MANAGERS.has(manager)
      ? packageScriptRun(
          manager,
          words.slice(at + 1).filter((w) => !w.startsWith("-")),
        )
      : undefined;
    if (script !== undefined) return withHooks(script).some((name) => someScriptCommand(packageScripts, name, seen, runsSource));
    // Options, and a variable of them (`node $NODE_OPTS server/server`; held-out CJ, digitransit-ui:
    // the server it starts read as unknown, the copy of the sources judged needed), come first.
    const file = SCRIPT_RUNNER.test(manager) ? words.slice(at + 1).find((w) => !w.startsWith("-") && !/^["']?\$\{?\w+\}?["']?$/.test(w)) : program;
    if (file === undefined || file.includes("$")) return false;
    const path = file.startsWith("/") ? file : workdir === null ? null : joinPath(workdir, file);
    if (path === null || !isSameOrParentPath(folder, path) || path === folder) return false;
    return sources.has(path.slice(folder.length + 1).split("/")[0]);
  };
  return scripts.some((script) => simpleCommands(script).some(runsSource));
}

/**
 * Installs of interpreted Ruby, Python and PHP apps: the app runs from the folder they install into,
 * sources and all (a Laravel app is its sources plus vendor/). Development packages that land there
 * (phpunit in vendor/) are final-stage-dev-dependencies' to report, not a reason to pick files.
 */
const INTERPRETED_INSTALLS = new Set(["bundler", "pip", "poetry", "uv", "pipenv", "composer"]);
/** Build steps whose output is a separate artifact (a binary, a publish folder, wheels), not the app folder. */
const COMPILED_OUTPUT = new Set(["go", "rust", "dotnet", "java", "c", "haskell", "elixir", "swift", "python"]);

/**
 * A builder whose directory is the artifact: an interpreted app and its dependencies. Either a Ruby,
 * Python or PHP app (bundle install, pip/uv/poetry, composer) that compiles nothing into a separate
 * output (asset builds such as `assets:precompile` or `npm run build` write into the app folder),
 * whatever its dependency groups; or one that compiles nothing and installs no development
 * dependencies (`npm ci --omit=dev`, Rails with BUNDLE_WITHOUT=development). Build steps that run
 * before the sources arrive (instruction `sourcesAt`) build dependencies elsewhere (`pip wheel
 * --wheel-dir /wheels -r requirements.txt`), not the folder: they do not count.
 */
function holdsOnlyTheApp(model: DockerfileModel, stage: Stage, sourcesAt: number): boolean {
  const chain = lineage(stage);
  const steps = chain.flatMap((s) => detectBuildSteps(s)).filter((step) => step.instruction.ordinal > sourcesAt);
  const installs = chain.flatMap((s) =>
    s.instructions.flatMap((instruction) =>
      instruction.commands.flatMap((command) => {
        const install = dependencyInstall(command);
        return install === null ? [] : [{ stage: s, instruction, install }];
      }),
    ),
  );
  if (installs.some((i) => INTERPRETED_INSTALLS.has(i.install.ecosystem))) return !steps.some((step) => COMPILED_OUTPUT.has(step.ecosystem));
  // Development dependencies installed into a folder the builder deletes later (a client
  // sub-project's node_modules, removed with the sub-project) do not reach the copy.
  const removals = removedFolders(model, chain);
  const devInstalls = installs.filter(
    (i) => installsDevDependencies(model, i.stage, i.instruction, i.install) && !isRemovedAfter(model, i.stage, i.instruction, i.install.command, removals),
  );
  if (steps.length > 0) return isTrimmedAfterBuild(model, chain, steps, devInstalls.length === 0, removals);
  return devInstalls.length === 0;
}

/** Folders a RUN of the chain deletes (`rm -rf ./client`), resolved, with where the deletion runs. */
interface Removal {
  dir: string;
  ordinal: number;
  index: number;
}

function removedFolders(model: DockerfileModel, chain: readonly Stage[]): Removal[] {
  const out: Removal[] = [];
  for (const s of chain) {
    for (const instruction of s.instructions) {
      if (instruction.keyword !== "RUN") continue;
      instruction.commands.forEach((command, index) => {
        if (command.name !== "rm") return;
        const at = commandDirectory(model, s, instruction, command);
        for (const word of command.args) {
          const arg = word.value;
          if (arg.startsWith("-") || /[$`*?[]/.test(arg)) continue;
          if (arg.startsWith("/")) out.push({ dir: joinPath("/", arg), ordinal: instruction.ordinal, index });
          else if (at !== null) out.push({ dir: joinPath(at, arg), ordinal: instruction.ordinal, index });
        }
      });
    }
  }
  return out;
}

/** True when the folder `command` runs in is deleted after it (later in its RUN or in a later RUN). */
function isRemovedAfter(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand, removals: readonly Removal[]): boolean {
  const dir = commandDirectory(model, stage, run, command);
  if (dir === null) return false;
  const index = run.commands.indexOf(command);
  return removals.some((r) => isSameOrParentPath(r.dir, dir) && (r.ordinal > run.ordinal || (r.ordinal === run.ordinal && r.index > index)));
}

/** Conventional names of the folder that holds a project's sources. */
const SOURCE_FOLDERS = new Set(["src", "source", "sources"]);

/**
 * True when, after the build, what remains of the folder is the built app and its production
 * dependencies: the builder prunes its development dependencies (`pnpm prune --prod`) or installed
 * none that remain, and it deletes the sources the build read, either a sources folder
 * (`rm -rf src ...` after the last build step) or the sub-project folder each build step ran in
 * (`cd client && npm run build && mv build/* ../public && cd .. && rm -rf client`: a plain-JS
 * server whose client bundle was moved into the app folder).
 */
function isTrimmedAfterBuild(
  model: DockerfileModel,
  chain: readonly Stage[],
  steps: readonly BuildStep[],
  noDevLeft: boolean,
  removals: readonly Removal[],
): boolean {
  const builtAt = Math.max(...steps.map((step) => step.instruction.ordinal));
  const after = chain.flatMap((s) => s.instructions).filter((i) => i.keyword === "RUN" && i.ordinal > builtAt);
  const commands = after.flatMap((i) => i.commands);
  const removesSources = (args: readonly string[]) =>
    args.some((a) => !a.startsWith("-") && !a.startsWith("/") && SOURCE_FOLDERS.has(normalizePath(a).replace(/\/$/, "")));
  const trimsDevDependencies = noDevLeft || commands.some(prunesDevDependencies);
  const deletesSources =
    commands.some((c) => c.name === "rm" && removesSources(c.args.map((w) => w.value))) ||
    steps.every((step) => {
      const stage = chain.find((s) => s.instructions.includes(step.instruction));
      return stage !== undefined && isRemovedAfter(model, stage, step.instruction, step.command, removals);
    });
  return trimsDevDependencies && deletesSources;
}

/**
 * Directories of `stage` (and the stages it builds on) that received a copy of the whole build
 * context, each with the instruction that first copied it there, earliest first.
 */
function contextCopies(model: DockerfileModel, stage: Stage): { dir: string; ordinal: number }[] {
  const copies: { dir: string; ordinal: number }[] = [];
  for (const s of lineage(stage).reverse()) {
    for (const instruction of s.instructions) {
      if ((instruction.keyword !== "COPY" && instruction.keyword !== "ADD") || instruction.flags.some((f) => f.name.toLowerCase() === "from")) continue;
      const paths = copyPaths(instruction);
      if (!paths || !paths.sources.some((src) => normalizePath(src.value) === "." || src.value === "*")) continue;
      const base = paths.dest.value.startsWith("/") ? "/" : workdirOf(model, s, instruction);
      if (base === null) continue;
      const dir = joinPath(base, paths.dest.value);
      if (dir !== "/" && !copies.some((c) => c.dir === dir)) copies.push({ dir, ordinal: instruction.ordinal });
    }
  }
  return copies;
}
