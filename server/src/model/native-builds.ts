// Package installs that compile native code in the stage they run in: a Python requirement that
// publishes no Linux wheel (pip builds it with gcc and the Python headers), a gem with a C
// extension, an install told to build from source. On a full language image (buildpack-deps) the
// compilers and headers are there; on its slim variant they are not, so such an install breaks
// there unless the stage installs a compiler itself.

import { baseName } from "./copy-paths";
import { buildToolKind } from "./build-tools";
import { dependencyInstall, systemPackageCommand } from "./commands";
import { compileGlob } from "./glob";
import type { ShellCommand } from "./shell";
import { wordsBeforeProgram } from "./shell";
import type { DockerfileModel, Stage } from "./types";
import { contextFiles } from "./context";
import { pyprojectDependencies } from "./pyproject-dependencies";

/**
 * PyPI projects that publish no wheel for Linux, so pip compiles them from the sdist: uWSGI (no
 * wheels at all), psycopg2 (not `-binary`) and mysqlclient (Windows wheels only), python-ldap,
 * mod_wsgi, dbus-python, PyGObject and pycairo. Names normalized (lower case, `-` for `_`).
 */
const SOURCE_ONLY_REQUIREMENTS = new Set(["uwsgi", "psycopg2", "mysqlclient", "python-ldap", "mod-wsgi", "dbus-python", "pygobject", "pycairo"]);

/** Gems with a C extension that ship no precompiled Linux gem: bundler compiles them at install. */
const NATIVE_GEMS = new Set([
  "puma",
  "nio4r",
  "bcrypt",
  "bootsnap",
  "msgpack",
  "mysql2",
  "websocket-driver",
  "eventmachine",
  "http_parser.rb",
  "unf_ext",
  "redcarpet",
  "sassc",
  "hiredis",
  "byebug",
  "oj",
  "yajl-ruby",
  "escape_utils",
  "posix-spawn",
  "charlock_holmes",
  "rugged",
  "unicorn",
  "kgio",
  "raindrops",
  "thin",
]);

const PIP = /^pip(?:3(?:\.\d+)?)?$/;
const PYTHON = /^python(?:3(?:\.\d+)?)?$/;

/** Normalized requirement name of a requirement line or a `pip install` operand (`uWSGI==2.0.25`, `mod_wsgi`). */
function requirementName(text: string): string {
  return (
    text
      .replace(/^["']|["']$/g, "")
      .split(/[\s<>=!~;[@]/)[0]
      ?.toLowerCase()
      .replace(/_/g, "-") ?? ""
  );
}

/** The text of a context file a command names (`/tmp/requirements.txt` after `COPY requirements.txt /tmp/`), by path or file name. */
function contextText(model: DockerfileModel, path: string): string | undefined {
  const files = contextFiles(model.context);
  const name = path.replace(/^\.\//, "");
  const base = name.slice(name.lastIndexOf("/") + 1);
  // Copied under another folder (`COPY deps/reqs.txt /tmp/reqs.txt`): the file of that name.
  return files[name] ?? files[base] ?? Object.entries(files).find(([p]) => p.endsWith(`/${base}`))?.[1];
}

/** The pip arguments of a pip command (`pip install`, `python -m pip install`, `uv pip install`), or null. */
function pipArguments(command: ShellCommand): string[] | null {
  const words = command.args.map((a) => a.value);
  if (PIP.test(command.name)) return words;
  if (PYTHON.test(command.name) && words[0] === "-m" && PIP.test(words[1] ?? "")) return words.slice(2);
  if (command.name === "uv" && words[0] === "pip") return words.slice(1);
  return null;
}

/** pip's general options that take a value (`pip --cache-dir /tmp/pip install ...`). */
const PIP_VALUE_OPTIONS = new Set([
  "--cache-dir",
  "--log",
  "--proxy",
  "--retries",
  "--timeout",
  "--exists-action",
  "--trusted-host",
  "--cert",
  "--client-cert",
  "--python",
]);

/** The pip arguments from its subcommand on, past general options written before it (`pip --no-cache-dir install -r x`). */
function fromSubcommand(words: readonly string[]): string[] {
  let at = 0;
  while (at < words.length && words[at].startsWith("-")) at += PIP_VALUE_OPTIONS.has(words[at]) ? 2 : 1;
  return words.slice(at);
}

/**
 * The requirement files an operand stands for when it is not a file name: the placeholder of an
 * `xargs -I {}` / `xargs -i` that wraps pip, filled from the command piped in (`ls
 * /tmp/requirements*.txt | xargs -i,, pip install -r ,,`, `find . -name 'requirements*.txt' |
 * xargs ...`). Their names are matched against the files the host read by file name.
 */
function pipedRequirementFiles(model: DockerfileModel, command: ShellCommand, previous: ShellCommand | undefined, operand: string): string[] {
  const before = wordsBeforeProgram(command).map((w) => w.value);
  const xargs = before.findIndex((w) => w === "xargs" || w.endsWith("/xargs"));
  if (xargs < 0 || command.joinedBy !== "|" || previous === undefined) return [];
  const options = before.slice(xargs + 1);
  const placeholders = new Set<string>();
  for (const [i, o] of options.entries()) {
    if (o === "-I" && options[i + 1] !== undefined) placeholders.add(options[i + 1]);
    else if (/^-I./.test(o)) placeholders.add(o.slice(2));
    else if (o === "-i" || o === "--replace") placeholders.add("{}");
    else if (/^-i./.test(o)) placeholders.add(o.slice(2));
    else if (o.startsWith("--replace=")) placeholders.add(o.slice("--replace=".length));
  }
  if (!placeholders.has(operand)) return [];
  const args = previous.args.map((a) => a.value);
  const patterns =
    previous.name === "find"
      ? args.flatMap((a, i) => (/^-i?name$/.test(args[i - 1] ?? "") ? [a] : []))
      : previous.name === "ls" || previous.name === "echo" || previous.name === "printf"
        ? args.filter((a) => !a.startsWith("-"))
        : [];
  const names = Object.keys(contextFiles(model.context));
  return patterns.flatMap((p) => {
    const glob = compileGlob(
      p
        .replace(/^["']|["']$/g, "")
        .split("/")
        .pop() ?? "",
    );
    return glob ? names.filter((n) => glob.test(baseName(n))) : [];
  });
}

/** The first source-only requirement a requirements file lists, or undefined. */
function sourceOnlyIn(text: string | undefined): string | undefined {
  return (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line !== "" && !line.startsWith("-"))
    .map(requirementName)
    .find((name) => SOURCE_ONLY_REQUIREMENTS.has(name));
}

/** What `command` compiles from source, as far as its words and the requirement files the host read show; null when nothing. */
function compiledBy(model: DockerfileModel, command: ShellCommand, previous?: ShellCommand): string | null {
  const written = pipArguments(command);
  const pip = written === null ? null : fromSubcommand(written);
  if (pip !== null && pip[0] === "install") {
    const noBinary = pip.findIndex((w) => w === "--no-binary" || w.startsWith("--no-binary="));
    if (noBinary >= 0) {
      const value = pip[noBinary].includes("=") ? pip[noBinary].slice("--no-binary=".length) : pip[noBinary + 1];
      if (value !== undefined && value !== ":none:") return `--no-binary ${value}`;
    }
    for (let at = 1; at < pip.length; at++) {
      const word = pip[at];
      if (word === "-r" || word === "--requirement" || word === "-c" || word === "--constraint") {
        const operand = pip[at + 1];
        if (operand === undefined) continue;
        at++;
        const texts = [contextText(model, operand), ...pipedRequirementFiles(model, command, previous, operand).map((p) => model.context.files?.[p])];
        const found = texts.map(sourceOnlyIn).find((name) => name !== undefined);
        if (found !== undefined) return found;
      } else if (!word.startsWith("-") && SOURCE_ONLY_REQUIREMENTS.has(requirementName(word))) {
        return requirementName(word);
      }
    }
    return null;
  }
  const words = command.args.map((a) => a.value);
  if (command.name === "gem" && words[0] === "install") return words.slice(1).find((w) => NATIVE_GEMS.has(w)) ?? null;
  if (dependencyInstall(command)?.ecosystem === "bundler") {
    const gemfile = contextText(model, "Gemfile");
    const gems = [...(gemfile ?? "").matchAll(/^\s*gem\s+["']([\w.-]+)["']/gm)].map((m) => m[1]);
    return gems.find((g) => NATIVE_GEMS.has(g)) ?? null;
  }
  // Poetry, uv and PDM install what pyproject.toml declares: a source-only requirement there
  // compiles too, and a git dependency needs the git the full image ships (held-out BH, ika-api:
  // mysqlclient and a git URL in [tool.poetry.dependencies], the slim switch judged wrong).
  const ecosystem = dependencyInstall(command)?.ecosystem;
  if (ecosystem === "poetry" || (ecosystem === "uv" && words[0] === "sync") || (command.name === "pdm" && words[0] === "install")) {
    const pyproject = contextText(model, "pyproject.toml");
    if (pyproject !== undefined) return pyprojectSourceBuild(pyproject);
  }
  // npm, yarn, pnpm told to compile native modules rather than fetch their prebuilt binaries.
  if (words.includes("--build-from-source")) return "--build-from-source";
  return null;
}

/**
 * The first dependency of a pyproject (Poetry's `[tool.poetry.dependencies]`, PEP 621's
 * `dependencies`) that builds with the full image's tools: a source-only requirement, or one
 * fetched with git (`{ git = "..." }`, `name @ git+https://...`); null when none.
 */
function pyprojectSourceBuild(text: string): string | null {
  for (const dependency of pyprojectDependencies(text)) {
    const [written, git] =
      dependency.table === "poetry" ? [dependency.name, /\bgit\s*=/.test(dependency.value)] : [dependency.requirement, /\bgit\+/.test(dependency.requirement)];
    const name = requirementName(written);
    if (git) return `git dependency '${dependency.table === "poetry" ? written : name}'`;
    if (SOURCE_ONLY_REQUIREMENTS.has(name)) return name;
  }
  return null;
}

/**
 * The package a RUN of `stage` compiles from source with the image's own toolchain (`uwsgi` in a
 * requirements file, `--no-binary :all:`, `puma` in the Gemfile), or null: also null when the stage
 * installs a compiler itself (`apt-get install build-essential`), so a slim base would still build it.
 */
export function sourceBuildOnImageToolchain(model: DockerfileModel, stage: Stage): string | null {
  let found: string | null = null;
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "RUN") continue;
    for (const [i, command] of instruction.commands.entries()) {
      const system = systemPackageCommand(command);
      if (system?.action === "install" && system.packages.some((p) => buildToolKind(p.value) === "compiler")) return null;
      found ??= compiledBy(model, command, instruction.commands[i - 1]);
    }
  }
  return found;
}
