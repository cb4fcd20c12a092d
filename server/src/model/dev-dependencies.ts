// Whether a dependency install brings development dependencies once its flags and the environment
// it runs in are considered: shared by final-stage-dev-dependencies (which reports them) and
// copy-from-whole-workdir (a builder holding none ships nothing but the app itself).

import { dependencyInstall, type DependencyInstall } from "./commands";
import { contextCopy, isWholeContextSource } from "./copies";
import { normalizePath } from "./copy-paths";
import { lineage } from "./stage-graph";
import { variableFor } from "./environment";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction, Stage } from "./types";

function hasWords(command: ShellCommand, ...pairs: [string, string][]): boolean {
  const args = command.args.map((w) => w.value);
  return pairs.some(([flag, value]) => args.includes(`${flag}=${value}`) || args.some((a, i) => a === flag && args[i + 1] === value));
}

/**
 * The command's arguments with each bare variable (`$UV_OPTIONS`, `${FLAGS}`) replaced by the words
 * of its value where the file sets one: options are often kept in an ARG or ENV.
 */
function expandedArgs(command: ShellCommand, env: (name: string) => string | null | undefined): string[] {
  return command.args.flatMap((w) => {
    const m = /^\$\{?(\w+)\}?$/.exec(w.value);
    const value = m ? env(m[1]) : undefined;
    return typeof value === "string"
      ? value
          .replace(/^["']|["']$/g, "")
          .split(/\s+/)
          .filter(Boolean)
      : [w.value];
  });
}

/** True when `install` (in `instruction` of `stage`) installs development dependencies. */
export function installsDevDependencies(model: DockerfileModel, stage: Stage, instruction: Instruction, install: DependencyInstall): boolean {
  if (install.installsNamedPackages) return false;
  const cmd = install.command;
  const env = (name: string) => variableFor(model, stage, instruction, cmd, name);
  switch (install.ecosystem) {
    case "npm":
    case "yarn":
    case "pnpm":
    case "bun": {
      if (install.includesDevDependencies !== null) return install.includesDevDependencies;
      if (env("NODE_ENV") === "production") return false;
      if (
        install.ecosystem === "npm" &&
        (env("NPM_CONFIG_PRODUCTION") === "true" ||
          env("npm_config_production") === "true" ||
          /\bdev\b/.test(env("NPM_CONFIG_OMIT") ?? env("npm_config_omit") ?? ""))
      )
        return false;
      return true;
    }
    case "poetry":
      if (install.includesDevDependencies === false || hasWords(cmd, ["--only", "main"], ["--without", "dev"])) return false;
      return !declaresNoDependencyGroups(model, stage, instruction);
    case "uv": {
      // `uv pip install -r x` follows the file; `uv sync` installs the dev group unless told not to.
      if (cmd.args.some((w) => w.value === "pip")) return /dev|test/i.test(install.manifests.join(" "));
      // `--no-default-groups` (the dev group is a default one) may come through a variable.
      const args = expandedArgs(cmd, env);
      if (declaresNoDependencyGroups(model, stage, instruction)) return false;
      return (
        install.includesDevDependencies !== false &&
        !hasWords(cmd, ["--only-group", "main"]) &&
        !args.includes("--no-default-groups") &&
        !args.includes("--no-dev") &&
        env("UV_NO_DEV") !== "1"
      );
    }
    case "pip":
    case "pipenv":
      return install.includesDevDependencies === true;
    case "bundler":
      // Rails' generated Dockerfile sets BUNDLE_WITHOUT="development"; `--without` is the older flag.
      return (
        !/\bdevelopment\b/.test(env("BUNDLE_WITHOUT") ?? "") &&
        !cmd.args.some(
          (w, i) => /^--without=.*\bdevelopment\b/.test(w.value) || (w.value === "--without" && /\bdevelopment\b/.test(cmd.args[i + 1]?.value ?? "")),
        )
      );
    case "composer":
      return install.includesDevDependencies !== false;
    default:
      return false;
  }
}

/**
 * Tables and keys of pyproject.toml that declare groups installed by default: PEP 735
 * `[dependency-groups]`, uv's older `dev-dependencies`, Poetry's `[tool.poetry.group.<name>]` and
 * `[tool.poetry.dev-dependencies]`; a uv workspace, whose members may declare their own.
 */
const DEPENDENCY_GROUPS = /^\s*(?:\[\s*(?:dependency-groups|tool\.poetry\.group\.|tool\.poetry\.dev-dependencies|tool\.uv\.workspace)|dev-dependencies\s*=)/m;

/**
 * True when the pyproject.toml at the context root, which a copy of the stage (or a stage it builds
 * on) brought in before `instruction`, was read and declares no dependency group: `uv sync` and
 * `poetry install` then install the project's main dependencies only (extras are opt-in), so
 * `--no-dev` would change nothing.
 */
function declaresNoDependencyGroups(model: DockerfileModel, stage: Stage, instruction: Instruction): boolean {
  const text = model.context.files?.["pyproject.toml"];
  if (text === undefined || DEPENDENCY_GROUPS.test(text)) return false;
  return lineage(stage).some((s) =>
    s.instructions.some((i) => {
      if (s === stage && i.ordinal >= instruction.ordinal) return false;
      const copy = contextCopy(i);
      return copy !== null && copy.sources.some((src) => isWholeContextSource(src.value) || normalizePath(src.value) === "pyproject.toml");
    }),
  );
}

/** Installers whose production-only install removes development packages already in node_modules. */
const NODE_INSTALLERS = new Set(["npm", "yarn", "pnpm"]);

/** `--prod`/`--production` (any value but false) or `--omit=dev`: the flags that keep production dependencies only. */
function keepsProductionOnly(args: readonly string[]): boolean {
  return (
    args.some((a) => /^--prod(?:uction)?(?:=(?!false$).*)?$/.test(a) || a === "--omit=dev") || args.some((a, i) => a === "--omit" && args[i + 1] === "dev")
  );
}

/**
 * True when `command` removes the development dependencies already installed: `npm prune
 * --omit=dev`, `pnpm prune --prod`, `yarn workspaces focus --production`, or a second install of
 * the manifest with production dependencies only (`yarn install --production`, `npm ci --omit=dev`,
 * `pnpm install --prod`), which rewrites node_modules to the production set and drops the rest.
 */
export function prunesDevDependencies(command: ShellCommand): boolean {
  const args = command.args.map((w) => w.value);
  if ((command.name === "npm" || command.name === "pnpm") && args[0] === "prune") return keepsProductionOnly(args);
  const install = dependencyInstall(command);
  if (install && NODE_INSTALLERS.has(install.ecosystem) && !install.installsNamedPackages && install.includesDevDependencies === false) return true;
  return command.name === "yarn" && args[0] === "workspaces" && args[1] === "focus" && keepsProductionOnly(args);
}
