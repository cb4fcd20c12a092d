import { readFileSync } from "fs";
const root = process.argv[2];
// eslint-disable-next-line
const { analyze } = require(`${root}/server/src/engine`);
const text = readFileSync("/work/wt/shared/corpus/real/supabase__postgres__docker__orioledb__Dockerfile", "utf8") + "RUN echo ";
for (let i = 0; i < 5; i++) analyze(text + "a".repeat(i));
const samples: number[] = [];
for (let i = 0; i < 30; i++) { const c = process.cpuUsage(); analyze(text + "b".repeat(i)); const u = process.cpuUsage(c); samples.push((u.user + u.system) / 1000); }
samples.sort((a, b) => a - b);
console.log(root, "analyze CPU ms per edit: min", samples[0].toFixed(1), "median", samples[15].toFixed(1));
