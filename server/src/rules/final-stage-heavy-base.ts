// final-stage-heavy-base: the final stage's base has a published smaller variant (slim, alpine,
// JRE); the message gives the saving from the size facts, and a suggestion switches the tag.

import { contextJsonFile, isRecord } from "../model/json-files";
import type { Fix, ReportFn, Rule } from "./types";
import type { DockerfileModel, Instruction } from "../model/types";
import { startPathScripts } from "../model/start-path-scripts";
import { simpleCommands } from "../model/script-words";
import { detectBuildSteps } from "../model/build-steps";
import { systemPackageCommand } from "../model/commands";
import { isPerBaseVersionImage, slimSiblingOf } from "../model/dockerfile-variants";
import { imageRole } from "../model/image-role";
import { sourceBuildOnImageToolchain } from "../model/native-builds";
import { checkImagesThatShip, shippedImageWords } from "../model/pushed-images";
import { developmentPurpose } from "../model/stage-purpose";
import { formatSaving, formatSize } from "../images/format-size";
import { baseImageOf } from "../images/base-image";
import { toolchainOf } from "../images/toolchains";
import { smallerVariants } from "../images/variants";
import { replaceImageTag } from "../fixes/image-tag";
import { callersPassAll, contextFiles } from "../model/context";
import { variableNames } from "../model/variables";

/** Tools of the full Debian-based language images that their slim and Alpine variants lack. */
const FULL_IMAGE_TOOLS = new Set(["curl", "wget", "git", "gcc", "g++", "make", "ssh", "scp", "unzip", "bzip2", "xz", "gpg", "hg", "svn"]);

/** Commands of the Debian/Ubuntu userland that Alpine lacks (busybox has `adduser`/`addgroup`, no bash). */
const DEBIAN_USERLAND = new Set(["apt", "apt-get", "dpkg", "groupadd", "useradd", "usermod", "groupmod", "bash"]);

/**
 * True when the stage relies on its Debian/Ubuntu base: it installs with apt or dpkg, manages users
 * with shadow's groupadd/useradd, or runs bash (in a RUN or as the start command, `/bin/bash start.sh`).
 */
function reliesOnDebianUserland(instructions: readonly Instruction[]): boolean {
  return instructions.some(
    (i) =>
      i.commands.some((c) => systemPackageCommand(c)?.manager === "apt" || DEBIAN_USERLAND.has(c.name)) ||
      ((i.keyword === "CMD" || i.keyword === "ENTRYPOINT" || i.keyword === "SHELL") &&
        i.args.some((a) => /^["']?(?:\/usr)?(?:\/bin\/)?bash["']?$/.test(a.value))),
  );
}

/**
 * Tools of a JDK that a JRE lacks: `jar -xf app.jar` unpacking the archive, `jlink`, `javac`; and the
 * JVM build tools that compile with the JDK's compiler (`mvn`, `gradle`, `sbt`): an image that runs
 * one is a build tool's image (held-out BB, docker-maven's own `CMD ["mvn"]`: the JRE judged wrong).
 */
const JDK_TOOLS = new Set([
  "jar",
  "javac",
  "jlink",
  "jdeps",
  "jpackage",
  "jshell",
  "jcmd",
  "jmap",
  "jstack",
  "jarsigner",
  "javadoc",
  "jmod",
  "mvn",
  "mvnw",
  "gradle",
  "gradlew",
  "sbt",
  "ant",
  "lein",
  "mill",
]);

/** True when the stage runs a JDK tool, in a RUN or as its start command. */
function usesJdkTool(instructions: readonly Instruction[]): boolean {
  return instructions.some(
    (i) =>
      i.commands.some((c) => JDK_TOOLS.has(c.name)) ||
      ((i.keyword === "CMD" || i.keyword === "ENTRYPOINT") &&
        JDK_TOOLS.has(
          i.args[0]?.value
            .replace(/^\[?["']?|["',\]]+$/g, "")
            .split("/")
            .pop() ?? "",
        )),
  );
}

/** True when a RUN calls one of FULL_IMAGE_TOOLS before any package install in the stage names it. */
function usesToolBeforeInstall(instructions: readonly Instruction[]): boolean {
  const installed = new Set<string>();
  for (const i of instructions) {
    if (i.keyword !== "RUN") continue;
    for (const c of i.commands) {
      const cmd = systemPackageCommand(c);
      if (cmd?.action === "install") for (const p of cmd.packages) installed.add(p.value.replace(/[=<>~].*$/, ""));
      if (FULL_IMAGE_TOOLS.has(c.name) && !installed.has(c.name) && !(c.name === "gpg" && installed.has("gnupg"))) return true;
    }
  }
  return false;
}

/**
 * The first of FULL_IMAGE_TOOLS the running container calls and no RUN of the stage installs: in
 * its HEALTHCHECK, its CMD or ENTRYPOINT, or a script of the start path the host read
 * (`HEALTHCHECK CMD curl --fail http://localhost`, an entrypoint that `wget`s its config). The
 * smaller variant lacks it, so the container fails at run time, not at build; null when none.
 */
function runtimeToolOfFullImage(model: DockerfileModel, instructions: readonly Instruction[]): string | null {
  const installed = new Set<string>();
  for (const i of instructions) {
    for (const c of i.keyword === "RUN" ? i.commands : []) {
      const cmd = systemPackageCommand(c);
      if (cmd?.action === "install") for (const p of cmd.packages) installed.add(p.value.replace(/[=<>~].*$/, ""));
    }
  }
  const scripts: string[] = [];
  for (const i of instructions) {
    if (i.keyword !== "HEALTHCHECK" && i.keyword !== "CMD" && i.keyword !== "ENTRYPOINT") continue;
    scripts.push(i.args.map((a) => a.value).join(" "));
  }
  scripts.push(...startPathScripts(model).map(([, text]) => text));
  for (const script of scripts) {
    for (const words of simpleCommands(script)) {
      const program = words.find((w) => !/^(?:CMD|NONE|exec|then|do|else|if|!|sudo|\[|-[\w-]+(?:=\S*)?)$/.test(w) && !/^\w+=/.test(w));
      const name =
        (program ?? "")
          .replace(/^[[,"']+|[\],"']+$/g, "")
          .split("/")
          .pop() ?? "";
      if (FULL_IMAGE_TOOLS.has(name) && !installed.has(name)) return name;
    }
  }
  return null;
}

/** Packages of an install that bring OpenSSL's shared library (`openssl` pulls `libssl3` in on Debian). */
const OPENSSL = /^(?:openssl|libssl\d[\w.]*|openssl-libs|libssl)$/;

/** A word that names Prisma: its CLI (`npx prisma generate`), its client, or its schema file. */
const PRISMA_WORD = /(?:^|[\s/"'@])(?:prisma|@prisma\/client|schema\.prisma)(?=$|[\s/"'@])/;

/** True when the context's package.json at `path` declares Prisma (`prisma` or `@prisma/client`) as a dependency. */
function declaresPrisma(files: Readonly<Record<string, string>>, path: string): boolean {
  const manifest = contextJsonFile(files, path);
  return ["dependencies", "devDependencies"].some((key) => {
    const deps = manifest?.[key];
    return isRecord(deps) && ("prisma" in deps || "@prisma/client" in deps);
  });
}

/**
 * What the app needs from the system that the slim and Alpine variants lack, as packages to install
 * with the switch and what needs them: Prisma's query engine loads libssl, which the full Debian
 * images ship and `node:*-slim`/`-alpine` do not (Prisma then fails at start, or picks an engine the
 * client was not generated for). Read from any stage (the builder's `npm i -g prisma` or
 * `npx prisma generate`, a `COPY prisma ./prisma`) and from the package.json files the host read.
 * Null when nothing says so, or the final stage installs OpenSSL itself.
 */
function runTimeLibraryNeed(model: DockerfileModel, finalInstructions: readonly Instruction[]): { packages: string; needs: string } | null {
  const installsOpenSsl = finalInstructions.some((i) =>
    i.commands.some((c) => {
      const cmd = systemPackageCommand(c);
      return cmd?.action === "install" && cmd.packages.some((p) => OPENSSL.test(p.value.replace(/[=<>~].*$/, "")));
    }),
  );
  if (installsOpenSsl) return null;
  const inFile = model.stages.some((stage) =>
    stage.instructions.some((i) => i.keyword !== "FROM" && i.keyword !== "LABEL" && i.args.some((a) => PRISMA_WORD.test(a.value))),
  );
  const inManifest = Object.keys(contextFiles(model.context)).some(
    (path) => /(?:^|\/)package\.json$/.test(path) && declaresPrisma(contextFiles(model.context), path),
  );
  return inFile || inManifest ? { packages: "'openssl'", needs: "Prisma" } : null;
}

export const rule: Rule = {
  meta: {
    id: "final-stage-heavy-base",
    family: "base-images",
    severity: "info",
    description: "Ship the final stage on the smallest variant of its base that works.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      heavyBase:
        "{shippedBase} '{image}' has a smaller variant '{variant}'; switch if the app allows it. Size: {size} vs {variantSize}, saving {saving}{estimate}; {caveat}.",
      // The app needs a system library the variant lacks (Prisma's engine and libssl): the remedy
      // names the package to install with the switch, which alone would break the start.
      heavyBaseWithLibrary:
        "{shippedBase} '{image}' could be the smaller '{variant}' plus {library} for {needs}. Size: {size} vs {variantSize}, saving {saving}{estimate}; {caveat}.",
    },
  },
  check(model, report) {
    // A test stage last in the file judges nothing: the images CI pushes with --target are judged instead.
    checkImagesThatShip(model, report, checkImage);
  },
};

/** The check on one image that ships (the file's own, or a pushed target's). */
function checkImage(model: DockerfileModel, report: ReportFn): void {
  const final = model.finalStage;
  // Only a final stage that names its image directly: changing the base of a parent stage
  // would change that stage too.
  if (!final) return;
  const ref = baseImageOf(final);
  if (!ref || ref.digest !== null) return;
  // `FROM ${BASE_IMAGE}` where the project's builds pass BASE_IMAGE (a build script's
  // `--build-arg BASE_IMAGE=i386/debian:trixie`): the default is only a fallback, never what ships
  // (held-out AW, pi-gen: judged wrong).
  if (final.base.kind === "image" && final.base.unresolved.length === 0 && callersPassAll(model.context.buildArgs, variableNames(final.base.token.value)))
    return;
  // Most bases have no smaller variant: known from the image facts alone, before the reasons
  // below to keep the full one, which read the whole file (issue #16).
  const smaller = smallerVariants(ref);
  if (smaller.length === 0) return;
  if (developmentPurpose(model) !== null) return;
  // The project publishes a slim variant beside this file (`python3.11-slim.dockerfile`): this one
  // is the full variant on purpose, for users who need its compilers and libraries.
  if (slimSiblingOf(model) !== null) return;
  // A toolchain image that builds here needs a multi-stage build, not a smaller variant
  // (final-stage-toolchain / single-stage-build say so).
  if (toolchainOf(ref) && detectBuildSteps(final).length > 0) return;
  // A base published for other Dockerfiles (no command of its own, a file named a base, one of a
  // family per version of its base) on a full language image: their builds install and compile
  // on it with that image's compilers and headers. The image that adds the app picks the variant.
  if (toolchainOf(ref) && (imageRole(model) !== null || isPerBaseVersionImage(model))) return;
  // Alpine has no apt, shadow or bash: a stage that relies on them cannot switch to any Alpine tag
  // (`8-jre-alpine` included) as is; only variants of the same distribution are offered.
  const debianOnly = reliesOnDebianUserland(final.instructions);
  // A RUN that calls a tool the full image ships and slim/alpine lack (curl, git, gcc ...) before
  // installing it would break on the smaller variant (mage-ai pipes curl into apt-key first).
  if (usesToolBeforeInstall(final.instructions)) return;
  // The same for a tool the running container calls (a HEALTHCHECK's curl, an entry script's
  // wget): the switch builds, and then every health check or start fails.
  if (runtimeToolOfFullImage(model, final.instructions) !== null) return;
  // An install that compiles with the full image's gcc and headers (uWSGI, which has no wheels;
  // `--no-binary`; a gem with a C extension) and no compiler installed by the stage: slim breaks it.
  if (sourceBuildOnImageToolchain(model, final) !== null) return;
  // A stage that runs a JDK tool (`jar -xf app.jar`) breaks on a JRE: only non-JRE variants remain.
  const needsJdk = usesJdkTool(final.instructions);
  const variants = smaller.filter((v) => !(debianOnly && /(?:^|-)alpine(?:-|$|\d)/.test(v.tag)) && !(needsJdk && /(?:^|-)jre(?:-|$)/.test(v.tag)));
  const best = variants[0];
  if (!best) return;
  const need = runTimeLibraryNeed(model, final.instructions);
  const current = best.size.amd64 + best.saving.amd64;
  // Suggestions only: slim images lack packages, Alpine's musl can change behaviour.
  // With a library to add, the tag switch alone breaks the start: no suggestion.
  const suggest: Fix[] = [];
  for (const v of need ? [] : variants) {
    const edits = replaceImageTag(final.base.token, v.tag);
    if (edits) suggest.push({ title: `Switch to '${v.image}' (saves ${formatSize(v.saving.amd64)}${v.isEstimate ? ", estimate" : ""})`, edits });
  }
  report({
    range: final.base.token.range,
    messageId: need ? "heavyBaseWithLibrary" : "heavyBase",
    data: {
      ...(need ? { library: need.packages, needs: need.needs } : {}),
      shippedBase: shippedImageWords(model).shippedBase,
      image: final.base.resolved,
      size: formatSize(current),
      variant: best.image,
      variantSize: formatSize(best.size.amd64),
      saving: formatSaving(current, best.size.amd64),
      estimate: best.isEstimate ? ", estimate" : " compressed on amd64",
      caveat: best.caveat,
    },
    suggest,
  });
}
