// Rust: the release binary from `cargo build` (or `cargo install`) shipped alone on distroless cc
// or Debian slim of the builder's release (glibc), or on Alpine/scratch when built with musl.

import { environmentAt } from "../../model/environment";
import { executableOf, hasNoCommand } from "../entry-command";
import { installPackages, missingPackages, stagePackages } from "../packages";
import { alpineImage, debianSlimImage, distrolessImage, isAlpineImage, RuntimeImage, runtimeCodename, SCRATCH } from "../runtime-base";
import type { Recipe, RecipeInput } from "../types";
import { artifactCommand, artifactPlan, basename, caBundleCopy, flagValue, healthcheckNeedsShell, refuse, resolvePath, usedPrograms } from "./shared";

const OPENSSL_HEADERS = new Set(["libssl-dev", "openssl-dev"]);
/** The libssl package of each Debian release (the ABI moved to 3 in bookworm, to 64-bit time in trixie). */
const DEBIAN_LIBSSL: Readonly<Record<string, string>> = { bullseye: "libssl1.1", bookworm: "libssl3", trixie: "libssl3t64" };
const BUILD_ONLY_ENV = /^(?:CARGO_[A-Z_]+|RUSTUP_[A-Z_]+|RUSTFLAGS|RUSTDOCFLAGS|RUST_VERSION|CC|CXX|PATH)$/;

function chooseRuntime(input: RecipeInput, needsShell: boolean, hasExtraPackages: boolean): RuntimeImage | string {
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
  if (preference === "distroless") return shellReason ? `${shellReason}, which distroless does not have` : distrolessImage("cc", codename);
  if (preference === "slim" || needsShell || hasExtraPackages) return debianSlimImage(codename);
  return distrolessImage("cc", codename);
}

export const rustRecipe: Recipe = {
  id: "rust",
  plan(input) {
    const { model, stage, entry, workdir, builderName } = input;
    const step = input.target.step;
    if (!step) return refuse("no 'cargo build' step found");
    if (hasNoCommand(entry)) return refuse("the stage sets no CMD or ENTRYPOINT, so it is unclear which binary runs");
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

    const packages = stagePackages(stage, usedPrograms(stage.instructions));
    const needsShell = healthcheckNeedsShell(stage.instructions);
    const runtime = chooseRuntime(input, needsShell, missingPackages(packages, distrolessImage("cc")).length > 0);
    if (typeof runtime === "string") return refuse(runtime);
    // openssl-sys links libssl dynamically: distroless cc carries it, Debian slim needs the package.
    const opensslHeaders = packages.headers.filter((h) => OPENSSL_HEADERS.has(h));
    const libssl = opensslHeaders.length > 0 && runtime.kind === "debian" ? DEBIAN_LIBSSL[runtimeCodename(input.stage.base.resolved)] : undefined;
    const providesLibssl = libssl !== undefined || (runtime.kind === "distroless" && runtime.image.includes("/cc-"));
    const withLibssl = libssl ? { ...packages, runtime: [...packages.runtime, libssl] } : packages;
    const install = installPackages(providesLibssl ? { ...withLibssl, headers: packages.headers.filter((h) => !OPENSSL_HEADERS.has(h)) } : withLibssl, runtime);
    const steps = [...install.lines];
    steps.push(...caBundleCopy(runtime, install.lines, builderName));
    steps.push(`COPY --from=${builderName} ${source} ${runtimePath}`);
    const notes = [...install.notes, "Only the binary is copied into the runtime stage; add COPY --from lines for files it reads at run time."];
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
