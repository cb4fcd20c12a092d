// Which npm a stage's node image bundles. npm 7 (bundled from Node 15) changed what some commands
// mean: `--omit=dev` exists only from npm 7 (npm 6 ignores it and installs the dev dependencies),
// and `npm rebuild` runs the project's own install scripts only from npm 7.

import type { ShellCommand } from "../model/shell";
import { ancestorsOf } from "../model/stage-graph";
import type { Stage } from "../model/types";
import { rootImageOf } from "./base-image";
import { officialName } from "./tags";

/** Node 15 is the first release that bundles npm 7. */
const FIRST_NODE_WITH_NPM_7 = 15;

/**
 * True when the stage runs npm 6 or older: its root image is the official node image at a major
 * before 15 and no step of the stage (or those it builds on) installs another npm
 * (`npm install -g npm@8`). False when the image or its tag does not say.
 */
export function bundlesNpmBefore7(stage: Stage): boolean {
  const image = rootImageOf(stage).image;
  if (image === null || officialName(image) !== "node") return false;
  const major = /^(\d+)(?:[.-]|$)/.exec(image.tag ?? "")?.[1];
  if (major === undefined || Number(major) >= FIRST_NODE_WITH_NPM_7) return false;
  return ![stage, ...ancestorsOf(stage)].some((s) => s.instructions.some((i) => i.commands.some(installsNpmItself)));
}

/** `npm install -g npm@8`, `npm i -g npm@latest`: an install that names npm itself. */
function installsNpmItself(command: ShellCommand): boolean {
  if (command.name !== "npm") return false;
  const words = command.args.map((w) => w.value);
  return (words[0] === "install" || words[0] === "i") && words.slice(1).some((w) => /^npm(?:@\S*)?$/.test(w));
}
