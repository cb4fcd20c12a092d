// The gate's import-cycle check over server/src and client/src, type-only imports included:
// ESLint's import-x/no-cycle skips `import type`, and a circle of types still ties two modules
// together (STYLE.md 1). Prints each cycle (a strongly connected component) and exits 1 if any.
// Usage: node scripts/check-import-cycles.mjs [root]

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
const SOURCES = ["server/src", "client/src"];
/** `import ... from "./x"`, `import type ...`, `export ... from "./x"`, side-effect `import "./x"`. */
const IMPORT = /^\s*(?:import|export)\s[^;]*?\sfrom\s*"(\.[^"]+)"|^\s*import\s*"(\.[^"]+)"/gm;

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const graph = new Map();
for (const file of SOURCES.flatMap((s) => (existsSync(join(root, s)) ? sourceFiles(join(root, s)) : []))) {
  const deps = [];
  for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
    const base = resolve(dirname(file), match[1] ?? match[2]);
    const target = [`${base}.ts`, join(base, "index.ts")].find((p) => existsSync(p));
    if (target) deps.push(target);
  }
  graph.set(file, deps);
}

// Tarjan's strongly connected components, iteratively (no recursion limit on deep graphs).
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
for (const start of graph.keys()) {
  if (index.has(start)) continue;
  const work = [[start, 0]];
  while (work.length > 0) {
    const frame = work[work.length - 1];
    const [node, next] = frame;
    if (next === 0) {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
    }
    const deps = graph.get(node) ?? [];
    if (next < deps.length) {
      frame[1]++;
      const dep = deps[next];
      if (!index.has(dep)) work.push([dep, 0]);
      else if (onStack.has(dep)) low.set(node, Math.min(low.get(node), index.get(dep)));
      continue;
    }
    work.pop();
    if (work.length > 0) {
      const parent = work[work.length - 1][0];
      low.set(parent, Math.min(low.get(parent), low.get(node)));
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.map((f) => relative(root, f)).sort());
    }
  }
}

for (const cycle of cycles) console.error(`import cycle: ${cycle.join(" <-> ")}`);
if (cycles.length > 0) {
  console.error(`${cycles.length} import cycle(s), type-only imports included: make one side import from a module below both`);
  process.exit(1);
}
