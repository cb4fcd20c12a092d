// The BuildKit frontend a Dockerfile asks for with its `# syntax=` directive. Docker's own
// (`docker/dockerfile`, `docker/dockerfile-upstream`, any registry prefix or tag) reads the language
// Stagecraft knows; another frontend may extend it with instructions of its own (dockerfile-x's
// `INCLUDE`), and then neither the rules nor the syntax checks can read the file.

import type { DockerfileModel } from "./types";

const DOCKER_FRONTEND = /^(?:[\w.-]+(?::\d+)?\/)?docker\/dockerfile(?:-upstream)?(?:[:@]|$)/;
const DOCKERFILE_KEYWORDS = new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR",
]);

/**
 * The frontend `# syntax=` names when it is not Docker's and the file uses an instruction of its
 * own (a frontend that only changes how known instructions build is still read as a Dockerfile).
 */
export function customFrontendOf(model: DockerfileModel): string | null {
  const directive = model.directives.find((d) => d.name.toLowerCase() === "syntax");
  if (!directive) return null;
  const frontend = directive.value.trim();
  if (frontend === "" || DOCKER_FRONTEND.test(frontend)) return null;
  return model.instructions.some((i) => !DOCKERFILE_KEYWORDS.has(i.keyword)) ? frontend : null;
}
