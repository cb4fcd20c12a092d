// The compile cache (host/compile-cache.ts): a bundle loaded through it behaves as under `require`
// (stack traces included); its bytecode is saved once and used by the next load; a changed bundle
// (even of the same length, which V8 alone would not notice), a damaged cache (which V8 alone would
// crash on) or an unwritable folder never reaches the module or stops it loading; our caches
// unused for a month are pruned, and nothing else. The chunks it requires beside it go through the cache too.

import * as assert from "assert";
import { spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { type CompileCacheOutcome, compileCacheDirectory, requireWithCompileCache } from "../../../server/src/host/compile-cache";
import { TempProjects } from "../../support/temp-project";

const REPO = resolve(__dirname, "..", "..", "..");
const MODULE = join(REPO, "server", "src", "host", "compile-cache.ts");

const BUNDLE = [
  '"use strict";',
  'const sibling = require("./sibling.js");',
  'const path = require("path");',
  "function answer() { return 6 * 7; }",
  "module.exports = { answer: answer(), sibling, dir: __dirname, file: __filename, base: path.basename(__filename), self: this === module.exports };",
  "",
].join("\n");

interface Loaded {
  answer: number;
  sibling: string;
  dir: string;
  file: string;
  base: string;
  self: boolean;
}

describe("host: compile cache", function () {
  this.timeout(20000);
  const projects = new TempProjects("compile-cache");
  after(() => projects.dispose());

  /**
   * Loads `file` through a cache in `directory` in a process of its own (V8 keeps what it compiled in
   * memory: a second load in this process would not read the cache at all); the new cache, if any,
   * is saved before that process ends.
   */
  function load(file: string, directory: string | undefined): { exports: Loaded; cache: CompileCacheOutcome; saveError?: string } {
    const script = `
      const { requireWithCompileCache } = require(${JSON.stringify(MODULE)});
      let saveError;
      const { exports, cache } = requireWithCompileCache(${JSON.stringify(file)}, { directory: ${JSON.stringify(directory)}, saveAfterMs: 0, onSaved: (error) => (saveError = error && error.message) });
      process.on("exit", () => process.stdout.write(JSON.stringify({ exports, cache, saveError })));`;
    const child = spawnSync(process.execPath, ["-r", "esbuild-register", "-e", script], { encoding: "utf8", cwd: REPO });
    assert.strictEqual(child.status, 0, child.stderr);
    return JSON.parse(child.stdout) as { exports: Loaded; cache: CompileCacheOutcome; saveError?: string };
  }

  function project(bundle = BUNDLE): { file: string; cacheDir: string } {
    const dir = projects.create({ "server.js": bundle, "sibling.js": 'module.exports = "beside";\n' });
    return { file: join(dir, "server.js"), cacheDir: join(dir, "cache", "nested") };
  }

  it("loads a bundle as require would, saves its bytecode once and uses it at the next load", () => {
    const { file, cacheDir } = project();
    const first = load(file, cacheDir);
    assert.strictEqual(first.cache, "missing");
    assert.strictEqual(first.saveError, undefined);
    assert.deepStrictEqual(first.exports, { answer: 42, sibling: "beside", dir: join(file, ".."), file, base: "server.js", self: true });
    // The bundle's and its chunk's (the script beside it it requires).
    const [cache, chunkCache] = readdirSync(cacheDir).sort();
    assert.match(cache, /^server-[0-9a-f]{32}\.v8cache$/);
    assert.match(chunkCache, /^sibling-[0-9a-f]{32}\.v8cache$/);
    // The folder and the file are the user's alone: a cache is code.
    if (process.platform !== "win32") {
      assert.strictEqual(statSync(cacheDir).mode & 0o777, 0o700);
      assert.strictEqual(statSync(join(cacheDir, cache)).mode & 0o777, 0o600);
    }
    const saved = statSync(join(cacheDir, cache)).ino;
    const second = load(file, cacheDir);
    assert.strictEqual(second.cache, "used");
    assert.deepStrictEqual(second.exports, first.exports);
    // Used, not written again (a new cache is renamed into place: another inode).
    assert.strictEqual(statSync(join(cacheDir, cache)).ino, saved);
    assert.deepStrictEqual(readdirSync(cacheDir).sort(), [cache, chunkCache], "no partial write left behind");
  });

  it("loads the bundle's chunks (scripts beside it) through the cache too, each once; anything else as Node does", () => {
    const bundle = [
      'const first = require("./chunk.js");',
      "module.exports = {",
      '  once: first === require("./chunk.js"),',
      "  value: first.value,",
      '  json: require("./data.json").n,',
      '  resolved: require.resolve("./chunk.js"),',
      '  builtIn: typeof require("node:path").join,',
      "};",
      "",
    ].join("\n");
    const dir = projects.create({ "server.js": bundle, "chunk.js": 'module.exports = { value: "chunk" };\n', "data.json": '{ "n": 1 }\n' });
    const [file, cacheDir] = [join(dir, "server.js"), join(dir, "cache")];
    const expected = { once: true, value: "chunk", json: 1, resolved: join(dir, "chunk.js"), builtIn: "function" };
    assert.deepStrictEqual(load(file, cacheDir).exports, expected);
    const chunkCache = readdirSync(cacheDir).find((name) => name.startsWith("chunk-"));
    assert.ok(chunkCache, `the chunk's cache was saved: ${readdirSync(cacheDir).join(", ")}`);
    const saved = statSync(join(cacheDir, chunkCache)).ino;
    assert.deepStrictEqual(load(file, cacheDir).exports, expected);
    assert.strictEqual(statSync(join(cacheDir, chunkCache)).ino, saved, "the chunk's cache was used, not written again");
    assert.deepStrictEqual(load(file, undefined).exports, expected, "the same without a cache");
  });

  it("never gives a changed bundle the old one's cache, even at the same length", () => {
    const { file, cacheDir } = project();
    load(file, cacheDir);
    const changed = BUNDLE.replace("6 * 7", "7 * 7");
    assert.strictEqual(changed.length, BUNDLE.length);
    writeFileSync(file, changed);
    const loaded = load(file, cacheDir);
    assert.strictEqual(loaded.cache, "missing");
    assert.strictEqual(loaded.exports.answer, 49);
    assert.strictEqual(load(file, cacheDir).cache, "used");
  });

  const damages: { name: string; damage: (cache: Buffer) => Buffer }[] = [
    { name: "junk", damage: () => Buffer.alloc(4096, 7) },
    { name: "cut short", damage: (cache) => cache.subarray(0, cache.length >> 1) },
    // The header V8 checks is sound, the bytecode is not: V8 itself would crash on it (release builds do not verify its checksum).
    {
      name: "damaged in the middle",
      damage: (cache) => {
        const copy = Buffer.from(cache);
        for (let i = copy.length >> 1; i < (copy.length >> 1) + 64; i++) copy[i] ^= 0x5a;
        return copy;
      },
    },
  ];
  for (const { name, damage } of damages) {
    it(`replaces a cache file that is ${name}, and loads the bundle meanwhile`, () => {
      const { file, cacheDir } = project();
      load(file, cacheDir);
      const cacheFile = join(cacheDir, readdirSync(cacheDir)[0]);
      writeFileSync(cacheFile, damage(readFileSync(cacheFile)));
      const refused = load(file, cacheDir);
      assert.strictEqual(refused.cache, "rejected");
      assert.strictEqual(refused.exports.answer, 42);
      assert.strictEqual(refused.saveError, undefined);
      assert.strictEqual(load(file, cacheDir).cache, "used");
    });
  }

  /** What loading `file` gives or throws in a process of its own, through the cache in `directory` or with plain require (undefined). */
  function outcome(file: string, directory: string | undefined): { exports?: unknown; code?: string; message?: string } {
    const script = `
      const { requireWithCompileCache } = require(${JSON.stringify(MODULE)});
      try {
        const { exports } = requireWithCompileCache(${JSON.stringify(file)}, { directory: ${JSON.stringify(directory)}, saveAfterMs: 0 });
        process.stdout.write(JSON.stringify({ exports }));
      } catch (error) {
        process.stdout.write(JSON.stringify({ code: error.code, message: error.message.split("\\n")[0] }));
      }`;
    const child = spawnSync(process.execPath, ["-r", "esbuild-register", "-e", script], { encoding: "utf8", cwd: REPO });
    assert.strictEqual(child.status, 0, child.stderr);
    return JSON.parse(child.stdout) as { exports?: unknown; code?: string; message?: string };
  }

  it("fails on a chunk that is not there exactly as require fails", () => {
    const dir = projects.create({ "server.js": 'module.exports = require("./missing.js");\n' });
    const file = join(dir, "server.js");
    const cached = outcome(file, join(dir, "cache"));
    assert.strictEqual(cached.code, "MODULE_NOT_FOUND");
    assert.deepStrictEqual(cached, outcome(file, undefined));
  });

  it("gives chunks that require each other what require gives (the exports so far), each chunk run once", () => {
    const dir = projects.create({
      "server.js":
        'const a = require("./a.js");\nconst b = require("./b.js");\nmodule.exports = { a: a.name, seen: a.seen, b: b.name, runs: globalThis.runs };\n',
      "a.js": 'globalThis.runs = (globalThis.runs || 0) + 1;\nexports.name = "a";\nexports.seen = require("./b.js").seen;\n',
      "b.js": 'globalThis.runs = (globalThis.runs || 0) + 1;\nexports.name = "b";\nexports.seen = require("./a.js").name;\n',
    });
    const file = join(dir, "server.js");
    const expected = { a: "a", seen: "a", b: "b", runs: 2 };
    assert.deepStrictEqual(outcome(file, undefined).exports, expected);
    assert.deepStrictEqual(outcome(file, join(dir, "cache")).exports, expected);
    assert.deepStrictEqual(outcome(file, join(dir, "cache")).exports, expected, "and with the caches saved by the first load");
  });

  it("loads the bundle where the folder cannot be written, and says why nothing was saved", () => {
    const { file, cacheDir } = project();
    // A file where the folder should be.
    writeFileSync(join(cacheDir, ".."), "not a folder");
    const loaded = load(file, cacheDir);
    assert.strictEqual(loaded.cache, "missing");
    assert.strictEqual(loaded.exports.answer, 42);
    assert.match(loaded.saveError ?? "", /ENOTDIR|EEXIST|not a directory/i, "the save failed and said so");
  });

  it("loads the bundle as require does when the cache is off", () => {
    const { file } = project();
    const loaded = load(file, undefined);
    assert.strictEqual(loaded.cache, "off");
    assert.strictEqual(loaded.exports.answer, 42);
    assert.strictEqual(loaded.exports.sibling, "beside");
  });

  it("passes on what the bundle throws, at the bundle's own line and column", () => {
    const { file, cacheDir } = project('"use strict";\n  throw new Error("the bundle failed");\n');
    assert.throws(
      () => requireWithCompileCache(file, { directory: cacheDir, saveAfterMs: 60_000, save: false }),
      (error: Error) => /the bundle failed/.test(error.message) && (error.stack ?? "").includes(`${file}:2:9`),
    );
  });

  it("removes the caches no load has used for a month when it saves one, and nothing else", () => {
    const { file, cacheDir } = project();
    load(file, cacheDir);
    const stale = join(cacheDir, `node-server-${"0".repeat(32)}.v8cache`);
    const abandoned = join(cacheDir, `node-server-${"1".repeat(32)}.v8cache.4242.partial`);
    const recent = join(cacheDir, `node-server-${"2".repeat(32)}.v8cache`);
    // Not ours, even old and named like a cache: the folder may be shared (STAGECRAFT_COMPILE_CACHE).
    const others = [join(cacheDir, "notes.txt"), join(cacheDir, "other-tool.v8cache")];
    for (const path of [stale, abandoned, recent, ...others]) writeFileSync(path, "x");
    const monthsAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    for (const path of [stale, abandoned, ...others]) utimesSync(path, monthsAgo, monthsAgo);
    // A used cache is touched, so that it is not taken for a left-over one.
    const used = join(cacheDir, readdirSync(cacheDir).find((name) => name.startsWith("server-")) as string);
    utimesSync(used, monthsAgo, monthsAgo);
    assert.strictEqual(load(file, cacheDir).cache, "used");
    assert.ok(statSync(used).mtimeMs > Date.now() - 60_000);
    writeFileSync(file, BUNDLE.replace("6 * 7", "6 * 8"));
    assert.strictEqual(load(file, cacheDir).cache, "missing");
    assert.ok(!existsSync(stale), "a cache unused for 40 days is removed");
    assert.ok(!existsSync(abandoned), "an abandoned partial write is removed");
    for (const path of [recent, ...others, used]) assert.ok(existsSync(path), path);
  });

  describe("the cache folder", () => {
    const cases: { name: string; env: NodeJS.ProcessEnv; platform: NodeJS.Platform; home: string; expected: string | undefined }[] = [
      { name: "Linux", env: {}, platform: "linux", home: "/home/ada", expected: "/home/ada/.cache/stagecraft/compile-cache" },
      {
        name: "XDG_CACHE_HOME",
        env: { XDG_CACHE_HOME: "/var/cache/ada" },
        platform: "linux",
        home: "/home/ada",
        expected: "/var/cache/ada/stagecraft/compile-cache",
      },
      {
        name: "a relative XDG_CACHE_HOME (ignored)",
        env: { XDG_CACHE_HOME: "cache" },
        platform: "linux",
        home: "/home/ada",
        expected: "/home/ada/.cache/stagecraft/compile-cache",
      },
      { name: "macOS", env: {}, platform: "darwin", home: "/Users/ada", expected: "/Users/ada/Library/Caches/stagecraft/compile-cache" },
      { name: "the setting", env: { STAGECRAFT_COMPILE_CACHE: "/srv/cache" }, platform: "linux", home: "/home/ada", expected: "/srv/cache" },
      { name: "the setting off", env: { STAGECRAFT_COMPILE_CACHE: "off" }, platform: "linux", home: "/home/ada", expected: undefined },
      { name: "the setting empty", env: { STAGECRAFT_COMPILE_CACHE: " " }, platform: "linux", home: "/home/ada", expected: undefined },
      { name: "no home folder", env: {}, platform: "linux", home: "", expected: undefined },
      // A relative folder would be one of the project the process runs in: never read code from there.
      { name: "a relative setting", env: { STAGECRAFT_COMPILE_CACHE: "cache" }, platform: "linux", home: "/home/ada", expected: undefined },
      { name: "a relative home", env: {}, platform: "linux", home: "ada", expected: undefined },
      {
        name: "Windows, an empty LOCALAPPDATA",
        env: { LOCALAPPDATA: "" },
        platform: "win32",
        home: "C:\\Users\\ada",
        expected: "C:\\Users\\ada\\AppData\\Local\\stagecraft\\compile-cache",
      },
    ];
    for (const { name, env, platform, home, expected } of cases) {
      it(name, () => assert.strictEqual(compileCacheDirectory(env, platform, home), expected));
    }

    it("Windows", () => {
      const folder = compileCacheDirectory({ LOCALAPPDATA: "C:\\Users\\ada\\AppData\\Local" }, "win32", "C:\\Users\\ada");
      assert.strictEqual(folder, "C:\\Users\\ada\\AppData\\Local\\stagecraft\\compile-cache");
    });
  });
});
