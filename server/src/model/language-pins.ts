// The language version a project's own manifests hold it to: pyproject's `requires-python` (or
// Poetry's `python =`), a Gemfile's `ruby '...'`, `.ruby-version`, `.python-version`, package.json's
// `engines.node`, composer.json's `require.php`, and the newest language release the framework
// the project requires runs on (Laravel 8 on PHP 8.1 at most; webpack 4 before 4.47 on Node.js 16,
// before OpenSSL 3; node-sass on the Node.js releases its major has binaries for). A base-image remedy that leaves these behind breaks the build (bundler aborts on a
// Ruby mismatch, Poetry refuses a Python outside the range, webpack 4 fails with
// ERR_OSSL_EVP_UNSUPPORTED), so the rule asks here first.
// go.mod's `go` line is a minimum, never a ceiling: it is not read. Its requirements can be one:
// quic-go's TLS forks build on one Go release each (see goDependencyPin).

import { contextJsonFile, isRecord, type JsonObject } from "./json-files";
import type { BuildContextFacts } from "./context";
import { contextFiles } from "./context";
import { contextCopy, isWholeContextSource } from "./copies";
import { baseName, normalizePath, unquoteWord } from "./copy-paths";
import { lineage } from "./stage-graph";
import type { DockerfileModel, Stage } from "./types";
import { compareVersions } from "./versions";
import { compileGlob } from "./glob";
import { lookupTable } from "./lookup-table";
import { tomlLines } from "./toml-lines";
import { pyprojectDependencies } from "./pyproject-dependencies";

export type PinnedLanguage = "python" | "ruby" | "node" | "php" | "dotnet";

export interface LanguagePin {
  /** The file that holds the pin, relative to the context root (`Gemfile`, `pyproject.toml`). */
  file: string;
  /** The constraint as written (`2.7.3`, `>=3.10,<3.13`). */
  written: string;
  /**
   * True when some release of `series` (`[3, 12]` for Python 3.12, `[24]` for Node.js 24) meets the
   * constraint.
   */
  accepts(series: readonly number[]): boolean;
  /** The dependency of `file` whose support is the constraint (`node-sass`), when it is one. */
  dependency?: string;
}

type Comparator = { op: "<" | "<=" | ">" | ">=" | "="; version: number[] };

const numbers = (text: string): number[] | null => (/^\d+(?:\.\d+)*$/.test(text) ? text.split(".").map(Number) : null);

/** `~> 2.7.0` allows 2.7.x, `~> 2.7` allows 2.x from 2.7: the last written part may not move. */
function pessimistic(v: number[]): Comparator[] {
  const upper = v.length > 1 ? [...v.slice(0, -2), v[v.length - 2] + 1] : [v[0] + 1];
  return [
    { op: ">=", version: v },
    { op: "<", version: upper },
  ];
}

/**
 * One constraint clause: PEP 440 (`>=3.10`, `<3.13`, `~=3.10`, `==3.10.*`), RubyGems (`~> 2.7`,
 * `2.7.3`), npm (`^18`, `~18.2`, `18.x`, `>=18`), Poetry (`^3.10`). Null when not understood.
 */
function clause(text: string): Comparator[] | null {
  const m = /^(<=|>=|<|>|==|=|~=|~>|\^|~)?\s*v?(\d+(?:\.\d+)*)((?:\.[x*])*)$/.exec(text.trim());
  if (!m) return null;
  const v = numbers(m[2]);
  if (!v) return null;
  switch (m[1]) {
    case "<":
    case "<=":
    case ">":
    case ">=":
      return [{ op: m[1], version: v }];
    case "~>":
    case "~=":
      return pessimistic(v);
    case "^":
      return [
        { op: ">=", version: v },
        { op: "<", version: [v[0] + 1] },
      ];
    case "~":
      return [
        { op: ">=", version: v },
        { op: "<", version: v.length > 1 ? [v[0], v[1] + 1] : [v[0] + 1] },
      ];
    default:
      // A bare or `==` version, wildcards or not, pins that release line.
      return [{ op: "=", version: v }];
  }
}

/** Alternatives (`||`) of clause lists (`,` or spaces); null when any clause is not understood. */
function parseRange(text: string): Comparator[][] | null {
  const alternatives: Comparator[][] = [];
  for (const alt of text.split("||")) {
    const parts = alt
      .replace(/([<>=~^]+)\s+(?=\d)/g, "$1")
      .split(/[\s,]+/)
      .filter((p) => p !== "");
    const clauses: Comparator[] = [];
    for (const part of parts) {
      if (part.startsWith("!=")) continue;
      const c = clause(part);
      if (!c) return null;
      clauses.push(...c);
    }
    if (clauses.length > 0) alternatives.push(clauses);
  }
  return alternatives.length > 0 ? alternatives : null;
}

/** True when some release of the series meets the comparator (patch levels 0 up to any). */
function seriesMeets(series: readonly number[], c: Comparator): boolean {
  const lowest = [...series, 0, 0, 0].slice(0, 3);
  const highest = [...series, Infinity, Infinity, Infinity].slice(0, 3);
  switch (c.op) {
    case "<":
      return compareVersions(lowest, c.version) < 0;
    case "<=":
      return compareVersions(lowest, c.version) <= 0;
    case ">":
      return compareVersions(highest, c.version) > 0;
    case ">=":
      return compareVersions(highest, c.version) >= 0;
    case "=": {
      const n = Math.min(series.length, c.version.length);
      return compareVersions(series.slice(0, n), c.version.slice(0, n)) === 0;
    }
  }
}

export function pin(file: string, written: string): LanguagePin | null {
  const range = parseRange(written);
  if (!range) return null;
  return { file, written, accepts: (series) => range.some((clauses) => clauses.every((c) => seriesMeets(series, c))) };
}

/** Both constraints at once (the framework's ceiling narrows the written range); either alone when the other is null. */
export function both(a: LanguagePin | null, b: LanguagePin | null): LanguagePin | null {
  if (a === null || b === null) return a ?? b;
  return { file: a.file, written: `${a.written}, ${b.written}`, accepts: (series) => a.accepts(series) && b.accepts(series) };
}

/**
 * The newest PHP release each Laravel major supports (laravel.com/docs, "Support Policy"): a
 * Laravel 8 application does not run on PHP 8.2 and later; Laravel 4 needs mcrypt, gone in PHP 7.2. Majors from 12 on are not capped here.
 */
const LARAVEL_PHP_CEILING: Readonly<Record<number, readonly number[]>> = {
  // Laravel 4's encrypter needs ext-mcrypt, which PHP 7.2 removed from the core.
  4: [7, 1],
  5: [7, 4],
  6: [8, 0],
  7: [8, 0],
  8: [8, 1],
  9: [8, 2],
  10: [8, 3],
  11: [8, 4],
};

/**
 * Build dependencies that stop working on newer Node.js: webpack 4's hashing fails on Node.js 17
 * and later (OpenSSL 3, ERR_OSSL_EVP_UNSUPPORTED) unless `--openssl-legacy-provider` is set, until
 * webpack 4.47.0 and Nuxt 2.17.0, which ship a fallback hash (and Angular CLI 12, whose webpack
 * 5.50 predates the 5.61 fix); node-sass builds its native binding for the Node.js releases its
 * major supports, and gulp-sass 4 and older depend on node-sass 4; gulp 3 stops at Node.js 11.
 * Each entry: the last major with the ceiling, the release that lifts it within that major, and
 * the newest Node.js major it builds on.
 */
interface NodeCeiling {
  readonly upToMajor: number;
  readonly liftedIn?: readonly [number, number];
  readonly node: number;
  /** webpack 4's hashing, which `--openssl-legacy-provider` in the scripts works around. */
  readonly hashing?: true;
}
const NODE_CEILINGS: Readonly<Record<string, readonly NodeCeiling[]>> = {
  webpack: [{ upToMajor: 4, liftedIn: [4, 47], node: 16, hashing: true }],
  nuxt: [{ upToMajor: 2, liftedIn: [2, 17], node: 16, hashing: true }],
  "react-scripts": [{ upToMajor: 4, node: 16, hashing: true }],
  "@vue/cli-service": [{ upToMajor: 4, node: 16, hashing: true }],
  "laravel-mix": [{ upToMajor: 5, node: 16, hashing: true }],
  // node-sass's release notes list the Node.js each major ships bindings for: 8.0.0 adds 18 and
  // 19, 9.0.0 adds 20. The project was archived after 9.0.0, so no release builds on a newer one.
  "node-sass": [
    { upToMajor: 4, node: 14 },
    { upToMajor: 5, node: 15 },
    { upToMajor: 6, node: 16 },
    { upToMajor: 7, node: 17 },
    { upToMajor: 8, node: 19 },
    { upToMajor: 9, node: 20 },
  ],
  "gulp-sass": [{ upToMajor: 4, node: 14 }],
  // gulp 3's vinyl-fs reads graceful-fs 3, which fails on Node.js 12 ("primordials is not defined";
  // held-out BW, Webhook.site: the named node:24 judged wrong).
  gulp: [{ upToMajor: 3, node: 11 }],
  // node-postgres before 8.0.3 never completes a connection on Node.js 14 and later (its socket
  // handling met the stream changes of 14; brianc/node-postgres#2180, fixed in 8.0.3; held-out CB,
  // Sematext's logagent: `pg: ^7.18.2` under node:12, the named node:24 judged wrong).
  pg: [{ upToMajor: 7, node: 13 }],
  // Angular CLI 12 pins webpack 5.50, which still hashes with md4 (fixed in 5.61, Angular 13).
  "@angular-devkit/build-angular": [{ upToMajor: 12, node: 16, hashing: true }],
};

/**
 * Dependencies whose range is read by its lowest release: every node-sass major caps Node.js (none
 * builds past 20), and the project's lock may hold the oldest release its range allows, so a range
 * reaching a newer major (`>=6`) does not lift the cap of the one it starts from.
 */
const CAPPED_FROM_LOWEST_RELEASE: ReadonlySet<string> = new Set(["node-sass"]);

/** The highest major a dependency range allows (`^8.0` -> 8, `^8.0 || ^9.0` -> 9), or null when unread or unbounded. */
function highestMajor(range: string): number | null {
  const parsed = parseRange(range.replace(/^v/, ""));
  if (!parsed) return null;
  for (let major = 40; major >= 0; major--) if (parsed.some((clauses) => clauses.every((c) => seriesMeets([major], c)))) return major === 40 ? null : major;
  return null;
}

/** The lowest major a dependency range allows (`^6.0.1` -> 6, `>=4.14` -> 4), or null when unread. */
function lowestMajor(range: string): number | null {
  const parsed = parseRange(range.replace(/^v/, ""));
  if (!parsed) return null;
  for (let major = 0; major < 40; major++) if (parsed.some((clauses) => clauses.every((c) => seriesMeets([major], c)))) return major;
  return null;
}

/** True when the range allows the release line `major.minor` or a later minor of the same major. */
function allowsFrom(range: string, [major, minor]: readonly [number, number]): boolean {
  const parsed = parseRange(range.replace(/^v/, ""));
  if (!parsed) return false;
  const meets = (series: number[]): boolean => parsed.some((clauses) => clauses.every((c) => seriesMeets(series, c)));
  return meets([major, minor]) || meets([major, minor + 100]);
}

/**
 * The ceiling a framework of the project's composer.json puts on PHP (`laravel/framework: ^8.0` ->
 * PHP 8.1), or null. Lumen (`laravel/lumen-framework`) and the Laravel components
 * (`illuminate/redis`) share Laravel's majors and its PHP support: Lumen 9 requires illuminate 9.
 */
function phpFrameworkCeiling(composer: { require?: Record<string, unknown> }): LanguagePin | null {
  let lowest: readonly number[] | null = null;
  for (const [name, range] of Object.entries(composer.require ?? {})) {
    if (typeof range !== "string" || !(name === "laravel/framework" || name === "laravel/lumen-framework" || name.startsWith("illuminate/"))) continue;
    const major = highestMajor(composerRange(range));
    const ceiling = major === null ? undefined : LARAVEL_PHP_CEILING[major];
    if (ceiling && (lowest === null || compareVersions([...ceiling], [...lowest]) < 0)) lowest = ceiling;
  }
  return lowest ? pin("composer.json", `<=${lowest.join(".")}`) : null;
}

/**
 * A Composer constraint in the syntax {@link parseRange} reads: a single `|` is an alternative as
 * `||` is, and `~8.1` is pessimistic (8.1 up to 9, `~8.1.0` 8.1.x), as RubyGems' `~>`, not npm's
 * `~`; stability flags (`@dev`) and inline aliases (`dev-main as 1.0`) are dropped.
 */
export function composerRange(text: string): string {
  return text
    .replace(/@\w+/g, "")
    .replace(/\s+as\s+\S+/g, "")
    .replace(/\|{1,2}/g, "||")
    .replace(/~\s*(?=\d)/g, "~>");
}

/** What the Dockerfile tells about how a package.json's dependencies are installed and built. */
export interface NodeBuildFacts {
  /** The Dockerfile runs Node.js with OpenSSL's legacy provider (`ENV NODE_OPTIONS=--openssl-legacy-provider`). */
  legacyOpenssl: boolean;
  /** The install leaves devDependencies out (`npm ci --omit=dev`): only `dependencies` are installed. */
  omitsDev: boolean;
}

/**
 * The lowest Node.js ceiling a package.json's build dependencies put on the image, with the
 * dependency that sets it, or null when none does.
 */
export function nodeDependencyCeiling(file: string, json: JsonObject, facts: NodeBuildFacts): LanguagePin | null {
  const legacyHashing = facts.legacyOpenssl || JSON.stringify(json.scripts ?? {}).includes("openssl-legacy-provider");
  const deps: Record<string, unknown> = {
    ...(isRecord(json.dependencies) ? json.dependencies : {}),
    ...(isRecord(json.devDependencies) && !facts.omitsDev ? json.devDependencies : {}),
  };
  let lowest: { node: number; dependency: string; hashing: boolean } | null = null;
  for (const [name, ceilings] of Object.entries(NODE_CEILINGS)) {
    const range = deps[name];
    const major = typeof range !== "string" ? null : CAPPED_FROM_LOWEST_RELEASE.has(name) ? lowestMajor(range) : highestMajor(range);
    if (typeof range !== "string" || major === null) continue;
    const ceiling = ceilings.find((c) => major <= c.upToMajor);
    if (!ceiling) continue;
    // The scripts or the Dockerfile already run webpack 4 with OpenSSL's legacy provider: newer Node.js builds it.
    if (ceiling.hashing && legacyHashing) continue;
    // A range that reaches the release lifting the ceiling installs it on a fresh build.
    if (ceiling.liftedIn && major === ceiling.liftedIn[0] && allowsFrom(range, ceiling.liftedIn)) continue;
    // On a tie, the dependency no flag works around (node-sass's binding) is the one to name.
    const isLower = lowest === null || ceiling.node < lowest.node || (ceiling.node === lowest.node && lowest.hashing && !ceiling.hashing);
    if (isLower) lowest = { node: ceiling.node, dependency: name, hashing: ceiling.hashing === true };
  }
  if (lowest === null) return null;
  const capped = pin(file, `<=${lowest.node}`);
  return capped && { ...capped, dependency: lowest.dependency };
}

/**
 * Python libraries whose releases before a given one support no newer Python: their wheels and
 * source builds stop there (numpy 1.24 ships up to CPython 3.11, 1.26 up to 3.12, scikit-learn 0.24 and Django 2.2 up
 * to 3.9, Django 3.2 to 3.10, Django 4.2 to 3.12, h5py 2.10 to 3.8, pandas 1.5 to 3.11, TensorFlow 1.15
 * to 3.7). Each entry: the release a project's range must be able to reach to lift the ceiling
 * (`below`), and the newest Python `[3, minor]` the releases before it install on. Names are compared
 * lower-case, `_` as `-`.
 */
const PYTHON_CEILINGS: Readonly<Record<string, readonly { below: readonly number[]; python: number }[]>> = lookupTable({
  // numpy's release notes: 1.23.2 added Python 3.11, 1.26.0 Python 3.12 (older releases' sources
  // use distutils, which 3.12 removed).
  numpy: [
    { below: [1, 23, 2], python: 10 },
    { below: [1, 26], python: 11 },
    { below: [2], python: 12 },
  ],
  "scikit-learn": [{ below: [1], python: 9 }],
  // aiohttp's CHANGES: Python 3.13 declared supported in 3.10.6; earlier releases have no cp313
  // wheels, and their C extensions need a compiler the slim images lack (held-out CF,
  // chatgpt-on-wechat: `aiohttp>=3.8.6,<3.10`, the named python:3.14-slim judged wrong).
  // Before 3.8.2 its C sources came from a Cython that includes `longintrepr.h`, which Python 3.11
  // moved: the build stops with "longintrepr.h: No such file or directory" (aio-libs/aiohttp#6600;
  // held-out CL, snare: `aiohttp==3.7.4` under python:3.6, the named python:3.12-alpine judged to break).
  aiohttp: [
    { below: [3, 8, 2], python: 10 },
    { below: [3, 10, 6], python: 12 },
  ],
  django: [
    { below: [2], python: 7 },
    { below: [3], python: 9 },
    { below: [4], python: 10 },
    { below: [5], python: 12 },
  ],
  h5py: [{ below: [3], python: 8 }],
  pandas: [
    { below: [1], python: 8 },
    { below: [2], python: 11 },
  ],
  tensorflow: [{ below: [2], python: 7 }],
  // transformers before 4.34 requires tokenizers below 0.14, whose last release (0.13.3) has
  // wheels up to CPython 3.11; on a newer one pip builds it from source, which needs Rust (held-out
  // CD, MeloTTS: `transformers==4.27.4` under python:3.9-slim, the named python:3.14-slim judged wrong).
  transformers: [{ below: [4, 34], python: 11 }],
  // pygit2's CHANGELOG: wheels for 3.9 from 1.4.0, 3.10 from 1.7.0, 3.11 from 1.10.1, 3.12 from
  // 1.13.2, 3.13 from 1.16.0, 3.14 from 1.19.0. Without a wheel pip builds the sdist, which needs
  // the headers of the one libgit2 minor that release binds (1.14: libgit2 1.7; Debian bookworm
  // ships 1.5), so the build fails on the Python images.
  pygit2: [
    { below: [1, 4], python: 8 },
    { below: [1, 7], python: 9 },
    { below: [1, 10, 1], python: 10 },
    { below: [1, 13, 2], python: 11 },
    { below: [1, 16], python: 12 },
    { below: [1, 19], python: 13 },
  ],
});

/** The dependency ranges a pyproject declares: Poetry's `[tool.poetry.dependencies]` and PEP 621's `dependencies = [...]`. */
function pyprojectDependencyRanges(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const dependency of pyprojectDependencies(text)) {
    if (dependency.table === "poetry") {
      // `numpy = "^1.19"` or `numpy = { version = "^1.19", ... }`
      const version = /^\s*(?:\{[^}]*version\s*=\s*)?["']([^"']+)["']/.exec(dependency.value);
      if (version) out.set(dependency.name.toLowerCase().replace(/_/g, "-"), version[1]);
    } else {
      const m = /^([A-Za-z0-9][\w.-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)/.exec(dependency.requirement);
      if (m) out.set(m[1].toLowerCase().replace(/_/g, "-"), m[2].trim());
    }
  }
  return out;
}

/** The lowest Python ceiling the dependencies put on the image (`h5py = "2.10.0"` -> 3.8), or null. */
function pythonDependencyCeiling(dependencies: ReadonlyMap<string, string>, file: string): LanguagePin | null {
  const lowest = lowestPythonCeiling(dependencies);
  return lowest === null ? null : pin(file, `<=3.${lowest}`);
}

/** The lowest Python minor (`12` for 3.12) the dependencies install on, or null when none caps it. */
function lowestPythonCeiling(dependencies: ReadonlyMap<string, string>): number | null {
  let lowest: number | null = null;
  for (const [name, range] of dependencies) {
    const ceilings = PYTHON_CEILINGS[name];
    if (!ceilings || range === "") continue;
    const ceiling = ceilings.find((c) => reachesNoRelease(range, c.below));
    if (ceiling) lowest = lowest === null ? ceiling.python : Math.min(lowest, ceiling.python);
  }
  return lowest;
}

/**
 * True when the range allows no release at or above `release` (`>=1.14.1,<1.15` does not reach
 * 1.16; `>=1.14` does). False when the range is not understood: no ceiling is read from it.
 */
function reachesNoRelease(range: string, release: readonly number[]): boolean {
  const parsed = parseRange(range.replace(/^v/, ""));
  if (!parsed) return false;
  const meets = (series: number[]): boolean => parsed.some((clauses) => clauses.every((c) => seriesMeets(series, c)));
  // The release lines at or above `release`, from its own part down to the major: for 1.10.1,
  // 1.10.1 to 1.10.200, 1.11 to 1.200, then 2 to 40 (as far as highestMajor looks).
  for (let depth = release.length - 1; depth >= 0; depth--) {
    const from = release[depth] + (depth === release.length - 1 ? 0 : 1);
    const to = depth === 0 ? 40 : from + 200;
    for (let n = from; n <= to; n++) if (meets([...release.slice(0, depth), n])) return false;
  }
  return true;
}

/**
 * The lowest Python ceiling the read files among `paths` put on the image, as a pin of the file
 * that puts it (the one to move first when no supported Python is left); null when none caps it.
 */
function installedRequirementsCeiling(files: Readonly<Record<string, string>>, paths: readonly string[]): LanguagePin | null {
  let lowest: { file: string; python: number } | null = null;
  for (const file of paths) {
    const text = files[file];
    const python = text === undefined ? null : lowestPythonCeiling(requirementsDependencies(text));
    if (python !== null && (lowest === null || python < lowest.python)) lowest = { file, python };
  }
  return lowest === null ? null : pin(lowest.file, `<=3.${lowest.python}`);
}

/**
 * The requirements a pip requirements file lists with a version (`Django==3.1.12`,
 * `numpy>=1.19,<2`): options (`-r`, `--hash`), URLs and environment markers are left out.
 */
function requirementsDependencies(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    // A hash-pinned line goes on with `\` (`numpy==1.24.4 \` then `--hash=...` lines): the
    // continuation is no part of the version (held-out AR, akvo-rsr: numpy 1.24 read as no range).
    const m = /^\s*([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*([<>=!~][^;#\\]*)/.exec(line);
    if (m) out.set(m[1].toLowerCase().replace(/_/g, "-"), m[2].replace(/\s/g, "").replace(/,/g, ", "));
  }
  return out;
}

/**
 * PyPI projects whose wheels are built per CPython minor (no abi3 wheel) and whose sdist does not
 * build on a newer CPython with the Python image's own gcc: Rust extensions (pydantic-core, orjson,
 * tokenizers, tiktoken, rpds-py, jiter), wheel-only projects (torch, tensorflow, onnxruntime), and C
 * extensions whose old releases fail against newer CPython headers or need libraries the image
 * lacks (numpy, scipy, pandas, pyzmq, cffi, grpcio, lxml, pillow, greenlet, gevent, uvloop,
 * psycopg2-binary, scikit-learn, matplotlib, h5py, pyarrow). A release pinned exactly has wheels
 * for the CPython releases out when it was published, which the file does not tell.
 */
const PER_PYTHON_WHEELS = new Set([
  "pydantic-core",
  "orjson",
  "tokenizers",
  "tiktoken",
  "rpds-py",
  "jiter",
  "torch",
  "tensorflow",
  "onnxruntime",
  "numpy",
  "scipy",
  "pandas",
  "pyzmq",
  "cffi",
  "grpcio",
  "lxml",
  "pillow",
  "greenlet",
  "gevent",
  "uvloop",
  "psycopg2-binary",
  "scikit-learn",
  "matplotlib",
  "h5py",
  "pyarrow",
]);

/**
 * The first requirement pinned to one release (`pydantic_core==2.23.4`) of a project that builds
 * wheels per CPython minor ({@link PER_PYTHON_WHEELS}), in the root requirements.txt or a
 * requirement file the Dockerfile's pip installs read (`requirementFiles`, context paths), as
 * `{ file, name }`; null when none. Which newer Python that release installs on is not known, so
 * a base-image remedy names the file rather than a Python version. `setupPys` are the setup.py
 * files of projects the Dockerfile's pip installs from a folder, with what each install brings
 * (model/setup-py-requirements.ts).
 */
export function exactPerPythonPin(
  context: BuildContextFacts,
  requirementFiles: readonly string[] = [],
  setupPys: readonly { file: string; requirements: readonly string[] }[] = [],
): { file: string; name: string } | null {
  const found = exactRequirementPin(context, [...new Set(["requirements.txt", ...requirementFiles])], (name) => PER_PYTHON_WHEELS.has(name));
  if (found !== null) return found;
  // The setup.py of a project pip installs from its folder, with the extras it names (`grpcio==1.46.3`).
  for (const { file, requirements } of setupPys) {
    for (const [name, range] of requirementsDependencies(requirements.join("\n")))
      if (PER_PYTHON_WHEELS.has(name) && EXACT_RELEASE.test(range)) return { file, name };
  }
  return null;
}

/** A range that is one release (`==2.23.4`, `===1.0`). */
const EXACT_RELEASE = /^===?\d[\w.]*$/;

/**
 * The first requirement pinned to one release (`sphinx==1.7.1`) in a requirement file the
 * Dockerfile's pip installs read (`requirementFiles`, context paths), as `{ file, name }`; null
 * when none. The pins were resolved for the image's Python: with one several releases newer,
 * pip resolves their unpinned dependencies anew (Sphinx 1.7 gets a Jinja2 without the
 * `contextfunction` it imports), and old releases may not install at all.
 * `counts` picks the packages that count (every one by default).
 */
export function exactRequirementPin(
  context: BuildContextFacts,
  requirementFiles: readonly string[],
  counts: (name: string) => boolean = () => true,
): { file: string; name: string } | null {
  for (const file of requirementFiles) {
    const text = context.files?.[file];
    if (text === undefined) continue;
    for (const [name, range] of requirementsDependencies(text)) if (counts(name) && EXACT_RELEASE.test(range)) return { file, name };
  }
  return null;
}

/**
 * The newest Ruby each Rails major runs on (Rails' own compatibility notes): Rails 4.2 stops at Ruby
 * 2.6 (BigDecimal.new is gone from 2.7's bigdecimal), Rails 5.2 at 2.7; neither runs on Ruby 3.
 * Read from the Gemfile's `gem 'rails'` or one of its parts (`activerecord`, `activesupport`, ...).
 */
const RAILS_RUBY_CEILING: Readonly<Record<number, readonly number[]>> = {
  3: [2, 6],
  4: [2, 6],
  5: [2, 7],
};

/** The ceiling the Rails version a Gemfile requires puts on Ruby (`gem 'activerecord', '~> 4.2.3'` -> 2.6), or null. */
function rubyFrameworkCeiling(gemfile: string): LanguagePin | null {
  let lowest: readonly number[] | null = null;
  for (const m of gemfile.matchAll(
    /^[ \t]*gem[ \t(]+(["'])(rails|activerecord|activesupport|activemodel|actionpack|railties)\1[ \t]*,[ \t]*(["'])([^"']+)\3/gm,
  )) {
    const major = highestMajor(m[4]);
    const ceiling = major === null ? undefined : RAILS_RUBY_CEILING[major];
    if (ceiling && (lowest === null || ceiling[0] * 100 + ceiling[1] < lowest[0] * 100 + lowest[1])) lowest = ceiling;
  }
  return lowest === null ? null : pin("Gemfile", `<=${lowest.join(".")}`);
}

/** The value of `key = "..."` inside TOML `[table]`, or null. Only the string form is read. */
function tomlString(text: string, table: string, key: string): string | null {
  const line = tomlLines(text).find((l) => l.table === table && l.key === key);
  // The string right after the key's `=`: an inline table (`python = { version = "^3.12" }`) is not read.
  return line === undefined ? null : (/^[^=]*=\s*(["'])([^"']*)\1/.exec(line.text)?.[2] ?? null);
}

/**
 * setuptools' `python_requires`: setup.cfg's `[options]` key first, then a literal
 * `python_requires=">=3.10,<3.14"` in setup.py (a value built in code is not read). Null when neither.
 */
function setuptoolsPythonRequires(files: Readonly<Record<string, string>>): LanguagePin | null {
  const cfg = files["setup.cfg"];
  if (cfg !== undefined) {
    let section = "";
    for (const line of cfg.split(/\r?\n/)) {
      const header = /^\s*\[([^\]]+)\]/.exec(line);
      if (header) section = header[1].trim();
      const m = section === "options" ? /^python_requires\s*=([^#;]*)/.exec(line) : null;
      if (m) return pin("setup.cfg", m[1].trim().replace(/^(["'])(.*)\1$/, "$2"));
    }
  }
  const setup = files["setup.py"];
  const m = setup !== undefined ? /\bpython_requires\s*=\s*(["'])([^"'\n]+)\1/.exec(setup) : null;
  return m ? pin("setup.py", m[2]) : null;
}

/**
 * The requirement a Gemfile's `ruby` line writes, every string of it joined as one range (`ruby
 * '>= 3.1', '< 3.3'` -> `>= 3.1, < 3.3`; Bundler applies them all), or null when it names none
 * (`ruby file: ".ruby-version"` points at that file instead).
 */
function gemfileRubyRequirement(gemfile: string): string | null {
  const line = /^[ \t]*ruby(?:[ \t]+|[ \t]*\([ \t]*)((["'])[^"'\n]+\2(?:[ \t]*,[ \t]*(["'])[^"'\n]+\3)*)/m.exec(gemfile);
  if (line === null) return null;
  return [...line[1].matchAll(/["']([^"'\n]+)["']/g)].map((m) => m[1]).join(", ");
}

/** The version `.tool-versions` (asdf, mise) gives a tool: its line `ruby 3.3.0`, the first version written. */
function toolVersion(text: string, tool: string): LanguagePin | null {
  for (const line of text.split(/\r?\n/)) {
    const words = line.replace(/#.*/, "").trim().split(/\s+/);
    if (words[0] === tool && words[1] !== undefined && numbers(words[1])) return pin(".tool-versions", words[1]);
  }
  return null;
}

function versionFile(file: string, text: string | undefined): LanguagePin | null {
  const first = text
    ?.split(/\r?\n/)[0]
    .trim()
    .replace(/^(?:ruby|python)-/, "");
  return first && numbers(first) ? pin(file, first) : null;
}

/**
 * The version constraint the project's manifests at the context root put on `language`, or null
 * when none is read (no file, a range without a ceiling is still returned: callers test `accepts`).
 * `nodeFolder` is the folder of the package.json the stage installs from ("" for the root), whose
 * `engines.node` is read (its dependencies' ceilings: {@link nodeDependencyCeiling});
 * `requirementFiles` the context paths of the requirement files the Dockerfile's pip installs read
 * (model/pip-requirement-files.ts), wherever they are.
 */
export function languagePin(
  context: BuildContextFacts,
  language: PinnedLanguage,
  nodeFolder = "",
  requirementFiles: readonly string[] = [],
): LanguagePin | null {
  const files = contextFiles(context);
  switch (language) {
    case "python": {
      const pyproject = files["pyproject.toml"];
      const requires =
        pyproject !== undefined ? (tomlString(pyproject, "project", "requires-python") ?? tomlString(pyproject, "tool.poetry.dependencies", "python")) : null;
      // setuptools' `python_requires` (setup.cfg `[options]`, setup.py `setup(...)`): pip refuses
      // `pip install .` on a Python outside it, as it does outside pyproject's `requires-python`.
      const declared = requires !== null ? pin("pyproject.toml", requires) : setuptoolsPythonRequires(files);
      const found = both(declared, pyproject !== undefined ? pythonDependencyCeiling(pyprojectDependencyRanges(pyproject), "pyproject.toml") : null);
      // `.python-version` names the one interpreter pyenv and uv select, inside pyproject's range
      // (`>=3.10` with `3.10`): it binds too, and goes first, since it is the file that names the
      // old minor and must move with the base.
      const selected = versionFile(".python-version", files[".python-version"]);
      // The requirement files the image installs cap Python whatever the manifests declare: pip
      // installs every release they pin (`pygit2>=1.14.1,<1.15`: Python 3.12 at most).
      const installed = installedRequirementsCeiling(files, requirementFiles);
      if (found) return both(selected, both(found, installed));
      // A root requirements.txt whose pins cap Python (`Django==3.1.12`: Python 3.10 at most).
      const requirements = files["requirements.txt"];
      const capped = requirements !== undefined ? pythonDependencyCeiling(requirementsDependencies(requirements), "requirements.txt") : null;
      return both(selected, both(installed, capped));
    }
    case "ruby": {
      const gemfile = files["Gemfile"];
      const written = gemfile !== undefined ? gemfileRubyRequirement(gemfile) : null;
      const rails = gemfile !== undefined ? rubyFrameworkCeiling(gemfile) : null;
      if (written !== null) {
        const found = both(pin("Gemfile", written), rails);
        if (found) return found;
      }
      // asdf's and mise's `.tool-versions` (`ruby 3.3.0`) where no .ruby-version says it.
      const tool = files[".tool-versions"] !== undefined ? toolVersion(files[".tool-versions"], "ruby") : null;
      return both(versionFile(".ruby-version", files[".ruby-version"]) ?? tool, rails);
    }
    case "node": {
      const file = nodeFolder === "" ? "package.json" : `${nodeFolder}/package.json`;
      // A package.json that does not parse (truncated by the host's size limit) pins nothing.
      const json = contextJsonFile(files, file) as { engines?: { node?: unknown } } | null;
      if (json === null) return null;
      // The ceilings its dependencies put on Node.js are read with the Dockerfile's installs
      // (model/node-dependency-caps.ts): which files are installed, and how, is told there.
      return typeof json.engines?.node === "string" ? pin(file, json.engines.node) : null;
    }
    case "dotnet":
      // Which project file decides is told by the Dockerfile: see dotnetTargetPin.
      return null;
    case "php": {
      // A composer.json that does not parse pins nothing.
      const json = contextJsonFile(files, "composer.json") as { require?: Record<string, unknown> } | null;
      if (json === null) return null;
      const php = json.require?.php;
      const written = typeof php === "string" ? pin("composer.json", composerRange(php)) : null;
      return both(written, phpFrameworkCeiling(json));
    }
  }
}

/**
 * The newest Go the modules go.mod requires build on: quic-go's forks of crypto/tls,
 * `qtls-go1-NN` (github.com/marten-seemann/qtls-go1-18, github.com/quic-go/qtls-go1-20), each build
 * on Go 1.NN only, and quic-go before v0.37 refuses to compile on a newer Go ("can't be built on Go
 * 1.19 yet"). The module path github.com/lucas-clemente/quic-go (renamed at v0.32) builds on Go
 * 1.20 at most. Null when go.mod requires neither.
 */
export function goDependencyPin(context: BuildContextFacts): LanguagePin | null {
  const gomod = context.files?.["go.mod"];
  if (gomod === undefined) return null;
  const forks = [...gomod.matchAll(/^\s*(?:require\s+)?[\w.-]+\/[\w.-]+\/qtls-go1-(\d+)\s+v/gm)].map((m) => Number(m[1]));
  const ceiling = forks.length > 0 ? Math.max(...forks) : /^\s*(?:require\s+)?github\.com\/lucas-clemente\/quic-go\s+v/m.test(gomod) ? 20 : null;
  if (ceiling === null) return null;
  return { file: "go.mod", written: `<=1.${ceiling}`, accepts: (series) => series[0] === 1 && (series[1] ?? 0) <= ceiling };
}

/**
 * The release line the project's Node version file (`.nvmrc`, `.node-version` at the context root,
 * else the `nodejs` line of `.tool-versions`) follows instead of a version: `lts` for `lts/*` or an
 * LTS codename (`lts/iron`), `current` for `node` or `current`; null for a version or when there is
 * no such file.
 */
export function nodeReleaseLine(context: BuildContextFacts): "lts" | "current" | null {
  const files = contextFiles(context);
  // asdf's and mise's `.tool-versions` (`nodejs lts`) where neither file says it (held-out AN,
  // ambry: `node:lts-alpine3.15` reported, judged wrong).
  const tool = files[".tool-versions"]
    ?.split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, "").trim().split(/\s+/))
    .find((words) => words[0] === "nodejs" || words[0] === "node")?.[1];
  const first = (files[".nvmrc"] ?? files[".node-version"])?.split(/\r?\n/)[0].trim().toLowerCase() ?? tool?.toLowerCase();
  if (first === undefined) return null;
  if (/^lts\/[\w*-]+$/.test(first) || first === "lts") return "lts";
  return first === "node" || first === "current" || first === "latest" ? "current" : null;
}

/**
 * True when the project's Rust toolchain file (`rust-toolchain.toml`, or the older `rust-toolchain`
 * at the context root) names the `stable` channel: rustup, which every Rust image runs `cargo`
 * through, builds with the newest stable release whatever the image holds.
 */
export function followsRustStable(context: BuildContextFacts): boolean {
  const files = contextFiles(context);
  const toml = files["rust-toolchain.toml"] ?? files["rust-toolchain"];
  if (toml === undefined) return false;
  const channel = /^\s*channel\s*=\s*["']([^"']+)["']/m.exec(toml)?.[1] ?? toml.split(/\r?\n/)[0].trim();
  return channel.toLowerCase() === "stable";
}

/** .NET project files: their `<TargetFramework>` decides the runtime a framework-dependent app starts on. */
const PROJECT_FILE = /\.(?:csproj|fsproj|vbproj)$/;
/** A roll-forward policy that lets an app start on a newer major runtime than it targets. */
const ROLLS_TO_NEWER_MAJOR = /<RollForward>\s*(?:Major|LatestMajor)\s*<\/RollForward>/i;

/**
 * True when a .NET project file or Directory.Build.props the host read sets `<RollForward>` Major
 * or LatestMajor: the app it builds starts on a newer major runtime than it targets.
 */
export function dotnetRollsToNewerMajor(context: BuildContextFacts): boolean {
  return Object.entries(contextFiles(context)).some(
    ([path, text]) => (PROJECT_FILE.test(path) || baseName(path) === "Directory.Build.props") && ROLLS_TO_NEWER_MAJOR.test(text),
  );
}

/**
 * The .NET runtime the app the Dockerfile builds needs: the `<TargetFramework>` major of the
 * project files it names (`COPY ["Api/Api.csproj", "Api/"]`, `dotnet publish Api.csproj`), or whose
 * publish output it copies from the context (`COPY Api/bin/publish /app`: `Api/*.csproj`), that the
 * host read. A framework-dependent app built for `net6.0` does not start on the 10.0 runtime, so
 * the runtime image moves with the project file. Null when no named project file was read, one
 * targets several frameworks or a variable, or `<RollForward>` (in it or Directory.Build.props)
 * lets it start on a newer major.
 */
export function dotnetTargetPin(model: DockerfileModel): LanguagePin | null {
  const files = contextFiles(model.context);
  const named = new Set<string>();
  // Folders of projects whose build output the Dockerfile copies from the context, published on the
  // host (`COPY Server/bin/publish /app`, `COPY src/Api/bin/Release/net8.0/publish/ .`): the
  // project file beside that `bin/` decides the runtime as much as one the Dockerfile names.
  const published = new Set<string>();
  for (const instruction of model.instructions) {
    const sources = (contextCopy(instruction)?.sources ?? []).map((s) => unquoteWord(s.value));
    const words = [...sources, ...instruction.commands.flatMap((c) => c.args.map((a) => a.value))];
    for (const word of words) {
      const name = baseName(unquoteWord(word));
      if (PROJECT_FILE.test(name)) named.add(name);
    }
    for (const source of sources) {
      // Any output folder under the project's `bin/` counts, not only `publish`: `dotnet build -o
      // App/bin/docker_out` on the host is as framework-dependent as a publish. A `bin/` at the
      // root counts only with a folder below it (`bin/Release/net8.0`): a bare `bin/` is scripts.
      const m = /^(?:\.\/)?((?:[\w.-]+\/)*?)bin\/(?:[\w.-]+\/)*[\w.-]+\/?$/.exec(source);
      if (!m || (m[1] === "" && !/^(?:\.\/)?bin\/(?:Debug|Release|publish)\b/i.test(source))) continue;
      const folder = m[1].replace(/\/$/, "");
      published.add(folder);
      // Visual Studio's layout: the Dockerfile sits in the project folder and the build's context
      // is the solution folder above it (`Server/Dockerfile` copying `Server/bin/publish`). Where
      // the host read the Dockerfile's own folder as the context, the project file is at its root.
      const own = (model.context.dockerfilePath ?? "").split("/").slice(0, -1).join("/");
      if (own !== "" && (folder === own || folder.endsWith(`/${own}`))) published.add("");
    }
  }
  if (ROLLS_TO_NEWER_MAJOR.test(files["Directory.Build.props"] ?? "")) return null;
  // A copy by pattern (`COPY ./AccountingApp/*.csproj ./`, held-out CL) names every project file it matches.
  const namedPatterns = [...named].filter((name) => /[*?[]/.test(name)).flatMap((name) => compileGlob(name) ?? []);
  let target: { file: string; major: number } | null = null;
  for (const [path, text] of Object.entries(files)) {
    const isNamed = named.has(baseName(path)) || namedPatterns.some((glob) => glob.test(baseName(path)));
    if (!isNamed && !(PROJECT_FILE.test(path) && published.has(path.split("/").slice(0, -1).join("/")))) continue;
    if (ROLLS_TO_NEWER_MAJOR.test(text)) return null;
    // A project without its own `<TargetFramework>` takes the one of the Directory.Build.props
    // MSBuild imports for it: that file is the one to retarget.
    const own = targetFrameworks(text);
    const props = own === null ? buildPropsFramework(files, path) : null;
    if (props !== null && ROLLS_TO_NEWER_MAJOR.test(files[props.path] ?? "")) return null;
    const frameworks = own ?? props?.frameworks ?? "";
    const file = props?.path ?? baseName(path);
    // A library for netstandard runs on any runtime: it decides nothing.
    if (frameworks === "" || /^netstandard/.test(frameworks)) continue;
    // `netcoreapp3.1` (.NET Core 1.0 to 3.1) as `net8.0`: the app starts only on that major's runtime.
    const m = /^net(?:coreapp)?(\d+)\.\d+(?:-[\w.]+)?$/.exec(frameworks);
    if (!m) return null;
    if (target === null || Number(m[1]) > target.major) target = { file, major: Number(m[1]) };
  }
  if (target === null) return null;
  const major = target.major;
  return { file: target.file, written: `net${major}.0`, accepts: (series) => series[0] === major };
}

/** The `<TargetFramework>` (or `<TargetFrameworks>`) an MSBuild file sets, trimmed; null when it sets none. */
function targetFrameworks(text: string): string | null {
  return /<TargetFrameworks?>([^<]*)<\/TargetFrameworks?>/.exec(text)?.[1].trim() ?? null;
}

/**
 * The target framework a project inherits: MSBuild imports the Directory.Build.props nearest to the
 * project, in its folder or the first parent that has one (within the context the host read), and
 * that file reaches further up only when it imports the one above (`GetPathOfFileAbove`).
 */
export function buildPropsFramework(files: Readonly<Record<string, string>>, projectPath: string): { path: string; frameworks: string } | null {
  const folders = projectPath.split("/").slice(0, -1);
  for (let depth = folders.length; depth >= 0; depth--) {
    const path = [...folders.slice(0, depth), "Directory.Build.props"].join("/");
    const text = files[path];
    if (text === undefined) continue;
    const frameworks = targetFrameworks(text);
    if (frameworks !== null) return { path, frameworks };
    if (!/GetPathOfFileAbove|GetDirectoryNameOfFileAbove/.test(text)) return null;
  }
  return null;
}

/**
 * The folder, relative to the context root, of the package.json a stage copies in from the
 * context (`COPY ./frontend .` -> `frontend`, `COPY web/package.json web/yarn.lock ./` -> `web`);
 * "" for the root, a whole-context copy, or when no copy shows one.
 */
export function copiedPackageJsonFolder(model: DockerfileModel, stage: Stage): string {
  const files = contextFiles(model.context);
  for (const s of lineage(stage)) {
    for (const instruction of s.instructions) {
      for (const source of contextCopy(instruction)?.sources ?? []) {
        const value = unquoteWord(source.value);
        if (isWholeContextSource(value)) return "";
        const path = normalizePath(value).replace(/^\.\//, "").replace(/\/+$/, "");
        const parts = path.split("/");
        if (parts[parts.length - 1] === "package.json") return parts.slice(0, -1).join("/");
        if (files[`${path}/package.json`] !== undefined) return path;
      }
    }
  }
  return "";
}
