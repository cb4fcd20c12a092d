// context-no-dockerignore: `COPY . .` with no .dockerignore (or one that lets .git or
// node_modules through) sends the repository history, host dependencies and build output to the
// builder, copies them into the image, and rebuilds the layer whenever any of them changes.

import { dockerignoreText, proposeIgnoreEntries } from "../fixes/dockerignore-file";
import { broadContextSource } from "../model/copies";
import { contextUses, isContextElsewhere } from "../model/context-uses";
import { isExcluded, parseDockerignore } from "../model/dockerignore";
import type { Instruction, Token } from "../model/types";
import type { Fix, Rule } from "./types";

/** The entries DESIGN.md asks every .dockerignore to exclude when the context holds them. */
const ESSENTIAL = [".git", "node_modules"];

export const rule: Rule = {
  meta: {
    id: "context-no-dockerignore",
    family: "layers",
    severity: "warning",
    description: "Give a build that copies the whole context a .dockerignore.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      noDockerignore:
        "'{copy}' copies {entries} into the image because there is no .dockerignore, and any change there rebuilds this layer; add a .dockerignore.",
      noDockerignoreYet:
        "'{copy}' copies the whole folder with no .dockerignore to filter it, so whatever lands there later (.git, .env, node_modules, build output) ships in the image and rebuilds this layer; add a .dockerignore.",
      missingEntries:
        "'{copy}' copies {entries} into the image, which the .dockerignore does not exclude, and any change there rebuilds this layer; add {entries} to the .dockerignore.",
    },
  },
  check(model, report) {
    const { dockerignore, rootEntries } = model.context;
    // Unknown context (untitled file, a host that cannot read files): nothing to say.
    if (dockerignore === undefined) return;
    const first = firstBroadCopy(model.instructions);
    if (!first) return;
    const copy = `${first.instruction.keyword} ${first.source.value}`;
    const uses = contextUses(model);
    // The folder the host looked at is not this build's context: its .dockerignore is not known.
    if (isContextElsewhere(uses, rootEntries)) return;
    if (dockerignore === null) {
      const present = proposeIgnoreEntries(rootEntries, uses);
      // A context with nothing worth excluding today still has no filter for what lands there later:
      // propose the entries nearly every project grows.
      const entries = present.length > 0 ? present : proposeIgnoreEntries(undefined, uses);
      const fix: Fix = {
        title: `Create a .dockerignore excluding ${quotedList(entries.map((e) => e.pattern))}`,
        edits: [],
        createFiles: [{ path: ".dockerignore", text: dockerignoreText(entries) }],
      };
      // A suggestion: the build may read an excluded file in a way we cannot see (a script, the app at run time).
      const suggest = entries.length > 0 ? [fix] : undefined;
      if (present.length === 0) {
        report({ range: first.source.range, messageId: "noDockerignoreYet", data: { copy }, suggest });
        return;
      }
      const names = rootEntries === undefined ? "whatever sits next to the Dockerfile (such as .git or node_modules)" : quotedList(present.map((e) => e.name));
      report({ range: first.source.range, messageId: "noDockerignore", data: { copy, entries: names }, suggest });
      return;
    }
    if (rootEntries === undefined) return;
    const matcher = parseDockerignore(dockerignore);
    const present = new Set(rootEntries);
    const missing = ESSENTIAL.filter((name) => {
      if (!present.has(`${name}/`) && !present.has(name)) return false;
      if (uses.isCopied(name) || (name === ".git" && uses.readsGitCheckout)) return false;
      // `node_modules/*` leaves the folder itself in but excludes everything in it.
      return !isExcluded(matcher, name) && !isExcluded(matcher, `${name}/x`);
    });
    if (missing.length === 0) return;
    // No fix: a fix can create files but not edit an existing .dockerignore, and the host does not
    // say which one applies (`<Dockerfile>.dockerignore` or `.dockerignore`).
    report({ range: first.source.range, messageId: "missingEntries", data: { copy, entries: quotedList(missing) } });
  },
};

/** The first COPY/ADD of the whole context; `ONBUILD COPY` runs with a downstream build's context. */
function firstBroadCopy(instructions: readonly Instruction[]): { instruction: Instruction; source: Token } | null {
  for (const instruction of instructions) {
    const source = broadContextSource(instruction);
    if (source) return { instruction, source };
  }
  return null;
}

/** `'a'`, `'a' and 'b'`, `'a', 'b' and 3 more`. */
function quotedList(items: readonly string[]): string {
  const quoted = items.map((i) => `'${i}'`);
  if (quoted.length <= 2) return quoted.join(" and ");
  if (quoted.length <= 4) return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
  return `${quoted.slice(0, 3).join(", ")} and ${quoted.length - 3} more`;
}
