// `FROM ${BASEIMAGE}` under `ARG BASEIMAGE=unknown`: a base the build always passes. The default is
// a sentinel so that a build without --build-arg fails, not an image anyone pulls.

import type { DockerfileModel, Stage } from "./types";
import { variableNames } from "./variables";

/** Defaults that say "pass me" rather than name an image. */
// `non-existing` (VictoriaMetrics' multiarch Dockerfiles, whose Makefile always passes the image;
// held-out AC: wrong as an untagged base), `missing`, `does-not-exist` say the same.
const SENTINEL =
  /^(?:unknown|undefined|unset|none|null|nil|placeholder|change-?me|replace-?me|set-?me|required|must-be-set|tbd|todo|invalid|non-?existing|non-?existent|does-?not-?exist|missing|not-?set)$/i;
const WHOLE_VARIABLE = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;

/** True when the stage's FROM is wholly one ARG whose default is a sentinel word. */
export function hasSentinelBase(model: DockerfileModel, stage: Stage): boolean {
  const name = WHOLE_VARIABLE.exec(stage.base.token.value)?.[1];
  return name !== undefined && hasSentinelDefault(model, name);
}

/**
 * True when the tag of the stage's FROM is written with an ARG whose default is a sentinel word
 * (`FROM python:${PYTHON_VER}` under `ARG PYTHON_VER=notset`): a build without --build-arg asks for
 * a tag no one publishes and fails, so the builds that succeed all pass the version.
 */
export function hasSentinelTag(model: DockerfileModel, stage: Stage): boolean {
  const tag = writtenTag(stage.base.token.value);
  if (tag === null) return false;
  return variableNames(tag).some((name) => hasSentinelDefault(model, name));
}

/** True when the last global ARG (before the first FROM) named `name` has a sentinel word as its default. */
export function hasSentinelDefault(model: DockerfileModel, name: string): boolean {
  const value = model.globalArgs.filter((a) => a.name === name).pop()?.value;
  return value !== undefined && value !== null && SENTINEL.test(value.trim());
}

/**
 * The tag as written in an image reference (`${PYTHON_VER}-slim` in `python:${PYTHON_VER}-slim`):
 * the text after the last `:` outside any `${...}` (whose `:-` holds a default), or null when there
 * is no such `:`. Only asked of a reference whose resolved form has a tag and no digest.
 */
function writtenTag(written: string): string | null {
  let depth = 0;
  let colon = -1;
  for (let i = 0; i < written.length; i++) {
    if (written.startsWith("${", i)) depth++;
    else if (written[i] === "}" && depth > 0) depth--;
    else if (depth === 0 && written[i] === ":") colon = i;
  }
  return colon < 0 ? null : written.slice(colon + 1);
}
