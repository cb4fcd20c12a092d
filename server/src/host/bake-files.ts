// Docker Bake's default files, and the targets of its JSON form: what the host's bake readers
// (named contexts, locally built images) share.

import { field, isRecord } from "./compose-file";

/** The HCL files `docker buildx bake` reads by default. */
export const BAKE_HCL_FILES: readonly string[] = ["docker-bake.hcl", "docker-bake.override.hcl"];
/** The JSON files `docker buildx bake` reads by default. */
export const BAKE_JSON_FILES: readonly string[] = ["docker-bake.json", "docker-bake.override.json"];

/** The target objects (`target.<name>`) of a bake JSON file; none when it does not parse. */
export function bakeJsonTargets(text: string): unknown[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return [];
  }
  const targets = field(document, "target");
  return isRecord(targets) ? Object.values(targets) : [];
}
