// Build contexts a project passes by name (`docker buildx build --build-context name=...` written
// down in compose `build.additional_contexts` or bake `contexts`), read from the compose and bake
// files in the Dockerfile's folder and the folders above it, up to the repository root.

import { dirname, join } from "node:path";
import { composeServices, field, isRecord } from "./compose-file";
import { isPresent } from "./paths";
import { readTextFile } from "./read-text";

const COMPOSE_FILES = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
const BAKE_HCL_FILES = ["docker-bake.hcl", "docker-bake.override.hcl"];
const BAKE_JSON_FILES = ["docker-bake.json", "docker-bake.override.json"];
/** Compose and bake files sit at the project root, rarely more than a few folders up. */
const MAX_LEVELS = 6;
/** Larger files are not project configuration; reading them would only cost time. */
const MAX_FILE_BYTES = 1 << 20;

/** Every context name declared in reach of a Dockerfile in `folder`, sorted. */
export async function readNamedContexts(folder: string): Promise<string[]> {
  const names = new Set<string>();
  let dir = folder;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const texts = await Promise.all([...COMPOSE_FILES, ...BAKE_HCL_FILES, ...BAKE_JSON_FILES].map((name) => readSmallText(join(dir, name))));
    texts.forEach((text, i) => {
      if (text === null) return;
      const found =
        i < COMPOSE_FILES.length
          ? composeContextNames(text)
          : i < COMPOSE_FILES.length + BAKE_HCL_FILES.length
            ? bakeHclContextNames(text)
            : bakeJsonContextNames(text);
      for (const name of found) names.add(name);
    });
    if (await isPresent(join(dir, ".git"))) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return [...names].sort();
}

/** `services.<name>.build.additional_contexts`, as a map (`name: path`) or a list (`name=path`). */
export function composeContextNames(text: string): string[] {
  const names: string[] = [];
  for (const service of composeServices(text) ?? []) {
    const contexts = field(field(service, "build"), "additional_contexts");
    if (Array.isArray(contexts)) {
      for (const entry of contexts) if (typeof entry === "string" && entry.includes("=")) names.push(entry.slice(0, entry.indexOf("=")).trim());
    } else if (isRecord(contexts)) {
      names.push(...Object.keys(contexts));
    }
  }
  return names.filter((n) => n !== "");
}

/** Keys of every `contexts = { ... }` block of a bake HCL file (`name = "path"`, `"name" = "target:x"`). */
export function bakeHclContextNames(text: string): string[] {
  const names: string[] = [];
  for (const block of text.matchAll(/\bcontexts\s*=\s*\{([^}]*)\}/g)) {
    for (const key of block[1].matchAll(/(?:^|[\s,{])"?([A-Za-z0-9_][A-Za-z0-9_.\-/]*)"?\s*=/g)) names.push(key[1]);
  }
  return names;
}

/** `target.<name>.contexts` keys of a bake JSON file. */
export function bakeJsonContextNames(text: string): string[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return [];
  }
  const targets = field(document, "target");
  if (!isRecord(targets)) return [];
  return Object.values(targets).flatMap((target) => {
    const contexts = field(target, "contexts");
    return isRecord(contexts) ? Object.keys(contexts) : [];
  });
}

/** A file's text, or null when absent, unreadable, not a regular file or too large to be project configuration. */
export async function readSmallText(path: string): Promise<string | null> {
  // Absent (the usual case), unreadable, not a regular file or too large: it declares nothing.
  const read = await readTextFile(path, MAX_FILE_BYTES);
  return read.ok ? read.text : null;
}
