// Placeholders a project fills into its Dockerfile's text before building it: a script or CI step
// runs `sed -e "s/\${VERSION}/$VERSION/" -e "s/\${DATI}/$BUILD/" ./debian12/Dockerfile >
// Dockerfile.tmp` and builds the result. Those `${NAME}`s are the template's, not build variables:
// the builder never sees them (held-out BW, ioBroker: `${DATI}` reported as undefined, with
// `$PATH` offered as the near name, judged wrong).

import { dirname, resolve } from "node:path";
import { scriptTextsIn } from "./build-targets";
import { shellCommands } from "./ci-workflow";
import { FolderReader } from "./folder-reader";
import { foundInProjectFolders } from "./project-folders";

/** A sed substitution of a `${NAME}` placeholder: `s/\${VERSION}/`, `s|${DATI}|`, any delimiter. */
const SED_PLACEHOLDER = /\bs([/|#,:@])\\?\$\\?\{([A-Za-z_]\w*)\\?\}\1/g;
const SED = /(?:^|[\s;&|(])sed\s/;

/**
 * The `${NAME}` placeholders a script or CI workflow of `file`'s folder or a folder above it (up to
 * the repository root) replaces in `file` with sed; each line of sed must name the file by its path
 * from the script's folder (`./debian12/Dockerfile`).
 */
export async function readTemplatePlaceholders(file: string, reader = new FolderReader()): Promise<string[]> {
  const found = await foundInProjectFolders(dirname(file), "template-placeholders", reader, async ({ dir, isRoot }) => {
    const texts = await scriptTextsIn(dir, isRoot, reader);
    return texts.flatMap((text) => sedPlaceholders(text).map(({ path, name }) => `${resolve(dir, unquote(path))}\u0000${name}`));
  });
  return found.flatMap((entry) => {
    const [path, name] = entry.split("\u0000");
    return path === file ? [name] : [];
  });
}

/** A word without the quotes around it. */
function unquote(word: string): string {
  return word.replace(/^["']|["']$/g, "");
}

/** The files sed commands of `text` edit, with the `${NAME}` placeholders they substitute. */
export function sedPlaceholders(text: string): { path: string; name: string }[] {
  const out: { path: string; name: string }[] = [];
  for (const { command } of shellCommands(text)) {
    if (!SED.test(command)) continue;
    const names = [...command.matchAll(SED_PLACEHOLDER)].map((m) => m[2]);
    if (names.length === 0) continue;
    // The files named: words ending in a Dockerfile's name (`./debian12/Dockerfile`, `Dockerfile.tmpl`).
    const paths = command
      .split(/\s+/)
      .map(unquote)
      .filter((w) => /(?:^|\/)(?:[\w.-]*\.)?[Dd]ockerfile(?:\.[\w-]+)?$/.test(w) && !w.startsWith("-"));
    for (const path of paths) for (const name of names) out.push({ path, name });
  }
  return out;
}
