// Real builds: each fixture app is built from its single-stage Dockerfile and from the multi-stage
// Dockerfile that `stagecraft convert` writes for it, with buildah; both images run under podman and
// must print the same thing, and the converted final image must be smaller (at least 5× for Go).
//
// Needs root, buildah, podman, runc and debootstrap (scripts/ci-install-build-deps.sh) and access to
// the Debian mirror apt uses. Nothing is pulled from an image registry: base images are fixtures made
// from Debian packages (support/fixture-images.ts), and official names in Dockerfiles are mapped to
// them (support/image-map.ts). Fixture images are cached in STAGECRAFT_BUILD_CACHE
// (default ~/.cache/stagecraft-build); the first run makes them in a few minutes, later runs reuse them.

import * as assert from "assert";
import { spawnSync } from "child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { homedir, tmpdir } from "os";
import { join, resolve } from "path";
import { Engine } from "./support/engine";
import { ensureFixtureImages, fixtureRoles } from "./support/fixture-images";
import { fixtureMappings, mapToFixtures } from "./support/image-map";
import { formatBytes, formatSizeTable, ratio, SizeRow } from "./support/size-table";

const REPO = resolve(__dirname, "..", "..");
const CLI = join(REPO, "dist", "cli.js");
const APPS = join(__dirname, "apps");
const TEST_REPOSITORY = "localhost/stagecraft-test";

interface Case {
  app: "go" | "node" | "python" | "go-web" | "go-logfile" | "rust-config" | "node-devcli" | "python-native";
  runtime?: "distroless" | "scratch" | "slim";
  /** How many times smaller the converted final image must be; 1 means "smaller". */
  minRatio: number;
}

const cases: Case[] = [
  { app: "go", runtime: "distroless", minRatio: 5 },
  { app: "go", runtime: "scratch", minRatio: 5 },
  { app: "node", runtime: "slim", minRatio: 1 },
  { app: "python", runtime: "slim", minRatio: 1 },
  // Apps shaped like real projects (issue #10): what the program reads and links at run time. They
  // convert with the runtime the planner picks itself, as a user gets it from the lightbulb.
  { app: "go-web", minRatio: 1 }, // templates/ parsed at start, SQLite through cgo (glibc runtime)
  { app: "go-logfile", minRatio: 5 }, // appends to /var/log/<name>.log as nonroot on distroless static
  { app: "rust-config", minRatio: 1 }, // App.toml read from the working directory at start
  { app: "node-devcli", minRatio: 1 }, // `npm start` runs cross-env, a devDependency
  { app: "python-native", minRatio: 1 }, // a C extension linking libyaml (the runtime needs the library)
];

interface BuiltImage {
  image: string;
  base: string;
  output: string;
  seconds: number;
}

const cacheDir = process.env.STAGECRAFT_BUILD_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "stagecraft-build");
let workDir = "";
let engine: Engine;
const originals = new Map<string, Promise<BuiltImage>>();
const sizeRows: SizeRow[] = [];

describe("real builds: single-stage vs converted", function () {
  // The first run on a machine makes the fixture images (several minutes, more on a busy machine).
  this.timeout(30 * 60 * 1000);

  before(async function () {
    workDir = mkdtempSync(join(tmpdir(), "stagecraft-build-"));
    engine = new Engine({ cacheDir, workDir });
    await engine.removeWorkingContainers();
    const report = await ensureFixtureImages(engine, workDir);
    log(`fixture images (${engine.driver} storage in ${engine.graphRoot}; Debian mirror ${report.mirror}):`);
    for (const timing of report.timings) {
      log(`  ${timing.image.padEnd(52)} ${timing.reused ? "reused" : "built "} ${timing.seconds.toFixed(1).padStart(6)} s  ${fixtureRoles[timing.image]}`);
    }
    log("official images -> fixtures, applied to every FROM before building:");
    const width = Math.max(...fixtureMappings.map((mapping) => mapping.official.length));
    for (const mapping of fixtureMappings) log(`  ${mapping.official.padEnd(width)} -> ${mapping.fixture}`);
  });

  after(async function () {
    if (sizeRows.length > 0) log(`\nimage sizes (podman image inspect .Size, uncompressed):\n${indent(formatSizeTable(sizeRows))}`);
    if (engine) {
      await engine.removeImages([
        ...cases.map((c) => `${TEST_REPOSITORY}/${c.app}:${c.runtime ?? "auto"}`),
        ...cases.map((c) => `${TEST_REPOSITORY}/${c.app}:original`),
      ]);
      await engine.removeWorkingContainers();
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  for (const testCase of cases) {
    describe(`${testCase.app} app, converted with ${testCase.runtime ? `--runtime ${testCase.runtime}` : "the runtime the planner picks"}`, function () {
      let converted: string | undefined;
      let original: BuiltImage | undefined;
      let result: BuiltImage | undefined;

      it("converts to a multi-stage Dockerfile with `stagecraft convert`", function () {
        converted = convert(testCase);
        const stages = converted.match(/^\s*FROM\s/gim) ?? [];
        assert.ok(stages.length >= 2, `expected at least two stages, got:\n${converted}`);
      });

      it("builds and runs the original single-stage Dockerfile", async function () {
        original = await buildOriginal(testCase.app);
        assert.notStrictEqual(original.output.trim(), "", "the original image printed nothing");
      });

      it("builds the converted Dockerfile, which prints the same output", async function () {
        assert.ok(converted !== undefined && original !== undefined, "needs the conversion and the original build above");
        result = await buildAndRun(testCase.app, testCase.runtime ?? "auto", converted);
        log(`    built in ${result.seconds.toFixed(1)} s; output: ${JSON.stringify(firstLine(result.output))}`);
        assert.strictEqual(result.output, original.output);
      });

      const claim = testCase.minRatio > 1 ? `at least ${testCase.minRatio}× smaller` : "smaller";
      it(`ships a final image ${claim} than the original`, async function () {
        assert.ok(original !== undefined && result !== undefined, "needs both builds above");
        const row: SizeRow = {
          app: testCase.app,
          runtime: testCase.runtime ?? "auto",
          originalBase: original.base,
          convertedBase: result.base,
          originalBytes: await engine.size(original.image),
          convertedBytes: await engine.size(result.image),
        };
        sizeRows.push(row);
        const summary = `${formatBytes(row.originalBytes)} -> ${formatBytes(row.convertedBytes)} (${ratio(row).toFixed(1)}×)`;
        log(`    ${summary}`);
        if (testCase.minRatio > 1) assert.ok(ratio(row) >= testCase.minRatio, `only ${summary}`);
        else assert.ok(row.convertedBytes < row.originalBytes, `not smaller: ${summary}`);
      });
    });
  }
});

/** The CLI as users run it: `stagecraft convert <Dockerfile> --runtime <family>` prints the new file. */
function convert(testCase: Case): string {
  const dockerfile = join(APPS, testCase.app, "Dockerfile");
  const runtime = testCase.runtime ? ["--runtime", testCase.runtime] : [];
  const result = spawnSync(process.execPath, [CLI, "convert", dockerfile, ...runtime], { cwd: REPO, encoding: "utf8" });
  assert.strictEqual(result.status, 0, `stagecraft convert exited with ${result.status}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

function buildOriginal(app: string): Promise<BuiltImage> {
  let pending = originals.get(app);
  if (!pending) {
    pending = buildAndRun(app, "original", readFileSync(join(APPS, app, "Dockerfile"), "utf8"));
    originals.set(app, pending);
  }
  return pending;
}

/** Builds a Dockerfile (its images mapped to fixtures) on a copy of the app's directory, then runs it. */
async function buildAndRun(app: string, variant: string, dockerfile: string): Promise<BuiltImage> {
  const started = Date.now();
  const context = join(workDir, "contexts", app);
  mkdirSync(join(workDir, "contexts"), { recursive: true });
  cpSync(join(APPS, app), context, { recursive: true, force: true });
  const mapped = mapToFixtures(dockerfile);
  log(`    ${app} ${variant}: ${mapped.replacements.map((r) => `${r.official} -> ${r.fixture}`).join(", ") || "no images to map"}`);
  const containerfile = join(workDir, `${app}-${variant}.Dockerfile`);
  writeFileSync(containerfile, mapped.dockerfile);
  const image = `${TEST_REPOSITORY}/${app}:${variant}`;
  await engine.build({ containerfile, context, tag: image });
  const output = await engine.runImage(image);
  return { image, base: finalBase(dockerfile), output, seconds: (Date.now() - started) / 1000 };
}

/** The image the last stage starts from, as the Dockerfile names it. */
function finalBase(dockerfile: string): string {
  const froms = [...dockerfile.matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)/gim)];
  return froms.length > 0 ? froms[froms.length - 1][1] : "?";
}

function firstLine(text: string): string {
  return text.split("\n")[0];
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

function log(message: string): void {
  console.log(message);
}
