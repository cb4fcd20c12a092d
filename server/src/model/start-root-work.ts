// Work an image's start path does that only root can do: trusting a CA passed at run time
// (`update-ca-certificates`), creating or renumbering users from the ids the operator passes
// (`usermod -u "$PUID"`), handing volumes to a user (`chown -R app /data`), mounting, tuning the
// kernel, setting capabilities or firewall rules, starting the system's daemons (the system
// message bus, avahi, sshd, cron, syslog, udev), installing packages (also Python packages into
// the system interpreter's site-packages), writing into the system's
// program and library folders (a loader symlink into /lib, `ldconfig`), creating entries in `/`
// itself (a `touch /db-created` marker), or writing at start into
// the image's own root-owned files (`> /etc/app.json`, `> $CATALINA_HOME/webapps/app/config.js`,
// `xmlstarlet ed -L conf/server.xml`, a keystore generated in the app's folder after `cd /srv/app`)
// that the file never hands to a user. Such an image starts as
// root on purpose: a USER line makes the entry script fail, so the remedy is a rework of the
// script (a chown of those files and a drop with gosu, su-exec or setpriv), not one line.

import { lineage } from "./stage-graph";
import { isShellScriptAt, startCommand, withoutInitWrapper } from "./stage-purpose";
import { startPathScriptsIn } from "./start-path-scripts";
import { lineDirectories, scriptLines } from "./script-directories";
import { envDeclarations, environmentViewAt } from "./environment";
import { escapeRegExp } from "./text";
import { isSharedWriteMode } from "./image-data";
import { baseName, copyPaths, isSameOrParentPath, joinPath, normalizePath } from "./copy-paths";
import { workdirOf } from "./workdir";
import type { DockerfileModel, Instruction, Stage } from "./types";

/** Commands that fail without root (chown to another user included; chmod of one's own files does not). */
const ROOT_ONLY =
  /^(?:update-ca-certificates|update-ca-trust|usermod|groupmod|useradd|groupadd|adduser|addgroup|deluser|chown|mount|sysctl|setcap|iptables|ip6tables|nft|modprobe|ldconfig)$/;
/**
 * System daemons that only root can start, and that an entry script starts beside the app: avahi
 * (refuses any other user, then drops to `avahi`), sshd (host keys readable by root only), cron
 * (runs each crontab as its owner), syslog (binds `/dev/log`), udev (the host's devices), atd. Each
 * writes its pid file under root's `/run`; the bus's two are told apart by their options (see
 * {@link startsRootDaemon}).
 */
const ROOT_DAEMONS = /^(?:avahi-daemon|sshd|cron|crond|rsyslogd|syslogd|syslog-ng|udevd|systemd-udevd|atd)$/;
/** Options with which a daemon only answers a question and starts nothing: `--version`, `sshd -t`, `avahi-daemon --check`. */
const QUERY_OPTION = /(?:^|\s)(?:-h|--help|-V|--version|--check|-t|-T)(?=\s|$)/;
/** Package managers, and the subcommand that installs with each: installing at start writes the system's folders. */
const PACKAGE_INSTALL = /^(?:apk\s+(?:-\S+\s+)*add|(?:apt-get|apt|yum|dnf|microdnf|tdnf)\s+(?:-\S+\s+)*install|zypper\s+(?:-\S+\s+)*(?:in|install))\b/;
/**
 * Python package installs into the interpreter's own site-packages (`pip install -r "$1"`, `python3
 * -m pip install x`, `uv pip install --system x`), which root owns in the official images and in
 * a system Python: without root they fail (or land in a home the user may not have).
 */
const PIP_INSTALL = /^(?:pip[\d.]*|python[\d.]*\s+-m\s+pip|uv\s+pip)\s+(?:-\S+\s+)*install\b/;
/** Options that send a pip install somewhere a user may write: `--user`, `--target`, `--prefix`, `--root`. */
const PIP_ELSEWHERE = /(?:^|\s)(?:--user|--target|-t|--prefix|--root)(?:[=\s]|$)/;
/**
 * A virtual environment, or pip told to install elsewhere, in the image's ENV (`VIRTUAL_ENV`,
 * `PIP_USER`, `PIP_TARGET`, `PIP_PREFIX`, `PYTHONUSERBASE`, a venv on the PATH) or a script that
 * activates one (`. /opt/venv/bin/activate`): the app's own packages, which its user may own.
 */
const VENV_ENV = /^(?:VIRTUAL_ENV|PIP_USER|PIP_TARGET|PIP_PREFIX|PYTHONUSERBASE|UV_PROJECT_ENVIRONMENT)$/;
const VENV_WORDS = /\b(?:venv|virtualenv)\b|\/bin\/activate\b|\bconda\s+activate\b/;
/** Commands that create, replace or edit files at their operands (`ln -s a /lib/b`, `cp x /usr/bin/`, `sed -i ... /usr/lib/x`). */
const WRITES_OPERANDS = /^(?:ln|cp|mv|install|mkdir|touch|tee)$/;
/**
 * The system's program and library folders, which root owns and no image hands to its app: writing
 * there at start (a loader symlink into /lib, a binary into /usr/local/bin) needs root.
 */
const SYSTEM_PATH = /^\/(?:lib(?:32|64|x32)?|bin|sbin|usr\/(?:lib(?:32|64|x32|exec)?|bin|sbin)|usr\/local\/(?:lib|bin|sbin))(?:\/|$)/;
/**
 * The system's configuration, shared and state folders (`/etc/app.json`, `/usr/share/app/config.js`,
 * `/var/lib/app/initialized`), root's too: writing there at start fails for a USER unless the file hands the path to it.
 */
const SYSTEM_CONFIG_PATH = /^\/(?:etc|usr|var\/lib)(?:\/|$)/;
/**
 * An entry directly in `/` (`touch /db-created`, `mkdir /config`), which only root may create:
 * not the system's own top folders, which exist (and `/tmp`, `/dev` are anyone's to write).
 */
const ROOT_ENTRY = /^\/(?!(?:tmp|dev|proc|sys|run|var|etc|usr|home|root|opt|srv|mnt|media|boot|bin|sbin|lib\w*)$)[^/]+$/;
/** An output redirection to an absolute path or one under a variable (`> /usr/local/bin/app`, `>>$HOME_DIR/x.conf`); `2>` and `&>` too. */
const REDIRECT_TARGET = /(?:^|[^<>&\d])\d?&?>>?\s*((?:\/|\$\{?[A-Za-z_]\w*\}?\/)[^\s;&|)]+)/g;
/**
 * An output redirection to a path relative to the script's folder (`> config.json`, `>> logs/app.log`):
 * read only where that folder is known. Not a descriptor (`>&2`) nor a comparison in `(( ))` or `[[ ]]`.
 */
const RELATIVE_REDIRECT_TARGET = /(?:^|[^<>&\d=-])\d?&?>>?\s*([A-Za-z_.][\w./@+-]*)/g;
/** A path relative to the folder a command runs in (`app.keystore`, `logs/app.log`, `.`). */
const RELATIVE_PATH = /^[\w.@+-][\w./@+-]*$/;
/**
 * keytool's commands that create or change the keystore `-keystore` names (a key pair generated on
 * first start: `keytool -genkeypair -keystore app.keystore`); `-importkeystore` writes `-destkeystore`.
 */
const KEYTOOL_WRITES = /^-(?:genkeypair|genkey|genseckey|importcert|import|importpass|delete|changealias|keypasswd|storepasswd|keyclone|selfcert)$/;
/** The shell's and the session's own variables, which follow the user: `$HOME`, `$PWD`, `$TMPDIR`, `$XDG_CONFIG_HOME`. */
const SHELL_VARIABLE = /^(?:HOME|PWD|OLDPWD|TMPDIR|TMP|TEMP|XDG_\w+)$/;
/** A path under a variable: `$CATALINA_HOME/webapps`, `${APP_DIR}/x`. */
const VARIABLE_PATH = /^\$\{?([A-Za-z_]\w*)\}?(\/.*)?$/;
/** Where a command starts in a shell line: its start, after `;`, `&&`, `||`, `!`, `(`, or a keyword. */
const COMMAND_START = /(?:^|[;&|!({]|\b(?:then|do|else|if|exec)\b)\s*([\w./-]+)/g;

/**
 * The first root-only command the start path runs (the container's command, its entry script and
 * the scripts that runs, as the host read them), or null. `command -v update-ca-certificates` and `which chown` only look
 * the command up; comments and messages are not commands.
 */
export function startPathRootWork(model: DockerfileModel): string | null {
  // The daemon as the container's own command (`CMD ["crond", "-f"]`) is started by no script.
  const [program = "", ...args] = withoutInitWrapper(startCommand(model) ?? []);
  if (startsRootDaemon(baseName(program), args.join(" "))) return baseName(program);
  const venv = hasVirtualEnvironment(model);
  const owned = imageFiles(model);
  const final = model.finalStage;
  const workdir = final ? workdirOf(model, final) : null;
  const scripts = [...startPathScriptsIn(model), ...inlineStartScripts(model).map((text) => ({ text, directory: workdir }))];
  for (const { text, directory } of scripts) {
    const activates = VENV_WORDS.test(text);
    const lines = scriptLines(text);
    const directories = lineDirectories(lines, directory);
    for (const [k, raw] of lines.entries()) {
      const rootOwned = (path: string) => owned(path, text, directories[k]);
      const line = raw.replace(/(?:^|\s)#.*$/, "").replace(/"[^"]*"|'[^']*'/g, '""');
      for (const match of line.matchAll(REDIRECT_TARGET)) if (rootOwned(match[1])) return `> ${match[1]}`;
      for (const match of withoutTests(line).matchAll(RELATIVE_REDIRECT_TARGET)) if (rootOwned(match[1])) return `> ${match[1]}`;
      for (const match of line.matchAll(COMMAND_START)) {
        const word = baseName(match[1]);
        const before = line.slice(0, match.index + match[0].length - match[1].length);
        if (/\b(?:command\s+-v|which|type|hash)\s*$/.test(before)) continue;
        if (ROOT_ONLY.test(word)) return word;
        // The rest of this command, up to the next `;`, `&&`, `||` or `|`.
        const rest = line.slice(match.index + match[0].length).split(/[;&|]/)[0];
        if (startsRootDaemon(word, rest)) return word;
        if (PACKAGE_INSTALL.test(`${word}${rest}`)) return word;
        if (!venv && !activates && installsIntoSystemPython(word, rest)) return `${word} install`;
        if (writesSystemPath(word, rest, rootOwned)) return word;
      }
    }
  }
  return null;
}

/**
 * True when `word` with its arguments `rest` starts a system daemon only root can start: one of the
 * ROOT_DAEMONS unless asked only for its version or a check, the system message bus (`dbus-daemon
 * --system`, which binds `/run/dbus/system_bus_socket`; a `--session` bus is anyone's), or the
 * machine id the bus needs (`dbus-uuidgen --ensure`, written to `/var/lib/dbus` or `/etc`).
 */
function startsRootDaemon(word: string, rest: string): boolean {
  if (word === "dbus-daemon") return /(?:^|\s)--system\b/.test(rest);
  if (word === "dbus-uuidgen") return /(?:^|\s)--ensure\b/.test(rest);
  return ROOT_DAEMONS.test(word) && !QUERY_OPTION.test(rest);
}

/**
 * True for a pip install into the interpreter's site-packages: not `--user`, `--target`, `--prefix`
 * or `--root`; uv only with `--system` (without it uv installs into a virtual environment).
 */
function installsIntoSystemPython(word: string, rest: string): boolean {
  const command = `${word}${rest}`;
  if (!PIP_INSTALL.test(command) || PIP_ELSEWHERE.test(rest)) return false;
  return word !== "uv" || /(?:^|\s)--system\b/.test(rest);
}

/**
 * True when the final image sets up a virtual environment or points pip elsewhere: an ENV or ARG
 * named for one (`VIRTUAL_ENV`, `PIP_USER`), a venv on the PATH, or a RUN that creates one.
 */
function hasVirtualEnvironment(model: DockerfileModel): boolean {
  const final = model.finalStage;
  if (!final) return false;
  return lineage(final).some((stage) =>
    stage.instructions.some((i) => {
      if (i.keyword === "RUN") return VENV_WORDS.test(model.lines.textIn(i.range));
      return envDeclarations(model, i).some((d) => VENV_ENV.test(d.name) || (d.name === "PATH" && VENV_WORDS.test(d.value ?? "")));
    }),
  );
}

/**
 * The script the start command hands to a shell (`CMD ["sh", "-c", "chown -R node /app/data && node
 * server.js"]`): the container runs it at each start, like an entry script.
 */
function inlineStartScripts(model: DockerfileModel): string[] {
  const words = startCommand(model) ?? [];
  const scripts: string[] = [];
  // A shell-form start (`CMD chown -R app /data && exec app`) is such a script too.
  const final = model.finalStage;
  const starts = final ? lineage(final).flatMap((st) => st.instructions.filter((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT")) : [];
  const last = starts[starts.length - 1];
  if (last !== undefined && !last.isJsonForm) scripts.push(last.commands.map((c) => c.words.map((w) => w.value).join(" ")).join("; "));
  scripts.push(...words.filter((_, i) => isShellScriptAt(words, i)));
  return scripts;
}

/**
 * True when a file command writes into a root-owned path: `ln`, `cp`, `mv`, `install` to their
 * target (the last operand), `mkdir`, `touch`, `tee` at any operand, `sed -i` and `xmlstarlet ed -L`
 * on their files.
 */
function writesSystemPath(word: string, rest: string, rootOwned: (path: string) => boolean): boolean {
  if (writtenOptionValues(word, rest).some(rootOwned)) return true;
  const operands = rest
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "" && !w.startsWith("-"));
  if (word === "sed") return /(?:^|\s)(?:-\w*i|--in-place)/.test(rest) && operands.slice(1).some(rootOwned);
  // `xmlstarlet ed -L ... file`: the file is the last operand (the options' values come before it).
  if (word === "xmlstarlet") {
    const target = operands[operands.length - 1];
    return /^\s*(?:ed|edit)\b/.test(rest) && /(?:^|\s)(?:-[A-Za-z]*L|--inplace\b)/.test(rest) && target !== undefined && rootOwned(target);
  }
  if (!WRITES_OPERANDS.test(word)) return false;
  if (word === "mkdir" || word === "touch" || word === "tee") return operands.some(rootOwned);
  const target = operands[operands.length - 1];
  return operands.length >= 2 && target !== undefined && rootOwned(target);
}

/**
 * The files a command creates or replaces through its options: the keystore keytool generates or
 * imports a key into (`-keystore`, `-destkeystore`), the key and certificate openssl writes (`-out`,
 * `-keyout`): a key made on first start, where the option says.
 */
function writtenOptionValues(word: string, rest: string): string[] {
  const words = rest.trim().split(/\s+/);
  const valuesOf = (...options: string[]) => words.flatMap((w, k) => (options.includes(w) && k + 1 < words.length ? [words[k + 1]] : []));
  if (word === "openssl") return valuesOf("-out", "-keyout");
  if (word !== "keytool") return [];
  if (words.includes("-importkeystore")) return valuesOf("-destkeystore");
  return words.some((w) => KEYTOOL_WRITES.test(w)) ? valuesOf("-keystore") : [];
}

/** The line without arithmetic and `[[ ]]` tests, whose `>` compares rather than redirects. */
const withoutTests = (line: string) => line.replace(/\$?\(\([^)]*\)\)|\[\[.*?\]\]/g, " ");

/**
 * Which paths a start script writes that root owns in the final image and the file hands to no
 * user: the system's program and library folders, and new entries in `/`, always; `/etc`, `/usr`
 * and `/var/lib` unless the file chowns
 * the path (or a folder above it) to a user, copies it with `--chown`, or opens it to any UID; and,
 * on the same terms, a path under a variable the script does not set itself but the file's own
 * steps use (`WORKDIR $CATALINA_HOME`, `mkdir -p $CATALINA_HOME/webapps/app`: a folder of the image,
 * filled by root; the base image's ENV names it). A variable the script sets once to a literal
 * (`STORE=app.keystore`) is read as that value, and a relative path in the folder the line
 * runs in, where that is known (`cd /srv/app`, the image's WORKDIR): a file created in the app's own
 * folder, which root filled. Quoted paths are not read.
 */
function imageFiles(model: DockerfileModel): (path: string, script: string, directory: string | null) => boolean {
  const final = model.finalStage;
  const chain = final ? lineage(final) : [];
  const env = final ? environmentViewAt(model, final) : new Map<string, string | null>();
  const texts = chain.flatMap((s) => s.instructions.filter((i) => i.keyword !== "ENV" && i.keyword !== "ARG").map((i) => model.lines.textIn(i.range)));
  const handed = handedPaths(model);
  const isHanded = (path: string) => handed.some((h) => isSameOrParentPath(h, path));
  const folders = final ? imageFolders(model, chain) : [];
  // An entry in `/` the file never names (no VOLUME, mkdir or COPY of it): the script creates it there.
  const newRootEntry = (path: string) => ROOT_ENTRY.test(path) && !texts.some((t) => t.includes(path));
  const absolute = (path: string) =>
    SYSTEM_PATH.test(path) || newRootEntry(path) || ((SYSTEM_CONFIG_PATH.test(path) || folders.some((f) => isSameOrParentPath(f, path))) && !isHanded(path));
  const owned = (path: string, script: string, directory: string | null): boolean => {
    if (path.startsWith("/")) return absolute(normalizePath(path));
    const variable = VARIABLE_PATH.exec(path);
    if (variable === null) return directory !== null && RELATIVE_PATH.test(path) && absolute(joinPath(directory, path));
    const [, name, rest = ""] = variable;
    if (SHELL_VARIABLE.test(name)) return false;
    // Set by the script itself (`OUT=/tmp/x`, `export OUT=...`, `for OUT in`): not the image's folder,
    // unless the one value it is given says which (`STORE=app.keystore`).
    if (setsVariable(script, name)) {
      const literal = literalValue(script, name);
      return literal !== null && owned(literal + rest, script, directory);
    }
    const value = env.get(name);
    if (value !== undefined && value !== null) return value.startsWith("/") && absolute(normalizePath(value + rest));
    if (value === null || !texts.some((t) => unbrace(t).includes(`$${name}`))) return false;
    return !isHanded(unbrace(path));
  };
  return owned;
}

/** True when the script sets the variable: `NAME=...`, `export NAME=...`, `for NAME in`, `read NAME`. */
function setsVariable(script: string, name: string): boolean {
  return settersOf(script, name).length > 0;
}

/** Each place the script sets the variable: assignments (`local`, `export`, `readonly` too), `for` and `read`. */
function settersOf(script: string, name: string): string[] {
  const word = escapeRegExp(name);
  const setter = new RegExp(`(?:^|[\\s;(])(?:export\\s+|local\\s+|readonly\\s+)?${word}=|\\b(?:for|read)\\s+(?:-\\w+\\s+)*${word}\\b`, "gm");
  return script.match(setter) ?? [];
}

/**
 * The value the script gives a variable when it sets it once, on a line of its own, to a literal
 * (`STORE=app.keystore`, `CONF="/etc/app.conf"`); null otherwise (set twice, in a loop, from
 * another variable or a command).
 */
function literalValue(script: string, name: string): string | null {
  if (settersOf(script, name).length !== 1) return null;
  const word = escapeRegExp(name);
  const assignment = new RegExp(`^\\s*(?:export\\s+|readonly\\s+)?${word}=(?:"([^"$\`\\s]+)"|'([^'\\s]+)'|([^\\s;&|$\`"'()]+))\\s*(?:$|;|&&|#)`, "m");
  const match = assignment.exec(script);
  return match === null ? null : (match[1] ?? match[2] ?? match[3]);
}

/**
 * The folders the final image's own steps fill as root: its WORKDIRs and the destinations of its
 * COPY and ADD (`WORKDIR /srv/app`, `COPY dist /srv/app/public`). Not `/`, nor the folders anyone may
 * write (`/tmp`, `/var/tmp`, `/run`, `/dev`).
 */
function imageFolders(model: DockerfileModel, chain: Stage[]): string[] {
  const folders: string[] = [];
  for (const stage of chain) {
    stage.instructions.forEach((instruction, k) => {
      if (instruction.keyword === "WORKDIR") {
        const next = stage.instructions[k + 1];
        const at = next === undefined ? workdirOf(model, stage) : workdirOf(model, stage, next);
        if (at !== null) folders.push(at);
        return;
      }
      const dest = copyPaths(instruction)?.dest.value;
      if (dest === undefined || dest.includes("$")) return;
      const at = dest.startsWith("/") ? dest : workdirOf(model, stage, instruction);
      if (at !== null) folders.push(dest.startsWith("/") ? normalizePath(dest) : joinPath(at, dest));
    });
  }
  return folders.filter((f) => f !== "/" && !/^\/(?:tmp|var\/tmp|run|var\/run|dev|proc|sys)(?:\/|$)/.test(f));
}

/** `${NAME}` written as `$NAME`, so that both spellings of a path compare equal. */
const unbrace = (text: string) => text.replace(/\$\{([A-Za-z_]\w*)\}/g, "$$$1");

/**
 * The paths the file hands to a non-root user or opens to any UID, as written (variables braced
 * or not): `COPY --chown=app x /etc/app/`, `chown -R app /etc/app`, `chmod 777 /etc/app`, `chgrp -R 0 $APP_HOME`.
 */
function handedPaths(model: DockerfileModel): string[] {
  const nonRoot = (owner: string | undefined) => !!owner && !/^(?:root|0)(?::|$)/.test(owner.replace(/^["']|["']$/g, ""));
  const clean = (path: string) => unbrace(path.replace(/^["']|["']$/g, "")).replace(/(.)\/+$/, "$1");
  const paths: string[] = [];
  // A relative destination (`COPY --chown=node . .`) is in the stage's working directory.
  const stageOf = new Map(model.stages.flatMap((stage) => stage.instructions.map((i): [Instruction, Stage] => [i, stage])));
  for (const i of model.instructions) {
    if (i.keyword === "COPY" || i.keyword === "ADD") {
      const destination = i.args[i.args.length - 1]?.value;
      if (destination === undefined || !i.flags.some((f) => f.name === "chown" && nonRoot(f.value ?? undefined))) continue;
      const stage = stageOf.get(i);
      const workdir = destination.startsWith("/") || destination.includes("$") || stage === undefined ? null : workdirOf(model, stage, i);
      paths.push(workdir === null ? clean(destination) : joinPath(workdir, clean(destination)));
      continue;
    }
    for (const c of i.commands) {
      const operands = c.args.map((a) => a.value).filter((v) => !/^-[A-Za-z]+$|^--/.test(v));
      const opens =
        (c.name === "chown" && nonRoot(operands[0])) ||
        (c.name === "chgrp" && /^(?:0|root)$/.test(operands[0] ?? "")) ||
        (c.name === "chmod" && isSharedWriteMode(operands[0] ?? ""));
      if (opens) paths.push(...operands.slice(1).map(clean));
    }
  }
  return paths;
}
