// Tags that move: `latest`, channel tags (`lts`, `stable`, `edge`) and bare variants of versioned
// official images (`golang:alpine`, `python:slim`), plus the images for which following a moving
// tag is the only choice or the purpose (published only as `latest`; nightly builds).

import { copyPaths, isSameOrParentPath, joinPath, unquoteWord } from "../model/copy-paths";
import { finalImageStages } from "../model/final-image";
import { workdirOf } from "../model/workdir";
import type { DockerfileModel, Stage, StageReference } from "../model/types";
import { looksLikeImage } from "./official-images";
import type { ImageReference } from "./reference";
import { parseImageReference } from "./reference";
import { buildReferences } from "../model/stage-references";
import { officialName } from "./tags";

/** Channel words that name whatever release is current. */
const CHANNEL_WORDS = new Set(["latest", "lts", "stable", "current", "edge", "rolling", "mainline"]);
/** Official images whose tags are release names rather than versions, where a word tag is pinned. */
const NAMED_RELEASES = new Set(["debian", "ubuntu", "busybox", "buildpack-deps", "centos", "fedora", "amazonlinux", "oraclelinux", "hello-world"]);
/** Release names of those images that roll: Debian's testing and unstable (sid), Ubuntu's devel. */
const ROLLING_RELEASES: Readonly<Record<string, readonly string[]>> = {
  debian: ["testing", "unstable", "sid"],
  "buildpack-deps": ["testing", "unstable", "sid"],
  ubuntu: ["devel"],
};

/**
 * How a tag floats: `latest`; `channel` (`lts`, `stable-slim`, `lts-alpine`); `variant` (a bare
 * variant of a versioned official image, `golang:alpine`); null when it pins a version or a
 * digest pins the image.
 */
export function floatingKind(ref: ImageReference): "latest" | "channel" | "variant" | null {
  if (ref.digest !== null || ref.tag === null) return null;
  const tag = ref.tag.toLowerCase();
  if (tag === "latest") return "latest";
  const words = tag.split(/[-_.]/);
  // `lts-alpine`, `stable-slim`, `latest-debian`; not `...-edge-145.0` (a browser) or `3-latest` (a major line);
  // `edge-25.11.3` and `latest-rust-1.95` carry a version after the channel: judged pinned.
  const hasVersion = words.some((w) => /^v?\d+$/.test(w)) || /\d+\.\d+/.test(tag);
  if ((CHANNEL_WORDS.has(words[0]) && !hasVersion) || (!/\d/.test(tag) && words.some((w) => CHANNEL_WORDS.has(w)))) return "channel";
  if (/\d/.test(tag)) return null;
  // A word tag of a versioned official image floats over its versions (`python:bookworm` too).
  const name = officialName(ref);
  if (name !== null && ROLLING_RELEASES[name]?.includes(words[0])) return "channel";
  return name === null || NAMED_RELEASES.has(name) ? null : "variant";
}

/**
 * Images that are published only as a moving tag (Chainguard's free images, openSUSE Tumbleweed,
 * distroless `*-debianNN`),
 * where no version tag exists to pin, or whose point is to be current (nightly builds): pinning
 * them means a digest kept fresh by a bot, which is the project's choice, not a defect.
 */
export function isMovingByDesign(ref: ImageReference): boolean {
  const path = `${ref.registry}/${ref.repository}`;
  if (/^cgr\.dev\/chainguard\//.test(path) || /^docker\.io\/chainguard\//.test(path)) return true;
  if (/(?:^|\/)opensuse\/tumbleweed$/.test(path)) return true;
  // Distroless publishes no version tags: `cc-debian12` names its Debian release, and only a
  // digest pins further. Without the suffix (`distroless/static`) the release floats: judged.
  if (/^gcr\.io\/distroless\/[\w.-]+-debian\d+$/.test(path)) return true;
  const nightly = /(?:^|[-_/.])(?:nightly|weekly|snapshot)(?:$|[-_.])/;
  return nightly.test(ref.repository) || nightly.test(ref.tag ?? "");
}

/** `COPY --from=<image>` and `RUN --mount=from=<image>` that name an image rather than a stage. */
export function imageReferences(model: DockerfileModel): { ref: StageReference; image: ImageReference }[] {
  const out: { ref: StageReference; image: ImageReference }[] = [];
  for (const ref of buildReferences(model)) {
    if (ref.kind === "from" || ref.target !== null || ref.isIndex) continue;
    if (ref.resolved.includes("$") || !looksLikeImage(ref.resolved)) continue;
    // A name the project passes as a build context is a folder, not an image.
    if (isNamedContext(model, ref.resolved)) continue;
    const image = parseImageReference(ref.resolved.replace(/^docker-image:\/\//, ""));
    if (image) out.push({ ref, image });
  }
  return out;
}

/**
 * Whether compose or bake passes a build context of this name (`php-base =
 * "docker-image://php:8.4-zts"`): `FROM php-base` then builds on what the project pins there.
 */
export function isNamedContext(model: DockerfileModel, name: string): boolean {
  return (model.context.namedContexts ?? []).some((n) => n.toLowerCase() === name.toLowerCase());
}

/** Commands that fetch or unpack files: what a fetch-only stage hands on comes from them. */
const FETCHERS = new Set(["wget", "curl", "unzip", "tar", "gunzip", "gzip", "xz", "bunzip2"]);

/** Commands that only fetch, unpack and move files (and install the tools to do so). */
const FETCH_COMMANDS = new Set([
  "wget",
  "curl",
  "unzip",
  "tar",
  "gunzip",
  "gzip",
  "xz",
  "bunzip2",
  "mv",
  "cp",
  "mkdir",
  "rm",
  "chmod",
  "chown",
  "ln",
  "echo",
  "true",
  "test",
  "[",
  "cd",
  "sha256sum",
  "sha512sum",
  "md5sum",
  "apk",
  "apt-get",
  "if",
  "then",
  "else",
  "fi",
]);

/**
 * A throwaway stage that only fetches or unpacks files (`ADD app.tar.gz /opt`, `RUN wget ... &&
 * unzip ...`) for a later stage to copy: what it hands on does not depend on which release of its
 * base ran the download, and nothing of the base ships. Needs at least one ADD or a fetch or
 * unpack command: a stage with none is copied from for what the image itself holds, and one that
 * only installs packages (`apk add ca-certificates`) hands on files of its base's release.
 */
export function isFetchOnlyStage(model: DockerfileModel, stage: Stage): boolean {
  if (finalImageStages(model).has(stage)) return false;
  const steps = stage.instructions.filter((i) => i.keyword === "RUN" || i.keyword === "ADD");
  if (!steps.some((i) => i.keyword === "ADD" || i.commands.some((c) => FETCHERS.has(c.name)))) return false;
  return steps.every((i) => i.keyword === "ADD" || (i.commands.length > 0 && i.commands.every((c) => c.name === "" || FETCH_COMMANDS.has(c.name))));
}

/**
 * A throwaway stage that only collects files (COPY/ADD from the context or other stages, no RUN)
 * and is used only as a `COPY --from` source of what it collected: the later stages take the
 * files it was given, never anything of its base image, so which release the tag names changes
 * nothing that ships. A stage copied from for paths its base provides (`/usr/local/bin/node`),
 * or built upon by another stage, is not one.
 */
export function isCollectOnlyStage(model: DockerfileModel, stage: Stage): boolean {
  if (finalImageStages(model).has(stage)) return false;
  if (stage.instructions.some((i) => i.keyword === "RUN" || i.keyword === "ONBUILD")) return false;
  const collected: string[] = [];
  for (const instruction of stage.instructions) {
    const paths = copyPaths(instruction);
    if (paths === null) continue;
    const workdir = workdirOf(model, stage, instruction);
    const dest = unquoteWord(paths.dest.value);
    if (!dest.startsWith("/") && workdir === null) return false;
    collected.push(joinPath(workdir ?? "/", dest));
  }
  if (collected.length === 0) return false;
  const uses = buildReferences(model).filter((r) => r.target === stage);
  if (uses.length === 0) return false;
  return uses.every((use) => {
    if (use.kind !== "copy") return false;
    const sources = copyPaths(use.instruction)?.sources ?? [];
    return sources.length > 0 && sources.every((s) => collected.some((dir) => isSameOrParentPath(dir, joinPath("/", s.value))));
  });
}

/** The source repository a Dockerfile's image declares: `LABEL org.opencontainers.image.source=https://github.com/<owner>/<repo>`. */
const SOURCE_LABEL = /^["']?org\.opencontainers\.image\.source["']?=["']?(?:https?:\/\/|git@)[^/:]+[/:]([A-Za-z0-9_.-]+)\//;

/**
 * True when the image belongs to the project that builds this Dockerfile: its namespace is the
 * owner of the source repository the file's OCI label names (`restic/builder` in a file labelled
 * `https://github.com/restic/restic`). The project publishes that image itself, usually from the
 * same CI run, and follows its moving tag in lockstep with its own releases.
 */
export function isProjectOwnImage(model: DockerfileModel, ref: ImageReference): boolean {
  const namespace = ref.repository.split("/")[0].toLowerCase();
  if (ref.isOfficial || !ref.repository.includes("/")) return false;
  return model.instructions.some((i) => i.keyword === "LABEL" && i.args.some((a) => SOURCE_LABEL.exec(a.value)?.[1].toLowerCase() === namespace));
}
