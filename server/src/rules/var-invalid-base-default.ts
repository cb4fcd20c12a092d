// var-invalid-base-default: BuildKit's InvalidDefaultArgInFrom. With no --build-arg given, FROM
// must still name an image: `ARG TAG` without a default makes `FROM alpine:${TAG}` read `alpine:`.

import { parseImageReferenceDetailed } from "../images/reference";
import { hasTemplatePlaceholder, substituteVariables } from "../model/variables";
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
    // A default may use an earlier ARG or a platform argument: `ARG ARCH=${TARGETARCH:-amd64}`.
    for (const arg of model.globalArgs) scope.set(arg.name, arg.value === null ? "" : substituteVariables(arg.value, scope).value);
    for (const stage of model.stages) {
      const token = stage.base.token;
      // `${docker.base.image}`: a template filled in (by Maven) before docker reads the file.
      if (!token.value.includes("$") || hasTemplatePlaceholder(token.value)) continue;
      // Whatever is still unset after the defaults is empty, as in a build without --build-arg.
      const value = substituteVariables(token.value, scope).value.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, "");
      if (value !== "" && parseImageReferenceDetailed(value).ok) continue;
      report({ range: token.range, messageId: "invalid", data: { base: token.value } });
    }
  },
};
