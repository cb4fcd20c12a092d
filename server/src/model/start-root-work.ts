// Work an image's start path does that only root can do: trusting a CA passed at run time
// (`update-ca-certificates`), creating or renumbering users from the ids the operator passes
// (`usermod -u "$PUID"`), handing volumes to a user (`chown -R app /data`), mounting, tuning the
// kernel, setting capabilities or firewall rules, installing packages (also Python packages into
// the system interpreter's site-packages), writing into the system's
// program and library folders (a loader symlink into /lib, `ldconfig`). Such an image starts as
// root on purpose: a USER line makes the entry script fail, so the remedy is a rework of the
// script, not one line.

import { baseName } from "./copy-paths";
import { lineage } from "./stage-graph";
import { startCommand } from "./stage-purpose";
import { startPathScripts } from "./start-path-scripts";
import { envDeclarations } from "./environment";
import type { DockerfileModel } from "./types";

/** Commands that fail without root (chown to another user included; chmod of one's own files does not). */
const ROOT_ONLY =
  /^(?:update-ca-certificates|update-ca-trust|usermod|groupmod|useradd|groupadd|adduser|addgroup|deluser|chown|mount|sysctl|setcap|iptables|ip6tables|nft|modprobe|ldconfig)$/;
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
 * there at start (a loader symlink into /lib, a binary into /usr/local/bin) needs root. A config
 * rendered into /etc is not counted: the script's daemon and its config decide those images.
 */
const SYSTEM_PATH = /^\/(?:lib(?:32|64|x32)?|bin|sbin|usr\/(?:lib(?:32|64|x32|exec)?|bin|sbin)|usr\/local\/(?:lib|bin|sbin))(?:\/|$)/;
/** An output redirection to an absolute path (`> /usr/local/bin/app`, `>>/usr/lib/x.conf`); `2>` and `&>` too. */
const REDIRECT_TARGET = /(?:^|[^<>&\d])\d?&?>>?\s*(\/[^\s;&|)]+)/g;
/** Where a command starts in a shell line: its start, after `;`, `&&`, `||`, `!`, `(`, or a keyword. */
const COMMAND_START = /(?:^|[;&|!({]|\b(?:then|do|else|if|exec)\b)\s*([\w./-]+)/g;

/**
 * The first root-only command a start-path script (entry script and the scripts it runs, as the
 * host read them) runs, or null. `command -v update-ca-certificates` and `which chown` only look
 * the command up; comments and messages are not commands.
 */
export function startPathRootWork(model: DockerfileModel): string | null {
  const venv = hasVirtualEnvironment(model);
  for (const text of [...startPathScripts(model).map(([, t]) => t), ...inlineStartScripts(model)]) {
    const activates = VENV_WORDS.test(text);
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/(?:^|\s)#.*$/, "").replace(/"[^"]*"|'[^']*'/g, '""');
      for (const match of line.matchAll(REDIRECT_TARGET)) if (SYSTEM_PATH.test(match[1])) return `> ${match[1]}`;
      for (const match of line.matchAll(COMMAND_START)) {
        const word = baseName(match[1]);
        const before = line.slice(0, match.index + match[0].length - match[1].length);
        if (/\b(?:command\s+-v|which|type|hash)\s*$/.test(before)) continue;
        if (ROOT_ONLY.test(word)) return word;
        // The rest of this command, up to the next `;`, `&&`, `||` or `|`.
        const rest = line.slice(match.index + match[0].length).split(/[;&|]/)[0];
        if (PACKAGE_INSTALL.test(`${word}${rest}`)) return word;
        if (!venv && !activates && installsIntoSystemPython(word, rest)) return `${word} install`;
        if (writesSystemPath(word, rest)) return word;
      }
    }
  }
  return null;
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
  for (const [i, word] of words.entries()) {
    if (/^(?:\/\S*\/)?(?:ba|da|a)?sh$/.test(word) && words[i + 1] === "-c" && words[i + 2] !== undefined) scripts.push(words[i + 2]);
  }
  return scripts;
}

/**
 * True when a file command writes into a system folder: `ln`, `cp`, `mv`, `install` to their
 * target (the last operand), `mkdir`, `touch`, `tee` at any operand, `sed -i` on its files.
 */
function writesSystemPath(word: string, rest: string): boolean {
  const operands = rest
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "" && !w.startsWith("-"));
  if (word === "sed") return /(?:^|\s)(?:-\w*i|--in-place)/.test(rest) && operands.slice(1).some((o) => SYSTEM_PATH.test(o));
  if (!WRITES_OPERANDS.test(word)) return false;
  if (word === "mkdir" || word === "touch" || word === "tee") return operands.some((o) => SYSTEM_PATH.test(o));
  const target = operands[operands.length - 1];
  return operands.length >= 2 && target !== undefined && SYSTEM_PATH.test(target);
}
