// The runtime stage provides the paths the program writes outside its copied files (a log file in
// /var/log, a data folder), owned by the user that runs it: the original ran as root on a full
// image, where they existed or could be created. With a shell, a RUN creates them; without one
// (distroless, scratch), the builder makes them empty under RUNTIME_PATHS and a COPY --chown brings
// them over. A COPY creates its target with the new owner, but leaves a folder the base already has
// as it was, so a file is provided as the file itself, and a folder the base may hold (`/var/log`)
// only where a shell can chown it (the recipe picks such a runtime).

import { dirname } from "./recipes/shared";
import type { RuntimeImage } from "./runtime-base";
import type { WritablePath } from "./types";
import { chownFlag } from "./users";

/** Where the builder stage prepares the empty files and folders a shell-less runtime receives. */
export const RUNTIME_PATHS = "/runtime-paths";

export interface ProvidedPaths {
  builderLines: string[];
  runtimeLines: string[];
}

function quoteIfNeeded(path: string): string {
  return /[\s"'$`\\]/.test(path) ? JSON.stringify(path) : path;
}

/** The folders and files the runtime stage needs for `paths`, for `user` (null: root). */
export function provideWritablePaths(paths: readonly WritablePath[], runtime: RuntimeImage, user: string | null, builderName: string): ProvidedPaths {
  if (paths.length === 0) return { builderLines: [], runtimeLines: [] };
  const owner = user ?? "";
  const comments = paths.map(
    (p) =>
      `# ${p.evidence} writes ${p.kind === "file" ? p.path : `into ${p.path}`}: ${user ? `created here for '${owner}', who runs the program` : p.kind === "file" ? "its folder is created here" : "the folder is created here"}.`,
  );
  if (runtime.hasShell) {
    const folders = [...new Set(paths.map((p) => (p.kind === "folder" ? p.path : dirname(p.path))))].map(quoteIfNeeded);
    const files = paths.filter((p) => p.kind === "file").map((p) => quoteIfNeeded(p.path));
    const owned = paths.map((p) => quoteIfNeeded(p.path));
    const commands = [`mkdir -p ${folders.join(" ")}`];
    if (user) commands.push(...(files.length > 0 ? [`touch ${files.join(" ")}`] : []), `chown ${user} ${owned.join(" ")}`);
    return { builderLines: [], runtimeLines: [...comments, `RUN ${commands.join(" && ")}`] };
  }
  const prepared = paths.map((p) => ({ ...p, source: `${RUNTIME_PATHS}${p.path}` }));
  const folders = [...new Set(prepared.map((p) => (p.kind === "folder" ? p.source : dirname(p.source))))].map(quoteIfNeeded);
  const files = prepared.filter((p) => p.kind === "file").map((p) => quoteIfNeeded(p.source));
  const builderLines = [`RUN mkdir -p ${folders.join(" ")}${files.length > 0 ? ` && touch ${files.join(" ")}` : ""}`];
  const chown = user ? ` ${chownFlag(user)}` : "";
  const copies = prepared.map((p) => `COPY --from=${builderName}${chown} ${quoteIfNeeded(p.source)} ${quoteIfNeeded(p.path)}`);
  return { builderLines, runtimeLines: [...comments, ...copies] };
}
