// stage-unused: a stage the final stage never reaches (through FROM, COPY --from or RUN --mount
// from=) is skipped by a default build. Dead code is reported; a stage built on purpose with
// --target (named by compose/bake/scripts or a comment, an alternative image, a variant) is not,
// nor a builder stage the ONBUILD triggers of a used stage's base image may copy from.

import { baseRepositoryOf, rootImageOf } from "../images/base-image";
import { isBuilderOfSet } from "../images/image-sets";
import { referencesByOwner } from "../model/stage-graph";
import { isVariableStageName, matchingStages } from "../model/stage-names";
import { isTriggerReference } from "../model/stage-references";
import type { DockerfileModel, Stage } from "../model/types";
import { hasVariableReference } from "../model/variables";
import type { Rule } from "./types";

/** Name parts of stages people build with `--target` (`test`, `unit-test`, `dev`, `lint-go`...). */
const TARGET_PARTS = new Set([
  "test",
  "tests",
  "testing",
  "unittest",
  "unittests",
  "integration",
  "e2e",
  "smoke",
  "smoketest",
  "spec",
  "specs",
  "coverage",
  "dev",
  "devel",
  "develop",
  "development",
  "devcontainer",
  "local",
  "debug",
  "shell",
  "lint",
  "lints",
  "linter",
  "check",
  "checks",
  "vet",
  "fmt",
  "format",
  "validate",
  "verify",
  "analyze",
  "audit",
  "scan",
  "security",
  "ci",
  "docs",
  "doc",
  "bench",
  "benchmark",
  "benchmarks",
  "export",
  "artifact",
  "artifacts",
  "binaries",
  "release",
  "prod",
  "production",
  "dist",
  "package",
]);

/** Instructions that only configure how an image runs: a stage of these alone writes no files. */
const RUN_TIME_CONFIG = new Set(["USER", "CMD", "ENTRYPOINT", "EXPOSE", "ENV", "LABEL", "WORKDIR", "HEALTHCHECK", "VOLUME", "STOPSIGNAL", "ARG", "SHELL"]);

export const rule: Rule = {
  meta: {
    id: "stage-unused",
    family: "stages",
    // The catalog's default (DESIGN §2); a truly dead stage is raised to info below.
    severity: "hint",
    description: "Remove stages the final stage does not use, or build them on purpose with --target.",
    fix: "none",
    equivalents: {},
    messages: {
      unused: "Stage '{name}' is never used by the final stage or a target; remove it.",
      unusedUnnamed: "Unnamed stage {index} (FROM '{image}') is never used and cannot be a --target; remove it.",
    },
  },
  // No fix: deleting a stage would break a `docker build --target <stage>` a script or CI runs.
  check(model, report) {
    if (model.stages.length < 2) return;
    const used = reachableFrom(model, model.finalStage ? [model.finalStage] : []);
    const unused = model.stages.filter((s) => !used.has(s));
    // Only the entry points of the unused part are reported: a stage that another unused stage
    // builds on or copies from is built with it (`lint` mounting `golangci-lint`), and removing
    // it alone would break that stage.
    const neededByUnused = dependenciesOfAll(model, unused);
    const evidence = targetEvidence(model);
    for (const stage of unused) {
      if (neededByUnused.has(stage)) continue;
      const name = stage.nameToken;
      // `AS ${NAME}`: which references name it cannot be told (stage-name-invalid reports it).
      if (name && isVariableStageName(name.value)) continue;
      if (!name) {
        report({
          range: stage.base.token.range,
          messageId: "unusedUnnamed",
          data: { index: stage.index, image: stage.base.token.value },
          tags: ["unnecessary"],
          severity: "info",
        });
        continue;
      }
      // Built on purpose: a project file or a comment names the target, or the file says it is
      // multi-target; an alternative image (own CMD, or a variant of a shared stage) likewise.
      if (evidence.isMultiTarget || evidence.isNamed(name.value)) continue;
      // A conventional target name (`test`, `dev`, `production`), an export stage, an alternative
      // image or a variant: built with --target by something the project's files may not show
      // (CI in another folder, a release script), so the tool cannot know it is dead: silent.
      if (targetKind(model, stage, used)) continue;
      // The image a used stage starts from may copy from it in an ONBUILD trigger the file cannot show.
      if (mayBeCopiedByBaseTriggers(stage, used)) continue;
      report({ range: name.range, messageId: "unused", data: { name: name.value }, tags: ["unnecessary"], severity: "info" });
    }
  },
};

/** Comments that say a Dockerfile is built per target (`docker build --target x`, compose `#target`). */
const MULTI_TARGET_COMMENT = /(?:--|#)target\b|\b(?:build|docker|image|separate) targets?\b|\btarget stages?\b|\bseparate images\b/i;

interface TargetEvidence {
  /** The file declares itself multi-target in a comment: its unused named stages are its targets. */
  isMultiTarget: boolean;
  /** A project file (compose, bake, scripts, CI) or a comment of this file names the stage. */
  isNamed(name: string): boolean;
}

function targetEvidence(model: DockerfileModel): TargetEvidence {
  const targets = new Set((model.context.buildTargets ?? []).map((t) => t.toLowerCase()));
  const comments = model.comments.map((c) => c.content);
  const isMultiTarget = comments.some((c) => MULTI_TARGET_COMMENT.test(c));
  // A name in any comment of a multi-target file (its table of targets), else only in a comment
  // that speaks of targets (`# build it with --target tomcat`): `# builder stage` proves nothing.
  const words = (c: string) =>
    c
      .toLowerCase()
      .split(/[^a-z0-9_.-]+/)
      .map((w) => w.replace(/^[.-]+|[.-]+$/g, ""));
  const named = new Set(comments.filter((c) => isMultiTarget || /target/i.test(c)).flatMap(words));
  return {
    isMultiTarget,
    isNamed: (name) => targets.has(name.toLowerCase()) || named.has(name.toLowerCase()),
  };
}

/**
 * What a target-like stage is for: a conventional part of its name (`test` in `unit-test`);
 * `export` for a `FROM scratch` stage that only copies files, the shape `--output` exports use;
 * `image` for a stage that sets CMD or ENTRYPOINT, an alternative image of a multi-target file
 * (leftover build stages do not set them); `variant` for a stage built on a stage that the final
 * stage or another stage also builds on (`FROM app AS app-cloudrun`), a published flavour, or
 * for a stage built on another stage that only sets how the image runs (`FROM nightly AS
 * nightly-rootless` + `USER node`): it builds no files, so it can only be meant as an image.
 */
function targetKind(model: DockerfileModel, stage: Stage, used: Set<Stage>, depth = 0): string | null {
  if (depth > 8) return null;
  const part = (stage.name ?? "")
    .toLowerCase()
    .split(/[-_.]/)
    .find((p) => TARGET_PARTS.has(p));
  if (part) return part;
  const isExport =
    stage.base.kind === "scratch" && stage.instructions.length > 0 && stage.instructions.every((i) => i.keyword === "COPY" || i.keyword === "ADD");
  if (isExport) return "export";
  if (stage.instructions.some((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT")) return "image";
  const parent = stage.base.stage;
  if (parent && (used.has(parent) || model.stages.some((s) => s !== stage && s.base.stage === parent))) return "variant";
  if (parent && stage.instructions.length > 0 && stage.instructions.every((i) => RUN_TIME_CONFIG.has(i.keyword))) return "variant";
  // Built on a stage that is itself a target (`FROM dbt-core AS dbt-third-party`, where dbt-core is
  // one of several images on a shared base): a flavour of that target, built with --target too.
  if (parent && !used.has(parent) && parent !== stage && targetKind(model, parent, used, depth + 1)) return "variant";
  return null;
}

/**
 * True when a used stage starts directly from the final image of a builder/final set that the
 * stage's own base image belongs to (`FROM ghcr.io/acme/rails-base-builder AS builder`, then `FROM
 * ghcr.io/acme/rails-base-final`): the final image's ONBUILD triggers, which BuildKit runs in the
 * stage built on it, may `COPY --from=builder`. They live in the remote image, so the stage may be used.
 */
function mayBeCopiedByBaseTriggers(stage: Stage, used: Set<Stage>): boolean {
  const own = baseRepositoryOf(rootImageOf(stage).stage);
  if (own === null) return false;
  return [...used].some((s) => {
    const base = s.base.kind === "image" ? baseRepositoryOf(s) : null;
    return base !== null && isBuilderOfSet(own, base);
  });
}

/** Stages the roots build, the roots included. */
function reachableFrom(model: DockerfileModel, roots: Stage[]): Set<Stage> {
  const seen = new Set<Stage>();
  const stack = [...roots];
  // A reference through a build argument may name every earlier matching stage, so listing each
  // stage's dependencies made a file of `FROM ${BASE} AS sN` stages quadratic; each matching list
  // is walked once instead, only as far as the furthest bound asked for so far.
  const walked = new Map<readonly Stage[], number>();
  while (stack.length > 0) {
    const stage = stack.pop() as Stage;
    if (seen.has(stage)) continue;
    seen.add(stage);
    const { direct, patterns } = dependencyParts(model, stage);
    for (const dep of direct) if (!seen.has(dep)) stack.push(dep);
    for (const { matching, before } of patterns) {
      let at = walked.get(matching) ?? 0;
      for (; at < matching.length && matching[at].index < before; at++) if (!seen.has(matching[at])) stack.push(matching[at]);
      walked.set(matching, at);
    }
  }
  return seen;
}

/** Every stage some stage of `owners` may need (a stage's need of itself left out). */
function dependenciesOfAll(model: DockerfileModel, owners: Stage[]): Set<Stage> {
  const out = new Set<Stage>();
  // Per matching list, the two furthest bounds of two different owners: an element is needed when
  // an owner other than itself reaches past it, which one of those two then does.
  const bounds = new Map<readonly Stage[], { first: { before: number; owner: Stage }; second?: { before: number; owner: Stage } }>();
  for (const owner of owners) {
    const { direct, patterns } = dependencyParts(model, owner);
    for (const dep of direct) if (dep !== owner) out.add(dep);
    for (const { matching, before } of patterns) {
      const known = bounds.get(matching);
      const bound = { before, owner };
      if (!known) bounds.set(matching, { first: bound });
      else if (before > known.first.before) bounds.set(matching, { first: bound, second: known.first.owner === owner ? known.second : known.first });
      else if (owner !== known.first.owner && (!known.second || before > known.second.before)) known.second = bound;
    }
  }
  for (const [matching, { first, second }] of bounds) {
    for (const stage of matching) {
      const needed = (stage.index < first.before && stage !== first.owner) || (second !== undefined && stage.index < second.before && stage !== second.owner);
      if (needed) out.add(stage);
    }
  }
  return out;
}

/**
 * What `stage` may need. Unlike the model's reachability it counts a reference through a build
 * argument (`FROM build-${VARIANT}`, `--from=${BUILDER}`) as possibly naming every stage its
 * pattern matches, since `--build-arg` can select any of them, and it leaves out ONBUILD triggers,
 * which name stages of a downstream build. `direct`: stages named outright; `patterns`: the
 * stages a word with variables matches (in document order), those with an index under `before`.
 */
function dependencyParts(model: DockerfileModel, stage: Stage): { direct: Stage[]; patterns: { matching: readonly Stage[]; before: number }[] } {
  const direct: Stage[] = [];
  const patterns: { matching: readonly Stage[]; before: number }[] = [];
  if (stage.base.stage) direct.push(stage.base.stage);
  if (hasVariableReference(stage.base.token.value)) patterns.push({ matching: matchingStages(model, stage.base.token), before: stage.index });
  for (const ref of referencesByOwner(model).get(stage) ?? []) {
    if (ref.kind === "from" || isTriggerReference(ref)) continue;
    if (ref.target) direct.push(ref.target);
    if (hasVariableReference(ref.token.value)) patterns.push({ matching: matchingStages(model, ref.token), before: model.stages.length });
  }
  return { direct, patterns };
}
