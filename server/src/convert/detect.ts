// Which build a stage runs: the ecosystem, the step that produces the artifact and the dependency
// installs around it. The recipe is chosen from this; nothing here writes text.

import { BuildStep, detectBuildSteps } from "../model/build-steps";
import { DependencyInstall, dependencyInstall } from "../model/commands";
import type { ShellCommand } from "../model/shell";
import { readEntryCommand } from "./entry-command";
import { prebuiltJarReason, springBootRun } from "./recipes/java-project";
import type { Stage } from "../model/types";
import type { BuildTarget, RecipeId } from "./types";

export type { BuildTarget, RecipeId } from "./types";

const RECIPE_BY_ECOSYSTEM: Partial<Record<BuildStep["ecosystem"], RecipeId>> = {
  go: "go",
  node: "node",
  rust: "rust",
  java: "java",
  dotnet: "dotnet",
};

const PYTHON_INSTALLERS = new Set(["pip", "poetry", "uv", "pipenv"]);
const NODE_INSTALLERS = new Set(["npm", "yarn", "pnpm"]);
const PIP = /^pip(?:3(?:\.\d+)?)?$/;
const PYTHON = /^python(?:3(?:\.\d+)?)?$/;

/**
 * `pip install .` (or `-e .`, `./pkg`): the project itself, with its console scripts, goes into the
 * environment. Not a dependency-only install, but the build of a Python image all the same.
 */
function pipProjectInstall(command: ShellCommand): DependencyInstall | null {
  const viaModule = PYTHON.test(command.name) && command.args[0]?.value === "-m" && PIP.test(command.args[1]?.value ?? "");
  if (!PIP.test(command.name) && !viaModule) return null;
  const words = (viaModule ? command.args.slice(2) : command.args).map((w) => w.value);
  if (words.find((w) => !w.startsWith("-")) !== "install") return null;
  const isLocalPath = (w: string) => w === "." || w.startsWith("./") || w === ".." || w.startsWith("../") || /^\.\[.+\]$/.test(w);
  if (!words.some(isLocalPath)) return null;
  return { ecosystem: "pip", command, manifests: ["pyproject.toml"], includesDevDependencies: null, installsNamedPackages: false };
}

export type Detection = { ok: true; target: BuildTarget } | { ok: false; reason: string };

/** The build of a stage, or why none of the recipes applies. */
export function detectBuild(stage: Stage): Detection {
  const steps = detectBuildSteps(stage);
  const installs = stage.instructions
    .filter((i) => i.keyword === "RUN")
    .flatMap((i) => i.commands.map((c) => dependencyInstall(c) ?? pipProjectInstall(c)))
    .filter((d): d is DependencyInstall => d !== null);
  // Compiled ecosystems first: their artifact is what the runtime stage ships. A `make` that only
  // drives `go build` is still a Go build, so C steps count only when nothing else is found.
  for (const step of [...steps].reverse()) {
    const recipe = RECIPE_BY_ECOSYSTEM[step.ecosystem];
    if (recipe) return { ok: true, target: { recipe, step, installs } };
  }
  if (installs.some((d) => PYTHON_INSTALLERS.has(d.ecosystem))) return { ok: true, target: { recipe: "python", step: null, installs } };
  // `mvn spring-boot:run` as the command: the build happens at every start; the java recipe moves it.
  if (springBootRun(readEntryCommand(stage)) !== null) return { ok: true, target: { recipe: "java", step: null, installs } };
  // `dotnet run` as the command builds at every start; the dotnet recipe publishes instead.
  const argv = readEntryCommand(stage).argv;
  if (argv !== null && /(?:^|\/)dotnet$/.test(argv[0] ?? "") && argv[1] === "run") return { ok: true, target: { recipe: "dotnet", step: null, installs } };
  // A Node.js project without a build step (`npm ci`, then `node server.js`): the node recipe decides.
  if (installs.some((d) => NODE_INSTALLERS.has(d.ecosystem))) return { ok: true, target: { recipe: "node", step: null, installs } };
  const other = steps[0];
  if (other)
    return {
      ok: false,
      reason: `no conversion recipe for the '${other.tool}' build yet (supported: Go, Node.js, Python, Rust, Java with Maven or Gradle, .NET)`,
    };
  const prebuilt = prebuiltJarReason(stage, readEntryCommand(stage));
  if (prebuilt !== null) return { ok: false, reason: prebuilt };
  return {
    ok: false,
    reason: "no recognisable build step (go build, npm run build, pip install, cargo build, mvn package, gradle build, dotnet publish) in the stage",
  };
}
