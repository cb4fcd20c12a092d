// Everything the engine needs for one Dockerfile on disk: its text, the build-context facts of its
// folder (the context root, as with `docker build .` next to it) and the configured rule settings.

import { pathToFileURL } from "node:url";
import { FolderReader } from "../host/folder-reader";
import { readBuildContext } from "../host/node-context";
import type { BuildContextFacts } from "../model/context";
import { parseDockerfile } from "../model/parse";
import { withContext as modelWithContext } from "../model/with-context";
import type { DockerfileModel } from "../model/types";
import type { RuleSettings, SyntaxSettings } from "../lint/severity";
import type { ConfigLoader } from "./config";
import { InputError } from "./discover";

export interface DockerfileInput {
  text: string;
  context: BuildContextFacts;
  /** `text` parsed once, with `context`. */
  model: DockerfileModel;
  settings: RuleSettings;
  syntax: SyntaxSettings;
}

/**
 * Reads one Dockerfile (absolute path) and what applies to it; `shown` names it in errors. Throws
 * InputError (the file) or ConfigError (its configuration), both about this file alone. `reader`
 * is shared by the files of one run, so a folder's context facts are read once.
 */
export async function readDockerfileInput(file: string, configs: ConfigLoader, shown = file, reader = new FolderReader()): Promise<DockerfileInput> {
  const read = await reader.read(file);
  if (!read.ok) throw new InputError(`cannot read '${shown}': ${read.reason}`);
  return withContext(file, read.text, configs, reader, true);
}

/**
 * What applies to a Dockerfile at `file` whose text is known. The text is parsed once: the host
 * reads the files it copies from that model, and the model gets the facts (parsing does not
 * depend on them). Text from stdin is not what the disk holds, so the host reads its own.
 */
export async function withContext(file: string, text: string, configs: ConfigLoader, reader = new FolderReader(), saved = false): Promise<DockerfileInput> {
  const parsed = parseDockerfile(text);
  const [config, context] = await Promise.all([configs.forFile(file), readBuildContext(pathToFileURL(file).href, reader, saved ? parsed : undefined)]);
  return { text, context, model: modelWithContext(parsed, context), settings: config.rules, syntax: config.syntax };
}
