// An oracle for the dockerfile-ast speed patch (patches/dockerfile-ast+*+speed.patch): the library
// as published on npm with every one of our dockerfile-ast patches applied except the speed one, in
// a temp folder, with copies of dockerfile-utils and dockerfile-language-service (patched as in
// node_modules) that load it. A test can then ask both builds the same questions and require the
// same answers. The tarball comes through `npm pack` (the npm cache when it holds it).

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const MODULES = path.join(ROOT, "node_modules");

/** The three libraries as loaded from one folder, typed loosely: the test duck-types them. */
export interface AstBuild {
  ast: typeof import("dockerfile-ast");
  utils: typeof import("dockerfile-utils");
  service: typeof import("dockerfile-language-service");
}

export interface Oracle {
  build: AstBuild;
  /** The patches applied to the npm tarball, in order. */
  patches: string[];
  dispose(): void;
}

/** dockerfile-ast from npm plus every patch of ours for it but the speed patch. */
export function loadOracle(): Oracle {
  const version = (JSON.parse(fs.readFileSync(path.join(MODULES, "dockerfile-ast/package.json"), "utf8")) as { version: string }).version;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "stagecraft-ast-oracle-"));
  try {
    execFileSync("npm", ["pack", `dockerfile-ast@${version}`, "--pack-destination", folder, "--prefer-offline", "--silent"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const tarball = path.join(folder, `dockerfile-ast-${version}.tgz`);
    const modules = path.join(folder, "node_modules");
    fs.mkdirSync(modules);
    execFileSync("tar", ["xzf", tarball, "-C", folder]);
    fs.renameSync(path.join(folder, "package"), path.join(modules, "dockerfile-ast"));

    const patches = fs
      .readdirSync(path.join(ROOT, "patches"))
      .filter((name) => name.startsWith(`dockerfile-ast+${version}`) && name.endsWith(".patch") && !name.includes("+speed"))
      .sort();
    for (const patch of patches) {
      // the patch names node_modules/dockerfile-ast/..., relative to the folder holding node_modules
      execFileSync("git", ["apply", "--whitespace=nowarn", path.join(ROOT, "patches", patch)], { cwd: folder, stdio: ["ignore", "ignore", "pipe"] });
    }

    for (const shared of ["vscode-languageserver-types", "vscode-languageserver-textdocument"]) {
      fs.symlinkSync(path.join(MODULES, shared), path.join(modules, shared), "dir");
    }
    for (const user of ["dockerfile-utils", "dockerfile-language-service"]) {
      fs.cpSync(path.join(MODULES, user), path.join(modules, user), { recursive: true });
    }
    const load = <T>(name: string) => createRequire(path.join(modules, "oracle.js"))(name) as T;
    const build: AstBuild = {
      ast: load("dockerfile-ast"),
      utils: load("dockerfile-utils"),
      service: load("dockerfile-language-service"),
    };
    return {
      build,
      patches,
      dispose: () => fs.rmSync(folder, { recursive: true, force: true }),
    };
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** The libraries as the project uses them (node_modules, every patch applied). */
export function loadPatched(): AstBuild {
  const load = createRequire(path.join(ROOT, "package.json"));
  return {
    ast: load("dockerfile-ast") as typeof import("dockerfile-ast"),
    utils: load("dockerfile-utils") as typeof import("dockerfile-utils"),
    service: load("dockerfile-language-service") as typeof import("dockerfile-language-service"),
  };
}
