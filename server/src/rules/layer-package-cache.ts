// layer-package-cache: package-manager caches left in a layer of the final image (apt lists, apk
// index, pip wheels, yum/dnf metadata, yarn cache) weigh on every pull for nothing.

import type { Rule, Fix } from "./types";
import { systemPackageCommand } from "../model/commands";
import { variableFor } from "../model/environment";
import { finalImageStages, isInFinalImage } from "../model/final-image";
import { hasVolatileMountAt, mountsOf } from "../model/mounts";
import type { ShellCommand, Word } from "../model/shell";
import type { Range } from "../model/text";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { appendToRun, insertOptionAfter } from "../fixes/cache-cleanup";

const RPM_INSTALL = new Set(["install", "in", "reinstall", "rei", "upgrade", "up", "update", "upgrade-minimal", "up-min", "localinstall", "groupinstall", "distro-sync"]);
const TRUTHY = new Set(["1", "true", "on", "yes"]);

export const rule: Rule = {
  meta: {
    id: "layer-package-cache",
    family: "layers",
    severity: "info",
    description: "Keep package-manager caches out of the layers of the final image.",
    fix: "safe",
    equivalents: { hadolint: ["DL3009", "DL3019", "DL3042", "DL3032", "DL3040", "DL3060"] },
    messages: {
      aptLists: "'{command}' leaves the package lists in the image (tens of MB); add '&& rm -rf /var/lib/apt/lists/*' to the same RUN.",
      aptArchives: "'{command}' keeps the downloaded packages in /var/cache/apt because docker-clean was disabled; mount a cache at /var/cache/apt or run 'apt-get clean' in the same RUN.",
      apkCache: "'{command}' leaves the package index in /var/cache/apk; use 'apk add --no-cache'.",
      pipCache: "'{command}' keeps downloaded wheels in the pip cache inside the image; add '--no-cache-dir' (or set PIP_NO_CACHE_DIR=1).",
      rpmCache: "'{command}' leaves the package metadata and cache in the image; add '&& {clean}' to the same RUN.",
      yarnCache: "'{command}' leaves the yarn cache in the image; add '&& yarn cache clean' to the same RUN.",
    },
  },
  check(model, report) {
    const finals = finalImageStages(model);
    // Stages whose image has docker-clean disabled (inherited through `FROM <stage>`).
    const keepsDebs = new Set<Stage | null>();
    for (const instruction of model.instructions) {
      const stage = instruction.stage;
      if (instruction.keyword === "FROM" && stage?.base.stage && keepsDebs.has(stage.base.stage)) keepsDebs.add(stage);
      const run = instruction.trigger ?? instruction;
      if (run.keyword !== "RUN") continue;
      const commands = run.commands;
      if (commands.some(disablesDockerClean)) keepsDebs.add(stage);
      const dockerCleanDisabled = keepsDebs.has(stage);
      // Builder stages only copied from: their caches never ship (a cache mount is the better
      // remedy there, see fixes/cache-mount.ts, but nothing needs reporting).
      if (!isInFinalImage(model, instruction, finals)) continue;
      checkApt(model, instruction, commands, dockerCleanDisabled, report);
      commands.forEach((command, i) => {
        const later = commands.slice(i + 1);
        const pkg = systemPackageCommand(command);
        if (pkg?.manager === "apk" && pkg.actionWord?.value === "add") {
          if (pkg.options.some((o) => o.value === "--no-cache")) return;
          if (hasVolatileMountAt(run, "/var/cache/apk") || later.some((c) => removes(c, ["/var/cache/apk", "/etc/apk/cache"]))) return;
          // With `apk update` in the same RUN the index is written before `add` runs: adding
          // `--no-cache` alone would not remove it, so no automatic fix.
          const edits = commands.some((c) => systemPackageCommand(c)?.manager === "apk" && c.args.some((a) => a.value === "update")) ? null : insertOptionAfter(pkg.actionWord, "--no-cache");
          report({ range: span(command, pkg.actionWord), messageId: "apkCache", data: { command: text(command, pkg.actionWord) }, fix: edits ? fixOf("Use 'apk add --no-cache'", edits) : undefined });
        } else if (pkg && (pkg.manager === "yum" || pkg.manager === "dnf" || pkg.manager === "microdnf") && pkg.actionWord && RPM_INSTALL.has(pkg.actionWord.value)) {
          if (later.some(cleansRpm) || ["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"].some((d) => hasVolatileMountAt(run, d))) return;
          const manager = command.name === "tdnf" ? "tdnf" : pkg.manager;
          const clean = manager === "yum" ? "yum clean all && rm -rf /var/cache/yum" : `${manager} clean all`;
          const edits = appendToRun(model, instruction, clean);
          report({ range: span(command, pkg.actionWord), messageId: "rpmCache", data: { command: text(command, pkg.actionWord), clean }, fix: edits ? fixOf(`Add '${clean}'`, edits) : undefined });
        } else {
          const pipInstall = pipInstallWord(command);
          if (pipInstall) {
            if (command.args.some((a) => a.value === "--no-cache-dir" || a.value === "--no-cache" || a.value.startsWith("--no-cache-dir="))) return;
            if (pipCacheHandled(model, instruction, command, later)) return;
            report({ range: span(command, pipInstall), messageId: "pipCache", data: { command: text(command, pipInstall) }, fix: fixOf("Add '--no-cache-dir'", insertOptionAfter(pipInstall, "--no-cache-dir")) });
          } else if (isYarnInstall(command)) {
            if (later.some((c) => c.name === "yarn" && c.args[0]?.value === "cache" && c.args[1]?.value === "clean")) return;
            if (later.some((c) => removes(c, ["/usr/local/share/.cache/yarn", "/root/.cache/yarn"]))) return;
            if (mountsOf(run).some((m) => (m.type === "cache" || m.type === "tmpfs") && m.target !== null && /yarn/.test(m.target))) return;
            const last = command.args.find((a) => a.value === "install") ?? (command.program as Word);
            const edits = appendToRun(model, instruction, "yarn cache clean");
            report({ range: span(command, last), messageId: "yarnCache", data: { command: text(command, last) }, fix: edits ? fixOf("Add 'yarn cache clean'", edits) : undefined });
          }
        }
      });
    }
  },
};

function fixOf(title: string, edits: Fix["edits"]): Fix {
  return { title, edits };
}

function checkApt(model: DockerfileModel, instruction: Instruction, commands: ShellCommand[], dockerCleanDisabled: boolean, report: Parameters<Rule["check"]>[1]): void {
  const run = instruction.trigger ?? instruction;
  commands.forEach((command, i) => {
    const pkg = systemPackageCommand(command);
    if (pkg?.manager !== "apt" || !pkg.actionWord) return;
    const later = commands.slice(i + 1);
    if (pkg.action === "update") {
      if (hasVolatileMountAt(run, "/var/lib/apt/lists")) return;
      if (later.some((c) => removes(c, ["/var/lib/apt/lists", "/var/lib/apt"]))) return;
      const edits = appendToRun(model, instruction, "rm -rf /var/lib/apt/lists/*");
      // A suggestion: a later RUN that installs without its own `apt-get update` needs the lists.
      report({ range: span(command, pkg.actionWord), messageId: "aptLists", data: { command: text(command, pkg.actionWord) }, suggest: edits ? [fixOf("Remove the apt lists in the same RUN", edits)] : undefined });
    } else if (pkg.action === "install" || pkg.action === "upgrade") {
      if (!dockerCleanDisabled || hasVolatileMountAt(run, "/var/cache/apt")) return;
      if (later.some((c) => removes(c, ["/var/cache/apt"]) || (systemPackageCommand(c)?.manager === "apt" && c.args.some((a) => a.value === "clean" || a.value === "autoclean")))) return;
      report({ range: span(command, pkg.actionWord), messageId: "aptArchives", data: { command: text(command, pkg.actionWord) } });
    }
  });
}

/** `rm /etc/apt/apt.conf.d/docker-clean`, or configuring apt to keep downloaded packages. */
function disablesDockerClean(command: ShellCommand): boolean {
  if (command.name === "rm" && command.args.some((a) => a.value.endsWith("/etc/apt/apt.conf.d/docker-clean"))) return true;
  return command.words.some((w) => w.value.includes("Keep-Downloaded-Packages") && w.value.includes("true"));
}

/** True when `command` deletes one of `dirs` or something inside it (`rm -rf /var/lib/apt/lists/*`). */
function removes(command: ShellCommand, dirs: string[]): boolean {
  const isRm = command.name === "rm" || (command.name === "find" && command.args.some((a) => a.value === "-delete" || a.value === "-exec"));
  if (!isRm) return false;
  return command.args.some((a) => dirs.some((d) => a.value === d || a.value.startsWith(`${d}/`)));
}

function cleansRpm(command: ShellCommand): boolean {
  const pkg = systemPackageCommand(command);
  if (pkg && (pkg.manager === "yum" || pkg.manager === "dnf" || pkg.manager === "microdnf") && command.args.some((a) => a.value === "clean") && command.args.some((a) => a.value === "all")) return true;
  return removes(command, ["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"]);
}

/** The `install` word of `pip install` / `python -m pip install`; pipx and pipenv are other tools. */
function pipInstallWord(command: ShellCommand): Word | null {
  const args = command.args;
  let rest = args;
  if (/^pip(?:\d+(?:\.\d+)?)?$/.test(command.name)) rest = args;
  else if (/^python(?:\d+(?:\.\d+)?)?$/.test(command.name) && args[0]?.value === "-m" && /^pip(?:\d+(?:\.\d+)?)?$/.test(args[1]?.value ?? "")) rest = args.slice(2);
  else return null;
  const sub = rest.find((a) => !a.value.startsWith("-"));
  return sub?.value === "install" ? sub : null;
}

function pipCacheHandled(model: DockerfileModel, instruction: Instruction, command: ShellCommand, later: ShellCommand[]): boolean {
  const run = instruction.trigger ?? instruction;
  const value = instruction.stage
    ? variableFor(model, instruction.stage, run, command, "PIP_NO_CACHE_DIR")
    : (command.assignments.find((a) => a.value.startsWith("PIP_NO_CACHE_DIR="))?.value.slice("PIP_NO_CACHE_DIR=".length) ?? exported(run, command, "PIP_NO_CACHE_DIR"));
  if (value !== null && value !== undefined && TRUTHY.has(value.toLowerCase())) return true;
  if (mountsOf(run).some((m) => (m.type === "cache" || m.type === "tmpfs") && m.target !== null && /(?:^|\/)\.cache(?:\/pip)?$/.test(m.target))) return true;
  if (later.some((c) => /^pip\d*$/.test(c.name) && c.args[0]?.value === "cache" && c.args[1]?.value === "purge")) return true;
  return later.some((c) => removes(c, ["/root/.cache", "~/.cache", "$HOME/.cache"]));
}

function exported(run: Instruction, command: ShellCommand, name: string): string | undefined {
  let value: string | undefined;
  for (const c of run.commands) {
    if (c === command) break;
    if (c.name === "export") for (const a of c.args) if (a.value.startsWith(`${name}=`)) value = a.value.slice(name.length + 1);
  }
  return value;
}

function isYarnInstall(command: ShellCommand): boolean {
  if (command.name !== "yarn") return false;
  const positional = command.args.filter((a) => !a.value.startsWith("-"));
  if (positional.length === 0) return !command.args.some((a) => /^(?:-v|--version|-h|--help)$/.test(a.value));
  return positional[0].value === "install";
}

/** From the program word (or first word) to `last`. */
function span(command: ShellCommand, last: Word): Range {
  const first = command.program ?? command.words[0];
  return { start: first.range.start, end: last.range.end };
}

function text(command: ShellCommand, last: Word): string {
  const first = command.program ?? command.words[0];
  const from = command.words.indexOf(first);
  const to = command.words.indexOf(last);
  return command.words.slice(from, to + 1).map((w) => w.value).join(" ");
}
