// Whether and where the image runs gpg. Fetching OpenPGP keys over the network needs dirmngr, which
// a minimal install of gpg (or, on older releases, gnupg) leaves out: it comes through Recommends.
// And gpg itself often arrives only as a recommendation of another package (build-essential's
// dpkg-dev recommends gnupg): an image that runs gpg without naming it relies on those recommends.
// Both are read from the RUN's commands and from the context scripts a RUN runs.

import { allRunInstructions } from "./run-instructions";
import { scriptRunBy } from "./run-scripts";
import type { DockerfileModel, Instruction } from "./types";

const GPG = /^gpg2?$/;
/** gpg options that reach a keyserver or a key URL through dirmngr. */
const NETWORK_OPTION =
  /^--(?:recv-keys?|keyserver|fetch-keys|search-keys|refresh-keys|locate-keys|locate-external-keys|auto-key-locate|auto-key-retrieve)(?:=.*)?$/;
/** A gpg call in a script's text, and one of the network options anywhere in it. */
const GPG_IN_SCRIPT = /(?:^|[\s;&|(`])gpg2?[ \t]/m;
const NETWORK_OPTION_IN_SCRIPT =
  /--(?:recv-keys?|keyserver|fetch-keys|search-keys|refresh-keys|locate-keys|locate-external-keys|auto-key-locate|auto-key-retrieve)\b/;
/** Packages that put dirmngr in the image by dependency, not recommendation. */
export const DIRMNGR = /^dirmngr(?:[=:].*)?$/;

/** One command of a RUN that runs gpg, itself or through a context script. */
export interface GpgUse {
  run: Instruction;
  /** The command's index in `run.commands`. */
  index: number;
  /** The call reaches a keyserver or key URL (needs dirmngr). */
  fetchesKeys: boolean;
}

/** Every gpg call of `runs` (default: every RUN), direct or in a context script the RUN runs. */
export function gpgUses(model: DockerfileModel, runs: Iterable<Instruction> = allRunInstructions(model)): GpgUse[] {
  const uses: GpgUse[] = [];
  for (const run of runs) {
    for (const [index, command] of run.commands.entries()) {
      if (GPG.test(command.name)) {
        uses.push({ run, index, fetchesKeys: command.args.some((a) => NETWORK_OPTION.test(a.value)) });
        continue;
      }
      const script = run.stage ? scriptRunBy(model, run.stage, run, command) : null;
      if (script !== null && GPG_IN_SCRIPT.test(script)) uses.push({ run, index, fetchesKeys: NETWORK_OPTION_IN_SCRIPT.test(script) });
    }
  }
  return uses;
}

/** True when a RUN of `runs` (default: every RUN) calls gpg with an option that fetches keys, itself or in a script it runs. */
export function fetchesGpgKeys(model: DockerfileModel, runs: Iterable<Instruction> = allRunInstructions(model)): boolean {
  return gpgUses(model, runs).some((u) => u.fetchesKeys);
}
