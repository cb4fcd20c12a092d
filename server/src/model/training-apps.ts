// Projects that are insecure on purpose: security training apps such as OWASP's WrongSecrets, which
// plants secrets in its image's ENV for players to find with `docker inspect`, and NodeGoat, WebGoat
// or Juice Shop, which ship known vulnerabilities to exploit. Forks keep the name. Removing what
// such a project plants deletes the exercise the image exists to ship, so the security rules that
// judge what ships leave it alone.

import type { DockerfileModel } from "./types";

/** Names of training apps, and `damn-vulnerable-*` / `*-vulnerable-*` projects. */
const TRAINING_APP =
  /^(?:wrongsecrets(?:[-_.][\w.-]+)?|webgoat|nodegoat|railsgoat|pygoat|juice-shop|dvwa|dvna|dvga|vampi|crapi|bwapp|mutillidae|security-shepherd|damn-?vulnerable[\w.-]*)$|(?:^|[-_.])vulnerable(?:[-_.]|$)/i;

/**
 * True when the checkout's GitHub repository, or an image the project's CI publishes from the file,
 * is named for a deliberately vulnerable training app (`OWASP/wrongsecrets`,
 * `jeroenwillemsen/wrongsecrets`, a fork of `OWASP/NodeGoat`).
 */
export function isDeliberatelyVulnerable(model: DockerfileModel): boolean {
  const repository = model.context.githubRepository?.split("/")[1];
  const images = (model.context.publishedImages ?? []).map((image) => (image.split("/").pop() ?? "").replace(/[:@].*$/, ""));
  return [repository, ...images].some((name) => name !== undefined && name !== "" && TRAINING_APP.test(name));
}
