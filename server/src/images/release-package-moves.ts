// Packages a move to a newer release takes away: a PHP extension the newer series no longer
// bundles, a system package the newer Debian, Ubuntu or Alpine no longer ships, one only bookworm
// still has (images/release-moves.ts holds the facts). The move then stops short or names none.

import { distroRelease, variantRelease } from "./distro-release";
import { canonicalTag, isKnownTag } from "./facts";
import { newestSupportedSeries } from "./lifecycle";
import type { ImageReference } from "./reference";
import type { MoveTarget } from "./release-moves";
import { debianReleaseOf, droppedWithoutSuccessor, goneAfterBookworm, packageGoneFrom, unbundledPhpExtension } from "./release-moves";
import type { LaterDebianRelease } from "./debian-removals";
import { officialName } from "./tags";
import { systemPackageCommand } from "../model/commands";
import { runCommands } from "../model/run-commands";
import { withDescendants } from "../model/stage-graph";
import type { DockerfileModel, Stage } from "../model/types";

/**
 * On a PHP image, the replacement within the newest supported series that still bundles every
 * extension the stages build with `docker-php-ext-install` or `docker-php-ext-configure`
 * (release-moves.ts: imap, pspell, oci8 and pdo_oci left with 8.4): `php:8.1-apache` building imap
 * moves to `php:8.3-apache`. The extension when no supported series bundles it (mcrypt): no target.
 * Null when the replacement bundles them all.
 */
export function withinBundledExtensions(
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
 * The packages the stages install (apt or apk) that the release every replacement moves to no
 * longer ships, in install order, or null when there are none: the newest Debian, Ubuntu 24.04 or
 * the newest Alpine (release-moves.ts). On apt the image's tag says which (`-bullseye`,
 * `ubuntu:20.04`); an image that names no release is read against both. An Ubuntu release still in
 * support (22.04) may be kept by the move: not read. All of them, not the first: a move that names
 * `python` alone leaves the runtime's `libssl1.1` and `libicu66` to fail the build (held-out BM,
 * a Mastodon fork: judged wrong).
 */
export function gonePackages(
  stages: readonly Stage[],
  ref: ImageReference,
  replacement?: { text: string; tag?: string },
): { names: string[]; dropped: string | null } | null {
  const landsOn = replacement === undefined ? null : debianReleaseOfReplacement(ref, replacement);
  const commands = runCommands(stages);
  const addsSource = commands.some(({ command }) => addsPackageSource(command));
  const apt = aptTarget(ref);
  const names: string[] = [];
  let dropped: string | null = null;
  for (const { command } of commands) {
    const pkg = systemPackageCommand(command);
    if (pkg?.action !== "install" || (pkg.manager !== "apt" && pkg.manager !== "apk")) continue;
    const target: MoveTarget | null = pkg.manager === "apk" ? "alpine" : apt;
    if (target === null) continue;
    for (const word of pkg.packages) {
      const gone = packageGoneFrom(target, [word.value.replace(/[=:<>~].*$/, "")], addsSource, landsOn);
      if (gone === null || names.includes(gone)) continue;
      names.push(gone);
      // Removed with no successor (Alpine's libexecinfo): the code must change, so no target is named.
      if (dropped === null && droppedWithoutSuccessor(target, gone)) dropped = gone;
    }
  }
  const php = phpSeriesWrittenIn(stages, commands);
  if (php !== null && !names.some((n) => n.startsWith(php)) && packageGoneFrom("alpine", [php], addsSource) !== null) names.push(php);
  return names.length > 0 ? { names, dropped } : null;
}

/**
 * The Alpine PHP series (`php81`) that stages installing the unversioned names (`apk add php
 * php-fpm`, which on Alpine 3.17 resolve to php81) rely on by name: its folders (`/etc/php81/`,
 * `/usr/lib/php81/`) as a copy's destination or in a command, its `php-fpm81`. A newer Alpine
 * resolves those names to another series, so the folders and the program are gone (held-out CQ,
 * IceHrm: its FPM pool is copied into /etc/php81 and supervisord starts php-fpm81; "move to
 * alpine:3.23" alone judged wrong). Null when the stages install no unversioned PHP or name no series.
 */
function phpSeriesWrittenIn(stages: readonly Stage[], commands: ReturnType<typeof runCommands>): string | null {
  const installsUnversioned = commands.some(({ command }) => {
    const pkg = systemPackageCommand(command);
    return pkg?.action === "install" && pkg.manager === "apk" && pkg.packages.some((p) => /^php(?:-[a-z0-9_-]+)?$/.test(p.value));
  });
  if (!installsUnversioned) return null;
  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      if (!["COPY", "ADD", "RUN", "CMD", "ENTRYPOINT"].includes(instruction.keyword)) continue;
      for (const arg of instruction.args) {
        const series = /(?:^|\/)(?:etc|usr\/lib|usr\/share|var\/log)\/php(\d{1,2})(?:\/|$)|\bphp-fpm(\d{1,2})\b/.exec(arg.value);
        if (series) return `php${series[1] ?? series[2]}`;
      }
    }
  }
  return null;
}

/**
 * The Debian release a replacement tag lands on: the codename it writes (`debian:bookworm-slim`,
 * `python:3.14-slim-trixie`), else the release whose variant the image facts list it as an alias of
 * (`python:3.14-slim` is `3.14-slim-trixie`); null when neither says.
 */
function debianReleaseOfReplacement(ref: ImageReference, replacement: { text: string; tag?: string }): LaterDebianRelease | null {
  const tag = replacement.tag;
  if (!tag) return null;
  const written = debianReleaseOf(tag);
  if (written !== null) return written === 12 ? "bookworm" : written === 13 ? "trixie" : null;
  const name = officialName(ref);
  if (name === null) return null;
  if (isAliasOfVariant(name, tag, "trixie")) return "trixie";
  return isAliasOfVariant(name, tag, "bookworm") ? "bookworm" : null;
}

/** True when the image facts list `name:tag` as the same image as its `-<release>` variant (`php:8.3-apache` is `8.3-apache-trixie`). */
function isAliasOfVariant(name: string, tag: string, release: LaterDebianRelease): boolean {
  const canonical = canonicalTag(name, tag);
  return canonical !== null && canonicalTag(name, `${tag}-${release}`) === canonical;
}

/**
 * The replacement kept on Debian bookworm, when its tag is one the facts list as an alias of its
 * trixie variant (`php:8.3-apache` is `8.3-apache-trixie`) and the stages install with apt a
 * package bookworm has and trixie dropped (release-moves.ts: UW IMAP's `libc-client2007e-dev`,
 * `software-properties-common`): `php:8.3-apache-bookworm`, supported until bookworm's LTS ends.
 * docker-library publishes each version on the previous Debian release too, but where the facts do
 * not list that tag it is named without a lightbulb. Null when nothing installed is gone.
 */
export function keptBookworm(
  model: DockerfileModel,
  stages: readonly Stage[],
  ref: ImageReference,
  replacement: { text: string; tag?: string },
): { text: string; tag?: string; package: string } | null {
  const name = officialName(ref);
  const tag = replacement.tag;
  if (name === null || !tag || !replacement.text.includes(tag)) return null;
  if (!isAliasOfVariant(name, tag, "trixie")) return null;
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
