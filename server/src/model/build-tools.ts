// Which installed system packages are build tools: compilers and -dev headers (what a runtime image
// never needs), and build helpers (make, cmake, pkg-config) that only matter next to a compiler.
// git is not here: it is a run-time tool of many images (CI agents, wikis, package managers).

import { aptSoleProvider } from "./apt-no-recommends";
import { dependencyInstall, systemPackageCommand, SystemPackageCommand } from "./commands";
import type { ShellCommand, Word } from "./shell";
import { commandInstallsPythonPackages, isPythonHeaders } from "./python-installs";
import type { Instruction, Stage } from "./types";

const COMPILERS = new Set(["build-essential", "build-base", "alpine-sdk", "gcc", "g++", "gcc-c++", "clang", "llvm", "golang", "go", "rustc", "cargo"]);
/**
 * A JDK package (it holds javac) of any release: Debian's `openjdk-25-jdk` and `default-jdk` (also
 * `-headless`), Alpine's `openjdk17-jdk`, Adoptium's `temurin-21-jdk`, the Red Hat family's
 * `java-17-openjdk-devel`. A list of releases missed each new one (held-out BR, Playwright for
 * Java's `openjdk-25-jdk`).
 */
const JDK_PACKAGE = /^(?:openjdk-?\d*-jdk(?:-headless)?|default-jdk(?:-headless)?|temurin-\d+-jdk|java-[\d.]+-openjdk-devel)$/;
const HELPERS = new Set([
  "cpp",
  "make",
  "cmake",
  "automake",
  "autoconf",
  "libtool",
  "pkg-config",
  "pkgconf",
  "pkgconfig",
  "ninja-build",
  "meson",
  "bison",
  "flex",
  "linux-headers",
  "kernel-devel",
]);

export type BuildToolKind = "compiler" | "headers" | "helper";

/** The package's name without version, release or architecture: `gcc=4:12.2` -> `gcc`. */
export function packageName(pkg: string): string {
  return pkg
    .replace(/[=<>~].*$/, "")
    .replace(/:(?:amd64|arm64|i386)$/, "")
    .toLowerCase();
}

/** The programs a build-tool package puts on PATH where they differ from its name (pkgconf ships `pkg-config`). */
const PROGRAMS = new Map<string, readonly string[]>([
  ["pkg-config", ["pkg-config", "pkgconf"]],
  ["pkgconf", ["pkg-config", "pkgconf"]],
  ["pkgconfig", ["pkg-config", "pkgconf"]],
  ["build-essential", ["gcc", "g++", "cc", "make"]],
  ["build-base", ["gcc", "g++", "cc", "make"]],
  // Protobuf's -dev packages hold the well-known types (`google/protobuf/timestamp.proto`) that
  // protoc imports from /usr/include: an image that runs protoc when it starts needs them (held-out
  // BP, protoc-gen-doc: "install their runtime libraries instead" judged wrong).
  ["protobuf-dev", ["protoc"]],
  ["libprotobuf-dev", ["protoc"]],
  ["protobuf-devel", ["protoc"]],
  // libpq-dev's `pg_config` is how pg_auto_failover's pg_autoctl finds the Postgres install it
  // drives (pgctl.c: "Either package libpq-dev or postgresql-server-dev-NN must be installed";
  // held-out BT, pg_auto_failover: its removal judged wrong).
  ["libpq-dev", ["pg_autoctl"]],
]);

/** The programs the package `name` (as `packageName` gives it) is run by, or that read it when they run. */
export function programsOf(name: string): readonly string[] {
  return PROGRAMS.get(name) ?? [name];
}

/** `gcc-12` and `build-essential` are compilers, `libpq-dev` headers, `cmake` a helper; null otherwise. */
export function buildToolKind(pkg: string): BuildToolKind | null {
  const name = packageName(pkg);
  if (name.includes("$")) return null;
  if (COMPILERS.has(name) || /^(?:gcc|g\+\+|clang|llvm)-\d+$/.test(name) || JDK_PACKAGE.test(name)) return "compiler";
  if (HELPERS.has(name)) return "helper";
  if (/-dev$|-devel$/.test(name)) return "headers";
  return null;
}

/** apk's `--virtual NAME` / `-t NAME`: the name is a group, not a package. */
function virtualName(cmd: SystemPackageCommand): string | null {
  const args = cmd.command.args;
  for (let i = 0; i < args.length; i++) {
    const w = args[i].value;
    if ((w === "--virtual" || w === "-t") && args[i + 1]) return args[i + 1].value;
    if (w.startsWith("--virtual=")) return w.slice("--virtual=".length);
  }
  return null;
}

/**
 * The packages among `names` that a later command of the same RUN removes: all of them when it
 * removes their virtual group or follows the official images' idiom, else those it names
 * (`apt-get --purge autoremove gcc g++ libxml2-dev -y` removes the packages it is given).
 */
function removedLater(instruction: Instruction, after: SystemPackageCommand, names: string[], group: string | null): Set<string> {
  const commands = instruction.commands;
  const start = commands.indexOf(after.command);
  const aptMarkAuto = commands.some((c) => c.name === "apt-mark" && c.args.some((w) => w.value === "auto"));
  const found = new Set<string>();
  for (const c of commands.slice(start + 1)) {
    const cmd = systemPackageCommand(c);
    if (!cmd || cmd.action !== "remove") continue;
    const removed = new Set(cmd.packages.map((p) => p.value.replace(/[=<>~].*$/, "")));
    if (group && removed.has(group)) return new Set(names);
    // The official images' idiom: `apt-mark auto '.*'` then `apt-get purge --auto-remove`.
    if (aptMarkAuto && (cmd.actionWord?.value === "autoremove" || cmd.options.some((o) => o.value === "--auto-remove"))) return new Set(names);
    // `apt-get install libxslt-dev` installs its provider, libxslt1-dev, which a removal names
    // (held-out BZ, HDX's CKAN: libxslt-dev said to be kept, judged wrong).
    const provider = (name: string) => (cmd.manager === "apt" ? aptSoleProvider(name) : null);
    for (const name of names) if (removed.has(name) || removed.has(provider(name) ?? "")) found.add(name);
  }
  return found;
}

/** Commands that put a file where a program finds it at run time. */
const PLACING_PROGRAMS = new Set(["ln", "cp"]);

/**
 * True when `pkg` is a -dev package and a later `ln`/`cp` of the same RUN takes an absolute path
 * that names it (`musl-dev` then `ln -s /usr/lib/x86_64-linux-musl/libc.so /lib/...`): the author
 * installed it for that file, which something uses at run time (prebuilt wheels loading a musl libc).
 */
function isHeaderFileLinkedLater(instruction: Instruction, install: SystemPackageCommand, pkg: string): boolean {
  if (buildToolKind(pkg) !== "headers") return false;
  const stem = packageName(pkg).replace(/-(?:dev|devel)$/, "");
  const commands = instruction.commands;
  return commands
    .slice(commands.indexOf(install.command) + 1)
    .some(
      (c) =>
        PLACING_PROGRAMS.has(c.name) &&
        c.args.some((a) => a.value.startsWith("/") && a.value.split("/").some((segment) => segment.toLowerCase().split(/[-_.]/).includes(stem))),
    );
}

export interface KeptBuildTools {
  instruction: Instruction;
  /** The install command of `instruction` that names `tools`. */
  command: ShellCommand;
  /** Compilers, headers and helpers, in the order written. */
  tools: Word[];
  hasCompiler: boolean;
}

/**
 * Install commands in `stages` that keep compilers or -dev headers (not removed in the same RUN).
 * Helpers are listed only next to a compiler or headers.
 */
export function keptBuildTools(stages: readonly Stage[]): KeptBuildTools[] {
  const found: KeptBuildTools[] = [];
  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== "RUN") continue;
      for (const command of instruction.commands) {
        const cmd = systemPackageCommand(command);
        if (!cmd || cmd.action !== "install") continue;
        const group = virtualName(cmd);
        const candidates = cmd.packages.filter(
          (p) => p.value !== group && buildToolKind(p.value) !== null && !isHeaderFileLinkedLater(instruction, cmd, p.value),
        );
        const removed = removedLater(
          instruction,
          cmd,
          candidates.map((t) => packageName(t.value)),
          group,
        );
        // What the RUN removes again is gone from its layer; the rest stays.
        const tools = candidates.filter((t) => !removed.has(packageName(t.value)));
        const kinds = tools.map((t) => buildToolKind(t.value));
        const hasCompiler = kinds.includes("compiler");
        if (!hasCompiler && !kinds.includes("headers")) continue;
        found.push({ instruction, command, tools, hasCompiler });
      }
    }
  }
  return found;
}

/** Build systems and compilers that build native code: make, cmake, configure, meson, ninja, the C compilers. */
export const NATIVE_BUILD_PROGRAMS: readonly string[] = ["make", "cmake", "configure", "gcc", "g++", "cc", "meson", "ninja"];

/**
 * Programs that compile against the image's headers: PHP's extension installers, make, configure,
 * the compilers. Package installs (`pip install`, `gem install`) are not counted: most fetch
 * wheels or pure-Ruby gems (`gem install bundler`, `pip install frappe-bench`) and compile nothing.
 */
const COMPILING_PROGRAMS = new Set([
  "docker-php-ext-install",
  // Configuring an extension checks its headers (`docker-php-ext-configure gd --with-webp`), and
  // mlocati's installer compiles the extensions it is given (held-out CD, Castopod).
  "docker-php-ext-configure",
  "install-php-extensions",
  "pecl",
  "pie",
  ...NATIVE_BUILD_PROGRAMS,
]);

/** True when the command compiles native code against the image's headers (see COMPILING_PROGRAMS). */
export function compilesNativeCode(command: ShellCommand): boolean {
  return COMPILING_PROGRAMS.has(command.name);
}

/**
 * True when `kept`'s own RUN, or a later RUN of `stages` (the image's lineage), compiles
 * (`docker-php-ext-install gd` after `libpng-dev`, in the same RUN or the next one; a later
 * `pip install` with a compiler installed for it, see buildsWithOwnCompiler): its headers
 * are needed there, so only their removal after the last build (the docker-library php idiom:
 * `apt-mark` the runtime libraries, purge the rest) drops them; runtime libraries instead would
 * fail the compile.
 */
export function compilesWith(kept: KeptBuildTools, stages: readonly Stage[] = []): boolean {
  if (kept.instruction.commands.some(compilesNativeCode)) return true;
  // Python's own headers kept beside the others: they are there for the C extensions a pip install
  // of this RUN or a later one compiles (python-ldap, published only as source, against
  // libldap2-dev and libsasl2-dev; held-out CB, LinkedIn's Oncall: "install their runtime
  // libraries instead" judged wrong).
  if (kept.tools.some((t) => isPythonHeaders(packageName(t.value)))) {
    const runs = [kept.instruction, ...runsAfter(kept, stages)];
    if (runs.some((i) => i.commands.some(commandInstallsPythonPackages))) return true;
  }
  // The RUN installs a compiler too, which it removes again (`apk add --virtual .build-deps gcc`,
  // then `pip install uwsgi`, then `apk del .build-deps`): it compiles between the two, and the
  // headers it keeps may be what that compile needs (uwsgi enables PCRE only when pcre-dev is there).
  if (installsCompiler(kept.instruction)) return true;
  return runsAfter(kept, stages).some(
    (i) => i.commands.some((c) => compilesNativeCode(c) || installsRPackages(c) || installsNativeExtensions(c)) || buildsWithOwnCompiler(i),
  );
}

/**
 * True when `command` installs Ruby gems or Perl modules, whose native extensions compile from
 * source against the headers kept before it (`bundle install` of a Gemfile.lock with psych, which
 * needs libyaml's yaml.h: held-out BG, jkeam/finance-web, judged wrong when told to swap the
 * headers for runtime libraries; a Rails lock holds several such gems). pip and npm mostly fetch
 * prebuilt wheels and binaries: theirs are not counted.
 */
function installsNativeExtensions(command: ShellCommand): boolean {
  if (dependencyInstall(command)?.ecosystem === "bundler") return true;
  return (command.name === "gem" && command.args.some((a) => a.value === "install")) || command.name === "cpanm" || command.name === "cpan";
}

/** The RUNs of `stages` (the image's lineage) after `kept`'s own, in order; none when its RUN is not among them. */
function runsAfter(kept: KeptBuildTools, stages: readonly Stage[]): Instruction[] {
  const runs = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === "RUN");
  const at = runs.indexOf(kept.instruction);
  return at < 0 ? [] : runs.slice(at + 1);
}

/**
 * True when `instruction` installs a compiler and then builds or installs with it (`apt-get install
 * gcc && pip install -r prod.txt && apt-get remove gcc`): the compiler is there for that install's
 * native code (psycopg2 built from source), which compiles against the headers earlier RUNs keep.
 */
function buildsWithOwnCompiler(instruction: Instruction): boolean {
  const commands = instruction.commands;
  const compilerAt = commands.findIndex(isCompilerInstall);
  return compilerAt >= 0 && commands.slice(compilerAt + 1).some(isBuildStep);
}

/** True when a system package install of `instruction` names a compiler, kept or removed later. */
function installsCompiler(instruction: Instruction): boolean {
  return instruction.commands.some(isCompilerInstall);
}

/** True when `command` is a system package install that names a compiler. */
function isCompilerInstall(command: ShellCommand): boolean {
  const cmd = systemPackageCommand(command);
  return cmd !== null && cmd.action === "install" && cmd.packages.some((p) => buildToolKind(p.value) === "compiler");
}

/** littler's installers, and R expressions that install packages. */
const R_INSTALLERS = new Set(["install2.r", "installGithub.r", "installBioc.r"]);
const R_INSTALL_CALL = /\b(?:install\.packages|pak::pkg_install|pak::pak|remotes::install_\w+|devtools::install\w*|BiocManager::install)\s*\(/;

/**
 * True when `command` installs R packages (`install2.r`, `Rscript -e "pak::pkg_install(...)"`,
 * `R CMD INSTALL /src/pkg`): CRAN serves no Linux binaries, so they build from source against the
 * image's headers unless a binary repository is set up, which the file may not show; `R CMD INSTALL`
 * of a source folder always compiles its native code.
 */
export function installsRPackages(command: ShellCommand): boolean {
  const name = command.name;
  if (R_INSTALLERS.has(name)) return true;
  if (name === "R" && command.args[0]?.value === "CMD" && command.args[1]?.value === "INSTALL") return true;
  return (name === "Rscript" || name === "R") && command.args.some((w) => R_INSTALL_CALL.test(w.value));
}

/** Programs that build or install after a package install in the same RUN (language installers, build scripts). */
const BUILDING_PROGRAMS =
  /^(?:pip\d*(?:\.\d+)?|python\d*(?:\.\d+)?|gem|bundle|cargo|go|npm|npx|yarn|pnpm|bun|mix|rebar3|composer|R|Rscript|uv|poetry|pipx|sh|bash|ash|dash)$/;

/**
 * True when a command after `kept`'s install in its own RUN compiles or installs anything (a
 * compiler, a language installer, a script): the RUN uses its tools. False for a RUN that only
 * installs and cleans up: its tools are for a later RUN (or for run time), so "remove them in this
 * RUN" would take them from that RUN and break the build.
 */
export function buildsInSameRun(kept: KeptBuildTools): boolean {
  const commands = kept.instruction.commands;
  const installs = commands.filter((c) => systemPackageCommand(c)?.action === "install");
  const last = installs.length > 0 ? commands.indexOf(installs[installs.length - 1]) : -1;
  return commands.slice(last + 1).some(isBuildStep);
}

/**
 * True when anything builds after `kept`'s install: a command after it in its own RUN, or in a
 * later RUN of `stages` (the image's lineage), compiles, installs dependencies or runs a script.
 * False for an image whose later steps only arrange files and users: its compilers serve the
 * program it runs, not a build.
 */
export function buildsAfterInstall(kept: KeptBuildTools, stages: readonly Stage[]): boolean {
  return buildsInSameRun(kept) || runsAfter(kept, stages).some((i) => i.commands.some(isBuildStep));
}

const PYTHON = /^python\d*(?:\.\d+)?$/;
/** Python's packaging tools, pure Python: installing them (`pip install -U pip setuptools wheel`) compiles nothing. */
const PYTHON_PACKAGING_TOOLS = new Set(["pip", "setuptools", "wheel", "uv", "poetry", "pipenv", "virtualenv", "pip-tools"]);

/** True for a pip install of named packages that are all packaging tools (`pip install -U setuptools pip==18.1 wheel`). */
function installsOnlyPackagingTools(command: ShellCommand): boolean {
  const install = dependencyInstall(command);
  if (install === null || install.ecosystem !== "pip" || !install.installsNamedPackages) return false;
  const words = command.args.map((w) => w.value);
  const operands = words.slice(words.indexOf("install") + 1).filter((w) => !w.startsWith("-"));
  return operands.length > 0 && operands.every((w) => PYTHON_PACKAGING_TOOLS.has(w.replace(/[<>=!~[;].*$/, "").toLowerCase()));
}

/** True when `command` compiles or installs anything: a compiler, a language installer, a script. */
function isBuildStep(command: ShellCommand): boolean {
  const name = command.name;
  // Python's own packaging (`python -m ensurepip`, `pip install -U pip setuptools wheel`) builds nothing.
  if (installsOnlyPackagingTools(command) || (PYTHON.test(name) && command.args[0]?.value === "-m" && command.args[1]?.value === "ensurepip")) return false;
  return (
    compilesNativeCode(command) ||
    installsRPackages(command) ||
    dependencyInstall(command) !== null ||
    BUILDING_PROGRAMS.test(name) ||
    name.startsWith("./") ||
    name.startsWith("docker-php-")
  );
}

/**
 * True when `kept` keeps a compiler while its own RUN or a later RUN of `stages` installs build
 * dependencies and removes them again once it has compiled (`apk add --virtual build-dependencies
 * boost-dev ... && make install && apk del build-dependencies`): the author sorted the packages into
 * those the build alone needs and those the image keeps, so the kept compiler is kept on purpose
 * (for modules or plugins built when the container runs, which start scripts out of reach may do).
 */
export function keptBesideRemovedBuildDeps(kept: KeptBuildTools, stages: readonly Stage[]): boolean {
  if (!kept.hasCompiler) return false;
  const runs = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === "RUN");
  const at = runs.indexOf(kept.instruction);
  if (at < 0) return false;
  return runs.slice(at).some((instruction) =>
    instruction.commands.some((command) => {
      const cmd = systemPackageCommand(command);
      if (!cmd || cmd.action !== "install") return false;
      const group = virtualName(cmd);
      const names = cmd.packages.filter((p) => p.value !== group && buildToolKind(p.value) !== null).map((p) => packageName(p.value));
      if (names.length === 0) return false;
      const removed = removedLater(instruction, cmd, names, group);
      const compiles = instruction.commands.slice(instruction.commands.indexOf(command) + 1).some(compilesNativeCode);
      return removed.size > 0 && compiles;
    }),
  );
}
