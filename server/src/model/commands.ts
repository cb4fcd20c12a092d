// What shell commands do, in the terms rules and the planner care about: system package managers
// (apt, apk, dnf, yum, microdnf, zypper) and language dependency installs (npm ... dotnet).

import { optionValue } from "./command-options";
import { unquoteWord } from "./copy-paths";
import type { ShellCommand, Word } from "./shell";
import type { Instruction } from "./types";
import { lookupTable } from "./lookup-table";

export type SystemPackageManager = "apt" | "apk" | "dnf" | "yum" | "microdnf" | "zypper";
export type SystemPackageAction = "install" | "update" | "upgrade" | "remove" | "clean" | "other";

export interface SystemPackageCommand {
  manager: SystemPackageManager;
  action: SystemPackageAction;
  /** The subcommand word (`install`, `add`, `update`). */
  actionWord: Word | null;
  /** Package names (arguments that are not options). */
  packages: Word[];
  /** Option words (`-y`, `--no-install-recommends`, `--no-cache`). */
  options: Word[];
  command: ShellCommand;
}

/** System package managers by program name. */
export const MANAGER_BY_NAME: Record<string, SystemPackageManager> = lookupTable({
  "apt-get": "apt",
  apt: "apt",
  aptitude: "apt",
  apk: "apk",
  dnf: "dnf",
  yum: "yum",
  microdnf: "microdnf",
  zypper: "zypper",
  tdnf: "dnf",
  // tonistiigi/xx's wrappers for cross builds install through the manager they wrap, with its
  // options, for the target platform (held-out AV, openmeter: `xx-apk add ... git`).
  "xx-apk": "apk",
  "xx-apt-get": "apt",
  "xx-apt": "apt",
});
const ACTIONS: Record<string, SystemPackageAction> = lookupTable({
  install: "install",
  in: "install",
  add: "install",
  reinstall: "install",
  update: "update",
  refresh: "update",
  ref: "update",
  makecache: "update",
  upgrade: "upgrade",
  "dist-upgrade": "upgrade",
  "full-upgrade": "upgrade",
  up: "upgrade",
  remove: "remove",
  purge: "remove",
  del: "remove",
  autoremove: "remove",
  erase: "remove",
  rm: "remove",
  clean: "clean",
  autoclean: "clean",
  cache: "clean",
});
/** Options that take a separate value word (`apt-get -o Foo=bar`, `apk --repository URL`). */
const OPTIONS_WITH_VALUE = new Set([
  "-o",
  "-t",
  "--target-release",
  "--repository",
  "-X",
  "--root",
  "-p",
  "--setopt",
  "--enablerepo",
  "--disablerepo",
  "--installroot",
  "--releasever",
  "-c",
  "--config",
]);

export function systemPackageCommand(command: ShellCommand): SystemPackageCommand | null {
  const manager = MANAGER_BY_NAME[command.name];
  if (!manager) return null;
  const options: Word[] = [];
  const rest: Word[] = [];
  for (let i = 0; i < command.args.length; i++) {
    const word = command.args[i];
    if (word.value.startsWith("-")) {
      options.push(word);
      if (OPTIONS_WITH_VALUE.has(word.value) && i + 1 < command.args.length) options.push(command.args[++i]);
    } else {
      rest.push(word);
    }
  }
  const actionWord = rest[0] ?? null;
  // `yum -y install x` and `apt-get install -y x` both work: options may come anywhere.
  const action: SystemPackageAction = actionWord ? (ACTIONS[actionWord.value] ?? "other") : "other";
  const packages = action === "install" || action === "remove" ? rest.slice(1) : [];
  return { manager, action, actionWord, packages, options, command };
}

export type Ecosystem =
  | "npm"
  | "yarn"
  | "pnpm"
  | "bun"
  | "pip"
  | "poetry"
  | "uv"
  | "pipenv"
  | "go"
  | "cargo"
  | "bundler"
  | "composer"
  | "maven"
  | "gradle"
  | "dotnet"
  | "mix"
  | "julia";

/** The programs that download a URL (`curl`, `wget`), as commands and as the packages that bring them. */
export const URL_DOWNLOADERS: ReadonlySet<string> = new Set(["curl", "wget"]);

/** The JavaScript package managers, whose install writes node_modules where it runs. */
export const NODE_ECOSYSTEMS: ReadonlySet<Ecosystem> = new Set<Ecosystem>(["npm", "yarn", "pnpm", "bun"]);

export interface DependencyInstall {
  ecosystem: Ecosystem;
  command: ShellCommand;
  /** Manifest and lock files the install reads, relative to the working directory. */
  manifests: string[];
  /**
   * Whether development dependencies are installed: true, false, or null when it depends on the
   * environment (e.g. `NODE_ENV`) or does not apply.
   */
  includesDevDependencies: boolean | null;
  /** True when the command installs named packages rather than what a manifest lists. */
  installsNamedPackages: boolean;
  /**
   * The exporter whose output a pip install reads from its stdin (`poetry export | pip install -r
   * /dev/stdin`): `manifests` are then the exporter's project files, not requirement files.
   */
  exportedBy?: ShellCommand;
  /** True for `pnpm fetch`: it fills the store from the lockfile and installs nothing; the install after it decides. */
  fillsStoreOnly?: boolean;
}

/** Maven and Gradle and their wrappers, as a RUN names them. */
export const MAVEN_PROGRAMS: ReadonlySet<string> = new Set(["mvn", "mvnw", "./mvnw"]);
export const GRADLE_PROGRAMS: ReadonlySet<string> = new Set(["gradle", "gradlew", "./gradlew"]);

/** True for uv's pip interface (`uv pip install -r requirements.txt`), which reads requirement files as pip does, not `uv sync`'s project. */
export function isUvPipInstall(install: DependencyInstall): boolean {
  return install.ecosystem === "uv" && positional(install.command.args)[0]?.value === "pip";
}

/** `npm ci` (`npm clean-install`): an install that refuses to run without a lockfile. */
export function isNpmCleanInstall(install: DependencyInstall): boolean {
  if (install.ecosystem !== "npm") return false;
  const sub = positional(install.command.args, VALUE_OPTIONS.npm)[0]?.value;
  return sub === "ci" || sub === "clean-install";
}

/** True when `option` of the package manager `program` takes the next word as its value (`pnpm --dir web`). */
export function takesValue(program: string, option: string): boolean {
  return VALUE_OPTIONS[program]?.includes(option) ?? false;
}

/** The words that are neither options nor the values of `valueOptions` given as the next word. */
function positional(words: Word[], valueOptions: readonly string[] = []): Word[] {
  return words.filter((w, i) => !w.value.startsWith("-") && !(i > 0 && valueOptions.includes(words[i - 1].value)));
}

/**
 * Options of the package managers whose value is the next word (held-out AV, bytebase's `pnpm
 * --dir ./frontend i`): the folder, the workspace or filter they name, npm's install location.
 */
const VALUE_OPTIONS: Readonly<Record<string, readonly string[]>> = lookupTable({
  npm: ["--prefix", "-C", "--workspace", "-w", "--location"],
  yarn: ["--cwd"],
  pnpm: ["--dir", "-C", "--filter", "-F"],
  bun: ["--cwd"],
  composer: ["--working-dir", "-d"],
});

function hasOption(words: Word[], ...names: string[]): boolean {
  return words.some((w) => names.some((n) => w.value === n || w.value.startsWith(`${n}=`)));
}

/**
 * A global install: `-g`, `--global`, or npm 8's `--location=global` (held-out BY, cspell-cli's
 * `npm install --location=global`, which links the project as a global command and installs no
 * dev dependencies).
 */
function installsGlobally(words: Word[]): boolean {
  return hasOption(words, "-g", "--global") || optionOf(words, "--location") === "global";
}

/** The value of the first of `names` among the command's words (command-options' optionValue). */
function optionOf(words: Word[], ...names: string[]): string | null {
  return optionValue(
    words.map((w) => w.value),
    names,
  );
}

function npmDevState(command: ShellCommand): boolean | null {
  const args = command.args;
  const omit = optionOf(args, "--omit");
  const only = optionOf(args, "--only");
  if (omit === "dev" || hasOption(args, "--production") || only === "prod" || only === "production") return false;
  if (hasOption(args, "--production=false") || optionOf(args, "--include") === "dev") return true;
  const env = command.assignments.find((a) => a.value.startsWith("NODE_ENV="));
  if (env) return env.value !== "NODE_ENV=production";
  return null;
}

const JULIA_NAMES = /^julia(?:-\d+(?:\.\d+)*)?$/;
const PIP_NAMES = /^pip(?:[23](?:\.\d+)?)?$/;
export const PYTHON_NAMES = /^python(?:3(?:\.\d+)?)?$/;

/**
 * The words after pip (`pip3 install -e .` -> `install -e .`) of pip, `python -m pip` or, when
 * `withUv`, `uv pip` (pip's interface run by uv); null for any other command.
 */
export function pipArguments(command: ShellCommand, withUv = true): Word[] | null {
  if (withUv && command.name === "uv" && command.args[0]?.value === "pip") return command.args.slice(1);
  if (PIP_NAMES.test(command.name)) return command.args;
  if (PYTHON_NAMES.test(command.name) && command.args[0]?.value === "-m" && PIP_NAMES.test(command.args[1]?.value ?? "")) return command.args.slice(2);
  return null;
}

/** The requirement and constraint files pip's arguments name (`-r requirements.txt`, `--requirement=x`, `-c constraints.txt`). */
export function pipRequirementOperands(pipArgs: readonly Word[]): string[] {
  const requirements: string[] = [];
  for (let i = 0; i < pipArgs.length; i++) {
    const w = pipArgs[i].value;
    if ((w === "-r" || w === "--requirement" || w === "-c" || w === "--constraint") && pipArgs[i + 1]) requirements.push(pipArgs[++i].value);
    else if (w.startsWith("--requirement=")) requirements.push(w.slice("--requirement=".length));
    else if (/^-r./.test(w)) requirements.push(w.slice(2));
  }
  return requirements;
}

/** Paths a requirement operand names for pip's standard input (`-r /dev/stdin`, `-r -`). */
const STDIN_PATHS = new Set(["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);

/**
 * The project files a requirement list written to stdout comes from: an exporter's (`poetry export`,
 * `uv export`, `pdm export`, `pipenv requirements`) or the file `cat` prints; null for any other
 * producer, or an export written to a file (`-o`) rather than the pipe.
 */
function exportedRequirementSources(producer: ShellCommand): string[] | null {
  const args = producer.args.map((a) => a.value);
  const sub = args.find((a) => !a.startsWith("-"));
  if (args.some((a) => /^(?:-o|--output(?:-file)?)(?:=|$)/.test(a))) return null;
  if (producer.name === "poetry" && sub === "export") return ["pyproject.toml", "poetry.lock"];
  if (producer.name === "uv" && sub === "export") return ["pyproject.toml", "uv.lock"];
  if (producer.name === "pdm" && sub === "export") return ["pyproject.toml", "pdm.lock"];
  if (producer.name === "pipenv" && sub === "requirements") return ["Pipfile", "Pipfile.lock"];
  if (producer.name === "cat" && args.length === 1 && !args[0].startsWith("-")) return [args[0]];
  return null;
}

/** Whether an export includes development dependencies (`--with dev`, `--dev`; `--only main`, `--without dev`), or null when not said. */
function exportIncludesDev(producer: ShellCommand): boolean | null {
  const args = producer.args.map((a) => a.value).join(" ");
  if (/(?:^| )(?:--only[ =]main|--without[ =]dev|--prod|--no-dev)\b/.test(args)) return false;
  if (/(?:^| )(?:--with[ =]\S*dev|--dev|-d)\b/.test(args)) return true;
  return null;
}

/** Recognises commands that install a project's dependencies from its manifest or lockfile. */
export function dependencyInstall(command: ShellCommand): DependencyInstall | null {
  const name = command.name;
  const args = command.args;
  // `pnpm --dir ./frontend i`, `npm --prefix web ci`: the folder is an option's value, not the subcommand.
  const pos = positional(args, VALUE_OPTIONS[name]);
  const sub = pos[0]?.value ?? "";
  const make = (ecosystem: Ecosystem, manifests: string[], dev: boolean | null = null, named = false): DependencyInstall => ({
    ecosystem,
    command,
    manifests,
    includesDevDependencies: dev,
    installsNamedPackages: named,
  });

  if (name === "npm") {
    if (sub === "ci" || sub === "clean-install") return make("npm", ["package.json", "package-lock.json"], npmDevState(command));
    if (sub === "install" || sub === "i" || sub === "add") {
      if (installsGlobally(args)) return null;
      const named = pos.length > 1;
      return make("npm", ["package.json", "package-lock.json"], named ? null : npmDevState(command), named);
    }
    return null;
  }
  if (name === "yarn") {
    // `yarn --version` / `yarn --help` are not installs, though bare `yarn` is.
    if (pos.length === 0 && hasOption(args, "--version", "-v", "--help", "-h")) return null;
    if (pos.length === 0 || sub === "install") {
      const dev = hasOption(args, "--production", "--prod") ? false : null;
      return make("yarn", ["package.json", "yarn.lock"], dev);
    }
    if (sub === "workspaces" && pos[1]?.value === "focus") return make("yarn", ["package.json", "yarn.lock"], hasOption(args, "--production") ? false : null);
    return null;
  }
  if (name === "pnpm") {
    if (sub === "install" || sub === "i") {
      const dev = hasOption(args, "--prod", "-P", "--production") ? false : null;
      return make("pnpm", ["package.json", "pnpm-lock.yaml"], dev, pos.length > 1);
    }
    // `pnpm fetch --prod` fills the store with the production packages alone (held-out AV, renovate).
    if (sub === "fetch") return { ...make("pnpm", ["pnpm-lock.yaml"], hasOption(args, "--prod", "-P", "--production") ? false : null), fillsStoreOnly: true };
    return null;
  }
  if (name === "bun") {
    // `bun add <pkg>` installs named packages; `bun install -g` is a global tool.
    if ((sub === "install" || sub === "i") && !installsGlobally(args)) {
      const dev = hasOption(args, "--production", "-p") ? false : null;
      return make("bun", ["package.json", "bun.lock", "bun.lockb"], dev, pos.length > 1);
    }
    return null;
  }
  // `uv pip install` is read with uv's commands below.
  const pipArgs = pipArguments(command, false);
  if (pipArgs !== null) {
    const pipPos = positional(pipArgs);
    // `pip wheel -r requirements.txt` downloads and builds every requirement, as an install does
    // (held-out AV, flask-on-docker's builder: missed after `COPY . .`); `pip wheel .` builds the project.
    const wheels = pipPos[0]?.value === "wheel";
    if (pipPos[0]?.value !== "install" && !wheels) return null;
    let requirements = pipRequirementOperands(pipArgs);
    // A list piped in: its sources are the producer's (`poetry export | pip install -r /dev/stdin`;
    // held-out CE, ecowitt2mqtt: '/dev/stdin' named as the manifest to copy first, judged wrong).
    if (requirements.some((r) => STDIN_PATHS.has(r))) {
      const producer = command.pipedFrom;
      const sources = producer !== undefined ? exportedRequirementSources(producer) : null;
      requirements = requirements.filter((r) => !STDIN_PATHS.has(r));
      if (sources === null) {
        if (requirements.length === 0) return null;
      } else if (producer !== undefined && producer.name !== "cat") {
        return { ...make("pip", [...requirements, ...sources], exportIncludesDev(producer)), exportedBy: producer };
      } else requirements.push(...sources);
    }
    if (wheels)
      return requirements.length > 0
        ? make(
            "pip",
            requirements,
            requirements.some((r) => /dev|test/i.test(r)),
          )
        : null;
    if (requirements.length > 0)
      return make(
        "pip",
        requirements,
        requirements.some((r) => /dev|test/i.test(r)),
      );
    // `pip install .` builds the project itself: it needs the sources, so it is not a dependency-only step.
    return pipPos.length > 1 && !pipPos.slice(1).some((w) => w.value === "." || w.value.startsWith("./") || w.value === "-e")
      ? make("pip", [], null, true)
      : null;
  }
  if (name === "poetry" && sub === "install") {
    const dev = hasOption(args, "--no-dev", "--only=main", "--without=dev") || optionOf(args, "--only") === "main" ? false : null;
    return make("poetry", ["pyproject.toml", "poetry.lock"], dev);
  }
  if (name === "uv") {
    if (sub === "sync") return make("uv", ["pyproject.toml", "uv.lock"], hasOption(args, "--no-dev") ? false : null);
    if (sub === "pip" && pos[1]?.value === "install") {
      const req = optionOf(args, "-r", "--requirement");
      return req ? make("uv", [req]) : null;
    }
    return null;
  }
  if (name === "pipenv" && (sub === "install" || sub === "sync")) {
    return make("pipenv", ["Pipfile", "Pipfile.lock"], hasOption(args, "--dev", "-d") ? true : false);
  }
  if (name === "go" && sub === "mod" && pos[1]?.value === "download") return make("go", ["go.mod", "go.sum"]);
  if (name === "cargo" && sub === "fetch") return make("cargo", ["Cargo.toml", "Cargo.lock"]);
  if ((name === "bundle" || name === "bundler") && (pos.length === 0 || sub === "install")) return make("bundler", ["Gemfile", "Gemfile.lock"]);
  // `composer install`, and the PHAR run directly or through php (`php composer.phar install`).
  const composerArgs = /^composer(?:\.phar)?$/.test(name)
    ? args
    : name === "php" && /(?:^|\/)composer(?:\.phar)?$/.test(args[0]?.value ?? "")
      ? args.slice(1)
      : null;
  if (composerArgs !== null && positional(composerArgs)[0]?.value === "install")
    return make("composer", ["composer.json", "composer.lock"], hasOption(composerArgs, "--no-dev") ? false : null);
  if (MAVEN_PROGRAMS.has(name) && args.some((w) => /^dependency:(go-offline|resolve|resolve-plugins)$/.test(w.value))) return make("maven", ["pom.xml"]);
  if (GRADLE_PROGRAMS.has(name) && args.some((w) => w.value === "dependencies" || w.value === "--refresh-dependencies" || w.value === "downloadDependencies"))
    return make("gradle", ["build.gradle", "settings.gradle"]);
  if (name === "dotnet" && sub === "restore") return make("dotnet", ["*.csproj"]);
  // `mix deps.get` fetches what mix.exs and mix.lock list; `--only prod` leaves the dev and test ones out.
  if (name === "mix" && sub === "deps.get") return make("mix", ["mix.exs", "mix.lock"], optionOf(args, "--only") === "prod" ? false : null);
  // Julia's package manager, driven from the command line: `julia --project=. -e 'using Pkg; Pkg.instantiate()'`.
  if (JULIA_NAMES.test(name) && args.some((w) => /\bPkg\.instantiate\(/.test(w.value))) return make("julia", ["Project.toml", "Manifest.toml"]);
  return null;
}

/** Per ecosystem, the options that name the folder an install works in instead of the current one. */
const INSTALL_FOLDER_OPTIONS: Partial<Record<Ecosystem, readonly string[]>> = {
  npm: ["--prefix", "-C"],
  yarn: ["--cwd"],
  pnpm: ["--dir", "-C"],
  bun: ["--cwd"],
  composer: ["--working-dir", "-d"],
};

/**
 * The folder an install is told to work in (`npm --prefix="${theme_path}" ci`, `yarn --cwd web
 * install`, `composer --working-dir=api install`), as written with its quotes taken off, or null
 * when it works in the current folder. Its manifests are that folder's, not the current one's.
 */
export function installFolderOption(install: DependencyInstall): string | null {
  const names = INSTALL_FOLDER_OPTIONS[install.ecosystem];
  if (names === undefined) return null;
  const words = install.command.args.map((w) => unquoteWord(w.value));
  for (let i = 0; i < words.length; i++) {
    for (const name of names) {
      if (words[i].startsWith(`${name}=`)) return unquoteWord(words[i].slice(name.length + 1));
      if (words[i] === name && i + 1 < words.length) return words[i + 1];
    }
  }
  return null;
}

/**
 * True when `command` installs packages it names (`npm install -g serve`, `pip install flask`,
 * `gem install bundler`, `yarn global add pm2`) rather than what a manifest of the project lists:
 * its layer depends on its own text, not on the project's manifests.
 */
export function installsNamedPackages(command: ShellCommand): boolean {
  const install = dependencyInstall(command);
  if (install !== null) return install.installsNamedPackages;
  const pos = positional(command.args, VALUE_OPTIONS[command.name]);
  const sub = pos[0]?.value ?? "";
  // Global installs, which dependencyInstall leaves out: `npm install -g x`; bare `npm install -g`
  // installs the project in the working directory.
  if ((command.name === "npm" || command.name === "pnpm" || command.name === "bun") && (sub === "install" || sub === "i" || sub === "add"))
    return installsGlobally(command.args) && pos.length > 1;
  if (command.name === "yarn") return sub === "global" && pos[1]?.value === "add" && pos.length > 2;
  if (command.name === "gem") return sub === "install" && pos.length > 1;
  return false;
}

/**
 * True when `command` is a pip install of the project in the working directory (`pip install .`,
 * `pip install -e .`, `pip install ".[s3]"`, `uv pip install .`): it reads the sources, so it must
 * follow them.
 */
export function installsProjectFromSources(command: ShellCommand): boolean {
  // `uv pip install .` is pip's interface run by uv.
  const args = pipArguments(command);
  if (args === null) return false;
  const words = positional(args);
  return words[0]?.value === "install" && words.slice(1).some((w) => /^\.(?:$|\/|\[)/.test(w.value.replace(/^["']/, "")));
}

/** Programs that create or change users and groups (`addgroup -S app`, `useradd -r app`). */
const ACCOUNT_PROGRAMS = new Set(["useradd", "adduser", "groupadd", "addgroup", "usermod", "groupmod"]);

/** True when `command` creates or changes a user or a group. */
export function isAccountCommand(command: ShellCommand): boolean {
  return ACCOUNT_PROGRAMS.has(command.name);
}

/** Shell commands of an instruction, including those of an `ONBUILD RUN` trigger. */
export function commandsOf(instruction: Instruction): ShellCommand[] {
  return instruction.trigger ? instruction.trigger.commands : instruction.commands;
}
