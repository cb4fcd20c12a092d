// Why a file cannot simply take the newest release of its base: a comment that says the version is
// held and why, package sources pointed at the release's archive, or a runtime that must match the
// release of the builder it copies from.

import { rootImageOf } from "./base-image";
import { baseRelease, distroRelease, releaseCodename, isRebuiltOnNewest, sameImage, variantRelease } from "./distro-release";
import type { ImageReference } from "./reference";
import { officialName } from "./tags";
import { detectBuildSteps } from "../model/build-steps";
import { commentsAbove, commentsBelow, commentsBetween } from "../model/comments";
import { archiveRepoint } from "../model/release-target";
import { runCommands } from "../model/run-commands";
import { withDescendants } from "../model/stage-graph";
import { buildReferences } from "../model/stage-references";
import { escapeRegExp, lineOf } from "../model/text";
import type { DockerfileModel, Stage } from "../model/types";
import { variableNames } from "../model/variables";

/** Words that say a version is held on purpose: "Using 3.18 because ... was removed", "pinned until". */
const HOLD_REASON = /\b(?:because|stays?|staying|kept|keeps?|pinned|pins?|requires?|required|needs?|dropped|removed|until|compatib\w*|breaks?|broken)\b/i;

/**
 * A note that the base is kept for the age of its C library ("newer glibc causes compatibility
 * issues"): a program compiled on it must not need a newer C library than the hosts it runs on.
 */
const C_LIBRARY = /\b(?:glibc|libc|musl)(?![-\w])/i;
const LIBRARY_AGE = /\b(?:older|newer|compatib)/i;
const keptForCLibrary = (comment: string) => C_LIBRARY.test(comment) && LIBRARY_AGE.test(comment);

export type Held = { kind: "comment" } | { kind: "archive"; line: number } | { kind: "builder"; line: number } | { kind: "runtime"; line: number };

/**
 * Why the stages cannot simply take the newest release: a comment on the FROM, or on the ARG that
 * supplies its version, that names the version with a reason (the project knows and says why); or
 * a distribution image that runs what a builder on another image of the same release compiled
 * (`COPY --from`, in its stages or those built on them), whose libraries it must match, so both
 * move together; or stages whose build a stage on another image of the same release runs.
 */
export function heldBack(model: DockerfileModel, stages: readonly Stage[], ref: ImageReference): Held | null {
  const version = /^v?(\d+(?:\.\d+)*)/.exec(ref.tag ?? "")?.[1];
  // A release the tag names by codename is written by number in notes too (`ubuntu:bionic`, "compatible
  // with ubuntu 18.04..22.04": held-out BK, wal-g's CI build image).
  const numbered = version ?? distroRelease(ref)?.version;
  const versions = numbered ? [...new Set([numbered, numbered.split(".").slice(0, 2).join(".")])] : [];
  // A release the tag names by codename (`debian:bullseye`, `python:3.9-buster`) is written so in notes too.
  const codename = releaseCodename(ref);
  const versionMention = versions.length > 0 ? new RegExp(`(?<![\\d.])(?:${versions.map(escapeRegExp).join("|")})(?![\\d])`) : null;
  const codenameMention = codename !== null && codename !== "alpine" ? new RegExp(`\\b${escapeRegExp(codename)}\\b`, "i") : null;
  const mentions = (comment: string) => versionMention?.test(comment) === true || codenameMention?.test(comment) === true;
  for (const stage of stages) {
    const argNames = variableNames(stage.base.token.value);
    const args = model.globalArgs.filter((a) => argNames.includes(a.name)).map((a) => a.instruction);
    // The note may sit above the FROM (or the ARG of its version), or under the FROM line before
    // the stage's first instruction, a blank line between them or not.
    const first = stage.instructions[0];
    const below = first ? commentsBetween(model, stage.from.range.end.line, first.range.start.line).map((c) => c.content) : commentsBelow(model, stage.from);
    const comments = [...[stage.from, ...args].flatMap((i) => commentsAbove(model, i)), ...below];
    // It names the version and why it stays, or says the base is kept for its C library ("newer
    // glibc causes compatibility issues"): the binary built on it runs where that library is older.
    if (comments.some((c) => HOLD_REASON.test(c) && (mentions(c) || keptForCLibrary(c)))) return { kind: "comment" };
  }
  // Package sources pointed at the archive kept for the release (vault.centos.org,
  // archive.debian.org): the project knows the release ended and stays on it.
  const archived = baseRelease(ref) !== null ? archiveRepoint(runCommands(withDescendants(model, stages))) : null;
  if (archived !== null) return { kind: "archive", line: lineOf(archived.command.words[0]) };
  const references = buildReferences(model);
  const release = distroRelease(ref);
  if (!release) return nativeBuildForVendorRuntime(model, stages, ref, references);
  // The runtime may be copied in by a stage built on the image's stage (`FROM elixir-runner AS
  // release_image` then `COPY --from=mix_release`; held-out AN, ambry: moving the runner alone judged wrong).
  for (const stage of withDescendants(model, stages)) {
    const own = new Set(stage.instructions);
    for (const r of references) {
      if (r.kind !== "copy" || r.target === null || !own.has(r.instruction)) continue;
      const root = rootImageOf(r.target);
      if (!root.image || sameImage(root.image, ref)) continue;
      const builderRelease = variantRelease(root.image, release.family);
      // The builder's release is written and the same, or it is the bare `-alpine` of an image
      // version no longer rebuilt (`elixir:1.11-alpine`), frozen on an old release. A floating or
      // current builder (`golang:1.26-alpine`, `rust:alpine`) is on the newest: the runtime alone moves.
      if (builderRelease === undefined || (builderRelease !== null && builderRelease !== release.version)) continue;
      if (builderRelease === null && isRebuiltOnNewest(root.image)) continue;
      return { kind: "builder", line: root.stage.from.range.start.line + 1 };
    }
  }
  // The other way round: the stages build what a stage on another image of the same release runs
  // (`FROM alpine:3.20 AS unrar` compiles, `FROM jlesage/baseimage-gui:alpine-3.20-v4.12.6` copies
  // it in; held-out AS, docker-filebot): built on a newer release, it would link libraries the
  // runtime lacks, so the builders move with that base, which only the project can move.
  for (const root of runtimeRoots(model, stages, references)) {
    if (sameImage(root.image, ref)) continue;
    if (variantRelease(root.image, release.family) === release.version) return { kind: "runtime", line: root.stage.from.range.start.line + 1 };
  }
  return null;
}

/**
 * The root images of the stages that copy what `stages` (and those built on them) build, other than
 * those stages themselves: the runtimes their output must run on.
 */
function runtimeRoots(
  model: DockerfileModel,
  stages: readonly Stage[],
  references: ReturnType<typeof buildReferences>,
): { image: ImageReference; stage: Stage }[] {
  const built = new Set(withDescendants(model, stages));
  const roots: { image: ImageReference; stage: Stage }[] = [];
  for (const r of references) {
    if (r.kind !== "copy" || r.target === null || !built.has(r.target) || built.has(r.owner)) continue;
    const root = rootImageOf(r.owner);
    if (root.image) roots.push({ image: root.image, stage: root.stage });
  }
  return roots;
}

/**
 * A language image on an old release's variant (`rust:bullseye`) whose stages build a native binary
 * that a vendor's image, its tag naming no release (`librespace/satnogs-client:1.9.3`), runs: built
 * on a newer release, the binary may need a C library newer than that runtime's (held-out CQ, a
 * SatNOGS client's Rust add-on: "move to a bookworm variant" judged wrong). An official image's tag
 * follows its newest release, so only a vendor's holds the builder back.
 */
function nativeBuildForVendorRuntime(
  model: DockerfileModel,
  stages: readonly Stage[],
  ref: ImageReference,
  references: ReturnType<typeof buildReferences>,
): Held | null {
  const release = baseRelease(ref);
  if (release === null || (release.family !== "debian" && release.family !== "ubuntu" && release.family !== "alpine")) return null;
  if (!withDescendants(model, stages).some((stage) => detectBuildSteps(stage).some((step) => NATIVE_BUILDS.has(step.ecosystem)))) return null;
  for (const root of runtimeRoots(model, stages, references)) {
    if (sameImage(root.image, ref) || officialName(root.image) !== null) continue;
    if (variantRelease(root.image, release.family) === undefined && baseRelease(root.image) === null)
      return { kind: "runtime", line: root.stage.from.range.start.line + 1 };
  }
  return null;
}

/** Builds whose output links the system's C library: Rust, C and C++, Haskell, Swift. */
const NATIVE_BUILDS = new Set<string>(["rust", "c", "haskell", "swift"]);
