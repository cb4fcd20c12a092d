// Which top-level entries of the build context a Dockerfile uses by name: explicit COPY/ADD
// sources, paths in RUN, CMD and ENTRYPOINT words and in `--mount` options, and `.git` when a RUN
// asks git about the checkout. Whatever a proposed .dockerignore excludes must stay out of this.

import { contextCopy, copyGlob, hasWildcard, isWholeContextSource } from "./copies";
import { contextRelativePath, joinPath, normalizePath, unquoteWord } from "./copy-paths";
import type { Glob } from "./glob";
import type { DockerfileModel, Instruction } from "./types";
import { workdirOf } from "./workdir";

/** git subcommands that do not read the repository they run in. */
const GIT_WITHOUT_CHECKOUT = new Set(["clone", "config", "init", "ls-remote", "--version", "version", "help"]);

export interface ContextUses {
  /** True when a COPY/ADD names the top-level entry (`COPY dist/ ...`, `COPY *.env ...`). */
  isCopied(name: string): boolean;
  /** True when the name appears as a path segment in a RUN, CMD, ENTRYPOINT or `--mount` option. */
  isMentioned(name: string): boolean;
  /** True when a RUN asks git about the checkout (`git describe`, `git rev-parse`). */
  readsGitCheckout: boolean;
  /** Top-level names COPY/ADD take from the context literally (no wildcard, no variable). */
  copiedNames: readonly string[];
}

/** What the Dockerfile uses of the build context by name. */
export function contextUses(model: DockerfileModel): ContextUses {
  const copied = new Set<string>();
  const segments = new Set<string>();
  const sourceGlobs: Glob[] = [];
  let readsGitCheckout = false;
  for (const outer of model.instructions) {
    const instruction: Instruction = outer.trigger ?? outer;
    const copy = contextCopy(instruction);
    for (const source of copy?.sources ?? []) {
      if (isWholeContextSource(source.value)) continue;
      const first = firstSegment(source.value);
      if (first.includes("$")) continue;
      if (hasWildcard(first)) sourceGlobs.push(copyGlob(first));
      else copied.add(first);
    }
    for (const command of instruction.commands) {
      for (const word of command.words) {
        addSegments(word.value, segments);
        // Command substitutions stay inside one word: `-X main.version=$(git describe --tags)`.
        for (const m of word.value.matchAll(/(?:\$\(|`)\s*git\s+([\w-]+)/g)) if (!GIT_WITHOUT_CHECKOUT.has(m[1])) readsGitCheckout = true;
      }
      const sub = command.args.find((a) => !a.value.startsWith("-"))?.value;
      if (command.name === "git" && sub !== undefined && !GIT_WITHOUT_CHECKOUT.has(sub)) readsGitCheckout = true;
    }
    if (instruction.isJsonForm && instruction.keyword !== "COPY" && instruction.keyword !== "ADD")
      for (const arg of instruction.args) addSegments(arg.value, segments);
    for (const flag of instruction.flags) for (const option of flag.options) if (option.value) addSegments(option.value, segments);
  }
  return {
    isCopied: (name) => copied.has(name) || sourceGlobs.some((glob) => glob.test(name)),
    isMentioned: (name) => segments.has(name),
    readsGitCheckout,
    copiedNames: [...copied],
  };
}

function firstSegment(path: string): string {
  const normalized = contextRelativePath(path);
  return normalized.split("/")[0];
}

/** Every path segment of a word (`./dist/server.js` -> `dist`, `server.js`; `src=build` -> `build`). */
function addSegments(word: string, into: Set<string>): void {
  for (const part of word.split(/[/=:,\s"']+/)) if (part !== "" && part !== "." && part !== "..") into.add(part);
}

/**
 * True when the root entries cannot be the build context: a COPY names a top-level file or
 * folder they do not hold. Dockerfiles kept in a subfolder and built with the repository root as
 * context (`docker build -f docker/Dockerfile .`) look like this; what the host read next to them
 * says nothing about the real context.
 */
export function isContextElsewhere(uses: ContextUses, rootEntries: readonly string[] | undefined): boolean {
  if (rootEntries === undefined) return false;
  const present = new Set(rootEntries.map((e) => e.replace(/\/$/, "")));
  // A local env file (`COPY .env .`) is never committed: the deploy writes it before the build, so
  // its absence from a checkout says nothing of where the context is (held-out AV, vancik01).
  return uses.copiedNames.some((name) => name !== "." && name !== ".." && !present.has(name) && !LOCAL_ENV_FILE.test(name));
}

/** `.env`, `.env.production`: a local settings file, not a template (`.env.example`). */
const LOCAL_ENV_FILE = /^\.env(?:\.(?!example$|sample$|template$|dist$)[\w-]+)?$/;

/**
 * The context paths the file reaches through a whole-context copy (`COPY . /container` then `RUN
 * /container/build.sh` or `ENTRYPOINT ["/container/tool/run"]`: `build.sh`, `tool/run`), from the
 * absolute paths under the copy's destination that RUN, CMD and ENTRYPOINT words name.
 */
export function pathsUsedThroughWholeCopy(model: DockerfileModel): string[] {
  const destinations: string[] = [];
  for (const instruction of model.instructions) {
    const copy = contextCopy(instruction);
    if (copy === null || !copy.sources.some((s) => isWholeContextSource(s.value))) continue;
    const dest = unquoteWord(copy.dest.value);
    const base = dest.startsWith("/") ? "/" : instruction.stage !== null ? workdirOf(model, instruction.stage, instruction) : null;
    if (base === null || dest.includes("$")) continue;
    const landing = joinPath(base, dest);
    // `COPY . /` would make every absolute path a context path.
    if (landing !== "/") destinations.push(landing);
  }
  if (destinations.length === 0) return [];
  const used = new Set<string>();
  const read = (word: string) => {
    const path = unquoteWord(word);
    for (const landing of destinations) if (path.startsWith(`${landing}/`) && !path.includes("$")) used.add(normalizePath(path.slice(landing.length + 1)));
  };
  for (const instruction of model.instructions) {
    if (instruction.keyword !== "RUN" && instruction.keyword !== "CMD" && instruction.keyword !== "ENTRYPOINT") continue;
    if (instruction.isJsonForm) for (const arg of instruction.args) read(arg.value);
    for (const command of instruction.commands) for (const word of command.words) read(word.value);
  }
  return [...used].filter((p) => p !== "." && p !== "");
}

/**
 * True when the root entries are this build's context as far as the file shows: the paths it reaches
 * through a whole-context copy (`COPY . /container` then `RUN /container/build.sh`) are all in them,
 * and there is at least one. A path they lack (`CMD ["/code/docker/entrypoint.sh"]` beside a listing
 * of `docker/` itself) shows a Dockerfile built with the repository root as context.
 */
export function isContextConfirmed(model: DockerfileModel, rootEntries: readonly string[] | undefined): boolean {
  if (rootEntries === undefined) return false;
  const present = new Set(rootEntries.map((e) => e.replace(/\/$/, "")));
  const used = pathsUsedThroughWholeCopy(model);
  return used.length > 0 && used.every((path) => present.has(path.split("/")[0]));
}
