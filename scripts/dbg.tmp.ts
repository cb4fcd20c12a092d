import { readFileSync } from "fs";
import { parseDockerfile } from "../server/src/model/parse";
const m = parseDockerfile(readFileSync("/work/shared/corpus/real/moby__buildkit__hack__dockerfiles__archutil.Dockerfile", "utf8"));
console.log([...m.globalScope].filter(([k]) => k.startsWith("BUILD_LOONG")));
const s = m.stages.find((x) => x.name === "exit-loong64")!;
console.log(JSON.stringify(s.base).slice(0, 400));
