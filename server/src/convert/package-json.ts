// What the planner reads in a project's package.json (from the build-context facts): the scripts,
// which programs a script runs, and whether those come from devDependencies.

import type { DockerfileModel } from "../model/types";

export interface PackageJson {
  scripts: Readonly<Record<string, string>>;
  dependencies: ReadonlySet<string>;
  devDependencies: ReadonlySet<string>;
}

/** Programs a script may start that no package provides (shell built-ins, Node.js itself, package managers). */
const NOT_FROM_PACKAGES = new Set([
  "node",
  "npm",
  "npx",
  "yarn",
  "pnpm",
  "corepack",
  "cd",
  "echo",
  "exec",
  "env",
  "export",
  "true",
  "test",
  "sh",
  "bash",
  "rm",
  "cp",
  "mv",
  "mkdir",
]);
/** Executables whose package has another name. */
const BIN_PACKAGES: Readonly<Record<string, string>> = {
  tsc: "typescript",
  "ts-node-dev": "ts-node-dev",
  ng: "@angular/cli",
  nest: "@nestjs/cli",
  babel: "@babel/cli",
  prisma: "prisma",
};

/** package.json of the folder `path` (relative to the context root, "" for the root); null when unknown or unreadable. */
export function readPackageJson(model: DockerfileModel, path = ""): PackageJson | null {
  const text = model.context.files?.[path === "" ? "package.json" : `${path.replace(/\/+$/, "")}/package.json`];
  if (text === undefined) return null;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const record = (value: unknown): Record<string, string> => (value !== null && typeof value === "object" ? (value as Record<string, string>) : {});
    return {
      scripts: record(json.scripts),
      dependencies: new Set(Object.keys(record(json.dependencies))),
      devDependencies: new Set(Object.keys(record(json.devDependencies))),
    };
  } catch {
    // A package.json that does not parse (truncated by the host's size limit, or broken) tells nothing.
    return null;
  }
}

/** The programs a script runs: the first word of each command, past `VAR=x` assignments and `cross-env`. */
export function scriptPrograms(script: string): string[] {
  const programs: string[] = [];
  for (const part of script.split(/&&|\|\||;|\|/)) {
    const words = part
      .trim()
      .split(/\s+/)
      .filter((w) => w !== "" && !/^[a-z_]\w*=/i.test(w));
    const first = words[0] === "cross-env" ? words.slice(1).find((w) => !w.includes("=")) : words[0];
    if (first !== undefined) programs.push(first);
  }
  return programs;
}

/**
 * The development dependencies a package script needs at run time (`"start": "nodemon server.js"`
 * with nodemon in devDependencies), following `npm run <other>` one level; empty when none.
 */
export function devDependenciesRunBy(pkg: PackageJson, script: string, depth = 0): string[] {
  const body = pkg.scripts[script];
  if (body === undefined) return [];
  const found: string[] = [];
  for (const program of scriptPrograms(body)) {
    if (NOT_FROM_PACKAGES.has(program) || program.startsWith(".") || program.startsWith("/")) continue;
    const name = BIN_PACKAGES[program] ?? program;
    if (pkg.devDependencies.has(name) && !pkg.dependencies.has(name)) found.push(name);
    else if (!pkg.dependencies.has(name) && pkg.devDependencies.size > 0 && !pkg.devDependencies.has(name)) found.push(`${program} (not a dependency)`);
  }
  // `npm run build && npm run serve`: the scripts called are what runs.
  if (depth < 2)
    for (const m of body.matchAll(/\b(?:npm|pnpm|yarn)\s+(?:run(?:-script)?\s+)?([\w:.-]+)/g))
      if (m[1] !== "run") found.push(...devDependenciesRunBy(pkg, m[1], depth + 1));
  return [...new Set(found)];
}

/** The package script a command runs (`npm start`, `npm run serve`, `yarn start`, `pnpm start`), or null. */
export function scriptOfCommand(argv: readonly string[]): string | null {
  const [tool, sub, name] = argv;
  if (tool !== "npm" && tool !== "yarn" && tool !== "pnpm") return null;
  if (sub === "start" || sub === "test") return sub;
  if ((sub === "run" || sub === "run-script") && name !== undefined) return name;
  if (tool !== "npm" && sub !== undefined && !sub.startsWith("-")) return sub;
  return null;
}
