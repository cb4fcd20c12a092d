// Whether a package.json "build" script only runs plain Node.js scripts (`"build": "node
// scripts/build.mjs"`): a template or index generator, not a compiler or bundler. The project
// then has no toolchain besides node itself, which the image needs to run the app anyway.

import { jsonObjectOf } from "./json-files";
import { JS_BUNDLERS } from "./build-steps";
import type { BuildStep } from "./build-steps";
import type { DockerfileModel } from "./types";
import { contextFiles } from "./context";

/** Packages that compile or bundle JavaScript: a node script may drive one through its API. */
const COMPILING_PACKAGES = /^(?:typescript|@babel\/core|@swc\/core|tsup|tsx|ts-node|@vercel\/ncc|@rspack\/core|terser|uglify-js|swc)$/;

interface Manifest {
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
}

/** The manifest `text` holds; null when clamped or malformed (unknown). */
function parse(text: string): Manifest | null {
  return jsonObjectOf(text) as Manifest | null;
}

/** True when every command of the script body is `node <file>` (options allowed). */
function onlyRunsNode(body: string): boolean {
  const parts = body
    .split(/&&|\|\||;/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => /^node(?:\s+-[\w-]+(?:=\S+)?)*\s+[\w./@-]+\.(?:m?js|cjs)(?:\s+[\w.:=/-]+)*$/.test(p));
}

function namesCompiler(manifest: Manifest): boolean {
  const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
  return names.some(
    (n) => JS_BUNDLERS.has(n) || COMPILING_PACKAGES.test(n) || /^(?:esbuild|webpack|vite|rollup|parcel)(?:$|-)|^@(?:angular|nestjs)\/cli$/.test(n),
  );
}

/**
 * True when `step` runs a package.json script (`npm run build`) that every manifest of the build
 * context defining it spells as plain `node <file>` commands, in a project whose manifests list no
 * compiler or bundler. False when no manifest was read, one could not be parsed, or none defines it.
 */
export function runsPlainNodeScript(model: DockerfileModel, step: BuildStep): boolean {
  if (step.ecosystem !== "node") return false;
  const script = step.tool.split(" ").pop() ?? "";
  const files = contextFiles(model.context);
  let defined = false;
  for (const [path, text] of Object.entries(files)) {
    if (path !== "package.json" && !path.endsWith("/package.json")) continue;
    const manifest = parse(text);
    if (manifest === null) return false;
    if (namesCompiler(manifest)) return false;
    const body = manifest.scripts?.[script];
    if (body === undefined) continue;
    if (typeof body !== "string" || !onlyRunsNode(body)) return false;
    defined = true;
  }
  return defined;
}
