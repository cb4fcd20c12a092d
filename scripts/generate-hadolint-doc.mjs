// Writes the rule links of docs/hadolint.md's table from the rules' `meta.equivalents.hadolint`,
// so a rule that takes over a hadolint code never means editing that page by hand. A row's third
// cell is either links to the rules that list its code, then the page's own remarks (kept as they
// are), or the reason it has no rule ("planned", "not implemented: ...", "partly ..."); a planned
// row becomes the links once a rule lists the code. It fails on a code no row has, and on a row
// linking rules for a code no rule lists. `--check` exits 1 (and writes nothing) when stale.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
require("esbuild-register/dist/node").register({ target: "node20" });
const { allRules } = require(join(root, "server/src/rules/index.ts"));

const path = join(root, "docs/hadolint.md");
const current = readFileSync(path, "utf8");

/** hadolint code -> the ids of the rules listing it, in the index's order. */
const rulesByCode = new Map();
for (const { meta } of allRules) for (const code of meta.equivalents.hadolint ?? []) rulesByCode.set(code, [...(rulesByCode.get(code) ?? []), meta.id]);

const ROW = /^\| (DL\d{4}(?:[–-]DL\d{4})?(?:, DL\d{4})*) \| (.*) \| (.*) \|$/;
/** The leading rule links of a mapped cell: "[`a`](rules/a.md), [`b`](rules/b.md)". */
const LINKS = /^(?:\[`[a-z0-9-]+`\]\(rules\/[a-z0-9-]+\.md\)(?:, )?)+/;
const link = (id) => `[\`${id}\`](rules/${id}.md)`;

const problems = [];
const seen = new Set();
const next = current
  .split("\n")
  .map((line) => {
    const row = ROW.exec(line);
    if (!row) return line;
    const [, codes, what, cell] = row;
    const code = codes.split(/[–,]/)[0].trim();
    seen.add(code);
    const ids = rulesByCode.get(code);
    const links = LINKS.exec(cell)?.[0];
    if (!ids) {
      if (links) problems.push(`${code}: the row links ${links.trim()} but no rule lists ${code} in meta.equivalents.hadolint`);
      return line;
    }
    const remark = links ? cell.slice(links.length).trim() : "";
    return `| ${codes} | ${what} | ${[ids.map(link).join(", "), remark].filter(Boolean).join(" ")} |`;
  })
  .join("\n");

for (const code of rulesByCode.keys())
  if (!seen.has(code)) problems.push(`${code} (${rulesByCode.get(code).join(", ")}): docs/hadolint.md has no row for it; add one (what it checks)`);
if (problems.length > 0) {
  console.error(`docs/hadolint.md disagrees with the rules' meta:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
if (process.argv.includes("--check")) {
  if (next !== current) {
    console.error("docs/hadolint.md's rule links are stale: run npm run generate");
    process.exit(1);
  }
} else if (next !== current) {
  writeFileSync(path, next);
}
