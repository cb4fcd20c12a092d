// What Cargo.toml and Cargo.lock say about a Rust binary's run-time needs: the system libraries
// its crates link dynamically. A `-sys` crate links the library the builder image has (the full
// rust images carry the -dev packages of zlib, OpenSSL, libpq, SQLite, curl...) unless a feature or
// a companion crate builds it in; the runtime base must then carry the shared library.
// Cargo.lock is the whole dependency graph, so a `-sys` crate found there is reported with the
// chain that pulls it in (`mysql -> flate2 -> libz-sys`); without a lock, the manifests' direct
// dependencies are matched against crates known to pull one in with their default features.

import type { BuildContextFacts } from "../../model/context";
import { contextFiles } from "../../model/context";

/** A shared library of the system the binary loads at start. */
export type SystemLibraryId = "openssl" | "zlib" | "libpq" | "sqlite" | "mysqlclient" | "curl";

export interface LinkedLibrary {
  id: SystemLibraryId;
  /** What shows it, for the comment in the converted file (`Cargo.lock: mysql -> flate2 -> libz-sys`). */
  evidence: string;
}

export interface CargoFacts {
  /** True when neither Cargo.toml nor Cargo.lock could be read: the linked libraries are unknown. */
  isUnknown: boolean;
  /** Libraries linked dynamically, each once, in a stable order. */
  libraries: LinkedLibrary[];
}

interface SysCrate {
  crate: string;
  library: SystemLibraryId;
  /** True when the manifests or the lock show the library is compiled in instead. */
  isBuiltIn(manifests: string, lock: string | null): boolean;
}

function lockHas(lock: string | null, crate: string): boolean {
  return lock !== null && lock.includes(`name = "${crate}"`);
}

/** True when some manifest declaring `crate` enables `feature` (`crate = { features = ["bundled"] }`). */
function declaresFeature(manifests: string, crate: string, feature: string): boolean {
  const names = new Set([crate, crate.replace(/-/g, "_")]);
  const quoted = `"${feature}"`;
  const lines = manifests.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    // `crate = { ... }` on one line.
    const key = line.slice(0, line.indexOf("=")).trim();
    if (line.includes("=") && names.has(key) && line.includes(quoted)) return true;
    // Its own table, `[dependencies.crate]`, up to the next header.
    const header = /^\[(?:[\w-]+\.)?dependencies\.([\w-]+)\]$/.exec(line);
    if (header && names.has(header[1])) {
      for (let j = i + 1; j < lines.length && !lines[j].trim().startsWith("["); j++) if (lines[j].includes(quoted)) return true;
    }
  }
  return false;
}

/** The -sys crates that link a system library, and what makes each one build it in. */
const SYS_CRATES: readonly SysCrate[] = [
  // A vendored OpenSSL (openssl-src, the `vendored` feature) is compiled in.
  { crate: "openssl-sys", library: "openssl", isBuiltIn: (m, l) => lockHas(l, "openssl-src") || /features\s*=\s*\[[^\]]*"vendored"/.test(m) },
  { crate: "libz-sys", library: "zlib", isBuiltIn: (m) => declaresFeature(m, "libz-sys", "static") },
  { crate: "pq-sys", library: "libpq", isBuiltIn: (m, l) => lockHas(l, "pq-src") || declaresFeature(m, "pq-sys", "bundled") },
  // sqlx bundles SQLite unless told not to; rusqlite and libsqlite3-sys only with `bundled`.
  {
    crate: "libsqlite3-sys",
    library: "sqlite",
    isBuiltIn: (m, l) =>
      ["rusqlite", "libsqlite3-sys"].some((c) => declaresFeature(m, c, "bundled")) ||
      ((lockHas(l, "sqlx-sqlite") || /^\s*sqlx\s*=.*"sqlite"/m.test(m)) && !/"sqlite-unbundled"/.test(m)),
  },
  { crate: "mysqlclient-sys", library: "mysqlclient", isBuiltIn: (m) => declaresFeature(m, "mysqlclient-sys", "bundled") },
  { crate: "curl-sys", library: "curl", isBuiltIn: (m) => /"static-curl"/.test(m) },
];

/**
 * Crates that pull a -sys crate in with their default features, for manifests without a lock:
 * mysql/mysql_async compress with flate2's `zlib` (libz-sys), diesel's backends link their client
 * libraries, reqwest and friends use native-tls (OpenSSL).
 */
const DIRECT_CRATES: readonly { pattern: RegExp; library: SystemLibraryId; label: string }[] = [
  {
    pattern: /^\s*(?:openssl|openssl-sys|native-tls|hyper-tls|tokio-native-tls|postgres-openssl|rusoto_[a-z0-9_]+)\s*=/m,
    library: "openssl",
    label: "an OpenSSL crate",
  },
  { pattern: /^\s*libz-sys\s*=/m, library: "zlib", label: "libz-sys" },
  { pattern: /^\s*flate2\s*=.*"zlib"/m, library: "zlib", label: "flate2 with the zlib feature" },
  {
    pattern: /^\s*(?:mysql|mysql_async)\s*=(?!.*default-features\s*=\s*false)/m,
    library: "zlib",
    label: "mysql (default features use flate2's zlib through libz-sys)",
  },
  { pattern: /^\s*(?:pq-sys\s*=|diesel\s*=.*"postgres")/m, library: "libpq", label: "pq-sys or diesel's postgres backend" },
  { pattern: /^\s*(?:libsqlite3-sys|rusqlite)\s*=|^\s*diesel\s*=.*"sqlite"/m, library: "sqlite", label: "rusqlite, libsqlite3-sys or diesel's sqlite backend" },
  { pattern: /^\s*(?:mysqlclient-sys\s*=|diesel\s*=.*"mysql")/m, library: "mysqlclient", label: "mysqlclient-sys or diesel's mysql backend" },
  { pattern: /^\s*curl\s*=/m, library: "curl", label: "curl (curl-sys)" },
];

/** Whether `reqwest` is declared with its default (native-tls) features. */
function reqwestUsesNativeTls(toml: string): boolean {
  // The value is only searched, so spaces after `=` need no matching (`\s*(.*)` backtracks polynomially).
  const line = /^\s*reqwest\s*=(.*)$/m.exec(toml);
  if (!line) return false;
  if (/native-tls/.test(line[1])) return true;
  return !/default-features\s*=\s*false/.test(line[1]);
}

interface LockPackage {
  name: string;
  /** Names of the packages it depends on (version suffixes dropped). */
  dependencies: string[];
  /** No `source`: a member of the workspace (or the package itself). */
  isLocal: boolean;
}

/** The `[[package]]` entries of a Cargo.lock (names and dependency names only). */
export function parseCargoLock(lock: string): LockPackage[] {
  return lock
    .split(/^\[\[package\]\]\s*$/m)
    .slice(1)
    .map((block) => {
      const name = /^name = "([^"]+)"/m.exec(block)?.[1] ?? "";
      const list = /^dependencies = \[([^\]]*)\]/m.exec(block)?.[1] ?? "";
      const dependencies = [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1].split(" ")[0]);
      return { name, dependencies, isLocal: !/^source = /m.test(block) };
    })
    .filter((p) => p.name !== "");
}

/** The shortest chain from a workspace member to `target` (`mysql -> flate2 -> libz-sys`), or just `target`. */
function chainTo(packages: readonly LockPackage[], target: string): string[] {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const roots = packages.filter((p) => p.isLocal).map((p) => p.name);
  const previous = new Map<string, string | null>(roots.map((r) => [r, null]));
  const queue = [...roots];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (current === target) break;
    for (const next of byName.get(current)?.dependencies ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, current);
      queue.push(next);
    }
  }
  if (!previous.has(target)) return [target];
  const chain: string[] = [];
  for (let at: string | null = target; at !== null; at = previous.get(at) ?? null) chain.unshift(at);
  // The workspace member itself says little: start from the crate it depends on.
  return chain.length > 2 ? chain.slice(1) : chain;
}

function manifestTexts(context: BuildContextFacts): string[] {
  const files = contextFiles(context);
  return Object.keys(files)
    .filter((path) => path === "Cargo.toml" || path.endsWith("/Cargo.toml"))
    .sort()
    .map((path) => files[path]);
}

/** The libraries the binary links, from the manifests at the context root and one folder down. */
export function readCargoFacts(context: BuildContextFacts): CargoFacts {
  const manifests = manifestTexts(context);
  const lockText = context.files?.["Cargo.lock"];
  // An empty or truncated lock (a placeholder, a file the build regenerates) lists nothing.
  const lock = lockText !== undefined && /^\[\[package\]\]/m.test(lockText) ? lockText : null;
  if (manifests.length === 0 && lock === null) return { isUnknown: true, libraries: [] };
  const allManifests = manifests.join("\n");
  const libraries: LinkedLibrary[] = [];
  const add = (library: LinkedLibrary) => {
    if (!libraries.some((l) => l.id === library.id)) libraries.push(library);
  };
  if (lock !== null) {
    const packages = parseCargoLock(lock);
    for (const sys of SYS_CRATES) {
      if (!packages.some((p) => p.name === sys.crate) || sys.isBuiltIn(allManifests, lock)) continue;
      add({ id: sys.library, evidence: `Cargo.lock: ${chainTo(packages, sys.crate).join(" -> ")}` });
    }
    return { isUnknown: false, libraries };
  }
  for (const direct of DIRECT_CRATES) {
    if (!direct.pattern.test(allManifests)) continue;
    const sys = SYS_CRATES.find((s) => s.library === direct.library);
    if (sys?.isBuiltIn(allManifests, null)) continue;
    add({ id: direct.library, evidence: `Cargo.toml: ${direct.label}` });
  }
  if (reqwestUsesNativeTls(allManifests) && !SYS_CRATES[0].isBuiltIn(allManifests, null))
    add({ id: "openssl", evidence: "Cargo.toml: reqwest with native-tls" });
  return { isUnknown: false, libraries };
}
