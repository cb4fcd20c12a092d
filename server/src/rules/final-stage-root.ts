// final-stage-root: the final image runs as root, because its last USER is root or because no
// USER ever switches away from the root default of the base. Unlike hadolint's DL3002 we judge
// only the final stage (and the stages it builds on): a builder stage running as root never runs
// in production. And we also report a final stage with no USER at all, hadolint stays silent there.
// Silent where root is the design: development and build-environment images, entrypoints and
// servers that drop privileges themselves, GitHub Action images, and privileged system tools.

import type { Fix, Rule } from "./types";
import { systemPackageCommand } from "../model/commands";
import { lineage, mergedScope } from "../model/stage-graph";
import { envDeclarations } from "../model/environment";
import { isPerBaseVersionImage } from "../model/dockerfile-variants";
import { imageRole } from "../model/image-role";
import { developmentPurpose, startCommand, withoutInitWrapper } from "../model/stage-purpose";
import { entryScriptFiles } from "../model/start-steps";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { escapeRegExp } from "../model/text";
import { substituteVariables } from "../model/variables";
import { defaultUserOf, nonRootUserOf, privilegeDropOf } from "../images/default-user";

/**
 * Tools that start a program as another user: the official images' entrypoint idiom (`gosu`,
 * `su-exec`), util-linux (`setpriv`, `runuser`), s6, runit (`chpst`) and phusion (`setuser`). One
 * list, so the four forms below cannot drift apart.
 */
const DROPPERS = ["gosu", "su-exec", "setpriv", "runuser", "s6-setuidgid", "chpst", "setuser"].map(escapeRegExp).join("|");
/** Any dropper word in the stage's instructions. */
const PRIVILEGE_DROPPERS = new RegExp(`\\b(?:${DROPPERS})\\b`);
/** In an entry script: the drop must wrap the process that stays (`exec gosu app "$@"`, `exec su app -c ...`). */
const SCRIPT_DROP = new RegExp(`^\\s*exec\\s+(?:\\S+\\s+)*?(?:${DROPPERS}|su|sudo\\s+-u)\\b`, "m");
/** An entry script's last command run under a dropper without `exec` (`su-exec app "$@"` as the last line). */
const LAST_LINE_DROPPER = new RegExp(`^(?:${DROPPERS})\\b`);
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
/** The port-binding capability in a `setcap` argument, alone, quoted or in a list (`cap_net_raw,cap_net_bind_service+ep`). */
const NET_BIND_CAPABILITY = /(?:^|[\s,'"])cap_net_bind_service(?:[=+,\s'"]|$)/;
/** CI agents and dependency updaters: they run builds (and often the Docker socket) as root by design. */
const CI_AGENTS = /^(?:gitlab-runner|woodpecker-agent|drone-runner-[a-z]+|buildkite-agent|act_runner|forgejo-runner|renovate|dependabot|updatecli)$/;
/** Environment switches that tell a tool running as root is intended (`COMPOSER_ALLOW_SUPERUSER=1`, celery's `C_FORCE_ROOT`). */
const ROOT_ALLOWED_ENV = new Set(["COMPOSER_ALLOW_SUPERUSER", "C_FORCE_ROOT"]);
/** Comments that say the image ships: `deployed environments`, `for production`. */
const DEPLOYED = /\b(?:deploy(?:s|ed|ment|ments)?|production)\b/i;
/** Default commands that only print usage: the image is a CLI toolbox run with the user's own command. */
const HELP_ARGS = /^(?:-h|--help|-help|help)$/;
/** Options and subcommands that evaluate the expression after them (`deno eval`, `node -e`, `python -c`, `ruby -e`). */
const EVAL_ARGS = /^(?:eval|-e|--eval|-p|--print|-c)$/;
/** An expression that only prints a literal: `console.log('Welcome to Deno!')`, `print("hello")`, `puts 'hi'`. */
const PRINT_LITERAL = /^(?:console\.log|print|puts|IO\.puts|println)(?:\(\s*(?:'[^']*'|"[^"]*")\s*\)|\s+(?:'[^']*'|"[^"]*"));?$/;
/** Process managers that start the processes a Procfile lists (`forego start`, `honcho start`). */
const PROCFILE_RUNNERS = /^(?:forego|foreman|honcho|overmind|hivemind)$/;
/**
 * Servers whose master starts as root to bind ports and runs its workers as another user, and
 * daemons that switch to their own user when started as root (mosquitto's `user` defaults to
 * `mosquitto`).
 */
const WORKER_SERVERS = /^(?:php-fpm[\d.]*|apache2|apache2-foreground|apache2ctl|httpd|httpd-foreground|nginx|unitd|mosquitto)$/;
/** A daemon told which user to become on its own command line (`netdata -u netdata`, `dnsmasq --user=dnsmasq`). */
const SWITCH_USER_OPTION = /^(?:-u|--user|--uid)(?:=(?!root$|0$)\S+)?$/;
/** Supervisors that start as root and run their services as other users. */
const SUPERVISORS = /^(?:init|s6-svscan|supervisord|runsvdir|tini-s6)$/;
/**
 * System tools that need root: routing/VPN daemons (IPv6 firewall rules, WireGuard, OpenVPN), kernel
 * modules (dkms), the Docker socket (the engine or its CLI), FUSE mounts. A lone `iptables` is not
 * enough: apps install it for a one-off rule at start and still run unprivileged.
 */
const PRIVILEGED_PACKAGES = /^(?:ip6tables|nftables|wireguard-tools|dkms|docker-ce|docker-ce-cli|docker-cli|docker\.io|fuse|fuse3|openvpn)$/;

/** A GitHub Action's labels and files (`com.github.actions.name`, a problem matcher copied in). */
const GITHUB_ACTION_WORDS = /com\.github\.actions\.|github_action|problem-matcher/i;

/** Docker's own installers: the convenience script (get.docker.com) and the static binaries' download. */
const DOCKER_INSTALLER = /\bget\.docker\.com\b|\bdownload\.docker\.com\/linux\/static\b/;
/** The Docker CLI image a binary is copied from (`COPY --from=docker:27-cli /usr/local/bin/docker ...`). */
const DOCKER_IMAGE = /^(?:docker\.io\/)?(?:library\/)?docker(?::|@|$)/;

function isRootUser(value: string): boolean {
  const user = value.replace(/^["']|["']$/g, "");
  return user === "root" || user === "0" || user.startsWith("root:") || user.startsWith("0:");
}

/** True when a word of an instruction of `chain` with one of `keywords` matches `pattern` (no list of every word is built). */
function someWord(chain: Stage[], keywords: readonly string[], pattern: RegExp): boolean {
  for (const stage of chain) {
    for (const instruction of stage.instructions) {
      if (!keywords.includes(instruction.keyword)) continue;
      for (const arg of instruction.args) if (pattern.test(arg.value)) return true;
    }
  }
  return false;
}

/** The programs of every command of the CMD and ENTRYPOINT in effect (`exec` looked through). */
function startPrograms(chain: Stage[]): string[] {
  const starts = chain.flatMap((s) => s.instructions).filter((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT");
  const last = (keyword: string): Instruction | undefined => [...starts].reverse().find((i) => i.keyword === keyword);
  return [last("ENTRYPOINT"), last("CMD")].flatMap((i) =>
    (i?.commands ?? []).map((c) => (c.name === "exec" ? (c.args.find((a) => !a.value.startsWith("-"))?.value ?? "") : c.name)),
  );
}

/** True when the start command gives its program a non-root user to switch to (`netdata -u netdata`). */
function switchesUserItself(command: readonly string[]): boolean {
  // `python -u` is unbuffered output, not a user.
  if (command.some((w) => /^python[\d.]*$/.test(w.split("/").pop() ?? ""))) return false;
  return command.some((word, index) => {
    if (!SWITCH_USER_OPTION.test(word)) return false;
    if (word.includes("=")) return true;
    const user = command[index + 1];
    return user !== undefined && /^(?:[a-z_][a-z0-9_-]*|\$\{?\w+\}?)$/.test(user) && user !== "root";
  });
}

/** In an entry script: the process that stays is a daemon told which user to become (`exec netdata -u netdata`). */
function execsSwitchingDaemon(script: string): boolean {
  return script.split("\n").some((line) => {
    const words = line.trim().split(/\s+/);
    return words[0] === "exec" && switchesUserItself(words.slice(1).map((w) => w.replace(/^["']|["']$/g, "")));
  });
}

/** True when the image is set up to drop root itself, or root is what it is for. */
function isRootByDesign(model: DockerfileModel, chain: Stage[]): boolean {
  // A dropper called at start, or installed, fetched or copied in (`COPY --from=gosu /gosu
  // /usr/local/bin/`) for a start path that may call it; not when the entry script is read and
  // never calls it (gosu installed "for later" while the script starts node as root).
  if (someWord(chain, ["ENTRYPOINT", "CMD"], PRIVILEGE_DROPPERS)) return true;
  if (someWord(chain, ["RUN", "COPY", "ADD"], PRIVILEGE_DROPPERS) && !startPathSkipsDropper(model)) return true;
  const command = startCommand(model);
  if (command?.some((w) => WORKER_SERVERS.test(w.split("/").pop() ?? ""))) return true;
  // A shell-form start runs several commands (`cron && exec apache2 -D FOREGROUND`): any of them.
  if (startPrograms(chain).some((p) => WORKER_SERVERS.test(p.split("/").pop() ?? ""))) return true;
  if (command !== null && switchesUserItself(command)) return true;
  const program = command?.find((w) => !/^(?:\/usr\/bin\/|\/sbin\/|\/bin\/)?(?:tini|dumb-init|sh|bash)$|^-/.test(w));
  if (program !== undefined && SUPERVISORS.test(program.split("/").pop() ?? "")) return true;
  // Entry scripts and server configs copied from the context (read by the host).
  const files = model.context.files ?? {};
  for (const [path, text] of Object.entries(files)) {
    const name = path.split("/").pop() ?? path;
    const isEntry = command?.some((w) => w.split("/").pop() === name) ?? false;
    if (isEntry && (SCRIPT_DROP.test(text) || LAST_LINE_DROPPER.test(lastCommandLine(text)) || execsSwitchingDaemon(text))) return true;
    if (isEntry && writesServerUserFromIds(text)) return true;
    if (SERVER_CONFIG.test(name) && CONFIG_DROP.test(text)) return true;
    // A supervisor's service folder (`s6/app/run`, `services.d/app/run`): the host reads these only
    // inside folders the file copies, so the service is in the image.
    if (name === "run" && path.includes("/") && (RUN_FILE_DROP.test(text) || SCRIPT_DROP.test(text))) return true;
  }
  if (procfileRunsWorkerServers(model, command)) return true;
  // gunicorn's master switches its workers to `--user` (`-u`) itself.
  if (command?.some((w) => w.split("/").pop() === "gunicorn") && command.some((w) => /^(?:--user(?:=.+)?|-u\S*)$/.test(w))) return true;
  if (program !== undefined && CI_AGENTS.test(program.split("/").pop() ?? "")) return true;
  // GitHub Docker actions must run as root (the runner mounts the workspace root-owned).
  if ((model.context.rootEntries ?? []).some((e) => e === "action.yml" || e === "action.yaml")) return true;
  if (someWord(chain, ["LABEL", "COPY", "ADD"], GITHUB_ACTION_WORDS)) return true;
  // The Docker engine or CLI from Docker's installers or image: the image drives a Docker socket.
  if (someWord(chain, ["RUN"], DOCKER_INSTALLER)) return true;
  const copiesDocker = (i: Instruction) => i.keyword === "COPY" && i.flags.some((f) => f.name === "from" && DOCKER_IMAGE.test(f.value ?? ""));
  if (chain.some((s) => s.instructions.some(copiesDocker))) return true;
  for (const stage of chain) {
    for (const i of stage.instructions) {
      if (i.keyword !== "RUN") continue;
      for (const c of i.commands) {
        const cmd = systemPackageCommand(c);
        if (cmd?.action !== "install") continue;
        const names = cmd.packages.map((p) => p.value.replace(/[=<>~].*$/, ""));
        if (names.some((n) => PRIVILEGED_PACKAGES.test(n))) return true;
        // Alpine's, Fedora's and openSUSE's `docker` is Docker itself (Debian's is an unrelated docklet).
        if (cmd.manager !== "apt" && names.includes("docker")) return true;
      }
    }
  }
  return false;
}

/**
 * True when the start command is a Procfile process manager (`forego start`) and every process of
 * the Procfile the image copies is a server that drops to its workers' user itself (`php-fpm`,
 * `nginx`): the same design as a supervisord config with `user=` programs.
 */
function procfileRunsWorkerServers(model: DockerfileModel, command: readonly string[] | null): boolean {
  if (!command?.some((w) => PROCFILE_RUNNERS.test(w.split("/").pop() ?? ""))) return false;
  const procfiles = Object.entries(model.context.files ?? {}).filter(([path]) => /^Procfile(?:\.[\w-]+)?$/.test(path.split("/").pop() ?? ""));
  if (procfiles.length === 0) return false;
  return procfiles.every(([, text]) => {
    const programs = text
      .split(/\r?\n/)
      .map((line) => /^[\w-]+:\s*(?:exec\s+)?(\S+)/.exec(line.trim())?.[1])
      .filter((p): p is string => p !== undefined);
    return programs.length > 0 && programs.every((p) => WORKER_SERVERS.test(p.split("/").pop() ?? ""));
  });
}

/** A user created or looked up from the ids the operator passes (`useradd -u "${PUID}"`, `id -un "$PUID"`). */
const RUNTIME_ID_USER = /\b(?:useradd|adduser|usermod|groupadd|addgroup|id|getent)\b[^\n]*\$\{?(?:PUID|PGID|USER_?ID|GROUP_?ID)\b/;
/** A config line `user=`/`uid =` written by the script: `sed -i 's/^user=.*$/user=app/'`, `echo "user=$U" >> x.conf`. */
const CONFIG_USER_ASSIGNMENT = /\b(?:user|uid)\b[^=\n]{0,12}=/;

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
 * True when a dropper installed in the build is not on the start path as far as the file shows:
 * the entry script the start command runs is read, names no dropper and runs no other script, and
 * no other script read from the context names one either. An entry script not read (generated by
 * a RUN, copied inside a folder) may call it: then the dropper still counts.
 */
function startPathSkipsDropper(model: DockerfileModel): boolean {
  // An empty file (a placeholder, a script generated later) tells nothing about the start path.
  const entries = entryScriptFiles(model).filter(([, text]) => text.trim() !== "");
  if (entries.length === 0) return false;
  if (Object.values(model.context.files ?? {}).some((text) => PRIVILEGE_DROPPERS.test(text))) return false;
  // `source ./setup.sh`, `run-parts /docker-entrypoint.d`, `/scripts/init.sh`: another script may drop.
  return entries.every(([, text]) => !/\.(?:sh|bash)\b|\brun-parts\b|^\s*(?:source|\.)\s/m.test(text));
}

/** The last line of a script that runs something: not blank, not a comment, not a closing `fi`/`done`/`esac`/`}`. */
function lastCommandLine(script: string): string {
  const lines = script
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#") && !/^(?:fi|done|esac|\}|;;)$/.test(l));
  return lines[lines.length - 1] ?? "";
}

/**
 * True when the file leaves the user to whoever runs the image, and says so: a comment about
 * `docker run --user`, passwordless sudo granted to every user (for whichever UID is picked), the
 * port-binding capability given to the server binary (`setcap cap_net_bind_service`) so a
 * non-root user can run it, or an environment switch that lets the tool run as root
 * (`COMPOSER_ALLOW_SUPERUSER=1`).
 */
function isUserChosenAtRunTime(model: DockerfileModel, chain: Stage[]): boolean {
  if (model.comments.some((c) => /(?:^|\s|`)--user\b/.test(c.content))) return true;
  const runs = chain.flatMap((s) => s.instructions.filter((i) => i.keyword === "RUN"));
  const runTexts = runs.map((i) => model.lines.textIn(i.range));
  if (runTexts.some((t) => /\bALL\s+ALL\s*=[^>]*>\s*\/etc\/sudoers/.test(t))) return true;
  // The server binary may bind ports below 1024 without root: made for a non-root user picked later.
  // Read from the parsed command, so a quoted or listed capability counts too
  // (`setcap 'cap_net_bind_service=+eip'`, `setcap cap_net_raw,cap_net_bind_service+ep`).
  if (runs.some((i) => i.commands.some((c) => c.name === "setcap" && c.args.some((a) => NET_BIND_CAPABILITY.test(a.value))))) return true;
  return chain.some((s) =>
    s.instructions.some((i) => envDeclarations(model, i).some((d) => ROOT_ALLOWED_ENV.has(d.name) && /^["']?(?:1|true|yes)["']?$/i.test(d.value ?? ""))),
  );
}

/**
 * True when the container runs whatever command its user passes rather than a service: a shell
 * with `-c` as the ENTRYPOINT and no CMD, or, on an image that exposes no port, a default command
 * that only prints the usage (`-h`) or a literal greeting (`deno eval "console.log('Welcome')"`,
 * `echo hello`): a runtime or tool image whose users replace the command, and often extend it.
 */
function isCommandRunner(model: DockerfileModel, chain: Stage[]): boolean {
  const command = startCommand(model);
  if (command === null) return false;
  const program = command[0]?.split("/").pop() ?? "";
  if (/^(?:ba|da|a|z)?sh$/.test(program) && command.length === 2 && command[1] === "-c") return true;
  const exposes = chain.some((s) => s.instructions.some((i) => i.keyword === "EXPOSE"));
  if (exposes) return false;
  if (command.length > 1 && HELP_ARGS.test(command[command.length - 1])) return true;
  return printsOnly(defaultCommand(chain));
}

/**
 * The words of the CMD in effect, the default the user replaces; null when none is set, when it is
 * a shell line of several commands, or when the ENTRYPOINT (past an init wrapper) is more than one
 * program or script taking the CMD as its arguments.
 */
function defaultCommand(chain: Stage[]): string[] | null {
  let cmd: string[] | null = null;
  let entrypoint: string[] = [];
  for (const i of chain.flatMap((s) => s.instructions)) {
    const words = i.isJsonForm ? i.args.map((a) => a.value) : i.commands.length === 1 ? i.commands[0].words.map((w) => w.value) : null;
    if (i.keyword === "ENTRYPOINT") {
      entrypoint = words === null ? ["sh", "-c"] : withoutInitWrapper(words);
      cmd = null;
    } else if (i.keyword === "CMD") cmd = words;
  }
  return entrypoint.length <= 1 ? cmd : null;
}

/** True for a default command that prints a literal and exits: `echo hello`, `[..., "eval", "console.log('hi')"]`. */
function printsOnly(cmd: readonly string[] | null): boolean {
  if (cmd === null || cmd.length === 0) return false;
  const program = cmd[0].split("/").pop() ?? "";
  if (program === "echo" || program === "printf") return true;
  return cmd.length >= 2 && EVAL_ARGS.test(cmd[cmd.length - 2]) && PRINT_LITERAL.test(cmd[cmd.length - 1].replace(/^(["'])(.*)\1$/, "$2").trim());
}

/** True when the start command runs an entry script whose name says it drops to a user (`/run-as-user.sh`). */
function entryScriptDropsByName(model: DockerfileModel): boolean {
  return (startCommand(model) ?? []).some((w) => DROPPER_SCRIPT_NAME.test(w.split("/").pop() ?? ""));
}

/**
 * A `USER root` written after a non-root USER, followed by no build step (RUN, COPY, ADD) but an
 * entry script as ENTRYPOINT: nothing in the build needs root there, so it is for the entrypoint, which starts as
 * root to set up (ownership, a user from PUID) and drops privileges itself.
 */
function isRootForEntrypoint(chain: Stage[], rootUser: Instruction): boolean {
  const instructions = chain.flatMap((s) => s.instructions);
  const at = instructions.indexOf(rootUser);
  const before = instructions.slice(0, at).filter((i) => i.keyword === "USER" && i.args.length > 0);
  if (!before.some((i) => !isRootUser(i.args[0].value))) return false;
  const after = instructions.slice(at + 1);
  if (after.some((i) => i.keyword === "RUN" || i.keyword === "COPY" || i.keyword === "ADD")) return false;
  return after.some((i) => i.keyword === "ENTRYPOINT" && i.args.some((a) => /\.sh$|entrypoint/i.test(a.value.split("/").pop() ?? "")));
}

/** A `USER` line before the final stage's start command, when a non-root user is known. */
function addUserFix(model: DockerfileModel, final: Stage, user: string | null): Fix[] | undefined {
  if (user === null) return undefined;
  const start = [...final.instructions].reverse().find((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT");
  const anchor: Instruction | undefined = start ?? final.instructions[final.instructions.length - 1];
  if (!anchor) return undefined;
  // After the last instruction of a file without a final newline there is no next line: the USER
  // line then goes at the end of that instruction's last line, behind a newline of its own.
  const atEnd = !start && anchor.range.end.line + 1 >= model.lines.lineCount;
  const position = start
    ? { line: start.range.start.line, character: 0 }
    : atEnd
      ? model.lines.startOfLineAfter(anchor.range.end.line)
      : { line: anchor.range.end.line + 1, character: 0 };
  const newText = atEnd ? `\nUSER ${user}\n` : `USER ${user}\n`;
  return [{ title: `Add 'USER ${user}'`, edits: [{ range: { start: position, end: position }, newText }] }];
}

/** Names of variables that hold where an app keeps its files (`HALO_WORK_DIR`, `DATA_HOME`, `CONFIG_LOCATION`). */
const DATA_VARIABLE = /(?:DIR|HOME|DATA|LOCATION|FOLDER|ROOT|STORAGE)$/i;
/**
 * Build tools' own homes and caches (`UV_CACHE_DIR=/root/.cache/uv` for a cache mount,
 * `CARGO_HOME`, `GOPATH`): used while building, not where the app keeps its data.
 */
const TOOL_VARIABLE =
  /CACHE|^(?:CARGO|RUSTUP|GO|NVM|PYENV|SDKMAN|BUN|PNPM|POETRY|UV|PIP|NPM|YARN|CONDA|MAMBA|GRADLE|MAVEN|M2|DENO|VOLTA|ASDF|RBENV|GEM|BUNDLE|PIPX)(?:_|PATH$|$)/i;
/** A path in /root inside a value (`/root/.halo2`, `file:/root/.halo2/`), or /root itself. */
const ROOT_PATH = /(?:^|[=:;,\s])(\/root(?:\/[^\s:;,"']*)?)(?=$|[\s:;,"'])/;
/** An option that points the app at a folder (`-Duser.home=/root`, `--halo.work-dir=/root/.halo2`). */
const ROOT_PATH_OPTION = /^-[\w.-]*=(\/root(?:\/\S*)?)$/;

/**
 * Where the final image keeps its files under /root, if it does: a WORKDIR or VOLUME there, a data
 * variable (`HALO_WORK_DIR=/root/.halo2`) or a start option (`--work-dir=/root/...`) pointing there.
 * /root is root's private home (mode 700): a USER alone then locks the app out of its own files and
 * breaks every deployment that mounts them, so moving the files is the remedy, not one line.
 */
function rootDataPath(model: DockerfileModel, chain: Stage[]): string | null {
  const inRoot = (value: string) => value === "/root" || value.startsWith("/root/");
  // The working directory the app starts in (the last WORKDIR; earlier ones only served build steps).
  let workdir: string | null = null;
  for (const stage of chain) {
    const scope = mergedScope(model, stage);
    for (const i of stage.instructions) {
      if (i.keyword === "WORKDIR" && i.args.length > 0) workdir = substituteVariables(i.args[0].value, scope).value.replace(/^["']|["']$/g, "");
      if (i.keyword === "VOLUME") {
        for (const arg of i.args) {
          const value = substituteVariables(arg.value, scope).value.replace(/^[["']+|[\]"',]+$/g, "");
          if (inRoot(value)) return value.replace(/(?<=.)\/$/, "");
        }
      }
      if (i.keyword !== "ENV") continue;
      for (const d of envDeclarations(model, i)) {
        if (d.value === null) continue;
        const path = ROOT_PATH.exec(d.value.replace(/^["']|["']$/g, ""))?.[1];
        if (path === undefined) continue;
        if (TOOL_VARIABLE.test(d.name)) continue;
        if (DATA_VARIABLE.test(d.name) || /(?:^|\s)-(?:D[\w.]+|-[\w.-]+)=\/root\b/.test(d.value)) return path.replace(/\/$/, "");
      }
    }
  }
  if (workdir !== null && inRoot(workdir)) return workdir.replace(/(?<=.)\/$/, "");
  for (const word of startCommand(model) ?? []) {
    const path = ROOT_PATH_OPTION.exec(word)?.[1];
    if (path !== undefined) return path.replace(/\/$/, "");
  }
  return null;
}

/** The first non-root user the file creates (`useradd app`, `adduser -S app`), if any. */
function createdUser(chain: Stage[]): string | null {
  for (const stage of chain) {
    for (const i of stage.instructions) {
      for (const c of i.commands) {
        if (c.name !== "useradd" && c.name !== "adduser") continue;
        const name = [...c.args].reverse().find((w) => !w.value.startsWith("-"));
        if (name && /^[a-z_][a-z0-9_-]*$/.test(name.value) && name.value !== "root") return name.value;
      }
    }
  }
  return null;
}

export const rule: Rule = {
  meta: {
    id: "final-stage-root",
    family: "base-images",
    severity: "info",
    description: "Run the final image as a non-root user.",
    fix: "suggestion",
    equivalents: { hadolint: ["DL3002"] },
    messages: {
      lastUserRoot: "The final image runs as '{user}'; switch to a non-root USER after the steps that need root.",
      noUser: "The final image runs as root, the default of '{image}'; add a non-root USER.",
      rootHomeData: "The final image runs as root and keeps its files in '{path}'; move them out of /root, then add a USER.",
    },
  },
  check(model, report) {
    const final = model.finalStage;
    if (!final) return;
    const chain: Stage[] = lineage(final);
    let last: { instruction: Instruction; value: string } | null = null;
    for (const stage of chain) {
      const scope = mergedScope(model, stage);
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== "USER" || instruction.args.length === 0) continue;
        // `USER "$UID"`: quotes are not part of the user name.
        const value = substituteVariables(instruction.args[0].value, scope).value.replace(/^["']|["']$/g, "");
        last = { instruction, value };
      }
    }
    // Development, CI and build-environment images run as root on purpose. A compose file that
    // mounts the sources is not enough when the file's comments say it is deployed too: root is
    // a deployment risk there.
    const purpose = developmentPurpose(model);
    if (purpose === "compose-source-mount" && !model.comments.some((c) => DEPLOYED.test(c.content))) return;
    if ((purpose !== null && purpose !== "compose-source-mount") || isRootByDesign(model, chain)) return;
    if (entryScriptDropsByName(model)) return;
    // Files kept in root's home: "add a USER" would lock the app out of them, so say what it takes.
    const rootData = rootDataPath(model, chain);
    if (last) {
      if (isRootUser(last.value) && !isRootForEntrypoint(chain, last.instruction)) {
        if (rootData !== null) report({ range: last.instruction.args[0].range, messageId: "rootHomeData", data: { path: rootData } });
        else report({ range: last.instruction.args[0].range, messageId: "lastUserRoot", data: { user: last.value } });
      }
      return;
    }
    // Root only by default, not by a USER line: a base for other Dockerfiles or an export stage
    // (the image that adds the service picks its user), a user left to `docker run --user`, or a
    // container that runs its user's own command.
    // A file of a family published per version of its base (`python3.11.dockerfile` beside
    // `python3.10.dockerfile`) is a runtime others extend: their Dockerfiles add the app and user.
    if (imageRole(model) !== null || isPerBaseVersionImage(model) || isUserChosenAtRunTime(model, chain) || isCommandRunner(model, chain)) return;
    const root = chain[0];
    // scratch has no user database and usually holds one static binary; distroless-style images
    // choose their user by tag.
    if (root.base.kind !== "image" || root.base.unresolved.length > 0) return;
    const defaultUser = defaultUserOf(root.base.resolved);
    // An image whose default user is not known (a project's own base, a vendor image) may well set
    // one: the file does not show that it runs as root, so nothing is reported.
    if (defaultUser !== "root") return;
    // Images whose own entrypoint or server drops root (postgres' gosu, php-fpm's www-data workers).
    const drop = privilegeDropOf(root.base.resolved);
    if (drop === "entrypoint" && !chain.some((s) => s.instructions.some((i) => i.keyword === "ENTRYPOINT"))) return;
    // The image's own server as the start command was settled by isRootByDesign (WORKER_SERVERS);
    // left here is the image's default command, which is that server.
    if (drop === "workers" && startCommand(model) === null) return;
    // No USER suggestion there: the line alone would break the app.
    if (rootData !== null) {
      report({ range: final.base.token.range, messageId: "rootHomeData", data: { path: rootData } });
      return;
    }
    const suggest = addUserFix(model, final, createdUser(chain) ?? nonRootUserOf(root.base.resolved));
    report({ range: final.base.token.range, messageId: "noUser", data: { image: root.base.resolved }, suggest });
  },
};
