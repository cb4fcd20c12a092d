// Libraries the container preloads (`LD_PRELOAD`): an allocator such as jemalloc or tcmalloc is
// often loaded by its unversioned file name (`libjemalloc.so`), a symlink only the -dev package
// ships, so that package is a run-time need, not a leftover of a build. So is a library the app
// opens by that name (`ctypes.CDLL("libfoo.so")`, `dlopen("libfoo.so", ...)`, .NET's
// `[DllImport("libfoo")]`), where the host read the source or config that says so, and the Intel
// OpenMP runtime (`libiomp5.so`) that Intel MKL, copied or installed into the image, loads by name.

import { systemPackageCommand } from "./commands";
import { copyPaths } from "./copy-paths";
import { envDeclarations } from "./environment";
import { instructionOnOneLine } from "./instruction-text";
import { perModel } from "./per-model";
import { runCommands } from "./run-commands";
import { lineage } from "./stage-graph";
import type { DockerfileModel, Stage } from "./types";

/** An unversioned shared library file name, as a preload names it (`/usr/lib/x/libjemalloc.so`). */
const UNVERSIONED_LIBRARY = /(?:^|[\s/:="'])(lib[\w+.-]*?\.so)(?=$|[\s:"';])/g;

/**
 * A library opened by its unversioned name: `CDLL("libfoo.so")`, `cdll.LoadLibrary('libfoo.so')`,
 * `dlopen("libfoo.so", ...)`, `[DllImport("libfoo")]` / `[LibraryImport("libfoo.so")]` (.NET
 * probes `libfoo.so` for a bare name). A versioned name (`libfoo.so.1`) is not matched.
 */
const LOADED_BY_NAME = /\b(?:CDLL|LoadLibrary|dlopen|DllImport|LibraryImport)\(\s*["'](lib[\w+-]+(?:\.so)?)["']/g;

/**
 * -dev packages whose unversioned libraries do not follow `lib<name>-dev` -> `lib<name>.so`
 * (gperftools ships tcmalloc and the profiler; Alpine drops the `lib` prefix). Debian's and Ubuntu's
 * LLVM OpenMP (`libomp-dev`, which depends on `libomp-14-dev`) puts `libiomp5.so`, `libomp5.so` and
 * `libomp.so` in the library path; its runtime package (`libomp5-14`) has only `libomp.so.5`.
 */
const DEV_PACKAGE_LIBRARIES: readonly (readonly [RegExp, RegExp])[] = [
  [/^(?:libgoogle-perftools|gperftools)-dev$/, /^lib(?:tcmalloc(?:_minimal|_debug|_and_profiler)?|profiler)\.so$/],
  [/^libomp(?:-\d+)?-dev$/, /^lib(?:iomp5|omp5?)\.so$/],
];

/**
 * Intel MKL in the image: a copied MKL library (`libmkl_intel_thread.so.2`, a folder of
 * `/opt/intel/oneapi/mkl`) or an installed MKL package (`intel-oneapi-mkl`, Debian's `libmkl-rt`).
 */
const MKL_PATH = /(?:^|\/)libmkl_\w|\/oneapi\/mkl(?:\/|$)/;
const MKL_PACKAGE = /^(?:intel-(?:oneapi-)?mkl|libmkl-)[\w.+-]*(?:[=:].*)?$/;

/**
 * True when the image carries Intel MKL: its threading layer (`libmkl_intel_thread`, which
 * `libmkl_rt` loads by default) needs the Intel OpenMP runtime by its unversioned name,
 * `libiomp5.so` (its DT_NEEDED entry), which the image may get from LLVM's OpenMP -dev package.
 */
function carriesMkl(chain: readonly Stage[]): boolean {
  const copiesMkl = chain.some((stage) =>
    stage.instructions.some((i) => {
      const paths = copyPaths(i);
      return paths !== null && [...paths.sources, paths.dest].some((p) => MKL_PATH.test(p.value));
    }),
  );
  if (copiesMkl) return true;
  return runCommands(chain).some(({ command }) => {
    const install = systemPackageCommand(command);
    return install?.action === "install" && install.packages.some((p) => MKL_PACKAGE.test(p.value));
  });
}

/** The instructions whose commands may set a preload. */
const START_OR_RUN = new Set(["RUN", "CMD", "ENTRYPOINT"]);

/** Sets the dynamic loader's preload: `LD_PRELOAD=...` (an assignment, `export`, `env`), or writes its list file. */
const SETS_PRELOAD = /\bLD_PRELOAD=|\/etc\/ld\.so\.preload\b/;

/**
 * The texts that say what the final image preloads: each `ENV LD_PRELOAD` value of its stages; each
 * RUN, CMD or ENTRYPOINT of theirs that sets LD_PRELOAD or writes `/etc/ld.so.preload` (`CMD
 * LD_PRELOAD=libjemalloc.so exec java -jar app.jar`); and each context file the host read that sets
 * LD_PRELOAD (the entry script, a launcher it runs, a library it sources), whole, since the path
 * usually goes through a variable (`JEMALLOC_PATH=/usr/lib/.../libjemalloc.so`).
 */
const preloadTexts: (model: DockerfileModel) => readonly string[] = perModel((model) => {
  const texts: string[] = [];
  const final = model.finalStage;
  if (final === null) return texts;
  for (const stage of lineage(final))
    for (const instruction of stage.instructions) {
      if (instruction.keyword === "ENV") {
        for (const d of envDeclarations(model, instruction)) if (d.name === "LD_PRELOAD" && d.value !== null) texts.push(d.value);
      } else if (START_OR_RUN.has(instruction.keyword)) {
        const text = instructionOnOneLine(model, instruction);
        if (SETS_PRELOAD.test(text)) texts.push(text);
      }
    }
  for (const text of Object.values(model.context.files ?? {})) if (/\bLD_PRELOAD=/.test(text)) texts.push(text);
  return texts;
});

/**
 * File names of the unversioned libraries the final image preloads (see `preloadTexts`); those a
 * context file the host read opens by that name (`LOADED_BY_NAME`); and `libiomp5.so` where the
 * image carries Intel MKL, whose threading layer loads it by that name.
 */
export function preloadedLibraries(model: DockerfileModel): Set<string> {
  const out = new Set<string>();
  const final = model.finalStage;
  if (final === null) return out;
  for (const text of preloadTexts(model)) for (const match of text.matchAll(UNVERSIONED_LIBRARY)) out.add(match[1]);
  if (carriesMkl(lineage(final))) out.add("libiomp5.so");
  for (const text of Object.values(model.context.files ?? {}))
    for (const match of text.matchAll(LOADED_BY_NAME)) out.add(match[1].endsWith(".so") ? match[1] : `${match[1]}.so`);
  return out;
}

/**
 * The unversioned files of the malloc replacements (jemalloc, gperftools' tcmalloc, mimalloc): a
 * program built against one links it, anything else gets it only through a preload.
 */
export const ALLOCATOR_LIBRARIES: readonly string[] = ["libjemalloc.so", "libtcmalloc.so", "libtcmalloc_minimal.so", "libmimalloc.so"];

/** A versioned file of a malloc replacement (`libjemalloc.so.2`, `libtcmalloc_minimal.so.4`): its runtime package has it. */
const VERSIONED_ALLOCATOR = /\blib(?:jemalloc|tcmalloc\w*|mimalloc)\.so\.\d/;

/** True when what the image shows of its preloads names a malloc replacement's versioned file (`LD_PRELOAD=/usr/lib/.../libjemalloc.so.2`). */
export function preloadsVersionedAllocator(model: DockerfileModel): boolean {
  return preloadTexts(model).some((text) => VERSIONED_ALLOCATOR.test(text));
}

/** True when the -dev package `name` ships one of the unversioned libraries in `preloaded`. */
export function shipsPreloadedLibrary(name: string, preloaded: ReadonlySet<string>): boolean {
  if (preloaded.size === 0) return false;
  const known = DEV_PACKAGE_LIBRARIES.find(([pkg]) => pkg.test(name))?.[1];
  if (known) return [...preloaded].some((lib) => known.test(lib));
  const match = /^(?:lib)?([\w+.]+)-dev$/.exec(name);
  return match !== null && preloaded.has(`lib${match[1]}.so`);
}
