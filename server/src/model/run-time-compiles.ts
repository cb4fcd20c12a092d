// Whether the file says the image compiles code when it runs: a comment about JIT-compiled code
// (`# Force '-mtune=generic' for JIT-ed code` above `ENV PYOP2_CFLAGS`), or one that says code is
// compiled at run time. Frameworks that generate and compile C kernels on first use (Firedrake's
// PyOP2, cffi's API mode, PyTorch's inductor, Triton's launchers) need the compilers, MPI wrappers
// and headers in the image that runs; nothing else in the file has to show it.

import { lineage } from "./stage-graph";
import type { DockerfileModel } from "./types";

/** A comment about code compiled when the program runs. */
const RUN_TIME_COMPILE = /\bJIT(?:-?(?:ed|ted|compiled|compilation))?\b|\bjust[- ]in[- ]time\b|\bcompiled? (?:at|during) (?:run[- ]?time|start-?up)\b/i;

/** True when a comment in the final stage or a stage it builds on says the image compiles code when it runs. */
export function saysItCompilesAtRunTime(model: DockerfileModel): boolean {
  const final = model.finalStage;
  if (final === null) return false;
  const ranges = lineage(final).map((s) => s.range);
  return model.comments.some(
    (c) => RUN_TIME_COMPILE.test(c.content) && ranges.some((r) => c.range.start.line >= r.start.line && c.range.start.line <= r.end.line),
  );
}
