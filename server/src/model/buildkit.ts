// Whether a Dockerfile can only be built by BuildKit: it asks for a frontend with `# syntax=`
// (the classic builder ignores the directive, but the author wrote the file for BuildKit) or uses
// a feature the classic builder rejects ("the --mount option requires BuildKit"): RUN --mount,
// --network or --security, heredocs, and the COPY/ADD flags only BuildKit's frontend reads.

import type { DockerfileModel, Instruction } from "./types";

const BUILDKIT_RUN_FLAGS = new Set(["mount", "network", "security"]);
const BUILDKIT_COPY_FLAGS = new Set(["link", "exclude", "parents", "checksum", "keep-git-dir", "unpack"]);

/** True when the file is built by BuildKit: a `# syntax=` directive or a BuildKit-only feature. */
export function requiresBuildKit(model: DockerfileModel): boolean {
  if (model.directives.some((d) => d.name.toLowerCase() === "syntax" && d.value.trim() !== "")) return true;
  return model.instructions.some(usesBuildKitFeature);
}

function usesBuildKitFeature(instruction: Instruction): boolean {
  const inst = instruction.trigger ?? instruction;
  if (inst.heredocs.length > 0) return true;
  const flags = inst.flags.map((f) => f.name.toLowerCase());
  if (inst.keyword === "RUN") return flags.some((f) => BUILDKIT_RUN_FLAGS.has(f));
  if (inst.keyword === "COPY" || inst.keyword === "ADD") return flags.some((f) => BUILDKIT_COPY_FLAGS.has(f));
  return false;
}
