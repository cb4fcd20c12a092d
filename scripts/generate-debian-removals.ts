// Builds server/src/images/data/debian-removals.generated.json: for bookworm and for trixie, the
// packages of the earlier releases read (bullseye; bullseye and bookworm) that it does not install
// by name. A base-image move onto that release breaks an `apt-get install` of them
// (images/debian-removals.ts reads it for base-image-deprecated and base-image-latest).
//
// Source: Debian's own Packages indexes (main, amd64), fetched with apt-get into a private apt root
// (scripts/debian-indexes.ts). "Installs by name" is what `apt-get install <name>` accepts: a real
// package, or a virtual name exactly one package provides (apt picks it); a virtual name two or more
// packages provide (bookworm's `netcat`) fails with "has no installation candidate".
//
// The lists are front-coded to keep the file small (it is read lazily, with the first move that
// needs it): sorted names, each written as one character giving how many leading characters it
// shares with the name before it (0-9 then a-z, at most 35), then the rest; entries are separated
// by a space.
//
// Usage: node -r esbuild-register scripts/generate-debian-removals.ts [--apt-root DIR]

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { frontCode } from "../server/src/images/debian-removals";
import { DebianIndex, fetchIndex, indexDate, parseIndex } from "./debian-indexes";

const RELEASES = ["bullseye", "bookworm", "trixie"];
const root = join(__dirname, "..");
const target = join(root, "server", "src", "images", "data", "debian-removals.generated.json");
const args = process.argv.slice(2);
const aptRoot = args[args.indexOf("--apt-root") + 1] && args.includes("--apt-root") ? args[args.indexOf("--apt-root") + 1] : "/tmp/apt-recommends";

/** The names `apt-get install <name>` accepts in a release: real packages and virtual names with one provider. */
function installableNames(index: DebianIndex): Set<string> {
  const providers = new Map<string, Set<string>>();
  for (const [name, pkg] of index) for (const v of pkg.provides) (providers.get(v) ?? providers.set(v, new Set()).get(v)!).add(name);
  const names = new Set(index.keys());
  for (const [virtual, by] of providers) if (by.size === 1) names.add(virtual);
  return names;
}

const indexes = RELEASES.map((release) => parseIndex(fetchIndex(aptRoot, release)));
const installable = indexes.map(installableNames);
// Per later release, the earlier releases' packages it does not install by name: what a move of a
// base image onto it loses. A package missing from bookworm may be back in trixie (upx-ucl).
const missingFrom: Record<string, string> = {};
const counts: string[] = [];
for (let i = 1; i < RELEASES.length; i++) {
  // The earlier releases' own packages: a virtual name one only provides is not what an install names.
  const earlier = new Set(indexes.slice(0, i).flatMap((index) => [...index.keys()]));
  const missing = [...earlier].filter((name) => !installable[i].has(name)).sort();
  missingFrom[RELEASES[i]] = frontCode(missing);
  counts.push(`${missing.length} names missing from ${RELEASES[i]}`);
}
mkdirSync(join(root, "server", "src", "images", "data"), { recursive: true });
writeFileSync(
  target,
  JSON.stringify({
    provenance: {
      source: "Debian Packages indexes, main, amd64, via apt-get update (deb.debian.org)",
      releases: RELEASES,
      indexDates: Object.fromEntries(RELEASES.map((r) => [r, indexDate(aptRoot, r)])),
      generated: new Date().toISOString().slice(0, 10),
      generator: "scripts/generate-debian-removals.ts",
      meaning:
        "missingFrom[release]: the packages of the earlier releases read that apt-get does not install by name in that release (neither a package there nor a virtual name exactly one package provides), sorted and front-coded: per name, one character (0-9a-z) for the leading characters shared with the previous name, then the rest; names separated by spaces",
    },
    missingFrom,
  }) + "\n",
);
console.log(counts.join("; "));
