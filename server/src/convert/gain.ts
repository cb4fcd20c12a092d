// Whether a conversion gains anything: a builder stage pays off only when it leaves something
// behind (a toolchain image, compilers, headers, build output the runtime does not need). When the
// original already runs on the runtime image the recipe would pick and installs nothing build-only,
// the honest answer is that there is nothing to convert.

import { parseImageReference } from "../images/reference";
import { effectiveTag, officialName } from "../images/tags";
import { systemPackageCommand } from "../model/commands";
import type { Stage } from "../model/types";
import { BUILD_TOOL } from "./packages";

/** System packages the stage installs that only a build needs (compilers, headers, VCS, downloaders are not counted). */
export function buildOnlyPackages(stage: Stage): string[] {
  const found: string[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "RUN") continue;
    for (const command of instruction.commands) {
      const pkg = systemPackageCommand(command);
      if (!pkg || pkg.action !== "install") continue;
      for (const word of pkg.packages) {
        const name = word.value.replace(/[=<>~].*$/, "");
        if (name !== "" && BUILD_TOOL.test(name) && !found.includes(name)) found.push(name);
      }
    }
  }
  return found;
}

/** Same repository and tag, however spelled (`docker.io/library/node:20-alpine@sha256:...` is `node:20-alpine`). */
function isSameImage(a: string, b: string): boolean {
  const [ra, rb] = [parseImageReference(a), parseImageReference(b)];
  if (!ra || !rb) return false;
  const name = (r: NonNullable<typeof ra>) => officialName(r) ?? `${r.registry}/${r.repository}`;
  return name(ra) === name(rb) && effectiveTag(ra) === effectiveTag(rb);
}

/**
 * The reason to refuse when the runtime image equals the builder's and nothing build-only is
 * installed; null when a builder stage would leave something behind. `installs` says what the
 * stage does instead of building (`installs its dependencies with pip`).
 */
export function nothingToGain(stage: Stage, runtimeImage: string, installs: string): string | null {
  if (!isSameImage(runtimeImage, stage.base.resolved)) return null;
  if (buildOnlyPackages(stage).length > 0) return null;
  return `nothing to gain: '${stage.base.resolved}' is already the image the runtime stage would use, and the stage only ${installs} (no compilers, headers or build step to leave behind)`;
}
