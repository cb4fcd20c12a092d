// Files a program reads from its working directory at run time (configuration, templates, static
// files, data, migrations) that the original copies from the build context next to the build
// inputs: the runtime stage of a compiled build (Java, a Node.js build) receives them too.

import { isBroadContextCopy } from "../../model/copies";
import { copyPaths } from "../../model/copy-paths";
import type { DockerfileModel, Instruction, Stage } from "../../model/types";
import { workdirOf } from "../../model/workdir";
import { copyText, isContextCopy } from "./python";
import { resolvePath } from "./shared";

/**
 * Root entries of the context a program commonly reads from its working directory, looked for by
 * name when the whole context is copied (`COPY . .`).
 */
const RUNTIME_ENTRY =
  /^(?:conf|config|configs|configuration|templates|static|public|views|locales|i18n|lang|migrations|db|data|resources|assets|\.env|application(?:-[\w-]+)?\.(?:properties|ya?ml)|[\w.-]+\.(?:conf|toml))\/?$/;

/**
 * The copies of files the program may read at run time, as lines for the runtime stage: explicit
 * context copies whose sources are not all build inputs (`buildInput` names those), and for a
 * whole-context copy the root entries a program commonly reads.
 */
export function runtimeEntryCopies(model: DockerfileModel, stage: Stage, workdir: string, buildInput: RegExp): string[] {
  const lines: string[] = [];
  const workdirAt = (copy: Instruction) => workdirOf(model, stage, copy) ?? workdir;
  for (const copy of stage.instructions.filter(isContextCopy)) {
    const paths = copyPaths(copy);
    if (!paths) continue;
    if (isBroadContextCopy(copy)) {
      const dest = resolvePath(workdirAt(copy), paths.dest.value);
      for (const entry of model.context.rootEntries ?? []) {
        if (!RUNTIME_ENTRY.test(entry) || buildInput.test(entry)) continue;
        const name = entry.replace(/\/$/, "");
        const line = `COPY ${name} ${dest === "/" ? "" : dest}/${name}${entry.endsWith("/") ? "/" : ""}`;
        if (!lines.includes(line)) lines.push(line);
      }
      continue;
    }
    if (paths.sources.every((s) => buildInput.test(s.value) || s.value.startsWith("$"))) continue;
    lines.push(copyText(model, copy, workdirAt(copy), workdir));
  }
  return lines.length > 0 ? ["# Files the program may read at run time, copied from the context as the original does", ...lines] : [];
}
