// run-apt-get-recommends: hadolint DL3015. apt-get installs "recommended" packages by default,
// often doubling what lands in the image. Stage-aware, unlike hadolint: a throwaway builder stage
// ships nothing, so only stages that end up in the final image are checked, and a stage whose
// lineage configures `APT::Install-Recommends` once (an apt.conf.d file) is left alone, as is an
// install whose RUN later purges what was only recommended, and a development, CI or build image.
// Also left alone: an install in an opt-in branch a plain build skips (`if [ ${INSTALL_X} = true ]`),
// and packages whose recommends are part of how they run (a browser, the Docker engine), and an
// install of only packages that have no Recommends (ca-certificates, tzdata), where the flag
// changes nothing. `apt install` is read like `apt-get install`: it installs recommends the same.

import { insertOptionAfter } from "../fixes/cache-cleanup";
import { readAptOrAptGet } from "../model/apt-get";
import { hasNoRecommends } from "../model/apt-no-recommends";
import { finalImageStages, isInFinalImage } from "../model/final-image";
import { optInCommands } from "../model/opt-in-branch";
import { allRunInstructions } from "../model/run-instructions";
import { lineage } from "../model/stage-graph";
import { developmentPurpose } from "../model/stage-purpose";
import type { DockerfileModel, Instruction } from "../model/types";
import type { Rule } from "./types";

const CONFIG = /Install-Recommends/i;
/** The apt.conf key a RUN sets (not the `--no-install-recommends` flag, which holds for its own install only). */
const CONFIG_KEY = /APT::Install-Recommends/i;
const RECOMMENDS_NOT_IMPORTANT = /^APT::AutoRemove::RecommendsImportant=(?:false|0|no)$/i;
/**
 * Packages (or a local `.deb` of one) whose recommends they need to work as installed: a headless
 * browser's sandbox, fonts and GPU helpers; the Docker engine's apparmor parser, iptables and
 * compression helpers a daemon run inside the image starts with.
 */
const NEEDS_RECOMMENDS =
  /^(?:.*\/)?(?:chromium(?:-browser)?|google-chrome-(?:stable|beta|unstable)|firefox(?:-esr)?|docker-ce|docker-engine|moby-engine|libvulkan1|ocl-icd-libopencl1)(?:[=_].*)?(?:\.deb)?$/;
/**
 * HTTPS clients that get the CA bundle only as a recommendation (curl and wget through their TLS
 * library, git through libcurl): without recommends, `ca-certificates` must be named, or every
 * HTTPS call fails on a bare Debian or Ubuntu base.
 */
const HTTPS_CLIENT = /^(?:curl|wget|git|libcurl4(?:-openssl-dev|-gnutls-dev|t64)?)(?:[=:].*)?$/;

/** True when the install names a package that needs its recommends. */
function needsRecommends(packages: readonly string[]): boolean {
  return packages.some((p) => NEEDS_RECOMMENDS.test(p));
}

/**
 * True when a later command of `run` removes the packages only recommendations kept:
 * `apt-get purge --auto-remove -o APT::AutoRemove::RecommendsImportant=false`.
 */
function purgesRecommends(run: Instruction, after: number): boolean {
  return run.commands.slice(after + 1).some((command) => {
    const call = readAptOrAptGet(command);
    const sub = call?.subcommand?.value;
    if (!call || (sub !== "autoremove" && !((sub === "purge" || sub === "remove") && call.options.some((o) => /^--auto-?remove$/.test(o.value))))) return false;
    return call.options.some((o) => RECOMMENDS_NOT_IMPORTANT.test(o.value));
  });
}

/** True when a RUN of the stage lineage before `run` mentions APT::Install-Recommends (configures it). */
function isConfigured(model: DockerfileModel, run: Instruction): boolean {
  const stages = run.stage ? lineage(run.stage) : [];
  for (const s of stages)
    for (const i of s.instructions) {
      if (i.ordinal >= run.ordinal) break;
      if (i.keyword === "RUN" && CONFIG_KEY.test(model.lines.textIn(i.range))) return true;
    }
  return false;
}

export const rule: Rule = {
  meta: {
    id: "run-apt-get-recommends",
    family: "run",
    severity: "info",
    description: "Install apt packages with --no-install-recommends in images that ship.",
    fix: "suggestion",
    equivalents: { hadolint: ["DL3015"] },
    messages: {
      recommends: "'{program} install' also installs recommended packages into the image; add --no-install-recommends.",
      recommendsCertificates: "'{program} install' adds recommended packages; add --no-install-recommends and ca-certificates.",
    },
  },
  check(model, report) {
    // A development, CI or build-environment image wants the packages whole (docs, completions).
    if (developmentPurpose(model) !== null) return;
    const finalStages = finalImageStages(model);
    for (const run of allRunInstructions(model)) {
      if (!isInFinalImage(model, run, finalStages)) continue;
      const optIn = optInCommands(model, run);
      for (const [index, command] of run.commands.entries()) {
        const call = readAptOrAptGet(command);
        if (call?.subcommand?.value !== "install" || optIn.has(command)) continue;
        if (call.options.some((o) => o.value === "--no-install-recommends" || CONFIG.test(o.value))) continue;
        const packages = command.args.filter((w) => w !== call.subcommand && !call.options.includes(w)).map((w) => w.value);
        if (packages.length === 0) continue;
        if (needsRecommends(packages) || packages.every(hasNoRecommends)) continue;
        if (isConfigured(model, run) || purgesRecommends(run, index)) continue;
        // A suggestion: a package may need what it recommends (fonts, CA certificates) to work.
        const packageWords = command.args.filter((w) => w !== call.subcommand && !call.options.includes(w));
        const needsCertificates = packages.some((p) => HTTPS_CLIENT.test(p)) && !packages.some((p) => /^ca-certificates(?:[=:].*)?$/.test(p));
        if (needsCertificates) {
          report({
            range: call.subcommand.range,
            messageId: "recommendsCertificates",
            data: { program: command.name },
            suggest: [
              {
                title: "Add --no-install-recommends and ca-certificates",
                edits: [
                  ...insertOptionAfter(call.subcommand, "--no-install-recommends"),
                  ...insertOptionAfter(packageWords[packageWords.length - 1], "ca-certificates"),
                ],
              },
            ],
          });
          continue;
        }
        report({
          range: call.subcommand.range,
          messageId: "recommends",
          data: { program: command.name },
          suggest: [{ title: "Add --no-install-recommends", edits: insertOptionAfter(call.subcommand, "--no-install-recommends") }],
        });
      }
    }
  },
};
