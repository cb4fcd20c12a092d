import { readdirSync, readFileSync } from "fs";
import { analyze } from "../server/src/engine";
const dir = "../shared/corpus/real";
let n = 0;
for (const f of readdirSync(dir)) {
  if (f === "MANIFEST.tsv") continue;
  const r = analyze(readFileSync(`${dir}/${f}`, "utf8"), { onRuleError: (id, e) => { throw e; } });
  n += r.findings.length;
}
console.log("findings", n);
