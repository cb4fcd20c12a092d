// .NET: the `dotnet publish` output folder is copied onto the ASP.NET Core runtime image of the
// SDK's version (Alpine or chiseled variants on request). A container that starts `dotnet run`
// (which restores and builds with the SDK at every start) gets a `dotnet publish` in the builder
// and `dotnet <Assembly>.dll` on the runtime of the project's target framework instead.

import { parseImageReference } from "../../images/reference";
import { effectiveTag } from "../../images/tags";
import { executableOf, hasNoCommand } from "../entry-command";
import type { RuntimeImage } from "../runtime-base";
import type { Recipe, RecipeAnswer, RecipeInput } from "../types";
import { runProject } from "./dotnet-project";
import { chownFlag, runtimeUserOf } from "../users";
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

/**
 * The runtime image for `version` (`6.0`) of `flavour` (`aspnet`, `runtime`): the family asked for,
 * else the SDK tag's own variant (`8.0-alpine` gives `-alpine`); a reason when none fits.
 */
function runtimeImage(flavour: "aspnet" | "runtime", version: string, sdkTag: string, family: RecipeInput["options"]["runtime"]): RuntimeImage | string {
  const major = Number(version.split(".")[0]);
  const base = `mcr.microsoft.com/dotnet/${flavour}`;
  switch (family) {
    case "scratch":
      return "a .NET assembly needs the .NET runtime, which scratch does not have";
    case "distroless":
      if (!(major >= 8)) return `chiseled (distroless) .NET images start at 8.0, not '${version}'`;
      return { image: `${base}:${version}-noble-chiseled`, kind: "distroless", hasShell: false, packageManager: null, nonRootUser: "app", runsAsNonRoot: true };
    case "alpine":
      return {
        image: `${base}:${version}-alpine`,
        kind: "alpine",
        hasShell: true,
        packageManager: "apk",
        nonRootUser: major >= 8 ? "app" : null,
        runsAsNonRoot: false,
      };
    default: {
      const variant = sdkTag.slice(sdkTag.split("-")[0].length);
      const alpine = variant.includes("alpine");
      return {
        image: `${base}:${version}${variant}`,
        kind: alpine ? "alpine" : "debian",
        hasShell: true,
        packageManager: alpine ? "apk" : "apt",
        nonRootUser: major >= 8 ? "app" : null,
        runsAsNonRoot: false,
      };
    }
  }
}

/** The publish folder is copied root-owned: a non-root runtime user cannot write there (logs, uploads, SQLite files). */
function ownerComment(owner: string | null, folder: string): string[] {
  return owner === null
    ? []
    : [`# Copied owned by root while '${owner}' runs the program: if it writes under ${folder}, add ${chownFlag(owner)} to the COPY below.`];
}

/** `dotnet run` options that only choose what to build; anything else is refused. */
const RUN_OPTIONS_WITH_VALUE = new Set(["--project", "-p", "-c", "--configuration", "-f", "--framework", "--launch-profile", "-lp"]);
const RUN_SWITCHES = new Set(["--no-build", "--no-restore", "--no-launch-profile", "--no-dependencies", "--force"]);

interface DotnetRun {
  project: string | null;
  configuration: string;
  /** Arguments after `--`, passed to the program. */
  programArgs: string[];
  /** False with `--no-launch-profile`: the run applied no launchSettings.json profile. */
  usesLaunchProfile: boolean;
}

/** The parts of a `dotnet run ...` argv, or a reason when an option does not translate. */
function readRun(argv: readonly string[]): DotnetRun | string {
  const run: DotnetRun = { project: null, configuration: "Release", programArgs: [], usesLaunchProfile: true };
  for (let i = 2; i < argv.length; i++) {
    const word = argv[i];
    if (word === "--") {
      run.programArgs = argv.slice(i + 1);
      break;
    }
    const [name, inline] = word.includes("=") ? [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)] : [word, null];
    if (RUN_SWITCHES.has(name)) {
      if (name === "--no-launch-profile") run.usesLaunchProfile = false;
      continue;
    }
    if (!RUN_OPTIONS_WITH_VALUE.has(name))
      return `'dotnet run' is given '${word}', which does not translate to starting the published assembly; pass program arguments after '--'`;
    const value = inline ?? argv[++i];
    if (value === undefined) return `'dotnet run ${name}' has no value`;
    if (name === "--project" || name === "-p") run.project = value;
    if (name === "-c" || name === "--configuration") run.configuration = value;
  }
  return run;
}

/** `dotnet run`: publish in the builder, start the assembly on the runtime of the project's framework. */
function planRun(input: RecipeInput, argv: readonly string[]): RecipeAnswer {
  const { model, stage, entry, workdir, builderName } = input;
  const ref = parseImageReference(stage.base.resolved);
  const tag = ref ? effectiveTag(ref) : null;
  if (!ref || !SDK.test(`${ref.registry}/${ref.repository}`) || !tag)
    return refuse(`'${stage.base.resolved}' is not a .NET SDK image, so the matching runtime cannot be told`);
  const run = readRun(argv);
  if (typeof run === "string") return refuse(run);
  const project = runProject(model.context, run.project);
  if (typeof project === "string") return refuse(project);
  const runtime = runtimeImage(project.isWeb ? "aspnet" : "runtime", project.framework, tag, input.options.runtime);
  if (typeof runtime === "string") return refuse(runtime);
  if (!runtime.hasShell && healthcheckNeedsShell(stage.instructions)) return refuse(`the health check needs a shell, which '${runtime.image}' does not have`);
  // Outside the working directory, so the next build of the project does not take the output in.
  const output = workdir === "/app" || workdir.startsWith("/app/") ? "/publish" : "/app/publish";
  const projectArg = run.project !== null ? ` ${run.project}` : "";
  const assembly = `${project.assembly}.dll`;
  const keyword = entry.entrypoint ? "ENTRYPOINT" : "CMD";
  const words = ["dotnet", assembly, ...run.programArgs];
  const install = installPackages(stagePackages(stage, usedPrograms(stage.instructions)), runtime);
  const comments = [
    `# '${project.path}' published by the build stage: its output (${assembly}${project.isWeb ? ", appsettings*.json, wwwroot/" : " and its content files"}) lands in ${workdir}, where the original command started.`,
  ];
  const notes = [`'dotnet run' rebuilt the project at every start; the runtime stage starts the published ${assembly} on ${runtime.image} instead.`];
  if (run.usesLaunchProfile) {
    // Worded without the old command: the runtime stage holds no trace of the SDK's run.
    const launch = `Started through the SDK, the app got the launch profile of Properties/launchSettings.json (environment, URLs); 'dotnet ${assembly}' does not apply it`;
    comments.push(`# ${launch}: set ASPNETCORE_ENVIRONMENT or ASPNETCORE_URLS here if the app relies on them.`);
    notes.push(`${launch}; set ASPNETCORE_ENVIRONMENT or ASPNETCORE_URLS in the runtime stage if the app relies on them.`);
  }
  comments.push(...ownerComment(runtimeUserOf(model, stage, runtime), workdir));
  return artifactPlan({
    runtime,
    runtimeSteps: [...install.lines, ...comments, `COPY --from=${builderName} ${output} ${workdir}`],
    notes: [...notes, ...install.notes],
    command: { lines: [`${keyword} ${JSON.stringify(words).replace(/","/g, '", "')}`], change: "artifact" },
    buildOnlyEnv: BUILD_ONLY_ENV,
    builderEpilogue: [`RUN dotnet publish${projectArg} -c ${run.configuration} -o ${output}`],
  });
}

export const dotnetRecipe: Recipe = {
  id: "dotnet",
  plan(input) {
    const { stage, entry, workdir, builderName } = input;
    const argv = entry.argv;
    if (argv !== null && argv.length >= 2 && basename(argv[0]) === "dotnet" && argv[1] === "run") return planRun(input, argv);
    const step = input.target.step;
    if (!step || !step.command.args.some((w) => w.value === "publish"))
      return refuse("the stage runs 'dotnet build' but not 'dotnet publish', so there is no publish folder to ship");
    const ref = parseImageReference(stage.base.resolved);
    const tag = ref ? effectiveTag(ref) : null;
    if (!ref || !SDK.test(`${ref.registry}/${ref.repository}`) || !tag)
      return refuse(`'${stage.base.resolved}' is not a .NET SDK image, so the matching runtime cannot be told`);
    if (hasNoCommand(entry)) return refuse("the stage sets no CMD or ENTRYPOINT, so it is unclear which assembly runs");
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
    const runtime = runtimeImage("aspnet", version, tag, input.options.runtime);
    if (typeof runtime === "string") return refuse(runtime);
    // The SDK image carries curl; the ASP.NET runtime images do not, and chiseled ones have no shell either.
    const healthcheck = stage.instructions.filter((i) => i.keyword === "HEALTHCHECK");
    const downloader = [...usedPrograms(healthcheck)].find((w) => w === "curl" || w === "wget");
    if (!runtime.hasShell && healthcheckNeedsShell(stage.instructions)) return refuse(`the health check needs a shell, which '${runtime.image}' does not have`);
    if (runtime.packageManager === null && downloader) return refuse(`the health check runs '${downloader}', which '${runtime.image}' does not have`);
    const install = installPackages(stagePackages(stage, usedPrograms(stage.instructions)), runtime);
    return artifactPlan({
      runtime,
      runtimeSteps: [...install.lines, ...ownerComment(runtimeUserOf(input.model, stage, runtime), folder), `COPY --from=${builderName} ${folder} ${folder}`],
      notes: install.notes,
      command: artifactCommand(entry, runtime, null, workdir),
      buildOnlyEnv: BUILD_ONLY_ENV,
    });
  },
};
