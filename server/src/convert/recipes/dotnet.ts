// .NET: the `dotnet publish` output folder is copied onto the ASP.NET Core runtime image of the
// SDK's version (Alpine or chiseled variants on request).

import { parseImageReference } from "../../images/reference";
import { effectiveTag } from "../../images/tags";
import { executableOf, hasNoCommand } from "../entry-command";
import type { RuntimeImage } from "../runtime-base";
import type { Recipe } from "../types";
import { installPackages, stagePackages } from "../packages";
import {
  artifactCommand,
  artifactPlan,
  basename,
  changesDirectoryBefore,
  dirname,
  flagValue,
  healthcheckNeedsShell,
  refuse,
  resolvePath,
  usedPrograms,
} from "./shared";

const BUILD_ONLY_ENV = /^(?:DOTNET_CLI_[A-Z_]+|DOTNET_SKIP_FIRST_TIME_EXPERIENCE|DOTNET_NOLOGO|NUGET_[A-Z_]+|PATH)$/;
const SDK = /^mcr\.microsoft\.com\/dotnet\/(?:core\/)?sdk$/;

export const dotnetRecipe: Recipe = {
  id: "dotnet",
  plan(input) {
    const { stage, entry, workdir, builderName } = input;
    const step = input.target.step;
    if (!step || !step.command.args.some((w) => w.value === "publish"))
      return refuse("the stage runs 'dotnet build' but not 'dotnet publish', so there is no publish folder to ship");
    const ref = parseImageReference(stage.base.resolved);
    const tag = ref ? effectiveTag(ref) : null;
    if (!ref || !SDK.test(`${ref.registry}/${ref.repository}`) || !tag)
      return refuse(`'${stage.base.resolved}' is not a .NET SDK image, so the matching runtime cannot be told`);
    if (hasNoCommand(entry)) return refuse("the stage sets no CMD or ENTRYPOINT, so it is unclear which assembly runs");
    const argv = entry.argv;
    const executable = executableOf(entry);
    if (argv === null || executable === null) return refuse("the command runs through a shell, so the assembly it starts cannot be told");
    const program = basename(executable) === "dotnet" ? argv[1] : executable;
    if (!program) return refuse("the command runs 'dotnet' without an assembly");

    const output = flagValue(step.command, ["-o", "--output"]);
    if (output && !output.value.startsWith("/") && changesDirectoryBefore(step.instruction, step.command)) {
      return refuse("'dotnet publish' writes to a relative folder after a 'cd', so its location is unclear");
    }
    const assembly = resolvePath(workdir, program);
    const published = output ? resolvePath(workdir, output.value) : null;
    const folder = published && assembly.startsWith(`${published}/`) ? published : dirname(assembly);
    if (folder === "/" || (folder === workdir && folder !== published)) {
      return refuse(
        `the assembly '${program}' sits in the working directory itself; publish with '-o <folder>' so the output can be copied apart from the sources`,
      );
    }

    const version = tag.split("-")[0];
    const major = Number(version.split(".")[0]);
    const base = `mcr.microsoft.com/dotnet/aspnet`;
    let runtime: RuntimeImage;
    switch (input.options.runtime) {
      case "scratch":
        return refuse("a .NET assembly needs the .NET runtime, which scratch does not have");
      case "distroless":
        if (!(major >= 8)) return refuse(`chiseled (distroless) .NET images start at 8.0, not '${version}'`);
        runtime = {
          image: `${base}:${version}-noble-chiseled`,
          kind: "distroless",
          hasShell: false,
          packageManager: null,
          nonRootUser: "app",
          runsAsNonRoot: true,
        };
        break;
      case "alpine":
        runtime = {
          image: `${base}:${version}-alpine`,
          kind: "alpine",
          hasShell: true,
          packageManager: "apk",
          nonRootUser: major >= 8 ? "app" : null,
          runsAsNonRoot: false,
        };
        break;
      default: {
        const alpine = tag.includes("alpine");
        runtime = {
          image: `${base}:${tag}`,
          kind: alpine ? "alpine" : "debian",
          hasShell: true,
          packageManager: alpine ? "apk" : "apt",
          nonRootUser: major >= 8 ? "app" : null,
          runsAsNonRoot: false,
        };
      }
    }
    // The SDK image carries curl; the ASP.NET runtime images do not, and chiseled ones have no shell either.
    const healthcheck = stage.instructions.filter((i) => i.keyword === "HEALTHCHECK");
    const downloader = [...usedPrograms(healthcheck)].find((w) => w === "curl" || w === "wget");
    if (!runtime.hasShell && healthcheckNeedsShell(stage.instructions)) return refuse(`the health check needs a shell, which '${runtime.image}' does not have`);
    if (runtime.packageManager === null && downloader) return refuse(`the health check runs '${downloader}', which '${runtime.image}' does not have`);
    const install = installPackages(stagePackages(stage, usedPrograms(stage.instructions)), runtime);
    return artifactPlan({
      runtime,
      runtimeSteps: [...install.lines, `COPY --from=${builderName} ${folder} ${folder}`],
      notes: install.notes,
      command: artifactCommand(entry, runtime, null, workdir),
      buildOnlyEnv: BUILD_ONLY_ENV,
    });
  },
};
