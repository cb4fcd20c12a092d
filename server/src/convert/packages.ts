// System packages the original stage installs, split into build tools (they stay in the builder)
// and what the program may need at run time (repeated in the runtime stage when it can install).

import { systemPackageCommand, URL_DOWNLOADERS } from "../model/commands";
import type { Stage } from "../model/types";
import type { RuntimeImage } from "./runtime-base";

/** Compilers, headers, VCS and download tools: needed to build, not to run. */
export const BUILD_TOOL =
  /^(?:build-essential|build-base|gcc|g\+\+|gcc-c\+\+|clang|llvm|make|cmake|ninja(?:-build)?|meson|autoconf|automake|libtool|pkg-config|pkgconf|pkgconfig|git|mercurial|subversion|patch|bison|flex|binutils|gnupg|gnupg2|dirmngr|unzip|xz-utils|bzip2|python3-pip|python3-venv|nodejs|npm|yarn|golang|golang-go|cargo|rustc|maven|gradle|openjdk-\d+-jdk(?:-headless)?|dotnet-sdk-[\d.]+|.+-dev|.+-devel|.+-headers)$/;
/**
 * Header packages of libraries a compiled program may link (`libpq-dev`, Alpine's `sqlite-dev`),
 * not those of the C library or the interpreter, which every runtime image has.
 */
const LIBRARY_HEADERS = /^(?!(?:libc6?|musl|python3?|linux)-dev$).+-dev(?:el)?$/;
/**
 * The shared library behind common header packages, under names stable across the Debian (bullseye
 * to trixie) and Alpine releases the runtimes use: a C extension or cgo binary built against the
 * headers loads it. Libraries whose package name changes between releases (libssl, libffi, libcurl,
 * the t64 renames of trixie) are left out: for those the converted file says what to install.
 */
const RUNTIME_LIBRARY: Readonly<Record<"apt" | "apk", Readonly<Record<string, string>>>> = {
  apt: {
    "libpq-dev": "libpq5",
    "libsqlite3-dev": "libsqlite3-0",
    "default-libmysqlclient-dev": "libmariadb3",
    "libmariadb-dev": "libmariadb3",
    "libmariadb-dev-compat": "libmariadb3",
    "libjpeg-dev": "libjpeg62-turbo",
    "libjpeg62-turbo-dev": "libjpeg62-turbo",
    "libyaml-dev": "libyaml-0-2",
    "libxml2-dev": "libxml2",
    "libxslt1-dev": "libxslt1.1",
    "zlib1g-dev": "zlib1g",
    "libbz2-dev": "libbz2-1.0",
    "liblzma-dev": "liblzma5",
    "libzstd-dev": "libzstd1",
    "liblz4-dev": "liblz4-1",
    "libgmp-dev": "libgmp10",
    "libsodium-dev": "libsodium23",
    "libpcre2-dev": "libpcre2-8-0",
    "libgeos-dev": "libgeos-c1v5",
    "libfreetype-dev": "libfreetype6",
    "libfreetype6-dev": "libfreetype6",
    "libkrb5-dev": "libkrb5-3",
    "libsasl2-dev": "libsasl2-2",
    "libedit-dev": "libedit2",
    "libblas-dev": "libblas3",
    "liblapack-dev": "liblapack3",
  },
  apk: {
    "postgresql-dev": "libpq",
    "libpq-dev": "libpq",
    "sqlite-dev": "sqlite-libs",
    "mariadb-dev": "mariadb-connector-c",
    "mariadb-connector-c-dev": "mariadb-connector-c",
    "jpeg-dev": "libjpeg-turbo",
    "libjpeg-turbo-dev": "libjpeg-turbo",
    "libffi-dev": "libffi",
    "yaml-dev": "yaml",
    "libxml2-dev": "libxml2",
    "libxslt-dev": "libxslt",
    "zlib-dev": "zlib",
    "bzip2-dev": "libbz2",
    "xz-dev": "xz-libs",
    "zstd-dev": "zstd-libs",
    "gmp-dev": "gmp",
    "libsodium-dev": "libsodium",
    "pcre2-dev": "pcre2",
    "geos-dev": "geos",
    "freetype-dev": "freetype",
    "libpng-dev": "libpng",
    "libwebp-dev": "libwebp",
  },
};
// -dev covers the C library's headers too (musl-dev, libc-dev, libc6-dev).
const C_TOOLCHAIN = /^(?:build-essential|build-base|gcc|g\+\+|gcc-c\+\+|clang|.+-dev|.+-devel)$/;
/** Files distroless images already carry. */
const IN_DISTROLESS = new Set(["ca-certificates", "tzdata"]);

export interface StagePackages {
  /** The package manager the original used; null when it installs nothing. */
  manager: "apt" | "apk" | "other" | null;
  /** Packages the program may need at run time, versions stripped, in install order. */
  runtime: string[];
  /** Header packages (`libpq-dev`) left in the builder: their runtime libraries may be needed. */
  headers: string[];
  /** The stage installs a C compiler or headers: something is meant to compile (and link) C. */
  buildsNativeCode: boolean;
}

/** Runtime packages of a stage; `usedWords` are words of HEALTHCHECK/CMD (to keep curl when used). */
export function stagePackages(stage: Stage, usedWords: ReadonlySet<string>): StagePackages {
  const runtime: string[] = [];
  const headers: string[] = [];
  let manager: StagePackages["manager"] = null;
  let buildsNativeCode = false;
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "RUN") continue;
    for (const command of instruction.commands) {
      const pkg = systemPackageCommand(command);
      if (!pkg || pkg.action !== "install") continue;
      manager ??= pkg.manager === "apt" ? "apt" : pkg.manager === "apk" ? "apk" : "other";
      for (const word of pkg.packages) {
        const name = word.value.replace(/[=<>~].*$/, "");
        buildsNativeCode ||= C_TOOLCHAIN.test(name);
        const library = pkg.manager === "apt" || pkg.manager === "apk" ? RUNTIME_LIBRARY[pkg.manager][name] : undefined;
        if (library !== undefined && !runtime.includes(library)) runtime.push(library);
        else if (library === undefined && LIBRARY_HEADERS.test(name) && !headers.includes(name)) headers.push(name);
        if (name === "" || name.includes("$") || BUILD_TOOL.test(name)) continue;
        // Download tools are build tools unless a health check or the command uses them.
        if (URL_DOWNLOADERS.has(name) && !usedWords.has(name)) continue;
        if (!runtime.includes(name)) runtime.push(name);
      }
    }
  }
  // Full toolchain images carry curl and wget; a health check using them needs them installed.
  for (const tool of URL_DOWNLOADERS) if (usedWords.has(tool) && !runtime.includes(tool)) runtime.push(tool);
  return { manager, runtime, headers, buildsNativeCode };
}

/** Packages the runtime image still lacks (distroless carries CA certificates and time zones). */
export function missingPackages(packages: StagePackages, runtime: RuntimeImage): string[] {
  return runtime.kind === "distroless" ? packages.runtime.filter((p) => !IN_DISTROLESS.has(p)) : packages.runtime;
}

/**
 * The RUN that installs the runtime packages, or a note saying why it cannot: the runtime image has
 * no package manager, or a different one than the original used (package names differ).
 */
export function installPackages(packages: StagePackages, runtime: RuntimeImage): { lines: string[]; notes: string[] } {
  const notes =
    packages.headers.length > 0
      ? [
          `The headers '${packages.headers.join("', '")}' stay in the build stage; if a compiled module links their library, install the runtime package in the final stage too.`,
        ]
      : [];
  // Said in the file too, where the runtime packages go: a module that links one of these libraries
  // builds, and fails when it loads.
  const caveat =
    packages.headers.length > 0 && packages.buildsNativeCode
      ? [`# The build installed '${packages.headers.join("', '")}': if a compiled module links their library, install its runtime package here.`]
      : [];
  const wanted = missingPackages(packages, runtime);
  if (wanted.length === 0) return { lines: caveat, notes };
  const list = wanted.join(" ");
  // Without an install in the original, the names used are curl/wget, spelled alike everywhere.
  const manager = packages.manager ?? runtime.packageManager;
  if (runtime.packageManager === "apt" && manager === "apt") {
    return { lines: [...caveat, `RUN apt-get update && apt-get install -y --no-install-recommends ${list} && rm -rf /var/lib/apt/lists/*`], notes };
  }
  if (runtime.packageManager === "apk" && manager === "apk") return { lines: [...caveat, `RUN apk add --no-cache ${list}`], notes };
  return {
    lines: [],
    notes: [
      ...notes,
      `The program may need '${list}' at run time (what the original installs, or the libraries behind its headers), and the runtime image '${runtime.image}' cannot install them; add them if it does.`,
    ],
  };
}
