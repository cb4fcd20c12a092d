// Whether a build may read the repository's .git folder, which a .dockerignore excluding `.git`
// would take away. Builds stamp versions from the checkout in ways the Dockerfile does not show
// (`git describe` in a Makefile or CMakeLists.txt, a build script, versioningit, git-rev-sync,
// Rust's `git_version!`), so this reads the signs the Dockerfile does show: a build system that
// commonly runs git, git installed for the build, a toolchain image that bundles git, a comment
// about git. A commit passed in as a build argument says the build does not need the checkout.

import { systemPackageCommand } from "./commands";
import { readArgDeclarations } from "./parse";
import { ancestorsOf } from "./stage-graph";
import type { DockerfileModel, Instruction, Stage } from "./types";

/** Build systems whose project files commonly ask git for the version (Makefile, CMakeLists.txt, autotools, Rakefile). */
const GIT_STAMPING_BUILDS = new Set(["make", "gmake", "cmake", "autoreconf", "./autogen.sh", "autogen.sh", "./configure", "rake", "meson"]);
/** The project's own build script (`./scripts/build_and_install_all.sh`, `build.sh`): it may well run git. */
const BUILD_SCRIPT = /(?:^|\/)(?:build|make|compile|release)[\w.-]*\.sh$/;
/** Official toolchain images built on buildpack-deps (which installs git), unless slim or Alpine. */
const TOOLCHAINS_WITH_GIT =
  /^(?:docker\.io\/)?(?:library\/)?(?:golang|rust|node|python|ruby|buildpack-deps|perl|php)(?::|$)|^mcr\.microsoft\.com\/dotnet\/sdk(?::|$)/;
const WITHOUT_GIT_VARIANT = /(?:^|[-:])(?:slim|alpine|windowsservercore|nanoserver)/;
/** Build arguments or variables that hand the build its commit (`GIT_COMMIT`, `CI_COMMIT_SHA`, `VCS_REF`). */
const COMMIT_VARIABLE = /GIT_?(?:COMMIT|SHA|HASH|REV)|COMMIT(?:_?(?:SHA|HASH|ID|REF))?$|REVISION|VCS_REF/i;

export interface GitUse {
  /** A build system that commonly stamps the version from git runs after the copy. */
  buildSystem: boolean;
  /** git is at hand in the stage: installed, bundled with the base image, or discussed in a comment. */
  available: boolean;
}

/**
 * What `copy` (a COPY/ADD of the whole context) tells about the build reading .git: in its stage
 * (and the stages it builds on) and in the stages built on it. Both false when the stage declares a
 * commit variable, since the version then comes from a build argument.
 */
export function gitUseAfter(model: DockerfileModel, copy: Instruction): GitUse {
  const stage = copy.stage;
  if (stage === null) return { buildSystem: false, available: false };
  const chain = [stage, ...ancestorsOf(stage)];
  const descendants = model.stages.filter((s) => s !== stage && ancestorsOf(s).includes(stage));
  const scope = [...chain, ...descendants];
  if (scope.some((s) => s.instructions.some((i) => declaresCommitVariable(i)))) return { buildSystem: false, available: false };
  const after = [...stage.instructions.filter((i) => i.ordinal > copy.ordinal), ...descendants.flatMap((s) => s.instructions)];
  const buildSystem = after.some((i) => i.commands.some((c) => GIT_STAMPING_BUILDS.has(c.name) || BUILD_SCRIPT.test(c.name)));
  const installsGit = scope.some((s) =>
    s.instructions.some((i) => i.commands.some((c) => systemPackageCommand(c)?.packages.some((p) => p.value === "git" || p.value === "git-core"))),
  );
  const root = chain[chain.length - 1];
  const image = root.base.kind === "image" ? root.base.resolved : "";
  const bundlesGit = TOOLCHAINS_WITH_GIT.test(image) && !WITHOUT_GIT_VARIANT.test(image.slice(image.indexOf(":") + 1));
  const mentionsGit = model.comments.some((c) => /\bgit\b/i.test(c.content) && scope.some((s) => within(c.range.start.line, s)));
  return { buildSystem, available: installsGit || bundlesGit || mentionsGit };
}

function declaresCommitVariable(instruction: Instruction): boolean {
  if (instruction.keyword === "ARG") return readArgDeclarations(instruction).some((d) => COMMIT_VARIABLE.test(d.name));
  if (instruction.keyword === "ENV") return instruction.args.some((a) => COMMIT_VARIABLE.test(a.value.split("=")[0]));
  return false;
}

function within(line: number, stage: Stage): boolean {
  return line >= stage.range.start.line && line <= stage.range.end.line;
}
