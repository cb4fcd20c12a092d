// static-binary-cgo: a Go binary copied into `scratch` or distroless/static must be statically
// linked. `go build` links against glibc when cgo is on, which it is by default wherever a C
// compiler exists (every non-alpine golang image). The binary then fails with "no such file or
// directory" at start, because the dynamic loader is missing.

import type { Fix, Rule } from "./types";
import { buildStepOf } from "../model/build-steps";
import { systemPackageCommand } from "../model/commands";
import { variableFor } from "../model/environment";
import { runCommands } from "../model/run-commands";
import { lineage } from "../model/stage-graph";
import type { ShellCommand } from "../model/shell";
import type { DockerfileModel, Stage } from "../model/types";
import { baseRepositoryOf, rootImageOf } from "../images/base-image";
import { hasNoLibc } from "../images/no-libc";
import { officialName } from "../images/tags";

const C_COMPILERS = new Set(["gcc", "build-base", "clang", "musl-dev", "g++", "alpine-sdk"]);

/** `scratch`, or an image that has no libc (distroless static, chainguard static). */
function staticBaseOf(stage: Stage): string | null {
  const { stage: root, image: ref } = rootImageOf(stage);
  if (root.base.kind === "scratch") return "scratch";
  return ref && hasNoLibc(ref) ? root.base.resolved : null;
}

/** For a builder lineage (root first): the golang image, and whether it has a C compiler (cgo on by default). */
function golangCompiler(chain: Stage[]): { image: string; hasCompiler: boolean } | null {
  const root = chain[0];
  const ref = baseRepositoryOf(root);
  if (!ref || officialName(ref) !== "golang") return null;
  // golang:*-alpine ships no gcc, so cgo is off unless the build installs one.
  const isAlpine = /alpine/.test(root.base.token.value) || /alpine/.test(root.base.resolved);
  const installsCompiler = runCommands(chain).some(({ command }) => {
    const cmd = systemPackageCommand(command);
    return cmd?.action === "install" && cmd.packages.some((p) => C_COMPILERS.has(p.value));
  });
  return { image: root.base.resolved, hasCompiler: !isAlpine || installsCompiler };
}

/**
 * Whether a go build/install may produce one of the copied paths: `-o /out/app` against
 * `/out/app` or `/out`; `go install ./cmd/app` against `/go/bin/app` or `/go/bin`. Builds without
 * a visible output path may produce anything.
 */
function mayProduce(command: ShellCommand, sources: string[]): boolean {
  const args = command.args.map((w) => w.value);
  const related = (out: string) =>
    sources.some((src) => {
      // A wildcard source copies from the folder before it.
      const s = src.split("*")[0].replace(/\/+$/, "");
      const o = out.replace(/\/+$/, "");
      return s === "" || s === o || o.startsWith(`${s}/`) || (!src.includes("*") && s.startsWith(`${o}/`)) || src.includes("$");
    });
  const oIndex = args.findIndex((a) => a === "-o" || a.startsWith("-o="));
  if (oIndex >= 0) {
    const out = args[oIndex] === "-o" ? (args[oIndex + 1] ?? "") : args[oIndex].slice(3);
    return out === "" || out.includes("$") || !out.startsWith("/") || related(out);
  }
  if (args[0] === "install") {
    const pkg =
      args
        .slice(1)
        .filter((a) => !a.startsWith("-"))
        .pop() ?? "";
    const name =
      pkg
        .replace(/@.*$/, "")
        .split("/")
        .filter((x) => x !== "" && x !== "." && x !== "...")
        .pop() ?? "";
    const gobin = command.assignments.find((a) => a.value.startsWith("GOBIN="))?.value.slice("GOBIN=".length) ?? "/go/bin";
    return name === "" || gobin.includes("$") || related(`${gobin}/${name}`);
  }
  return true;
}

function checkSource(model: DockerfileModel, source: Stage, sources: string[]): { build: ReturnType<typeof findBuild>; image: string } | null {
  const chain = lineage(source);
  const compiler = golangCompiler(chain);
  if (!compiler || !compiler.hasCompiler) return null;
  const build = findBuild(model, chain, sources);
  return build ? { build, image: compiler.image } : null;
}

/** The first `go build`/`go install` in the chain that may run with cgo on. */
function findBuild(model: DockerfileModel, chain: Stage[], sources: string[]) {
  for (const { stage, instruction, command } of runCommands(chain)) {
    const step = buildStepOf(command);
    if (!step || step.ecosystem !== "go" || !command.program || !mayProduce(command, sources)) continue;
    const cgo = variableFor(model, stage, instruction, command, "CGO_ENABLED");
    if (cgo === "0") continue;
    // `go env -w CGO_ENABLED=0` earlier in the chain, or an explicitly static external link.
    const envWritten = chain.some((s) =>
      s.instructions.some(
        (i) => i.ordinal <= instruction.ordinal && i.commands.some((c) => c.name === "go" && c.args.some((w) => w.value === "CGO_ENABLED=0")),
      ),
    );
    if (envWritten || command.args.some((w) => /-static\b/.test(w.value))) continue;
    // A variable we cannot resolve may well be 0.
    if (cgo !== undefined && cgo !== null && cgo.includes("$")) continue;
    if (cgo === null) continue;
    return { command, stage };
  }
  return null;
}

export const rule: Rule = {
  meta: {
    id: "static-binary-cgo",
    family: "base-images",
    severity: "warning",
    description: "Build Go binaries for scratch and distroless/static with CGO_ENABLED=0.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      cgo: "Binary from '{stage}' may need libc, absent in '{base}'; build with CGO_ENABLED=0. By default cgo is on in '{image}', so 'go build' may link against glibc and the binary will not start.",
    },
  },
  check(model, report) {
    const final = model.finalStage;
    if (!final) return;
    const base = staticBaseOf(final);
    if (!base) return;
    // Without ENTRYPOINT or CMD the stage is an export of files (`--output`), not an image to run.
    const chain = lineage(final);
    if (!chain.some((s) => s.instructions.some((i) => i.keyword === "ENTRYPOINT" || i.keyword === "CMD"))) return;
    const reported = new Set<Stage>();
    for (const ref of model.references) {
      if (ref.kind !== "copy" || !ref.target || ref.target === final) continue;
      if (!chain.includes(ref.owner)) continue;
      if (reported.has(ref.target)) continue;
      const sources = ref.instruction.args.slice(0, -1).map((a) => a.value);
      const found = checkSource(model, ref.target, sources);
      if (!found || !found.build) continue;
      reported.add(ref.target);
      const program = found.build.command.program!;
      // A suggestion: turning cgo off changes the build (packages that need C will fail to build).
      // Exec form has no shell to read assignments, so `env` sets the variable there.
      const newText = program.json ? '"env", "CGO_ENABLED=0", ' : "CGO_ENABLED=0 ";
      const fix: Fix = { title: "Build with CGO_ENABLED=0", edits: [{ range: { start: program.range.start, end: program.range.start }, newText }] };
      report({
        range: ref.token.range,
        messageId: "cgo",
        data: { base, stage: ref.token.value, image: found.image },
        suggest: [fix],
      });
    }
  },
};
