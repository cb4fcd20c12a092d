// `npm run heldout:cases -- --set test/realworld/heldout/<set> --git-root <dir> --out <dir>`: rebuilds
// a held-out set's case folders from its provenance (`cases.json`: each case's repository, commit,
// `files` and `placeholders`) and snapshots of the repositories, so a set labelled in one session can
// be evaluated again in another (test/realworld/heldout/README.md). The third-party files stay out of
// this repository: they are read from the snapshots each time.
//
// `--git-root` holds one git directory per repository, as `<owner>+<name>/repo` (what the tool
// library's `fetch github:<owner>/<name>` leaves), `<owner>+<name>` or `<owner>__<name>`. Each file
// is taken at the case's recorded commit and nowhere else: a snapshot without that commit is
// reported, not read at another one, since the labels judge the files as they were.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";

/** One case of a set's `cases.json` (the fields this script needs; the rest is copied as is). */
export interface HeldoutCase {
  case: string;
  repo: string;
  commit: string;
  files?: string[];
  placeholders?: string[];
  git_dirs?: string[];
  [field: string]: unknown;
}

/** What became of one case. */
export type CaseOutcome = { case: string; built: true; files: number; placeholders: number } | { case: string; built: false; reason: string; fetch?: string };

/** The git directory of `repo` under `root`, or null when no snapshot of it is there. GitHub's names ignore case (`D4Vinci/Scrapling` is `d4vinci/scrapling`), so the folder's may differ. */
export function gitDirOf(root: string, repo: string): string | null {
  const [owner, name] = repo.split("/");
  const wanted = new Set([`${owner}+${name}`, `${owner}__${name}`].map((n) => n.toLowerCase()));
  const folders = existsSync(root) ? readdirSync(root).filter((entry) => wanted.has(entry.toLowerCase())) : [];
  for (const folder of folders) {
    for (const candidate of [join(root, folder, "repo"), join(root, folder)]) {
      if (existsSync(join(candidate, "HEAD")) && existsSync(join(candidate, "objects"))) return candidate;
    }
  }
  return null;
}

function git(gitDir: string, args: string[]): Buffer {
  return execFileSync("git", [`--git-dir=${gitDir}`, ...args], { maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

function hasCommit(gitDir: string, commit: string): boolean {
  try {
    git(gitDir, ["cat-file", "-e", `${commit}^{commit}`]);
    return true;
  } catch {
    // Not in this snapshot (a newer or shallower copy).
    return false;
  }
}

/** `path` inside `folder`, refusing one that climbs out of it (a malformed cases.json must not write elsewhere). */
function inside(folder: string, path: string): string {
  const target = resolve(folder, path);
  if (target !== folder && !target.startsWith(folder + sep)) throw new Error(`'${path}' is outside the case folder`);
  return target;
}

/** Rebuilds one case folder under `out` from the snapshot under `gitRoot`; an existing folder is replaced. */
export function rebuildCase(entry: HeldoutCase, gitRoot: string, out: string): CaseOutcome {
  // The case name is a folder name (`owner__name__path`): one that is not would have rmSync below replace another folder.
  if (!/^[\w.-]+$/.test(entry.case) || entry.case === "." || entry.case === "..")
    return { case: entry.case, built: false, reason: "its name is not a folder name" };
  if (!entry.files || entry.files.length === 0) return { case: entry.case, built: false, reason: "cases.json lists no files for it (sets before BN)" };
  const gitDir = gitDirOf(gitRoot, entry.repo);
  if (!gitDir) return { case: entry.case, built: false, reason: `no snapshot of ${entry.repo}`, fetch: `github:${entry.repo}` };
  if (!hasCommit(gitDir, entry.commit)) return { case: entry.case, built: false, reason: `the snapshot of ${entry.repo} lacks commit ${entry.commit}` };
  const folder = resolve(out, entry.case);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  try {
    for (const file of entry.files) {
      const target = inside(folder, file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, git(gitDir, ["show", `${entry.commit}:${file}`]));
    }
    const placeholders = entry.placeholders ?? [];
    for (const placeholder of [...placeholders, ...(entry.git_dirs ?? []).map((d) => `${d}/`)]) {
      const target = inside(folder, placeholder);
      if (placeholder.endsWith("/")) mkdirSync(target, { recursive: true });
      else if (!existsSync(target)) {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, "");
      }
    }
    writeFileSync(join(folder, "case.json"), `${JSON.stringify(entry, null, 2)}\n`);
    return { case: entry.case, built: true, files: entry.files.length, placeholders: placeholders.length };
  } catch (error) {
    // Half a case folder would be evaluated as if the project lacked the missing files.
    rmSync(folder, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return { case: entry.case, built: false, reason: stderr || (error instanceof Error ? error.message : String(error)) };
  }
}

/** Rebuilds every case of the set whose `cases.json` is in `setDir`. */
export function rebuildSet(setDir: string, gitRoot: string, out: string): CaseOutcome[] {
  const entries = JSON.parse(readFileSync(join(setDir, "cases.json"), "utf8")) as HeldoutCase[];
  return entries.map((entry) => rebuildCase(entry, gitRoot, out));
}

function main(): void {
  const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const setDir = option("--set");
  const gitRoot = option("--git-root");
  const out = option("--out");
  if (!setDir || !gitRoot || !out) {
    console.error("usage: npm run heldout:cases -- --set test/realworld/heldout/<set> --git-root <snapshots> --out <case folders>");
    process.exit(2);
  }
  const outcomes = rebuildSet(setDir, gitRoot, out);
  const built = outcomes.filter((o) => o.built);
  console.log(`${built.length} of ${outcomes.length} case folders rebuilt in ${out}`);
  for (const o of outcomes) if (!o.built) console.log(`  not rebuilt  ${o.case}: ${o.reason}`);
  const toFetch = [...new Set(outcomes.flatMap((o) => (!o.built && o.fetch ? [o.fetch] : [])))];
  if (toFetch.length > 0) console.log(`Snapshots to fetch first: ${toFetch.join(" ")}`);
  if (built.length < outcomes.length) process.exitCode = 1;
}

if (require.main === module) main();
