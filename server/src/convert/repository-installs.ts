// RUNs that add a package repository and install from it (`curl .../setup.deb.sh | bash && apt-get
// install -y infisical`): the package names alone cannot be installed again in the runtime stage,
// since its package manager does not know that repository. Such a RUN is repeated as written.

import { systemPackageCommand } from "../model/commands";
import type { Instruction, Stage } from "../model/types";

/** A setup script piped to a shell, add-apt-repository, a sources list written, an extra apk repository. */
const ADDS_REPOSITORY = /\|\s*(?:sudo\s+)?(?:-E\s+)?(?:ba|da)?sh\b|add-apt-repository|sources\.list|apt\/keyrings|--repository[= ]|\/etc\/apk\/repositories/;

export interface RepositoryInstall {
  instruction: Instruction;
  /** The package manager of the install (`apt`, `apk`...). */
  manager: string;
  packages: string[];
}

/** The RUN instructions of the stage that add a package repository and install packages. */
export function repositoryInstalls(stage: Stage, text: (instruction: Instruction) => string): RepositoryInstall[] {
  const found: RepositoryInstall[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "RUN" || !ADDS_REPOSITORY.test(text(instruction))) continue;
    const installs = instruction.commands.map(systemPackageCommand).filter((p) => p !== null && p.action === "install");
    if (installs.length === 0) continue;
    found.push({
      instruction,
      manager: installs[0]!.manager,
      packages: installs.flatMap((p) => p!.packages.map((w) => w.value.replace(/[=<>~].*$/, ""))),
    });
  }
  return found;
}
