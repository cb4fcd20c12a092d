// `npm run bench:shellcheck`: whole-corpus check time (../shared/corpus/real) with ShellCheck off,
// on with a cold cache, and on again with the cache warm (as the editor re-checks unchanged RUNs).
// Usage: npm run bench:shellcheck [-- --shellcheck <path>]

import { readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { analyze } from "../server/src/engine";
import { ShellcheckRunner, withShellcheck } from "../server/src/host/shellcheck";
import { parseDockerfile } from "../server/src/model/parse";
import { runScripts } from "../server/src/model/shellcheck-scripts";

const CORPUS = resolve(__dirname, "..", "..", "shared", "corpus", "real");
const at = process.argv.indexOf("--shellcheck");
const binary = at >= 0 ? process.argv[at + 1] : "shellcheck";

async function main(): Promise<void> {
  const files = readdirSync(CORPUS)
    .filter((f) => f !== "MANIFEST.tsv")
    .map((f) => readFileSync(join(CORPUS, f), "utf8"));
  const scripts = files.reduce((n, text) => n + runScripts(parseDockerfile(text)).length, 0);

  const t = performance.now();
  let findings = 0;
  for (const text of files) findings += analyze(text, { syntax: false }).findings.length;
  const off = performance.now() - t;

  const runner = new ShellcheckRunner(binary, (m) => console.error(m));
  if ((await runner.version()) === null) process.exit(1);
  const timed = async () => {
    const start = performance.now();
    let shellFindings = 0;
    for (const text of files) {
      const model = parseDockerfile(text);
      const results = await runner.check(model);
      const analysis = analyze(results ? withShellcheck(model, results) : model, { syntax: false });
      shellFindings += analysis.findings.filter((f) => f.ruleId === "run-shellcheck").length;
    }
    return { ms: performance.now() - start, shellFindings };
  };
  const cold = await timed();
  const warm = await timed();
  console.log(`corpus: ${files.length} Dockerfiles, ${scripts} RUN scripts; shellcheck ${await runner.version()}`);
  console.log(`| mode | total | per file | findings |`);
  console.log(`|---|---|---|---|`);
  console.log(`| ShellCheck off | ${off.toFixed(0)} ms | ${(off / files.length).toFixed(2)} ms | ${findings} |`);
  console.log(`| ShellCheck on, cold cache | ${cold.ms.toFixed(0)} ms | ${(cold.ms / files.length).toFixed(2)} ms | +${cold.shellFindings} SC |`);
  console.log(`| ShellCheck on, warm cache | ${warm.ms.toFixed(0)} ms | ${(warm.ms / files.length).toFixed(2)} ms | +${warm.shellFindings} SC |`);
}

void main();
