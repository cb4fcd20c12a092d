// Tags to offer after `FROM image:`: the tags the built-in facts list (with their size), merged with
// a registry's tag list when live lookups are on. Canonical tags first, newest versions first.

import { canonicalTag, lookupTagSize, tagNames } from "./facts";
import { formatSize } from "./format-size";
import type { ImageReference } from "./reference";
import { compareVersions } from "../model/versions";
import { officialName, parseTag } from "./tags";

export interface TagSuggestion {
  tag: string;
  /** One line: the size and where it comes from, or the tag it is an alias of. */
  detail: string;
  /** Lower sorts first. */
  rank: number;
}

const MAX_SUGGESTIONS = 200;

/** Facts-backed tags of an official image starting with `prefix`. Empty for other images. */
export function factTagSuggestions(ref: ImageReference, prefix: string): TagSuggestion[] {
  const name = officialName(ref);
  if (name === null) return [];
  const out: TagSuggestion[] = [];
  for (const tag of tagNames(name)) {
    if (!tag.startsWith(prefix)) continue;
    const canonical = canonicalTag(name, tag);
    const size = lookupTagSize(name, tag);
    const sizeText = size ? `${formatSize(size.amd64)} compressed (linux/amd64, built-in facts)` : "";
    const detail = canonical !== null && canonical !== tag ? `same image as '${name}:${canonical}'${sizeText ? `; ${sizeText}` : ""}` : sizeText;
    out.push({ tag, detail, rank: canonical === tag ? 0 : 1 });
  }
  return sortSuggestions(out);
}

/** Registry tags merged under the facts' tags (which carry sizes); capped to a usable list. */
export function mergeLiveTags(facts: TagSuggestion[], live: readonly string[], registry: string, prefix: string): TagSuggestion[] {
  const known = new Set(facts.map((s) => s.tag));
  const extra = live.filter((t) => t.startsWith(prefix) && !known.has(t)).map((tag) => ({ tag, detail: `listed by ${registry}`, rank: 2 }));
  return sortSuggestions([...facts, ...extra]);
}

function sortSuggestions(suggestions: TagSuggestion[]): TagSuggestion[] {
  return suggestions
    .sort(
      (a, b) =>
        a.rank - b.rank || compareVersions(parseTag(b.tag).version, parseTag(a.tag).version) || a.tag.length - b.tag.length || a.tag.localeCompare(b.tag),
    )
    .slice(0, MAX_SUGGESTIONS);
}
