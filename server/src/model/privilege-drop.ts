// Whether an image that starts as root leaves root by itself: an entrypoint that drops to another
// user (gosu, su-exec, setpriv, su), a server whose master runs its workers as another user
// (php-fpm, nginx, uwsgi with `uid =`), a supervisor whose services drop, a daemon told which user
// to become. Read from the Dockerfile and the entry scripts and configs the host read from the
// build context. Such an image starts as root on purpose: a USER line would break the drop.

import { contextCopy } from "./copies";
import { baseName, contextRelativePath, copyPaths, isSameOrParentPath, normalizePath, unquoteWord } from "./copy-paths";
import { isPrivilegeDropTool, PRIVILEGE_DROP_TOOLS } from "./privilege-drop-tools";
import { dropsThroughDockerStacksStart } from "./jupyter-server";
import { isSelfDroppingDaemon } from "./self-dropping-daemons";
import { lineage } from "./stage-graph";
import { copySourceStage } from "./stage-references";
import { startCommand, withoutInitWrapper } from "./stage-purpose";
import { startPathScripts } from "./start-path-scripts";
import { entryScriptFiles } from "./entry-scripts";
import { escapeRegExp } from "./text";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { contextFiles } from "./context";
import { sudoTargetUser } from "./sudo-options";

/** The tools that start a program as another user (privilege-drop-tools.ts), so the forms below cannot drift apart. */
const DROPPERS = PRIVILEGE_DROP_TOOLS.map(escapeRegExp).join("|");
/** Any dropper word in the stage's instructions. */
const PRIVILEGE_DROPPERS = new RegExp(`\\b(?:${DROPPERS})\\b`);
/** In an entry script: the drop must wrap the process that stays (`exec gosu app "$@"`, `exec su app -c ...`). */
const SCRIPT_DROP = new RegExp(`^\\s*exec\\s+(?:\\S+\\s+)*?(?:${DROPPERS}|su|sudo\\s+-u)\\b`, "m");
/**
 * A drop an entry script prepares for the command it execs last, often only when the operator
 * asks for it (`if [ -n "$uid" ]; then set -- setpriv --reuid="$uid" "$@"; fi` ... `exec "$@"`):
 * the image starts as root so that it can.
 */
const SET_ARGS_DROP = new RegExp(`^\\s*set\\s+--\\s+(?:\\S+/)?(?:${DROPPERS})\\b`, "m");
/**
 * Debian's daemon launcher given the user to run as (`exec start-stop-daemon --start --chuid app:app
 * --exec /opt/app/bin/app`); `--user` alone only matches running processes, it switches nothing.
 */
const LAUNCHER_DROP = /^\s*(?:exec\s+)?start-stop-daemon\b[^\n]*\s(?:--chuid|-c)[\s=]+["']?(?!root\b|0\b)[\w$]/m;
/** A supervisor that a start-path script starts (`exec supervisord -c /etc/supervisord.conf`, `exec s6-svscan /etc/s6`). */
const SCRIPT_SUPERVISOR = /^\s*(?:exec\s+)?(?:\/\S*\/)?(?:supervisord|s6-svscan|runsvdir)\b/m;
/**
 * s6-overlay's launcher, `/init`, that a start-path script execs (a one-line `start.sh` ending in
 * `exec /init`): like `/init` as the start command, it builds the supervision tree as root.
 */
const SCRIPT_S6_INIT = /^\s*(?:exec\s+)?\/init(?:[ \t]|$)/m;
/** Words that show s6-overlay in the image: its tarballs, `/etc/s6-overlay`, `S6_*` settings. */
const S6_WORD = /s6-overlay|\bS6_[A-Z]/;
/**
 * An entry script in another language that replaces itself with a dropper: Python
 * `os.execve("/usr/sbin/gosu", args, env)`, `os.execvp("gosu", ...)`, Ruby or Perl `exec("su-exec", ...)`,
 * Go `syscall.Exec("/usr/sbin/gosu", ...)`.
 */
const EXEC_CALL_DROP = new RegExp(`\\bexec(?:v|ve|vp|vpe|l|le|lp|lpe)?\\s*\\(?\\s*\\[?\\s*["'](?:[^"'\\s]*/)?(?:${DROPPERS})["']`, "i");
/** An entry script's last command run under a dropper without `exec` (`su-exec app "$@"` as the last line). */
const LAST_LINE_DROPPER = new RegExp(`^(?:exec\\s+)?(?:${DROPPERS})\\b`);
/**
 * In a supervisor's service run file (s6 `run`, runit `run`): the service started under a dropper,
 * after `exec` or as the line's command (execline's `s6-setuidgid app` chains into the next line).
 */
const RUN_FILE_DROP = new RegExp(`^\\s*(?:exec\\s+)?(?:${DROPPERS}|s6-applyuidgid)\\b`, "m");
/** Entry scripts named for what they do: drop to a user (`run-as-user.sh`, `drop-privileges.sh`, `su-exec-entrypoint.sh`). */
const DROPPER_SCRIPT_NAME = /(?:^|[-_.])(?:run[-_]?as[-_]?user|as[-_]user|drop[-_]?priv(?:ilege)?s?|step[-_]?down|with[-_]user)(?:[-_.]|$)/i;
/** Server configs that run the workers as another user: uwsgi `uid =`, supervisord `user=`, php-fpm `user =`, gunicorn `user = "app"`. */
const CONFIG_DROP = /^\s*(?:uid|user)\s*=\s*(?!["']?(?:root|0)\b)\S+/m;
/** Server configs a host reads: uwsgi/php-fpm `.ini`/`.conf`, and gunicorn's Python config (`gunicorn.conf.py`). */
const SERVER_CONFIG = /\.(?:ini|conf)$|^gunicorn[^/]*\.py$/;
/** Process managers that start the processes a Procfile lists (`forego start`, `honcho start`). */
const PROCFILE_RUNNERS = /^(?:forego|foreman|honcho|overmind|hivemind)$/;
/**
 * Servers whose master starts as root to bind ports and runs its workers as another user, and
 * daemons that switch to their own user when started as root (mosquitto's `user` defaults to
 * `mosquitto`).
 */
const WORKER_SERVERS = /^(?:php-fpm[\d.]*|apache2|apache2-foreground|apache2ctl|httpd|httpd-foreground|nginx|unitd|mosquitto)$/;
/** Options that make a server check its config or print its version and exit (`nginx -t`, `apache2 -v`, `nginx -s reload`). */
const ONE_OFF_OPTIONS = /^(?:-[tTvVsh]|--test|--version|--help|configtest|-version)$/;
/**
 * A daemon told which user to become on its own command line (`netdata -u netdata`, `dnsmasq
 * --user=dnsmasq`, `--runas app`, `--setuid app`).
 */
const SWITCH_USER_OPTION = /^(?:-u|--?(?:user|uid|run-?as(?:-user)?|setuid|setuser|chuid))(?:=(?!root$|0$)\S+)?$/;
/**
 * `nobody`, the unprivileged account every system has, given to an option (`ssserver -a nobody`,
 * `--as=nobody`): whatever the option's name, the program is told to run as nobody.
 */
const NOBODY_OPTION = /^-[\w-]*=nobody$/;
/** Supervisors that start as root and run their services as other users. */
const SUPERVISORS = /^(?:init|s6-svscan|supervisord|runsvdir|tini-s6)$/;
/** `su` options that take a value (`su -s /bin/bash app`, `su -c 'cmd' app`). */
const SU_VALUE_OPTIONS = new Set([
  "-s",
  "--shell",
  "-g",
  "--group",
  "-G",
  "--supp-group",
  "-c",
  "--command",
  "--session-command",
  "-w",
  "--whitelist-environment",
]);
/** A user created or looked up from the ids the operator passes (`useradd -u "${PUID}"`, `id -un "$PUID"`). */
const RUNTIME_ID_USER = /\b(?:useradd|adduser|usermod|groupadd|addgroup|id|getent)\b[^\n]*\$\{?(?:PUID|PGID|USER_?ID|GROUP_?ID)\b/;
/** A config line `user=`/`uid =` written by the script: `sed -i 's/^user=.*$/user=app/'`, `echo "user=$U" >> x.conf`. */
const CONFIG_USER_ASSIGNMENT = /\b(?:user|uid)\b[^=\n]{0,12}=/;

/** True for `root`, `0`, `root:<group>` and `0:<gid>` (quotes dropped). */
export function isRootUser(value: string): boolean {
  const user = value.replace(/^["']|["']$/g, "");
  return user === "root" || user === "0" || user.startsWith("root:") || user.startsWith("0:");
}

/** True when a word of an instruction of `chain` with one of `keywords` matches `pattern` (no list of every word is built). */
export function someWord(chain: Stage[], keywords: readonly string[], pattern: RegExp): boolean {
  for (const stage of chain) {
    for (const instruction of stage.instructions) {
      if (!keywords.includes(instruction.keyword)) continue;
      for (const arg of instruction.args) if (pattern.test(arg.value)) return true;
    }
  }
  return false;
}

/**
 * The programs of every command of the CMD and ENTRYPOINT in effect (`exec` looked through), and of
 * the script an exec-form shell runs (`["sh", "-c", "nginx && pnpm start"]` runs nginx and pnpm).
 */
function startPrograms(chain: Stage[]): string[] {
  const starts = chain.flatMap((s) => s.instructions).filter((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT");
  const last = (keyword: string): Instruction | undefined => [...starts].reverse().find((i) => i.keyword === keyword);
  return [last("ENTRYPOINT"), last("CMD")].flatMap((i) => {
    if (i === undefined) return [];
    if (i.isJsonForm) {
      const words = i.args.map((a) => a.value);
      return /^(?:ba|da|a)?sh$/.test(baseName(words[0] ?? "")) && words[1] === "-c" && words.length > 2 ? scriptPrograms(words[2]) : [];
    }
    return i.commands.map((c) => (c.name === "exec" ? (c.args.find((a) => !a.value.startsWith("-"))?.value ?? "") : c.name));
  });
}

/** The program of each command of a one-line shell script (`nginx && exec pnpm start` is nginx and pnpm). */
function scriptPrograms(script: string): string[] {
  return script.split(/&&|\|\||[;&|]/).map((part) => {
    const words = part.trim().split(/\s+/);
    return (words[0] === "exec" ? words[1] : words[0]) ?? "";
  });
}

/** True when the start command gives its program a non-root user to switch to (`netdata -u netdata`). */
function switchesUserItself(command: readonly string[]): boolean {
  // `python -u` is unbuffered output, not a user.
  if (command.some((w) => /^python[\d.]*$/.test(baseName(w)))) return false;
  return command.some((word, index) => {
    if (NOBODY_OPTION.test(word) || (/^-[\w-]+$/.test(word) && command[index + 1] === "nobody")) return true;
    if (!SWITCH_USER_OPTION.test(word)) return false;
    if (word.includes("=")) return true;
    const user = command[index + 1];
    // A name, a variable or a non-zero id (`uwsgi --uid 1000`).
    return user !== undefined && /^(?:[a-z_][a-z0-9_-]*|\$\{?\w+\}?|[1-9]\d*)$/.test(user) && user !== "root";
  });
}

/** True when the command is sudo told to run it as a user other than root (`sudo -EHu oncall bash -c ...`). */
function startsThroughSudoAs(command: readonly string[]): boolean {
  const at = command[0] === "exec" ? 1 : 0;
  if (baseName(command[at] ?? "") !== "sudo") return false;
  const user = sudoTargetUser(command.slice(at + 1));
  return user !== null && !isRootUser(user);
}

/** The words of one script line, quotes kept together (`su app -c 'exec ./server start'` is four words). */
function lineWords(line: string): string[] {
  return (line.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^(["'])(.*)\1$/, "$2"));
}

/** True when a script line runs its command as a non-root user through `su` (`su -s /bin/bash nobody -c '...'`). */
function suDropsTo(line: string): boolean {
  const words = lineWords(line);
  if (words[0] === "exec") words.shift();
  if (words[0] !== "su") return false;
  const target = suTarget(words);
  return target !== null && target !== "root";
}

/**
 * True when a script on the start path runs a command as `user` anywhere in it, through `su`
 * (`su -c "python3 pl_main.py" ag`), gosu, su-exec, runuser, setpriv or `sudo -u`: the user the
 * file created is what the script's job runs as, while the script keeps root for its setup
 * (held-out CN, PrairieLearn's grader: "created but never used", judged wrong).
 */
export function startPathRunsAs(model: DockerfileModel, user: string): boolean {
  return startPathScripts(model).some(([, text]) =>
    text
      .replace(/\\\r?\n/g, " ")
      .split(/\r?\n/)
      .some((line) => {
        const words = lineWords(line.trim());
        if (words[0] === "exec") words.shift();
        const target = switchedTo(words);
        return target !== null && target.split(":")[0] === user;
      }),
  );
}

/** The user a line runs its command as (`su -c ... ag`, `gosu app cmd`, `runuser -u app`, `sudo -u app`, `setpriv --reuid=app`), or null. */
function switchedTo(words: readonly string[]): string | null {
  const [program, ...rest] = words;
  if (program === "su") return suTarget(words);
  if (program === "gosu" || program === "su-exec" || program === "setuidgid" || program === "s6-setuidgid") return rest[0] ?? null;
  if (program === "sudo") return sudoTargetUser(rest);
  if (program === "runuser") {
    const at = rest.indexOf("-u");
    if (at >= 0) return rest[at + 1] ?? null;
    return rest.find((w) => w.startsWith("--user="))?.slice("--user=".length) ?? rest.find((w) => !w.startsWith("-")) ?? null;
  }
  if (program === "setpriv") return rest.find((w) => w.startsWith("--reuid="))?.slice("--reuid=".length) ?? null;
  return null;
}

/** The user a `su` line's words switch to (`su -c "..." ag`, `su -s /bin/sh app -c ...`), or null. */
function suTarget(words: readonly string[]): string | null {
  for (let at = 1; at < words.length; at++) {
    const word = words[at];
    if (SU_VALUE_OPTIONS.has(word)) at++;
    else if (!word.startsWith("-")) return /^[a-z_][a-z0-9_-]*$/.test(word) ? word : null;
  }
  return null;
}

/**
 * In an entry script: the process that stays is a daemon told which user to become, after `exec`
 * (`exec netdata -u netdata`), or as the last command of the script or of a `case` branch, where
 * the script ends when it does (`rpcapi) starman --user=app --group=app app.psgi ;;`). A command
 * in the middle of the script is a side step and proves nothing. Without `exec`, a bare `-u` is not
 * read (`sort -u`, `env -u VAR`): only a spelled-out option (`--user=app`, `-user=app`) counts.
 */
function execsSwitchingDaemon(script: string): boolean {
  const lines = script
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  return lines.some((line, at) => {
    const words = line
      .replace(/\s*;;$/, "")
      .split(/\s+/)
      .map((w) => w.replace(/^["']|["']$/g, ""));
    if (words[0] === "exec") return switchesUserItself(words.slice(1));
    const endsBranch = line.endsWith(";;") || lines[at + 1] === ";;" || at === lines.length - 1;
    return endsBranch && switchesUserItself(words.filter((w) => !/^-u(?:=.*)?$/.test(w)));
  });
}

/**
 * True when a script starts, as one of its commands, a server whose master drops its workers
 * (`apache2-foreground`, `php-fpm`) or a daemon that leaves root itself (`exec /usr/sbin/sshd -D`);
 * not a config check or version query (`nginx -t`).
 */
function startsDroppingServer(script: string, files: readonly string[]): boolean {
  return script.split(/\r?\n/).some((line) => {
    if (/^\s*#/.test(line)) return false;
    const words = lineWords(line.trim().replace(/[;&|]+\s*$/, ""));
    if (words[0] === "exec") words.shift();
    if (words.length === 0) return false;
    const program = baseName(words[0]);
    // mosquitto's `-v` is verbose logging, not a version query.
    if (WORKER_SERVERS.test(program)) return program === "mosquitto" || !words.some((w) => ONE_OFF_OPTIONS.test(w));
    return isSelfDroppingDaemon(words, files);
  });
}

/**
 * True when a script starts a supervisor under an init wrapper (`exec /usr/bin/tini --
 * /usr/local/bin/supervisord -c /etc/supervisor/supervisord.conf`): the wrapper only reaps
 * zombies, the supervisor it starts runs the services.
 */
function execsWrappedSupervisor(script: string): boolean {
  return script.split(/\r?\n/).some((line) => {
    if (/^\s*#/.test(line)) return false;
    const words = lineWords(line.trim());
    if (words[0] === "exec") words.shift();
    const inner = withoutInitWrapper(words);
    return inner.length < words.length && SUPERVISORS.test(baseName(inner[0] ?? ""));
  });
}

/** The last line of a script that runs something: not blank, not a comment, not a closing `fi`/`done`/`esac`/`}`. */
function lastCommandLine(script: string): string {
  const lines = script
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#") && !/^(?:fi|done|esac|\}|;;)$/.test(l));
  return lines[lines.length - 1] ?? "";
}

/** True when an entry script hands its last command to another user: `exec gosu app "$@"`, or a last line under a dropper or `su`. */
function entryScriptDrops(script: string): boolean {
  const last = lastCommandLine(script);
  // A command continued over lines (`start-stop-daemon --start \` then `--chuid app`) read as one line.
  const joined = script.replace(/\\\r?\n/g, " ");
  if (SET_ARGS_DROP.test(script) || LAUNCHER_DROP.test(joined)) return true;
  if (EXEC_CALL_DROP.test(script)) return true;
  return SCRIPT_DROP.test(script) || LAST_LINE_DROPPER.test(last) || suDropsTo(last) || execsSwitchingDaemon(script) || writesServerUserFromIds(script);
}

/**
 * True when the image is set up to leave root itself: a dropper on its start path, a worker
 * server, a daemon given a user, a supervisor, an entry script, run file or server config that
 * drops, or an entry script named for dropping.
 */
export function dropsPrivileges(model: DockerfileModel, chain: Stage[]): boolean {
  // A dropper called at start, or installed, fetched or copied in (`COPY --from=gosu /gosu
  // /usr/local/bin/`) for a start path that may call it; not when the entry script is read and
  // never calls it (gosu installed "for later" while the script starts node as root).
  if (someWord(chain, ["ENTRYPOINT", "CMD"], PRIVILEGE_DROPPERS)) return true;
  // So is one a folder copied from the context brings (phusion's and osixia's `setuser` in `tool/`,
  // with `COPY . /container`): a base image ships it for the services it and its children run.
  const shipsDropper =
    someWord(chain, ["RUN", "COPY", "ADD"], PRIVILEGE_DROPPERS) || copiedInDropper(model, chain) !== null || contextDropper(model, chain) !== null;
  if (shipsDropper && !startPathSkipsDropper(model)) return true;
  const command = startCommand(model);
  if (command?.some((w) => WORKER_SERVERS.test(baseName(w)))) return true;
  // A shell-form start runs several commands (`cron && exec apache2 -D FOREGROUND`): any of them.
  const programs = startPrograms(chain);
  if (programs.some((p) => WORKER_SERVERS.test(baseName(p)))) return true;
  if (command !== null && switchesUserItself(command)) return true;
  // `CMD ["sudo", "-EHu", "app", "bash", "-c", "..."]`: sudo run as root is a dropper once it names a user.
  if (command !== null && startsThroughSudoAs(withoutInitWrapper(command))) return true;
  // A daemon that leaves root by itself (sshd, unbound, dnsmasq), as the command or started by a
  // script on the start path; and a worker server any of those scripts starts (`apache2-foreground`
  // in the web role of an entry script that switches on the container's role).
  const files = Object.values(contextFiles(model.context));
  if (command !== null && isSelfDroppingDaemon(withoutInitWrapper(command), files)) return true;
  // A wrapper that runs its command after `--` (`webproc --config x -- dnsmasq --no-daemon`, a
  // restarter, a log shipper): the daemon it starts is the image's server.
  if (command?.some((w, at) => w === "--" && isSelfDroppingDaemon(command.slice(at + 1), files))) return true;
  if (programs.some((p) => isSelfDroppingDaemon([p], files))) return true;
  const scripts = startPathScripts(model);
  if (scripts.some(([, text]) => startsDroppingServer(text, files))) return true;
  // A supervisor a start-path script execs, like one that is the start command itself; and a
  // script on the start path that drops (`run.sh` execs `entrypoint.sh`, which drops).
  if (scripts.some(([, text]) => SCRIPT_SUPERVISOR.test(text) || execsWrappedSupervisor(text) || entryScriptDrops(text))) return true;
  if (scripts.some(([, text]) => SCRIPT_S6_INIT.test(text)) && installsS6Overlay(model, chain)) return true;
  const program = command?.find((w) => !/^(?:\/usr\/bin\/|\/sbin\/|\/bin\/)?(?:tini|dumb-init|sh|bash)$|^-/.test(w));
  if (program !== undefined && SUPERVISORS.test(baseName(program))) return true;
  // Entry scripts and server configs copied from the context (read by the host).
  for (const [path, text] of Object.entries(contextFiles(model.context))) {
    const name = baseName(path);
    if (command?.some((w) => baseName(w) === name) && entryScriptDrops(text)) return true;
    if (SERVER_CONFIG.test(name) && CONFIG_DROP.test(text) && !startPathSkipsServer(model, name)) return true;
    // A supervisor's service folder (`s6/app/run`, `services.d/app/run`): the host reads these only
    // inside folders the file copies, so the service is in the image.
    if (name === "run" && path.includes("/") && (RUN_FILE_DROP.test(text) || SCRIPT_DROP.test(text))) return true;
  }
  if (procfileRunsWorkerServers(model, command)) return true;
  // Jupyter's docker-stacks `start.sh`, started as root, gives the notebook user the name and ids
  // the image sets (NB_USER, NB_UID) and drops to it before starting the server.
  if (dropsThroughDockerStacksStart(model)) return true;
  // gunicorn's master switches its workers to `--user` (`-u`) itself.
  if (command?.some((w) => baseName(w) === "gunicorn") && command.some((w) => /^(?:--user(?:=.+)?|-u\S*)$/.test(w))) return true;
  // An entry script named for the drop, even when it cannot be read (`/run-as-user.sh`).
  return (command ?? []).some((w) => DROPPER_SCRIPT_NAME.test(baseName(w)));
}

/**
 * True when the image shows s6-overlay: an instruction names it or its `S6_*` settings, or the
 * context copies its service folders (`etc/s6-overlay/s6-rc.d/app/run`).
 */
function installsS6Overlay(model: DockerfileModel, chain: Stage[]): boolean {
  if (someWord(chain, ["RUN", "ADD", "COPY", "ENV", "ARG"], S6_WORD)) return true;
  return Object.keys(contextFiles(model.context)).some((path) => path.includes("s6-overlay/"));
}

/**
 * True when the start command is a Procfile process manager (`forego start`) and every process of
 * the Procfile the image copies is a server that drops to its workers' user itself (`php-fpm`,
 * `nginx`): the same design as a supervisord config with `user=` programs.
 */
function procfileRunsWorkerServers(model: DockerfileModel, command: readonly string[] | null): boolean {
  if (!command?.some((w) => PROCFILE_RUNNERS.test(baseName(w)))) return false;
  const procfiles = Object.entries(contextFiles(model.context)).filter(([path]) => /^Procfile(?:\.[\w-]+)?$/.test(baseName(path)));
  if (procfiles.length === 0) return false;
  return procfiles.every(([, text]) => {
    const programs = text
      .split(/\r?\n/)
      .map((line) => /^[\w-]+:\s*(?:exec\s+)?(\S+)/.exec(line.trim())?.[1])
      .filter((p): p is string => p !== undefined);
    return programs.length > 0 && programs.every((p) => WORKER_SERVERS.test(baseName(p)));
  });
}

/**
 * True when an entry script sets up the runtime user from the ids the operator passes
 * (linuxserver-style PUID/PGID) and writes that user into a server's config (`sed -i` on
 * supervisord's `user=`): the supervisor or server started next drops to it. PUID handling alone
 * is not enough: a script that creates the user and starts the server as root still fires.
 */
function writesServerUserFromIds(script: string): boolean {
  const lines = script.split(/\r?\n/).filter((l) => !l.trim().startsWith("#"));
  if (!lines.some((l) => RUNTIME_ID_USER.test(l))) return false;
  return lines.some((l) => {
    if (!CONFIG_USER_ASSIGNMENT.test(l)) return false;
    const words = l.trim().split(/\s+/);
    // An in-place edit, or a line written to a file (not a message printed to the log).
    return (words.includes("sed") && words.some((w) => /^-\w*i/.test(w))) || (/\b(?:echo|printf)\b/.test(l) && l.includes(">"));
  });
}

/**
 * The dropper the build installs, fetches or copies in (`gosu`) when the start path never calls it:
 * the entry script is read and starts the app itself. The remedy is then to start it through the
 * dropper (after a chown), not a USER line that locks the app out of files root wrote.
 */
export function unusedDropper(model: DockerfileModel, chain: Stage[]): string | null {
  if (someWord(chain, ["ENTRYPOINT", "CMD"], PRIVILEGE_DROPPERS) || !startPathSkipsDropper(model)) return null;
  return namedDropper(chain) ?? copiedInDropper(model, chain) ?? contextDropper(model, chain);
}

/**
 * The dropper a COPY or ADD of `chain` brings from the build context inside a folder or the whole
 * context (`COPY . /container` with `tool/setuser` in the context), as the host read it
 * (`context.files`); null when none.
 */
function contextDropper(model: DockerfileModel, chain: Stage[]): string | null {
  const tools = Object.keys(contextFiles(model.context)).filter((path) => isPrivilegeDropTool(baseName(path)));
  if (tools.length === 0) return null;
  for (const stage of chain)
    for (const instruction of stage.instructions) {
      const copy = contextCopy(instruction);
      if (copy === null) continue;
      for (const source of copy.sources) {
        const from = contextRelativePath(unquoteWord(source.value));
        const found = tools.find((path) => from === "." || isSameOrParentPath(from, path));
        if (found !== undefined) return baseName(found);
      }
    }
  return null;
}

/** The first dropper a RUN, COPY or ADD of `chain` names (`apt-get install gosu`, `COPY --from=tianon/gosu /gosu /usr/local/bin/`). */
function namedDropper(chain: Stage[]): string | null {
  for (const stage of chain) {
    for (const i of stage.instructions) {
      if (i.keyword !== "RUN" && i.keyword !== "COPY" && i.keyword !== "ADD") continue;
      for (const arg of i.args) {
        const found = PRIVILEGE_DROPPERS.exec(arg.value)?.[0];
        if (found !== undefined) return found;
      }
    }
  }
  return null;
}

/** Folders of a system tree: where a package manager or an unpacked package puts programs. */
const TREE_FOLDER = /^(?:usr|bin|sbin|local|rootfs)$/;
/** Destinations that hold programs on PATH: `/`, `/usr`, `/usr/local`, and their `bin`/`sbin`. */
const TREE_DESTINATION = /^\/(?:usr(?:\/local)?(?:\/s?bin)?|s?bin)?$/;

/**
 * The dropper a build stage installed, when the final image copies a system tree from that stage
 * (`COPY --from=runtime-deps /install/usr /usr` after that stage unpacked `gosu` and other runtime
 * packages, `COPY --from=deps /rootfs /`): the dropper comes with the folder, though no instruction
 * of the final stage names it. A single file copied from the stage is not such a tree.
 */
export function copiedInDropper(model: DockerfileModel, chain: Stage[]): string | null {
  for (const stage of chain) {
    for (const copy of stage.instructions) {
      if (copy.keyword !== "COPY" || !copy.flags.some((f) => f.name === "from")) continue;
      const paths = copyPaths(copy);
      if (paths === null || !TREE_DESTINATION.test(normalizePath(unquoteWord(paths.dest.value)))) continue;
      const bringsTree = paths.sources.some((source) => {
        const value = unquoteWord(source.value);
        return value.endsWith("/") || TREE_FOLDER.test(baseName(normalizePath(value)));
      });
      if (!bringsTree) continue;
      const target = copySourceStage(model, copy);
      if (target === null || chain.includes(target)) continue;
      const found = namedDropper(lineage(target));
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * True when a dropper installed in the build is not on the start path as far as the file shows:
 * the entry script the start command runs is read, names no dropper and runs no other script, and
 * no other script read from the context names one either. An entry script not read (generated by
 * a RUN, copied inside a folder) may call it: then the dropper still counts.
 */
function startPathSkipsDropper(model: DockerfileModel): boolean {
  // An empty file (a placeholder, a script generated later) tells nothing about the start path.
  const entries = entryScriptFiles(model).filter(([, text]) => text.trim() !== "");
  if (entries.length === 0) return false;
  if (Object.values(contextFiles(model.context)).some((text) => PRIVILEGE_DROPPERS.test(text))) return false;
  // `source ./setup.sh`, `run-parts /docker-entrypoint.d`, `/scripts/init.sh`: another script may drop.
  return entries.every(([, text]) => !/\.(?:sh|bash)\b|\brun-parts\b|^\s*(?:source|\.)\s/m.test(text));
}

/** Servers that read a `user=`/`uid =` config and drop to it (uwsgi, gunicorn, supervisord, php-fpm, ...). */
const CONFIG_SERVERS = /\b(?:uwsgi|gunicorn|supervisord|php-fpm[\d.]*|apache2|httpd|nginx|lighttpd|unitd)\b/;

/**
 * True when the start path is known and never starts the server a copied config is for: the entry
 * scripts the start command runs are read, run no other script, and name neither the config nor a
 * server that reads such configs (a `uwsgi.ini` copied for a SearXNG the script starts with `flask
 * run`). The config's `uid =` then drops nothing.
 */
function startPathSkipsServer(model: DockerfileModel, config: string): boolean {
  // The start command itself starts the server or is given the config (`gunicorn -c gunicorn.conf.py`).
  const command = startCommand(model) ?? [];
  if (command.some((w) => CONFIG_SERVERS.test(baseName(w)) || baseName(w) === config)) return false;
  const entries = entryScriptFiles(model).filter(([path, text]) => text.trim() !== "" && baseName(path) !== config);
  if (entries.length === 0) return false;
  const stem = config.replace(/\.[^.]+$/, "");
  const names = new RegExp(`\\b${escapeRegExp(stem)}\\b`);
  return entries.every(([, text]) => !/\.(?:sh|bash)\b|\brun-parts\b|^\s*(?:source|\.)\s/m.test(text) && !CONFIG_SERVERS.test(text) && !names.test(text));
}

/**
 * A `USER root` written after a non-root USER, followed by no build step (RUN, COPY, ADD) but an
 * entry script as ENTRYPOINT: nothing in the build needs root there, so it is for the entrypoint,
 * which starts as root to set up (ownership, a user from PUID) and drops privileges itself.
 */
export function isRootForEntrypoint(chain: Stage[], rootUser: Instruction): boolean {
  const instructions = chain.flatMap((s) => s.instructions);
  const at = instructions.indexOf(rootUser);
  const before = instructions.slice(0, at).filter((i) => i.keyword === "USER" && i.args.length > 0);
  if (!before.some((i) => !isRootUser(i.args[0].value))) return false;
  const after = instructions.slice(at + 1);
  if (after.some((i) => i.keyword === "RUN" || i.keyword === "COPY" || i.keyword === "ADD")) return false;
  return after.some((i) => i.keyword === "ENTRYPOINT" && i.args.some((a) => /\.sh$|entrypoint/i.test(baseName(a.value))));
}
