// Everything the engine needs for one Dockerfile on disk: its text, the build-context facts of its
// folder (the context root, as with `docker build .` next to it) and the configured rule settings.

import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { readBuildContext } from "../host/node-context";
import type { BuildContextFacts } from "../model/context";
import type { RuleSettings, SyntaxSettings } from "../lint/severity";
import type { ConfigLoader } from "./config";
import { InputError, reason } from "./discover";

export interface DockerfileInput {
  text: string;
  context: BuildContextFacts;
  settings: RuleSettings;
  syntax: SyntaxSettings;
}

/** Reads one Dockerfile (absolute path) and what applies to it; `shown` names it in errors. */
export async function readDockerfileInput(file: string, configs: ConfigLoader, shown = file): Promise<DockerfileInput> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(`cannot read '${shown}': ${reason(error)}`);
  }
  const [config, context] = await Promise.all([configs.forFile(file), readBuildContext(pathToFileURL(file).href)]);
  return { text, context, settings: config.rules, syntax: config.syntax };
}
