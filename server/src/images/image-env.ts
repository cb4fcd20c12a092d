// What some base images put in their environment (the image config's Env), for checks that must
// know whether `$X` is defined when the Dockerfile does not define it. Only images whose config
// sets PATH alone are listed; any other image may define variables we cannot see.

/** Official images whose config environment is `PATH` only (docker-library definitions). */
const PATH_ONLY = new Set(["alpine", "busybox", "debian", "ubuntu", "archlinux", "oraclelinux", "almalinux", "rockylinux", "amazonlinux"]);

/** The environment variable names the image defines, or null when not known. `scratch` defines none. */
export function imageEnvNames(familiarName: string | null, isScratch: boolean): readonly string[] | null {
  if (isScratch) return [];
  if (familiarName !== null && PATH_ONLY.has(familiarName)) return ["PATH"];
  return null;
}

/** Variables most images set, offered as "did you mean" candidates (`$PAHT`). */
export const COMMON_ENV_NAMES: readonly string[] = ["PATH", "HOME", "LANG", "HOSTNAME"];
