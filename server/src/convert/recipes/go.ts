// Go: the binary is built static (CGO_ENABLED=0) in the builder and shipped alone on distroless
// static, scratch (with the builder's CA certificates), Alpine or Debian slim.

import { environmentAt, variableFor } from "../../model/environment";
import { TextEdit } from "../../model/text";
import { executableOf, hasNoCommand } from "../entry-command";
import { installPackages, missingPackages, stagePackages } from "../packages";
import { alpineImage, debianSlimImage, distrolessImage, isAlpineImage, RuntimeImage, runtimeCodename, SCRATCH } from "../runtime-base";
import { instructionText } from "../source-text";
import type { Recipe, RecipeInput } from "../types";
import { artifactCommand, basename, changesDirectoryBefore, flagValue, healthcheckNeedsShell, refuse, resolvePath, usedPrograms } from "./shared";

const BUILD_ONLY_ENV = /^(?:GOPATH|GOROOT|GOBIN|GOOS|GOARCH|GOARM|GOAMD64|GOFLAGS|GOPROXY|GOPRIVATE|GONOSUMDB|GONOPROXY|GOSUMDB|GO111MODULE|GOCACHE|GOMODCACHE|GOTOOLCHAIN|GOWORK|GOEXPERIMENT|CGO_[A-Z_]+|CC|CXX|PATH)$/;
const CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

/** Binary name of `go install <package>[@version]`: the last path element that is not a major version. */
function installedName(pkg: string): string | null {
  const parts = pkg.replace(/@.*$/, "").split("/").filter((p) => p !== "" && p !== ".");
  const last = parts.pop();
  // `./...` installs every command of the module: the name is whichever the CMD runs.
  if (!last || last.includes("...")) return null;
  if (/^v\d+$/.test(last)) return parts.pop() ?? null;
  return last ?? null;
}

function chooseRuntime(input: RecipeInput, needsShell: boolean, needsCgo: boolean, hasExtraPackages: boolean): RuntimeImage | string {
  const builder = input.stage.base.resolved;
  const alpine = isAlpineImage(builder);
  const codename = runtimeCodename(builder);
  const preference = input.options.runtime;
  if (needsCgo) {
    // A cgo binary links the builder's libc: it runs only on the same family.
    if (preference === "scratch" || (preference === "distroless" && alpine)) return `the build sets CGO_ENABLED=1, so the binary needs a C library that '${preference}' lacks`;
    if (preference === "distroless") return distrolessImage("base", codename);
    if (alpine) return preference === "slim" ? "the build sets CGO_ENABLED=1 on Alpine, so the binary needs musl and cannot ship on Debian slim" : alpineImage();
    return preference === "alpine" ? "the build sets CGO_ENABLED=1 on Debian, so the binary needs glibc and cannot ship on Alpine" : debianSlimImage(codename);
  }
  const shellReason = needsShell ? "the command or health check needs a shell" : null;
  switch (preference) {
    case "scratch":
      return shellReason ? `${shellReason}, which scratch does not have` : SCRATCH;
    case "distroless":
      return shellReason ? `${shellReason}, which distroless does not have` : distrolessImage("static");
    case "alpine":
      return alpineImage();
    case "slim":
      return debianSlimImage(codename);
    default:
      if (needsShell || hasExtraPackages) return alpine ? alpineImage() : debianSlimImage(codename);
      return distrolessImage("static");
  }
}

export const goRecipe: Recipe = {
  id: "go",
  plan(input) {
    const { model, stage, entry, workdir, builderName } = input;
    const step = input.target.step;
    if (!step) return refuse("no 'go build' step found");
    const { command, instruction } = step;
    if (hasNoCommand(entry)) return refuse("the stage sets no CMD or ENTRYPOINT, so it is unclear which binary runs");
    const executable = executableOf(entry);
    const isInstall = command.args.some((w) => w.value === "install");
    const output = flagValue(command, ["-o"]);
    if (output && !output.value.startsWith("/") && changesDirectoryBefore(instruction, command)) {
      return refuse("'go build' writes to a relative path after a 'cd', so the binary's location is unclear");
    }
    if (executable === null && !output) return refuse("the command runs through a shell, so the binary it starts cannot be told");

    // The build names the binary when it has -o or installs a package path (`.../cmd/dlv@latest`).
    const installed = isInstall ? command.args.filter((w) => !w.value.startsWith("-") && w.value !== "install").pop()?.value : undefined;
    const builtName = output && !output.value.endsWith("/") ? basename(output.value) : installed ? installedName(installed) : null;
    if (builtName && executable !== null && basename(executable) !== builtName) {
      return refuse(`the container starts '${executable}', not the binary '${builtName}' the build writes`);
    }
    const name = executable !== null ? basename(executable) : basename(output?.value ?? "app");
    let builtAt: string;
    if (isInstall) {
      const env = environmentAt(model, stage, instruction);
      builtAt = `${env.get("GOBIN") ?? `${env.get("GOPATH") ?? "/go"}/bin`}/${name}`;
    }
    else if (output) builtAt = output.value.endsWith("/") ? `${resolvePath(workdir, output.value)}/${name}` : resolvePath(workdir, output.value);
    else builtAt = executable?.includes("/") ? resolvePath(workdir, executable) : `/out/${name}`;
    // A path in the command is where the build (or a later RUN) left the binary: copy from there.
    const source = executable?.includes("/") ? resolvePath(workdir, executable) : builtAt;
    if (executable !== null && !executable.includes("/") && basename(builtAt) !== executable) {
      return refuse(`the container starts '${executable}', but the build writes '${builtAt}'`);
    }

    const edits: TextEdit[] = [];
    const cgo = variableFor(model, stage, instruction, command, "CGO_ENABLED");
    const needsCgo = cgo === "1";
    if (!needsCgo && cgo !== "0" && command.program) edits.push({ range: { start: command.program.range.start, end: command.program.range.start }, newText: "CGO_ENABLED=0 " });
    if (!isInstall && !output) {
      const buildWord = command.args.find((w) => w.value === "build");
      if (buildWord) edits.push({ range: { start: buildWord.range.end, end: buildWord.range.end }, newText: ` -o ${builtAt}` });
    }

    const packages = stagePackages(stage, usedPrograms(stage.instructions));
    const needsShell = entry.argv === null || healthcheckNeedsShell(stage.instructions);
    const runtime = chooseRuntime(input, needsShell, needsCgo, missingPackages(packages, distrolessImage("static")).length > 0);
    if (typeof runtime === "string") return refuse(runtime);

    const runtimePath = executable !== null && executable.includes("/") ? source : `/usr/local/bin/${name}`;
    const install = installPackages(packages, runtime);
    const steps = [...install.lines];
    // scratch has no CA bundle: without it every TLS call fails. The toolchain image has one.
    if (runtime.kind === "scratch") steps.push(`COPY --from=${builderName} ${CA_BUNDLE} ${CA_BUNDLE}`);
    steps.push(`COPY --from=${builderName} ${source} ${runtimePath}`);
    return {
      ok: true,
      plan: {
        runtime,
        builderPrelude: [],
        builderEdits: edits.length > 0 ? [{ instruction, text: instructionText(model, instruction, edits) }] : [],
        runtimeSteps: steps,
        command: artifactCommand(entry, runtime, runtimePath, workdir),
        buildOnlyEnv: BUILD_ONLY_ENV,
        notes: [...install.notes, "Only the binary is copied into the runtime stage; add COPY --from lines for files it reads at run time (templates, static assets)."],
      },
    };
  },
};
