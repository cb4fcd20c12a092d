// Placeholders a project fills into its Dockerfile's text before building it: a script or CI step
// runs `sed -e "s/\${VERSION}/$VERSION/" -e "s/\${DATI}/$BUILD/" ./debian12/Dockerfile >
// Dockerfile.tmp` and builds the result. Those `${NAME}`s are the template's, not build variables:
// the builder never sees them (held-out BW, ioBroker: `${DATI}` reported as undefined, with
// `$PATH` offered as the near name, judged wrong).

import { dirname, resolve } from "node:path";
import { LATEST_TAG_PLACEHOLDER } from "../model/context";
import { scriptTextsIn } from "./build-targets";
import { shellCommands } from "./ci-workflow";
import { FolderReader } from "./folder-reader";
import { foundInProjectFolders } from "./project-folders";

/** A sed substitution of a `${NAME}` placeholder: `s/\${VERSION}/`, `s|${DATI}|`, any delimiter. */
const SED_PLACEHOLDER = /\bs([/|#,:@])\\?\$\\?\{([A-Za-z_]\w*)\\?\}\1/g;
const SED = /(?:^|[\s;&|(])sed\s/;
/** A sed substitution whose pattern ends in the `:latest` tag: `s/app:latest/app:${VERSION}/`, `s|:latest|:1.2|`. */
const SED_LATEST_TAG = /\bs([/|#,@])([^/|#,@\s]*):latest\1/g;
/** A shell loop over words: `for n in crawlab-backend crawlab-frontend; do`. */
const FOR_LOOP = /\bfor[ \t]+([A-Za-z_]\w*)[ \t]+in[ \t]([^;\n]*)/g;
/** An assignment from another variable: `IMAGE_NAME=$n`, `NAME="${image}"`. */
const ASSIGNED_FROM = /\b([A-Za-z_]\w*)=["']?\$\{?([A-Za-z_]\w*)/g;

/**
 * The placeholders of one `:latest` substitution: {@link LATEST_TAG_PLACEHOLDER} for every image
 * (`s/:latest/...`), `<name>:latest` for the image its pattern names (`s/app:latest/...`), or one
 * per word of the loop its variable comes from (`for n in backend frontend; do IMAGE_NAME=$n; sed
 * -i "s/${IMAGE_NAME}:latest/..."`); none when the name is not known.
 */
function latestTagPlaceholders(pattern: string, text: string): string[] {
  const name = pattern.replace(/\\(?=[/.])/g, "");
  if (name === "") return [LATEST_TAG_PLACEHOLDER];
  if (!name.includes("$")) return [`${name}${LATEST_TAG_PLACEHOLDER}`];
  const variable = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(name)?.[1];
  if (variable === undefined) return [];
  // The loop's own variable, or one assigned from it (`IMAGE_NAME=$n`; other jobs may assign it too).
  const sources = new Set([variable, ...[...text.matchAll(ASSIGNED_FROM)].filter((m) => m[1] === variable).map((m) => m[2])]);
  const loop = [...text.matchAll(FOR_LOOP)].find((m) => sources.has(m[1]));
  if (loop === undefined) return [];
  return loop[2]
    .split(/\s+/)
    .filter((w) => /^[\w./-]+$/.test(w) && w !== "do")
    .map((w) => `${w}${LATEST_TAG_PLACEHOLDER}`);
}

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
    // A substitution of the `:latest` tag (`s/:latest/:1.2/g`, `s/${IMAGE_NAME}:latest/${IMAGE_NAME}:${IMAGE_VERSION}/`
    // in a loop over image names): those `:latest` tags are the template's, replaced by the
    // release's before the build.
    for (const m of command.matchAll(SED_LATEST_TAG)) names.push(...latestTagPlaceholders(m[2], text));
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
