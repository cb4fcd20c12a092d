// Builds server/src/model/data/apt-recommends.generated.json: for each Debian package that real
// Dockerfiles install, the part of Debian's dependency graph an install of it walks, so that a
// reader can tell what `--no-install-recommends` would keep out of an image: the packages an
// install brings only as recommendations (of the package or of anything its dependencies pull in),
// outside the base system (priority required, present in every image), and not already installed
// by an earlier install (apt adds the recommends of a package it installs, not of one already
// there, so a dependency an earlier install brought adds none of its recommends again).
//
// Source: Debian's own Packages indexes (main, amd64) of bullseye (11), bookworm (12) and trixie
// (13), fetched with apt-get into a private apt root. Per release, each package reached gets its
// dependencies and recommendations (the first satisfiable alternative of each, as apt picks by
// default; a virtual name stands for its first provider) and its installed size. A package missing
// from every release (a PPA's or a vendor's) gets no entry and the rule judges it as before.
// Ubuntu's indexes are not read: Ubuntu takes most packages' control fields from Debian, and the
// rule says so where it reads the table.
//
// Package names come from the apt installs of the Dockerfiles under ../shared/corpus (real/,
// projects/lint/), every `--cases` folder given, and the names the table already holds (a
// regeneration with fewer case folders at hand keeps every name earlier sets brought), read with
// the project's own parser.
//
// Usage:
//   node -r esbuild-register scripts/generate-apt-recommends.ts [--cases DIR]... [--apt-root DIR]
// --apt-root (default /tmp/apt-recommends) holds one apt root per release; the script runs
// `apt-get update` in each, then reads the indexes with `apt-get indextargets` and
// `/usr/lib/apt/apt-helper cat-file`.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { aptOperands, readAptOrAptGet } from "../server/src/model/apt-get";
import { DebianIndex, fetchIndex, indexDate, parseIndex } from "./debian-indexes";
import { parseDockerfile } from "../server/src/model/parse";
import { allRunInstructions } from "../server/src/model/run-instructions";

const RELEASES = ["bullseye", "bookworm", "trixie"];
const root = join(__dirname, "..");
const target = join(root, "server", "src", "model", "data", "apt-recommends.generated.json");
const args = process.argv.slice(2);
const option = (name: string) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
const aptRoot = option("--apt-root")[0] ?? "/tmp/apt-recommends";

// --- package names from the Dockerfiles ---------------------------------------------------------
function dockerfiles(): string[] {
  const files: string[] = [];
  const corpus = [join(root, "..", "shared", "corpus"), "/work/shared/corpus"].find((p) => existsSync(p));
  if (corpus) {
    const real = join(corpus, "real");
    for (const f of readdirSync(real)) if (f !== "MANIFEST.tsv" && statSync(join(real, f)).isFile()) files.push(join(real, f));
  }
  const caseDirs = [...(corpus ? [join(corpus, "projects", "lint")] : []), ...option("--cases")];
  for (const dir of caseDirs)
    for (const c of readdirSync(dir)) {
      const meta = join(dir, c, "case.json");
      if (!existsSync(meta)) continue;
      const { dockerfile, path } = JSON.parse(readFileSync(meta, "utf8")) as { dockerfile?: string; path?: string };
      const file = join(dir, c, dockerfile ?? path ?? "Dockerfile");
      if (existsSync(file)) files.push(file);
    }
  return files;
}

const wanted = new Set<string>();
// The names of the table as it stands: earlier sets' case folders may not be at hand.
if (existsSync(target)) {
  const previous = JSON.parse(readFileSync(target, "utf8")) as { names?: string[]; named?: number[]; packages?: Record<string, unknown> };
  const held = previous.names && previous.named ? previous.named.map((i) => previous.names![i]) : Object.keys(previous.packages ?? {});
  for (const name of held) wanted.add(name);
}
for (const file of dockerfiles()) {
  let model;
  try {
    model = parseDockerfile(readFileSync(file, "utf8"));
  } catch {
    continue;
  }
  for (const run of allRunInstructions(model))
    for (const command of run.commands) {
      const call = readAptOrAptGet(command);
      if (call?.subcommand?.value !== "install") continue;
      for (const w of aptOperands(call)) {
        const name = w.value.replace(/[=:].*$/, "");
        if (/^[a-z0-9][a-z0-9+.-]+$/.test(name)) wanted.add(name);
      }
    }
}

// --- the indexes (scripts/debian-indexes.ts) --------------------------------------------------
type Index = DebianIndex;

/** The first alternative of a relation group the release can satisfy (a real package, or the first provider of a virtual one). */
function resolver(index: Index, providers: Map<string, string>): (alternatives: string[]) => string | null {
  return (alternatives) => {
    for (const alt of alternatives) {
      if (index.has(alt)) return alt;
      const provider = providers.get(alt);
      if (provider) return provider;
    }
    return null;
  };
}

/** What `apt-get install name` brings in a release without recommends: the dependency closure. */
function dependencyClosure(index: Index, resolve: (alternatives: string[]) => string | null, name: string): Set<string> {
  const seen = new Set<string>();
  const stack = [name];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    for (const group of index.get(p)!.depends) {
      const r = resolve(group);
      if (r && !seen.has(r)) stack.push(r);
    }
  }
  return seen;
}

/** Per release (in RELEASES order): package -> [dependencies, recommendations, installed size in KB]. */
type Node = [string[], string[], number];
const graphs: Map<string, Node>[] = [];
const versions: Record<string, string> = {};
for (const release of RELEASES) {
  const index = parseIndex(fetchIndex(aptRoot, release));
  versions[release] = indexDate(aptRoot, release);
  const providers = new Map<string, string>();
  for (const [name, pkg] of index) for (const v of pkg.provides) if (!providers.has(v)) providers.set(v, name);
  const resolve = resolver(index, providers);
  // The base system: priority required and apt, with what they depend on (a minbase debootstrap,
  // what debian:*-slim holds; Ubuntu's base holds more). It is in every image already, so it is
  // left out of the graph: what it recommends was decided when the image was built.
  const base = new Set<string>();
  for (const [n, p] of index) if (p.priority === "required" || n === "apt") for (const q of dependencyClosure(index, resolve, n)) base.add(q);
  const graph = new Map<string, Node>();
  const edges = (groups: string[][]) => [...new Set(groups.map(resolve).filter((r): r is string => r !== null && !base.has(r)))].sort();
  const stack: string[] = [];
  // A named package of the base system still gets its entry (naming it installs nothing new).
  for (const name of wanted) {
    const provider = providers.get(name);
    if (index.has(name)) stack.push(name);
    else if (provider) {
      // A virtual name (`awk`) installs its first provider: an entry that depends on it alone.
      graph.set(name, [edges([[provider]]), [], 0]);
      stack.push(provider);
    }
  }
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (graph.has(p)) continue;
    const pkg = index.get(p)!;
    const node: Node = [edges(pkg.depends), edges(pkg.recommends), pkg.size];
    graph.set(p, node);
    for (const q of [...node[0], ...node[1]]) if (!graph.has(q)) stack.push(q);
  }
  graphs.push(graph);
}

// One list of names for every release; each release holds, per name, its entry or 0 where the
// release does not have (or does not reach) that package.
const names = [...new Set(graphs.flatMap((g) => [...g.keys()]))].sort();
const position = new Map(names.map((n, i) => [n, i]));
const entries = graphs.map((graph) =>
  names.map((n) => {
    const node = graph.get(n);
    return node ? [node[0].map((d) => position.get(d)!), node[1].map((d) => position.get(d)!), node[2]] : 0;
  }),
);
mkdirSync(join(root, "server", "src", "model", "data"), { recursive: true });
writeFileSync(
  target,
  JSON.stringify(
    {
      provenance: {
        source: "Debian Packages indexes, main, amd64, via apt-get update (deb.debian.org)",
        releases: RELEASES,
        indexDates: versions,
        generated: new Date().toISOString().slice(0, 10),
        generator: "scripts/generate-apt-recommends.ts",
        meaning:
          "names: every package named by an install or reached from one (sorted). named: the indexes of the names the Dockerfiles install. entries: per release (in the order of releases), per name, 0 where the release lacks it, else [dependencies, recommendations, Installed-Size in KB], each relation the index (into names) of the first satisfiable alternative (a virtual name: its first provider), the base system (priority required, apt, and their dependencies) left out",
      },
      names,
      named: [...wanted]
        .filter((n) => position.has(n))
        .map((n) => position.get(n)!)
        .sort((a, b) => a - b),
      entries,
    },
    null,
    0,
  ) + "\n",
);
const found = [...wanted].filter((n) => graphs.some((g) => g.has(n))).length;
console.log(`${found} of ${wanted.size} package names found; ${names.length} packages in the graph`);
