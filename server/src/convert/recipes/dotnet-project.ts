// What a .NET project file says about the program `dotnet run` starts: the assembly's name, the
// target framework (the runtime image's version) and the SDK (Web: the ASP.NET Core runtime).

import type { BuildContextFacts } from "../../model/context";
import { basename } from "./shared";
import { contextFiles } from "../../model/context";

export interface DotnetProject {
  /** The project file, relative to the context root (`App/App.csproj`). */
  path: string;
  /** `<AssemblyName>`, else the project file's name without its extension. */
  assembly: string;
  /** The framework version of `<TargetFramework>` (`net6.0` gives `6.0`). */
  framework: string;
  /** Microsoft.NET.Sdk.Web (or Razor/Blazor server): the app needs the ASP.NET Core runtime. */
  isWeb: boolean;
}

const PROJECT_FILE = /\.(?:cs|fs|vb)proj$/;

const ELEMENTS = {
  OutputType: /<OutputType>([^<]*)<\/OutputType>/,
  TargetFramework: /<TargetFramework>([^<]*)<\/TargetFramework>/,
  TargetFrameworks: /<TargetFrameworks>([^<]*)<\/TargetFrameworks>/,
  AssemblyName: /<AssemblyName>([^<]*)<\/AssemblyName>/,
};

function element(xml: string, name: keyof typeof ELEMENTS): string | null {
  const match = ELEMENTS[name].exec(xml);
  return match ? match[1].trim() : null;
}

/**
 * The project `dotnet run` builds: the one named by `--project` (a file or its folder), else the
 * only project file at the context root (or the only one at all); a reason when it cannot be told.
 */
export function runProject(context: BuildContextFacts, projectFlag: string | null): DotnetProject | string {
  const files = contextFiles(context);
  const projects = Object.keys(files)
    .filter((p) => PROJECT_FILE.test(p))
    .sort();
  if (projects.length === 0) return "no .NET project file was found in the build context";
  let candidates: string[];
  if (projectFlag !== null) {
    const wanted = projectFlag.replace(/^\.\//, "").replace(/\/+$/, "");
    candidates = projects.filter((p) => (PROJECT_FILE.test(wanted) ? basename(p) === basename(wanted) : p.startsWith(`${basename(wanted)}/`)));
  } else {
    const atRoot = projects.filter((p) => !p.includes("/"));
    candidates = atRoot.length > 0 ? atRoot : projects;
  }
  if (candidates.length !== 1) return `which project 'dotnet run' starts cannot be told (${projects.length} project files); name it with '--project'`;
  const path = candidates[0];
  const xml = files[path];
  const sdk = /<Project\s[^>]*Sdk="([^"]+)"/.exec(xml)?.[1] ?? "";
  const isWeb = /^Microsoft\.NET\.Sdk\.(?:Web|Razor|BlazorWebAssembly)$/.test(sdk);
  const outputType = element(xml, "OutputType");
  if (!isWeb && (outputType === null || !/^(?:Exe|WinExe)$/i.test(outputType))) return `'${path}' builds a library, not a program 'dotnet run' could start`;
  if (element(xml, "TargetFrameworks") !== null && element(xml, "TargetFramework") === null) {
    return `'${path}' targets several frameworks, so the runtime version cannot be told; set one with <TargetFramework>`;
  }
  const framework = /^net(\d+\.\d+)$/.exec(element(xml, "TargetFramework") ?? "")?.[1];
  if (!framework) return `the target framework of '${path}' is not a .NET (5 or later) version, so no runtime image can be chosen for it`;
  const assembly = element(xml, "AssemblyName") ?? basename(path).replace(PROJECT_FILE, "");
  if (/[$(]/.test(assembly)) return `the assembly name of '${path}' is computed by MSBuild ('${assembly}'), so the program to start cannot be told`;
  return { path, assembly, framework, isWeb };
}
