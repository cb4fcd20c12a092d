import * as esbuild from "esbuild";
const r = await esbuild.build({ entryPoints: ["server/src/lsp/node.ts"], bundle: true, platform: "node", format: "cjs", target: "node20", minify: true, write: false, metafile: true, outfile: "/tmp/x.js", mainFields: ["module","main"] });
const out = Object.values(r.metafile.outputs)[0];
const by = {};
for (const [f, v] of Object.entries(out.inputs)) { const k = f.includes("node_modules/") ? f.split("node_modules/").pop().split("/").slice(0, f.includes("@")?2:1).join("/") : f.split("/").slice(0,3).join("/"); by[k] = (by[k]||0) + v.bytesInOutput; }
for (const [k, v] of Object.entries(by).sort((a,b)=>b[1]-a[1]).slice(0,25)) console.log(String((v/1024).toFixed(0)).padStart(6), k);
const big = Object.entries(out.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,12); for (const [f,v] of big) console.log((v.bytesInOutput/1024).toFixed(0).padStart(6), f);
