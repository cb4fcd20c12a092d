// Whether a RUN installs R packages through bspm, the Bridge to System Package Manager: once
// `bspm::enable()` runs (from an Rprofile, or the images of r2u and rocker/r-bspm), R's
// install.packages() installs CRAN packages as apt binaries (r-cran-*) that it looks up in apt's
// package lists. bspm's apt backend refreshes those lists itself when it has not done so in the
// last five minutes (bspm 0.3.1, 2020), leaving them in the layer of that install.

import { baseName } from "../model/copy-paths";
import { fileWritesOf, heredocDelimiter } from "../model/file-writes";
import type { ShellCommand } from "../model/shell";
import { perModel } from "../model/per-model";
import { lineage } from "../model/stage-graph";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { rootImageName } from "./base-image";

/** Images whose R enables bspm in its Rprofile.site: r2u's (built on rocker/r-bspm) and rocker's r-bspm. */
const BSPM_IMAGES = new Set(["rocker/r2u", "eddelbuettel/r2u", "rocker/r-bspm"]);

/**
 * rocker's versioned images, whose R is built under /usr/local/lib/R: it reads
 * /usr/local/lib/R/etc/Rprofile.site, not Debian's /etc/R/Rprofile.site (bspm issue #26).
 */
const SOURCE_BUILT_R = /^rocker\/(?:r-ver|rstudio|tidyverse|verse|geospatial|shiny|shiny-verse|binder|cuda|ml|ml-verse)$/;

/**
 * littler's install scripts (`install2.r`, `installGithub.r`): littler reads Rprofile.site, and
 * each installs through install.packages() (a GitHub package's dependencies from CRAN too).
 */
const LITTLER_INSTALL = /^(?:install|install2|installGithub|installBioc|installRub|installDeps|update)\.r$/;

/** R calls that install through install.packages(), the function bspm takes over. */
const R_INSTALL_CALL =
  /\b(?:install\.packages|update\.packages|install_(?:github|gitlab|bitbucket|cran|deps|dev|local|version|url|git)|BiocManager::install|(?:devtools|remotes)::install)\s*\(/;

const ENABLE = /bspm::enable\s*\(/g;
const DISABLE = /bspm::disable\s*\(/g;
/** An uncommented `bspm::enable()` line of an R profile. */
const ENABLE_LINE = /^[^#\n]*bspm::enable\s*\(/m;

/**
 * True when `command` (of `run`, a RUN of its stage) installs R packages with bspm enabled: a
 * littler install script or R code calling install.packages() (`Rscript -e`, `R -e`, a heredoc fed
 * to R), with `bspm::enable()` earlier in the code, or in an R profile the build wrote (or the
 * image brings) and the command reads. Code that calls `bspm::disable()` first installs from source.
 */
export function installsRPackagesThroughBspm(model: DockerfileModel, run: Instruction, command: ShellCommand): boolean {
  const stage = run.stage;
  if (stage === null) return false;
  const isLittlerScript = LITTLER_INSTALL.test(command.name);
  const code = isLittlerScript ? "" : rCodeOf(run, command);
  if (code === null) return false;
  const install = isLittlerScript ? 0 : code.search(R_INSTALL_CALL);
  if (install < 0) return false;
  const before = code.slice(0, install);
  const enable = lastIndex(before, ENABLE);
  const disable = lastIndex(before, DISABLE);
  if (enable > disable) return true;
  if (disable >= 0) return false;
  // `--vanilla` and `--no-site-file` skip Rprofile.site.
  const readsProfiles = !command.args.some((a) => a.value === "--vanilla" || a.value === "--no-site-file");
  return readsProfiles && profileEnablesBspm(model, stage, run, command);
}

/** The R code a command runs: its `-e` expressions (Rscript, R, littler's r), or the heredoc it reads; null for another program or a script file. */
function rCodeOf(run: Instruction, command: ShellCommand): string | null {
  if (command.name !== "Rscript" && command.name !== "R" && command.name !== "r") return null;
  const args = command.args.map((a) => a.value);
  const expressions = args.filter((_, i) => i > 0 && args[i - 1] === "-e");
  if (expressions.length > 0) return expressions.join("\n");
  const delimiter = heredocDelimiter(args);
  if (delimiter === null) return null;
  return run.heredocs.find((h) => h.name === delimiter)?.content ?? null;
}

/** Where the last match of the global `pattern` starts in `text`; -1 when there is none. */
function lastIndex(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index ?? last;
  return last;
}

/**
 * True when R starts with bspm enabled at `command`: the image the stage's lineage starts from
 * enables it, or a command before it (an earlier RUN of the lineage, or its own RUN) writes
 * `bspm::enable()` into an Rprofile.site or .Rprofile that R reads. A profile copied from the
 * context is not read (the host does not read such files).
 */
function profileEnablesBspm(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand): boolean {
  const image = rootImageName(stage);
  if (image !== null && BSPM_IMAGES.has(image)) return true;
  if (!mentionsEnable(model)) return false;
  const enabled = firstEnable(model, stage);
  if (enabled === null) return false;
  if (enabled.run !== run) return enabled.run.ordinal < run.ordinal;
  return enabled.run.commands.indexOf(enabled.command) < run.commands.indexOf(command);
}

/** The first command of a stage's lineage that writes `bspm::enable()` into a profile R reads. */
function firstEnable(model: DockerfileModel, stage: Stage): { run: Instruction; command: ShellCommand } | null {
  for (const s of lineage(stage)) {
    const found = enableIn(model, s);
    if (found !== null) return found;
  }
  return null;
}

/** The first command of the stage itself that enables bspm, read once per stage: each stage built on it asks too. */
const enablesByStage = perModel(() => new Map<Stage, { run: Instruction; command: ShellCommand } | null>());

function enableIn(model: DockerfileModel, stage: Stage): { run: Instruction; command: ShellCommand } | null {
  const known = enablesByStage(model);
  if (known.has(stage)) return known.get(stage) ?? null;
  // The image the lineage starts from, the same for every stage of it: rocker's versioned R reads its own Rprofile.site, not Debian's.
  const image = rootImageName(stage);
  const readsProfile = (path: string): boolean => {
    const name = baseName(path);
    if (name !== "Rprofile.site" && name !== ".Rprofile") return false;
    return path !== "/etc/R/Rprofile.site" || image === null || !SOURCE_BUILT_R.test(image);
  };
  let found: { run: Instruction; command: ShellCommand } | null = null;
  for (const run of stage.instructions) {
    if (run.keyword !== "RUN") continue;
    const write = fileWritesOf(model, run, () => null).find(
      // A write inside `if`/`case`, or after `||`, may not happen.
      (w) => w.command.depth === 0 && w.command.joinedBy !== "||" && readsProfile(w.path) && ENABLE_LINE.test(w.text ?? w.material),
    );
    if (write !== undefined) {
      found = { run, command: write.command };
      break;
    }
  }
  known.set(stage, found);
  return found;
}

/** Whether the file mentions `bspm::enable` at all: most do not, and are spared a walk of their RUNs. */
const mentionsEnable = perModel((model) => model.text.includes("bspm::enable"));
