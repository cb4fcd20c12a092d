// One answer to "how big is this image?": a built-in fact when the facts list the tag, otherwise a
// live registry answer when lookups are on, otherwise an estimate from the image's family, always
// labelled as such; or a one-line reason why nothing is known. Never throws.

import { FACTS_PROVENANCE, lookupImageSize, SizeEstimate, SizeFact } from "./facts";
import type { ImageReference } from "./reference";
import type { LiveImageSize, Result } from "./registry/types";

/** What a live lookup needs: the registry client (or anything that answers like it). */
export interface LiveSizes {
  imageSize(ref: ImageReference): Promise<Result<LiveImageSize>>;
  /** A cached answer, without any request. */
  peekImageSize(ref: ImageReference): Result<LiveImageSize> | undefined;
}

/** Whether live lookups may run now, and if not, why (shown to the user). */
export type LiveAccess = { isOn: true; sizes: LiveSizes } | { isOn: false; reason: string };

export type SizeAnswer =
  | { kind: "fact"; fact: SizeFact }
  | { kind: "live"; live: LiveImageSize }
  | { kind: "estimate"; estimate: SizeEstimate; liveProblem: string | null }
  | { kind: "unknown"; reason: string };

/** The date of the built-in facts (when the table was generated from its sources). */
export const FACTS_DATE = FACTS_PROVENANCE.generated;

/**
 * The size of the image `ref` names. `mode: "cached-only"` never sends a request (inlay hints use
 * it); a live answer then only comes from the cache.
 */
export async function lookupSize(ref: ImageReference, access: LiveAccess, mode: "live" | "cached-only" = "live"): Promise<SizeAnswer> {
  const offline = lookupImageSize(ref);
  if (offline?.kind === "fact") return { kind: "fact", fact: offline };
  if (!access.isOn) {
    if (offline) return { kind: "estimate", estimate: offline, liveProblem: null };
    // Why live lookups are off is said once, by whoever shows the answer (the hover's last line).
    return { kind: "unknown", reason: "not in the built-in facts" };
  }
  const live = mode === "live" ? await access.sizes.imageSize(ref) : access.sizes.peekImageSize(ref);
  if (live?.ok) return { kind: "live", live: live.value };
  if (offline) return { kind: "estimate", estimate: offline, liveProblem: live ? live.reason : null };
  return { kind: "unknown", reason: live ? `live lookup failed: ${live.reason}` : "not in the built-in facts; hover the image to look it up" };
}

/** Bytes for one platform of an answer, or null when unknown. */
export function bytesFor(answer: SizeAnswer, platform: string): number | null {
  switch (answer.kind) {
    case "fact":
      return platform === "linux/amd64" ? answer.fact.amd64 : platform === "linux/arm64" ? answer.fact.arm64 : null;
    case "estimate":
      return platform === "linux/amd64" ? answer.estimate.amd64 : platform === "linux/arm64" ? answer.estimate.arm64 : null;
    case "live":
      return answer.live.platforms.find((p) => p.platform === platform)?.bytes ?? null;
    case "unknown":
      return null;
  }
}
