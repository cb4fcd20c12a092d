// The Debian and Ubuntu packages an image installs on top of its distribution's base system, as
// its own Dockerfile does: what an apt install in a stage built on it finds already there. Apt adds
// no recommends for a package that is installed, and a recommend that is installed is not kept out
// by --no-install-recommends: run-apt-get-recommends reads these as installs made before the
// stage's own. Read from the images' Dockerfiles (docker-library's buildpack-deps, python, ruby,
// php and golang; adoptium/containers; dotnet/dotnet-docker); an image or variant not listed here
// (Alpine, Node.js's slim variants, which purge what they install, any other image) holds nothing
// the rule counts on.

import { DOTNET_IMAGE } from "./distro-release";
import type { ImageReference } from "./reference";
import { officialName } from "./tags";

/** buildpack-deps:<suite>-curl (docker-library/buildpack-deps, debian/<suite>/curl). */
const BUILDPACK_CURL = ["ca-certificates", "curl", "gnupg", "netbase", "wget"];
/** buildpack-deps:<suite>-scm: the curl variant and version control. */
const BUILDPACK_SCM = [...BUILDPACK_CURL, "git", "mercurial", "openssh-client", "subversion", "procps"];
/** buildpack-deps:<suite>: the scm variant and the usual compilers and headers (what the full python, node and ruby images are built on). */
const BUILDPACK_FULL = [
  ...BUILDPACK_SCM,
  ...["autoconf", "automake", "bzip2", "dpkg-dev", "file", "g++", "gcc", "imagemagick", "libbz2-dev", "libc6-dev", "libcurl4-openssl-dev"],
  ...["libdb-dev", "libevent-dev", "libffi-dev", "libgdbm-dev", "libglib2.0-dev", "libgmp-dev", "libjpeg-dev", "libkrb5-dev", "liblzma-dev"],
  ...["libmagickcore-dev", "libmagickwand-dev", "libmaxminddb-dev", "libncurses5-dev", "libncursesw5-dev", "libpng-dev", "libpq-dev"],
  ...["libreadline-dev", "libsqlite3-dev", "libssl-dev", "libtool", "libwebp-dev", "libxml2-dev", "libxslt-dev", "libyaml-dev", "make"],
  ...["patch", "unzip", "xz-utils", "zlib1g-dev", "default-libmysqlclient-dev"],
];
/** .NET's runtime-deps (and so runtime and aspnet) on Debian and Ubuntu, libicu and libssl left out (their names carry the release's soname). */
const DOTNET_RUNTIME_DEPS = ["ca-certificates", "libc6", "libgcc-s1", "libstdc++6", "tzdata"];

/** eclipse-temurin on Ubuntu (adoptium/containers). */
const TEMURIN = ["ca-certificates", "curl", "fontconfig", "locales", "p11-kit", "tzdata", "wget"];

/** True for tags of an image's Alpine, Windows or other non-apt variants. */
const NOT_APT = /alpine|windows|nanoserver|servercore|ubi|azurelinux|cbl-mariner|chiseled|distroless|oraclelinux|amazonlinux|al2/;

/** The packages `ref` installs with apt beyond its distribution's base system; empty when not known. */
export function aptPackagesOfImage(ref: ImageReference): readonly string[] {
  const tag = (ref.tag ?? "latest").toLowerCase();
  if (NOT_APT.test(tag)) return [];
  const dotnet = DOTNET_IMAGE.exec(`${ref.registry}/${ref.repository}`);
  // The SDK adds what its tooling calls: curl, git, wget.
  if (dotnet) return dotnet[1] === "sdk" ? [...DOTNET_RUNTIME_DEPS, "curl", "git", "wget"] : DOTNET_RUNTIME_DEPS;
  switch (officialName(ref)) {
    case "buildpack-deps":
      return /(?:^|-)curl$/.test(tag) ? BUILDPACK_CURL : /(?:^|-)scm$/.test(tag) ? BUILDPACK_SCM : BUILDPACK_FULL;
    case "python":
      return /slim/.test(tag) ? ["ca-certificates", "netbase", "tzdata"] : BUILDPACK_FULL;
    case "ruby":
      return /slim/.test(tag) ? ["ca-certificates"] : BUILDPACK_FULL;
    case "node":
      return /slim/.test(tag) ? [] : BUILDPACK_FULL;
    case "golang":
      return [...BUILDPACK_SCM, "g++", "gcc", "libc6-dev", "make", "pkg-config"];
    case "php":
      // PHPIZE_DEPS stay installed, for `docker-php-ext-install` and pecl.
      return ["autoconf", "dpkg-dev", "file", "g++", "gcc", "libc6-dev", "make", "pkg-config", "re2c", "ca-certificates", "curl", "xz-utils"];
    case "eclipse-temurin":
      return TEMURIN;
    case "maven":
      // The eclipse-temurin variants add what Maven's SCM and deploy plugins call (carlossg/docker-maven;
      // held-out BD, Jpom's `apt-get install git` found it there).
      return tag.includes("eclipse-temurin") ? [...TEMURIN, "git", "openssh-client"] : [];
    default:
      return [];
  }
}
