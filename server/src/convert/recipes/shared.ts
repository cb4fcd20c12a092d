// Helpers the recipes share: path arithmetic against the working directory, flag values of build
// commands, and the copy line of a binary artifact with its CMD adjustment.

import { joinPath } from "../../model/copy-paths";
import type { ShellCommand, Word } from "../../model/shell";
import { isShellName } from "../../model/shell-programs";
import type { Instruction } from "../../model/types";
import { EntryCommand, executableOf, rewriteEntry, usesShellForm } from "../entry-command";
import type { RuntimeImage } from "../runtime-base";
import type { CommandChange, RecipeAnswer, RecipePlan } from "../types";

export function resolvePath(workdir: string, path: string): string {
  return path.startsWith("/") ? joinPath("/", path) : joinPath(workdir, path);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

export function dirname(path: string): string {
  const i = path.replace(/\/+$/, "").lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

/** The value of `-o x`, `-o=x`, `--output x` or `--output=x`, with the word(s) holding it. */
export function flagValue(command: ShellCommand, names: readonly string[]): { value: string; words: Word[] } | null {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const word = args[i].value;
    for (const name of names) {
      if (word === name && args[i + 1]) return { value: args[i + 1].value, words: [args[i], args[i + 1]] };
      if (word.startsWith(`${name}=`)) return { value: word.slice(name.length + 1), words: [args[i]] };
    }
  }
  return null;
}

/** True when a `cd` runs before the command in the same RUN (relative paths then mean something else). */
export function changesDirectoryBefore(instruction: Instruction, command: ShellCommand): boolean {
  const index = instruction.commands.indexOf(command);
  return instruction.commands.slice(0, index).some((c) => c.name === "cd" || c.name === "pushd");
}

export const refuse = (reason: string): RecipeAnswer => ({ ok: false, reason });

/** The plan of a compiled artifact: the builder stays as written unless edited, the runtime stage copies and runs. */
export function artifactPlan(
  plan: Pick<RecipePlan, "runtime" | "runtimeSteps" | "command" | "buildOnlyEnv"> &
    Partial<Pick<RecipePlan, "builderEdits" | "builderEpilogue" | "notes" | "artifactMoves" | "writablePaths">>,
): RecipeAnswer {
  return {
    ok: true,
    plan: { builderPrelude: [], builderEdits: [], notes: [], ...plan },
  };
}

export const CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

/**
 * The builder's CA bundle for runtimes that lack one: scratch, and Debian slim (which ships
 * without ca-certificates) unless the runtime stage installs that package. Toolchain images carry
 * the bundle; without it every TLS call of a compiled binary fails with an unknown authority.
 */
export function caBundleCopy(runtime: RuntimeImage, installLines: readonly string[], builderName: string): string[] {
  const installsBundle = installLines.some((line) => /\sca-certificates(?:\s|$)/.test(line));
  const lacksBundle = runtime.kind === "scratch" || (runtime.kind === "debian" && !installsBundle);
  return lacksBundle ? [`COPY --from=${builderName} ${CA_BUNDLE} ${CA_BUNDLE}`] : [];
}

/** Folders on the default PATH of the runtime images (scratch has no PATH at all). */
const PATH_DIRS = new Set(["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]);

/**
 * The runtime command for an artifact that lands at `runtimePath`: the executable is rewritten to
 * that path when it would no longer find the artifact (a bare name off the PATH, a build-tree path),
 * and a shell-form command becomes exec form on images without a shell. Null keeps the original.
 */
export function artifactCommand(entry: EntryCommand, runtime: RuntimeImage, runtimePath: string | null, workdir: string): RecipePlan["command"] {
  const executable = executableOf(entry);
  if (executable !== null && runtimePath !== null) {
    const found = executable.includes("/")
      ? resolvePath(workdir, executable) === runtimePath
      : runtime.kind !== "scratch" && PATH_DIRS.has(dirname(runtimePath)) && basename(runtimePath) === executable;
    if (!found)
      return {
        lines: rewriteEntry(entry, runtimePath),
        change: "adjusted" as CommandChange,
      };
  }
  if (!runtime.hasShell && usesShellForm(entry)) return { lines: rewriteEntry(entry, null), change: "adjusted" };
  return null;
}

/** Words of HEALTHCHECK and CMD/ENTRYPOINT lines: programs the runtime image must still have. */
export function usedPrograms(instructions: readonly Instruction[]): Set<string> {
  const words = new Set<string>();
  for (const i of instructions) {
    if (i.keyword !== "HEALTHCHECK" && i.keyword !== "CMD" && i.keyword !== "ENTRYPOINT") continue;
    for (const a of i.args) for (const w of a.value.split(/[\s"',[\]]+/)) if (w !== "") words.add(basename(w));
  }
  return words;
}

/** A shell-form HEALTHCHECK (`CMD curl ...`) runs through `/bin/sh`; exec form and NONE do not. */
export function healthcheckNeedsShell(instructions: readonly Instruction[]): boolean {
  return instructions.some((i) => {
    if (i.keyword !== "HEALTHCHECK") return false;
    const text = i.args.map((a) => a.value).join(" ");
    return !/^\s*NONE\b/i.test(text) && !/(?:^|\s)CMD\s+\[/i.test(text);
  });
}

/** Programs that rebuild the sources on every change: the toolchain is what such an image runs. */
const HOT_RELOADERS = new Set(["air", "reflex", "CompileDaemon", "realize", "fresh", "modd", "gow", "wgo", "watchexec", "cargo-watch", "nodemon"]);

/**
 * Why the image is a development container rather than a program to ship: it starts a hot-reload
 * tool, `<toolchain> run|watch`, or an interactive shell. Null when it starts a program.
 */
export function developmentImageReason(entry: EntryCommand): string | null {
  const argv = entry.argv;
  if (argv === null || argv.length === 0) return null;
  const program = basename(argv[0]);
  if (HOT_RELOADERS.has(program)) {
    return `the container starts '${program}', a hot-reload tool that rebuilds the sources at run time, so the toolchain is its job; keep this image for development and convert the production Dockerfile`;
  }
  if ((program === "go" || program === "cargo") && (argv[1] === "run" || argv[1] === "watch")) {
    return `the container starts '${program} ${argv[1]}', which compiles at start; build the binary in the Dockerfile and start it instead, then convert`;
  }
  if ((isShellName(program) || program === "fish") && !argv.slice(1).some((w) => w === "-c" || !w.startsWith("-"))) {
    return `the container starts an interactive shell ('${argv[0]}'), not a program: it is a development image whose job is the toolchain`;
  }
  return null;
}

/** True for a path inside a system folder of the builder (`/bin/bash`, `/usr/lib/...`): never a COPY source for the artifact. */
export function isSystemPath(path: string): boolean {
  return /^\/(?:bin|sbin|lib|lib32|lib64|libx32|usr\/(?:bin|sbin|lib|lib64|libexec|share|include)|etc|proc|sys|dev)(?:\/|$)/.test(path);
}
