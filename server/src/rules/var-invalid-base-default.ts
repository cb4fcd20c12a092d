// var-invalid-base-default: BuildKit's InvalidDefaultArgInFrom, narrowed. A default that is given
// must make FROM name an image (`ARG TAG=` makes `FROM alpine:${TAG}` read `alpine:`). An ARG
// declared with no default at all is a required build argument: the build script or CI always
// passes it (a version matrix, a digest per target), and a default would only drift from those pins.

import { parseImageReferenceDetailed } from "../images/reference";
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
    },
    // Every base BASE_NAME_EMPTY reports (a lone undeclared variable) is empty here too; the ones
    // left alone on purpose (template placeholders) must not come back through dockerfile-utils.
    supersedes: [{ check: "BASE_NAME_EMPTY", when: "always" }],
  },
  check(model, report) {
    const scope = new Map<string, string | null>(Object.entries(PLATFORM_DEFAULTS));
    // Required build arguments, and defaults built from one: their value comes from the build command.
    const required = new Set<string>();
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
      if (substituted.unresolved.some((name) => required.has(name))) continue;
      // Whatever is still unset after the defaults is empty, as in a build without --build-arg.
      const value = substituted.value.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, "");
      if (value !== "" && parseImageReferenceDetailed(value).ok) continue;
      report({ range: token.range, messageId: "invalid", data: { base: token.value } });
    }
  },
};
