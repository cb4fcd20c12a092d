// Whether the image fetches OpenPGP keys over the network with gpg. That needs dirmngr, which a
// minimal install of gpg (or, on older releases, gnupg) leaves out: it comes through Recommends.

import { allRunInstructions } from "./run-instructions";
import type { DockerfileModel, Instruction } from "./types";

const GPG = /^gpg2?$/;
/** gpg options that reach a keyserver or a key URL through dirmngr. */
const NETWORK_OPTION =
  /^--(?:recv-keys?|keyserver|fetch-keys|search-keys|refresh-keys|locate-keys|locate-external-keys|auto-key-locate|auto-key-retrieve)(?:=.*)?$/;
/** Packages that put dirmngr in the image by dependency, not recommendation. */
export const DIRMNGR = /^dirmngr(?:[=:].*)?$/;

/** True when a RUN of `runs` (default: every RUN) calls gpg with an option that fetches keys. */
export function fetchesGpgKeys(model: DockerfileModel, runs: Iterable<Instruction> = allRunInstructions(model)): boolean {
  for (const run of runs) for (const command of run.commands) if (GPG.test(command.name) && command.args.some((a) => NETWORK_OPTION.test(a.value))) return true;
  return false;
}
