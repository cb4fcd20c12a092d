// final-stage-build-tools: compilers, make, git and -dev headers installed into the final image
// and not removed in the same RUN stay in a layer for good.

import type { Rule } from "./types";
import { systemPackageCommand, SystemPackageCommand } from "../model/commands";
import type { Word } from "../model/shell";
import { isDevelopmentStage } from "../model/stage-purpose";
import { lineage } from "../model/stage-graph";
import type { Instruction } from "../model/types";
import { runCommands } from "../model/run-commands";
import { baseRepositoryOf } from "../images/base-image";
import { toolchainOf } from "../images/toolchains";

const BUILD_TOOLS = new Set([
  "build-essential",
  "build-base",
  "alpine-sdk",
  "gcc",
  "g++",
  "gcc-c++",
  "cpp",
  "clang",
  "llvm",
  "make",
  "cmake",
  "automake",
  "autoconf",
  "libtool",
  "pkg-config",
  "pkgconf",
  "pkgconfig",
  "git",
  "linux-headers",
  "musl-dev",
  "libc6-dev",
  "libc-dev",
  "glibc-devel",
  "kernel-devel",
  "golang",
  "go",
  "rustc",
  "cargo",
  "default-jdk",
  "openjdk-17-jdk",
  "openjdk-21-jdk",
  "ninja-build",
  "meson",
  "bison",
  "flex",
]);

/** `gcc=4:12.2`, `gcc-12`, `libpq-dev`, `openssl-devel`. */
function isBuildTool(pkg: string): boolean {
  const name = pkg
    .replace(/[=<>~].*$/, "")
    .replace(/:(?:amd64|arm64|i386)$/, "")
    .toLowerCase();
  if (name.includes("$")) return false;
  return (
    BUILD_TOOLS.has(name) ||
    /^(?:gcc|g\+\+|clang|llvm)-\d+$/.test(name) ||
    /-dev$|-devel$/.test(name) ||
    /^openjdk\d*-jdk|^java-[\d.]+-openjdk-devel$/.test(name)
  );
}

/** apk's `--virtual NAME` / `-t NAME`: the name is a group, not a package. */
function virtualName(cmd: SystemPackageCommand): string | null {
  const args = cmd.command.args;
  for (let i = 0; i < args.length; i++) {
    const w = args[i].value;
    if ((w === "--virtual" || w === "-t") && args[i + 1]) return args[i + 1].value;
    if (w.startsWith("--virtual=")) return w.slice("--virtual=".length);
  }
  return null;
}

/** True when a later command of the same RUN removes the packages (or their virtual group). */
function isRemovedLater(instruction: Instruction, after: SystemPackageCommand, names: string[], group: string | null): boolean {
  const commands = instruction.commands;
  const start = commands.indexOf(after.command);
  const aptMarkAuto = commands.some((c) => c.name === "apt-mark" && c.args.some((w) => w.value === "auto"));
  for (const c of commands.slice(start + 1)) {
    const cmd = systemPackageCommand(c);
    if (!cmd || cmd.action !== "remove") continue;
    const removed = new Set(cmd.packages.map((p) => p.value.replace(/[=<>~].*$/, "")));
    if (group && removed.has(group)) return true;
    if (names.every((n) => removed.has(n))) return true;
    // The official images' idiom: `apt-mark auto '.*'` then `apt-get purge --auto-remove`.
    if (aptMarkAuto && (cmd.actionWord?.value === "autoremove" || cmd.options.some((o) => o.value === "--auto-remove"))) return true;
  }
  return false;
}

export const rule: Rule = {
  meta: {
    id: "final-stage-build-tools",
    family: "base-images",
    severity: "warning",
    description: "Keep compilers, git and -dev headers out of the final image.",
    fix: "none",
    equivalents: {},
    messages: {
      buildTools:
        "The final stage installs build tools {packages} and keeps them, adding size and attack surface to the runtime image; install them in a build stage, or remove them in the same RUN.",
    },
  },
  check(model, report) {
    const final = model.finalStage;
    if (!final || isDevelopmentStage(final)) return;
    const chain = lineage(final);
    // On a compiler/SDK base the tools are there anyway: final-stage-toolchain is the finding.
    const rootRef = baseRepositoryOf(chain[0]);
    if (rootRef && toolchainOf(rootRef)) return;
    for (const { instruction, command } of runCommands(chain)) {
      const cmd = systemPackageCommand(command);
      if (!cmd || cmd.action !== "install") continue;
      const group = virtualName(cmd);
      const tools: Word[] = cmd.packages.filter((p) => p.value !== group && isBuildTool(p.value));
      if (tools.length === 0) continue;
      const names = tools.map((t) => t.value.replace(/[=<>~].*$/, ""));
      if (isRemovedLater(instruction, cmd, names, group)) continue;
      // No fix: whether the tools are needed at run time (git for a CI agent) is the user's call.
      report({ range: tools[0].range, messageId: "buildTools", data: { packages: names.map((n) => `'${n}'`).join(", ") } });
    }
  },
};
