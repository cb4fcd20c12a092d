// Common run-time Debian packages that bring no Recommends: installing only these, the
// --no-install-recommends flag changes nothing. Checked against Debian 12 (bookworm, amd64,
// 12.15): neither the package nor anything its Depends pull in beyond the base system (priority
// required or important) has a Recommends the install would add. Names only, as apt-get reads
// them; a package left out here is simply judged as before.

const NO_RECOMMENDS = new Set([
  "ca-certificates",
  "tzdata",
  "netbase",
  "openssl",
  "libssl3",
  "tini",
  "dumb-init",
  "gosu",
  "libstdc++6",
  "libgcc-s1",
  "zlib1g",
  "libffi8",
  "libsqlite3-0",
  "libexpat1",
  "libxml2",
  "libyaml-0-2",
  "libicu72",
  "libgomp1",
  "libjemalloc2",
  "libpcre2-8-0",
  "libsodium23",
  "libmariadb3",
  "libmagic1",
  "libfreetype6",
  "libpng16-16",
  "libjpeg62-turbo",
  "libxext6",
  "libxrender1",
  "libgl1",
  "fontconfig",
  "locales",
  "jq",
  "unzip",
  "xz-utils",
  "bzip2",
  "gzip",
  "tar",
  "file",
  "less",
  "vim-tiny",
  "netcat-openbsd",
  "sqlite3",
  "sudo",
  "acl",
  "rsync",
]);

/** True when `pkg` (`name`, `name=version`, `name:arch`) is a package known to bring no Recommends. */
export function hasNoRecommends(pkg: string): boolean {
  return NO_RECOMMENDS.has(pkg.replace(/[=:].*$/, ""));
}
