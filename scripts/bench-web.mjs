// `node scripts/bench-web.mjs [--base <dir>] [--rounds N] [--opens N]`: in VS Code for the web
// (headless Chromium, as test:web), how long a Dockerfile takes from opening to its diagnostics,
// syntax checks included (test/vscode/bench-open.ts). Measures this checkout's build (dist/, run
// `npm run build` first) and, with --base, another built checkout of the extension (e.g. an earlier
// commit: `git archive <commit> | tar -x -C <dir>`, link node_modules, `node scripts/build.mjs`),
// alternating them round by round; prints each round and the medians.

import { join } from "node:path";
import { readFileSync, readdirSync } from "node:fs";
import { CHROMIUM_FLAGS, EXAMPLES, HOST, ROOT, chromiumEnvironment, findFreePort, hasChromium, prepareOfflineBuild, writeExtensionCopy } from "./web-host.mjs";
import { bundleWorkbenchSuite } from "./workbench-suite.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const rounds = Number(option("--rounds", 3));
const opens = Number(option("--opens", 20));
const base = option("--base", undefined);

if (!hasChromium()) {
  console.error("bench-web: Chromium is not installed (sudo bash scripts/ci-install-web-deps.sh).");
  process.exit(1);
}

const suiteBundle = join(ROOT, "out", "bench-web-suite", "index.js");
await bundleWorkbenchSuite({ platform: "browser", outfile: suiteBundle, entry: "test/vscode/bench-open.ts" });
/** The examples' Dockerfiles and all of them as one file (a larger document). */
const examples = readdirSync(EXAMPLES, { recursive: true })
  .filter((path) => /(^|\/)Dockerfile$/.test(path))
  .sort()
  .map((path) => readFileSync(join(EXAMPLES, path), "utf8"));
const texts = [...examples, examples.join("\n")];
const inputs = JSON.stringify({ texts, opens });

const variants = [...(base ? [{ name: "base", from: base }] : []), { name: "this", from: ROOT }].map((v) => ({
  ...v,
  ...writeExtensionCopy({ from: v.from, name: `bench-web-${v.name}`, suiteBundle, files: { "bench-inputs.json": inputs } }),
  results: [],
}));

const offlineBuild = prepareOfflineBuild();
Object.assign(process.env, chromiumEnvironment());
const { runTests } = await import("@vscode/test-web");

// The suite's one line reaches this process through test-web's forwarded console; the rest of the
// browser's chatter is dropped (errors still show).
let captured;
const log = console.log.bind(console);
console.log = console.info = (...parts) => {
  const match = /BENCH (\{.*\})/.exec(parts.map(String).join(" "));
  if (match) captured = JSON.parse(match[1]);
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const p90 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.9))];

for (let round = 1; round <= rounds; round++) {
  for (const variant of variants) {
    captured = undefined;
    const port = await findFreePort();
    await runTests({
      ...offlineBuild,
      browserType: "chromium",
      browserOptions: CHROMIUM_FLAGS,
      headless: true,
      host: HOST,
      port,
      extensionDevelopmentPath: variant.extensionPath,
      extensionTestsPath: variant.suitePath,
      folderPath: EXAMPLES,
      verbose: true,
    });
    if (!captured) throw new Error(`bench-web: ${variant.name}: no BENCH line`);
    variant.results.push(captured);
    log(
      `round ${round} ${variant.name.padEnd(4)}: first open ${captured.first.toFixed(0)} ms, later opens median ${median(captured.opens).toFixed(1)} ms, p90 ${p90(captured.opens).toFixed(1)} ms`,
    );
  }
}
log("");
for (const variant of variants) {
  const firsts = variant.results.map((r) => r.first);
  const later = variant.results.flatMap((r) => r.opens);
  log(
    `${variant.name.padEnd(4)} (${variant.from}): first open median ${median(firsts).toFixed(0)} ms; later opens median ${median(later).toFixed(1)} ms, p90 ${p90(later).toFixed(1)} ms (${later.length} opens)`,
  );
}
process.exit(0);
