// Rewrites the tag of an image reference in place (`node:24` -> `node:24-slim`, `node` ->
// `node:26`), keeping registry and path exactly as written.

import { pinnedTagFor } from "../images/facts";
import type { ImageReference } from "../images/reference";
import { officialName } from "../images/tags";
import type { TextEdit } from "../model/text";
import type { Token } from "../model/types";

/**
 * Edits that give the image token `newTag`, or null when the token cannot be rewritten safely:
 * it holds variables (the tag may come from a build argument) or a digest (which pins the image
 * regardless of the tag).
 */
export function replaceImageTag(token: Token, newTag: string): TextEdit[] | null {
  const value = token.value;
  // A quoted word (`"node:latest"`) would lose its closing quote: no edit.
  if (value.includes("$") || value.includes("@") || /[\s"']/.test(value)) return null;
  const colon = value.lastIndexOf(":");
  const repository = colon > value.lastIndexOf("/") ? value.slice(0, colon) : value;
  return [{ range: token.range, newText: `${repository}:${newTag}` }];
}

/** Pinning `latest` (named or implied) to the version it was when the built-in facts were taken. */
export interface LatestPin {
  /** `name:version`, for messages. */
  readonly image: string;
  /** The suggestion; absent when the token cannot be rewritten (variables, digest). */
  readonly suggestion?: { title: string; edits: TextEdit[] };
}

/**
 * What `latest` of an official image was in the facts, as a suggestion on `token`; null for
 * images the facts do not cover. A suggestion, never a fix: the user chooses the version line.
 */
export function pinLatest(ref: ImageReference, token: Token): LatestPin | null {
  const name = officialName(ref);
  const pinned = name ? pinnedTagFor(name, "latest") : null;
  if (!name || !pinned) return null;
  const image = `${name}:${pinned}`;
  const edits = replaceImageTag(token, pinned);
  return edits ? { image, suggestion: { title: `Pin to '${image}' (what 'latest' was in the built-in facts)`, edits } } : { image };
}
