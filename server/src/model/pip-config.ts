// Whether pip's configuration files turn its wheel cache off for a `pip install`. pip reads
// /etc/xdg/pip/pip.conf and /etc/pip.conf, the user's ~/.pip/pip.conf and ~/.config/pip/pip.conf,
// and the file PIP_CONFIG_FILE names; `no-cache-dir` set in `[global]` or `[install]` of any of
// them turns the cache off whatever its value, as PIP_NO_CACHE_DIR does (both go through pip's
// `_handle_no_cache_dir`). The build writes those files with echo/printf/heredocs, `pip config
// set`, or a COPY of a context file the host read (model/tracked-files.ts follows them), and pip
// reads them with configparser (model/ini-file.ts).

import { normalizePath } from "./copy-paths";
import { variableFor } from "./environment";
import { type IniFile, readIniFile, writeIniFile } from "./ini-file";
import type { ShellCommand } from "./shell";
import { perModel } from "./per-model";
import { filesBefore, type OwnWrite, resolvePath, type ShellOf, type WrittenFile } from "./tracked-files";
import type { DockerfileModel, Instruction, Stage } from "./types";

/**
 * The values pip reads as a boolean (its `strtobool`); for `no-cache-dir` every one turns the cache
 * off, false ones included. Any other value is an error, and an empty one is skipped.
 */
const PIP_BOOLEANS = new Set(["1", "true", "on", "yes", "y", "t", "0", "false", "off", "no", "n", "f"]);

/**
 * True when the configuration pip reads at `command` (a `pip install` of `instruction`, a RUN or
 * ONBUILD RUN) sets `no-cache-dir`, and the command line does not choose a cache folder
 * (`--cache-dir`). pip applies `no-cache-dir` last, over PIP_CACHE_DIR and a `cache-dir` in a file
 * (`_update_defaults` evaluates its callback late): only the command line wins over it.
 */
export function pipConfigTurnsCacheOff(model: DockerfileModel, instruction: Instruction, command: ShellCommand, shellOf: ShellOf): boolean {
  const stage = instruction.stage;
  const run = instruction.trigger ?? instruction;
  if (stage === null || !mayConfigurePip(model)) return false;
  if (command.args.some((a) => a.value === "--cache-dir" || a.value.startsWith("--cache-dir="))) return false;
  const read = filesPipReads(model, stage, run, command);
  if (read.length === 0) return false;
  const files = filesBefore(model, stage, instruction, command, read, { name: "pip", shellOf, ownWriteOf: pipConfigWrite });
  return read.some((path) => setsNoCacheDir(files.get(path) ?? null));
}

/**
 * Whether the file may write pip's configuration at all: it names a pip.conf or PIP_CONFIG_FILE, or
 * runs `pip config`. Most files do not, and are spared a walk of their RUNs for every pip install.
 */
const mayConfigurePip = perModel(
  (model) =>
    model.text.includes("pip.conf") ||
    model.text.includes("PIP_CONFIG_FILE") ||
    model.instructions.some((i) => (i.trigger ?? i).commands.some(isPipConfigChange)),
);

/** The configuration files pip reads at `command`, as absolute paths (pip's `iter_config_files`). */
function filesPipReads(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand): string[] {
  const variable = (name: string) => variableFor(model, stage, run, command, name);
  const configFile = variable("PIP_CONFIG_FILE");
  // PIP_CONFIG_FILE=/dev/null: pip loads no configuration file at all.
  if (configFile === "/dev/null") return [];
  const paths = ["/etc/pip.conf"];
  const systemDirs = variable("XDG_CONFIG_DIRS");
  if (systemDirs === undefined) paths.push("/etc/xdg/pip/pip.conf");
  else if (systemDirs !== null) for (const dir of systemDirs.split(":")) if (dir.startsWith("/")) paths.push(normalizePath(`${dir}/pip/pip.conf`));
  if (typeof configFile === "string") {
    const path = resolvePath(model, stage, run, command, configFile);
    if (path !== null) paths.push(path);
  }
  // pip skips the user's files with `--isolated`, and when PIP_CONFIG_FILE names a file that
  // exists (which the build may have made): they count only when it is not set.
  if (configFile === undefined && !command.args.some((a) => a.value === "--isolated")) {
    for (const path of ["~/.pip/pip.conf", userConfigFile(variable)]) {
      const resolved = resolvePath(model, stage, run, command, path);
      if (resolved !== null) paths.push(resolved);
    }
  }
  return paths;
}

/** The user's file pip reads last and `pip config set` writes: under XDG_CONFIG_HOME when it is set. */
function userConfigFile(variable: (name: string) => string | null | undefined): string {
  return variable("XDG_CONFIG_HOME") !== undefined ? "$XDG_CONFIG_HOME/pip/pip.conf" : "~/.config/pip/pip.conf";
}

/**
 * `pip config [--global|--user] set section.key value`, `unset` or `edit`, run by pip or
 * `python -m pip`: the file it writes (/etc/pip.conf with --global, else the user's) and how it
 * changes it (`set` rewrites the file through configparser with the key set, and writes the key
 * even into a file not known here; `unset` and `edit` leave one not known); null for another
 * command. `--site` writes into the environment's prefix (a virtualenv), which pip reads only
 * there: left alone.
 */
function pipConfigWrite(command: ShellCommand, variable: (name: string) => string | null | undefined): OwnWrite | null {
  const words = pipConfigWords(command);
  if (words === null) return null;
  const key = /^([^.]+)\.(.+)$/.exec(words.operands[2] ?? "");
  const value = words.operands[3];
  const apply = (before: WrittenFile | null | undefined): WrittenFile | null => {
    if (words.operands[1] !== "set" || key === null || value === undefined) return null;
    const config = new Map([...((before ? iniOf(before) : null) ?? [])].map(([section, options]) => [section, new Map(options)]));
    const section = config.get(key[1]) ?? new Map<string, string>();
    section.set(key[2].toLowerCase(), value);
    config.set(key[1], section);
    return { text: writeIniFile(config) };
  };
  return { path: words.isGlobal ? "/etc/pip.conf" : userConfigFile(variable), apply };
}

function isPipConfigChange(command: ShellCommand): boolean {
  return pipConfigWords(command) !== null;
}

/** The words of a `pip config` command that changes a file (`set`, `unset`, `edit`; not with --site); null for another command. */
function pipConfigWords(command: ShellCommand): { operands: string[]; isGlobal: boolean } | null {
  const args = command.args.map((a) => a.value);
  const PIP = /^pip\d*(?:\.\d+)?$/;
  const pipArgs = PIP.test(command.name)
    ? args
    : /^python\d*(?:\.\d+)?$/.test(command.name) && args[0] === "-m" && PIP.test(args[1] ?? "")
      ? args.slice(2)
      : null;
  const operands = pipArgs?.filter((a) => !a.startsWith("-")) ?? [];
  if (pipArgs === null || operands[0] !== "config" || pipArgs.includes("--site")) return null;
  // `get`, `list`, `debug` only read.
  if (operands[1] !== "set" && operands[1] !== "unset" && operands[1] !== "edit") return null;
  return { operands, isGlobal: pipArgs.includes("--global") };
}

/** True when the file sets `no-cache-dir` (any spelling pip accepts) to a value pip reads, in `[global]` or `[install]`. */
function setsNoCacheDir(file: WrittenFile | null): boolean {
  const config = file === null ? null : iniOf(file);
  if (config === null) return false;
  return ["global", "install"].some((section) => {
    // pip reads the options in order into one table of its own spellings: the last one counts.
    let value = "";
    for (const [option, written] of config.get(section) ?? []) if (pipKey(option) === "no-cache-dir") value = written;
    return PIP_BOOLEANS.has(value.toLowerCase());
  });
}

const iniRead = new WeakMap<WrittenFile, IniFile | null>();

/** What configparser reads of a written file, kept once asked (many installs read the same file); null where it refuses it. */
function iniOf(file: WrittenFile): IniFile | null {
  let read = iniRead.get(file);
  if (read === undefined) {
    read = readIniFile(file.text);
    iniRead.set(file, read);
  }
  return read;
}

/** pip's spelling of a key: lower case, `_` as `-`, no leading `--` (`--no_cache_dir` -> `no-cache-dir`). */
function pipKey(key: string): string {
  return key.toLowerCase().replace(/_/g, "-").replace(/^--/, "");
}
