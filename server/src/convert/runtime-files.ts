// Files a compiled program reads at run time (templates, static, config, migrations, .env, *.db)
// that the original image holds because its build copied them next to the sources. The runtime
// stage takes them from the builder at the same paths, so relative paths resolve as before:
// - a COPY of named context paths that are not build inputs is repeated (`COPY templates/ ./templates/`);
// - a copy of the whole context into the working directory brings either the whole folder (when the
//   toolchain keeps its output elsewhere, as Go does) or every root entry that is not a build
//   input (when build output lives there, as Rust's target/ does). docs/convert.md explains why.

import { contextCopy, hasWildcard, isWholeContextSource } from "../model/copies";
import { joinPath, normalizePath } from "../model/copy-paths";
import type { DockerfileModel, Stage } from "../model/types";
import { workdirOf } from "../model/workdir";
import { chownFlag } from "./users";
import { contextFiles } from "../model/context";

/** Context entries only the build reads, in every ecosystem (VCS data, docs, container files). */
const COMMON_BUILD_ONLY = [
  /^\.git(?:\/|ignore$|attributes$|modules$)/,
  /^\.github\//,
  /^\.gitlab-ci\.yml$/,
  /^\.vscode\//,
  /^\.idea\//,
  /^\.devcontainer\//,
  /^\.dockerignore$/,
  /(?:^|\.)[Dd]ockerfile(?:\..*)?$/,
  /\.dockerignore$/,
  /^(?:docker-)?compose[\w.-]*\.ya?ml$/,
  /^(?:README|LICEN[CS]E|CHANGELOG|CONTRIBUTING|CODE_OF_CONDUCT|SECURITY|NOTICE|AUTHORS)(?:\.\w+)?$/i,
  /\.md$/i,
  /^Makefile$/,
  /^\.editorconfig$/,
  /^case\.json$/,
];

export interface RuntimeFilesInput {
  model: DockerfileModel;
  stage: Stage;
  builderName: string;
  /** Working directory at the end of the stage, where the program starts. */
  workdir: string;
  /** Entries (root-relative, folders with a trailing `/`) that only the build reads in this ecosystem. */
  buildOnly: readonly RegExp[];
  /**
   * True when the ecosystem keeps its build output and caches outside the working directory (Go),
   * so a whole-context copy can be taken over as the whole folder; false for Rust (target/).
   */
  isWorkdirSmall: boolean;
  /** Folders of the toolchain image itself (`/go`): never copied whole. */
  toolchainHomes: readonly string[];
  /** The non-root user that runs the program (null or absent: root, who may write anywhere). */
  owner?: string | null;
  /** Where the sources show the program writing under its working directory (`main.go:40 os.Create("db/app.db")`), if known. */
  workdirWrite?: string | null;
}

export interface RuntimeFiles {
  lines: string[];
  /** Folders copied whole from the builder: an artifact inside one needs no COPY of its own. */
  wholeFolders: string[];
  notes: string[];
}

function isBuildOnly(entry: string, buildOnly: readonly RegExp[]): boolean {
  const name = entry.replace(/^\.\//, "");
  return [...COMMON_BUILD_ONLY, ...buildOnly].some((p) => p.test(name));
}

/** A folder holding its own module manifest (a workspace crate, a Go module): sources, not run-time files. */
function isSourceFolder(relative: string, model: DockerfileModel): boolean {
  const files = contextFiles(model.context);
  return ["Cargo.toml", "go.mod", "package.json", "pom.xml", "build.gradle", "build.gradle.kts"].some((m) => files[`${relative}/${m}`] !== undefined);
}

function isSystemFolder(path: string): boolean {
  return /^\/(?:bin|sbin|lib\w*|usr|etc|proc|sys|dev|var\/lib|boot)?(?:\/|$)/.test(path) && !/^\/(?:usr\/src|usr\/local\/src)\//.test(`${path}/`);
}

/** COPY lines for the root entries of a whole-context copy into `dest` that are not build inputs. */
function entryCopies(dest: string, entries: readonly string[], input: RuntimeFilesInput, ownerFlag: string): string[] {
  const kept = entries.filter((e) => !isBuildOnly(e, input.buildOnly) && !(e.endsWith("/") && isSourceFolder(e.slice(0, -1), input.model)));
  const folders = kept.filter((e) => e.endsWith("/")).map((e) => e.slice(0, -1));
  const files = kept.filter((e) => !e.endsWith("/"));
  const from = `COPY --from=${input.builderName}${ownerFlag}`;
  const lines = folders.map((f) => `${from} ${joinPath(dest, f)} ${joinPath(dest, f)}`);
  if (files.length > 0) lines.push(`${from} ${files.map((f) => joinPath(dest, f)).join(" ")} ${dest === "/" ? "/" : `${dest}/`}`);
  return lines;
}

/**
 * Who owns a copy of the program's own folder. The original ran as root, so it could write there;
 * a copy is root-owned, so for a non-root runtime user it is copied with `--chown` where the
 * sources show a write, and a comment says what to do where that is unknown.
 */
function ownership(dest: string, input: RuntimeFilesInput, copies = "the COPY below"): { flag: string; comments: string[] } {
  const owner = input.owner ?? null;
  if (owner === null) return { flag: "", comments: [] };
  if (input.workdirWrite) {
    return { flag: ` ${chownFlag(owner)}`, comments: [`# ${input.workdirWrite} writes under ${dest}: copied owned by '${owner}', who runs the program.`] };
  }
  return {
    flag: "",
    comments: [`# Copied owned by root while '${owner}' runs the program: if it writes under ${dest}, add ${chownFlag(owner)} to ${copies}.`],
  };
}

/** Runtime COPY lines (with their caveat comments) for the files the program reads at run time. */
export function runtimeFileCopies(input: RuntimeFilesInput): RuntimeFiles {
  const { model, stage, workdir, builderName } = input;
  const lines: string[] = [];
  const notes: string[] = [];
  const from = `COPY --from=${builderName}`;
  const looseFiles: string[] = [];
  const wholeFolders: string[] = [];
  for (const instruction of stage.instructions) {
    const copy = contextCopy(instruction);
    // `--parents` keeps each source's folders under the destination: not followed here.
    if (!copy || instruction.flags.some((f) => f.name.toLowerCase() === "parents")) continue;
    const base = workdirOf(model, stage, instruction) ?? workdir;
    const destWritten = copy.dest.value;
    const dest = destWritten.startsWith("/") ? normalizePath(destWritten) : joinPath(base, destWritten);
    const intoFolder = destWritten.endsWith("/") || destWritten === "." || copy.sources.length > 1;
    // Only what lands where the program starts (or below it) is read through relative paths.
    const isUnderWorkdir = dest === workdir || dest.startsWith(workdir === "/" ? "/" : `${workdir}/`) || workdir.startsWith(`${dest}/`);
    if (!isUnderWorkdir || isSystemFolder(dest)) continue;
    for (const source of copy.sources) {
      const path = source.value;
      if (isWholeContextSource(path)) {
        const home = input.toolchainHomes.some((h) => dest === h || h.startsWith(`${dest}/`));
        const entries = model.context.rootEntries;
        const hasRuntimeEntries = entries === undefined || entries.some((e) => !isBuildOnly(e, input.buildOnly));
        if (!hasRuntimeEntries) continue;
        if (input.isWorkdirSmall && !home && dest !== "/") {
          const owned = ownership(dest, input);
          lines.push(
            `# Files the program may read from ${dest} (templates, config, .env...) come with the whole folder, as in the original.`,
            ...owned.comments,
            `COPY --from=${builderName}${owned.flag} ${dest} ${dest}`,
          );
          wholeFolders.push(dest);
        } else if (entries !== undefined) {
          const owned = ownership(dest, input, "the COPY lines below");
          const copies = entryCopies(dest, entries, input, owned.flag);
          if (copies.length > 0) {
            lines.push(
              `# Files of the context the program may read at run time (everything but build inputs); drop what it does not need.`,
              ...owned.comments,
              ...copies,
            );
          }
        } else {
          const note = `The original copies the whole context into ${dest}; files the program reads from there at run time are not copied: add COPY --from=${builderName} lines for them.`;
          lines.push(`# ${note}`);
          notes.push(note);
        }
        continue;
      }
      const relative = path.replace(/^\.\//, "").replace(/\/+$/, "");
      if (isBuildOnly(relative, input.buildOnly) || isBuildOnly(`${relative}/`, input.buildOnly) || isSourceFolder(relative, model)) continue;
      // Known context, path not in it: nothing the runtime stage could take over (a submodule, another context).
      const entries = model.context.rootEntries;
      if (entries !== undefined && !relative.includes("/") && !hasWildcard(relative) && !entries.includes(relative) && !entries.includes(`${relative}/`))
        continue;
      const name = path.replace(/\/+$/, "").split("/").pop() ?? path;
      if (!intoFolder) lines.push(`${from} ${dest} ${dest}`);
      else if (hasWildcard(name) || !model.context.rootEntries?.includes(`${path.replace(/^\.\//, "").replace(/\/$/, "")}/`))
        looseFiles.push(joinPath(dest, name));
      // A folder copied into a folder spreads its contents there: take the whole destination.
      else if (dest !== workdir) lines.push(`${from} ${dest} ${dest}`);
      else notes.push(`The contents of '${path}' are copied into ${dest} with the sources; copy the files the program reads by hand.`);
    }
  }
  if (looseFiles.length > 0) {
    const folders = [...new Set(looseFiles.map((f) => f.slice(0, f.lastIndexOf("/")) || "/"))];
    for (const folder of folders) {
      const inFolder = looseFiles.filter((f) => (f.slice(0, f.lastIndexOf("/")) || "/") === folder);
      lines.push(`${from} ${inFolder.join(" ")} ${folder === "/" ? "/" : `${folder}/`}`);
    }
  }
  return { lines: [...new Set(lines)], wholeFolders, notes };
}
