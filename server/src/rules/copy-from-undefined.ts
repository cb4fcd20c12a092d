// copy-from-undefined: a `--from` / mount `from=` that names no stage and does not read as an
// image makes BuildKit pull `docker.io/library/<name>`, which almost always fails; a near miss of
// a stage name is a typo ("did you mean"), also in `FROM <stage>`.

import { replaceToken } from "../fixes/replace-token";
import { looksLikeImage } from "../images/official-images";
import { buildReferences, hasVariableStageName, isUnresolved, preludeReferences, StageNameMatcher } from "../model/stage-references";
import { findStageByName } from "../model/stage-graph";
import { copyPaths, normalizePath } from "../model/copy-paths";
import type { Stage, StageReference, Token } from "../model/types";
import type { ReportFn, Rule } from "./types";

// `scratch` (an empty filesystem) and `context` (the build context) are names BuildKit reserves.
const RESERVED = new Set(["scratch", "context"]);

export const rule: Rule = {
  meta: {
    id: "copy-from-undefined",
    family: "references",
    severity: "error",
    description: "Reference only stages that exist, or images written as images.",
    fix: "safe",
    equivalents: { hadolint: ["DL3022"] },
    supersedes: [{ check: "FLAG_INVALID_FROM_VALUE", when: "overlap" }],
    messages: {
      undefined: "No stage is named '{name}', so docker.io/library/{name} is pulled; fix the name or tag the image.",
      didYouMean: "No stage is named '{name}'; did you mean '{suggestion}'?",
    },
  },
  check(model, report) {
    // `FROM x AS ${NAME}`: stage names are unknown, so no name can be called undefined.
    if (hasVariableStageName(model)) return;
    const matcher = new StageNameMatcher(model.stages);
    // A build context the project passes by name is neither a stage nor an image to pull.
    const namedContexts = new Set((model.context.namedContexts ?? []).map((n) => n.toLowerCase()));
    const isNamedContext = (name: string) => namedContexts.has(name.toLowerCase());
    for (const ref of buildReferences(model)) {
      if (ref.kind === "from" || ref.target || ref.isIndex || isNamedContext(ref.resolved)) continue;
      judge(ref.token, ref.resolved, (name) => matcher.closest(name, (s) => s !== ref.owner), report, true, looksLikeNamedContext(ref));
    }
    for (const ref of preludeReferences(model)) {
      if (!ref.isIndex && !isNamedContext(ref.resolved)) judge(ref.token, ref.resolved, () => null, report, true);
    }
    for (const stage of model.stages) {
      const base = stage.base;
      if (base.kind !== "image" || base.unresolved.length > 0) continue;
      // A later stage of that very name is copy-from-later-stage's finding.
      if (findStageByName(model, base.resolved) !== null || isNamedContext(base.resolved)) continue;
      // FROM of an unknown bare name is usually a local or private image: report only near misses.
      judge(base.token, base.resolved, (name) => matcher.closest(name, (s) => s.index < stage.index), report, false);
    }
  },
};

/**
 * Signs that an unknown `--from` name is a build context passed on a command line the host did not
 * find (the build scripts, Makefiles and CI workflows it reads give `namedContexts`): the whole of
 * it is copied into a folder (`COPY --from=x . /dest`, `COPY --from=x / /dest`), or it is bind-mounted.
 */
function looksLikeNamedContext(ref: StageReference): boolean {
  if (ref.kind === "mount") return true;
  const paths = copyPaths(ref.instruction);
  if (!paths) return false;
  const isWhole = paths.sources.every((s) => [".", "/"].includes(normalizePath(s.value)));
  return isWhole && normalizePath(paths.dest.value) !== "/";
}

function judge(
  token: Token,
  name: string,
  closestStage: (name: string) => Stage | null,
  report: ReportFn,
  reportUnknown: boolean,
  isLikelyContext = false,
): void {
  if (name === "" || isUnresolved(name) || RESERVED.has(name.toLowerCase()) || looksLikeImage(name)) return;
  const close = closestStage(name);
  if (close?.name) {
    const suggestion = close.name;
    // Only a literal can be rewritten in place; `${VAR}` would need its ARG default changed.
    const isLiteral = !token.value.includes("$");
    const quote = /^["']/.test(token.value) ? token.value[0] : "";
    report({
      range: token.range,
      messageId: "didYouMean",
      data: { name, suggestion },
      fix: isLiteral
        ? { title: `Replace '${name}' with '${suggestion}'`, edits: replaceToken(token.range, `${quote}${suggestion}${quote}`), isPreferred: true }
        : undefined,
    });
    return;
  }
  if (!reportUnknown) return;
  // BuildKit resolves an unknown name to a named context when one is passed, else pulls it as an
  // image and fails. Where the file shows a context, the project's build scripts pass it (the
  // command line cannot be seen): without one the build stops with BuildKit's own pull error, so
  // a finding would only be noise on every correct build.
  if (!isLikelyContext) report({ range: token.range, messageId: "undefined", data: { name } });
}
