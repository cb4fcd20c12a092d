// `npm run eval:convert`: Convert to multi-stage on real single-stage projects, judged against the
// independent reviewer's labels (test/realworld/convert/): right, broken, refused rightly, refused
// needlessly, per ecosystem. `--verbose` prints each broken check and each refusal reason.

import { evaluateConversions, Outcome } from "../test/realworld/support/convert-eval";

const verbose = process.argv.includes("--verbose");
const results = evaluateConversions();
const outcomes: Outcome[] = ["right", "broken", "refused rightly", "refused needlessly", "unlabelled"];
const ecosystems = [...new Set(results.map((r) => r.ecosystem))].sort();
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`${"ecosystem".padEnd(10)} ${outcomes.map((o) => pad(o, o.length + 1)).join("")} ${pad("total", 6)}`);
for (const eco of [...ecosystems, "all"]) {
  const rows = results.filter((r) => eco === "all" || r.ecosystem === eco);
  console.log(`${eco.padEnd(10)} ${outcomes.map((o) => pad(rows.filter((r) => r.outcome === o).length, o.length + 1)).join("")} ${pad(rows.length, 6)}`);
}
const judged = results.filter((r) => r.outcome !== "unlabelled");
const good = judged.filter((r) => r.outcome === "right" || r.outcome === "refused rightly").length;
console.log(`\nRight or rightly refused: ${good} of ${judged.length} labelled (${judged.length ? ((good / judged.length) * 100).toFixed(0) : 0} %).`);
for (const r of results) {
  if (r.outcome === "broken") {
    console.log(`  broken   ${r.name}`);
    for (const f of r.failed) console.log(`           ${f.kind} ${f.path ?? f.program ?? f.pattern ?? ""}: ${f.detail} (${f.why})`);
  } else if (verbose && r.outcome.startsWith("refused")) console.log(`  ${r.outcome.padEnd(18)} ${r.name}: ${r.output}`);
}
