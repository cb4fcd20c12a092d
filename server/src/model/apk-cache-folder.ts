// Where apk keeps its index and packages during a RUN: /etc/apk/cache when that path exists (a
// folder, a mount, or a link made earlier to another folder), else /var/cache/apk; and whether that
// folder is a cache or tmpfs mount, so nothing of it stays in the layer. Read by layer-package-cache
// through package-caches.ts.

import { isSameOrParentPath, normalizePath } from "./copy-paths";
import { hasVolatileMountAt } from "./mounts";
import type { ShellCommand } from "./shell";
import { lineage } from "./stage-graph";
import type { Instruction, Stage } from "./types";

/** The cache folder apk prefers when it exists; otherwise it caches in /var/cache/apk. */
const APK_LINKED_CACHE = "/etc/apk/cache";
const APK_STATIC_CACHE = "/var/cache/apk";

/**
 * True when the folder `command` (an apk command of the RUN `instruction`) writes its index and
 * packages to is a cache or tmpfs mount, so nothing of it stays in the layer. apk caches in
 * /etc/apk/cache when that path exists (apk-tools: apk_ctx_prepare, apk_db_open), else in
 * /var/cache/apk. A mount at /etc/apk/cache creates it; a symbolic link made there earlier (`ln -s
 * /pkg-cache /etc/apk/cache`, in the RUN or an earlier one of the stage's lineage) sends the cache
 * to the link's target; a folder made there (`mkdir -p /etc/apk/cache`) keeps it in the layer even
 * when /var/cache/apk is mounted.
 */
export function keepsApkCacheInMount(instruction: Instruction, command: ShellCommand): boolean {
  const run = instruction.trigger ?? instruction;
  if (hasVolatileMountAt(run, APK_LINKED_CACHE)) return true;
  return hasVolatileMountAt(run, apkCacheFolderBefore(instruction, command));
}

/** Where apk caches just before `command`: the target of a link at /etc/apk/cache, that folder once made, or /var/cache/apk. */
function apkCacheFolderBefore(instruction: Instruction, command: ShellCommand): string {
  const run = instruction.trigger ?? instruction;
  const atRun = instruction.stage === null ? null : apkCacheAlongStage(instruction.stage).before(instruction);
  const earlierInRun = run.commands.slice(0, run.commands.indexOf(command));
  return earlierInRun.reduce<string | null>(linkedApkCacheAfter, atRun) ?? APK_STATIC_CACHE;
}

/** Where /etc/apk/cache leads before an instruction of a stage (null while the path does not exist), and after the stage. */
interface ApkCacheAlongStage {
  before(instruction: Instruction): string | null;
  after: string | null;
}

// Asked for every apk command: walking the lineage's RUNs for each made a stage of many apk RUNs
// quadratic. One walk per stage instead, each starting from where its base stage leaves the path.
const apkCacheByStage = new WeakMap<Stage, ApkCacheAlongStage>();

function apkCacheAlongStage(stage: Stage): ApkCacheAlongStage {
  const known = apkCacheByStage.get(stage);
  if (known !== undefined) return known;
  // Root first, each stage from where its base leaves the path: no recursion down a long chain of stages.
  let along: ApkCacheAlongStage = { before: () => null, after: null };
  for (const s of lineage(stage)) {
    along = apkCacheByStage.get(s) ?? walkApkCache(s, along.after);
    apkCacheByStage.set(s, along);
  }
  return along;
}

/** Where /etc/apk/cache leads before each instruction of `stage` and after it, starting from `atStart`. */
function walkApkCache(stage: Stage, atStart: string | null): ApkCacheAlongStage {
  let linked = atStart;
  const atInstruction = new Map<Instruction, string | null>();
  for (const instruction of stage.instructions) {
    atInstruction.set(instruction, linked);
    if (instruction.keyword === "RUN") linked = instruction.commands.reduce(linkedApkCacheAfter, linked);
  }
  const after = linked;
  return { before: (instruction) => (atInstruction.has(instruction) ? (atInstruction.get(instruction) ?? null) : after), after };
}

/**
 * Where /etc/apk/cache leads once `command` ran (null while it does not exist), given where it led
 * before: a command that makes the path while it does not exist (`mkdir`, `ln -s`), or one that
 * removes it (`rm -rf /etc/apk/cache`, so a later `mkdir` makes a plain folder of a former link).
 */
function linkedApkCacheAfter(linked: string | null, command: ShellCommand): string | null {
  // A command in a branch or after `||` may not run; an existing /etc/apk/cache stays what it is.
  if (command.depth > 0 || command.joinedBy === "||") return linked;
  const operands = command.args.filter((w) => !w.value.startsWith("-")).map((w) => w.value.replace(/^["']|["']$/g, ""));
  if (linked !== null) return command.name === "rm" && operands.some(removesApkLinkedCache) ? null : linked;
  const names = (path: string): boolean => normalizePath(path) === APK_LINKED_CACHE;
  if (command.name === "mkdir" && operands.some(names)) return APK_LINKED_CACHE;
  // A folder can only be linked symbolically: `ln` without `-s` would fail the build.
  if (command.name !== "ln" || operands.length !== 2 || !names(operands[1]) || operands[0].includes("$")) return null;
  // A relative target (`../../var/cache/apk`) is read from the link's folder.
  return normalizePath(operands[0].startsWith("/") ? operands[0] : `/etc/apk/${operands[0]}`);
}

/** True when `rm` given `operand` removes /etc/apk/cache itself or a folder holding it; not only what is inside (`/etc/apk/cache/*`). */
function removesApkLinkedCache(operand: string): boolean {
  const path = normalizePath(operand);
  return path.startsWith("/") && isSameOrParentPath(path, APK_LINKED_CACHE);
}
