// Base images that keep a C toolchain next to their runtime on purpose, and the packages it is made
// of. The official php images' Debian variants install `$PHPIZE_DEPS` (autoconf, dpkg-dev, file,
// g++, gcc, libc-dev, make, pkg-config, re2c) and keep them so `docker-php-ext-install` and `pecl`
// work in derived images; their Alpine variants remove them (`.phpize-deps`). FrankenPHP's images
// are built on php's Debian zts variants and keep the same packages.

import type { ImageReference } from "./reference";
import { effectiveTag, officialName } from "./tags";

/** `$PHPIZE_DEPS` of the php images' Debian variants, with what `gcc` and `libc-dev` pull in. */
const PHPIZE_DEPS = new Set([
  "autoconf",
  "dpkg-dev",
  "file",
  "g++",
  "gcc",
  "cpp",
  "binutils",
  "libc-dev",
  "libc6-dev",
  "linux-libc-dev",
  "make",
  "pkg-config",
  "pkgconf",
  "re2c",
]);

/** Images, by name as users write them, whose non-Alpine tags keep `$PHPIZE_DEPS`. */
const KEEPS_PHPIZE_DEPS = new Set(["php", "dunglas/frankenphp"]);

/**
 * The build packages `ref` already holds (installing one again only upgrades it, and removing it
 * would take the toolchain its extension installers need); empty when unknown. An unknown or
 * unresolved tag, or an Alpine one, holds none.
 */
export function keptBuildPackagesOf(ref: ImageReference): ReadonlySet<string> {
  const name = officialName(ref) ?? ref.familiarName;
  if (!KEEPS_PHPIZE_DEPS.has(name)) return new Set();
  const tag = effectiveTag(ref);
  if (tag === null || tag.includes("$") || /alpine/i.test(tag)) return new Set();
  return PHPIZE_DEPS;
}
