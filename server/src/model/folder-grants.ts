// Who the file hands folders to: the grants of ownership (`chown app`, `COPY --chown=app`,
// `install -d -o app`, a home made for a user) and the modes that open a folder to any UID. What
// final-stage-root asks before it names a USER line: whether the file prepared the image for a
// non-root user, and which data folders it left to root.

import { accountHomeOf } from "./account-home";
import { optionValue } from "./command-options";
import { baseName } from "./copy-paths";
import { createdLogin, createdUser, isSharedWriteMode, trimSlash } from "./image-data";
import { perModel } from "./per-model";
import { lineage } from "./stage-graph";
import { stagesCopiedInto } from "./stage-references";
import type { DockerfileModel, Instruction, Stage } from "./types";

/** How the file hands folders over: to a non-root owner, or open to any UID (`shared`); `paths` null when not known (`xargs chown app`). */
interface FolderGrant {
  kind: "owner" | "shared";
  paths: readonly string[] | null;
  /** The folder itself only, not what is made in it later (a user's home: root makes `/app/data` in it afterwards). */
  exact?: true;
}

const isNonRootOwner = (owner: string | null | undefined) => !!owner && !/^(?:root|0)(?::|$)/.test(owner.replace(/^["']|["']$/g, ""));
/** Options that take the next word as their value: `install -o app -m 0755`, `useradd -d /data -s /bin/sh`, `mkdir -m 0777`. */
const INSTALL_VALUE = /^-[gmo]$|^--(?:group|mode|owner)$/;

/**
 * The grants of folders each stage makes: `COPY --chown=app`, `chown app`, `find <dir> -exec chown
 * app`, `xargs chown app` (folders unknown), `install -d -o app <dir>`, a home made for a user
 * (`useradd -m -d /data app`), and modes open to any UID (`chmod 777`, `mkdir -m 0777`, `chgrp -R 0`).
 */
const stageGrants: (model: DockerfileModel) => ReadonlyMap<Stage, readonly FolderGrant[]> = perModel(
  (model) => new Map(model.stages.map((stage) => [stage, grantsIn(stage.instructions)])),
);

/**
 * The grants that reach an image (`chain`: its stage and the stages it is built FROM): those its
 * own stages make, and the modes that open a folder to any UID in a stage it copies from (`mkdir
 * -p /data/uploads && chmod 777 /data/uploads` in a builder, then `COPY --from=builder /data
 * /data`): COPY keeps a file's mode. A builder's owners do not reach it: COPY gives what it copies
 * to root unless told `--chown`, --from included (moby#37123), and a user a builder creates is not
 * in the image.
 */
function grantsOf(model: DockerfileModel, chain: readonly Stage[]): FolderGrant[] {
  const byStage = stageGrants(model);
  const own = chain.flatMap((stage) => byStage.get(stage) ?? []);
  const copiedFrom = new Set(stagesCopiedInto(model, chain).flatMap(lineage));
  const opened = [...copiedFrom].flatMap((stage) => (byStage.get(stage) ?? []).filter((grant) => grant.kind === "shared"));
  return [...own, ...opened];
}

function grantsIn(instructions: readonly Instruction[]): FolderGrant[] {
  const grants: FolderGrant[] = [];
  for (const i of instructions) {
    if (i.keyword === "COPY" || i.keyword === "ADD") {
      const destination = i.args.at(-1)?.value;
      if (i.flags.some((f) => f.name === "chown" && isNonRootOwner(f.value)))
        grants.push({ kind: "owner", paths: destination === undefined ? null : [destination] });
      continue;
    }
    for (const c of i.commands) {
      const words = c.args.map((a) => a.value);
      // Options (`-R`, `--recursive`, `--reference=x`) are not the owner, the mode or the folders.
      const operands = words.filter((v) => !/^-[A-Za-z]+$|^--/.test(v));
      if (c.name === "find") {
        // `find /opt/couchdb ... -exec chown -f couchdb:couchdb '{}' +`: the owner of what find walks.
        const exec = words.findIndex((w) => w === "-exec" || w === "-execdir");
        const owner = words.slice(exec + 2).find((w) => !w.startsWith("-"));
        if (exec > 0 && baseName(words[exec + 1] ?? "") === "chown" && isNonRootOwner(owner)) grants.push({ kind: "owner", paths: [words[0]] });
      } else if (c.name === "chown" && isNonRootOwner(operands[0]))
        // `find /data | xargs chown app` (read as chown's own command): the folders come from the pipe.
        grants.push({ kind: "owner", paths: operands.length > 1 ? operands.slice(1) : null });
      else if ((c.name === "chgrp" && /^(?:0|root)$/.test(operands[0] ?? "")) || (c.name === "chmod" && isSharedWriteMode(operands[0] ?? "")))
        grants.push({ kind: "shared", paths: operands.slice(1) });
      else if (c.name === "install" || c.name === "mkdir") {
        const owner = optionValue(words, ["-o", "--owner"]);
        const mode = optionValue(words, ["-m", "--mode"]);
        const folders = words.filter((w, at) => !w.startsWith("-") && !INSTALL_VALUE.test(words[at - 1] ?? ""));
        if (c.name === "install" && isNonRootOwner(owner)) grants.push({ kind: "owner", paths: folders });
        if (mode !== null && isSharedWriteMode(mode)) grants.push({ kind: "shared", paths: folders });
      } else if ((c.name === "useradd" || c.name === "adduser") && createdLogin(c) !== null) {
        // The home a user is made with is the user's (`useradd -m -d /data app`, `adduser -h /data app`).
        const { makesHome, folder } = accountHomeOf(c);
        if (folder !== null && makesHome) grants.push({ kind: "owner", paths: [folder], exact: true });
      }
    }
  }
  return grants;
}

/** True when `path` (as a command writes it) is `folder`, in it or above it. */
function isRelatedFolder(path: string, folder: string): boolean {
  const p = trimSlash(path.replace(/^["']|["']$/g, ""));
  return p === folder || p.startsWith(folder + "/") || folder.startsWith(p + "/") || p === "";
}

/**
 * The data folders of `paths` the image (`chain`) gives to no non-root user: no grant (grantsOf)
 * of the folder, one in it or one above it. A user the file creates and never switches to cannot
 * write there: the remedy hands them over before its USER line.
 */
export function dataNotGivenToUser(model: DockerfileModel, chain: Stage[], paths: readonly string[]): string[] {
  const grants = grantsOf(model, chain);
  return paths.filter(
    (folder) => !grants.some((g) => g.paths === null || g.paths.some((p) => (g.exact === true ? trimSlash(p) === folder : isRelatedFolder(p, folder)))),
  );
}

/**
 * True when the image (`chain`) is prepared for a non-root user to own `paths` (its data folders):
 * it creates a user or gives files to one (`useradd app`, `chown app`, `COPY --chown=app`), or
 * makes one of those folders (or a folder in or above one) writable for any UID (`chmod 777
 * /data/uploads`, `chgrp -R 0 /var/lib/app` for OpenShift's arbitrary UIDs).
 */
export function preparesUserFor(model: DockerfileModel, chain: Stage[], paths: readonly string[]): boolean {
  if (createdUser(chain) !== null) return true;
  return grantsOf(model, chain).some(
    (g) => g.kind === "owner" || (g.kind === "shared" && g.paths !== null && g.paths.some((p) => paths.some((d) => isRelatedFolder(p, d) && p !== ""))),
  );
}
