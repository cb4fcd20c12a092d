// Go: the binary is built static (CGO_ENABLED=0) in the builder and shipped alone on distroless
// static, scratch (with the builder's CA certificates), Alpine or Debian slim.

import { BuildStep, detectBuildSteps } from "../../model/build-steps";
import { environmentAt, variableFor } from "../../model/environment";
import { TextEdit } from "../../model/text";
import type { Stage } from "../../model/types";
import { EntryCommand, executableOf, hasNoCommand } from "../entry-command";
import { installPackages, missingPackages, stagePackages } from "../packages";
import { alpineImage, debianSlimImage, distrolessImage, isAlpineImage, RuntimeImage, runtimeCodename, SCRATCH } from "../runtime-base";
import { instructionText } from "../source-text";
import { runtimeFileCopies } from "../runtime-files";
import type { Recipe, RecipeInput } from "../types";
import { cgoOnlyModule } from "./go-module";
import { folderOf, goWrites } from "./go-writes";
import type { WritablePath } from "../types";
import { runtimeUserOf } from "../users";
import {
  artifactCommand,
  artifactPlan,
  basename,
  caBundleCopy,
  changesDirectoryBefore,
  developmentImageReason,
  flagValue,
  healthcheckNeedsShell,
  refuse,
  resolvePath,
  isSystemPath,
  usedPrograms,
} from "./shared";

/** Context entries only a Go build reads. */
const GO_BUILD_ONLY = [/\.go$/, /^go\.(?:mod|sum|work|work\.sum)$/, /^vendor\//, /^\.air\.toml$/, /^\.golangci\.ya?ml$/, /^\.goreleaser\.ya?ml$/];

const BUILD_ONLY_ENV =
  /^(?:GOPATH|GOROOT|GOBIN|GOOS|GOARCH|GOARM|GOAMD64|GOFLAGS|GOPROXY|GOPRIVATE|GONOSUMDB|GONOPROXY|GOSUMDB|GO111MODULE|GOCACHE|GOMODCACHE|GOTOOLCHAIN|GOWORK|GOEXPERIMENT|CGO_[A-Z_]+|CC|CXX|PATH)$/;

/** Folders a program may not own: refused rather than handed to the runtime user. */
const SYSTEM_FOLDERS = /^\/(?:etc|usr|bin|sbin|lib\w*|var|root|boot|home|opt|srv|run)?$|^\/usr\/(?:bin|sbin|lib\w*|share|local|local\/bin)$/;
/** Folders a runtime base may already hold, root-owned: only a RUN chown makes them the user's. */
const BASE_FOLDERS = /^\/(?:var\/(?:log|cache|lib|tmp|spool|mail|local|opt|backups|run)|run|mnt|media|tmp)$/;
/** Pseudo-file systems: writing there needs nothing from the image. */
const KERNEL_PATHS = /^\/(?:dev|proc|sys)(?:\/|$)/;

interface WriteNeeds {
  paths: WritablePath[];
  /** The first write under the working directory (a relative path), as evidence. */
  workdirWrite: string | null;
  /** Folders the base may hold root-owned: the runtime needs a shell to chown them. */
  baseFolders: string[];
  refusal: string | null;
}

/** What the program's writes outside its folder ask of the runtime stage (see go-writes.ts). */
function writeNeeds(input: RecipeInput): WriteNeeds {
  const paths: WritablePath[] = [];
  const baseFolders: string[] = [];
  let workdirWrite: string | null = null;
  for (const write of goWrites(input.model.context)) {
    if (!write.path.startsWith("/")) {
      workdirWrite ??= write.evidence;
      continue;
    }
    if (KERNEL_PATHS.test(write.path)) continue;
    const folder = folderOf(write);
    // /tmp is writable by everyone wherever it exists (scratch is handled below).
    if (folder === "/tmp" && input.options.runtime !== "scratch") continue;
    if (write.kind === "folder" && SYSTEM_FOLDERS.test(folder)) {
      return {
        paths,
        baseFolders,
        workdirWrite,
        refusal: `the program creates files in ${folder} (${write.evidence}), a system folder the runtime's non-root user cannot own; write to a folder of its own`,
      };
    }
    if (write.kind === "folder" && BASE_FOLDERS.test(folder)) baseFolders.push(folder);
    paths.push(write);
  }
  return { paths, baseFolders, workdirWrite, refusal: null };
}

/** Binary name of `go install <package>[@version]`: the last path element that is not a major version. */
function installedName(pkg: string): string | null {
  const parts = pkg
    .replace(/@.*$/, "")
    .split("/")
    .filter((p) => p !== "" && p !== ".");
  const last = parts.pop();
  // `./...` installs every command of the module: the name is whichever the CMD runs.
  if (!last || last.includes("...")) return null;
  if (/^v\d+$/.test(last)) return parts.pop() ?? null;
  return last ?? null;
}

/** `cgo` says why the binary links the C library (for refusals), or null for a static build. */
function chooseRuntime(input: RecipeInput, needsShell: boolean, cgo: string | null, hasExtraPackages: boolean): RuntimeImage | string {
  const builder = input.stage.base.resolved;
  const alpine = isAlpineImage(builder);
  const codename = runtimeCodename(builder);
  const preference = input.options.runtime;
  if (cgo !== null) {
    // A cgo binary links the builder's libc: it runs only on the same family.
    if (preference === "scratch" || (preference === "distroless" && alpine)) return `${cgo}, so the binary needs a C library that '${preference}' lacks`;
    if (preference === "distroless") return distrolessImage("base", codename);
    if (alpine) return preference === "slim" ? `${cgo} on Alpine, so the binary needs musl and cannot ship on Debian slim` : alpineImage();
    return preference === "alpine" ? `${cgo} on Debian, so the binary needs glibc and cannot ship on Alpine` : debianSlimImage(codename);
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

/** The CMD/ENTRYPOINT words as written, for commands that only make sense through a shell. */
function shellCommandText(entry: EntryCommand): string {
  return [entry.entrypoint, entry.cmd].flatMap((i) => (i ? i.args.map((a) => a.value) : [])).join(" ");
}

/** Of several Go builds (`-o /bin/api`, `-o /bin/worker`), the one writing the binary the command starts. */
function stepWriting(stage: Stage, executable: string | null): BuildStep | undefined {
  if (executable === null) return undefined;
  return detectBuildSteps(stage)
    .filter((s) => s.ecosystem === "go")
    .find((s) => {
      const output = flagValue(s.command, ["-o"]);
      return output !== null && !output.value.endsWith("/") && basename(output.value) === basename(executable);
    });
}

export const goRecipe: Recipe = {
  id: "go",
  plan(input) {
    const { model, stage, entry, workdir, builderName } = input;
    if (!input.target.step) return refuse("no 'go build' step found");
    if (hasNoCommand(entry)) return refuse("the stage sets no CMD or ENTRYPOINT, so it is unclear which binary runs");
    const development = developmentImageReason(entry);
    if (development !== null) return refuse(development);
    const executable = executableOf(entry);
    const step = stepWriting(stage, executable) ?? input.target.step;
    const { command, instruction } = step;
    const isInstall = command.args.some((w) => w.value === "install");
    const output = flagValue(command, ["-o"]);
    if (output && !output.value.startsWith("/") && changesDirectoryBefore(instruction, command)) {
      return refuse("'go build' writes to a relative path after a 'cd', so the binary's location is unclear");
    }
    if (executable === null && !output) return refuse("the command runs through a shell, so the binary it starts cannot be told");
    if (executable === null && output && !output.value.endsWith("/") && !shellCommandText(entry).includes(basename(output.value))) {
      return refuse(`the command runs through a shell and does not mention '${basename(output.value)}', the binary the build writes`);
    }

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
    } else if (output) builtAt = output.value.endsWith("/") ? `${resolvePath(workdir, output.value)}/${name}` : resolvePath(workdir, output.value);
    else builtAt = executable?.includes("/") ? resolvePath(workdir, executable) : `/out/${name}`;
    // A path in the command is where the build (or a later RUN) left the binary: copy from there.
    const source = executable?.includes("/") ? resolvePath(workdir, executable) : builtAt;
    if (executable !== null && !executable.includes("/") && basename(builtAt) !== executable) {
      return refuse(`the container starts '${executable}', but the build writes '${builtAt}'`);
    }
    if (isSystemPath(source) && source !== builtAt)
      return refuse(`the container starts '${source}', a program of the toolchain image, not one the build writes`);

    const edits: TextEdit[] = [];
    const packages = stagePackages(stage, usedPrograms(stage.instructions));
    const cgo = variableFor(model, stage, instruction, command, "CGO_ENABLED");
    // With CGO_ENABLED unset, installing a C compiler or headers means the build links C (sqlite,
    // librdkafka...): forcing CGO_ENABLED=0 would drop that code or fail the build.
    // go.mod naming a cgo-only module (mattn/go-sqlite3) means cgo too, where the builder has a C
    // compiler: the Debian golang images do, Alpine ones only when the stage installs one.
    const cgoModule = cgo === undefined || cgo === null || cgo === "" ? cgoOnlyModule(model.context) : null;
    const hasCompiler = !isAlpineImage(stage.base.resolved) || packages.buildsNativeCode;
    const impliedCgo = (cgo === undefined || cgo === null || cgo === "") && (packages.buildsNativeCode || (cgoModule !== null && hasCompiler));
    const needsCgo = cgo === "1" || impliedCgo;
    if (!needsCgo && cgo !== "0" && command.program)
      edits.push({
        range: {
          start: command.program.range.start,
          end: command.program.range.start,
        },
        newText: "CGO_ENABLED=0 ",
      });
    if (!isInstall && !output) {
      const buildWord = command.args.find((w) => w.value === "build");
      if (buildWord)
        edits.push({
          range: { start: buildWord.range.end, end: buildWord.range.end },
          newText: ` -o ${builtAt}`,
        });
    }

    const writes = writeNeeds(input);
    if (writes.refusal !== null) return refuse(writes.refusal);
    const preference = input.options.runtime;
    if (writes.baseFolders.length > 0 && (preference === "distroless" || preference === "scratch")) {
      return refuse(
        `the program creates files in ${writes.baseFolders[0]}, which the runtime's non-root user must own, and ${preference} has no shell to change the owner of a folder it may already have; choose the alpine or slim runtime`,
      );
    }
    const needsShell = entry.argv === null || healthcheckNeedsShell(stage.instructions) || writes.baseFolders.length > 0;
    const cgoCause =
      cgo === "1"
        ? "the build sets CGO_ENABLED=1"
        : impliedCgo
          ? cgoModule !== null && !packages.buildsNativeCode
            ? `go.mod requires '${cgoModule}', which needs cgo`
            : "the build installs a C compiler or headers with CGO_ENABLED unset (cgo)"
          : null;
    const runtime = chooseRuntime(input, needsShell, cgoCause, missingPackages(packages, distrolessImage("static")).length > 0);
    if (typeof runtime === "string") return refuse(runtime);

    // A shell-form command is kept as written, so the binary stays at the path it names.
    const runtimePath = executable === null ? builtAt : executable.includes("/") ? source : `/usr/local/bin/${name}`;
    const install = installPackages(packages, runtime);
    const env = environmentAt(model, stage);
    const files = runtimeFileCopies({
      model,
      stage,
      builderName,
      workdir,
      buildOnly: GO_BUILD_ONLY,
      isWorkdirSmall: true,
      toolchainHomes: ["/go", env.get("GOPATH") ?? "/go"],
      owner: runtimeUserOf(model, stage, runtime),
      workdirWrite: writes.workdirWrite,
    });
    const steps = [...install.lines];
    steps.push(...caBundleCopy(runtime, install.lines, builderName));
    steps.push(...files.lines);
    if (cgoCause !== null && cgoModule !== null)
      steps.push(`# ${cgoCause}: the binary links the C library of '${stage.base.resolved}', so it ships on the same release.`);
    if (source !== runtimePath || !files.wholeFolders.some((f) => source.startsWith(`${f}/`)))
      steps.push(`COPY --from=${builderName} ${source} ${runtimePath}`);
    return artifactPlan({
      runtime,
      builderEdits: edits.length > 0 ? [{ instruction, text: instructionText(model, instruction, edits) }] : [],
      runtimeSteps: steps,
      command: artifactCommand(entry, runtime, runtimePath, workdir),
      artifactMoves: [{ from: source, to: runtimePath }],
      writablePaths: writes.paths,
      buildOnlyEnv: BUILD_ONLY_ENV,
      notes: [
        ...(impliedCgo && cgoModule === null
          ? [
              "The build installs a C compiler or headers and leaves CGO_ENABLED unset, so the binary is treated as a cgo binary and ships on an image with the same C library.",
            ]
          : []),
        ...install.notes,
        ...files.notes,
      ],
    });
  },
};
