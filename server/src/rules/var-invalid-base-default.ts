// var-invalid-base-default: BuildKit's InvalidDefaultArgInFrom, narrowed. A default that is given
// must make FROM name an image (`ARG TAG=` makes `FROM alpine:${TAG}` read `alpine:`). An ARG
// declared with no default at all is a required build argument: the build script or CI always
// passes it (a version matrix, a digest per target), and a default would only drift from those pins.
// Unless the project's files show otherwise: a compose service builds the file, and no caller in
// reach (compose, bake, scripts, CI) passes the argument, so the documented build fails.

import { parseImageReferenceDetailed } from "../images/reference";
import type { BuildArgFacts } from "../model/context";
import { hasTemplatePlaceholder, removeQuotes, substituteVariables } from "../model/variables";
import type { Rule } from "./types";

// Values the builder always sets, close enough to check a reference's shape.
const PLATFORM_DEFAULTS: Record<string, string> = {
  TARGETPLATFORM: "linux/amd64",
  TARGETOS: "linux",
  TARGETARCH: "amd64",
  TARGETVARIANT: "",
  BUILDPLATFORM: "linux/amd64",
  BUILDOS: "linux",
  BUILDARCH: "amd64",
  BUILDVARIANT: "",
};

/**
 * The first of `names` when the project's files show that the build runs without them: a compose
 * service builds this Dockerfile and no caller in reach passes any of them (none passed through a
 * variable either). Null when a caller may pass them, when the host read no files, or when one
 * has a default built from another ARG (its value then depends on that one).
 */
function unpassedByCompose(facts: BuildArgFacts | undefined, names: readonly string[], noDefault: ReadonlySet<string>): string | null {
  if (facts === undefined || facts.composeBuilds === 0 || facts.passed.includes("*")) return null;
  if (!names.every((n) => noDefault.has(n))) return null;
  return names.some((n) => facts.passed.includes(n)) ? null : names[0];
}

export const rule: Rule = {
  meta: {
    id: "var-invalid-base-default",
    family: "variables",
    severity: "warning",
    description: "Give ARGs used in FROM defaults that make a valid image name.",
    fix: "none",
    equivalents: { buildkit: ["InvalidDefaultArgInFrom"] },
    messages: {
      invalid: "ARG defaults make '{base}' an invalid image name; give the ARG a valid default.",
      notPassed: "Compose builds this file without ARG '{name}', so FROM names no valid image; give it a default.",
    },
    // Every base BASE_NAME_EMPTY reports (a lone undeclared variable) is empty here too; the ones
    // left alone on purpose (template placeholders) must not come back through dockerfile-utils.
    supersedes: [{ check: "BASE_NAME_EMPTY", when: "always" }],
  },
  check(model, report) {
    const scope = new Map<string, string | null>(Object.entries(PLATFORM_DEFAULTS));
    // Required build arguments, and defaults built from one: their value comes from the build command.
    const required = new Set<string>();
    // Required build arguments with no default at all (not one built from another).
    const noDefault = new Set(model.globalArgs.filter((a) => a.value === null).map((a) => a.name));
    // A default may use an earlier ARG or a platform argument: `ARG ARCH=${TARGETARCH:-amd64}`.
    for (const arg of model.globalArgs) {
      const substituted = arg.value === null ? null : substituteVariables(arg.value, scope);
      if (substituted === null || substituted.unresolved.some((name) => required.has(name))) {
        required.add(arg.name);
        scope.set(arg.name, null);
      } else scope.set(arg.name, substituted.value);
    }
    for (const stage of model.stages) {
      const token = stage.base.token;
      // `${docker.base.image}`: a template filled in (by Maven) before docker reads the file.
      if (!token.value.includes("$") || hasTemplatePlaceholder(token.value)) continue;
      // BuildKit's lexer removes quotes: `image:"${TAG}"` names `image:${TAG}`.
      const substituted = substituteVariables(removeQuotes(token.value), scope);
      const requiredNames = substituted.unresolved.filter((name) => required.has(name));
      const unpassed = requiredNames.length > 0 ? unpassedByCompose(model.context.buildArgs, requiredNames, noDefault) : null;
      if (requiredNames.length > 0 && unpassed === null) continue;
      // Whatever is still unset after the defaults is empty, as in a build without --build-arg.
      const value = substituted.value.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, "");
      if (value !== "" && parseImageReferenceDetailed(value).ok) continue;
      if (unpassed !== null) report({ range: token.range, messageId: "notPassed", data: { name: unpassed } });
      else report({ range: token.range, messageId: "invalid", data: { base: token.value } });
    }
  },
};
