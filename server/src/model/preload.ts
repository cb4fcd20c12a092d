// Libraries the container preloads (`LD_PRELOAD`): an allocator such as jemalloc or tcmalloc is
// often loaded by its unversioned file name (`libjemalloc.so`), a symlink only the -dev package
// ships, so that package is a run-time need, not a leftover of a build. So is a library the app
// opens by that name (`ctypes.CDLL("libfoo.so")`, `dlopen("libfoo.so", ...)`, .NET's
// `[DllImport("libfoo")]`), where the host read the source or config that says so, and the Intel
// OpenMP runtime (`libiomp5.so`) that Intel MKL, copied or installed into the image, loads by name.

import { systemPackageCommand } from "./commands";
import { contextFileAt } from "./context-file-at";
import { copyPaths, normalizePath } from "./copy-paths";
import { envDeclarations } from "./environment";
import { fileWritesOf } from "./file-writes";
import { perModel } from "./per-model";
import { runCommands } from "./run-commands";
import { lineage } from "./stage-graph";
import { startPathScripts } from "./start-path-scripts";
import { composedStartPath } from "./start-steps";
import type { DockerfileModel, Stage } from "./types";
import { contextFiles } from "./context";

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
  [/^(?:libgoogle-perftools|gperftools)-dev(?:el)?$/, /^lib(?:tcmalloc(?:_minimal|_debug|_and_profiler)?|profiler)\.so$/],
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

/** Where the dynamic loader reads the libraries it preloads into every program. */
const PRELOAD_LIST = "/etc/ld.so.preload";

/**
 * A shell variable assignment: `NAME=value` where a command may start or an `export`, `env` or
 * `local` puts it (`LD_PRELOAD=x cmd`, `"$(LD_PRELOAD=x sh -c true)"`), with its value as written:
 * quoted parts and command substitutions kept whole.
 */
const ASSIGNMENT = /(?:^|[\s;&|(`])([A-Za-z_]\w*)=((?:"[^"]*"|'[^']*'|\$\([^()]*\)|[^\s;&|()"'`])*)/g;

/** A variable a value expands: `$NAME`, `${NAME}`, `${NAME:-default}`. */
const EXPANSION = /\$\{?([A-Za-z_]\w*)/g;

/** How many rounds of variables naming variables are followed. */
const MAX_EXPANSIONS = 3;

/**
 * The texts that say what the final image preloads, each a preload's value or list:
 * - each `ENV LD_PRELOAD` value of its stages;
 * - each `LD_PRELOAD=` value of what the container runs at start: its ENTRYPOINT and CMD, the entry
 *   scripts, what they source and call there (`composedStartPath`), and the scripts they run in turn,
 *   found through the COPY that puts them where they are run (`startPathScripts`: a launcher
 *   inside the copied distribution); with the values of the variables it expands (`export
 *   LD_PRELOAD=$JEMALLOC_PATH` after `JEMALLOC_PATH=/usr/lib/.../libjemalloc.so`), from those
 *   scripts or the image's ENV;
 * - what a RUN of its stages writes into `/etc/ld.so.preload`, or the context file copied there.
 * A RUN that sets LD_PRELOAD preloads for itself only (`LD_PRELOAD=libjemalloc.so server
 * --selftest`), and a script the image neither runs nor copies preloads nothing in it: neither is read.
 */
const preloadTexts: (model: DockerfileModel) => readonly string[] = perModel((model) => {
  const final = model.finalStage;
  if (final === null) return [];
  const chain = lineage(final);
  const values = new Map<string, string[]>();
  const assign = (name: string, value: string) => values.set(name, [...(values.get(name) ?? []), value]);
  for (const instruction of chain.flatMap((stage) => stage.instructions)) {
    if (instruction.keyword !== "ENV") continue;
    for (const d of envDeclarations(model, instruction)) if (d.value !== null) assign(d.name, d.value);
  }
  const scripts = [...composedStartPath(model).scripts, ...startPathScripts(model).map(([, text]) => text)];
  for (const script of scripts) for (const match of script.replace(/(?:^|\s)#.*$/gm, "").matchAll(ASSIGNMENT)) assign(match[1], match[2]);
  const texts = [...(values.get("LD_PRELOAD") ?? [])];
  const expanded = new Set(["LD_PRELOAD"]);
  let frontier = [...texts];
  for (let round = 0; round < MAX_EXPANSIONS && frontier.length > 0; round++) {
    const next: string[] = [];
    for (const text of frontier)
      for (const [, name] of text.matchAll(EXPANSION)) {
        if (expanded.has(name)) continue;
        expanded.add(name);
        next.push(...(values.get(name) ?? []));
      }
    texts.push(...next);
    frontier = next;
  }
  texts.push(...preloadListWrites(model, chain));
  return texts;
});

/** What the RUNs of `chain` write into `/etc/ld.so.preload` (as far as the file shows it), or the text of the context file copied there. */
function preloadListWrites(model: DockerfileModel, chain: readonly Stage[]): string[] {
  const texts: string[] = [];
  for (const run of chain.flatMap((stage) => stage.instructions)) {
    if (run.keyword !== "RUN") continue;
    // The loader reads a path per word, which `echo` prints alike in every shell.
    for (const write of fileWritesOf(model, run, () => null)) if (normalizePath(write.path) === PRELOAD_LIST) texts.push(write.text ?? write.material);
  }
  const copied = contextFileAt(model, chain[chain.length - 1], PRELOAD_LIST);
  if (copied !== null) texts.push(contextFiles(model.context)[copied]);
  return texts;
}

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
  for (const text of Object.values(contextFiles(model.context)))
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

/** True when the -dev (or -devel) package `name` ships one of the unversioned libraries in `preloaded`. */
export function shipsPreloadedLibrary(name: string, preloaded: ReadonlySet<string>): boolean {
  if (preloaded.size === 0) return false;
  const known = DEV_PACKAGE_LIBRARIES.find(([pkg]) => pkg.test(name))?.[1];
  if (known) return [...preloaded].some((lib) => known.test(lib));
  // Debian's and Alpine's `-dev`, the Red Hat family's and SUSE's `-devel` (held-out BL, weserv:
  // `jemalloc-devel` for `LD_PRELOAD=/usr/lib64/libjemalloc.so`, judged wrong as a build tool).
  const match = /^(?:lib)?([\w+.]+)-dev(?:el)?$/.exec(name);
  return match !== null && preloaded.has(`lib${match[1]}.so`);
}
