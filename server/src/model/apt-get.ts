// How an `apt-get` command line reads: its subcommand and options, as apt-get parses them
// (options may come before or after the subcommand; short options combine, `-yq`).

import { aptPackageName } from "./apt-no-recommends";
import type { ShellCommand, Word } from "./shell";

export interface AptGetCall {
  command: ShellCommand;
  /** `install`, `update`, ...; null when none is given. */
  subcommand: Word | null;
  /** Option words (`-y`, `--no-install-recommends`, `-o`, `APT::...=false` after `-o`). */
  options: Word[];
}

/** The apt-get call of a command, or null when it is not apt-get. */
export function readAptGet(command: ShellCommand): AptGetCall | null {
  return command.name === "apt-get" ? readCall(command) : null;
}

/**
 * The apt-get or apt call of a command, or null when it is neither: `apt install` reads its
 * options as apt-get does and installs the same packages (recommends included).
 */
export function readAptOrAptGet(command: ShellCommand): AptGetCall | null {
  return command.name === "apt-get" || command.name === "apt" ? readCall(command) : null;
}

/** The words of the call that are neither its subcommand nor options: the packages of `install`. */
export function aptOperands(call: AptGetCall): Word[] {
  return call.command.args.filter((w) => w !== call.subcommand && !call.options.includes(w));
}

function readCall(command: ShellCommand): AptGetCall {
  let subcommand: Word | null = null;
  const options: Word[] = [];
  for (let i = 0; i < command.args.length; i++) {
    const word = command.args[i];
    if (word.value.startsWith("-")) {
      options.push(word);
      // `-o X=Y` and `-c file` take the next word.
      if ((word.value === "-o" || word.value === "--option" || word.value === "-c" || word.value === "-t") && command.args[i + 1])
        options.push(command.args[++i]);
    } else if (subcommand === null) subcommand = word;
  }
  return { command, subcommand, options };
}

/** True when apt-get will not ask: `-y`, `--yes`, `--assume-yes`, or quiet level 2 (`-qq`, `-q=2`, `-q -q`). */
export function isNonInteractive(call: AptGetCall): boolean {
  let quiet = 0;
  for (const { value } of call.options) {
    if (value === "--yes" || value === "--assume-yes" || value === "--force-yes") return true;
    if (value === "--quiet") quiet++;
    else if (/^--quiet=\d/.test(value) || /^-q=\d/.test(value)) quiet += Number(value.split("=")[1]);
    else if (/^-[a-zA-Z]+$/.test(value)) {
      if (value.includes("y")) return true;
      quiet += [...value].filter((c) => c === "q").length;
    }
  }
  return quiet >= 2;
}

/**
 * True when the call only simulates (`apt-get -s dist-upgrade`, `--simulate`, `--dry-run`,
 * `--just-print`, `--recon`, `--no-act`, `-s` among short options): it prints what it would do,
 * changes nothing and asks nothing (held-out CB, FusionAuth: its output lists the upgrades a later
 * `apt-get install -y` makes).
 */
export function isSimulation(call: AptGetCall): boolean {
  return call.options.some(({ value }) => SIMULATE_OPTIONS.has(value) || (/^-[a-zA-Z]+$/.test(value) && value.includes("s")));
}

const SIMULATE_OPTIONS = new Set(["--simulate", "--dry-run", "--just-print", "--recon", "--no-act"]);

/**
 * True when later commands of the same RUN (`commands` after `index`) remove every one of
 * `packages` and autoremove what they pulled in (`apt-get remove gcc && apt-get autoremove`,
 * `apt-get purge --auto-remove gcc`): nothing that install brought, recommends included, stays in
 * the layer.
 */
export function removedWithDependenciesLater(commands: readonly ShellCommand[], index: number, packages: readonly string[]): boolean {
  const removed = new Set<string>();
  for (const command of commands.slice(index + 1)) {
    const call = readAptOrAptGet(command);
    const sub = call?.subcommand?.value;
    if (!call || (sub !== "remove" && sub !== "purge" && sub !== "autoremove")) continue;
    for (const word of aptOperands(call)) removed.add(aptPackageName(word.value));
    const autoremoves = sub === "autoremove" || call.options.some((o) => /^--auto-?remove$/.test(o.value));
    if (autoremoves && packages.every((p) => removed.has(p))) return true;
  }
  return false;
}
