// Everything the engine needs for one Dockerfile on disk: its text, the build-context facts of its
// folder (the context root, as with `docker build .` next to it) and the configured rule settings.

import { pathToFileURL } from "node:url";
import { readBuildContext } from "../host/node-context";
import { readTextFile } from "../host/read-text";
import type { BuildContextFacts } from "../model/context";
import type { RuleSettings, SyntaxSettings } from "../lint/severity";
import type { ConfigLoader } from "./config";
import { InputError } from "./discover";

export interface DockerfileInput {
  text: string;
  context: BuildContextFacts;
  settings: RuleSettings;
  syntax: SyntaxSettings;
}

/**
 * Reads one Dockerfile (absolute path) and what applies to it; `shown` names it in errors. Throws
 * InputError (the file) or ConfigError (its configuration), both about this file alone.
 */
export async function readDockerfileInput(file: string, configs: ConfigLoader, shown = file): Promise<DockerfileInput> {
  const read = await readTextFile(file);
  if (!read.ok) throw new InputError(`cannot read '${shown}': ${read.reason}`);
  const text = read.text;
  const [config, context] = await Promise.all([configs.forFile(file), readBuildContext(pathToFileURL(file).href)]);
  return { text, context, settings: config.rules, syntax: config.syntax };
}
