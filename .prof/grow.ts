import { analyze } from "../server/src/engine";
import { validate } from "dockerfile-utils";
import { GROWTH_INPUTS } from "../scripts/bench-lsp";
const which = process.argv[2];
for (const input of GROWTH_INPUTS.filter((i) => !which || i.name === which)) {
  const row: string[] = [];
  for (const n of [250, 1000, 4000]) {
    const text = input.text(input.name === "words per line" ? n * 4 : input.name === "heredocs" ? n / 4 : n);
    analyze(text);
    let best = Infinity, bestV = Infinity;
    for (let r = 0; r < 3; r++) { const c = process.cpuUsage(); analyze(text); const u = process.cpuUsage(c); best = Math.min(best, (u.user + u.system) / 1000); const c2 = process.cpuUsage(); validate(text); const u2 = process.cpuUsage(c2); bestV = Math.min(bestV, (u2.user + u2.system) / 1000); }
    row.push(`n=${n}: analyze ${best.toFixed(1)} validate ${bestV.toFixed(1)}`);
  }
  console.log(input.name.padEnd(20), row.join(" | "));
}
