// What Cargo.toml and Cargo.lock say about a Rust binary's run-time needs: the system libraries
// its crates link dynamically (OpenSSL through openssl-sys/native-tls, zlib through libz-sys,
// libpq through pq-sys), so the runtime base carries them.

import type { BuildContextFacts } from "../../model/context";

export interface CargoFacts {
  /** True when neither Cargo.toml nor Cargo.lock could be read: the linked libraries are unknown. */
  isUnknown: boolean;
  links: { openssl: boolean; zlib: boolean; libpq: boolean };
}

/** Crates whose default features link the system OpenSSL (native-tls), from Cargo.toml. */
const OPENSSL_CRATES = /^\s*(?:openssl|openssl-sys|native-tls|hyper-tls|tokio-native-tls|postgres-openssl|rusoto_[a-z0-9_]+)\s*=/m;

function lockHas(lock: string, crate: string): boolean {
  return lock.includes(`name = "${crate}"`);
}

/** Whether `reqwest` is declared with its default (native-tls) features. */
function reqwestUsesNativeTls(toml: string): boolean {
  // The value is only searched, so spaces after `=` need no matching (`\s*(.*)` backtracks polynomially).
  const line = /^\s*reqwest\s*=(.*)$/m.exec(toml);
  if (!line) return false;
  if (/native-tls/.test(line[1])) return true;
  return !/default-features\s*=\s*false/.test(line[1]);
}

/** The libraries the binary links, from the manifests at the context root. */
export function readCargoFacts(context: BuildContextFacts): CargoFacts {
  const toml = context.files?.["Cargo.toml"];
  const lock = context.files?.["Cargo.lock"];
  if (toml === undefined && lock === undefined) return { isUnknown: true, links: { openssl: false, zlib: false, libpq: false } };
  if (lock !== undefined) {
    // A vendored OpenSSL (openssl-src) is compiled in; libz-sys may be static too, but links the system zlib by default.
    const openssl = lockHas(lock, "openssl-sys") && !lockHas(lock, "openssl-src");
    return { isUnknown: false, links: { openssl, zlib: lockHas(lock, "libz-sys"), libpq: lockHas(lock, "pq-sys") } };
  }
  const t = toml ?? "";
  return {
    isUnknown: false,
    links: {
      openssl: (OPENSSL_CRATES.test(t) && !/features\s*=\s*\[[^\]]*vendored/.test(t)) || reqwestUsesNativeTls(t),
      zlib: /^\s*libz-sys\s*=/m.test(t),
      libpq: /^\s*(?:pq-sys|diesel)\s*=.*postgres/m.test(t),
    },
  };
}
