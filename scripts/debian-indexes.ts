// Debian's Packages indexes (main, amd64) of a release, fetched with apt-get into a private apt
// root and parsed: what the table generators (generate-apt-recommends.ts,
// generate-debian-removals.ts) read. Each release gets its own root under `aptRoot`, so the host's
// apt configuration is neither read nor changed.

import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface DebianPackage {
  priority: string;
  depends: string[][];
  recommends: string[][];
  provides: string[];
  /** Installed-Size, in KB. */
  size: number;
}
export type DebianIndex = Map<string, DebianPackage>;

function aptOptions(aptRoot: string, release: string): string[] {
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

/** Runs `apt-get update` for `release` in its root under `aptRoot` and answers the text of its Packages index. */
export function fetchIndex(aptRoot: string, release: string): string {
  const dir = join(aptRoot, release);
  for (const sub of ["etc/apt/sources.list.d", "etc/apt/preferences.d", "var/lib/apt/lists/partial", "var/cache/apt/archives/partial", "var/lib/dpkg"])
    mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, "var/lib/dpkg/status"), "");
  writeFileSync(
    join(dir, "etc/apt/sources.list"),
    `deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian ${release} main\n`,
  );
  const options = aptOptions(aptRoot, release);
  execFileSync("apt-get", [...options, "update"], { stdio: "inherit" });
  const targets = execFileSync("apt-get", [...options, "indextargets", "--format", "$(FILENAME)", "Identifier: Packages"], { encoding: "utf8" });
  const file = targets.split("\n").find((l) => l.trim() !== "");
  if (!file) throw new Error(`no Packages index for ${release}`);
  return execFileSync("/usr/lib/apt/apt-helper", ["cat-file", file.trim()], { encoding: "utf8", maxBuffer: 1 << 30 });
}

/** The date the archive published the release's index that `fetchIndex` read (its Release file's), as YYYY-MM-DD. */
export function indexDate(aptRoot: string, release: string): string {
  const lists = join(aptRoot, release, "var", "lib", "apt", "lists");
  const inRelease = readdirSync(lists).find((f) => f.endsWith("_InRelease"));
  const date = inRelease ? /^Date: (.*)$/m.exec(readFileSync(join(lists, inRelease), "utf8"))?.[1] : undefined;
  return date ? new Date(date).toISOString().slice(0, 10) : "unknown";
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

export function parseIndex(text: string): DebianIndex {
  const index: DebianIndex = new Map();
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
