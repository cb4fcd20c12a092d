// The system libraries a Rust binary links, read from Cargo.lock (the whole graph, with the chain
// that pulls a -sys crate in) or, without a usable lock, from the manifests' dependencies.

import * as assert from "assert";
import { convertToMultiStage } from "../../../server/src/convert/index";
import { readCargoFacts } from "../../../server/src/convert/recipes/cargo-manifest";
import type { BuildContextFacts } from "../../../server/src/model/context";
import { parseDockerfile } from "../../../server/src/model/parse";

function lockOf(packages: { name: string; deps?: string[]; local?: boolean }[]): string {
  return packages
    .map(
      (p) =>
        `[[package]]\nname = "${p.name}"\nversion = "1.0.0"\n${p.local ? "" : 'source = "registry+https://github.com/rust-lang/crates.io-index"\n'}${
          p.deps ? `dependencies = [\n${p.deps.map((d) => ` "${d}",\n`).join("")}]\n` : ""
        }`,
    )
    .join("\n");
}

const MYSQL_LOCK = lockOf([
  { name: "server", deps: ["mysql"], local: true },
  { name: "mysql", deps: ["flate2", "mysql_common"] },
  { name: "mysql_common", deps: ["flate2"] },
  { name: "flate2", deps: ["libz-sys 1.1.18"] },
  { name: "libz-sys" },
]);

function ids(context: BuildContextFacts): string[] {
  return readCargoFacts(context).libraries.map((l) => `${l.id} (${l.evidence})`);
}

describe("convert: Cargo manifests and the libraries they link", () => {
  it("follows Cargo.lock from a workspace member to the -sys crate", () => {
    assert.deepStrictEqual(ids({ files: { "Cargo.lock": MYSQL_LOCK } }), ["zlib (Cargo.lock: mysql -> flate2 -> libz-sys)"]);
  });

  it("takes a libz-sys built with the static feature as compiled in", () => {
    const toml = '[dependencies]\nlibz-sys = { version = "1", features = ["static"] }\n';
    assert.deepStrictEqual(ids({ files: { "Cargo.toml": toml, "Cargo.lock": MYSQL_LOCK } }), []);
  });

  it("takes a vendored OpenSSL and a bundled SQLite as compiled in", () => {
    const lock = lockOf([
      { name: "app", deps: ["openssl-sys", "libsqlite3-sys"], local: true },
      { name: "openssl-sys" },
      { name: "openssl-src" },
      { name: "libsqlite3-sys" },
    ]);
    assert.deepStrictEqual(
      ids({ files: { "Cargo.toml": '[dependencies]\nrusqlite = { version = "0.31", features = ["bundled"] }\n', "Cargo.lock": lock } }),
      [],
    );
    assert.deepStrictEqual(ids({ files: { "Cargo.toml": '[dependencies]\nrusqlite = "0.31"\n', "Cargo.lock": lock } }), [
      "sqlite (Cargo.lock: app -> libsqlite3-sys)",
    ]);
  });

  it("reads the manifests when Cargo.lock is an empty placeholder, member manifests included", () => {
    const root = '[workspace]\nmembers = ["common"]\n[workspace.dependencies]\nmysql = { version = "26.0.1", features = ["chrono"] }\n';
    const facts = readCargoFacts({ files: { "Cargo.toml": root, "common/Cargo.toml": '[dependencies]\nrusqlite = "0.31"\n', "Cargo.lock": "" } });
    assert.strictEqual(facts.isUnknown, false);
    assert.deepStrictEqual(
      facts.libraries.map((l) => l.id),
      ["zlib", "sqlite"],
    );
  });

  it("ignores mysql without its default features", () => {
    assert.deepStrictEqual(ids({ files: { "Cargo.toml": '[dependencies]\nmysql = { version = "26", default-features = false }\n' } }), []);
  });

  const DOCKERFILE = 'FROM rust:1.92-trixie\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\nCMD ["./target/release/server"]\n';

  it("ships a binary linking zlib and libpq on Debian slim, installing libpq5", () => {
    const lock = lockOf([
      { name: "server", deps: ["flate2", "pq-sys"], local: true },
      { name: "flate2", deps: ["libz-sys"] },
      { name: "libz-sys" },
      { name: "pq-sys" },
    ]);
    const result = convertToMultiStage(parseDockerfile(DOCKERFILE, { files: { "Cargo.lock": lock } }));
    assert.ok(result.ok);
    assert.match(result.text, /^FROM debian:trixie-slim AS runtime$/m);
    assert.match(result.text, /apt-get install -y --no-install-recommends libpq5 /);
    assert.match(result.text, /^# The binary links the system zlib .*Cargo\.lock: flate2 -> libz-sys/m);
  });

  it("refuses distroless when the binary links a library distroless cc lacks", () => {
    const result = convertToMultiStage(parseDockerfile(DOCKERFILE, { files: { "Cargo.lock": MYSQL_LOCK } }), { runtime: "distroless" });
    assert.ok(!result.ok);
    assert.match(result.reason, /links the system zlib .*mysql -> flate2 -> libz-sys.*distroless cc lacks/);
  });
});
