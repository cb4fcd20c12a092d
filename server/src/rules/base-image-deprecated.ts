// base-image-deprecated: a base image that its publisher deprecated, or a version past its end of
// life, gets no more security fixes. The data is dated (images/lifecycle.ts); messages say when.
// One problem, one finding: stages on the same image get one warning, on the first FROM.

import { replaceImageTag } from "../fixes/image-tag";
import type { LifecycleNote } from "../images/lifecycle";
import { baseImageOf } from "../images/base-image";
import { isNamedContext } from "../images/floating-tags";
import { lifecycleOf } from "../images/lifecycle";
import { parseImageReference } from "../images/reference";
import { finalImageStages } from "../model/final-image";
import { buildReferences } from "../model/stage-references";
import type { DockerfileModel, Stage } from "../model/types";
import type { Fix, Rule } from "./types";

/**
 * Stages that exist once per version of one image, each only a `COPY --from` source: `FROM
 * postgres:13 AS pg13`, `FROM postgres:14 AS pg14`, ... copying out the client binaries for a
 * runtime that must talk to every server version. Two or more tags of one repository, none with a
 * RUN of its own (they are sources of the image's files, not builders), no stage built on any of
 * them, none in the final image.
 */
function versionMatrixStages(model: DockerfileModel): Set<Stage> {
  const finals = finalImageStages(model);
  const references = buildReferences(model);
  const builtOn = new Set(references.flatMap((r) => (r.kind === "from" && r.target !== null ? [r.target] : [])));
  const copiedFrom = new Set(references.flatMap((r) => (r.kind === "copy" && r.target !== null ? [r.target] : [])));
  const byRepository = new Map<string, { stage: Stage; tag: string }[]>();
  for (const stage of model.stages) {
    const ref = baseImageOf(stage);
    if (!ref || ref.tag === null || finals.has(stage) || builtOn.has(stage) || stage.instructions.some((i) => i.keyword === "RUN")) continue;
    const key = `${ref.registry}/${ref.repository}`;
    byRepository.set(key, [...(byRepository.get(key) ?? []), { stage, tag: ref.tag }]);
  }
  const out = new Set<Stage>();
  for (const group of byRepository.values()) {
    if (new Set(group.map((g) => g.tag)).size < 2) continue;
    if (group.every(({ stage }) => copiedFrom.has(stage))) for (const { stage } of group) out.add(stage);
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: "base-image-deprecated",
    family: "base-images",
    severity: "warning",
    description: "Move off deprecated base images and end-of-life versions.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      endOfLife: "'{image}' is {subject}, end of life since {since}; move to {replacement}.{others}",
      deprecated: "'{image}' uses {subject}, deprecated since {since}; use {replacement}.{others}",
      sameAsFirst: "Same end-of-life base as line {line} ('{image}'); move it with that one.",
    },
  },
  check(model, report) {
    const byImage = new Map<string, { stage: Stage; note: LifecycleNote }[]>();
    const matrix = versionMatrixStages(model);
    for (const stage of model.stages) {
      // One stage per version of a client image, on purpose: an old version there is the point.
      if (matrix.has(stage)) continue;
      const ref = baseImageOf(stage);
      // `FROM php-base` where bake passes `php-base` as a context: the project pins it there.
      if (isNamedContext(model, stage.base.resolved)) continue;
      if (!ref) continue;
      const [note] = lifecycleOf(ref);
      if (!note) continue;
      const group = byImage.get(stage.base.resolved) ?? [];
      group.push({ stage, note });
      byImage.set(stage.base.resolved, group);
    }
    for (const [image, group] of byImage) {
      const [{ stage, note }, ...rest] = group;
      const lines = rest.map((r) => r.stage.from.range.start.line + 1);
      const replacement = replacementFor(image, note);
      report({
        range: stage.base.token.range,
        messageId: note.kind === "deprecated" ? "deprecated" : "endOfLife",
        data: {
          image,
          subject: brief(note.subject),
          since: note.since,
          asOf: note.asOf,
          source: note.source,
          replacement: replacement.text,
          others: lines.length > 0 ? ` Also the base of line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}.` : "",
        },
        suggest: replacement.tag ? suggestions([stage, ...rest.map((r) => r.stage)], replacement.tag) : undefined,
        tags: ["deprecated"],
      });
      // The other stages keep a quiet marker (and the same lightbulb) where the image is written.
      for (const other of rest) {
        report({
          range: other.stage.base.token.range,
          messageId: "sameAsFirst",
          data: { line: stage.from.range.start.line + 1, image },
          severity: "hint",
          suggest: replacement.tag ? suggestions([other.stage], replacement.tag) : undefined,
          tags: ["deprecated"],
        });
      }
    }
  },
};

/** No fix, a suggestion: a new major version or distribution release changes behaviour. */
function suggestions(stages: Stage[], tag: string): Fix[] | undefined {
  const edits = stages.map((s) => replaceImageTag(s.base.token, tag));
  if (edits.some((e) => e === null)) return undefined;
  const image = stages[0].base.resolved.replace(/:[^:/@]*$/, "");
  return [{ title: `Move to '${image}:${tag}'`, edits: edits.flat() as NonNullable<(typeof edits)[number]> }];
}

/** The first alternative, without asides: the rest is in the hover and the docs page. */
function brief(text: string): string {
  return text
    .replace(/\s*\([^)]*\)/g, "")
    .split(/, | or /)[0]
    .trim();
}

/** Debian and Alpine releases no longer published for current language images. */
const OLD_DISTRO_WORD = /^(?:jessie|stretch|buster|bullseye)$/;

/**
 * The replacement as written in the lifecycle table, with the variant of the image kept:
 * `node:20-alpine` moves to `node:24-alpine`, never to `node:24`. Distribution versions in the
 * variant (`alpine3.13`, `bullseye`) are dropped, since they are what went out of support.
 */
function replacementFor(image: string, note: LifecycleNote): { text: string; tag?: string } {
  const suggested = brief(note.replacement ?? "a supported release");
  const m = /^([\w.-]+(?:\/[\w.-]+)*):([\w.-]+)$/.exec(suggested);
  if (!m) return { text: suggested };
  const ref = parseImageReference(image);
  const written = parseImageReference(suggested);
  if (!ref || !written || ref.familiarName !== written.familiarName || ref.tag === null) return { text: `'${suggested}'` };
  const variant = ref.tag
    .replace(/^v?\d+(?:\.\d+)*(?:_\d+|u\d+(?:-b\d+)?|rc\d+)?/, "")
    .split("-")
    .filter((w) => w !== "" && !OLD_DISTRO_WORD.test(w))
    .map((w) => w.replace(/^alpine\d+(?:\.\d+)*$/, "alpine"))
    .join("-");
  const kept = variant.split("-").filter((w) => w !== "" && !m[2].split("-").includes(w));
  const tag = kept.length === 0 || variant === ref.tag.toLowerCase() ? m[2] : `${m[2]}-${kept.join("-")}`;
  // A long registry path would push the remedy past the message's 100 characters: name the tag.
  return { text: ref.registry === "docker.io" ? `'${m[1]}:${tag}'` : `tag '${tag}'`, tag };
}
