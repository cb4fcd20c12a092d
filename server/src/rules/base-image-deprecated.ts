// base-image-deprecated: a base image that its publisher deprecated, or a version past its end of
// life, gets no more security fixes. The data is dated (images/lifecycle.ts); messages say when.
// One problem, one finding: stages on the same image get one warning, on the first FROM.

import { replaceImageTag } from "../fixes/image-tag";
import type { LifecycleNote } from "../images/lifecycle";
import { alsoTheBaseOf, baseImageOf, rootImageOf } from "../images/base-image";
import { isNamedContext } from "../images/floating-tags";
import { canonicalTag, isKnownImage, isKnownTag, newestVersions, tagNames } from "../images/facts";
import { lifecycleOf, newestSupportedSeries } from "../images/lifecycle";
import type { ImageReference } from "../images/reference";
import type { MoveTarget } from "../images/release-moves";
import { debianReleaseOf, dotnet10Tag, droppedWithoutSuccessor, goneAfterBookworm, packageGoneFrom, unbundledPhpExtension } from "../images/release-moves";
import { parseImageReference } from "../images/reference";
import { DEBIAN_CODENAMES, officialName, parseTag, UBUNTU_CODENAMES } from "../images/tags";
import { commentsAbove, generatorOf, isGeneratedFile } from "../model/comments";
import { baseName, copyPaths } from "../model/copy-paths";
import { callersPassAll } from "../model/context";
import { systemPackageCommand } from "../model/commands";
import { finalImageStages } from "../model/final-image";
import { both, copiedPackageJsonFolder, dotnetTargetPin, exactPerPythonPin, goDependencyPin, languagePin } from "../model/language-pins";
import { composerLockPhpPin } from "../model/composer-lock";
import { pipRequirementFiles } from "../model/pip-requirement-files";
import type { LanguagePin, PinnedLanguage } from "../model/language-pins";
import { envDeclarations, environmentAt } from "../model/environment";
import { archiveRepoint, copiedAptSourceFor, fileNamesRelease, systemPipInstall } from "../model/release-target";
import type { DistroRelease } from "../model/release-target";
import { predatesExternallyManagedPython } from "../model/system-pip";
import { escapeRegExp } from "../model/text";
import { buildStepOf } from "../model/build-steps";
import { runCommands } from "../model/run-commands";
import type { RunCommand } from "../model/run-commands";
import type { Word } from "../model/shell";
import { variableNames } from "../model/variables";
import { compareVersions } from "../model/versions";
import { buildReferences } from "../model/stage-references";
import { usesModernYarn } from "../model/package-caches";
import { lineage } from "../model/stage-graph";
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
      endOfLifeKept: "'{image}' is {subject}, end of life since {since}; kept per the comment, plan the move.{others}",
      endOfLifeRelease: "'{image}' is {subject}, end of life; move to {replacement} and replace '{package}'.{others}",
      endOfLifeKeepRelease: "'{image}' is {subject}, end of life; move to {replacement} for '{package}'.{others}",
      endOfLifeDropped: "'{image}' is {subject}, end of life; no newer release has '{package}', port off it.{others}",
      endOfLifeUnbundled: "'{image}' is {subject}, end of life; newer PHP lacks ext '{package}', build it from PECL.{others}",
      endOfLifeArchived: "'{image}' is {subject}, end of life; line {line} uses its archive on purpose, plan the move.{others}",
      endOfLifeBuilder: "'{image}' is {subject}, end of life since {since}; move it with the builder on line {line}.{others}",
      endOfLifeTied: "'{image}' is {subject}, end of life; move it with {tie} on line {line}.{others}",
      endOfLifeGenerated: "'{image}' is {subject}, end of life; the file is generated, move it in {generator}.{others}",
      endOfLifeGeneratedTied: "'{image}' is {subject}, end of life; move it and {tie} in {generator}.{others}",
      endOfLifeGoPath:
        "'{image}' is {subject}, end of life; port the GOPATH 'go get' on line {line} with it. Newer Go installs only with 'go install pkg@version'.{others}",
      sameAsFirst: "Same end-of-life base as line {line} ('{image}'); move it with that one.",
    },
  },
  check(model, report) {
    const byImage = new Map<string, { stage: Stage; note: LifecycleNote }[]>();
    // A file whose header says a script writes it (`GENERATED VIA "update.sh", DO NOT EDIT`): the
    // move is made there, and an edit here is overwritten on the next run. No lightbulb.
    const generated = isGeneratedFile(model) ? (generatorOf(model) ?? "its generator") : null;
    const matrix = versionMatrixStages(model);
    for (const stage of model.stages) {
      // One stage per version of a client image, on purpose: an old version there is the point.
      if (matrix.has(stage)) continue;
      // A stage whose files are copied out under the old release's name (`locale-archive.18`),
      // kept beside the new release's on purpose (collations of clusters made on the old one).
      if (keptUnderVersionName(model, stage)) continue;
      const ref = baseImageOf(stage);
      // `FROM php-base` where bake passes `php-base` as a context: the project pins it there.
      if (isNamedContext(model, stage.base.resolved)) continue;
      if (!ref) continue;
      // `FROM php:${PHP_VERSION}-apache` where compose and CI pass PHP_VERSION: the project builds
      // the versions it passes, and the default is only a fallback.
      if (callersPassAll(model.context.buildArgs, stage.base.unresolved.length > 0 ? [] : baseVariables(stage))) continue;
      const [note] = lifecycleOf(ref);
      if (!note) continue;
      // `Dockerfile.centos-7`, `Dockerfile.ubuntu-2004`: one file per release the project builds
      // for, the release is the point of this one (its siblings cover the newer ones).
      const release = baseRelease(ref);
      if (release !== null && note.subject.toLowerCase().startsWith(release.family) && fileNamesRelease(dockerfileName(model), release)) continue;
      const group = byImage.get(stage.base.resolved) ?? [];
      group.push({ stage, note });
      byImage.set(stage.base.resolved, group);
    }
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
      let replacement = replacementFor(image, note);
      const pinned = held === null && note.kind === "end-of-life" ? withinPin(model, stage, ref, replacement) : null;
      if (pinned && "tag" in pinned) replacement = pinned;
      const named = held === null && !(pinned && "path" in pinned);
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
          ? gonePackage(
              group.map((g) => g.stage),
              ref,
            )
          : null;
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
      const tie =
        named && gone === null && note.kind === "end-of-life"
          ? tiedToRelease(
              model,
              group.map((g) => g.stage),
              ref,
            )
          : null;
      if (tie !== null) replacement = { text: replacement.text };
      const messageId =
        note.kind === "deprecated"
          ? "deprecated"
          : held?.kind === "comment"
            ? "endOfLifeKept"
            : held?.kind === "archive"
              ? "endOfLifeArchived"
              : held?.kind === "builder"
                ? "endOfLifeBuilder"
                : pinned && "path" in pinned
                  ? "endOfLifePinned"
                  : unbundled !== null && "package" in unbundled
                    ? "endOfLifeUnbundled"
                    : gone?.dropped
                      ? "endOfLifeDropped"
                      : gone !== null
                        ? "endOfLifeRelease"
                        : tie?.kind === "gopath"
                          ? "endOfLifeGoPath"
                          : tie !== null
                            ? "endOfLifeTied"
                            : kept !== null
                              ? "endOfLifeKeepRelease"
                              : "endOfLife";
      if (generated !== null) replacement = { text: replacement.text };
      report({
        range: stage.base.token.range,
        messageId:
          generated !== null && messageId === "endOfLife"
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
          ...(held?.kind === "builder" || held?.kind === "archive" ? { line: held.line } : {}),
          ...(tie !== null ? { line: tie.line } : {}),
          ...(tie?.kind === "tied" ? { tie: tie.tie } : {}),
          ...(pinned && "path" in pinned ? { path: pinned.path } : {}),
          ...(gone !== null
            ? { package: gone.name }
            : unbundled !== null && "package" in unbundled
              ? { package: unbundled.package }
              : kept !== null && tie === null
                ? { package: kept.package }
                : {}),
          others: alsoTheBaseOf(lines),
        },
        // A version the project keeps on purpose, said in a comment: a note to plan, not a warning.
        // So is one whose package sources point at the release's archive.
        severity: held?.kind === "comment" || held?.kind === "archive" ? "info" : undefined,
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
 * On a PHP image, the replacement within the newest supported series that still bundles every
 * extension the stages build with `docker-php-ext-install` or `docker-php-ext-configure`
 * (release-moves.ts: imap, pspell, oci8 and pdo_oci left with 8.4): `php:8.1-apache` building imap
 * moves to `php:8.3-apache`. The extension when no supported series bundles it (mcrypt): no target.
 * Null when the replacement bundles them all.
 */
function withinBundledExtensions(
  model: DockerfileModel,
  stages: readonly Stage[],
  ref: ImageReference,
  replacement: { text: string; tag?: string },
): { text: string; tag?: string } | { package: string } | null {
  if (officialName(ref) !== "php" || !replacement.tag) return null;
  const series = /^\d+\.\d+/.exec(replacement.tag)?.[0]?.split(".").map(Number);
  if (series === undefined) return null;
  const extensions: string[] = [];
  for (const { command } of runCommands(withDescendants(model, stages))) {
    if (command.name !== "docker-php-ext-install" && command.name !== "docker-php-ext-configure") continue;
    const args = command.args.map((a) => a.value);
    // `-j "$(nproc)"` takes a value; configure's words after the extension are its flags.
    const names = args.filter((a, i) => !a.startsWith("-") && args[i - 1] !== "-j");
    extensions.push(...(command.name === "docker-php-ext-configure" ? names.slice(0, 1) : names));
  }
  const ext = unbundledPhpExtension(extensions);
  const atMost = (v: readonly number[], last: readonly number[]) => v[0] < last[0] || (v[0] === last[0] && (v[1] ?? 0) <= last[1]);
  if (ext === null || atMost(series, ext.last)) return null;
  const newest = newestSupportedSeries("php", (v) => atMost(v, ext.last));
  if (newest === null) return { package: ext.name };
  const tag = replacement.tag.replace(/^\d+(?:\.\d+)*/, newest);
  if (!isKnownTag("php", tag)) return { text: `PHP ${newest}` };
  return { text: replacement.text.replace(replacement.tag, tag), tag };
}

/**
 * A package the stages install (apt or apk) that the release every replacement moves to no longer
 * ships, or null: the newest Debian, Ubuntu 24.04 or the newest Alpine (release-moves.ts). On apt
 * the image's tag says which (`-bullseye`, `ubuntu:20.04`); an image that names no release is read
 * against both. An Ubuntu release still in support (22.04) may be kept by the move: not read.
 */
function gonePackage(stages: readonly Stage[], ref: ImageReference): { name: string; dropped: boolean } | null {
  const commands = runCommands(stages);
  const addsSource = commands.some(({ command }) => addsPackageSource(command));
  const apt = aptTarget(ref);
  for (const { command } of commands) {
    const pkg = systemPackageCommand(command);
    if (pkg?.action !== "install" || (pkg.manager !== "apt" && pkg.manager !== "apk")) continue;
    const target: MoveTarget | null = pkg.manager === "apk" ? "alpine" : apt;
    if (target === null) continue;
    const gone = packageGoneFrom(
      target,
      pkg.packages.map((p) => p.value.replace(/[=:<>~].*$/, "")),
      addsSource,
    );
    if (gone === null) continue;
    // Removed with no successor (Alpine's libexecinfo): the code must change, so no target is named.
    return { name: gone, dropped: droppedWithoutSuccessor(target, gone) };
  }
  return null;
}

/**
 * The replacement kept on Debian bookworm, when its tag is one the facts list as an alias of its
 * trixie variant (`php:8.3-apache` is `8.3-apache-trixie`) and the stages install with apt a
 * package bookworm has and trixie dropped (release-moves.ts: UW IMAP's `libc-client2007e-dev`,
 * `software-properties-common`): `php:8.3-apache-bookworm`, supported until bookworm's LTS ends.
 * docker-library publishes each version on the previous Debian release too, but where the facts do
 * not list that tag it is named without a lightbulb. Null when nothing installed is gone.
 */
function keptBookworm(
  model: DockerfileModel,
  stages: readonly Stage[],
  ref: ImageReference,
  replacement: { text: string; tag?: string },
): { text: string; tag?: string; package: string } | null {
  const name = officialName(ref);
  const tag = replacement.tag;
  if (name === null || !tag || !replacement.text.includes(tag)) return null;
  const canonical = canonicalTag(name, tag);
  if (canonical === null || canonicalTag(name, `${tag}-trixie`) !== canonical) return null;
  const commands = runCommands(withDescendants(model, stages));
  const addsSource = commands.some(({ command }) => addsPackageSource(command));
  for (const { command } of commands) {
    const pkg = systemPackageCommand(command);
    if (pkg?.action !== "install" || pkg.manager !== "apt") continue;
    const gone = goneAfterBookworm(
      pkg.packages.map((p) => p.value.replace(/[=:<>~].*$/, "")),
      addsSource,
    );
    if (gone === null) continue;
    const bookworm = `${tag}-bookworm`;
    return { text: replacement.text.replace(tag, bookworm), tag: isKnownTag(name, bookworm) ? bookworm : undefined, package: gone };
  }
  return null;
}

/** Where an apt install on the image resolves after the move: see {@link gonePackage}. */
function aptTarget(ref: ImageReference): MoveTarget | null {
  const release = distroRelease(ref);
  if (debianReleaseOf(ref.tag ?? "") !== null || release?.family === "debian") return "debian";
  const ubuntu = release?.family === "ubuntu" ? release.version : variantRelease(ref, "ubuntu");
  if (officialName(ref) === "ubuntu" || typeof ubuntu === "string") return typeof ubuntu === "string" && Number(ubuntu) <= 20.04 ? "ubuntu" : null;
  return "apt";
}

/**
 * A command that adds a package source (`add-apt-repository`, a `deb ...` line, a file under
 * sources.list.d, `apk add --repository`, /etc/apk/repositories): packages that third-party
 * repositories ship (other PHP, PostgreSQL, Python or JDK versions) may come from there.
 */
function addsPackageSource(command: { name: string | null; args: readonly { value: string }[] }): boolean {
  if (command.name !== null && /^(?:add-apt-repository|apt-add-repository|extrepo)$/.test(command.name)) return true;
  const words = command.args.flatMap((a) => a.value.split(/\s+/));
  return words.some(
    (w, i) =>
      /sources\.list|\/etc\/apk\/repositories/.test(w) || w === "--repository" || w === "-X" || (w === "deb" && /^(?:\[|https?:)/.test(words[i + 1] ?? "")),
  );
}

type Tie = { kind: "tied"; tie: string; line: number } | { kind: "gopath"; line: number };

/** The stages given and every stage built on one of them (`FROM python-base AS builder`). */
function withDescendants(model: DockerfileModel, stages: readonly Stage[]): Stage[] {
  return model.stages.filter((s) => stages.includes(s) || stages.includes(rootImageOf(s).stage));
}

/** The 1-based line a word starts on. */
const lineOf = (word: { range: { start: { line: number } } }): number => word.range.start.line + 1;

/**
 * What in the stages is written for the image's old release or language version, so that a new
 * tag alone leaves it behind (the first found, in this order):
 * - a GOPATH-era `go get <package>` on a Go older than 1.18 (the golang image's, or one the stages
 *   install with apk or apt): newer Go runs `go get` only inside a module and installs nothing;
 * - the interpreter a Python environment is created with (`uv venv --python 3.10`, `uv python
 *   install 3.10`) when it is the image's own version: the app keeps running on it after the move;
 * - on an image whose tag names an end-of-life distribution release (`debian:buster-slim`,
 *   `ubuntu:bionic`, `alpine:3.14`, `-bullseye`, `-alpine3.18`): a package pinned to a version of that release
 *   (`apt-get install squid=3.5.27*`, `apk add nodejs=18.12.1-r0`), an apt target release
 *   (`-t buster-backports`), or an apt source written for the codename (`deb https://... buster main`),
 *   inline or in a source list the stages copy from the context (`COPY apt/app.list ...`);
 * - on an Alpine before 3.18, a GHC build (`cabal build`): musl 1.2.4 dropped the LFS64 symbols
 *   Haskell packages bind by name;
 * - on a Debian before 12 or an Ubuntu before 23.04, a `pip install` into the system Python, which
 *   the newer release refuses as externally managed (PEP 668).
 */
function tiedToRelease(model: DockerfileModel, stages: readonly Stage[], ref: ImageReference): Tie | null {
  const commands = runCommands(withDescendants(model, stages));
  const name = officialName(ref);
  const version = parseTag(ref.tag ?? "").version;
  const installsGo = commands.some(({ command }) => {
    const pkg = systemPackageCommand(command);
    return pkg?.action === "install" && pkg.packages.some((p) => /^(?:go|golang|golang-go)$/.test(p.value));
  });
  const oldGo = name === "golang" ? version[0] === 1 && version.length >= 2 && version[1] < 18 : installsGo;
  if (oldGo) {
    for (const { command } of commands) {
      if (command.name !== "go" || command.args[0]?.value !== "get") continue;
      if (command.args.slice(1).some((a) => !a.value.startsWith("-") && !a.value.startsWith("."))) return { kind: "gopath", line: lineOf(command.words[0]) };
    }
  }
  if (name === "python" && version.length >= 2) {
    const series = `${version[0]}.${version[1]}`;
    const same = new RegExp(`^(?:python|cpython-)?${escapeRegExp(series)}(?:\\.\\d+)*$`);
    for (const { command } of commands) {
      if (command.name !== "uv") continue;
      const args = command.args;
      for (const [i, a] of args.entries()) {
        const flag = /^(--python|-p)(?:=(.+))?$/.exec(a.value);
        const value = flag ? (flag[2] ?? args[i + 1]?.value) : args[i - 2]?.value === "python" && args[i - 1]?.value === "install" ? a.value : undefined;
        if (value !== undefined && same.test(value))
          return { kind: "tied", tie: flag ? `'${flag[1]} ${value}'` : `'uv python install ${value}'`, line: lineOf(a) };
      }
    }
    // `ENV UV_PYTHON=python3.10.20`: every uv command of the stage asks for that interpreter.
    for (const instruction of withDescendants(model, stages).flatMap((s) => s.instructions)) {
      const value = envDeclarations(model, instruction).find((d) => d.name === "UV_PYTHON")?.value;
      if (instruction.keyword !== "ENV" || value == null || !same.test(value)) continue;
      const word = instruction.args.find((a) => a.value.startsWith("UV_PYTHON")) ?? instruction.args[0];
      return { kind: "tied", tie: `'UV_PYTHON=${value}'`, line: lineOf(word) };
    }
  }
  // Only when the move is to a newer Python: an end-of-life Alpine under `python:3.11-alpine3.21`
  // moves to `python:3.11-alpine`, and its `python3.11` paths stay.
  if (name === "python" && version.length >= 2 && lifecycleOf(ref).some((n) => /^Python /.test(n.subject))) {
    const spelled = spelledInterpreter(model, stages, `${version[0]}.${version[1]}`);
    if (spelled !== null) return spelled;
  }
  // Only a release that is itself end of life goes away with the move: `python:3.10-slim-trixie`
  // moves to `python:3.14-slim-trixie`, and its pins still resolve.
  const codename = lifecycleOf(ref).some((n) => /^(?:Debian|Ubuntu|Alpine) /.test(n.subject)) ? releaseCodename(ref) : null;
  if (codename === null) return null;
  for (const run of commands) {
    const { command } = run;
    const pkg = systemPackageCommand(command);
    if (pkg?.action !== "install" || (pkg.manager !== "apt" && pkg.manager !== "apk")) continue;
    const pinned = pkg.packages
      .flatMap((p) => assignedOperand(model, run, p) ?? [{ value: p.value, word: p }])
      .find((p) => PINNED_PACKAGE.test(p.value) && !p.value.split(/[=~]/)[0].includes("$"));
    // A pin whose package is still a variable (`${package}=${VERSION}` in a loop over a vendor's
    // packages) names no package of the release: nothing known ties it.
    if (pinned) return { kind: "tied", tie: `the pin '${pinned.value}'`, line: lineOf(pinned.word) };
    const target = pkg.options.findIndex((o) => o.value === "-t" || o.value === "--target-release");
    if (target >= 0 && codename !== "alpine" && pkg.options[target + 1]?.value.split(/[-/]/)[0] === codename)
      return { kind: "tied", tie: `the target release '${pkg.options[target + 1].value}'`, line: lineOf(pkg.options[target + 1]) };
  }
  const ghc = codename === "alpine" ? ghcBuildOnOldMusl(commands, ref) : null;
  if (ghc !== null) return ghc;
  if (codename === "alpine") return null;
  for (const { command } of commands) {
    const words = command.args.flatMap((a) => a.value.split(/\s+/));
    const deb = words.indexOf("deb");
    if (deb >= 0 && words.slice(deb + 2).some((w) => w.split(/[-/]/)[0] === codename))
      return { kind: "tied", tie: `the apt source for '${codename}'`, line: lineOf(command.words[0]) };
  }
  // The same source kept in a file of the project (`COPY apt/app.list ...`), whose packages are built for the codename.
  const copied = copiedAptSourceFor(
    model,
    withDescendants(model, stages).flatMap((s) => s.instructions),
    codename,
  );
  if (copied !== null) return { kind: "tied", tie: `the apt source '${baseName(copied.source.value)}'`, line: lineOf(copied.source) };
  // Debian 12 and Ubuntu 23.04 on refuse a pip install into the system Python (PEP 668).
  const release = distroRelease(ref);
  const beforeMarker = release !== null && predatesExternallyManagedPython(release.family, Number(release.version));
  const pip = beforeMarker ? systemPipInstall(model, withDescendants(model, stages)) : null;
  if (pip !== null) {
    const written = /^pip/.test(pip.command.name) ? `${pip.command.name} install` : `${pip.command.name} -m pip install`;
    return { kind: "tied", tie: `the system '${written}'`, line: lineOf(pip.command.words[0]) };
  }
  return null;
}

/** The last Alpine release on musl before 1.2.4 (Alpine 3.18 ships musl 1.2.4). */
const LAST_ALPINE_BEFORE_MUSL_1_2_4 = [3, 17];

/**
 * A GHC build (`cabal build`, `stack install`) in stages on Alpine 3.17 or older: musl 1.2.4
 * (Alpine 3.18) removed the LFS64 symbols (`sendfile64`, `lseek64`, `stat64`) from what a new
 * link resolves (musl commit 246f1c81, "remove LFS64 symbol aliases"; ziglang/zig#15610), and
 * Haskell packages bind them by name through the FFI, past the C headers' macros (simple-sendfile
 * before kazu-yamamoto/simple-sendfile#42, "Fix build on musl 1.2.4"). Such a stage may be held
 * there on purpose (a reviewer judged `alpine:3.17` -> `3.23` wrong where the project had moved
 * back from 3.24 for `sendfile64`): the dependencies move with the tag. Null otherwise.
 */
function ghcBuildOnOldMusl(commands: readonly RunCommand[], ref: ImageReference): Tie | null {
  const own = distroRelease(ref);
  const release = own?.family === "alpine" ? own.version : variantRelease(ref, "alpine");
  const version = (release ?? "").split(".").map(Number);
  if (version.length < 2 || compareVersions(version, LAST_ALPINE_BEFORE_MUSL_1_2_4) > 0) return null;
  for (const { command } of commands) {
    const step = buildStepOf(command);
    if (step?.ecosystem === "haskell") return { kind: "tied", tie: `the GHC build '${step.tool}'`, line: lineOf(command.words[0]) };
  }
  return null;
}

/**
 * A package operand pinned to a version (`squid=3.5.27*`, `nginx=1.27.4-r1`, `curl~7`). A version
 * that is only a wildcard (`ruby=*`, written to quiet a linter) matches every version: it pins nothing.
 */
const PINNED_PACKAGE = /^[\w.+${}-]+[=~](?!\**$)\S/;

/**
 * The words a lone `$NAME` package operand stands for when the same RUN assigns NAME first
 * (`pkgs="nginx=${NGINX_VERSION}-r${PKG_RELEASE}" && apk add $pkgs`), with the ENV and ARG values
 * in effect substituted where known (`nginx=1.27.4-r1`), each with the assignment's word. Null when
 * the operand is not such a reference (model/package-operands.ts expands the ENV and ARG ones).
 */
function assignedOperand(model: DockerfileModel, run: RunCommand, operand: Word): { value: string; word: Word }[] | null {
  const name = /^\$(?:\{(\w+)\}|(\w+))$/.exec(operand.value);
  if (name === null || operand.quoted) return null;
  const variable = name[1] ?? name[2];
  const commands = run.instruction.commands;
  const assignment = commands
    .slice(0, commands.indexOf(run.command))
    .flatMap((c) => c.assignments)
    .filter((a) => a.value.startsWith(`${variable}=`))
    .pop();
  if (assignment === undefined) return null;
  const env = environmentAt(model, run.stage, run.instruction);
  const value = assignment.value
    .slice(variable.length + 1)
    .replace(/\$\{(\w+)\}|\$(\w+)/g, (whole: string, a?: string, b?: string) => env.get(a ?? b ?? "") ?? whole);
  return value
    .split(/\s+/)
    .filter((w) => w !== "")
    .map((w) => ({ value: w, word: assignment }));
}

/**
 * Where the stages spell the image's Python minor version, so that a newer interpreter leaves it
 * behind: a path into its tree (`/usr/local/lib/python3.10/site-packages`), a command by its
 * versioned name (`python3.10 -m pip`, `pip3.10`), or a requirement marker for it
 * (`python_version == '3.10'`, edited by a `sed`). After the tag moves, the path is empty, the
 * command is missing and the marker no longer applies. The stages on the image, those built on
 * them, and the copies out of them (`COPY --from=build /usr/local/lib/python3.10/...`) are read.
 */
function spelledInterpreter(model: DockerfileModel, stages: readonly Stage[], series: string): Tie | null {
  const own = withDescendants(model, stages);
  const copiesOut = buildReferences(model)
    .filter((r) => r.kind === "copy" && r.target !== null && own.includes(r.target))
    .map((r) => r.instruction);
  const instructions = [...own.flatMap((s) => s.instructions), ...copiesOut].sort((a, b) => a.range.start.line - b.range.start.line);
  const v = escapeRegExp(series);
  const path = new RegExp(`/python${v}/`);
  const command = new RegExp(`^(?:python|pip)${v}$`);
  const marker = new RegExp(`python_version\\s*==\\s*\\\\?["']${v}\\\\?["']`);
  for (const instruction of instructions) {
    for (const word of instruction.args) {
      if (path.test(`${word.value}/`)) return { kind: "tied", tie: `the 'python${series}' paths`, line: lineOf(word) };
    }
    // The marker may span words (`( ; python_version == '3.10')` inside a sed expression).
    if (marker.test(instruction.args.map((a) => a.value).join(" "))) {
      const word = instruction.args.find((a) => a.value.includes("python_version")) ?? instruction.args[0];
      return { kind: "tied", tie: `the 'python_version == ${series}' marker`, line: lineOf(word) };
    }
    for (const c of instruction.commands) {
      if (c.name !== null && command.test(c.name)) return { kind: "tied", tie: `'${c.name}'`, line: lineOf(c.words[0]) };
    }
  }
  return null;
}

/**
 * The codename of the Debian or Ubuntu release the image's tag names (`debian:10` -> `buster`,
 * `ubuntu:bionic-20190612`, `node:18-bullseye`), "alpine" for an Alpine release it names
 * (`alpine:3.14`, `-alpine3.18`), or null when the tag names none.
 */
function releaseCodename(ref: ImageReference): string | null {
  const release = distroRelease(ref);
  if (release?.family === "alpine") return "alpine";
  const words = (ref.tag ?? "").toLowerCase().split("-");
  if (words.some((w) => /^alpine3\.\d+$/.test(w))) return "alpine";
  const written = words.find((w) => DEBIAN_CODENAMES[w] !== undefined || UBUNTU_CODENAMES[w] !== undefined);
  if (written) return written;
  if (release?.family === "debian") return Object.keys(DEBIAN_CODENAMES).find((c) => String(DEBIAN_CODENAMES[c]) === release.version) ?? null;
  if (release?.family === "ubuntu") return Object.keys(UBUNTU_CODENAMES).find((c) => UBUNTU_CODENAMES[c].toFixed(2) === release.version) ?? null;
  return null;
}

/** The build arguments the stage's FROM is written with (`php:${PHP_VERSION}-fpm` -> PHP_VERSION). */
function baseVariables(stage: Stage): string[] {
  return variableNames(stage.base.token.value);
}

/** Words that say a version is held on purpose: "Using 3.18 because ... was removed", "pinned until". */
const HOLD_REASON = /\b(?:because|stays?|staying|kept|keeps?|pinned|pins?|requires?|required|needs?|dropped|removed|until|compatib\w*|breaks?|broken)\b/i;

type Held = { kind: "comment" } | { kind: "archive"; line: number } | { kind: "builder"; line: number };

/**
 * Why the stages cannot simply take the newest release: a comment on the FROM, or on the ARG that
 * supplies its version, that names the version with a reason (the project knows and says why); or
 * a distribution image that runs what a builder on another image of the same release compiled
 * (`COPY --from`), whose libraries it must match, so both move together.
 */
function heldBack(model: DockerfileModel, stages: readonly Stage[], ref: ImageReference): Held | null {
  const version = /^v?(\d+(?:\.\d+)*)/.exec(ref.tag ?? "")?.[1];
  if (version) {
    const forms = [...new Set([version, version.split(".").slice(0, 2).join(".")])];
    const mentions = new RegExp(`(?<![\\d.])(?:${forms.map(escapeRegExp).join("|")})(?![\\d])`);
    for (const stage of stages) {
      const argNames = baseVariables(stage);
      const args = model.globalArgs.filter((a) => argNames.includes(a.name)).map((a) => a.instruction);
      const comments = [stage.from, ...args].flatMap((i) => commentsAbove(model, i));
      if (comments.some((c) => mentions.test(c) && HOLD_REASON.test(c))) return { kind: "comment" };
    }
  }
  // Package sources pointed at the archive kept for the release (vault.centos.org,
  // archive.debian.org): the project knows the release ended and stays on it.
  const archived = baseRelease(ref) !== null ? archiveRepoint(runCommands(withDescendants(model, stages))) : null;
  if (archived !== null) return { kind: "archive", line: lineOf(archived.command.words[0]) };
  const release = distroRelease(ref);
  if (!release) return null;
  const references = buildReferences(model);
  for (const stage of stages) {
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
  return null;
}

/** True when the image's version is floating or still among the newest the facts list with an alpine variant. */
function isRebuiltOnNewest(image: ImageReference): boolean {
  const version = parseTag(image.tag ?? "").version;
  const name = officialName(image);
  if (version.length === 0) return true;
  if (name === null || !isKnownImage(name)) return false;
  return newestVersions(name, "alpine").some((v) => version.every((n, i) => i >= v.length || v[i] === n));
}

/** The Dockerfile's file name (`Dockerfile.centos-7`), "" when the host did not say. */
function dockerfileName(model: DockerfileModel): string {
  return model.context.dockerfilePath?.split("/").pop() ?? "";
}

/** Distribution images other than Alpine, Debian and Ubuntu whose tag is the release (`centos:7`, `fedora:38`). */
const OTHER_DISTROS = /^(?:centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|opensuse\/leap|clearlinux|photon|mageia)$/;

/**
 * The distribution release the image is on as file names write it: a distribution image's own
 * (`centos:centos7` -> centos 7, `ubuntu:focal` -> ubuntu 20.04 focal) or the one a variant names
 * (`python:3.9-buster` -> debian buster, `node:18-alpine3.16` -> alpine 3.16); null when none is named.
 */
function baseRelease(ref: ImageReference): DistroRelease | null {
  const release = distroRelease(ref);
  const codename = releaseCodename(ref);
  const named = codename === "alpine" ? null : codename;
  if (release !== null) return { family: release.family, version: release.version, codename: named };
  const name = officialName(ref) ?? ref.repository.split("/").pop() ?? "";
  if (OTHER_DISTROS.test(name)) {
    const version = /(\d+(?:\.\d+)?)/.exec(ref.tag ?? "")?.[1];
    return version !== undefined ? { family: name.split("/").pop()!, version, codename: null } : null;
  }
  for (const family of ["alpine", "debian", "ubuntu"] as const) {
    const version = variantRelease(ref, family);
    if (typeof version === "string") return { family, version, codename: family === "alpine" ? null : named };
  }
  return null;
}

/** The distribution release a distribution image names (`alpine:3.13` -> alpine 3.13), or null. */
function distroRelease(ref: ImageReference): { family: "alpine" | "debian" | "ubuntu"; version: string } | null {
  const name = officialName(ref);
  const tag = ref.tag ?? "";
  const p = parseTag(tag);
  if (name === "alpine" && p.version.length >= 2) return { family: "alpine", version: `${p.version[0]}.${p.version[1]}` };
  if (name === "debian") {
    const n = p.version.length > 0 ? p.version[0] : DEBIAN_CODENAMES[p.words[0] ?? ""];
    return n !== undefined ? { family: "debian", version: String(n) } : null;
  }
  if (name === "ubuntu") {
    const n = /^(\d+\.\d+)/.exec(tag)?.[1] ?? UBUNTU_CODENAMES[p.words[0] ?? ""]?.toFixed(2);
    return n !== undefined ? { family: "ubuntu", version: n } : null;
  }
  return null;
}

/**
 * The release of `family` in another image's variant: a string when written (`-alpine3.13`,
 * `-bullseye` -> "11"), null for a bare `-alpine`, undefined when the image is not on that family.
 */
function variantRelease(image: ImageReference, family: "alpine" | "debian" | "ubuntu"): string | null | undefined {
  const words = (image.tag ?? "").toLowerCase().split("-");
  for (const [i, w] of words.entries()) {
    if (family === "alpine") {
      const m = /^alpine(\d+\.\d+)?$/.exec(w);
      // `hexpm/elixir:...-alpine-3.15.0` writes the release as the next word.
      const next = /^(3\.\d+)(?:\.\d+)?$/.exec(words[i + 1] ?? "")?.[1];
      if (m) return m[1] ?? next ?? null;
    } else if (family === "debian" && DEBIAN_CODENAMES[w] !== undefined) return String(DEBIAN_CODENAMES[w]);
    else if (family === "ubuntu" && UBUNTU_CODENAMES[w] !== undefined) return UBUNTU_CODENAMES[w].toFixed(2);
  }
  return undefined;
}

const PINNED_LANGUAGES: ReadonlySet<string> = new Set<PinnedLanguage>(["python", "ruby", "node", "php", "dotnet"]);
/**
 * The .NET images a framework-dependent app starts on: they must carry the runtime its project file
 * targets. The SDK builds older targets, and runtime-deps serves self-contained apps: neither is tied.
 */
const DOTNET_RUNTIME = /^mcr\.microsoft\.com\/dotnet\/(?:core\/)?(?:aspnet|runtime)$/;

/**
 * The replacement within the language version the project's manifests pin (pyproject
 * `requires-python`, Gemfile `ruby`, `.ruby-version`, `.python-version`, `engines.node`,
 * composer.json `require.php`, and the ceiling of a framework they require: Laravel 8 on PHP 8.1,
 * webpack 4 in the package.json the stage copies on Node.js 16): the
 * newest supported release the pin accepts, or the pin's file when it accepts none (the pin must
 * move with the base). Null when nothing pins, or the pin already accepts the replacement.
 */
function withinPin(
  model: DockerfileModel,
  stage: Stage,
  ref: ImageReference,
  replacement: { text: string; tag?: string },
): { text: string; tag: string } | { path: string } | null {
  const runtime = DOTNET_RUNTIME.test(`${ref.registry}/${ref.repository}`);
  // A self-contained publish carries the runtime of the framework it names, not the SDK's: a new
  // SDK tag alone still ships the old runtime, so the framework is what moves.
  const framework = selfContainedFramework(model, stage, ref);
  if (framework !== null) return { path: framework };
  const name = runtime ? "dotnet" : officialName(ref);
  if (name === "golang") return withinGoPin(model, replacement);
  if (name === null || !PINNED_LANGUAGES.has(name)) return null;
  // `python:alpine3.14`: the language version floats, so the current variant brings the newest
  // release; when the project's pins accept no supported one, the pins move first.
  if (!replacement.tag && !runtime && parseTag(ref.tag ?? "").version.length === 0) {
    const floating = projectPin(model, stage, name as PinnedLanguage);
    return floating && newestSupportedSeries(name, floating.accepts) === null ? { path: floating.file } : null;
  }
  // `ruby:3.3.0-alpine3.18` moving to a current alpine variant: that patch release was never built
  // on it, so the move brings a newer patch, and an exact pin of the old one (Gemfile `ruby
  // '3.3.0'`, which bundler enforces) moves with the base.
  if (!replacement.tag) return runtime ? null : exactPatchPin(model, stage, ref, name as PinnedLanguage);
  // An exact pin of a project that builds wheels per CPython minor (`pydantic_core==2.23.4`) has
  // wheels only for the Pythons out when it was released: which newer one installs it is unknown,
  // and a jump to the newest may find none (and no Rust to build it). The file moves with the base.
  if (name === "python" && !runtime) {
    const exact = exactPerPythonPin(model.context);
    const current = parseTag(ref.tag ?? "")
      .version.slice(0, 2)
      .join(".");
    const series = /^\d+\.\d+/.exec(replacement.tag)?.[0];
    if (exact !== null && series !== undefined && series !== current) return { path: exact.file };
  }
  const series = /^\d+(?:\.\d+)*/.exec(replacement.tag)?.[0];
  const pin = runtime ? dotnetRuntimePin(model, stage, ref) : phpWithLock(model, projectPin(model, stage, name as PinnedLanguage), name, series);
  if (!pin || !series || pin.accepts(series.split(".").map(Number))) return null;
  const current = parseTag(ref.tag ?? "").version.slice(0, name === "node" ? 1 : 2);
  if (current.length === 0) return null;
  const newest = newestSupportedSeries(name, pin.accepts);
  // A pin the image itself already breaks (`engines.node: ^18` on node:20) binds nothing, unless a
  // supported release meets it: Gemfile `ruby '3.3.3'` over ruby:2.7 names 3.3, never 3.4, which
  // bundler refuses; an exact patch pin names that patch.
  // Yarn 1 checks the root package.json's `engines.node` and refuses any other Node.js before it
  // installs: there the pin binds whatever image the file names now, and moves with the base.
  if (!pin.accepts(current) && newest === null && !(name === "node" && yarnClassicChecksEngines(model, stage))) return null;
  if (newest === null) return { path: pin.file };
  const exact = pin.accepts(current) ? null : /^\d+\.\d+\.\d+$/.exec(pin.written.trim())?.[0];
  const tag = replacement.tag.replace(/^\d+(?:\.\d+)*/, exact?.startsWith(`${newest}.`) ? exact : newest);
  return { text: replacement.text.replace(replacement.tag, tag), tag };
}

/**
 * The pin the project's manifests put on `name`, as `stage` installs them: the package.json it
 * copies for Node.js, the requirement files the file's pip installs read for Python.
 */
function projectPin(model: DockerfileModel, stage: Stage, name: PinnedLanguage): LanguagePin | null {
  return languagePin(model.context, name, name === "node" ? copiedPackageJsonFolder(model, stage) : "", name === "python" ? pipRequirementFiles(model) : []);
}

/**
 * The file of the project's exact pin of the image's own patch release (Gemfile `ruby '3.3.0'`,
 * `.ruby-version`, `.tool-versions`, `requires-python = "==3.11.4"` on `ruby:3.3.0-alpine3.18`,
 * `python:3.11.4-slim-bullseye`), when the facts list that image and none of its current tags carries
 * that patch: a current variant brings another patch, which the pin refuses. Null otherwise (a
 * minor-only tag, a range, an image the facts do not cover, a patch still published).
 */
function exactPatchPin(model: DockerfileModel, stage: Stage, ref: ImageReference, name: PinnedLanguage): { path: string } | null {
  const version = parseTag(ref.tag ?? "").version;
  if (version.length < 3 || !isKnownImage(name)) return null;
  const pin = projectPin(model, stage, name);
  const exact = /^(?:==?|v)?\s*(\d+\.\d+\.\d+)$/.exec(pin?.written.split(",")[0].trim() ?? "")?.[1];
  const written = version.slice(0, 3).join(".");
  if (!pin || exact !== written) return null;
  return tagNames(name).some((t) => t === written || t.startsWith(`${written}-`)) ? null : { path: pin.file };
}

/**
 * The .NET runtime the app needs: its project file's `<TargetFramework>`, or, when none was read or
 * the one read does not fit the image itself (a file from another state of the project), the
 * major of the SDK that publishes it.
 */
function dotnetRuntimePin(model: DockerfileModel, stage: Stage, ref: ImageReference): LanguagePin | null {
  const target = dotnetTargetPin(model);
  const major = parseTag(ref.tag ?? "").version[0];
  if (target !== null && (major === undefined || target.accepts([major]))) return target;
  return publishedProjectPin(model, stage, ref) ?? target;
}

/**
 * On a PHP image, the manifests' pin narrowed by the PHP every locked package accepts
 * (model/composer-lock.ts): the lock's file goes first when it is what refuses the replacement.
 */
function phpWithLock(model: DockerfileModel, pin: LanguagePin | null, name: string, series: string | undefined): LanguagePin | null {
  const lock = name === "php" ? composerLockPhpPin(model) : null;
  if (lock === null) return pin;
  const refuses = series !== undefined && !lock.accepts(series.split(".").map(Number));
  return refuses ? both(lock, pin) : both(pin, lock);
}

/**
 * True when the stage installs with Yarn 1 (`yarn`, `yarn install`), which validates the root
 * package.json's `engines` and stops on a Node.js outside them, and nothing turns that off
 * (`--ignore-engines`, `ignore-engines` in .yarnrc). Yarn 2+ and npm do not refuse by default.
 */
function yarnClassicChecksEngines(model: DockerfileModel, stage: Stage): boolean {
  if (usesModernYarn(model) || /ignore-engines/.test(model.context.files?.[".yarnrc"] ?? "")) return false;
  return runCommands(lineage(stage)).some(({ command }) => {
    const args = command.args.map((a) => a.value);
    return command.name === "yarn" && (args.length === 0 || args[0] === "install" || args[0].startsWith("-")) && !args.includes("--ignore-engines");
  });
}

/**
 * The replacement within the newest Go the modules go.mod requires build on (quic-go's qtls forks):
 * the newest supported Go it accepts, or go.mod when it accepts none (its requirements move first).
 */
function withinGoPin(model: DockerfileModel, replacement: { text: string; tag?: string }): { text: string; tag: string } | { path: string } | null {
  const pin = goDependencyPin(model.context);
  const series = /^\d+(?:\.\d+)*/.exec(replacement.tag ?? "")?.[0];
  if (!pin || !replacement.tag || !series || pin.accepts(series.split(".").map(Number))) return null;
  const newest = newestVersions("golang")
    .slice(0, 2)
    .find((v) => pin.accepts(v));
  if (newest === undefined) return { path: pin.file };
  const tag = replacement.tag.replace(/^\d+(?:\.\d+)*/, newest.slice(0, 2).join("."));
  return { text: replacement.text.replace(replacement.tag, tag), tag };
}

/** A framework-dependent publish: `--self-contained` (or `--sc`, `-p:SelfContained=true`) not given or given as false. */
function isFrameworkDependent(args: readonly string[]): boolean {
  for (const [i, a] of args.entries()) {
    const m = /^(?:--self-contained|--sc)(?:=(\w+))?$/.exec(a);
    if (m) return (m[1] ?? (/^(?:true|false)$/i.test(args[i + 1] ?? "") ? args[i + 1] : "true")).toLowerCase() === "false";
    if (/^[-/]p:(?:SelfContained=true|PublishAot=true)$/i.test(a)) return false;
  }
  return true;
}

/**
 * On a .NET SDK image, where the stage (or one built on it) runs a self-contained `dotnet publish`
 * with `--framework net<major>.0` (`-f`) of the SDK's own major: the published app bundles that
 * framework's runtime, so moving the SDK tag alone ships the end-of-life runtime unchanged. The
 * words that name both places the framework is written: `App.csproj and the --framework on line 43`.
 */
function selfContainedFramework(model: DockerfileModel, stage: Stage, ref: ImageReference): string | null {
  if (!/^mcr\.microsoft\.com\/dotnet\/(?:core\/)?sdk$/.test(`${ref.registry}/${ref.repository}`)) return null;
  const major = parseTag(ref.tag ?? "").version[0];
  if (major === undefined) return null;
  for (const { command } of runCommands(withDescendants(model, [stage]))) {
    const args = command.args.map((a) => a.value);
    if (command.name !== "dotnet" || args[0] !== "publish" || isFrameworkDependent(args)) continue;
    for (const [i, a] of command.args.entries()) {
      const value = /^--framework=(.+)$/.exec(a.value)?.[1] ?? (/^(?:--framework|-f)$/.test(a.value) ? args[i + 1] : undefined);
      const m = /^["']?net(?:coreapp)?(\d+)\.\d+/.exec(value ?? "");
      if (!m || Number(m[1]) !== major) continue;
      // `--framework` must be one the project targets: both move (the project file when it was read).
      const project = dotnetTargetPin(model)?.file ?? "the project";
      return `${project} and the --framework on line ${lineOf(a)}`;
    }
  }
  return null;
}

/**
 * The .NET runtime a framework-dependent app needs when its project file was not read: the stage
 * copies from a builder on the .NET SDK of the runtime's major or older that runs `dotnet publish`
 * without `--self-contained`. An SDK builds target frameworks up to its own, so the app targets
 * that major or older and does not start on a newer runtime until the project is retargeted. The
 * pin names the project the publish names (`Nop.Web.csproj`, `Nethermind.Runner/*.csproj`).
 */
function publishedProjectPin(model: DockerfileModel, stage: Stage, ref: ImageReference): LanguagePin | null {
  const major = parseTag(ref.tag ?? "").version[0];
  if (major === undefined || /<RollForward>\s*(?:Major|LatestMajor)\s*</i.test(model.context.files?.["Directory.Build.props"] ?? "")) return null;
  // The copy may sit in a stage built on the runtime's (`FROM base AS final`, `COPY --from=publish`).
  const own = new Set(withDescendants(model, [stage]).flatMap((s) => s.instructions));
  for (const r of buildReferences(model)) {
    if (r.kind !== "copy" || r.target === null || !own.has(r.instruction)) continue;
    const sdk = rootImageOf(r.target).image;
    if (!sdk || !/^mcr\.microsoft\.com\/dotnet\/(?:core\/)?sdk$/.test(`${sdk.registry}/${sdk.repository}`)) continue;
    const sdkMajor = parseTag(sdk.tag ?? "").version[0];
    if (sdkMajor === undefined || sdkMajor > major) continue;
    for (const { command } of runCommands(lineage(r.target))) {
      const args = command.args.map((a) => a.value);
      if (command.name !== "dotnet" || args[0] !== "publish" || !isFrameworkDependent(args)) continue;
      // The project is the one word that is neither an option nor an option's value (`-v m`).
      const project = args.slice(1).find((a, i) => !a.startsWith("-") && !/^(?:true|false)$/i.test(a) && !PUBLISH_VALUE_OPTION.test(args[i] ?? ""));
      const base = project?.replace(/\/+$/, "").split("/").pop();
      const named = base === undefined || base === "" ? "the project file" : /\.\w+proj$/.test(base) ? base : `${base}/*.csproj`;
      const file = inheritedFrameworkFile(model, base) ?? named;
      // `-f net6.0` on the publish names the old framework too: it moves with the project's.
      const framework = command.args.findIndex((a, i) => /^(?:-f|--framework)$/.test(command.args[i - 1]?.value ?? "") && /^net(?:coreapp)?\d/.test(a.value));
      const also = framework >= 0 ? ` and ${command.args[framework - 1].value} on line ${lineOf(command.args[framework])}` : "";
      return {
        file: `${framework >= 0 && file === "the project file" ? "the project" : file}${also}`,
        written: `net${major}.0`,
        accepts: (series) => series[0] <= major,
      };
    }
  }
  return null;
}

/** `dotnet publish` options that take the next word as their value (`-v m`, `-o out/`, `-r linux-x64`). */
const PUBLISH_VALUE_OPTION = /^(?:-[acfors]|-v|--(?:arch|configuration|framework|output|runtime|source|verbosity|os|version-suffix|manifest))$/;

/**
 * The Directory.Build.props that sets `<TargetFramework>` for the published project, when the
 * project file itself was not read or sets none: MSBuild imports the props file of the context root
 * (the nearest parent of every project in it) into each project, so that file is the one to
 * retarget (a project file with no TargetFramework of its own would lead nowhere).
 */
function inheritedFrameworkFile(model: DockerfileModel, project: string | undefined): string | null {
  const files = model.context.files ?? {};
  const read = Object.entries(files).filter(([path]) => project !== undefined && /\.\w+proj$/.test(project) && path.split("/").pop() === project);
  const ownTarget = read.some(([, text]) => /<TargetFrameworks?>\s*[^\s<]/.test(text));
  if (ownTarget) return null;
  const props = files["Directory.Build.props"];
  return props !== undefined && /<TargetFrameworks?>\s*net(?:coreapp)?\d+\.\d+/.test(props) ? "Directory.Build.props" : null;
}

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

/** True when two references name the same repository, an official image under any of its spellings (`golang`, `registry.hub.docker.com/library/golang`). */
function sameImage(a: ImageReference, b: ImageReference): boolean {
  return (officialName(a) ?? a.familiarName) === (officialName(b) ?? b.familiarName);
}
