// Rewrites the tag of an image reference in place (`node:24` -> `node:24-slim`, `node` ->
// `node:26`), keeping registry and path exactly as written.

import type { TextEdit } from "../model/text";
import type { Token } from "../model/types";

/**
 * Edits that give the image token `newTag`, or null when the token cannot be rewritten safely:
 * it holds variables (the tag may come from a build argument) or a digest (which pins the image
 * regardless of the tag).
 */
export function replaceImageTag(token: Token, newTag: string): TextEdit[] | null {
  const value = token.value;
  if (value.includes("$") || value.includes("@") || /\s/.test(value)) return null;
  const colon = value.lastIndexOf(":");
  const repository = colon > value.lastIndexOf("/") ? value.slice(0, colon) : value;
  return [{ range: token.range, newText: `${repository}:${newTag}` }];
}
