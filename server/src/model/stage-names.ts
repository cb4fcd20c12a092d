// What BuildKit accepts as a stage name after `AS`: it lower-cases the name, does not expand
// build arguments in it, and reserves the names `scratch` and `context`.

/** BuildKit's `validStageName`, applied to the lower-cased name. */
const VALID_STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;

/** Names that already mean something where a stage name is expected (`FROM scratch`, named contexts). */
const RESERVED_STAGE_NAMES = new Set(["scratch", "context"]);

/** True when the name is written with a variable (`AS ${NAME}`), which BuildKit does not expand. */
export function isVariableStageName(name: string): boolean {
  return name.includes("$");
}

/** True when BuildKit accepts the name once lower-cased. */
export function isValidStageName(name: string): boolean {
  return VALID_STAGE_NAME.test(name.toLowerCase());
}

/** True for `scratch` and `context`, in any case. */
export function isReservedStageName(name: string): boolean {
  return RESERVED_STAGE_NAMES.has(name.toLowerCase());
}
