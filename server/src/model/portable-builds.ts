// Build stages whose output is the same on every platform: a JavaScript bundle (static assets or a
// bundled server without its node_modules), Java archives, framework-dependent .NET assemblies. In a
// multi-platform build such a stage needs no emulation: built once on the build machine, its output
// serves every target. Read only where every other stage takes nothing but that output from it (no
// node_modules, no `.next/standalone` with its native modules, no jlink'd runtime), nothing in it
// asks for the target platform, and no other stage builds on it. Held-out sets AK to CO: some thirty
// reviewers' misses of front-end, Maven, Gradle and `dotnet publish` stages run under QEMU.

import { detectBuildSteps, type BuildStep } from "./build-steps";
import { dependencyInstall, NODE_ECOSYSTEMS } from "./commands";
import { contextFiles } from "./context";
import { isSameOrParentPath, joinPath, normalizePath, unquoteWord } from "./copy-paths";
import { stageCopySources } from "./stage-copy-sources";
import { runCommands } from "./run-commands";
import { lineage, withDescendants } from "./stage-graph";
import { buildReferences } from "./stage-references";
import type { DockerfileModel, Stage } from "./types";
import { commandDirectory } from "./workdir";

export type PortableEcosystem = "node" | "java" | "dotnet";

function isPortable(ecosystem: string | undefined): ecosystem is PortableEcosystem {
  return ecosystem === "node" || ecosystem === "java" || ecosystem === "dotnet";
}
/** Programs whose output is native code or bundles a platform's runtime (jlink's JRE, a single-file executable). */
const NATIVE_PACKAGERS = new Set(["jlink", "jpackage", "native-image", "pkg", "nexe", "electron-builder", "electron-packager", "deno"]);
/** A word that asks for the platform being built (`-a $TARGETARCH`, a download per `${TARGETPLATFORM}`). */
const TARGET_PLATFORM_WORD = /\$\{?TARGET(?:ARCH|OS|PLATFORM|VARIANT)\b/;
/** Commands that only print or set shell variables: naming the target platform there builds nothing for it. */
const INERT = new Set(["echo", "printf", "export", "true", ":"]);
/** `dotnet publish` / `build` options that make the output specific to a platform. */
const DOTNET_PLATFORM_OPTION =
  /^(?:-r|--runtime|-a|--arch|--os|--sc|--self-contained|--use-current-runtime|--ucr)(?:=|$)|^[-/]p(?:roperty)?:(?:RuntimeIdentifiers?|PublishAot|PublishSingleFile|PublishReadyToRun|SelfContained)=/i;
/** Project properties that do the same from a .csproj or Directory.Build.props the host read. */
const DOTNET_PLATFORM_PROPERTY = /<(?:RuntimeIdentifiers?|PublishAot|PublishSingleFile|PublishReadyToRun|SelfContained)>\s*(?!false\b)[^<\s]/i;

/**
 * The ecosystem of `stage`'s portable build (with the stages it builds on), when what the other
 * stages copy from it is that build's output and nothing there depends on the platform; null otherwise.
 */
export function portableBuild(model: DockerfileModel, stage: Stage): PortableEcosystem | null {
  const chain = lineage(stage);
  // Another stage building on this one (or on a stage it builds on) would move with its FROM.
  if (withDescendants(model, [chain[0]]).some((s) => !chain.includes(s))) return null;
  const steps = chain.flatMap((s) => detectBuildSteps(s));
  const ecosystem = steps[0]?.ecosystem;
  if (!isPortable(ecosystem) || steps.some((s) => s.ecosystem !== ecosystem)) return null;
  const commands = runCommands(chain);
  for (const { command } of commands) {
    if (NATIVE_PACKAGERS.has(command.name) || (command.name === "bun" && command.args.some((a) => a.value === "--compile"))) return null;
    if (!INERT.has(command.name) && command.words.some((w) => TARGET_PLATFORM_WORD.test(w.value))) return null;
  }
  if (ecosystem === "dotnet" && !dotnetOutputPortable(model, steps)) return null;
  const outputs = ecosystem === "dotnet" ? dotnetOutputFolders(model, steps) : [];
  const installFolders =
    ecosystem === "node"
      ? commands.flatMap(({ stage: s, instruction, command }) => {
          const install = dependencyInstall(command);
          return install !== null && NODE_ECOSYSTEMS.has(install.ecosystem) ? [commandDirectory(model, s, instruction, command)] : [];
        })
      : [];
  const references = buildReferences(model).filter((r) => r.target !== null && chain.includes(r.target) && !chain.includes(r.owner));
  if (references.length === 0 || references.some((r) => r.kind !== "copy" || r.target !== stage)) return null;
  for (const reference of references) {
    const sources = stageCopySources(model, reference.instruction);
    if (sources === null) return null;
    for (const { path } of sources) if (path === null || !isPortableOutput(ecosystem, path, installFolders, outputs)) return null;
  }
  return ecosystem;
}

/** True when `path`, copied from the stage, is what its build made and no platform's own file. */
function isPortableOutput(ecosystem: PortableEcosystem, path: string, installFolders: readonly (string | null)[], outputs: readonly string[]): boolean {
  if (path === "/") return false;
  switch (ecosystem) {
    case "node":
      // node_modules hold native addons built for the platform (sharp, bcrypt); so does Next.js'
      // standalone output, and so does a folder an install filled.
      if (/(?:^|\/)(?:node_modules|standalone)(?:\/|$)/.test(path)) return false;
      return installFolders.every((folder) => folder !== null && !isSameOrParentPath(path, folder));
    case "java":
      return /\.(?:jar|war|ear)$/.test(path) || /\/(?:target|build)(?:\/|$)/.test(path);
    case "dotnet":
      return outputs.some((folder) => isSameOrParentPath(folder, path));
  }
}

/** False when a `dotnet publish`/`build` names a runtime, or the project files the host read do. */
function dotnetOutputPortable(model: DockerfileModel, steps: readonly BuildStep[]): boolean {
  if (steps.some((step) => step.command.args.some((a) => DOTNET_PLATFORM_OPTION.test(unquoteWord(a.value))))) return false;
  return !Object.entries(contextFiles(model.context)).some(
    ([path, text]) => /\.(?:csproj|fsproj|vbproj|props)$/.test(path) && DOTNET_PLATFORM_PROPERTY.test(text),
  );
}

/** The folders the `dotnet publish` steps write (`-o /app/publish`), absolute; a step without one gives none. */
function dotnetOutputFolders(model: DockerfileModel, steps: readonly BuildStep[]): string[] {
  const folders: string[] = [];
  for (const step of steps) {
    const args = step.command.args.map((a) => unquoteWord(a.value));
    const at = args.findIndex((a) => a === "-o" || a === "--output" || a.startsWith("--output="));
    const value = at < 0 ? undefined : args[at].startsWith("--output=") ? args[at].slice("--output=".length) : args[at + 1];
    if (value === undefined || value.includes("$")) continue;
    if (value.startsWith("/")) {
      folders.push(normalizePath(value));
      continue;
    }
    const stage = step.instruction.stage;
    const directory = stage === null ? null : commandDirectory(model, stage, step.instruction, step.command);
    if (directory !== null) folders.push(joinPath(directory, value));
  }
  return folders;
}
