// A model with ShellCheck's results among its build-context facts: the engine's side of the
// hand-over from a host that ran the binary (host/shellcheck.ts).

import type { ShellcheckComment } from "./shellcheck-scripts";
import type { DockerfileModel } from "./types";

/** The same model, its context carrying `results` (comments per RUN script text). */
export function withShellcheck(model: DockerfileModel, results: ReadonlyMap<string, readonly ShellcheckComment[]>): DockerfileModel {
  return { ...model, context: { ...model.context, shellcheck: results } };
}
