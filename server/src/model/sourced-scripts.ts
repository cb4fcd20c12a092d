// The scripts a start script sources (`source ${REDMINE_RUNTIME_ASSETS_DIR}/functions`, `.
// /usr/local/lib/common.sh`): they run in the start script's shell, so what they do, and the
// functions they define for it to call, are part of the container's start. The path is read with
// the image's ENV substituted (the script runs under it) and mapped back to the context file the
// Dockerfile copies there (`COPY assets/runtime/ ${REDMINE_RUNTIME_ASSETS_DIR}/`).

import { contextFileAt, contextSourcesAt } from "./context-file-at";
import { normalizePath } from "./copy-paths";
import { environmentViewAt } from "./environment";
import type { DockerfileModel, Stage } from "./types";
import { substituteVariables } from "./variables";
import { contextFiles } from "./context";

/** How many rounds of sourced scripts sourcing others are followed. */
const MAX_ROUNDS = 3;

/** `source X` or `. X` where a command starts (line start, after `;`, `&&`, `||`, `then`, `else`, `do`): X. */
const SOURCE = /(?:^|[;&|]|\b(?:then|else|do)\b)\s*(?:source|\.)\s+("[^"\n]+"|'[^'\n]+'|[^\s;&|'"]+)/gm;

/**
 * The absolute paths of `stage`'s image that `text` sources, with the image's variables
 * substituted; a path that stays unknown (a variable the image does not set, `$(dirname "$0")`) or
 * is relative is left out.
 */
function sourcedPaths(model: DockerfileModel, stage: Stage, text: string): string[] {
  const code = text.replace(/(?:^|\s)#.*$/gm, "");
  const env = environmentViewAt(model, stage);
  const paths: string[] = [];
  for (const match of code.matchAll(SOURCE)) {
    const raw = match[1].replace(/^(["'])(.*)\1$/, "$2");
    const path = match[1].startsWith("'") ? { value: raw, unresolved: [] } : substituteVariables(raw, env);
    if (path.unresolved.length > 0 || !path.value.startsWith("/") || /[`*?]|\$/.test(path.value)) continue;
    paths.push(normalizePath(path.value));
  }
  return paths;
}

/**
 * The scripts `texts` (start scripts of `stage`'s image) source, and those these source in turn,
 * as [context path, text], when the host read them from the build context.
 */
export function sourcedScripts(model: DockerfileModel, stage: Stage, texts: readonly string[]): [string, string][] {
  const files = contextFiles(model.context);
  const found = new Map<string, string>();
  let frontier = [...texts];
  for (let round = 0; round < MAX_ROUNDS && frontier.length > 0; round++) {
    const next: string[] = [];
    for (const path of frontier.flatMap((text) => sourcedPaths(model, stage, text))) {
      const file = contextFileAt(model, stage, path);
      if (file === null || found.has(file)) continue;
      found.set(file, files[file]);
      next.push(files[file]);
    }
    frontier = next;
  }
  return [...found];
}

/**
 * Every context path the scripts `texts` source may come from, read or not (and from the sourced
 * scripts the host read): what the host should read.
 */
export function sourcedScriptSources(model: DockerfileModel, stage: Stage, texts: readonly string[]): string[] {
  const places = [...texts, ...sourcedScripts(model, stage, texts).map(([, text]) => text)].flatMap((text) =>
    sourcedPaths(model, stage, text).map((path) => ({ stage, path })),
  );
  return contextSourcesAt(model, places);
}
