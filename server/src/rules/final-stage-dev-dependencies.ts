// final-stage-dev-dependencies: JS/Python development dependencies (test runners, bundlers, type
// checkers) installed into the final image. Also flags npm's deprecated `--only=production` /
// `--production`, which mean `--omit=dev`.

import { simpleCommands } from "../model/script-words";
import { startPathScripts } from "../model/start-path-scripts";
import type { Fix, Report, ReportFn, Rule } from "./types";
import { detectBuildSteps, runsBuildTask } from "../model/build-steps";
import { dependencyInstall, type DependencyInstall, type Ecosystem, NODE_ECOSYSTEMS } from "../model/commands";
import {
  declaresNoComposerDevDependencies,
  declaresNoDevDependencies,
  declaresOnlyDevDependencies,
  installsDevDependencies,
  devExtrasInstall,
  installManifestSource,
  poetryPredatesGroups,
  projectNeedsDevDependencies,
  startCompilerExtendsDevConfig,
  startLoadsDevOnlyPackage,
  startTypeChecksWithDevTypes,
  syncsKnownUvDevGroup,
} from "../model/dev-dependencies";
import { optInCommands } from "../model/opt-in-branch";
import { usesModernYarn } from "../model/package-caches";
import type { ShellCommand, Word } from "../model/shell";
import { checkImagesThatShip, shippedImageWords } from "../model/pushed-images";
import { commandRunsTests, developmentPurpose } from "../model/stage-purpose";
import { runCommands } from "../model/run-commands";
import { startSyncsUvDevGroup } from "../model/start-steps";
import { instructionsBefore, lineage } from "../model/stage-graph";
import { bundlesNpmBefore7 } from "../images/node-npm";
import { composeServicesRunning } from "../model/compose-services";
import { commandDirectory, workdirOf } from "../model/workdir";
import type { Range } from "../model/text";
import type { DockerfileModel, Instruction, Stage, Token } from "../model/types";
import { baseName, isSameOrParentPath, joinPath, normalizePath } from "../model/copy-paths";
import { variableFor } from "../model/environment";
import { stageCopySources } from "../model/stage-copy-sources";
import { copySourceStage } from "../model/stage-references";
import { contextCopy, isWholeContextSource, sourceCopiesFile } from "../model/copies";

const REMEDY: Record<string, string> = {
  npm: "'npm ci --omit=dev'",
  yarn: "'yarn install --production'",
  pnpm: "'pnpm install --prod'",
  bun: "'bun install --production'",
  pip: "only the runtime requirements file",
  poetry: "'poetry install --only main'",
  uv: "'uv sync --no-dev'",
  pipenv: "'pipenv install' without '--dev'",
  composer: "'composer install --no-dev'",
};
/** Stages named for development or tests (`development`, `test-runner`, `e2e`), not builders: they exist to hold dev dependencies. */
const DEVELOPMENT_STAGE =
  /^(?:dev|devel|develop|development|test|tests|testing|unittests?|e2e|debug|lint)(?:[-_.].*)?$|[-_.](?:dev|development|test|tests|testing|unittests?|e2e)$/;
/** The flag each installer takes to leave development dependencies out. */
const PRODUCTION_FLAG: Record<string, string> = {
  npm: "--omit=dev",
  yarn: "--production",
  pnpm: "--prod",
  bun: "--production",
  poetry: "--only main",
  uv: "--no-dev",
  composer: "--no-dev",
};
/**
 * Yarn 2+ has no `yarn install --production` (the flag is gone); its production-only install is
 * `yarn workspaces focus --all --production` (built in from Yarn 4, a plugin in 2 and 3).
 */
const MODERN_YARN_REMEDY = "'yarn workspaces focus --all --production'";
/** Poetry before 1.2 has no `--only` or `--without`; its flag is `--no-dev` (removed in 2.0). */
const POETRY_BEFORE_GROUPS = { remedy: "'poetry install --no-dev'", flag: "--no-dev" };
/** Where no lockfile is in the image yet, `npm ci` fails: the install keeps its command and gains the flag. */
const NPM_WITHOUT_LOCKFILE = { remedy: "'npm install --omit=dev'", flag: "--omit=dev" };
const NPM_LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json"];

/**
 * Whether an npm lockfile is in the image when `instruction` runs: copied by name (or a glob) before
 * it in its lineage, or with the whole context when the context holds one. Null when the context's
 * entries are not known and only a whole-context copy could have brought one.
 */
function lockfileInPlace(model: DockerfileModel, instruction: Instruction): boolean | null {
  const rootEntries = model.context.rootEntries;
  let unknown = false;
  for (const source of instructionsBefore(instruction).flatMap((i) => contextCopy(i)?.sources ?? [])) {
    if (!isWholeContextSource(source.value)) {
      if (NPM_LOCKFILES.some((lock) => sourceCopiesFile(source.value, lock))) return true;
    } else if (rootEntries === undefined) unknown = true;
    else if (NPM_LOCKFILES.some((lock) => rootEntries.includes(lock))) return true;
  }
  return unknown ? null : false;
}

/** npm 6 (node images before 15) has no `--omit=dev` and ignores it; `--production` is its flag. */
const NPM_BEFORE_OMIT = { remedy: "'npm ci --production'", flag: "--production" };

/** A later step that drops dev dependencies again (`npm prune --omit=dev`, `rm -rf node_modules`). */
function isPrunedLater(chain: Stage[], instruction: Instruction, command: ShellCommand, ecosystem: Ecosystem): boolean {
  let seen = false;
  for (const stage of chain) {
    for (const inst of stage.instructions) {
      for (const c of inst.commands) {
        if (c === command) {
          seen = true;
          continue;
        }
        if (!seen) continue;
        const args = c.args.map((w) => w.value);
        if (NODE_ECOSYSTEMS.has(ecosystem)) {
          if ((c.name === "npm" || c.name === "pnpm") && args[0] === "prune") return true;
          if (c.name === "rm" && args.some((a) => /(?:^|\/)node_modules\/?$/.test(a))) return true;
          const again = dependencyInstall(c);
          if (again && NODE_ECOSYSTEMS.has(again.ecosystem) && again.includesDevDependencies === false) return true;
        } else if (c.name === "poetry" || c.name === "uv") {
          const again = dependencyInstall(c);
          if (again && again.includesDevDependencies === false) return true;
        }
      }
    }
  }
  void instruction;
  return false;
}

/**
 * True when a stage outside the final image's lineage builds on `stage` and builds there (`FROM
 * base AS builder` then `RUN yarn build`): the install in `stage` feeds that build, which needs the
 * dev dependencies, so a production-only install there breaks it; keeping them out of the final
 * image means a separate production install, a change of the stage layout no flag expresses.
 */
function feedsSiblingBuild(model: DockerfileModel, chain: Stage[], stage: Stage): boolean {
  return model.stages.some(
    (s) => !chain.includes(s) && lineage(s).includes(stage) && (detectBuildSteps(s).length > 0 || s.instructions.some(runsPackageScript)),
  );
}

/**
 * True when `instruction` is a RUN that runs a package.json script or a package binary, or a build
 * task of a task runner (`task build`), whose recipe may run them.
 */
function runsPackageScript(instruction: Instruction): boolean {
  return instruction.keyword === "RUN" && instruction.commands.some(isPackageScriptCommand);
}

function isPackageScriptCommand(c: ShellCommand): boolean {
  const sub = c.args.find((w) => !w.value.startsWith("-"))?.value;
  if (c.name === "npx" || c.name === "pnpx" || c.name === "bunx" || runsBuildTask(c)) return true;
  return (c.name === "npm" || c.name === "yarn" || c.name === "pnpm" || c.name === "bun") && (sub === "run" || sub === "run-script" || sub === "exec");
}

/**
 * True when a command after `install` runs a package.json script or a package binary: later in the
 * same RUN (`npm install && npx mix`; held-out AS, leantime) or in a later RUN of `stages` (the
 * install's stage and those of the image built on it).
 */
function runsPackageScriptLater(stages: readonly Stage[], instruction: Instruction, install: ShellCommand): boolean {
  const start = install.range.start;
  const after = (c: ShellCommand) => {
    const at = c.range.start;
    return at.line > start.line || (at.line === start.line && at.character > start.character);
  };
  if (instruction.keyword === "RUN" && instruction.commands.some((c) => after(c) && isPackageScriptCommand(c))) return true;
  return stages.some((s) => s.instructions.some((i) => i.ordinal > instruction.ordinal && runsPackageScript(i)));
}

/**
 * The install the message names, as a suggestion (not a fix: the build may need a dev dependency
 * later): `npm install` becomes `npm ci --omit=dev` when a lockfile is in the image by then
 * (`lockfile`), other installers get their production flag. None for exec-form RUNs and pip (the
 * requirements file decides).
 */
function productionSuggestion(
  ecosystem: string,
  command: ShellCommand,
  range: Range,
  lockfile: boolean | null,
  flag = PRODUCTION_FLAG[ecosystem],
): Fix[] | undefined {
  if (!flag || command.words.some((w) => w.json)) return undefined;
  if (lockfile === true) {
    return [{ title: `Use 'npm ci ${flag}'`, edits: [{ range, newText: `npm ci ${flag}` }] }];
  }
  return [{ title: `Add '${flag}'`, edits: [{ range: { start: range.end, end: range.end }, newText: ` ${flag}` }] }];
}

/**
 * `ENV UV_NO_DEV=1` on a line of its own above the RUN: it reaches the sync there and the `uv run`
 * at start. A suggestion, since a uv older than 0.8.7 ignores the variable. None for an ONBUILD RUN.
 */
function uvNoDevSuggestion(model: DockerfileModel, instruction: Instruction): Fix[] | undefined {
  if (instruction.trigger !== null || instruction.keyword !== "RUN") return undefined;
  const line = instruction.range.start.line;
  const eol = model.text.includes("\r\n") ? "\r\n" : "\n";
  const indent = /^\s*/.exec(model.lines.lineText(line))?.[0] ?? "";
  const at = { line, character: 0 };
  return [{ title: "Set 'ENV UV_NO_DEV=1' before the install", edits: [{ range: { start: at, end: at }, newText: `${indent}ENV UV_NO_DEV=1${eol}` }] }];
}

/** npm's deprecated production flags as words to rewrite: `--production`, `--only=prod`, `--only production`. */
function deprecatedFlag(command: ShellCommand): { words: Word[]; text: string } | null {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const w = args[i].value;
    if (w === "--production" || w === "--production=true" || /^--only=(?:prod|production)$/.test(w)) return { words: [args[i]], text: w };
    if (w === "--only" && /^(?:prod|production)$/.test(args[i + 1]?.value ?? "")) return { words: [args[i], args[i + 1]], text: `--only ${args[i + 1].value}` };
  }
  return null;
}

/** `command` read as a dependency install of an ecosystem this rule has a remedy for; null for anything else. */
function remediableInstall(command: ShellCommand): DependencyInstall | null {
  const install = dependencyInstall(command);
  return install !== null && command.program !== null && REMEDY[install.ecosystem] !== undefined ? install : null;
}

export const rule: Rule = {
  meta: {
    id: "final-stage-dev-dependencies",
    family: "base-images",
    severity: "warning",
    description: "Install only production dependencies in the final image.",
    fix: "safe",
    equivalents: {},
    messages: {
      devDependencies: "'{command}' ships {ecosystem} dev dependencies in the {shipped}; use {remedy}.",
      devDependenciesUvRun: "'{command}' ships Python dev dependencies that 'uv run' syncs at start; set 'ENV UV_NO_DEV=1'.",
      deprecatedFlag: "'{flag}' is deprecated since npm 7; write '--omit=dev', which means the same.",
      devExtras: "'{spec}' installs the project's {extras} in the {shipped}; install '{without}' instead.",
      // `COPY --from=build /app/node_modules ./node_modules` after a plain `npm ci` in the build
      // stage: the dev dependencies ship all the same (held-out BQ, smart-launcher-v2, and BM:
      // missed three times).
      copiedDevDependencies: "node_modules copied from '{stage}' hold dev dependencies; run {remedy} there first.",
      // The install's stage also feeds a build, which needs the dev dependencies: pruning there
      // breaks it, so the prune goes in a stage of its own (FROM that stage) for the final image to copy.
      copiedDevDependenciesShared: "node_modules from '{stage}' hold dev dependencies; prune them in a new stage ({remedy}).",
      copiedUvDevDependencies: "The venv copied from '{stage}' holds Python dev dependencies; sync it with '--no-dev' there.",
    },
  },
  check(model, report) {
    // A test stage last in the file judges nothing: the images CI pushes with --target are judged instead.
    checkImagesThatShip(model, report, checkImage);
  },
};

/** Linters an entry script may run on the project's code; its tests are read by commandRunsTests. */
const LINTERS = new Set(["flake8", "pylint", "mypy", "ruff", "eslint", "rubocop", "phpstan", "phpcs"]);

/** True when one command of a script runs the project's tests or a linter on its code (`exec pytest`, `npm test`, `flake8 app`). */
function runsChecks(words: readonly string[]): boolean {
  const command = words[0] === "exec" ? words.slice(1) : words;
  return commandRunsTests(command) || LINTERS.has(baseName(command[0] ?? ""));
}

/** True when a RUN command runs the project's tests or a linter on its code (`pytest`, `npm test`, `ruff check .`). */
function runsChecksCommand(command: ShellCommand): boolean {
  return command.program !== null && runsChecks([command.program.value, ...command.args.map((a) => a.value)]);
}

/** A project's test suite by the name of its folder, or the script that runs it. */
const TEST_SUITE = /^(?:tests?|spec|__tests__|runtests\.sh|conftest\.py)$/;

/**
 * True when the image copies the project's test suite by name (`COPY tests ./tests`, `COPY
 * runtests.sh ./`), not as part of the whole checkout: it is made to run them, with the dev
 * requirements (held-out BC, MONAI's published image: judged wrong).
 */
function copiesTestSuite(chain: readonly Stage[]): boolean {
  return chain.some((stage) =>
    stage.instructions.some(
      (instruction) => contextCopy(instruction)?.sources.some((source) => TEST_SUITE.test(baseName(source.value.replace(/\/+$/, "")))) ?? false,
    ),
  );
}

/**
 * True when the install sets up a sub-project of the image that only a compose service's own
 * command works in: the service runs this image with another entrypoint or command, its
 * `working_dir` is the install's folder, and that is not the folder the image starts in
 * (pezzo's `cd clickhouse && npm i`, for a migration service whose knex loads its TypeScript
 * through ts-node, a devDependency: held-out BD, judged wrong). What that command needs is not in
 * the Dockerfile.
 */
function installServesComposeCommand(model: DockerfileModel, final: Stage, stage: Stage, run: Instruction, command: ShellCommand): boolean {
  const folders = composeServicesRunning(model)
    .filter((service) => (service.entrypoint || service.command) && service.workingDir)
    .map((service) => normalizePath(service.workingDir as string));
  if (folders.length === 0) return false;
  const folder = commandDirectory(model, stage, run, command);
  if (folder === null || !folders.includes(normalizePath(folder))) return false;
  const start = workdirOf(model, final);
  return start === null || normalizePath(start) !== normalizePath(folder);
}

/** The check on one image that ships (the file's own, or a pushed target's). */
function checkImage(model: DockerfileModel, report: ReportFn): void {
  const final = model.finalStage;
  if (!final) return;
  const chain = lineage(final);
  const commands = runCommands(chain);
  // No dependency install in the final image nor files copied in from a stage, the usual case: nothing to weigh (issue #16).
  if (!commands.some(({ command }) => remediableInstall(command) !== null || devExtrasInstall(command) !== null) && !copiesFromAnotherStage(chain)) return;
  if (developmentPurpose(model) !== null) return;
  // An entry script with commands that run the project's checks (`test_flake8) flake8 syncserver`,
  // `nosetests ...`): CI runs them in this very image, with the dev requirements (held-out BA,
  // mozilla-services/syncserver: judged wrong).
  if (startPathScripts(model).some(([, text]) => simpleCommands(text).some(runsChecks))) return;
  if (copiesTestSuite(chain)) return;
  // The image runs the project's tests or linters while it builds (`RUN npm test` under "only allow
  // containers to succeed if tests pass"; held-out BZ, pelias' API: judged wrong): they need the
  // dev dependencies the install brings, and the remedy named would fail that step.
  if (commands.some(({ command }) => runsChecksCommand(command))) return;
  reportDevExtras(model, commands, report);
  reportCopiedNodeModules(model, chain, report);
  reportCopiedUvEnvironments(model, chain, report);
  for (const { stage, instruction, command } of commands) {
    const install = remediableInstall(command);
    // (`command.program` is never null here; the test tells the type checker.)
    if (install === null || command.program === null) continue;
    // `pnpm fetch` only fills the store from the lockfile; the install that follows decides.
    if (install.fillsStoreOnly === true) continue;
    // npm 6 (node images before 15) has no '--omit=dev' and ignores it: '--production' is its word.
    const npm6 = install.ecosystem === "npm" && bundlesNpmBefore7(stage);
    const flag = install.ecosystem === "npm" && !npm6 ? deprecatedFlag(command) : null;
    if (flag) {
      const first = flag.words[0];
      const last = flag.words[flag.words.length - 1];
      const range = { start: first.range.start, end: last.range.end };
      // Safe: npm documents both spellings as the same setting.
      const fix: Fix = { title: "Replace with '--omit=dev'", edits: [{ range, newText: first.json ? '"--omit=dev"' : "--omit=dev" }] };
      report({ range, messageId: "deprecatedFlag", data: { flag: flag.text }, fix, tags: ["deprecated"] });
      continue;
    }
    // An install in an opt-in branch a plain build skips (`if [ "$DEBUG" = 1 ]; then pip install -r
    // requirements.dev.txt; fi` under `ARG DEBUG`) builds a development variant on request.
    if (optInCommands(model, instruction.trigger ?? instruction).has(command)) continue;
    if (!installsDevDependencies(model, stage, instruction, install) || isPrunedLater(chain, instruction, command, install.ecosystem)) continue;
    if (installServesComposeCommand(model, final, stage, instruction, command)) continue;
    if (NODE_ECOSYSTEMS.has(install.ecosystem)) {
      // The manifest the install reads: the one a copy of the context brought to its folder
      // (`web/package.json`), else the root one. A manifest fetched with the app (a release
      // tarball unpacked in the same RUN) is not in the project: its dev dependencies are unknown.
      if (nodeDevDependenciesStay(model, chain, stage, instruction, command)) continue;
    }
    if (install.ecosystem === "composer") {
      // The composer.json the install reads, found as for package.json: one without dev
      // requirements makes '--no-dev' change nothing. A manifest fetched with the app is unknown.
      const manifest = installManifestSource(model, stage, instruction, command, "composer.json");
      if (manifest?.kind !== "fetched" && declaresNoComposerDevDependencies(model.context.files, manifest?.path ?? "composer.json")) continue;
    }
    // The stages of the image from the install's on: a step of a stage built on it (`FROM base AS
    // server`, then `RUN npm run prisma:generate`) runs on what the install left, as a later step
    // of the same stage does (held-out CS, Let's Church: prisma is a devDependency).
    const from = chain.slice(Math.max(0, chain.indexOf(stage)));
    // A build later in the image needs the dev dependencies ('--omit=dev' would break it):
    // the remedy is a build stage, which single-stage-build and final-stage-toolchain report.
    if (from.some((s) => detectBuildSteps(s).some((b) => s !== stage || b.instruction.ordinal >= instruction.ordinal))) continue;
    // A later step of the image runs a package script (`yarn run re:build`, `npx vite`) or a
    // task runner's build task (`task build`): the installed dev tools serve the build, so
    // '--omit=dev' would break it.
    if (NODE_ECOSYSTEMS.has(install.ecosystem) && runsPackageScriptLater(from, instruction, command)) continue;
    // A builder stage beside the final one builds on the install's stage and needs its dev tools.
    if (stage !== final && NODE_ECOSYSTEMS.has(install.ecosystem) && feedsSiblingBuild(model, chain, stage)) continue;
    // A development or test stage the final (test) image builds on has them on purpose.
    if (stage.name !== null && DEVELOPMENT_STAGE.test(stage.name.toLowerCase())) continue;
    const sub = command.args.find((w) => !w.value.startsWith("-"));
    const end = sub && sub.range.start.line === command.program.range.start.line ? sub.range.end : command.program.range.end;
    const range = { start: command.program.range.start, end };
    // The container starts with `uv run`, which first installs the default groups (dev included)
    // that the environment lacks: 'uv sync --no-dev' alone would have every new container install
    // them. UV_NO_DEV (uv 0.8.7+) keeps them out of both the sync here and the one at start.
    if (install.ecosystem === "uv" && sub?.value === "sync" && startSyncsUvDevGroup(model)) {
      report({
        range,
        messageId: "devDependenciesUvRun",
        data: { command: model.lines.textIn({ start: command.program.range.start, end }) },
        suggest: uvNoDevSuggestion(model, instruction),
      });
      continue;
    }
    // The remedy fits the Poetry the file installs: before 1.2 `--only main` fails the build.
    const oldPoetry = install.ecosystem === "poetry" && poetryPredatesGroups(model, stage, instruction, command) ? POETRY_BEFORE_GROUPS : null;
    // The remedy fits the Yarn the project uses: Yarn 2+ rejects `--production`; no suggestion,
    // since its install is another command (and a plugin before Yarn 4).
    const modernYarn = install.ecosystem === "yarn" && usesModernYarn(model);
    // `npm install` becomes `npm ci` only where a lockfile is in the image by then: `npm ci` fails
    // without one (held-out BW, Zotero's translation server copies package.json alone first).
    // Read for `npm install` alone: a lockfile in place turns it into `npm ci` (null: not known).
    const lockfile = install.ecosystem === "npm" && (sub?.value === "install" || sub?.value === "i") ? lockfileInPlace(model, instruction) : null;
    const oldFlags = oldPoetry ?? (npm6 ? NPM_BEFORE_OMIT : lockfile === false ? NPM_WITHOUT_LOCKFILE : null);
    const r: Report = {
      range,
      messageId: "devDependencies",
      data: {
        command: model.lines.textIn({ start: command.program.range.start, end }),
        shipped: shippedImageWords(model).shipped,
        ecosystem: NODE_ECOSYSTEMS.has(install.ecosystem) ? "JavaScript" : install.ecosystem === "composer" ? "PHP" : "Python",
        remedy: modernYarn ? MODERN_YARN_REMEDY : (oldFlags?.remedy ?? REMEDY[install.ecosystem]),
      },
      suggest: modernYarn ? undefined : productionSuggestion(install.ecosystem, command, range, lockfile, oldFlags?.flag),
    };
    report(r);
  }
}

/**
 * True when the dev dependencies a Node install in `stage` put in place are to stay, or cannot be
 * known to be removable, for the image `chain` makes: the manifest the install reads is fetched
 * with the app, declares no dev dependencies (or only those), or the project needs them (an install
 * script or the start runs one, the start's code loads a dev-only package, or ts-node checks the
 * start's types against @types devDependencies where no step builds JavaScript). Shared by an
 * install in the final image and a node_modules copied into it.
 */
function nodeDevDependenciesStay(model: DockerfileModel, chain: readonly Stage[], stage: Stage, instruction: Instruction, command: ShellCommand): boolean {
  // The manifest the install reads: the one a copy of the context brought to its folder
  // (`web/package.json`), else the root one. A manifest fetched with the app (a release
  // tarball unpacked in the same RUN) is not in the project: its dev dependencies are unknown.
  const manifest = installManifestSource(model, stage, instruction, command);
  if (manifest?.kind === "fetched") return true;
  const path = manifest?.path ?? "package.json";
  // None, or only devDependencies: the install is for build tools, and '--omit=dev' would install nothing.
  if (declaresNoDevDependencies(model.context.files, path) || declaresOnlyDevDependencies(model.context.files, path)) return true;
  // The project needs its dev dependencies in the image: an install script calls one
  // (`"postinstall": "prisma generate"`), so '--omit=dev' fails the install, or the
  // container starts a development server or a dev tool (`npm run dev`, `npx prisma`).
  if (projectNeedsDevDependencies(model, path)) return true;
  // The start's own code loads a package listed only under devDependencies.
  if (path === "package.json" && startLoadsDevOnlyPackage(model)) return true;
  // The start compiles the TypeScript with tsx or ts-node, which read a tsconfig.json extending a
  // devDependency (`@tsconfig/node20`): '--omit=dev' would fail the start.
  if (startCompilerExtendsDevConfig(model, path)) return true;
  // The start compiles the TypeScript sources with ts-node, which checks them against @types
  // packages the manifest lists as devDependencies: '--omit=dev' would fail the start.
  // (Only where no step of the image builds JavaScript.)
  return startTypeChecksWithDevTypes(model, path) && !chain.some((s) => detectBuildSteps(s).length > 0);
}

/** What drops the dev dependencies from a node_modules an install filled, by package manager. */
const PRUNE: Partial<Record<Ecosystem, string>> = {
  npm: "'npm prune --omit=dev'",
  pnpm: "'pnpm prune --prod'",
  yarn: "'yarn install --production'",
  bun: "'bun install --production'",
};

/** A `COPY --from` source that is a node_modules folder (`/app/node_modules`, `node_modules/`). */
const NODE_MODULES_SOURCE = /(?:^|\/)node_modules\/?$/;

/** True when a COPY of `chain` takes files from another stage (a node_modules folder, or the folder an install filled). */
function copiesFromAnotherStage(chain: readonly Stage[]): boolean {
  return chain.some((s) => s.instructions.some((i) => i.keyword === "COPY" && i.flags.some((f) => f.name.toLowerCase() === "from")));
}

/** One folder a COPY of the final image takes from another stage, as the builder writes it (variables substituted). */
interface StageCopy {
  from: Stage;
  source: Token;
  /** The source's absolute path in `from`, without a trailing slash. */
  path: string;
}

/**
 * The single folder each `COPY --from=<stage>` of `chain` copies: its source with the variables
 * of the copy's own stage substituted (`COPY --from=builder ${APP_PATH}/ ${APP_PATH}/`, held-out
 * CM, WildDuck's webmail: missed). A copy of several sources, a glob or an unresolved variable
 * is left out.
 */
function stageCopies(model: DockerfileModel, chain: readonly Stage[]): StageCopy[] {
  const found: StageCopy[] = [];
  for (const copy of chain.flatMap((s) => s.instructions)) {
    if (copy.keyword !== "COPY") continue;
    const from = copySourceStage(model, copy);
    const sources = from === null ? null : stageCopySources(model, copy);
    if (from === null || sources === null || sources.length !== 1) continue;
    const [{ source, path }] = sources;
    if (path === null || /[*?[]/.test(path)) continue;
    found.push({ from, source, path });
  }
  return found;
}

/**
 * A node_modules folder the final image copies from another stage (`COPY --from=build
 * /app/node_modules ./node_modules`) where that stage filled it with an install that keeps the dev
 * dependencies (a plain `npm ci`) and nothing pruned them after: the dev dependencies ship as if
 * installed in the final stage, and pruning them in the build stage (after its build) is the
 * remedy. The same guards as for an install in the final image: a manifest without dev
 * dependencies, or a start that needs them (a dev server, ts-node checking types, a dev-only
 * package the start loads), keeps it silent.
 */
function reportCopiedNodeModules(model: DockerfileModel, chain: readonly Stage[], report: ReportFn): void {
  for (const { from, source, path } of stageCopies(model, chain)) {
    // The node_modules folder itself, or the folder the install ran in, which holds it (`COPY
    // --from=build /opt/app /opt/app/`; held-out BS, jambonz's SBC: eslint, nyc and tape shipped, missed).
    const folder = NODE_MODULES_SOURCE.test(path) ? path.replace(/\/?node_modules$/, "") || "/" : path;
    const builder = lineage(from);
    // The install that filled that folder: the last one of the builder run in it.
    const filled = runCommands(builder)
      .map((r) => ({ ...r, install: dependencyInstall(r.command) }))
      .filter(
        (r): r is typeof r & { install: DependencyInstall } =>
          r.install !== null &&
          NODE_ECOSYSTEMS.has(r.install.ecosystem) &&
          !r.install.installsNamedPackages &&
          commandDirectory(model, r.stage, r.instruction, r.command) === folder,
      )
      .pop();
    if (filled === undefined) continue;
    const { stage, instruction, command, install } = filled;
    if (!installsDevDependencies(model, stage, instruction, install) || isPrunedLater([...builder], instruction, command, install.ecosystem)) continue;
    if (nodeDevDependenciesStay(model, chain, stage, instruction, command)) continue;
    // The prune written and commented out in the build stage (`# RUN pnpm prune --prod`, held-out
    // BR's Strapi starter): the author tried the remedy and chose to keep the dev dependencies.
    if (commentsOutPrune(model, builder)) continue;
    const remedy = install.ecosystem === "yarn" && usesModernYarn(model) ? MODERN_YARN_REMEDY : PRUNE[install.ecosystem];
    if (remedy === undefined) continue;
    const stageName = from.name ?? String(from.index);
    // Another stage builds with these modules (`COPY --from=deps /app/node_modules` before `yarn
    // build`): a prune in the install's stage would take the build's tools (held-out CR, MatchZy
    // Auto Tournament: "prune there" judged wrong). The production install needs a stage of its own.
    if (buildsWithModulesOf(model, chain, from, folder))
      report({ range: source.range, messageId: "copiedDevDependenciesShared", data: { stage: stageName, remedy } });
    else report({ range: source.range, messageId: "copiedDevDependencies", data: { stage: stageName, remedy } });
  }
}

/**
 * True when a stage outside the final image's lineage builds (runs a build step) with the modules
 * `from` installed in `folder`: a stage built on `from`, or one that copies that folder or its
 * node_modules from it.
 */
function buildsWithModulesOf(model: DockerfileModel, chain: readonly Stage[], from: Stage, folder: string): boolean {
  return model.stages.some((stage) => {
    if (chain.includes(stage) || stage === from || detectBuildSteps(stage).length === 0) return false;
    if (lineage(stage).includes(from)) return true;
    return stage.instructions.some(
      (copy) =>
        copy.keyword === "COPY" &&
        copySourceStage(model, copy) === from &&
        (stageCopySources(model, copy) ?? []).some(({ path }) => path !== null && (isSameOrParentPath(path, folder) || isSameOrParentPath(folder, path))),
    );
  });
}

/**
 * The virtual environment a builder's `uv sync` filled, copied into the final image (`COPY
 * --from=builder /app/.venv /app/.venv`), where the sync kept the default groups and the
 * project's pyproject.toml, read, declares a dev group (held-out CM, Meraki's exporter: mypy,
 * pytest and ruff shipped, missed). `uv sync --no-dev` in the builder, after any step that needs
 * the dev group, removes them: a sync is exact. Silent where the container starts with `uv run`,
 * which would sync the dev group back at start (the install's own report names UV_NO_DEV there),
 * and where the environment's place is not known (`--active`, `--project`, `--directory`).
 */
function reportCopiedUvEnvironments(model: DockerfileModel, chain: readonly Stage[], report: ReportFn): void {
  if (startSyncsUvDevGroup(model)) return;
  for (const { from, source, path } of stageCopies(model, chain)) {
    const builder = lineage(from);
    const filled = runCommands(builder)
      .map((r) => ({ ...r, install: dependencyInstall(r.command) }))
      .filter((r): r is typeof r & { install: DependencyInstall } => r.install?.ecosystem === "uv" && r.command.args[0]?.value === "sync")
      .filter((r) => {
        const environment = uvProjectEnvironment(model, r.stage, r.instruction, r.command);
        return environment !== null && (environment === path || isSameOrParentPath(path, environment));
      })
      .pop();
    if (filled === undefined) continue;
    const { stage, instruction, command, install } = filled;
    if (!installsDevDependencies(model, stage, instruction, install) || !syncsKnownUvDevGroup(model, stage, instruction)) continue;
    if (isPrunedLater([...builder], instruction, command, "uv")) continue;
    // Later steps of the builder that run the tests or linters need the dev group: the sync stays, and a second one prunes.
    const needsDevGroup = runCommands(builder).some((r) => r.instruction.ordinal > instruction.ordinal && runsChecksCommand(r.command));
    const afterSync = command.args[0].range.end;
    report({
      range: source.range,
      messageId: "copiedUvDevDependencies",
      data: { stage: from.name ?? String(from.index) },
      suggest:
        needsDevGroup || command.words.some((w) => w.json)
          ? undefined
          : [{ title: "Add '--no-dev'", edits: [{ range: { start: afterSync, end: afterSync }, newText: " --no-dev" }] }],
    });
  }
}

/**
 * The absolute folder of the environment `uv sync` (`command`) fills: UV_PROJECT_ENVIRONMENT
 * (relative to the project) or the project's `.venv`; null when it cannot be known.
 */
function uvProjectEnvironment(model: DockerfileModel, stage: Stage, instruction: Instruction, command: ShellCommand): string | null {
  if (command.args.some((w) => /^--(?:active|project|directory)(?:=|$)/.test(w.value))) return null;
  const project = commandDirectory(model, stage, instruction, command);
  if (project === null) return null;
  const configured = variableFor(model, stage, instruction, command, "UV_PROJECT_ENVIRONMENT");
  if (configured === null || (configured !== undefined && /[$`]/.test(configured))) return null;
  return joinPath(project, configured ?? ".venv");
}

/** A prune of the dev dependencies, as a comment may hold it (`# RUN pnpm prune --prod`). */
const PRUNE_COMMENT = /\b(?:npm|pnpm)\s+prune\b|\byarn\s+workspaces\s+focus\b.*--production/;

/** True when a comment inside `stages` (up to the next FROM: a trailing comment belongs to the stage above it) holds a prune command. */
function commentsOutPrune(model: DockerfileModel, stages: readonly Stage[]): boolean {
  const within = (line: number, stage: Stage) => {
    const next = model.stages[stage.index + 1];
    return line >= stage.range.start.line && (next === undefined || line < next.range.start.line);
  };
  return model.comments.some((comment) => PRUNE_COMMENT.test(comment.content) && stages.some((stage) => within(comment.range.start.line, stage)));
}

/**
 * `pip install -e .[dev,ocr]` in the image that ships: the project's extras for development (test
 * runners, linters, docs builders) go with it (held-out AP, memorious: pytest and sphinx in a
 * published crawler base). A suggestion keeps the other extras: whether the program imports one
 * of them is the project's to say.
 */
function reportDevExtras(model: DockerfileModel, commands: ReturnType<typeof runCommands>, report: ReportFn): void {
  for (const { stage, instruction, command } of commands) {
    const found = devExtrasInstall(command);
    if (found === null || optInCommands(model, instruction.trigger ?? instruction).has(command)) continue;
    if (stage.name !== null && DEVELOPMENT_STAGE.test(stage.name.toLowerCase())) continue;
    const { word, extras, without } = found;
    // Keep the author's quotes: unquoted, `[s3]` is a glob the shell may expand.
    const written = model.lines.textIn(word.range);
    const quote = /^["']/.test(written) ? written[0] : "";
    report({
      range: word.range,
      messageId: "devExtras",
      data: {
        spec: word.value,
        extras: `${extras.map((e) => `'${e}'`).join(" and ")} ${extras.length > 1 ? "extras" : "extra"}`,
        shipped: shippedImageWords(model).shipped,
        without,
      },
      suggest: [{ title: `Install '${without}'`, edits: [{ range: word.range, newText: `${quote}${without}${quote}` }] }],
    });
  }
}
