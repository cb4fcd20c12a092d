// Builds server/src/model/data/apt-recommends.generated.json: for each Debian package that real
// Dockerfiles install, what `--no-install-recommends` would keep out of the image, that is the
// packages an install brings only as recommendations (of the package or of anything its
// dependencies pull in), outside the base system (priority required, present in every image).
//
// Source: Debian's own Packages indexes (main, amd64) of bullseye (11), bookworm (12) and trixie
// (13), fetched with apt-get into a private apt root. A package's entry holds one list per release
// (and the installed size of each listed package), so a reader can take the base image's release
// or, where it is not known, every release; a package missing from every release (a PPA's or a
// vendor's) gets no entry and the rule judges it as before.
// Ubuntu's indexes are not reachable here: Ubuntu takes most packages' control fields from Debian,
// and the rule says so where it reads the table.
//
// Package names come from the apt installs of the Dockerfiles under ../shared/corpus (real/,
// projects/lint/) and every `--cases` folder given, read with the project's own parser.
//
// Usage:
//   node -r esbuild-register scripts/generate-apt-recommends.ts [--cases DIR]... [--apt-root DIR]
// --apt-root (default /tmp/apt-recommends) holds one apt root per release; the script runs
// `apt-get update` in each, then reads the indexes with `apt-get indextargets` and
// `/usr/lib/apt/apt-helper cat-file`.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { aptOperands, readAptOrAptGet } from "../server/src/model/apt-get";
import { parseDockerfile } from "../server/src/model/parse";
import { allRunInstructions } from "../server/src/model/run-instructions";

const RELEASES = ["bullseye", "bookworm", "trixie"];
/** Past this many extra packages an entry is stored as null: "many", never "none". */
const MAX_EXTRAS = 40;
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

// --- the indexes ----------------------------------------------------------------------------------
interface Pkg {
  priority: string;
  depends: string[][];
  recommends: string[][];
  provides: string[];
  size: number;
}
type Index = Map<string, Pkg>;

function aptOptions(release: string): string[] {
  const dir = join(aptRoot, release);
  return [
    `-oDir=${dir}`,
    `-oDir::Etc::SourceList=${dir}/etc/apt/sources.list`,
    `-oDir::Etc::SourceParts=${dir}/etc/apt/sources.list.d`,
    `-oDir::Etc::Preferences=${dir}/etc/apt/preferences`,
    `-oDir::Etc::PreferencesParts=${dir}/etc/apt/preferences.d`,
    `-oDir::State::status=${dir}/var/lib/dpkg/status`,
    "-oAPT::Architecture=amd64",
    "-oAcquire::Languages=none",
  ];
}

function fetchIndex(release: string): string {
  const dir = join(aptRoot, release);
  for (const sub of ["etc/apt/sources.list.d", "etc/apt/preferences.d", "var/lib/apt/lists/partial", "var/cache/apt/archives/partial", "var/lib/dpkg"])
    mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, "var/lib/dpkg/status"), "");
  writeFileSync(
    join(dir, "etc/apt/sources.list"),
    `deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian ${release} main\n`,
  );
  execFileSync("apt-get", [...aptOptions(release), "update"], { stdio: "inherit" });
  const targets = execFileSync("apt-get", [...aptOptions(release), "indextargets", "--format", "$(FILENAME)", "Identifier: Packages"], { encoding: "utf8" });
  const file = targets.split("\n").find((l) => l.trim() !== "");
  if (!file) throw new Error(`no Packages index for ${release}`);
  return execFileSync("/usr/lib/apt/apt-helper", ["cat-file", file.trim()], { encoding: "utf8", maxBuffer: 1 << 30 });
}

/** `a (>= 1) | b, c` -> [["a", "b"], ["c"]] (names only, architecture qualifiers dropped). */
function relations(field: string | undefined): string[][] {
  if (!field) return [];
  return field.split(",").map((group) =>
    group
      .split("|")
      .map((alt) =>
        alt
          .trim()
          .replace(/\s*[([<].*$/, "")
          .replace(/:.*$/, ""),
      )
      .filter((n) => n !== ""),
  );
}

function parseIndex(text: string): Index {
  const index: Index = new Map();
  for (const stanza of text.split(/\n{2,}/)) {
    const fields = new Map<string, string>();
    let last = "";
    for (const line of stanza.split("\n")) {
      if (/^\s/.test(line) && last) fields.set(last, fields.get(last) + " " + line.trim());
      else {
        const m = /^([\w-]+):(.*)$/.exec(line);
        if (m) fields.set((last = m[1]), m[2].trim());
      }
    }
    const name = fields.get("Package");
    if (!name || index.has(name)) continue;
    index.set(name, {
      priority: fields.get("Priority") ?? "optional",
      depends: [...relations(fields.get("Pre-Depends")), ...relations(fields.get("Depends"))],
      recommends: relations(fields.get("Recommends")),
      provides: relations(fields.get("Provides")).flat(),
      size: Number(fields.get("Installed-Size") ?? 0),
    });
  }
  return index;
}

/** What `apt-get install name` brings in a release, with or without recommends (first satisfiable alternative, as apt picks by default). */
function closure(index: Index, providers: Map<string, string>, name: string, withRecommends: boolean, base: Set<string>): Set<string> {
  const seen = new Set<string>();
  const resolve = (alternatives: string[]) => {
    for (const alt of alternatives) {
      if (index.has(alt)) return alt;
      const provider = providers.get(alt);
      if (provider) return provider;
    }
    return null;
  };
  const stack = [name];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const pkg = index.get(p)!;
    // The base system is in every image already: what it recommends was decided when it was built.
    if (base.has(p) && p !== name) continue;
    for (const group of [...pkg.depends, ...(withRecommends ? pkg.recommends : [])]) {
      const r = resolve(group);
      if (r && !seen.has(r)) stack.push(r);
    }
  }
  return seen;
}

/** Per package, per release (in RELEASES order): the extras, null for more than MAX_EXTRAS, false when the release lacks it. */
const perRelease = new Map<string, (string[] | null | false)[]>();
/** Installed size in KB of each extra, per release (0 where that release does not bring it). */
const sizes = new Map<string, number[]>();
const versions: Record<string, string> = {};
for (const [r, release] of RELEASES.entries()) {
  const index = parseIndex(fetchIndex(release));
  // The Release file's own date: when the archive published the index that was read.
  const lists = join(aptRoot, release, "var", "lib", "apt", "lists");
  const inRelease = readdirSync(lists).find((f) => f.endsWith("_InRelease"));
  const date = inRelease ? /^Date: (.*)$/m.exec(readFileSync(join(lists, inRelease), "utf8"))?.[1] : undefined;
  versions[release] = date ? new Date(date).toISOString().slice(0, 10) : "unknown";
  const providers = new Map<string, string>();
  for (const [name, pkg] of index) for (const v of pkg.provides) if (!providers.has(v)) providers.set(v, name);
  // The base system: priority required and apt, with what they depend on (a minbase debootstrap,
  // what debian:*-slim holds; Ubuntu's base holds more).
  const base = new Set<string>();
  for (const [n, p] of index) if (p.priority === "required" || n === "apt") for (const q of closure(index, providers, n, false, new Set())) base.add(q);
  for (const name of wanted) {
    const row = perRelease.get(name) ?? RELEASES.map(() => false as const);
    perRelease.set(name, row);
    const real = index.has(name) ? name : providers.get(name);
    if (!real) continue;
    const without = closure(index, providers, real, false, base);
    const added = [...closure(index, providers, real, true, base)].filter((p) => !without.has(p) && !base.has(p)).sort();
    row[r] = added.length > MAX_EXTRAS ? null : added;
    if (row[r])
      for (const e of added) {
        const kb = sizes.get(e) ?? RELEASES.map(() => 0);
        kb[r] = index.get(e)!.size;
        sizes.set(e, kb);
      }
  }
}

const packages: Record<string, (string[] | null | false)[]> = {};
for (const [name, row] of [...perRelease].sort((a, b) => a[0].localeCompare(b[0]))) if (row.some((e) => e !== false)) packages[name] = row;
const extraSizes: Record<string, number[]> = {};
for (const [name, kb] of [...sizes].sort((a, b) => a[0].localeCompare(b[0]))) extraSizes[name] = kb;
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
          "packages: name -> per release (in the order of releases) what --no-install-recommends keeps out (recommends of it and of its dependencies, base system excluded); null: more than " +
          MAX_EXTRAS +
          ", false: not in that release. sizes: Installed-Size in KB of each such package, per release",
      },
      packages,
      sizes: extraSizes,
    },
    null,
    0,
  ) + "\n",
);
const none = Object.values(packages).filter((row) => row.every((e) => e === false || (e !== null && e.length === 0))).length;
console.log(`${Object.keys(packages).length} of ${wanted.size} package names found; ${none} bring no recommends in any release`);
