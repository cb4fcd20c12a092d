// What some base images put in their environment (the image config's Env), for checks that must
// know whether `$X` is defined when the Dockerfile does not define it. Facts come from the
// docker-library definitions (the `ENV` lines of each official image's Dockerfile); rules read them
// through `imageEnvironment` and hold no image facts of their own.

import { lookupTable } from "../model/lookup-table";

/** Official images whose config environment is `PATH` only: any other name is undefined there. */
const PATH_ONLY = new Set(["alpine", "busybox", "debian", "ubuntu", "archlinux", "oraclelinux", "almalinux", "rockylinux", "amazonlinux"]);

const JAVA = ["JAVA_HOME", "JAVA_VERSION", "LANG", "LANGUAGE", "LC_ALL"];

/**
 * Names official images are known to define, beyond PATH. Not exhaustive: older tags set names newer
 * ones dropped (PYTHON_PIP_VERSION) and variants add their own, so a name missing here is unknown,
 * never undefined.
 */
const KNOWN_NAMES: Readonly<Record<string, readonly string[]>> = lookupTable({
  golang: ["GOLANG_VERSION", "GOTOOLCHAIN", "GOPATH"],
  node: ["NODE_VERSION", "YARN_VERSION"],
  python: [
    "LANG",
    "GPG_KEY",
    "PYTHON_VERSION",
    "PYTHON_SHA256",
    "PYTHON_PIP_VERSION",
    "PYTHON_SETUPTOOLS_VERSION",
    "PYTHON_GET_PIP_URL",
    "PYTHON_GET_PIP_SHA256",
  ],
  pypy: ["LANG", "PYPY_VERSION"],
  ruby: ["LANG", "RUBY_MAJOR", "RUBY_VERSION", "RUBY_DOWNLOAD_URL", "RUBY_DOWNLOAD_SHA256", "GEM_HOME", "BUNDLE_SILENCE_ROOT_WARNING", "BUNDLE_APP_CONFIG"],
  rust: ["RUSTUP_HOME", "CARGO_HOME", "RUST_VERSION"],
  php: [
    "PHPIZE_DEPS",
    "PHP_INI_DIR",
    "APACHE_CONFDIR",
    "APACHE_ENVVARS",
    "PHP_CFLAGS",
    "PHP_CPPFLAGS",
    "PHP_LDFLAGS",
    "GPG_KEYS",
    "PHP_VERSION",
    "PHP_URL",
    "PHP_ASC_URL",
    "PHP_SHA256",
  ],
  openjdk: JAVA,
  "eclipse-temurin": JAVA,
  amazoncorretto: ["JAVA_HOME", "LANG"],
  maven: [...JAVA, "MAVEN_HOME", "MAVEN_CONFIG"],
  gradle: [...JAVA, "GRADLE_HOME", "GRADLE_VERSION"],
  tomcat: [...JAVA, "CATALINA_HOME", "TOMCAT_NATIVE_LIBDIR", "LD_LIBRARY_PATH", "TOMCAT_MAJOR", "TOMCAT_VERSION", "TOMCAT_SHA512"],
  elixir: ["LANG", "ELIXIR_VERSION", "OTP_VERSION", "REBAR3_VERSION"],
  erlang: ["OTP_VERSION", "REBAR3_VERSION"],
  nginx: ["NGINX_VERSION", "NJS_VERSION", "NJS_RELEASE", "PKG_RELEASE", "DYNPKG_RELEASE"],
  httpd: ["HTTPD_PREFIX", "HTTPD_VERSION", "HTTPD_SHA256", "HTTPD_PATCHES"],
  postgres: ["GOSU_VERSION", "LANG", "PG_MAJOR", "PG_VERSION", "PGDATA"],
  mysql: ["GOSU_VERSION", "MYSQL_MAJOR", "MYSQL_VERSION", "MYSQL_SHELL_VERSION"],
  redis: ["REDIS_VERSION", "REDIS_DOWNLOAD_URL", "REDIS_DOWNLOAD_SHA"],
});

/** What a base image's environment is known to hold. */
export interface ImageEnvironment {
  /** Names the image defines. */
  readonly names: readonly string[];
  /** True when `names` is all of it, so any other name is undefined on this image. */
  readonly complete: boolean;
  /**
   * True when every search-path variable the image sets (`PYTHONPATH`, `LD_LIBRARY_PATH`: names
   * ending in PATH, LIB or DIRS) is among `names`, so one not listed is unset there: the official
   * images listed here set none beyond those their lists name (tomcat's LD_LIBRARY_PATH, golang's
   * GOPATH), whatever other names their older tags or variants add.
   */
  readonly searchPathsKnown: boolean;
}

/**
 * True when the official image sets no WORKDIR, so that its containers and its builds start in
 * `/`: the distribution images, whose config holds PATH alone (docker-library definitions).
 */
export function startsInRoot(familiarName: string | null): boolean {
  return familiarName !== null && PATH_ONLY.has(familiarName);
}

/**
 * The environment of the image `familiarName` (`golang`, `node`). `scratch` defines only PATH:
 * BuildKit gives every stage whose image sets none the default PATH (dockerfile2llb's "make sure
 * that PATH is always set"), so `ENV PATH=$PATH:/app/bin` works there too.
 */
export function imageEnvironment(familiarName: string | null, isScratch: boolean): ImageEnvironment {
  const searchPathsKnown = knowsEnvironment(familiarName, isScratch);
  if (isScratch || (familiarName !== null && PATH_ONLY.has(familiarName))) return { names: ["PATH"], complete: true, searchPathsKnown };
  const known = familiarName === null ? undefined : KNOWN_NAMES[familiarName];
  return { names: [...COMMON_ENV_NAMES, ...(known ?? [])], complete: false, searchPathsKnown };
}

/**
 * Whether the image `familiarName` is one whose environment is read here (scratch, the PATH-only
 * distribution images, the official images listed above): none of them sets the builder's platform
 * arguments (their lists are not exhaustive otherwise). Another image may set anything, those
 * arguments included (an image built with `ENV TARGETARCH=$TARGETARCH`).
 */
export function knowsEnvironment(familiarName: string | null, isScratch: boolean): boolean {
  return isScratch || (familiarName !== null && (PATH_ONLY.has(familiarName) || KNOWN_NAMES[familiarName] !== undefined));
}

/** Variables most images set, offered as "did you mean" candidates (`$PAHT`). */
export const COMMON_ENV_NAMES: readonly string[] = ["PATH", "HOME", "LANG", "HOSTNAME"];

/**
 * Values official images give some of their variables (the `ENV` lines of the docker-library
 * Dockerfiles), for a remedy that has to name a path: the rust image's `CARGO_HOME`. Only what a
 * remedy needs; any other image or name is unknown.
 */
const KNOWN_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = lookupTable<Readonly<Record<string, string>>>({
  rust: { CARGO_HOME: "/usr/local/cargo", RUSTUP_HOME: "/usr/local/rustup" },
  golang: { GOPATH: "/go" },
});

/** The value the official image `officialName` gives `name` in its environment; null when not known. */
export function imageEnvironmentValue(officialName: string | null, name: string): string | null {
  return officialName === null ? null : (KNOWN_VALUES[officialName]?.[name] ?? null);
}
