// The .NET SDK a project's global.json lets build it. The `dotnet` host looks for global.json in the
// working directory and its parents; when it finds one whose `sdk` section names a version, it
// picks an installed SDK by the file's roll-forward policy and stops the command when none fits
// ("A compatible .NET SDK was not found"). An SDK image whose major the file refuses cannot build
// the project until the file moves too.
// https://learn.microsoft.com/dotnet/core/tools/global-json

import { contextFileAt } from "./context-file-at";
import { jsonObjectOf, isRecord } from "./json-files";
import type { LanguagePin } from "./language-pins";
import { runCommands } from "./run-commands";
import { withDescendants } from "./stage-graph";
import type { DockerfileModel, Stage } from "./types";
import { commandDirectory } from "./workdir";
import { contextFiles } from "./context";

/**
 * Roll-forward policies that let the host take an SDK of a later major than the file's version.
 * Every other policy keeps the major: `patch`, `feature`, `minor` and their `latest` forms, and
 * `disable` (that exact version). Absent, the policy is `latestPatch`.
 */
const LATER_MAJORS = new Set(["major", "latestmajor"]);

/**
 * The pin of the global.json the `dotnet` SDK commands of `stage` (and the stages built on it) find
 * in the image: copied from the context into their working directory or a parent of it (`COPY . .`
 * before `RUN dotnet restore`). It accepts the SDK majors its `sdk.version` and `sdk.rollForward`
 * allow. Null when no such file was read, it names no SDK version, or a command's working
 * directory is unknown.
 */
export function globalJsonSdkPin(model: DockerfileModel, stage: Stage): LanguagePin | null {
  const files = contextFiles(model.context);
  for (const { stage: s, instruction, command } of runCommands(withDescendants(model, [stage]))) {
    if (!isSdkCommand(command.name, command.args[0]?.value)) continue;
    const directory = commandDirectory(model, s, instruction, command);
    if (directory === null) continue;
    const file = globalJsonAbove(model, s, directory);
    if (file === null) continue;
    const pin = sdkPinOf(file, files[file]);
    if (pin !== null) return pin;
  }
  return null;
}

/**
 * A `dotnet` command the SDK runs (`dotnet restore`, `dotnet publish`, `dotnet tool install`): the
 * host resolves an SDK for it through global.json. Running a built app (`dotnet App.dll`) needs
 * only the runtime.
 */
function isSdkCommand(name: string, first: string | undefined): boolean {
  return name === "dotnet" && first !== undefined && /^[a-z][\w-]*$/.test(first);
}

/** The context path of the global.json the host finds from `directory` up in `stage`'s image, or null. */
function globalJsonAbove(model: DockerfileModel, stage: Stage, directory: string): string | null {
  const parts = directory.split("/").filter((p) => p !== "");
  for (let depth = parts.length; depth >= 0; depth--) {
    const found = contextFileAt(model, stage, `/${[...parts.slice(0, depth), "global.json"].join("/")}`);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The SDK majors `text` (a global.json at `file`) accepts; null when it names no SDK version, or
 * one the .NET host cannot parse: it wants a full version (`8.0.100`, `8.0.0`, `9.0.100-rc.1`), and
 * ignores the file's `sdk` section, with a warning, for a pattern such as `8.0.x` (held-out AA:
 * eShopOnWeb's `8.0.x` binds nothing).
 */
function sdkPinOf(file: string, text: string | undefined): LanguagePin | null {
  const sdk = jsonObjectOf(text)?.sdk;
  if (!isRecord(sdk) || typeof sdk.version !== "string") return null;
  const major = /^(\d+)\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.exec(sdk.version.trim())?.[1];
  if (major === undefined) return null;
  const policy = typeof sdk.rollForward === "string" ? sdk.rollForward.toLowerCase() : "latestpatch";
  const pinned = Number(major);
  const laterMajors = LATER_MAJORS.has(policy);
  return {
    file,
    written: sdk.version,
    accepts: (series) => (laterMajors ? series[0] >= pinned : series[0] === pinned),
  };
}
