// copy-ignored-file: a COPY/ADD source that .dockerignore keeps out of the build context is never
// sent to the builder, so the build stops with "not found" (or, through a wildcard, copies
// nothing). BuildKit reports it as CopyIgnoredFile.

import { contextCopy, hasWildcard, isWholeContextSource } from "../model/copies";
import { contextUses, isContextElsewhere } from "../model/context-uses";
import { normalizePath } from "../model/copy-paths";
import { excludingPattern, hasExceptionWithin, parseDockerignore, type DockerignoreMatcher } from "../model/dockerignore";
import { compileGlob } from "../model/glob";
import { substituteAt } from "../model/environment";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "copy-ignored-file",
    family: "layers",
    severity: "warning",
    description: "Copy only files the .dockerignore lets into the build context.",
    fix: "none",
    equivalents: { buildkit: ["CopyIgnoredFile"] },
    messages: {
      ignored: "{keyword} source '{source}' is excluded by .dockerignore '{pattern}'; add '!{source}' after it.",
    },
  },
  check(model, report) {
    // Unknown (untitled file, host without file access) or no .dockerignore: nothing is excluded.
    if (typeof model.context.dockerignore !== "string") return;
    const matcher = parseDockerignore(model.context.dockerignore);
    if (matcher.patterns.length === 0) return;
    // The folder the host looked at is not this build's context, so neither is its .dockerignore.
    if (isContextElsewhere(contextUses(model), model.context.rootEntries)) return;
    for (const stage of model.stages) {
      // `ONBUILD COPY` runs in a downstream build, with that build's context: not checked here.
      for (const instruction of stage.instructions) {
        const copy = contextCopy(instruction);
        if (!copy) continue;
        for (const source of copy.sources) {
          // The whole context (`COPY . .`) is what .dockerignore is for: never a mistake.
          if (isWholeContextSource(source.value)) continue;
          let path = source.value;
          if (path.includes("$")) {
            const resolved = substituteAt(model, stage, instruction, path);
            if (resolved.unresolved.length > 0) continue;
            path = resolved.value;
          }
          const pattern = hasWildcard(path) ? wildcardExclusion(matcher, path, model.context.rootEntries) : excludingPattern(matcher, path);
          // An exception below an excluded directory still brings files in: the copy may be intended.
          if (pattern === null || hasExceptionWithin(matcher, path)) continue;
          report({ range: source.range, messageId: "ignored", data: { keyword: instruction.keyword, source: path, pattern } });
        }
      }
    }
  },
};

/**
 * The pattern that keeps every file a wildcard source matches out of the context, or null when one
 * of them is sent. BuildKit expands the wildcard over what the context holds, so the
 * `.dockerignore` decides per match, exceptions included (`*` then `!/composer.json`: `composer.*`
 * still brings composer.json). The matches are known for a source at the context root when the host
 * listed the root; otherwise the wildcard is judged as written only when no exception could bring
 * a match back.
 */
function wildcardExclusion(matcher: DockerignoreMatcher, path: string, rootEntries: readonly string[] | undefined): string | null {
  const relative = normalizePath(path).replace(/^\//, "");
  const glob = relative.includes("/") ? null : compileGlob(relative, { unclosedClass: "literal" });
  if (glob === null || rootEntries === undefined) return matcher.patterns.some((p) => p.exclusion) ? null : excludingPattern(matcher, path);
  const matches = rootEntries.map((entry) => entry.replace(/\/$/, "")).filter((name) => glob.test(name));
  // Nothing matches: the build fails on the missing source whatever the .dockerignore says.
  if (matches.length === 0) return null;
  const patterns = matches.map((name) => excludingPattern(matcher, name));
  return patterns.every((p) => p !== null) ? patterns[0] : null;
}
