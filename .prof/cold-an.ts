import { analyze } from "../server/src/engine";
import { GROWTH_INPUTS } from "../scripts/bench-lsp";
const text = GROWTH_INPUTS.find((i) => i.name === "continuation lines")!.text(1000) + "RUN echo ";
for (let r = 0; r < 6; r++) { const c = process.cpuUsage(); const t = performance.now(); analyze(text); const u = process.cpuUsage(c); console.log("cpu", ((u.user + u.system) / 1000).toFixed(0), "wall", (performance.now() - t).toFixed(0)); }
const t2 = text.slice(0, -1) + "ab";
for (let r = 0; r < 3; r++) { const c = process.cpuUsage(); analyze(t2 + "x".repeat(r)); const u = process.cpuUsage(c); console.log("edit cpu", ((u.user + u.system) / 1000).toFixed(0)); }
