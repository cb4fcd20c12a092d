// Where a final image keeps the files it writes, and whether the file prepares a non-root user to
// own them. An image that keeps data in volumes created by root (a VOLUME, a compose volume) has
// deployments whose existing data is root-owned: adding a USER there is a migration, not a line.
// Files in /root (root's private home) must move before any USER can work.

import { accountHomeOf } from "./account-home";
import { isAccountCommand, systemPackageCommand } from "./commands";
import { composeDataMounts, composeRootHomeMounts } from "./compose-services";
import { baseName, copyPaths, isSameOrParentPath, joinPath } from "./copy-paths";
import { envDeclarations, environmentAt, environmentViewAt, substituteAt } from "./environment";
import { rootHomeInstall } from "./root-home-installs";
import { mergedScope, mergedScopeWith } from "./stage-graph";
import { isShellScriptAt, startCommand, withoutInitWrapper } from "./stage-purpose";
import { sudoWrapper } from "./shell";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { substituteVariables } from "./variables";
import { commandDirectory, workdirOf } from "./workdir";
import { lookupTable } from "./lookup-table";

/** Names of variables that hold where an app keeps its files (`HALO_WORK_DIR`, `DATA_HOME`, `CONFIG_LOCATION`); not `HOME` itself. */
const DATA_VARIABLE = /.(?:DIR|HOME|DATA|LOCATION|FOLDER|ROOT|STORAGE)$|^(?:DATA|STORAGE)$/i;
/**
 * Build tools' own homes and caches (`UV_CACHE_DIR=/root/.cache/uv` for a cache mount,
 * `CARGO_HOME`, `GOPATH`): used while building, not where the app keeps its data.
 */
const TOOL_VARIABLE =
  /CACHE|^(?:CARGO|RUSTUP|GO|NVM|PYENV|SDKMAN|BUN|PNPM|POETRY|UV|PIP|NPM|YARN|CONDA|MAMBA|GRADLE|MAVEN|M2|DENO|VOLTA|ASDF|RBENV|GEM|BUNDLE|PIPX)(?:_|PATH$|$)/i;
/** A PATH entry in root's home (`/root/.local/bin`): the app's tools and dependencies live there. */
const ROOT_PATH_ENTRY = /(?:^|:)(\/root\/[^:]+)/;
/** Options that name where an app writes its data: `wal-directory`, `data-dir`, `storage.tsdb.path`, `datadir`, `state-dir`. */
const WRITE_FOLDER_OPTION = /(?:data|wal|storage|state|db|store)[\w.-]*(?:dir|directory|path|folder|location)$|^(?:data|storage|datadir|workdir|work-dir)$/i;
/** Option names that say only "a folder" (`--location /data`): they name a data folder when the folder's name says state. */
const GENERIC_FOLDER_OPTION = /^(?:location|dir|directory)$/i;
/** A folder named relative to the working directory (`data`, `./db/files`), not an option, a URL or a variable. */
const RELATIVE_FOLDER = /^(?:\.\/)?[\w][\w.-]*(?:\/[\w.-]+)*\/?$/;
/** Folder names that hold an app's state: `storage`, `uploads`, `db`, and names ending in `data` (`/data`, `app-data`, `botdata`). */
const STATE_FOLDER = /^(?:storage|uploads?|db|database|state|sqlite)$|data$/i;
/** Commands that fill the folder they run in (fetch, unpack, copy, install, build): it is not empty then. */
const FILLS_FOLDER = new Set([
  "git",
  "curl",
  "wget",
  "tar",
  "unzip",
  "cp",
  "mv",
  "npm",
  "yarn",
  "pnpm",
  "bun",
  "pip",
  "pip3",
  "composer",
  "bundle",
  "go",
  "cargo",
  "make",
  "dotnet",
  "mvn",
  "gradle",
]);
/** A path in /root inside a value (`/root/.halo2`, `file:/root/.halo2/`), or /root itself. */
const ROOT_PATH = /(?:^|[=:;,\s])(\/root(?:\/[^\s:;,"']*)?)(?=$|[\s:;,"'])/;
/** An option that points the app at a folder (`-Duser.home=/root`, `--halo.work-dir=/root/.halo2`). */
const ROOT_PATH_OPTION = /^-[\w.-]*=(\/root(?:\/\S*)?)$/;
/** A symbolic chmod clause that lets the group or others write (`g+w`, `a+rwX`, `o=rwx`). */
const SHARED_WRITE_CLAUSE = /^([ugoa]*)[+=][rwxXst]*w/;
const inRoot = (value: string) => value === "/root" || value.startsWith("/root/");
/** A path without its trailing slash (`/data/` -> `/data`; `/` stays). */
export const trimSlash = (path: string) => path.replace(/(?<=.)\/$/, "");

/**
 * Where the final image keeps its files under /root, if it does: a WORKDIR or VOLUME there, a data
 * variable (`HALO_WORK_DIR=/root/.halo2`), a start option (`--work-dir=/root/...`) or a compose
 * volume (`cache:/root/.cache`) pointing there, or the app's dependencies a root install left there
 * by default and the image reads at run time (`dart pub get`, model/root-home-installs.ts). /root
 * is root's private home (mode 700): a USER alone then locks the app out of its own files and
 * breaks every deployment that mounts them, so moving the files is the remedy, not one line.
 */
export function rootDataPath(model: DockerfileModel, chain: Stage[]): string | null {
  // The working directory the app starts in (the last WORKDIR; earlier ones only served build steps).
  let workdir: string | null = null;
  for (const stage of chain) {
    const scope = mergedScope(model, stage);
    for (const i of stage.instructions) {
      if (i.keyword === "WORKDIR" && i.args.length > 0) workdir = substituteVariables(i.args[0].value, scope).value.replace(/^["']|["']$/g, "");
      if (i.keyword === "VOLUME") {
        const path = volumePaths(model, stage, i).find(inRoot);
        if (path !== undefined) return path;
      }
      if (i.keyword === "RUN") {
        const linked = rootToolLink(i);
        if (linked !== null) return linked;
      }
      if (i.keyword !== "ENV") continue;
      for (const d of envDeclarations(model, i)) {
        if (d.value === null) continue;
        // `PATH=/root/.local/bin:$PATH`: the tools the app runs (uv, pip --user installs) are in
        // root's home, which a USER cannot read.
        const entry = d.name === "PATH" ? ROOT_PATH_ENTRY.exec(pathWithHome(model, stage, i, d.value.replace(/^["']|["']$/g, "")))?.[1] : undefined;
        if (entry !== undefined) return trimSlash(entry);
        const path = ROOT_PATH.exec(d.value.replace(/^["']|["']$/g, ""))?.[1];
        if (path === undefined || TOOL_VARIABLE.test(d.name)) continue;
        if (DATA_VARIABLE.test(d.name) || /(?:^|\s)-(?:D[\w.]+|-[\w.-]+)=\/root\b/.test(d.value)) return path.replace(/\/$/, "");
      }
    }
  }
  if (workdir !== null && inRoot(workdir)) return trimSlash(workdir);
  for (const word of startWords(startCommand(model) ?? [])) {
    // `--work-dir=/root/.halo2`, or the program or a file it is given in /root
    // (`/root/.local/bin/app`, where `pipx install` and `pip install --user` put it as root).
    const path = ROOT_PATH_OPTION.exec(word)?.[1] ?? (inRoot(word) ? word : undefined);
    if (path !== undefined) return path.replace(/\/$/, "");
  }
  // `dart pub get` as root with no PUB_CACHE: the app's packages sit in /root/.pub-cache, read at run time.
  return composeRootHomeMounts(model)[0] ?? rootHomeInstall(model, chain);
}

/**
 * A PATH value with the variables known before `instruction` substituted and, when the file never
 * sets HOME, `$HOME` read as /root (`FLUTTER_HOME=${HOME}/sdks/flutter`, then
 * `PATH=${PATH}:${FLUTTER_HOME}/bin`): in an image that runs as root, which is the only case asked
 * about, the author means root's home.
 */
function pathWithHome(model: DockerfileModel, stage: Stage, instruction: Instruction, value: string): string {
  if (!value.includes("$")) return value;
  const known = environmentAt(model, stage, instruction);
  if (!known.has("HOME")) known.set("HOME", "/root");
  // Values may name other variables (`FLUTTER_HOME=${HOME}/sdks/flutter`): a few rounds reach them.
  let expanded = value;
  for (let round = 0; round < 3 && expanded.includes("$"); round++) {
    expanded = expanded.replace(
      /\$\{(\w+)\}|\$(\w+)/g,
      (written, braced: string | undefined, bare: string | undefined) => known.get(braced ?? bare ?? "") ?? written,
    );
  }
  return expanded;
}

/**
 * The words of a start command, with the script a shell runs (`["bash", "-c", "python -m app
 * --config=/root/app.json"]`) split into its own words, quotes taken off: a path there is read at
 * start as much as one written as a word of the command.
 */
function startWords(command: readonly string[]): string[] {
  return command.flatMap((word, i) =>
    isShellScriptAt(command, i)
      ? word
          .split(/[\s;&|()]+/)
          .map((w) => w.replace(/^["']+|["']+$/g, ""))
          .filter((w) => w !== "")
      : [word],
  );
}

/** The folders on the default PATH, where a link puts a program within every user's reach. */
const BIN_FOLDER = /^\/(?:usr\/(?:local\/)?)?s?bin(?:\/|$)/;

/**
 * The target in /root of a symbolic link a RUN puts on the PATH (`ln -s /root/.bun/bin/bun
 * /usr/local/bin/bun` after a `curl ... | bash` installer wrote the tool into root's home): the
 * tool stays in /root, mode 700, so the link is dangling for any other user.
 */
function rootToolLink(run: Instruction): string | null {
  for (const c of run.commands) {
    if (c.name !== "ln" || !c.args.some((w) => /^-[a-rt-zA-Z]*s[a-zA-Z]*$|^--symbolic$/.test(w.value))) continue;
    const operands = c.args.filter((w) => !w.value.startsWith("-")).map((w) => w.value.replace(/^["']|["']$/g, ""));
    if (operands.length !== 2 || !inRoot(operands[0]) || !BIN_FOLDER.test(operands[1])) continue;
    return trimSlash(operands[0]);
  }
  return null;
}

/** The paths of a VOLUME instruction's arguments, variables (ARG and ENV) resolved (`VOLUME ["/data", "/conf"]`, `VOLUME $DATA`). */
function volumePaths(model: DockerfileModel, stage: Stage, volume: Instruction): string[] {
  const scope = mergedScopeWith(model, stage, environmentViewAt(model, stage, volume));
  return volume.args.map((arg) => trimSlash(substituteVariables(arg.value, scope).value.replace(/^[["']+|[\]"',]+$/g, ""))).filter((p) => p.startsWith("/"));
}

/**
 * The folders where the final image keeps data across deployments: its VOLUMEs, and the volumes
 * and host folders a compose service running it mounts writable (`changedetection-data:/datastore`).
 */
export function dataPaths(model: DockerfileModel, chain: Stage[]): string[] {
  const paths: string[] = [];
  for (const stage of chain) {
    for (const i of stage.instructions) if (i.keyword === "VOLUME") paths.push(...volumePaths(model, stage, i));
  }
  return [...paths, ...composeDataMounts(model), ...documentedRunMounts(model)];
}

/** `-v /tmp/logs:/opt/logs`, `--volume=app-data:/data`: a host folder or named volume and the image folder it is mounted on. */
const RUN_VOLUME = /(?:^|\s)(?:-v\s+|--volume[\s=])["']?([^\s:"'=][^\s:"']*):(\/[^\s:"']*)(:[\w,]+)?/g;

/**
 * The image folders the run the file's comments document mounts writable from the host (`# Run
 * with: docker run -d -v /tmp/logs:/opt/logs app`): the app writes its logs or data there, and
 * every deployment that follows the comment has root-owned files in them, as with a compose
 * volume. Not a read-only mount, the Docker socket, or a single file (`/app/config.yml`).
 */
function documentedRunMounts(model: DockerfileModel): string[] {
  if (!model.comments.some((c) => /\bdocker\s+run\b/.test(c.content))) return [];
  const paths: string[] = [];
  for (const comment of model.comments) {
    for (const m of comment.content.matchAll(RUN_VOLUME)) {
      const [, , target, mode] = m;
      if (mode !== undefined && /\bro\b/.test(mode)) continue;
      if (/docker\.sock$/.test(target) || /\.\w+$/.test(baseName(target))) continue;
      paths.push(trimSlash(target));
    }
  }
  return paths;
}

/**
 * Folders of the final image where the app keeps state it writes at run time, though no VOLUME
 * names them: a state folder the image creates empty (`mkdir -p /app/data`, `mkdir /botdata`), and
 * the working directory the app starts in when nothing is copied, fetched or built into it
 * (`WORKDIR /meili_data`): its files (a database, a store, a staging folder) appear at run time.
 * Deployments mount these folders, so their existing contents are root-owned, as with a VOLUME.
 */
export function stateFolders(model: DockerfileModel, chain: Stage[]): string[] {
  const folders: string[] = [];
  for (const stage of chain) {
    for (const i of stage.instructions) {
      for (const c of i.commands) {
        if (c.name !== "mkdir") continue;
        const at = commandDirectory(model, stage, i, c);
        for (const arg of c.args) {
          if (arg.value.startsWith("-") || !arg.value.split("/").some((segment) => STATE_FOLDER.test(segment))) continue;
          const path = arg.value.startsWith("/") ? arg.value : at === null ? null : joinPath(at, arg.value);
          if (path !== null) folders.push(trimSlash(path));
        }
      }
    }
  }
  folders.push(...startWriteFolders(model), ...dataDirectoryVariables(model, chain));
  const start = emptyStartFolder(model, chain);
  return start === null ? folders : [...folders, start];
}

/** Variables that tell the app where to keep its data (`DATA_DIR`, `BTCPAY_DATADIR`, `UPLOADS_PATH`, `XDG_DATA_HOME`). */
const DATA_DIRECTORY_VARIABLE = /(?:^|_)(?:DATA|STORAGE|STATE|UPLOADS?|BACKUPS?)_?(?:DIR|DIRECTORY|PATH|ROOT|FOLDER|HOME)$/;

/**
 * The folders an ENV of the final image tells the app to keep its data in (`ENV DATA_DIR=/data`,
 * which the README mounts from the host): the app writes there at run time and deployments mount
 * it, so existing data is root-owned, as in a VOLUME. /tmp is anyone's.
 */
function dataDirectoryVariables(model: DockerfileModel, chain: Stage[]): string[] {
  const folders: string[] = [];
  for (const stage of chain) {
    for (const i of stage.instructions) {
      if (i.keyword !== "ENV") continue;
      for (const d of envDeclarations(model, i)) {
        if (!DATA_DIRECTORY_VARIABLE.test(d.name) || d.value === null) continue;
        const path = substituteAt(model, stage, i, d.value).value.replace(/^["']|["']$/g, "");
        if (path.startsWith("/") && !/^\/tmp(?:\/|$)/.test(path) && !/[$\s]/.test(path)) folders.push(trimSlash(path));
      }
    }
  }
  return folders;
}

/**
 * The folders the start command tells the app to write its data to (`--metrics.wal-directory=/etc/agent/data`,
 * `--data-dir /var/lib/app`, `--storage.tsdb.path=/prometheus`, `--location /data`), also relative
 * to the folder it starts in (`--data-dir data` after `WORKDIR /srv/app`): the default run writes
 * there, so a USER alone fails where root created or owns the folder. /tmp is anyone's.
 */
function startWriteFolders(model: DockerfileModel): string[] {
  const command = startCommand(model) ?? [];
  const final = model.finalStage;
  const folders: string[] = [];
  command.forEach((word, at) => {
    const option = /^--?([\w.-]+)(?:=(.*))?$/.exec(word);
    if (option === null) return;
    const generic = GENERIC_FOLDER_OPTION.test(option[1]);
    if (!generic && !WRITE_FOLDER_OPTION.test(option[1])) return;
    const written = (option[2] ?? command[at + 1] ?? "").replace(/^["']|["']$/g, "");
    // A bare `--storage memory` may name a backend: a relative value counts after an option that says folder, or as `./x`.
    const relative = RELATIVE_FOLDER.test(written) && (/(?:dir|directory|path|folder|location)$/i.test(option[1]) || written.startsWith("./"));
    const workdir = relative && final ? workdirOf(model, final) : null;
    const value = workdir === null ? written : joinPath(workdir, written);
    if (!value.startsWith("/") || /^\/(?:tmp|dev)(?:\/|$)/.test(value)) return;
    if (generic && !STATE_FOLDER.test(trimSlash(value).split("/").pop() ?? "")) return;
    folders.push(trimSlash(value));
  });
  return folders;
}

/** The final WORKDIR when nothing is copied, fetched or built into it (nor into a folder above it); null otherwise or when unknown. */
export function emptyStartFolder(model: DockerfileModel, chain: Stage[]): string | null {
  const final = chain[chain.length - 1];
  const workdir = workdirOf(model, final);
  if (workdir === null || workdir === "/") return null;
  // A copy to a folder above it (`COPY --from=build /target /`) may bring it files.
  const fills = (path: string) => isSameOrParentPath(workdir, path) || isSameOrParentPath(path, workdir);
  for (const stage of chain) {
    for (const i of stage.instructions) {
      const copy = copyPaths(i);
      const at = workdirOf(model, stage, i);
      if (copy !== null) {
        // A destination left to a variable (`$APP_ROOT/`) may be the folder.
        if (copy.dest.value.includes("$")) return null;
        const dest = copy.dest.value.startsWith("/") ? copy.dest.value : at === null ? null : joinPath(at, copy.dest.value);
        if (dest === null || fills(trimSlash(dest))) return null;
      }
      if (i.keyword === "RUN" && i.commands.some((c) => FILLS_FOLDER.has(c.name) && (commandDirectory(model, stage, i, c) ?? workdir) === workdir)) return null;
    }
  }
  return workdir;
}

/**
 * Options of useradd and adduser (Debian's and BusyBox's) that take a value: the word after them
 * (or the rest of a short cluster, `-ms/bin/bash`) is a shell, a home or a group, not the new login
 * (`useradd apache -g www-data` creates `apache`). BusyBox's `-g` is the GECOS, useradd's the group:
 * both take a value.
 */
const ACCOUNT_VALUE_SHORT: Readonly<Record<string, string>> = lookupTable({ useradd: "bcdefgGkKpPRsuZ", adduser: "hgsGuk" });
const ACCOUNT_VALUE_LONG =
  /^--(?:base-dir|comment|home-dir|home|expiredate|inactive|gid|groups|ingroup|skel|key|password|uid|shell|root|prefix|selinux-user|selinux-range|gecos|firstuid|lastuid|firstgid|lastgid|conf|extrausers-file)$/;
/** useradd's `-o` (`--non-unique`): the login takes an existing account's UID, another name for that account. */
const NON_UNIQUE = /^(?:--non-unique|-[a-np-zA-Z]*o[a-zA-Z]*)$/;

/**
 * The login a useradd or adduser command creates: its one operand once option values are skipped.
 * Null when it creates none of its own: adduser with two operands adds an existing user to a group
 * (`adduser www-data video`), `useradd -D` prints or sets defaults, and `useradd -o -u <uid>` gives
 * an existing account a second name (an alias for configs that name `apache`), not a user to run as.
 */
export function createdLogin(command: ShellCommand): string | null {
  const valueShort = ACCOUNT_VALUE_SHORT[command.name];
  if (valueShort === undefined) return null;
  const operands: string[] = [];
  const words = command.args.map((w) => w.value);
  for (let at = 0; at < words.length; at++) {
    const word = words[at];
    if (command.name === "useradd" && (word === "-D" || word === "--defaults" || NON_UNIQUE.test(word))) return null;
    if (word === "--") {
      operands.push(...words.slice(at + 1));
      break;
    }
    if (word.startsWith("--")) {
      if (!word.includes("=") && ACCOUNT_VALUE_LONG.test(word)) at++;
      continue;
    }
    if (word.startsWith("-") && word.length > 1) {
      // `-ms /bin/bash`: the first value option of a cluster takes the rest, or the next word.
      const valueAt = [...word.slice(1)].findIndex((flag) => valueShort.includes(flag));
      if (valueAt !== -1 && valueAt === word.length - 2) at++;
      continue;
    }
    operands.push(word);
  }
  return operands.length === 1 ? operands[0] : null;
}

/** The first non-root user the file creates (`useradd app`, `adduser -S app`), if any. */
export function createdUser(chain: Stage[]): string | null {
  for (const stage of chain) {
    for (const i of stage.instructions) {
      for (const c of i.commands) {
        const name = createdLogin(c);
        if (name !== null && /^[a-z_][a-z0-9_-]*$/.test(name) && name !== "root") return name;
      }
    }
  }
  return null;
}

/** Variables that pass a user's or group's id to a program: `PUID`/`PGID`, or `<PROGRAM>_UID`, `<PROGRAM>_GID` (`VHS_UID` for vhs). */
const ID_VARIABLE = /^(?:P[UG]ID|(.+)_(?:[UG]ID|USER_?ID|GROUP_?ID))$/;
/** useradd's and adduser's options that give the new account its id (`-u 1976`, `--uid=1976`). */
const UID_OPTION = /^(?:-u|--uid)$/;

/**
 * True when an ENV of the chain passes the created user's id or name to the program it starts,
 * named for it (`useradd -u 1976 vhs` with `ENV VHS_UID=1976` for `/usr/bin/vhs`), or as `PUID`: the program switches to that account itself
 * after the work that needs root (vhs serve binds, then drops to VHS_UID), so it starts as root
 * on purpose and a USER line would take that work away.
 */
export function passesCreatedUserToProgram(model: DockerfileModel, chain: Stage[]): boolean {
  const user = createdUser(chain);
  if (user === null) return false;
  const ids = new Set([user]);
  for (const stage of chain)
    for (const i of stage.instructions)
      for (const c of i.commands) {
        if (createdLogin(c) !== user) continue;
        const words = c.args.map((w) => w.value);
        words.forEach((w, at) => {
          const inline = /^(?:-u|--uid=)(\d+)$/.exec(w);
          if (inline) ids.add(inline[1]);
          else if (UID_OPTION.test(w) && /^\d+$/.test(words[at + 1] ?? "")) ids.add(words[at + 1]);
        });
      }
  // The program started, by its file name (`/usr/bin/vhs serve` -> VHS): a variable named for
  // another (.NET's `APP_UID`, the id for a USER line) says nothing of what the program does.
  const program = baseName(withoutInitWrapper(startCommand(model) ?? [])[0] ?? "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_");
  const passes = (name: string) => {
    const m = ID_VARIABLE.exec(name);
    return m !== null && (m[1] === undefined || (program !== "" && m[1] === program));
  };
  return chain.some((stage) =>
    stage.instructions.some(
      (i) => i.keyword === "ENV" && envDeclarations(model, i).some((d) => passes(d.name) && d.value !== null && ids.has(d.value.replace(/^["']|["']$/g, ""))),
    ),
  );
}

/** The command that creates the file's first non-root user (`createdUser`), or null. */
function userCreation(chain: Stage[]): ShellCommand | null {
  const user = createdUser(chain);
  if (user === null) return null;
  for (const stage of chain) for (const i of stage.instructions) for (const c of i.commands) if (createdLogin(c) === user) return c;
  return null;
}

/**
 * True when the user the file creates (`createdUser`) gets no home folder: `useradd` without
 * `-m`/`--create-home`, Debian's `adduser --system` without `--home`, any `adduser` told not to
 * (`--no-create-home`, BusyBox's `-H`).
 */
export function createdUserHasNoHome(chain: Stage[]): boolean {
  const creation = userCreation(chain);
  if (creation === null) return false;
  return !accountHomeOf(creation).makesHome;
}

/**
 * True when the user the file creates (`createdUser`) is a system account (`adduser --system`,
 * `adduser -S`, `useradd -r` / `--system`): an account with no login made for a daemon, which
 * packaged daemons (DNS, mail, directory servers) switch to themselves after binding their ports
 * as root, through their own configuration (`server.user: knot:knot`, `username: unbound`).
 */
export function createdUserIsSystemAccount(chain: Stage[]): boolean {
  const creation = userCreation(chain);
  if (creation === null) return false;
  // `-S` is BusyBox adduser's --system; for useradd it is not an option, `-r` is.
  const system = creation.name === "useradd" ? /^(?:--system|-[a-qs-zA-Z]*r[a-zA-Z]*)$/ : /^(?:--system|-[a-zA-RT-Z]*S[a-zA-Z]*)$/;
  return creation.args.some((w) => system.test(w.value));
}

/**
 * True when the build itself shows that the base image runs as root: a RUN before any USER of the
 * chain installs system packages or creates accounts (`microdnf install ...`, `useradd app`),
 * work that fails for any other user. A command run through `sudo` shows the opposite, so it does
 * not count.
 */
export function buildStartsAsRoot(chain: Stage[]): boolean {
  for (const stage of chain) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword === "USER") return false;
      if (instruction.keyword !== "RUN") continue;
      const rootWork = instruction.commands.some((c) => sudoWrapper(c) === null && (isAccountCommand(c) || systemPackageCommand(c)?.action === "install"));
      if (rootWork) return true;
    }
  }
  return false;
}

/**
 * True for a chmod mode that lets the group or others write (`777`, `775`, `g+w`, `a+rwX`, and
 * `go=u`, which gives them the owner's bits, write included where the owner has it): ready for an
 * arbitrary UID.
 */
export function isSharedWriteMode(mode: string): boolean {
  const octal = /^[0-7]{3,4}$/.test(mode) ? mode.slice(-2) : null;
  if (octal !== null) return [...octal].some((digit) => (Number(digit) & 2) !== 0);
  // `+w` with no class is masked by the umask (022): only the owner gains write.
  return mode.split(",").some((clause) => /[goa]/.test(SHARED_WRITE_CLAUSE.exec(clause)?.[1] ?? OWNER_COPY_CLAUSE.exec(clause)?.[1] ?? ""));
}

/** A clause copying the owner's bits to other classes: `go=u`, `g+u`. */
const OWNER_COPY_CLAUSE = /^([goa]+)[+=]u$/;

/**
 * True when the home of the user the file creates is opened to every UID (`chmod -R go=u $HOME`,
 * `chmod 777 /home/app`): the user lends a shared home to whatever UID the image runs as (root by
 * default, the operator's through `--user`, Singularity's), rather than being the one it runs as.
 */
export function createdUserHomeShared(model: DockerfileModel, chain: Stage[]): boolean {
  const creation = userCreation(chain);
  if (creation === null) return false;
  const { makesHome, folder } = accountHomeOf(creation);
  const home = folder ?? (makesHome ? `/home/${createdLogin(creation)}` : null);
  if (home === null) return false;
  const trimmed = home.replace(/\/+$/, "");
  return chain.some((stage) =>
    stage.instructions.some(
      (i) =>
        i.keyword === "RUN" &&
        i.commands.some((c) => {
          if (c.name !== "chmod") return false;
          const operands = c.args.map((a) => a.value).filter((v) => !/^-[A-Za-z]+$|^--/.test(v));
          if (!isSharedWriteMode(operands[0] ?? "")) return false;
          return operands.slice(1).some((path) => {
            const { value, unresolved } = substituteAt(model, stage, i, path);
            return unresolved.length === 0 && value.replace(/\/+$/, "") === trimmed;
          });
        }),
    ),
  );
}
