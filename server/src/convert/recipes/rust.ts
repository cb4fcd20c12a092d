// Rust: the release binary from `cargo build` (or `cargo install`) shipped alone on distroless cc
// or Debian slim of the builder's release (glibc), or on Alpine/scratch when built with musl.

import { environmentAt } from "../../model/environment";
import { executableOf, hasNoCommand } from "../entry-command";
import { installPackages, missingPackages, stagePackages } from "../packages";
import { alpineImage, debianSlimImage, distrolessImage, isAlpineImage, RuntimeImage, runtimeCodename, SCRATCH } from "../runtime-base";
import { runtimeFileCopies } from "../runtime-files";
import { runtimeUserOf } from "../users";
import type { Recipe, RecipeInput } from "../types";
import { CargoFacts, LinkedLibrary, readCargoFacts, SystemLibraryId } from "./cargo-manifest";
import {
  artifactCommand,
  artifactPlan,
  basename,
  caBundleCopy,
  developmentImageReason,
  flagValue,
  healthcheckNeedsShell,
  isSystemPath,
  refuse,
  resolvePath,
  usedPrograms,
} from "./shared";

/** Context entries only a Rust build reads (target/ is build output, which can be large). */
const RUST_BUILD_ONLY = [
  /^src\//,
  /^target\//,
  /^Cargo\.(?:toml|lock)$/,
  /^build\.rs$/,
  /^(?:benches|tests|examples)\//,
  /^\.cargo\//,
  /^(?:rustfmt|\.rustfmt|clippy|\.clippy|deny)\.toml$/,
  /^rust-toolchain(?:\.toml)?$/,
];

const OPENSSL_HEADERS = new Set(["libssl-dev", "openssl-dev"]);
/** The libssl package of each Debian release (the ABI moved to 3 in bookworm, to 64-bit time in trixie). */
const DEBIAN_LIBSSL: Readonly<Record<string, string>> = {
  bullseye: "libssl1.1",
  bookworm: "libssl3",
  trixie: "libssl3t64",
};
/**
 * The Debian package of each system library a crate links, by release (the t64 renames of trixie);
 * zlib1g is part of every Debian image (dpkg needs it), so it is named only to be sure.
 */
const DEBIAN_LIBRARY: Readonly<Record<Exclude<SystemLibraryId, "openssl">, (codename: string) => string>> = {
  zlib: () => "zlib1g",
  libpq: () => "libpq5",
  sqlite: () => "libsqlite3-0",
  mysqlclient: () => "libmariadb3",
  curl: (codename) => (codename === "trixie" ? "libcurl4t64" : "libcurl4"),
};
const LIBRARY_NAMES: Readonly<Record<SystemLibraryId, string>> = {
  openssl: "libssl",
  zlib: "the system zlib (libz.so.1)",
  libpq: "libpq",
  sqlite: "the system SQLite (libsqlite3)",
  mysqlclient: "the MySQL/MariaDB client library",
  curl: "libcurl",
};
const BUILD_ONLY_ENV = /^(?:CARGO_[A-Z_]+|RUSTUP_[A-Z_]+|RUSTFLAGS|RUSTDOCFLAGS|RUST_VERSION|CC|CXX|PATH)$/;

function chooseRuntime(input: RecipeInput, needsShell: boolean, hasExtraPackages: boolean, cargo: CargoFacts): RuntimeImage | string {
  const builder = input.stage.base.resolved;
  const preference = input.options.runtime;
  const shellReason = needsShell ? "the command or health check needs a shell" : null;
  if (isAlpineImage(builder)) {
    // Rust on Alpine targets musl and links statically: the binary runs anywhere.
    if (preference === "scratch") return shellReason ? `${shellReason}, which scratch does not have` : SCRATCH;
    if (preference === "distroless") return shellReason ? `${shellReason}, which distroless does not have` : distrolessImage("static");
    if (preference === "slim") return debianSlimImage(runtimeCodename(builder));
    return alpineImage();
  }
  const codename = runtimeCodename(builder);
  if (preference === "alpine" || preference === "scratch") {
    return `the binary built on '${builder}' links glibc dynamically, so it does not run on ${preference === "alpine" ? "Alpine (musl)" : "scratch"}; build on a rust:*-alpine image for a static binary`;
  }
  // Distroless cc carries libssl and nothing else a -sys crate links (no zlib, libpq, SQLite...).
  const beyondDistroless = cargo.libraries.filter((l) => l.id !== "openssl");
  if (preference === "distroless") {
    if (shellReason) return `${shellReason}, which distroless does not have`;
    if (beyondDistroless.length > 0) return `${libraryReason(beyondDistroless[0])}, which distroless cc lacks and cannot install; choose the slim runtime`;
    return distrolessImage("cc", codename);
  }
  // With unknown crates, Debian slim of the same release is the safe base.
  const needsDebianLibs = cargo.isUnknown || beyondDistroless.length > 0;
  if (preference === "slim" || needsShell || hasExtraPackages || needsDebianLibs) return debianSlimImage(codename);
  return distrolessImage("cc", codename);
}

/** How the runtime base provides a linked library, for the comment above the install. */
function runtimeProvision(library: LinkedLibrary, runtime: RuntimeImage): string {
  if (runtime.kind === "distroless") return `'${runtime.image}' carries it`;
  if (library.id === "zlib" && runtime.kind === "debian") return `'${runtime.image}' ships it (zlib1g)`;
  if (runtime.kind === "debian") return "installed below";
  return "a musl build usually links it statically; if not, install its package here";
}

function libraryReason(library: LinkedLibrary): string {
  return `the binary links ${LIBRARY_NAMES[library.id]} (${library.evidence})`;
}

export const rustRecipe: Recipe = {
  id: "rust",
  plan(input) {
    const { model, stage, entry, workdir, builderName } = input;
    const step = input.target.step;
    if (!step) return refuse("no 'cargo build' step found");
    if (hasNoCommand(entry)) return refuse("the stage sets no CMD or ENTRYPOINT, so it is unclear which binary runs");
    const development = developmentImageReason(entry);
    if (development !== null) return refuse(development);
    const executable = executableOf(entry);
    if (executable === null) return refuse("the command runs through a shell, so the binary it starts cannot be told");
    const { command } = step;
    const name = basename(executable);
    const env = environmentAt(model, stage);
    let builtAt: string;
    if (command.args.some((w) => w.value === "install")) {
      const root = flagValue(command, ["--root"])?.value ?? env.get("CARGO_INSTALL_ROOT") ?? env.get("CARGO_HOME") ?? "/usr/local/cargo";
      builtAt = `${resolvePath(workdir, root)}/bin/${name}`;
    } else {
      const targetDir = flagValue(command, ["--target-dir"])?.value ?? env.get("CARGO_TARGET_DIR") ?? "target";
      const triple = flagValue(command, ["--target"])?.value;
      const profileFlag = flagValue(command, ["--profile"])?.value;
      const isRelease = command.args.some((w) => w.value === "--release" || w.value === "-r");
      const profile = profileFlag ? (profileFlag === "dev" ? "debug" : profileFlag) : isRelease ? "release" : "debug";
      builtAt = `${resolvePath(workdir, targetDir)}${triple ? `/${triple}` : ""}/${profile}/${name}`;
    }
    const source = executable.includes("/") ? resolvePath(workdir, executable) : builtAt;
    // Out of the build tree (target/) the binary lands on the PATH; a path set up by a later RUN stays.
    const runtimePath = source === builtAt ? `/usr/local/bin/${name}` : source;
    if (isSystemPath(source)) return refuse(`the container starts '${source}', a program of the toolchain image, not one the build writes`);
    const cargo = readCargoFacts(model.context);

    const packages = stagePackages(stage, usedPrograms(stage.instructions));
    const needsShell = healthcheckNeedsShell(stage.instructions);
    const runtime = chooseRuntime(input, needsShell, missingPackages(packages, distrolessImage("cc")).length > 0, cargo);
    if (typeof runtime === "string") return refuse(runtime);
    // openssl-sys links libssl dynamically: distroless cc carries it, Debian slim needs the package.
    const linksOpenssl = cargo.libraries.some((l) => l.id === "openssl");
    const opensslHeaders = [...packages.headers.filter((h) => OPENSSL_HEADERS.has(h)), ...(linksOpenssl ? ["libssl-dev"] : [])];
    const codename = runtimeCodename(input.stage.base.resolved);
    const libssl = opensslHeaders.length > 0 && runtime.kind === "debian" ? DEBIAN_LIBSSL[codename] : undefined;
    const providesLibssl = libssl !== undefined || (runtime.kind === "distroless" && runtime.image.includes("/cc-"));
    // zlib1g comes with every Debian image: only the libraries a slim image lacks are installed.
    const linked = cargo.libraries.filter((l) => l.id !== "openssl" && l.id !== "zlib");
    const libraries = runtime.kind === "debian" ? linked.map((l) => DEBIAN_LIBRARY[l.id as Exclude<SystemLibraryId, "openssl">](codename)) : [];
    const withLibssl = { ...packages, runtime: [...packages.runtime, ...(libssl ? [libssl, "ca-certificates"] : []), ...libraries] };
    const install = installPackages(
      providesLibssl
        ? {
            ...withLibssl,
            headers: packages.headers.filter((h) => !OPENSSL_HEADERS.has(h)),
          }
        : withLibssl,
      runtime,
    );
    const files = runtimeFileCopies({
      model,
      stage,
      builderName,
      workdir,
      buildOnly: RUST_BUILD_ONLY,
      isWorkdirSmall: false,
      toolchainHomes: [],
      owner: runtimeUserOf(model, stage, runtime),
    });
    const steps = cargo.libraries.map((l) => `# T${libraryReason(l).slice(1)}: ${runtimeProvision(l, runtime)}.`);
    steps.push(...install.lines);
    steps.push(...caBundleCopy(runtime, install.lines, builderName));
    if (cargo.isUnknown) {
      steps.push(
        "# Cargo.toml and Cargo.lock are not in the build context read here, so the libraries the binary links are unknown: it ships on Debian slim of the builder's release; install what it needs (libssl, libpq).",
      );
    }
    steps.push(...files.lines);
    steps.push(`COPY --from=${builderName} ${source} ${runtimePath}`);
    const notes = [...install.notes, ...files.notes];
    if (opensslHeaders.length > 0 && !providesLibssl) {
      notes.push(
        `The build installs OpenSSL headers, and '${runtime.image}' has no libssl: if the binary links it dynamically, ship on distroless cc or Debian slim, or use rustls.`,
      );
    }
    return artifactPlan({
      runtime,
      runtimeSteps: steps,
      command: artifactCommand(entry, runtime, runtimePath, workdir),
      artifactMoves: [{ from: source, to: runtimePath }],
      buildOnlyEnv: BUILD_ONLY_ENV,
      notes,
    });
  },
};
