// Shapes of the multi-stage planner: what it is asked, what it answers, and the contract between
// the planner and its per-ecosystem recipes.

import type { SizeLookup } from "../images/facts";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import type { EntryCommand } from "./entry-command";
import type { BuildStep } from "../model/build-steps";
import type { DependencyInstall } from "../model/commands";
import type { RuntimeImage } from "./runtime-base";

export type RecipeId = "go" | "node" | "python" | "rust" | "java" | "dotnet";

export interface BuildTarget {
  recipe: RecipeId;
  /** The step producing the artifact (the last of its ecosystem); null for Python installs. */
  step: BuildStep | null;
  /** Dependency installs of the stage, in order. */
  installs: DependencyInstall[];
}

/** The runtime image family a user may ask for (`stagecraft.convert.runtime`, `--runtime`). */
export type RuntimeFamily = "distroless" | "alpine" | "slim" | "scratch";

export const RUNTIME_FAMILIES: readonly RuntimeFamily[] = ["distroless", "alpine", "slim", "scratch"];

export interface ConvertOptions {
  /** Preferred runtime family; the recipe picks the smallest that fits when omitted. */
  runtime?: RuntimeFamily;
}

/** What happened to the CMD/ENTRYPOINT contract. */
export type CommandChange = "kept" | "adjusted" | "replaced" | "artifact";

export interface ConversionSummary {
  /** Recipe that wrote the plan (`go`, `node-server`, `node-static`, `python`, `rust`, `java`, `dotnet`). */
  recipe: string;
  builderBase: string;
  runtimeBase: string;
  builderSize: SizeLookup | null;
  runtimeSize: SizeLookup | null;
  /** Base-image bytes saved (amd64, compressed); null when either size is unknown. */
  saving: { bytes: number; isEstimate: boolean } | null;
  /**
   * `kept`: CMD/ENTRYPOINT unchanged; `adjusted`: the executable path follows the artifact (or the
   * shell form became exec form); `replaced`: a static site is now served by nginx; `artifact`: a
   * command that built the app at every start (`mvn spring-boot:run`) now runs what the builder made.
   */
  command: CommandChange;
  /** Things the user should check by hand, one sentence each. */
  notes: string[];
}

export type ConversionResult = { ok: true; text: string; summary: ConversionSummary } | { ok: false; reason: string };

/** Everything a recipe reads: the stage to convert and what the planner already worked out. */
export interface RecipeInput {
  model: DockerfileModel;
  stage: Stage;
  target: BuildTarget;
  /** Working directory at the end of the stage (absolute). */
  workdir: string;
  entry: EntryCommand;
  options: ConvertOptions;
  /** Name of the builder stage in the output (`build`, or `build-2` when taken). */
  builderName: string;
}

/** A replacement for one builder instruction's text (the instruction's own lines, comments excluded). */
export interface BuilderEdit {
  instruction: Instruction;
  text: string;
}

/** A path the program writes outside what the runtime stage copies (`/var/log/app.log`). */
export interface WritablePath {
  path: string;
  /** `file`: the program creates or appends to this file; `folder`: it creates files in this folder. */
  kind: "file" | "folder";
  /** Where the project shows it (`main.go:18 os.OpenFile(logFilePath)`), for the comment. */
  evidence: string;
}

/** A recipe's answer: how the builder changes and what the runtime stage receives. */
export interface RecipePlan {
  /** Names the recipe's variant in the summary (`node-static`) when one recipe has several. */
  variant?: string;
  runtime: RuntimeImage;
  /** Instructions inserted at the top of the builder stage (after FROM). */
  builderPrelude: string[];
  /** Instructions appended at the end of the builder stage (after the build). */
  builderEpilogue?: string[];
  builderEdits: BuilderEdit[];
  /** ARG names the runtime stage re-declares though its lines do not mention them (an install reads them). */
  runtimeArgs?: string[];
  /** Instructions that bring the artifacts (and dependencies) into the runtime stage. */
  runtimeSteps: string[];
  /** Replacement CMD/ENTRYPOINT lines; null keeps the original ones. */
  command: { lines: string[]; change: CommandChange } | null;
  /**
   * Artifacts that land elsewhere in the runtime stage than the build left them (`target/release/app`
   * -> `/usr/local/bin/app`): a HEALTHCHECK naming the build path is rewritten to follow them.
   */
  artifactMoves?: { from: string; to: string }[];
  /**
   * Paths the program writes that the runtime base may lack or keep root-owned: the runtime stage
   * provides them, owned by the user that runs the program.
   */
  writablePaths?: WritablePath[];
  /** ENV names that only matter for the build (GOPATH, CGO_ENABLED...): not repeated at run time. */
  buildOnlyEnv: RegExp;
  notes: string[];
}

export type RecipeAnswer = { ok: true; plan: RecipePlan } | { ok: false; reason: string };

export interface Recipe {
  id: string;
  plan(input: RecipeInput): RecipeAnswer;
}
