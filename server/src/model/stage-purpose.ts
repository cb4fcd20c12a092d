// What a stage is for, as far as its name tells: development, test and build-environment stages
// are built on purpose with compilers and dev dependencies, so final-image rules leave them alone.

import type { Stage } from "./types";

const WORDS =
  "dev|devel|develop|development|devcontainer|debug|test|tests|testing|lint|linter|ci|local|builder|build|build-env|toolchain|sdk|tools|validate|validation|update|updates|generate|generated|gen|vendor|vendored|outdated|check|checks|docs";
// Whole names (`dev`, `build-env`), `dev-*` prefixes and `*-dev` suffixes. The repository tooling
// idiom (`FROM scratch AS update`, `FROM vendored AS validate`) is covered too.
const DEVELOPMENT_NAMES = new RegExp(`^(?:${WORDS})(?:[-_.].*)?$|[-_.](?:${WORDS})$`);

/** True when the stage's name marks it as a development, test or build environment. */
export function isDevelopmentStage(stage: Stage): boolean {
  return stage.name !== null && DEVELOPMENT_NAMES.test(stage.name.toLowerCase());
}
