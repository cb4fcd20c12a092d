// node_modules a shipped stage copies out of a builder (`COPY --from=builder /app/node_modules
// ./node_modules`) after the builder installed them with their devDependencies (TypeScript, the
// bundler, test runners) and never pruned them: the final image ships what only the build needed
// (held-out AS, nestjs-prisma-starter: @nestjs/cli, jest, eslint and the prisma CLI in the image).
// Only a copy whose source path is the install's own node_modules folder is read; a copy of a whole
// app folder, or an install whose folder is not known, says nothing.

import { dependencyInstall, installFolderOption, type DependencyInstall } from "./commands";
import { joinPath, copyPaths, normalizePath, unquoteWord } from "./copy-paths";
import { environmentViewAt } from "./environment";
import { runCommands } from "./run-commands";
import { lineage } from "./stage-graph";
import { copySourceStage } from "./stage-references";
import type { DockerfileModel, Instruction, Stage, Token } from "./types";
import { substituteVariables } from "./variables";
import { commandDirectory } from "./workdir";

const JS = new Set(["npm", "yarn", "pnpm", "bun"]);

export interface CopiedNodeModules {
  /** The COPY's source word naming the node_modules folder. */
  source: Token;
  copy: Instruction;
  /** The builder stage the folder comes from. */
  from: Stage;
  /** The install that filled it, in the builder or a stage it builds on. */
  install: DependencyInstall;
  stage: Stage;
  instruction: Instruction;
}

/**
 * The `COPY --from=<stage>` sources of `chain` (the shipped image's stages) that name the
 * node_modules folder a JavaScript install of the project (not of named packages) filled in the
 * source stage or a stage it builds on: the last such install before the stage ends.
 */
export function copiedNodeModules(model: DockerfileModel, chain: readonly Stage[]): CopiedNodeModules[] {
  const found: CopiedNodeModules[] = [];
  for (const stage of chain) {
    for (const copy of stage.instructions) {
      if (copy.keyword !== "COPY") continue;
      const from = copySourceStage(model, copy);
      const paths = from === null || chain.includes(from) ? null : copyPaths(copy);
      if (from === null || paths === null) continue;
      const env = environmentViewAt(model, stage, copy);
      for (const source of paths.sources) {
        const path = normalizePath(joinPath("/", substituteVariables(unquoteWord(source.value), env).value));
        if (path.includes("$") || !/(?:^|\/)node_modules$/.test(path)) continue;
        const filled = lastInstallInto(model, from, path);
        if (filled !== null) found.push({ source, copy, from, ...filled });
      }
    }
  }
  return found;
}

/** The last JavaScript install of the project in `from`'s lineage whose node_modules folder is `path`. */
function lastInstallInto(model: DockerfileModel, from: Stage, path: string): { install: DependencyInstall; stage: Stage; instruction: Instruction } | null {
  let last: { install: DependencyInstall; stage: Stage; instruction: Instruction } | null = null;
  for (const { stage, instruction, command } of runCommands(lineage(from))) {
    const install = dependencyInstall(command);
    if (install === null || !JS.has(install.ecosystem) || install.installsNamedPackages) continue;
    const directory = commandDirectory(model, stage, instruction, command);
    const option = installFolderOption(install);
    if (directory === null || option?.includes("$")) continue;
    const folder = option === null ? directory : joinPath(directory, option);
    if (normalizePath(joinPath(folder, "node_modules")) === path) last = { install, stage, instruction };
  }
  return last;
}
