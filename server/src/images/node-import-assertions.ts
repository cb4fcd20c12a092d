// Import assertions (`import data from "./data.json" assert { type: "json" }`): V8 dropped the
// syntax for import attributes (`with { type: "json" }`), and Node.js 22 was the first release to
// ship without it, so an app that still writes `assert` stops at start there with a SyntaxError.

import type { ImageReference } from "./reference";
import { officialName, parseTag } from "./tags";

/** The first Node.js major that rejects import assertions. */
const FIRST_NODE_WITHOUT_IMPORT_ASSERTIONS = 22;

/** The Node.js major an official node image's tag names, or null (another image, or no version: `node:lts`). */
function nodeMajor(ref: ImageReference, tag = ref.tag): number | null {
  if (officialName(ref) !== "node") return null;
  return parseTag(tag ?? "").version[0] ?? null;
}

/** True for an official node image whose Node still runs import assertions (older than 22); false for none. */
export function runsImportAssertions(ref: ImageReference | null): boolean {
  if (ref === null) return false;
  const major = nodeMajor(ref);
  return major !== null && major < FIRST_NODE_WITHOUT_IMPORT_ASSERTIONS;
}

/** True when moving `ref` to the node image tag `tag` crosses into a Node that rejects import assertions. */
export function moveRejectsImportAssertions(ref: ImageReference, tag: string | undefined): boolean {
  if (!runsImportAssertions(ref)) return false;
  // No tag named: every Node still supported rejects them.
  const target = tag === undefined ? null : nodeMajor(ref, tag);
  return target === null || target >= FIRST_NODE_WITHOUT_IMPORT_ASSERTIONS;
}
