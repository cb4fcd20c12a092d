// Libraries the container preloads (`LD_PRELOAD`): an allocator such as jemalloc or tcmalloc is
// often loaded by its unversioned file name (`libjemalloc.so`), a symlink only the -dev package
// ships, so that package is a run-time need, not a leftover of a build. So is a library the app
// opens by that name (`ctypes.CDLL("libfoo.so")`, `dlopen("libfoo.so", ...)`, .NET's
// `[DllImport("libfoo")]`), where the host read the source or config that says so, and the Intel
// OpenMP runtime (`libiomp5.so`) that Intel MKL, copied or installed into the image, loads by name.

import { systemPackageCommand } from "./commands";
import { copyPaths } from "./copy-paths";
import { envDeclarations } from "./environment";
import { runCommands } from "./run-commands";
import { lineage } from "./stage-graph";
import { entryScriptFiles } from "./start-steps";
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

/**
 * File names of the unversioned libraries the final image preloads: from an `ENV LD_PRELOAD` of
 * its stages, and from an entry script that sets LD_PRELOAD (every `lib*.so` it names, since the
 * path usually goes through a variable: `JEMALLOC_PATH=/usr/lib/.../libjemalloc.so`); those a
 * context file the host read opens by that name (`LOADED_BY_NAME`); and `libiomp5.so` where the
 * image carries Intel MKL, whose threading layer loads it by that name.
 */
export function preloadedLibraries(model: DockerfileModel): Set<string> {
  const out = new Set<string>();
  const add = (text: string) => {
    for (const match of text.matchAll(UNVERSIONED_LIBRARY)) out.add(match[1]);
  };
  const final = model.finalStage;
  if (final === null) return out;
  for (const stage of lineage(final))
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== "ENV") continue;
      for (const d of envDeclarations(model, instruction)) if (d.name === "LD_PRELOAD" && d.value !== null) add(d.value);
    }
  if (carriesMkl(lineage(final))) out.add("libiomp5.so");
  for (const [, text] of entryScriptFiles(model)) if (/\bLD_PRELOAD=/.test(text)) add(text);
  for (const text of Object.values(model.context.files ?? {}))
    for (const match of text.matchAll(LOADED_BY_NAME)) out.add(match[1].endsWith(".so") ? match[1] : `${match[1]}.so`);
  return out;
}

/** True when the -dev package `name` ships one of the unversioned libraries in `preloaded`. */
export function shipsPreloadedLibrary(name: string, preloaded: ReadonlySet<string>): boolean {
  if (preloaded.size === 0) return false;
  const known = DEV_PACKAGE_LIBRARIES.find(([pkg]) => pkg.test(name))?.[1];
  if (known) return [...preloaded].some((lib) => known.test(lib));
  const match = /^(?:lib)?([\w+.]+)-dev$/.exec(name);
  return match !== null && preloaded.has(`lib${match[1]}.so`);
}
