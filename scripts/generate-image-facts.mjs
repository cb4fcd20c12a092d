// Builds the project's compact image-size table, server/src/images/data/image-sizes.generated.json,
// from the shared reference data (image-sizes.json: compressed pull sizes read from
// docker-library/repo-info, alias tags from docker-library/official-images).
//
// Usage: node scripts/generate-image-facts.mjs [path/to/image-sizes.json]
// Default input: ../shared/data/image-sizes.json relative to the repo root (then /work/shared/data).
//
// Output shape (see server/src/images/facts.ts, which reads it):
// {
//   "provenance": { source, aliasSource, snapshotDate, sizeSemantics, input, generated, generator },
//   "images": { "<name>": { "tags": { "<canonical tag>": [amd64, arm64, builtAround, arm64Missing?] },
//                           "aliases": { "<alias tag>": "<canonical tag>" } } },
//   "approximate": { "<full repository>": { bytes, basis, source } }
// }
// arm64 is null when unknown; arm64Missing then says why: "no-build" (the tag has no linux/arm64
// image) or "not-read" (it exists but its size was not extracted). Digests are left out: the table
// answers "how big", and a digest would only be stale the day after.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const candidates = [process.argv[2], join(root, "..", "shared", "data", "image-sizes.json"), "/work/shared/data/image-sizes.json"].filter(Boolean);
const input = candidates.find((p) => existsSync(p));
if (!input) {
  console.error(`image-sizes.json not found (looked in: ${candidates.join(", ")})`);
  process.exit(1);
}
const data = JSON.parse(readFileSync(input, "utf8"));
const target = join(root, "server", "src", "images", "data", "image-sizes.generated.json");

function arm64Missing(row) {
  if (row.arm64 !== null && row.arm64 !== undefined) return undefined;
  const note = String(row.arm64Note ?? "");
  if (/no linux\/arm64 build/i.test(note)) return "no-build";
  return "not-read";
}

const images = {};
let rowCount = 0;
let aliasCount = 0;
for (const [name, rows] of Object.entries(data.images)) {
  const index = data.aliasIndex?.[name] ?? {};
  // Some rows were read twice under two names of one manifest list (node `24-slim` and
  // `24-bookworm-slim`). The alias index names the canonical one; the other folds into it.
  const canonicalOf = (tag) => {
    let t = tag;
    for (let hops = 0; hops < 5 && index[t] !== undefined && index[t] !== t && rows[index[t]]; hops++) t = index[t];
    return t;
  };
  const tags = {};
  const aliases = {};
  for (const [tag, row] of Object.entries(rows)) {
    const canonical = canonicalOf(tag);
    if (canonical !== tag) {
      aliases[tag] = canonical;
      continue;
    }
    const entry = [row.amd64, row.arm64 ?? null, row.builtAround ?? null];
    const missing = arm64Missing(row);
    if (missing) entry.push(missing);
    tags[tag] = entry;
  }
  const addAlias = (alias, tag) => {
    const canonical = canonicalOf(tag);
    if (alias === canonical || tags[alias] || !tags[canonical]) return;
    if (aliases[alias] !== undefined && aliases[alias] !== canonical) return; // first writer wins
    aliases[alias] = canonical;
  };
  for (const [alias, tag] of Object.entries(index)) addAlias(alias, tag);
  for (const [tag, row] of Object.entries(rows)) {
    for (const alias of [...(row.aliases ?? []), ...(row.sharedTags ?? [])]) addAlias(alias, tag);
  }
  rowCount += Object.keys(tags).length;
  aliasCount += Object.keys(aliases).length;
  images[name] = { tags, aliases: Object.fromEntries(Object.entries(aliases).sort(([a], [b]) => a.localeCompare(b))) };
}

const approximate = {};
for (const [repo, info] of Object.entries(data.distroless?.images ?? {})) {
  if (typeof info.approxBytes !== "number") continue;
  approximate[repo] = { bytes: info.approxBytes, basis: `${info.approx ?? "approximate"}, ${info.basis}`, source: data.distroless.source };
}

const out = {
  provenance: {
    source: data.source,
    aliasSource:
      String(data.aliasSource ?? "")
        .replace(/:.*$/s, "")
        .trim() || "docker-library/official-images",
    snapshotDate: data.snapshotDate,
    sizeSemantics: "compressed (gzip) pull size in bytes, per platform, as docker-library/repo-info reports it; not the unpacked size on disk",
    input: relative(root, input).replace(/\\/g, "/"),
    generated: new Date().toISOString().slice(0, 10),
    generator: "scripts/generate-image-facts.mjs",
    rows: rowCount,
    aliases: aliasCount,
  },
  images,
  approximate,
};
// Keep `generated` stable when nothing else changed, so regenerating does not dirty the tree.
if (existsSync(target)) {
  try {
    const previous = JSON.parse(readFileSync(target, "utf8"));
    const strip = (o) => JSON.stringify({ ...o, provenance: { ...o.provenance, generated: "" } });
    if (strip(previous) === strip(out)) out.provenance.generated = previous.provenance.generated;
  } catch {
    // An unreadable previous table is simply replaced.
  }
}
mkdirSync(dirname(target), { recursive: true });
// One tag per line: small, and diffs stay readable.
const lines = ["{", `  "provenance": ${JSON.stringify(out.provenance)},`, '  "images": {'];
const names = Object.keys(images);
names.forEach((name, i) => {
  const { tags, aliases } = images[name];
  lines.push(`    ${JSON.stringify(name)}: {`, '      "tags": {');
  const tagKeys = Object.keys(tags);
  tagKeys.forEach((t, j) => lines.push(`        ${JSON.stringify(t)}: ${JSON.stringify(tags[t])}${j < tagKeys.length - 1 ? "," : ""}`));
  lines.push("      },", `      "aliases": ${JSON.stringify(aliases)}`, `    }${i < names.length - 1 ? "," : ""}`);
});
lines.push("  },", `  "approximate": ${JSON.stringify(approximate)}`, "}", "");
writeFileSync(target, lines.join("\n"));
console.log(`wrote ${relative(root, target)}: ${names.length} images, ${rowCount} tags, ${aliasCount} aliases`);
