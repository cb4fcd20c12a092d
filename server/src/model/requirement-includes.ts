// The files a pip requirements file pulls in with `-r other.txt` or `-c constraints.txt`: copying
// the named file alone ahead of `pip install -r` fails the build when it includes others, so the
// manifest plan copies them too. pip resolves an included path against the including file's folder.

import type { BuildContextFacts } from "./context";

export interface RequirementIncludes {
  /** Context-relative files the requirement files include, directly or through each other, in order. */
  files: string[];
  /**
   * True when an include cannot be named as a context file: a variable, a URL, an absolute path or
   * one outside the context. Copying the files found is then not known to be enough.
   */
  hasUnknown: boolean;
}

/** `-r x`, `-rx`, `--requirement x`, `--requirement=x` and the same for `-c` / `--constraint`. */
const INCLUDE = /^(?:-[rc]\s*|--(?:requirement|constraint)(?:\s*=\s*|\s+))(\S+)/;
/** Most files followed, against include cycles and runaway trees. */
const MAX_FILES = 32;

/**
 * What the requirement files `manifests` (paths relative to the context root) include, read from
 * the context files the host supplies; null when the text of one of them was not read, so what it
 * includes is not known.
 */
export function requirementIncludes(manifests: readonly string[], context: BuildContextFacts): RequirementIncludes | null {
  const files = context.files;
  if (files === undefined) return null;
  const seen = new Set(manifests.map(normalize));
  const queue = [...seen];
  const found: string[] = [];
  let hasUnknown = false;
  for (let next = 0; next < queue.length && seen.size <= MAX_FILES; next++) {
    const text = files[queue[next]];
    // The root file unread: nothing is known. An included file unread: it may include more.
    if (text === undefined) {
      if (next < manifests.length) return null;
      hasUnknown = true;
      continue;
    }
    const folder = queue[next].includes("/") ? queue[next].slice(0, queue[next].lastIndexOf("/") + 1) : "";
    for (const target of includedPaths(text)) {
      const path = resolve(folder, target);
      if (path === null) {
        hasUnknown = true;
        continue;
      }
      if (seen.has(path)) continue;
      seen.add(path);
      queue.push(path);
      found.push(path);
    }
  }
  return { files: found, hasUnknown };
}

/** The include targets of a requirements file, comments and line continuations handled as pip does. */
function includedPaths(text: string): string[] {
  const targets: string[] = [];
  for (const line of requirementLines(text)) {
    const match = INCLUDE.exec(line);
    if (match) targets.push(match[1].replace(/^["']|["']$/g, ""));
  }
  return targets;
}

/** `target` resolved against `folder` (context-relative, ending in `/` or empty); null when it cannot be named in the context. */
function resolve(folder: string, target: string): string | null {
  // A variable pip expands from the environment, a URL pip downloads, a path in the image.
  if (/[$`%]/.test(target) || /^[a-z][\w+.-]*:/i.test(target) || target.startsWith("/")) return null;
  const parts: string[] = [];
  for (const part of `${folder}${target}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length > 0 ? parts.join("/") : null;
}

function normalize(path: string): string {
  return path.replace(/^\.\//, "");
}

/**
 * A requirement line that installs a local folder rather than a package from an index: `.`,
 * `-e .`, `.[dev]`, `./libs/core`, `--editable=../pkg`, `file:.` (`file:///abs` is an image path, read as local
 * too), and a named direct reference to one (`karrio @ file://${PWD}/modules/sdk`, PEP 508). Such a
 * file cannot be installed from the manifests alone: the folder has to be there.
 */
const LOCAL_PROJECT = /^(?:(?:-e|--editable)(?:\s*=\s*|\s+))?(?:\.{1,2}(?:[/[]\S*)?|file:\S+|[A-Za-z0-9][\w.-]*(?:\[[^\]]*\])?\s*@\s*file:\S+)$/;

/**
 * True when one of the requirement files `manifests` (context-relative), or a file they include,
 * installs a local folder (`-e .`): copying the manifests before the sources would fail that install
 * (held-out BM, shuup's requirements-tests.txt: judged wrong). False when none does or none was read.
 */
export function requirementsInstallLocalFolder(manifests: readonly string[], context: BuildContextFacts): boolean {
  const files = context.files;
  if (files === undefined) return false;
  const included = requirementIncludes(manifests, context)?.files ?? [];
  return [...manifests.map(normalize), ...included].some((path) => {
    const text = files[path];
    return text !== undefined && requirementLines(text).some((line) => LOCAL_PROJECT.test(line));
  });
}

/** The lines of a requirements file as pip reads them: continuations joined, comments dropped, blank lines left out. */
export function requirementLines(text: string): string[] {
  return text
    .replace(/\\\r?\n/g, "")
    .split(/\r?\n/)
    .map((raw) => raw.replace(/(?:^|\s)#.*$/, "").trim())
    .filter((line) => line !== "");
}
