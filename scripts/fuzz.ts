// `npm run fuzz [-- --seeds 1,2 --seconds 120 --edits 40]`: the LSP fuzzer of issue #15
// (test/fuzz/lsp-fuzz.ts) over ../shared/corpus/real, one server per seed, seeds run one after
// another within the time budget each. Prints the figures; exits 1 on any failure. With
// `--report-slow`, answers over the 2 s limit are printed as SLOW and do not fail the run.

import { runFuzz } from "../test/fuzz/lsp-fuzz";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

async function main(): Promise<number> {
  const seeds = option("seeds", "1,2")
    .split(",")
    .map((s) => Number.parseInt(s, 10))
    .filter((n) => Number.isFinite(n));
  const seconds = Number(option("seconds", "60"));
  const editsPerFile = Number(option("edits", "40"));
  const reportSlow = process.argv.includes("--report-slow");
  let failed = 0;
  const totals = { files: 0, edits: 0, requests: 0, comparisons: 0, ms: 0 };
  for (const seed of seeds) {
    const progress = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r${line}   `) : undefined;
    const report = await runFuzz({ seed, seconds, editsPerFile, log: progress, slowIsFailure: !reportSlow });
    if (progress) process.stderr.write("\n");
    for (const key of ["files", "edits", "requests", "comparisons", "ms"] as const) totals[key] += report[key];
    console.log(
      `seed ${seed}: ${report.files} files, ${report.edits} edits, ${report.requests} requests, ${report.comparisons} fresh comparisons, ` +
        `slowest ${report.slowest.method} ${report.slowest.ms} ms, ${(report.ms / 1000).toFixed(1)} s, ${report.failures.length} failures`,
    );
    for (const failure of report.failures) console.log(`  FAIL ${failure}`);
    for (const slow of report.slow) console.log(`  SLOW ${slow}`);
    failed += report.failures.length;
  }
  console.log(
    `total: seeds ${seeds.join(",")}: ${totals.files} files, ${totals.edits} edits, ${totals.requests} requests, ${totals.comparisons} comparisons, ${(totals.ms / 1000).toFixed(1)} s, ${failed} failures`,
  );
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
