// The shapes of an image build in a script, a Makefile or a CI workflow, shared by every reader
// of build files (host/ci-*.ts, host/build-args.ts, host/project-images.ts, model/layer-reuse.ts),
// so that what counts as a build is decided in one place.

/** The Makefiles make reads by default, in its order. */
export const DEFAULT_MAKEFILES: readonly string[] = ["GNUmakefile", "makefile", "Makefile"];

/** A build command of the Docker CLI, buildx, Podman, Buildah, or Depot's drop-in for buildx (`depot build`). */
export const BUILD_COMMAND = /\b(?:docker\s+(?:buildx\s+)?build|podman\s+build|buildah\s+(?:bud|build)|depot\s+build)\b/;
/**
 * Options of `docker build` / `buildx build` / `podman build` that take the next word as their
 * value: whatever follows them is not the context.
 */
export const BUILD_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  "-f",
  "--file",
  "-t",
  "--tag",
  "--build-arg",
  "--build-context",
  "--platform",
  "--target",
  "--label",
  "--cache-from",
  "--cache-to",
  "--secret",
  "--ssh",
  "-o",
  "--output",
  "--network",
  "--progress",
  "--iidfile",
  "--metadata-file",
  "--builder",
  "--add-host",
  "--shm-size",
  "--ulimit",
  "--annotation",
  "--attest",
  "--allow",
  "--call",
  "--cgroup-parent",
  "--memory",
  "-m",
  "--format",
  "--layers",
  "--jobs",
]);

/** The Dockerfile a build command names: `-f path`, `--file path`, `--file=path`. */
export const FILE_OPTION = /(?:^|\s)(?:-f|--file)(?:\s+|=)(["']?)([^\s"']+)\1/;
/** The tags a build command gives: `-t name:tag`, `--tag name`, `--tag=name` (global: read with matchAll). */
export const TAG_OPTION = /(?:^|\s)(?:-t|--tag)(?:\s+|=)(["']?)([^\s"']+)\1/g;
/**
 * A workflow step's `uses:` value that builds through docker/build-push-action, or Depot's drop-in
 * replacement with the same inputs (held-out AV, bytebase); with or without a ref (held-out BL,
 * yt-dlp-web-ui names its actions bare: `uses: docker/build-push-action`).
 */
export const BUILD_PUSH_ACTION = /^(?:docker|depot)\/build-push-action(?:@|$)/;
/** The same action named anywhere in a text (a quick test before reading a workflow as YAML). */
export const BUILD_PUSH_ACTION_USE = /(?:docker|depot)\/build-push-action(?:@|\s|$)/;
/** A build command that pushes what it builds: `--push`, `--output type=registry`, `-o type=image,push=true`. */
export const PUSHING_BUILD = /(?:^|\s)--push\b|\btype=registry\b|\bpush=true\b/;
/** A push of an image apart from its build (`docker push`, `docker manifest push`, `podman push`, `buildah push`). */
export const PUSH_COMMAND = /\b(?:docker\s+(?:image\s+|manifest\s+)?push|podman\s+(?:manifest\s+)?push|buildah\s+push)\b/;
/** build-push-action's `push:` input when it pushes: `true`, or an expression that does on some events. */
export const PUSH_INPUT = /^\s*(?:true|\$\{\{)/;

/**
 * True when a build-push-action step pushes the image: its `push:` input does, or its `outputs:`
 * pushes (`type=image,name=...,push-by-digest=true,push=true`, Docker's multi-platform recipe that
 * merges per-platform digests into one manifest; held-out BL, hermes: read as a local build).
 */
export function buildPushStepPushes(inputs: ReadonlyMap<string, string>): boolean {
  return PUSH_INPUT.test(inputs.get("push") ?? "") || PUSHING_BUILD.test(inputs.get("outputs") ?? "");
}

/** The platforms of a build command's `--platform a,b` (or `--platform=a,b`); none without the option. */
export function commandPlatforms(command: string): string[] {
  const at = command.search(BUILD_COMMAND);
  if (at < 0) return [];
  const option = /(?:^|\s)--platform(?:=|\s+)(\S+)/.exec(command.slice(at));
  return option ? platformList(option[1]) : [];
}

/** `linux/amd64,linux/arm64` (or one per line) as its plain entries; an entry with an expression or a variable is left out. */
export function platformList(value: string): string[] {
  return value
    .replace(/^["']|["']$/g, "")
    .split(/[,\s]+/)
    .map((p) => p.trim().replace(/^["']|["']$/g, ""))
    .filter((p) => /^[a-z0-9]+\/[a-z0-9]+(?:\/[a-z0-9]+)?$/.test(p));
}

/**
 * The `-f`/`--file` value and the positional words of a build command's text after its `build`
 * (`-t app:1 --build-arg V=1 -f docker/Dockerfile .`), up to the end of the command (another
 * command, a redirection or a comment); the options' values are not positional. Quotes are kept.
 */
export function readBuildWords(text: string): { dockerfile: string | null; positional: string[] } {
  // A command substitution in an option's value is one word to the shell, spaces and pipes inside
  // it included (`--build-arg VCS_REF=\`git rev-parse --short HEAD\``, `-t $(echo "$IMAGE" | tr A-Z a-z)`).
  const words = text
    .replace(/`[^`]*`/g, "$x")
    .replace(/\$\([^()]*\)/g, "$x")
    .split(/\s+/)
    .filter((w) => w !== "");
  let dockerfile: string | null = null;
  const positional: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (/^(?:&&|\|\||;|\||>|2>|#|\))/.test(word)) break;
    if (word === "-f" || word === "--file") dockerfile = words[++i] ?? null;
    else if (word.startsWith("--file=")) dockerfile = word.slice("--file=".length);
    // `-` alone is the context read from standard input, not an option.
    else if (word.startsWith("-") && word !== "-") {
      if (!word.includes("=") && BUILD_VALUE_OPTIONS.has(word)) i++;
    } else positional.push(word.replace(/[;&|]+$/, ""));
  }
  return { dockerfile, positional };
}

/** `NAME := value`, `NAME ?= value`, `NAME = value` (also after `export`), at the start of a line outside a recipe; a shell script's `NAME=value`. */
const VARIABLE_ASSIGNMENT = /^(?:export[ \t]+)?([A-Za-z_]\w*)[ \t]*(?::{1,3}=|\?=|=)(.*)$/;
/** A make variable reference: `$(NAME)`, `${NAME}`. */
const VARIABLE_REFERENCE = /\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]/g;

/**
 * The variables a Makefile (or a build script) assigns outside its recipes, by name, the last
 * assignment winning, comments dropped. `accept` says which values are kept (the build-context
 * reader keeps plain words only: `$(shell ...)` or a list names no path).
 */
export function makeVariables(lines: readonly string[], accept: (value: string) => boolean = () => true): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of lines) {
    if (line.startsWith("\t")) continue;
    const m = VARIABLE_ASSIGNMENT.exec(line);
    const value = m?.[2].replace(/#.*$/, "").trim();
    if (m && value !== undefined && accept(value)) values.set(m[1], value);
  }
  return values;
}

/** `text` with the `$(NAME)` / `${NAME}` references `values` knows replaced, `rounds` times over (a value may name another variable). */
export function expandMakeVariables(text: string, values: ReadonlyMap<string, string>, rounds: number): string {
  let out = text;
  for (let round = 0; round < rounds && out.includes("$"); round++) out = out.replace(VARIABLE_REFERENCE, (whole, name: string) => values.get(name) ?? whole);
  return out;
}

/** The Dockerfile a build without `-f` reads: its context's `Dockerfile` (`.` -> `Dockerfile`, `./web/` -> `web/Dockerfile`). */
export function contextDockerfilePath(context: string): string {
  const folder = context.replace(/^(?:\.\/+)+/, "").replace(/\/+$/, "");
  return folder === "." || folder === "" ? "Dockerfile" : `${folder}/Dockerfile`;
}
