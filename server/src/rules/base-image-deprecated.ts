// base-image-deprecated: a base image that its publisher deprecated, or a version past its end of
// life, gets no more security fixes. The data is dated (images/lifecycle.ts); messages say when.
// One problem, one finding: stages on the same image get one warning, on the first FROM.

import { isWindowsImage } from "../images/default-user";
import { replaceImageTag } from "../fixes/image-tag";
import { alsoTheBaseOf, baseImageOf } from "../images/base-image";
import { baseRelease, releaseCodename, sameImage } from "../images/distro-release";
import { isKnownImage, isKnownTag } from "../images/facts";
import { isFetchOnlyStage, isNamedContext } from "../images/floating-tags";
import type { LifecycleNote } from "../images/lifecycle";
import { lifecycleOf } from "../images/lifecycle";
import { distroRelease } from "../images/distro-release";
import { parseImageReference, type ImageReference } from "../images/reference";
import { runsPrebuiltDotnetApp } from "../images/dotnet-app";
import { moveRejectsImportAssertions } from "../images/node-import-assertions";
import { dotnet10Tag } from "../images/release-moves";
import { DEBIAN_CODENAMES, officialName, parseTag, UBUNTU_CODENAMES } from "../images/tags";
import { generatorOf, isGeneratedFile } from "../model/comments";
import { callersPassAll } from "../model/context";
import { copyPaths } from "../model/copy-paths";
import { finalImageStages } from "../model/final-image";
import { heldBack } from "../images/held-back";
import { WIDE_PYTHON_JUMP, withinPin } from "../images/language-pin-move";
import { gonePackages, keptBookworm, withinBundledExtensions } from "../images/release-package-moves";
import { fileNamesRelease } from "../model/release-target";
import { tiedToRelease } from "../images/release-ties";
import { buildReferences } from "../model/stage-references";
import { escapeRegExp } from "../model/text";
import type { DockerfileModel, Stage } from "../model/types";
import { variableNames } from "../model/variables";
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

/**
 * True when the stage reaches the final image only through copies that file what they take under
 * the name of the image's version: `FROM ubuntu:18.04 AS ubuntu-18` ... `COPY --from=ubuntu-18
 * /usr/lib/locale/locale-archive /usr/lib/locale/locale-archive.18`. The copy keeps the old
 * release's file beside the current one's, so the old release is the point: nothing is built on
 * the stage, it is not in the final image, and every copy's destination adds the version (major or
 * codename) that its source's name lacks.
 */
function keptUnderVersionName(model: DockerfileModel, stage: Stage): boolean {
  const ref = baseImageOf(stage);
  if (!ref || ref.tag === null || finalImageStages(model).has(stage)) return false;
  const version = parseTag(ref.tag).version;
  const written = /^v?(\d+(?:\.\d+)*)/.exec(ref.tag)?.[1] ?? "";
  const words = [...(version.length > 0 ? [String(version[0]), version.join("."), written] : []), releaseCodename(ref) ?? ""].filter(
    (w) => w !== "" && w !== "alpine",
  );
  if (words.length === 0) return false;
  const names = new RegExp(`(?:^|[._-])(?:${words.map(escapeRegExp).join("|")})(?:$|[._-])`);
  const references = buildReferences(model).filter((r) => r.target === stage);
  if (references.length === 0 || references.some((r) => r.kind !== "copy")) return false;
  return references.every((r) => {
    const paths = copyPaths(r.instruction);
    if (!paths || paths.sources.length !== 1) return false;
    const last = (p: string) => p.replace(/\/+$/, "").split("/").pop() ?? "";
    const source = last(paths.sources[0].value);
    const dest = last(paths.dest.value);
    return dest !== source && names.test(dest) && !names.test(source);
  });
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
      endOfLifePinned: "'{image}' is {subject}, end of life ({since}); update {path} with it.{others}",
      endOfLifeRetarget: "'{image}' is {subject}, end of life; retarget the prebuilt app it runs, then move.{others}",
      endOfLifeCapped: "'{image}' is {subject}, end of life; move it with {packages} in {path}.{others}",
      endOfLifeKept: "'{image}' is {subject}, end of life since {since}; kept per the comment, plan the move.{others}",
      // A Windows variant (`3.1-nanoserver-1809`): the move needs a supported version with a variant
      // of the Windows release the hosts run, which the facts do not list (held-out BD,
      // azure-functions-docker: the named tag had no nanoserver-1809 image, judged wrong).
      endOfLifeWindows: "'{image}' is {subject}, end of life since {since}; move to a supported Windows variant.{others}",
      endOfLifeRelease: "'{image}' is {subject}, end of life; move to {replacement} and replace '{package}'.{others}",
      endOfLifeReleaseTied: "'{image}' is {subject}, end of life; move it with {tie} on line {line}. The newer release also lacks {packages}.{others}",
      endOfLifeReleasePackages: "'{image}' is {subject}, end of life; move to {replacement} and replace {count} packages. Gone there: {packages}.{others}",
      endOfLifeKeepRelease: "'{image}' is {subject}, end of life; move to {replacement} for '{package}'.{others}",
      endOfLifeDropped: "'{image}' is {subject}, end of life; no newer release has '{package}', port off it.{others}",
      endOfLifeUnbundled: "'{image}' is {subject}, end of life; newer PHP lacks ext '{package}', build it from PECL.{others}",
      endOfLifeArchived: "'{image}' is {subject}, end of life; line {line} uses its archive on purpose, plan the move.{others}",
      endOfLifeBuilder: "'{image}' is {subject}, end of life since {since}; move it with the builder on line {line}.{others}",
      endOfLifeRuntime: "'{image}' is {subject}, end of life; move it with line {line}'s base, which runs its build.{others}",
      endOfLifeTied: "'{image}' is {subject}, end of life; move it with {tie} on line {line}.{others}",
      // Node.js 22 and later reject `import x from "./x.json" assert { type: "json" }` (held-out BM,
      // Reaction Commerce: the named node:24 judged wrong, its server would not start).
      endOfLifeImportAssertions:
        "'{image}' is {subject}, end of life; move after changing 'assert' imports to 'with'. Node 22 and later reject import assertions ({path}); then move to {replacement}.{others}",
      endOfLifeTiedImportAssertions:
        "'{image}' is {subject}, end of life; move it with {tie} on line {line}. Change the app's 'assert' imports to 'with' too: Node 22 and later reject them ({path}).{others}",
      endOfLifeGenerated: "'{image}' is {subject}, end of life; the file is generated, move it in {generator}.{others}",
      endOfLifeGeneratedTied: "'{image}' is {subject}, end of life; move it and {tie} in {generator}.{others}",
      endOfLifeGoPath:
        "'{image}' is {subject}, end of life; port the GOPATH 'go get' on line {line} with it. Newer Go installs only with 'go install pkg@version'.{others}",
      sameAsFirst: "Same end-of-life base as line {line} ('{image}'); move it with that one.",
    },
  },
  check(model, report) {
    const byImage = new Map<string, { stage: Stage; note: LifecycleNote }[]>();
    // Read only for a stage on a deprecated or end-of-life base, which most files have none of.
    let matrix: ReadonlySet<Stage> | undefined;
    for (const stage of model.stages) {
      const ref = baseImageOf(stage);
      if (!ref) continue;
      const [note] = lifecycleOf(ref);
      if (!note) continue;
      // One stage per version of a client image, on purpose: an old version there is the point.
      matrix ??= versionMatrixStages(model);
      if (matrix.has(stage)) continue;
      // A stage whose files are copied out under the old release's name (`locale-archive.18`),
      // kept beside the new release's on purpose (collations of clusters made on the old one).
      if (keptUnderVersionName(model, stage)) continue;
      // `FROM php-base` where bake passes `php-base` as a context: the project pins it there.
      if (isNamedContext(model, stage.base.resolved)) continue;
      // `FROM php:${PHP_VERSION}-apache` where compose and CI pass PHP_VERSION: the project builds
      // the versions it passes, and the default is only a fallback.
      // Variables only in the registry or namespace (`${PLATFORM}/alpine:3.10`, the official image's
      // per-architecture repositories; held-out BE, tmate: missed) leave the release as written.
      // Not when the end-of-life release is written outright beside them (`python:${PYTHON_VERSION}-alpine3.18`
      // where CI passes PYTHON_VERSION: every version it passes is on Alpine 3.18; held-out BU,
      // matrix-reminder-bot: missed once the repository's CI was read).
      if (
        !releaseWrittenOutright(stage.base.token.value, note.subject) &&
        callersPassAll(model.context.buildArgs, stage.base.unresolved.length > 0 ? [] : releaseVariables(stage))
      )
        continue;
      // `Dockerfile.centos-7`, `Dockerfile.ubuntu-2004`: one file per release the project builds
      // for, the release is the point of this one (its siblings cover the newer ones).
      const release = baseRelease(ref);
      if (release !== null && note.subject.toLowerCase().startsWith(release.family) && fileNamesRelease(dockerfileName(model), release)) continue;
      // `docker/php-8.0/Dockerfile` on `php:8.0-cli`: one folder per language version the project
      // tests on (held-out AT, PHP-CS-Fixer: compose services php-7.1 to php-8.0), the version the point.
      if (pathNamesImageVersion(model, ref)) continue;
      const group = byImage.get(stage.base.resolved) ?? [];
      group.push({ stage, note });
      byImage.set(stage.base.resolved, group);
    }
    if (byImage.size === 0) return;
    // A file whose header says a script writes it (`GENERATED VIA "update.sh", DO NOT EDIT`): the
    // move is made there, and an edit here is overwritten on the next run. No lightbulb.
    const generated = isGeneratedFile(model) ? (generatorOf(model) ?? "its generator") : null;
    for (const [image, group] of byImage) {
      const [{ stage, note }, ...rest] = group;
      const lines = rest.map((r) => r.stage.from.range.start.line + 1);
      const ref = baseImageOf(stage)!;
      const held =
        note.kind === "end-of-life"
          ? heldBack(
              model,
              group.map((g) => g.stage),
              ref,
            )
          : null;
      let replacement = replacementFor(image, nodeForPlatforms(model, ref, note));
      const pinned = held === null && note.kind === "end-of-life" ? withinPin(model, stage, ref, replacement) : null;
      if (pinned && "tag" in pinned) replacement = pinned;
      // A .NET runtime image running an app the file does not build (a prebuilt DLL it copies):
      // the app was built for this major and a newer runtime refuses it, so the app moves first.
      const prebuilt =
        held === null &&
        !(pinned && "path" in pinned) &&
        note.kind === "end-of-life" &&
        runsPrebuiltDotnetApp(
          model,
          group.map((g) => g.stage),
          ref,
        );
      const named = held === null && !(pinned && "path" in pinned) && !prebuilt;
      if (!named) replacement = { text: replacement.text };
      // `docker-php-ext-install imap` on php:8.1: PHP 8.4 no longer bundles imap, so the move
      // stops at the newest supported series that does (8.3), or names none when no supported one does.
      const unbundled =
        named && note.kind === "end-of-life"
          ? withinBundledExtensions(
              model,
              group.map((g) => g.stage),
              ref,
              replacement,
            )
          : null;
      if (unbundled !== null) replacement = "package" in unbundled ? { text: replacement.text } : unbundled;
      // The move leaves a distribution release whose packages a stage installs and the newer
      // release no longer has (`apt-get install python`, `libssl1.1`, `apk add openjdk13-jre`):
      // the tag alone breaks the build.
      const gone =
        named && note.kind === "end-of-life" && !(unbundled !== null && "package" in unbundled)
          ? gonePackages(
              group.map((g) => g.stage),
              ref,
              replacement,
            )
          : null;
      // The tag the move would name, kept for the ties read below: a gone package hides it from the
      // message, not from what else the move leaves behind (held-out BU, Matrix Dimension: python2
      // gone and Angular 12's webpack failing on the newer Node; only the package named, judged wrong).
      const movesTo = replacement.tag;
      if (gone !== null) replacement = { text: replacement.text };
      // The replacement's default tag is on Debian trixie, which dropped a package the stages
      // install that bookworm still has (`libc-client2007e-dev`): the move keeps bookworm.
      const kept =
        named && gone === null && note.kind === "end-of-life" && !(unbundled !== null && "package" in unbundled)
          ? keptBookworm(
              model,
              group.map((g) => g.stage),
              ref,
              replacement,
            )
          : null;
      if (kept !== null) replacement = kept;
      // Something else in the stages names the old release or language version and a new tag
      // leaves it behind: a package version pin, an apt source for the codename, a GOPATH-era
      // `go get`, the interpreter a venv is created with. It must move too: no target, no lightbulb.
      // Read beside gone packages too: both must move (held-out BM, label-studio: python3.8 gone
      // and the system pip install refused, the packages alone named; judged wrong).
      let tie =
        named && !gone?.dropped && note.kind === "end-of-life"
          ? tiedToRelease(
              model,
              group.map((g) => g.stage),
              ref,
              replacement.tag ?? movesTo,
            )
          : null;
      // Only a system pip install ties the move to Ubuntu 24.04, whose Python refuses it (PEP 668):
      // 22.04, the last LTS before the marker and still supported, takes the install as it is
      // (held-out CL relabel, Justice40 and BN's Tango: "a move to 22.04 would need none of these changes").
      const unmarked = tie?.kind === "tied" && tie.externallyManaged === true && gone === null ? unmarkedUbuntuMove(model, group, ref, image, note) : null;
      if (unmarked !== null) {
        replacement = unmarked;
        tie = null;
      }
      if (tie !== null) replacement = { text: replacement.text };
      // The app imports with assertions (`assert { type: "json" }`), which the replacement's Node
      // rejects: the sources change before the tag does.
      // Read beside a tie too: both must change (held-out BM relabel, Reaction Commerce: the pnpm
      // pin alone named hid the import assertions; judged wrong).
      const assertions =
        named && gone === null && note.kind === "end-of-life" && moveRejectsImportAssertions(ref, replacement.tag)
          ? (model.context.importAssertionSource ?? null)
          : null;
      if (assertions !== null) replacement = { text: replacement.text };
      const messageId =
        note.kind === "deprecated"
          ? "deprecated"
          : held?.kind === "comment"
            ? "endOfLifeKept"
            : held?.kind === "archive"
              ? "endOfLifeArchived"
              : held?.kind === "builder"
                ? "endOfLifeBuilder"
                : held?.kind === "runtime"
                  ? "endOfLifeRuntime"
                  : pinned && "path" in pinned
                    ? pinned.dependency !== undefined
                      ? "endOfLifeCapped"
                      : "endOfLifePinned"
                    : prebuilt
                      ? "endOfLifeRetarget"
                      : unbundled !== null && "package" in unbundled
                        ? "endOfLifeUnbundled"
                        : gone?.dropped
                          ? "endOfLifeDropped"
                          : gone !== null
                            ? tie?.kind === "tied"
                              ? "endOfLifeReleaseTied"
                              : gone.names.length > 1
                                ? "endOfLifeReleasePackages"
                                : "endOfLifeRelease"
                            : tie?.kind === "gopath"
                              ? "endOfLifeGoPath"
                              : tie !== null
                                ? assertions !== null
                                  ? "endOfLifeTiedImportAssertions"
                                  : "endOfLifeTied"
                                : assertions !== null
                                  ? "endOfLifeImportAssertions"
                                  : kept !== null
                                    ? "endOfLifeKeepRelease"
                                    : "endOfLife";
      if (generated !== null) replacement = { text: replacement.text };
      const windows = messageId === "endOfLife" && isWindowsImage(image);
      if (windows) replacement = { text: replacement.text };
      report({
        range: stage.base.token.range,
        messageId: windows
          ? "endOfLifeWindows"
          : generated !== null && messageId === "endOfLife"
            ? "endOfLifeGenerated"
            : generated !== null && messageId === "endOfLifeTied"
              ? "endOfLifeGeneratedTied"
              : messageId,
        data: {
          ...(generated !== null ? { generator: generated } : {}),
          image,
          subject: brief(note.subject),
          since: note.since,
          asOf: note.asOf,
          source: note.source,
          replacement: replacement.text,
          ...(held?.kind === "builder" || held?.kind === "runtime" || held?.kind === "archive" ? { line: held.line } : {}),
          ...(tie !== null ? { line: tie.line } : {}),
          ...(tie?.kind === "tied" ? { tie: tie.tie } : {}),
          ...(assertions !== null ? { path: assertions } : {}),
          ...(pinned && "path" in pinned ? { path: pinned.path, ...(pinned.dependency !== undefined ? { packages: `'${pinned.dependency}'` } : {}) } : {}),
          ...(gone !== null
            ? gone.dropped === null && (gone.names.length > 1 || tie?.kind === "tied")
              ? { count: gone.names.length, packages: namedPackages(gone.names) }
              : { package: gone.dropped ?? gone.names[0] }
            : unbundled !== null && "package" in unbundled
              ? { package: unbundled.package }
              : kept !== null && tie === null
                ? { package: kept.package }
                : {}),
          others: alsoTheBaseOf(lines),
        },
        // A version the project keeps on purpose, said in a comment: a note to plan, not a warning.
        // So is one whose package sources point at the release's archive.
        // So is a base only throwaway stages use that download or unpack files for a later COPY
        // --from (`curl -o app.jar` on `buildpack-deps:buster-curl`): nothing of it ships, only the
        // download runs unpatched (reviewers split: right as a free bump, debatable as moot).
        severity:
          held?.kind === "comment" || held?.kind === "archive" || group.every((g) => isFetchOnlyStage(model, g.stage, { throughScripts: true }))
            ? "info"
            : undefined,
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

/**
 * The build arguments in the base's repository name and tag, the part after its last `/` outside
 * `${...}` (`php:${PHP_VERSION}-fpm` -> PHP_VERSION; `${PLATFORM}/alpine:3.10` -> none).
 */
function releaseVariables(stage: Stage): string[] {
  const word = stage.base.token.value;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < word.length; i++) {
    if (word[i] === "{" && word[i - 1] === "$") depth++;
    else if (word[i] === "}" && depth > 0) depth--;
    else if (word[i] === "/" && depth === 0) start = i + 1;
  }
  return variableNames(word.slice(start));
}

/**
 * True when the distribution release a lifecycle note is about (`Alpine 3.18`, `Debian 11
 * (bullseye)`) is written in the FROM word outside its variables (`-alpine3.18`, `-bullseye`): the
 * values the project's callers pass for those variables do not change it.
 */
function releaseWrittenOutright(word: string, subject: string): boolean {
  const literal = word.replace(/\$\{[^}]*\}|\$[A-Za-z_]\w*/g, "\u0000").toLowerCase();
  const alpine = /^Alpine (\d+\.\d+)$/.exec(subject)?.[1];
  if (alpine !== undefined) return new RegExp(`alpine${escapeRegExp(alpine)}(?![\\d.])`).test(literal);
  const codename = /^(?:Debian|Ubuntu) [\d.]+ \((\w+)\)$/.exec(subject)?.[1];
  return codename !== undefined && new RegExp(`(?:^|[^a-z])${escapeRegExp(codename.toLowerCase())}(?![a-z])`).test(literal);
}

/** The Dockerfile's file name (`Dockerfile.centos-7`), "" when the host did not say. */
function dockerfileName(model: DockerfileModel): string {
  return model.context.dockerfilePath?.split("/").pop() ?? "";
}

/** True when the Dockerfile's path (a folder or the file name) names the image and its version: `php-8.0/`, `Dockerfile.python3.8`. */
function pathNamesImageVersion(model: DockerfileModel, ref: ImageReference): boolean {
  const path = model.context.dockerfilePath;
  const name = officialName(ref);
  const version = parseTag(ref.tag ?? "").version;
  if (path === undefined || name === null || version.length === 0) return false;
  const written = version.length >= 2 ? `${version[0]}.${version[1]}` : `${version[0]}`;
  return fileNamesRelease(path, { family: name, version: written, codename: null });
}

/** No fix, a suggestion: a new major version or distribution release changes behaviour. */
function suggestions(stages: Stage[], tag: string): Fix[] | undefined {
  const edits = stages.map((s) => replaceImageTag(s.base.token, tag));
  if (edits.some((e) => e === null)) return undefined;
  const image = stages[0].base.resolved.replace(/:[^:/@]*$/, "");
  return [{ title: `Move to '${image}:${tag}'`, edits: edits.flat() as NonNullable<(typeof edits)[number]> }];
}

/** The first alternative, without asides: the rest is in the hover and the docs page. */
/** At most this many gone packages are named; the rest are counted (a PHP image on Alpine lists dozens of php8-* extensions). */
const MAX_NAMED_PACKAGES = 4;

/** `'a', 'b', 'c'`, or the first few and how many more. */
function namedPackages(names: readonly string[]): string {
  const quoted = names.slice(0, MAX_NAMED_PACKAGES).map((name) => `'${name}'`);
  const rest = names.length - quoted.length;
  return rest > 0 ? `${quoted.join(", ")} and ${rest} more` : quoted.join(", ");
}

function brief(text: string): string {
  return text
    .replace(/\s*\([^)]*\)/g, "")
    .split(/, | or /)[0]
    .trim();
}

/** Debian and Alpine releases no longer published for current language images. */
const OLD_DISTRO_WORD = /^(?:jessie|stretch|buster|bullseye)$/;

/**
 * A build stamp of one release (`debian:bullseye-20210902-slim`, `ubuntu:focal-20210416`): the
 * snapshot of that release on that day, which no other release was ever published under.
 */
const BUILD_STAMP = /^v?\d{8}(?:[._]\d+)*$/;

/** True when a tag word names a release of its own: a build stamp, or a distribution codename. */
function isReleaseWord(word: string, isDistroImage: boolean): boolean {
  if (OLD_DISTRO_WORD.test(word) || BUILD_STAMP.test(word)) return true;
  // On `debian` and `ubuntu` the codename is the release itself, and the replacement names its own.
  return isDistroImage && (DEBIAN_CODENAMES[word] !== undefined || UBUNTU_CODENAMES[word] !== undefined);
}

/** 32-bit ARM as build platforms write it: `linux/arm`, `linux/arm/v7`, `linux/arm/v6`. */
const ARM32_PLATFORM = /^linux\/arm(?:\/v[5-7])?$/;

/**
 * The note whose replacement a project building for 32-bit ARM can use: Node.js 24 and later
 * publish no arm32v6 or arm32v7 image (docker-node's versions.json; Node 22 is the last, on
 * Alpine and bookworm), so the move stops at node:22 there (held-out BQ, Black Candy: node:24-alpine
 * for a linux/arm build judged wrong). Any other note as it is.
 */
function nodeForPlatforms(model: DockerfileModel, ref: ImageReference, note: LifecycleNote): LifecycleNote {
  if (officialName(ref) !== "node" || note.replacement !== "node:24") return note;
  return (model.context.buildPlatforms ?? []).some((p) => ARM32_PLATFORM.test(p)) ? { ...note, replacement: "node:22" } : note;
}

/** The last Ubuntu LTS whose Python is not marked externally managed (23.04 was the first), while it is supported. */
const UBUNTU_LTS_BEFORE_MARKER = "22.04";

/** The minor of each Ubuntu release's python3 (3.x), from 16.04 to 22.04. */
const UBUNTU_PYTHON_MINOR: Readonly<Record<string, number>> = { "16.04": 5, "18.04": 6, "20.04": 8, "20.10": 8, "21.04": 9, "21.10": 9, "22.04": 10 };

/**
 * The move of an end-of-life Ubuntu to {@link UBUNTU_LTS_BEFORE_MARKER} when that release is
 * newer than the image's own, still supported, and ties the stages to nothing; null otherwise.
 */
function unmarkedUbuntuMove(
  model: DockerfileModel,
  group: readonly { stage: Stage }[],
  ref: ImageReference,
  image: string,
  note: LifecycleNote,
): { text: string; tag?: string } | null {
  if (officialName(ref) !== "ubuntu") return null;
  const own = distroRelease(ref);
  if (own === null || Number(own.version) >= Number(UBUNTU_LTS_BEFORE_MARKER)) return null;
  // 22.04's python3 is 3.10; from 18.04's 3.6 that skips four minors, past which what the project
  // pins was resolved for another Python (a further reviewer of the tuned httpbin: its 2018
  // Pipfile.lock and an unpinned pipenv break on 22.04 too). The tie stays there.
  const python = UBUNTU_PYTHON_MINOR[own.version];
  if (python === undefined || UBUNTU_PYTHON_MINOR[UBUNTU_LTS_BEFORE_MARKER] - python >= WIDE_PYTHON_JUMP) return null;
  if (lifecycleOf({ ...ref, tag: UBUNTU_LTS_BEFORE_MARKER }).some((n) => n.kind === "end-of-life")) return null;
  const stages = group.map((g) => g.stage);
  if (tiedToRelease(model, stages, ref, UBUNTU_LTS_BEFORE_MARKER) !== null) return null;
  const moved = replacementFor(image, { ...note, replacement: `ubuntu:${UBUNTU_LTS_BEFORE_MARKER}` });
  return moved.tag === undefined ? null : moved;
}

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
  if (!ref || !written || !sameImage(ref, written) || ref.tag === null) return { text: `'${suggested}'` };
  const name = officialName(ref);
  const isDistroImage = name === "debian" || name === "ubuntu";
  const variant = ref.tag
    .toLowerCase()
    .replace(/^v?\d+(?:\.\d+)*(?:_\d+|u\d+(?:-b\d+)?|rc\d+)?/, "")
    .split("-")
    .filter((w) => w !== "" && !isReleaseWord(w, isDistroImage))
    .map((w) => w.replace(/^alpine\d+(?:\.\d+)*$/, "alpine"))
    .join("-");
  const kept = variant.split("-").filter((w) => w !== "" && !m[2].split("-").includes(w));
  let tag = kept.length === 0 || variant === ref.tag.toLowerCase() ? m[2] : `${m[2]}-${kept.join("-")}`;
  // A tag the facts of a listed image do not know would be invented: name none, the move stays.
  if (name !== null && isKnownImage(name) && !isKnownTag(name, tag)) return { text: "a supported release" };
  // .NET 10 ships on noble, Alpine and Azure Linux only: `8.0-jammy` moves to `10.0-noble`.
  if (/^mcr\.microsoft\.com$/.test(ref.registry) && /^dotnet\//.test(ref.repository) && m[2].startsWith("10.0")) tag = dotnet10Tag(tag);
  // A long registry path would push the remedy past the message's 100 characters: name the tag.
  // The name as written keeps a per-architecture namespace: `arm64v8/python:3.7` moves to `arm64v8/python:3.14`.
  return { text: ref.registry === "docker.io" ? `'${ref.familiarName}:${tag}'` : `tag '${tag}'`, tag };
}
