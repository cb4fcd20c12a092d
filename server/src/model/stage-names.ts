// What BuildKit accepts as a stage name after `AS`: it lower-cases the name, does not expand
// build arguments in it, and reserves the names `scratch` and `context`. And which stages a name
// written with variables may spell (`FROM builder-${TARGETARCH}`).

import { compileGlob, escapeGlob } from "./glob";
import type { DockerfileModel, Stage, Token } from "./types";

/** BuildKit's `validStageName`, applied to the lower-cased name. */
const VALID_STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;

/** Names that already mean something where a stage name is expected (`FROM scratch`, named contexts). */
const RESERVED_STAGE_NAMES = new Set(["scratch", "context"]);

/** True when the name is written with a variable (`AS ${NAME}`), which BuildKit does not expand. */
export function isVariableStageName(name: string): boolean {
  return name.includes("$");
}

/** True when BuildKit accepts the name once lower-cased. */
export function isValidStageName(name: string): boolean {
  return VALID_STAGE_NAME.test(name.toLowerCase());
}

/** True for `scratch` and `context`, in any case. */
export function isReservedStageName(name: string): boolean {
  return RESERVED_STAGE_NAMES.has(name.toLowerCase());
}

/** The stages (in document order) whose name the word could spell once its variables are set. */
export function matchingStages(model: DockerfileModel, word: Token): readonly Stage[] {
  // Every stage base and reference may ask with the same word (`FROM golang:${GO_VERSION}`), so
  // the stages matching a word are found once per model.
  let byWord = matchesByModel.get(model);
  if (!byWord) matchesByModel.set(model, (byWord = new Map()));
  let matching = byWord.get(word.value);
  if (!matching) byWord.set(word.value, (matching = stagesSpelledBy(model, word)));
  return matching;
}

const matchesByModel = new WeakMap<DockerfileModel, Map<string, Stage[]>>();

function stagesSpelledBy(model: DockerfileModel, word: Token): Stage[] {
  // Each variable may stand for anything: a wildcard. Matched linearly, never as a regular
  // expression, since the word comes from the file (`${V0}${V1}...${V11}x` backtracks for minutes).
  const glob = compileGlob(wildcardPattern(word.value.replace(/^["']|["']$/g, "")), { crossesSlash: true, ignoreCase: true });
  if (!glob) return [];
  return model.stages.filter((s) => glob.test(s.name ?? String(s.index)));
}

/**
 * True when the word spells stage names with variables and text of its own (`builder-${TARGETARCH}`);
 * a variable alone (`$BASE_BUILDER`) may be any name.
 */
export function isStageNamePattern(word: string): boolean {
  const pattern = wildcardPattern(word.replace(/^["']|["']$/g, ""));
  return pattern.includes("*") && pattern.replace(/\*/g, "") !== "";
}

/** The word with each `$NAME` or `${...}` (nested braces included) as `*`, the rest escaped. */
function wildcardPattern(word: string): string {
  let out = "";
  let literal = "";
  for (let i = 0; i < word.length; i++) {
    const end = variableEnd(word, i);
    if (end === i) {
      literal += word[i];
      continue;
    }
    out += `${escapeGlob(literal)}*`;
    literal = "";
    i = end - 1;
  }
  return out + escapeGlob(literal);
}

/** Where a variable reference starting at `i` ends (exclusive); `i` when none starts there. */
function variableEnd(word: string, i: number): number {
  if (word[i] !== "$") return i;
  if (word[i + 1] === "{") {
    let depth = 0;
    for (let j = i + 1; j < word.length; j++) {
      if (word[j] === "{") depth++;
      else if (word[j] === "}" && --depth === 0) return j + 1;
    }
    // Unclosed: the rest of the word is the variable's.
    return word.length;
  }
  let j = i + 1;
  if (j < word.length && isNameStart(word[j])) while (j < word.length && isNameChar(word[j])) j++;
  return j === i + 1 ? i : j;
}

function isNameStart(c: string): boolean {
  return c === "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
}

function isNameChar(c: string): boolean {
  return isNameStart(c) || (c >= "0" && c <= "9");
}
