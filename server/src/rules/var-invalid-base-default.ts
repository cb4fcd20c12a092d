// var-invalid-base-default: BuildKit's InvalidDefaultArgInFrom. With no --build-arg given, FROM
// must still name an image: `ARG TAG` without a default makes `FROM alpine:${TAG}` read `alpine:`.

import { parseImageReferenceDetailed } from "../images/reference";
import { substituteVariables } from "../model/variables";
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
      invalid: "Default value for ARG {base} results in an empty or invalid base image name; give the ARG a default.",
    },
    supersedes: [{ check: "BASE_NAME_EMPTY", when: "overlap" }],
  },
  check(model, report) {
    const scope = new Map<string, string | null>(Object.entries(PLATFORM_DEFAULTS));
    for (const arg of model.globalArgs) scope.set(arg.name, model.globalScope.get(arg.name) ?? "");
    for (const stage of model.stages) {
      const token = stage.base.token;
      if (!token.value.includes("$")) continue;
      // Whatever is still unset after the defaults is empty, as in a build without --build-arg.
      const value = substituteVariables(token.value, scope).value.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, "");
      if (value !== "" && parseImageReferenceDetailed(value).ok) continue;
      report({ range: token.range, messageId: "invalid", data: { base: token.value } });
    }
  },
};
