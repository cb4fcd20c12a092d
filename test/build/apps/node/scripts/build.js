// The app's build step: writes dist/ from src/, stamping the entry point. Nothing outside dist/ is
// needed at run time, so a multi-stage image can ship dist/ without src/ or this script.
const { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require("node:fs");

const stamp = require("../package.json").version;
rmSync("dist", { recursive: true, force: true });
mkdirSync("dist");
const sources = readdirSync("src");
for (const file of sources) {
  writeFileSync(`dist/${file}`, readFileSync(`src/${file}`, "utf8").replaceAll("__BUILD_STAMP__", stamp));
}
console.log(`built dist/ from ${sources.length} files`);
