// Real-project cases live in ../shared/corpus/projects (third-party files, never copied into the
// product). This module finds them and lays a case out as a build context in a scratch folder,
// recreating the `.git` folders a git repository cannot store (case.json `git_dirs`).

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const PROJECTS_ROOT = resolve(__dirname, "../../../../shared/corpus/projects");

export interface CaseInfo {
  /** Folder name under lint/ or convert/. */
  name: string;
  /** The case folder in ../shared. */
  folder: string;
  /** The Dockerfile's path inside the folder. */
  dockerfile: string;
  repo: string;
  gitDirs: string[];
}

export function projectsAvailable(): boolean {
  return existsSync(join(PROJECTS_ROOT, "lint")) && existsSync(join(PROJECTS_ROOT, "convert"));
}

/** The cases of `../shared/corpus/projects/<kind>`, or of any folder laid out the same way (a held-out set). */
export function listCases(kind: "lint" | "convert", root = join(PROJECTS_ROOT, kind)): CaseInfo[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, "case.json")))
    .map((e) => {
      const folder = join(root, e.name);
      const meta = JSON.parse(readFileSync(join(folder, "case.json"), "utf8")) as { dockerfile: string; repo: string; git_dirs?: string[] };
      return { name: e.name, folder, dockerfile: meta.dockerfile, repo: meta.repo, gitDirs: meta.git_dirs ?? [] };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Copies every case into one scratch folder (one sub-folder per case) with its `.git` folders. */
export function layOut(cases: readonly CaseInfo[]): { root: string; pathOf: (c: CaseInfo) => string } {
  const root = mkdtempSync(join(tmpdir(), "stagecraft-realworld-"));
  for (const c of cases) {
    const target = join(root, c.name);
    cpSync(c.folder, target, { recursive: true });
    for (const dir of c.gitDirs) mkdirSync(join(target, dir), { recursive: true });
  }
  return { root, pathOf: (c) => join(root, c.name, c.dockerfile) };
}
