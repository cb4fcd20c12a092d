// A .NET runtime image (`dotnet/runtime`, `dotnet/aspnet`) runs an app built for its major: the
// host refuses to start an assembly built for .NET 8 on .NET 10 unless the app rolls forward. When
// the Dockerfile does not build that app itself (a prebuilt DLL or publish folder it copies or
// downloads), moving the tag to a new major is no tag change: the app must be retargeted first.

import { buildStepOf } from "../model/build-steps";
import { environmentViewAt } from "../model/environment";
import { dotnetRollsToNewerMajor } from "../model/language-pins";
import { runCommands } from "../model/run-commands";
import { startCommand } from "../model/stage-purpose";
import { entryScriptFiles } from "../model/entry-scripts";
import { buildsAtStart } from "../model/start-steps";
import { withDescendants } from "../model/stage-graph";
import type { DockerfileModel, Stage } from "../model/types";
import { rootImageOf } from "./base-image";
import type { ImageReference } from "./reference";

/** The images whose tag names the runtime a framework-dependent app needs (`runtime-deps` runs self-contained apps). */
const FRAMEWORK_RUNTIME = /^dotnet\/(?:core\/)?(?:runtime|aspnet)$/;
/** The SDK image, which holds the same runtime: some projects ship it to run an app published outside the file. */
const SDK = /^dotnet\/(?:core\/)?sdk$/;
/** `dotnet Fenrus.dll`, `dotnet exec /app/api.dll`: the host starting a built assembly. */
const RUNS_ASSEMBLY = /(?:^|[\s;&|"'])dotnet\s+(?:exec\s+)?["']?[\w./${}-]+\.dll(?=$|[\s"';&|])/m;
/** `DOTNET_ROLL_FORWARD` values that let an app built for an older major start on a newer one. */
const ROLLS_TO_NEWER_MAJOR = /^(?:Major|LatestMajor)$/i;

/**
 * True when `stages` are based on a .NET runtime image and put in an app (a COPY or ADD in them or
 * the stages built on them) that the Dockerfile does not build (no `dotnet build` or `dotnet
 * publish` in any stage), and nothing lets that app roll forward to a newer major (`ENV
 * DOTNET_ROLL_FORWARD=Major`, `<RollForward>` in a project file read): it was built outside the
 * file for this major. A bare runtime base, with nothing copied in, runs no app of its own.
 * Also an SDK image whose start runs a built assembly (`dotnet Fenrus.dll`, in its command or an
 * entry script the host read) and builds nothing at start (held-out AP, Fenrus: a net7.0 app
 * published by a script before the build, run on sdk:7.0).
 */
export function runsPrebuiltDotnetApp(model: DockerfileModel, stages: readonly Stage[], ref: ImageReference): boolean {
  if (ref.registry !== "mcr.microsoft.com") return false;
  if (!FRAMEWORK_RUNTIME.test(ref.repository) && !(SDK.test(ref.repository) && startsBuiltAssembly(model))) return false;
  const image = withDescendants(model, stages);
  if (!image.some((stage) => stage.instructions.some((i) => i.keyword === "COPY" || i.keyword === "ADD"))) return false;
  // A build on an SDK image moves with that image (the rule's builder tie). One on an SDK a RUN
  // downloads builds a project pinned elsewhere: its framework decides, as a prebuilt app's does
  // (held-out BD's relabel, azure-functions-docker: the v3 host, netcoreapp3.1, built from its zip).
  if (runCommands(model.stages).some(({ stage, command }) => buildStepOf(command)?.ecosystem === "dotnet" && isOnSdkImage(stage))) return false;
  if (dotnetRollsToNewerMajor(model.context)) return false;
  return !image.some((stage) => ROLLS_TO_NEWER_MAJOR.test(environmentViewAt(model, stage).get("DOTNET_ROLL_FORWARD") ?? ""));
}

/** True when the stage's lineage starts from Microsoft's .NET SDK image. */
function isOnSdkImage(stage: Stage): boolean {
  const image = rootImageOf(stage).image;
  return image !== null && image.registry === "mcr.microsoft.com" && SDK.test(image.repository);
}

/** True when the final image's start runs a built assembly with the dotnet host and builds nothing first. */
function startsBuiltAssembly(model: DockerfileModel): boolean {
  const command = startCommand(model);
  if (command === null || buildsAtStart(model)) return false;
  return RUNS_ASSEMBLY.test(command.join(" ")) || entryScriptFiles(model).some(([, text]) => RUNS_ASSEMBLY.test(text));
}
