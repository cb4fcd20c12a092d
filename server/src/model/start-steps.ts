// What the container does when it starts, read from its command and the entry scripts the host
// read from the build context: some images compile or install dependencies at every start (a
// development image running `mix setup`, an entry script running `npm install`), so the compilers
// and headers they keep are needed at run time, not leftovers of the build.

import { startCommand } from "./stage-purpose";
import type { DockerfileModel } from "./types";

/**
 * Steps that compile or install dependencies (and so may need a compiler and headers): Elixir's
 * mix tasks, the JavaScript, Ruby, Python and PHP installers, `go run`/`go build`,
 * `cargo run`/`cargo build` and `make`.
 */
const BUILDING_STEP = new Map<string, RegExp>([
  ["mix", /^(?:compile|setup|deps\.get|deps\.compile)$/],
  ["npm", /^(?:install|i|ci)$/],
  ["yarn", /^(?:install)$/],
  ["pnpm", /^(?:install|i)$/],
  ["bundle", /^(?:install)$/],
  ["pip", /^(?:install)$/],
  ["composer", /^(?:install)$/],
  ["go", /^(?:run|build)$/],
  ["cargo", /^(?:run|build)$/],
]);

/** Words that only lead a command (`exec make`, `then npm ci`, `sudo -E bundle install`). */
const LEADING = /^(?:exec|then|else|do|time|sudo|-E|!|\{|\()$/;

/** True when one simple command (its words) compiles or installs dependencies. */
function isBuildingStep(words: readonly string[]): boolean {
  let start = 0;
  while (start < words.length && (LEADING.test(words[start]) || /^\w+=/.test(words[start]))) start++;
  const program = (words[start] ?? "").split("/").pop() ?? "";
  if (program === "make") return true;
  const name = /^pip3?(?:\.\d+)?$/.test(program) ? "pip" : program;
  const step = BUILDING_STEP.get(name);
  if (!step) return false;
  // The first word that is not an option is the subcommand (`npm --prefix app install`).
  const subcommand = words.slice(start + 1).find((w) => !w.startsWith("-"));
  return subcommand !== undefined && step.test(subcommand);
}

/** True when a shell script's text runs a compiling or installing step (comments and quotes loosely skipped). */
function scriptBuilds(script: string): boolean {
  for (const line of script.split(/\r?\n/)) {
    const code = line.replace(/(?:^|\s)#.*$/, "");
    for (const part of code.split(/&&|\|\||[;|]/)) {
      const words = part
        .trim()
        .split(/\s+/)
        .map((w) => w.replace(/^["']|["']$/g, ""))
        .filter((w) => w !== "");
      if (words.length > 0 && isBuildingStep(words)) return true;
    }
  }
  return false;
}

/**
 * True when the final image's command, or an entry script it names that the host read from the
 * build context, compiles or installs dependencies when the container starts.
 */
export function buildsAtStart(model: DockerfileModel): boolean {
  const command = startCommand(model);
  if (command === null) return false;
  // `sh -c "mix setup && mix phx.server"`: the string after -c is a script of its own.
  const dashC = command.findIndex((w, i) => w === "-c" && i > 0 && /^(?:ba|da|a|z)?sh$/.test(command[i - 1].split("/").pop() ?? ""));
  if (scriptBuilds(dashC >= 0 ? command.slice(dashC + 1).join(" ") : command.join(" "))) return true;
  const names = new Set(command.map((w) => w.split("/").pop() ?? w).filter((n) => n !== ""));
  for (const [path, text] of Object.entries(model.context.files ?? {})) {
    const name = path.split("/").pop() ?? path;
    if (names.has(name) && scriptBuilds(text)) return true;
  }
  return false;
}
