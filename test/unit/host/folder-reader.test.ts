import * as assert from "assert";
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import { readBuildArgs } from "../../../server/src/host/build-args";
import { readBuildTargets } from "../../../server/src/host/build-targets";
import { readComposeServices } from "../../../server/src/host/compose-services";
import { FolderReader } from "../../../server/src/host/folder-reader";
import { repositoryRoot } from "../../../server/src/host/paths";
import { QuickDisk } from "../../../server/src/host/quick-disk";
import { readBuildContext } from "../../../server/src/host/node-context";
import { TempProjects } from "../../support/temp-project";

const projects = new TempProjects("stagecraft-folder-reader");

/** A disk on which a blocking call was already too slow. */
function slowDisk(): QuickDisk {
  const disk = new QuickDisk(-1);
  disk.timed(() => undefined);
  return disk;
}

describe("FolderReader: one cached look at the disk", () => {
  after(() => projects.dispose());

  const modes: { name: string; sync: () => boolean | QuickDisk }[] = [
    { name: "asynchronous", sync: () => false },
    { name: "blocking (the CLI)", sync: () => true },
    { name: "blocking while the disk is quick (the language server)", sync: () => new QuickDisk() },
    { name: "after a slow call turned blocking off", sync: () => slowDisk() },
  ];
  for (const mode of modes) {
    describe(mode.name, () => {
      // Each test's readers share one disk, as the language server's do.
      let sync: boolean | QuickDisk;
      beforeEach(() => (sync = mode.sync()));

      it("lists a folder once: later changes are not seen by the same reader", async () => {
        const dir = projects.create({ Dockerfile: "FROM alpine:3.22\n" });
        const reader = new FolderReader({ sync });
        assert.strictEqual(await reader.readSmall(join(dir, "compose.yaml"), 1024), null);
        writeFileSync(join(dir, "compose.yaml"), "services: {}\n");
        // Absent from the listing taken before: answered without opening the file.
        assert.strictEqual(await reader.readSmall(join(dir, "compose.yaml"), 1024), null);
        assert.strictEqual(await new FolderReader({ sync }).readSmall(join(dir, "compose.yaml"), 1024), "services: {}\n");
      });

      it("answers from a listing it was given (the CLI's discovery), as from its own; never replaces one it took", async () => {
        const dir = projects.create({ Dockerfile: "FROM alpine:3.22\n" });
        const reader = new FolderReader({ sync });
        const given = readdirSync(dir, { withFileTypes: true });
        writeFileSync(join(dir, "compose.yaml"), "services: {}\n");
        reader.remember(dir, given);
        assert.deepStrictEqual(await reader.list(dir), await new FolderReader({ sync }).list(projects.create({ Dockerfile: "" })));
        assert.strictEqual(await reader.readSmall(join(dir, "compose.yaml"), 1024), null, "not in the listing given");
        reader.remember(dir, readdirSync(dir, { withFileTypes: true }));
        assert.strictEqual(await reader.readSmall(join(dir, "compose.yaml"), 1024), null, "the first listing stays");
      });

      it("reads a file once, and keeps the refusals of readTextFile (size, binary)", async () => {
        const dir = projects.create({ "a.txt": "one\n", "big.txt": "x".repeat(2000), "bin.txt": "a\u0000b" });
        const reader = new FolderReader({ sync });
        assert.strictEqual(await reader.readSmall(join(dir, "a.txt"), 1024), "one\n");
        writeFileSync(join(dir, "a.txt"), "two\n");
        assert.strictEqual(await reader.readSmall(join(dir, "a.txt"), 1024), "one\n");
        assert.strictEqual(await reader.readSmall(join(dir, "big.txt"), 1024), null);
        const head = await reader.read(join(dir, "big.txt"), 10, { truncate: true });
        assert.deepStrictEqual(head, { ok: true, text: "x".repeat(10) });
        assert.strictEqual(await reader.readSmall(join(dir, "bin.txt"), 1024), null);
        assert.strictEqual((await reader.read(join(dir, "missing.txt"))).ok, false);
      });

      it("matches names in any case, as a case-insensitive file system would open them", async () => {
        const dir = projects.create({ "Compose.yaml": "services: {}\n" });
        const reader = new FolderReader({ sync });
        assert.strictEqual(await reader.mayHave(dir, "compose.yaml"), true);
        assert.strictEqual(await reader.has(dir, "COMPOSE.YAML"), true);
        assert.strictEqual(await reader.has(dir, ".git"), false);
      });

      it("falls back to opening the path when the folder cannot be listed", async function () {
        if (process.getuid?.() === 0) this.skip(); // root lists any folder
        const dir = projects.create({ "locked/compose.yaml": "services: {}\n" });
        chmodSync(join(dir, "locked"), 0o311);
        try {
          const reader = new FolderReader({ sync });
          assert.strictEqual(await reader.list(join(dir, "locked")), null);
          assert.strictEqual(await reader.readSmall(join(dir, "locked", "compose.yaml"), 1024), "services: {}\n");
        } finally {
          chmodSync(join(dir, "locked"), 0o755);
        }
      });
    });
  }

  describe("QuickDisk: blocking calls while the disk is quick", () => {
    it("the first call over the limit turns blocking off, and is reported once with its time", () => {
      const reported: number[] = [];
      const disk = new QuickDisk(5, (ms) => reported.push(ms));
      assert.strictEqual(
        disk.timed(() => 1),
        1,
      );
      assert.strictEqual(disk.quick, true);
      const busyUntil = performance.now() + 15;
      disk.timed(() => {
        while (performance.now() < busyUntil) {
          // A slow disk, as seen from the server thread.
        }
      });
      assert.strictEqual(disk.quick, false);
      disk.timed(() => {
        while (performance.now() < busyUntil + 15) {
          // Slow again: already off, not reported twice.
        }
      });
      assert.strictEqual(reported.length, 1);
      assert.ok(reported[0] >= 15, `reported ${reported[0]} ms`);
    });

    it("a call that throws is timed too, and its error passes through", () => {
      const disk = new QuickDisk(-1);
      assert.throws(
        () =>
          disk.timed(() => {
            throw new Error("ENOENT");
          }),
        /ENOENT/,
      );
      assert.strictEqual(disk.quick, false);
    });

    it("a reader keeps answering the same when its first blocking call turns blocking off", async () => {
      const dir = projects.create({ "a.txt": "one\n", "sub/b.txt": "two\n" });
      let reports = 0;
      const disk = new QuickDisk(-1, () => reports++);
      const reader = new FolderReader({ sync: disk });
      // Listing dir/sub blocks, and is over the limit: everything after goes through the thread pool.
      assert.strictEqual(await reader.readSmall(join(dir, "sub", "b.txt"), 1024), "two\n");
      assert.strictEqual(disk.quick, false);
      assert.strictEqual(await reader.readSmall(join(dir, "a.txt"), 1024), "one\n");
      assert.strictEqual(await reader.has(dir, "sub"), true);
      assert.strictEqual(await reader.isPresent(join(dir, "missing")), false);
      assert.strictEqual(reports, 1);
    });
  });

  describe("maxFolders: a bounded reader (the language server's, shared for its life)", () => {
    it("keeps the folders used last; one pushed out is listed again when asked", async () => {
      const dirs = [0, 1, 2].map(() => projects.create({ Dockerfile: "FROM alpine:3.22\n" }));
      const reader = new FolderReader({ maxFolders: 2 });
      for (const dir of dirs.slice(0, 2)) assert.strictEqual(await reader.has(dir, "compose.yaml"), false);
      for (const dir of dirs) writeFileSync(join(dir, "compose.yaml"), "services: {}\n");
      // dirs[0] used again, so dirs[1] is the least recently used when dirs[2] comes.
      assert.strictEqual(await reader.has(dirs[0], "compose.yaml"), false);
      assert.strictEqual(await reader.has(dirs[2], "compose.yaml"), true);
      assert.strictEqual(await reader.has(dirs[0], "compose.yaml"), false, "kept: the listing taken before");
      assert.strictEqual(await reader.has(dirs[1], "compose.yaml"), true, "pushed out: listed again");
    });

    it("reads and derived facts are bounded too, and an unbounded reader keeps everything", async () => {
      const dirs = Array.from({ length: 6 }, () => projects.create({ "a.txt": "one\n" }));
      const bounded = new FolderReader({ maxFolders: 2 });
      const unbounded = new FolderReader();
      for (const reader of [bounded, unbounded]) {
        for (const dir of dirs) {
          assert.strictEqual(await reader.readSmall(join(dir, "a.txt"), 1024), "one\n");
          await reader.memo(`fact\u0000${dir}`, () => Promise.resolve(dir));
        }
      }
      for (const dir of dirs) writeFileSync(join(dir, "a.txt"), "two\n");
      assert.strictEqual(await bounded.readSmall(join(dirs[0], "a.txt"), 1024), "two\n");
      assert.strictEqual(await bounded.memo(`fact\u0000${dirs[0]}`, () => Promise.resolve("computed again")), "computed again");
      assert.strictEqual(await unbounded.readSmall(join(dirs[0], "a.txt"), 1024), "one\n");
      assert.strictEqual(await unbounded.memo(`fact\u0000${dirs[0]}`, () => Promise.resolve("computed again")), dirs[0]);
    });

    it("forget drops what changed from a bounded reader as from an unbounded one", async () => {
      const dir = projects.create({ "a.sh": "one\n", "sub/b.sh": "b\n" });
      const reader = new FolderReader({ maxFolders: 100 });
      assert.strictEqual(await reader.readSmall(join(dir, "a.sh"), 1024), "one\n");
      assert.strictEqual(await reader.readSmall(join(dir, "sub", "b.sh"), 1024), "b\n");
      writeFileSync(join(dir, "a.sh"), "two\n");
      rmSync(join(dir, "sub"), { recursive: true });
      assert.strictEqual(
        reader.forget([
          { path: join(dir, "a.sh"), presence: false },
          { path: join(dir, "sub"), presence: true },
        ]),
        true,
      );
      assert.strictEqual(await reader.readSmall(join(dir, "a.sh"), 1024), "two\n");
      assert.strictEqual(await reader.readSmall(join(dir, "sub", "b.sh"), 1024), null);
    });
  });

  describe("forget: the changes the editor reports", () => {
    it("a changed file is read again; its folder's listing is kept", async () => {
      const dir = projects.create({ "a.sh": "one\n", "b.sh": "b\n" });
      const reader = new FolderReader();
      assert.strictEqual(await reader.readSmall(join(dir, "a.sh"), 1024), "one\n");
      assert.strictEqual(await reader.readSmall(join(dir, "b.sh"), 1024), "b\n");
      const listing = await reader.list(dir);
      writeFileSync(join(dir, "a.sh"), "two\n");
      writeFileSync(join(dir, "b.sh"), "B\n");
      assert.strictEqual(reader.forget([{ path: join(dir, "a.sh"), presence: false }]), true);
      assert.strictEqual(await reader.readSmall(join(dir, "a.sh"), 1024), "two\n");
      // Not reported: still the text read before.
      assert.strictEqual(await reader.readSmall(join(dir, "b.sh"), 1024), "b\n");
      assert.strictEqual(await reader.list(dir), listing);
    });

    it("a created file is seen in its folder's listing, and parsed compose services follow their file", async () => {
      const dir = projects.create({ "compose.yaml": "services:\n  a: {}\n" });
      const reader = new FolderReader();
      assert.strictEqual((await reader.composeServicesIn(dir, "compose.yaml", 1024))?.length, 1);
      assert.strictEqual(await reader.has(dir, ".dockerignore"), false);
      writeFileSync(join(dir, ".dockerignore"), "x\n");
      writeFileSync(join(dir, "compose.yaml"), "services:\n  a: {}\n  b: {}\n");
      reader.forget([
        { path: join(dir, ".dockerignore"), presence: true },
        { path: join(dir, "compose.yaml"), presence: false },
      ]);
      assert.strictEqual(await reader.has(dir, ".dockerignore"), true);
      assert.strictEqual((await reader.composeServicesIn(dir, "compose.yaml", 1024))?.length, 2);
    });

    it("a folder that appears or disappears takes everything read at or below it", async () => {
      const dir = projects.create({ "sub/inner/a.txt": "one\n" });
      const reader = new FolderReader();
      assert.strictEqual(await reader.readSmall(join(dir, "sub", "inner", "a.txt"), 1024), "one\n");
      const memo = await reader.memo("k", () => Promise.resolve({}));
      rmSync(join(dir, "sub"), { recursive: true });
      assert.strictEqual(reader.forget([{ path: join(dir, "sub"), presence: true }]), true);
      assert.strictEqual(await reader.has(dir, "sub"), false);
      assert.strictEqual(await reader.list(join(dir, "sub", "inner")), null);
      assert.strictEqual(await reader.readSmall(join(dir, "sub", "inner", "a.txt"), 1024), null);
      // Derived facts are computed again.
      assert.notStrictEqual(await reader.memo("k", () => Promise.resolve({})), memo);
    });

    it("facts read once per project folder follow what changed: compose args and targets, a new repository root", async () => {
      const dir = projects.create({
        "repo/.git/HEAD": "ref: refs/heads/main\n",
        "repo/compose.yaml": "services:\n  a:\n    build:\n      context: app\n      target: one\n      args: [A]\n",
        "repo/app/.github/workflows/ci.yml": "jobs:\n  x:\n    steps:\n      - run: docker build --target ci --build-arg CI_ARG .\n",
        "repo/app/Dockerfile": "FROM alpine:3.22\n",
        "repo/app/other/Dockerfile": "FROM alpine:3.22\n",
      });
      const repo = join(dir, "repo");
      const app = join(repo, "app");
      const reader = new FolderReader();
      const read = async (folder: string) => ({
        targets: await readBuildTargets(folder, reader),
        args: await readBuildArgs(join(folder, "Dockerfile"), reader),
        root: await repositoryRoot(folder, reader),
      });
      // app/.github is no repository root's: its workflow is not read.
      const before = await read(app);
      assert.deepStrictEqual(before.targets, ["one"]);
      assert.deepStrictEqual(before.args.passed, ["A"]);
      assert.strictEqual(before.args.composeBuilds, 1);
      assert.strictEqual(before.root, repo);
      // A second Dockerfile below the same folders: the same folder facts, its own compose match.
      const other = await read(join(app, "other"));
      assert.deepStrictEqual(other.targets, ["one"]);
      assert.strictEqual(other.args.composeBuilds, 0);

      writeFileSync(join(repo, "compose.yaml"), "services:\n  a:\n    build:\n      context: app\n      target: two\n      args: [B]\n");
      assert.strictEqual(reader.forget([{ path: join(repo, "compose.yaml"), presence: false }]), true);
      assert.deepStrictEqual((await read(app)).targets, ["two"]);
      assert.deepStrictEqual((await read(join(app, "other"))).args.passed, ["B"]);

      // app becomes a repository of its own: the walk stops there, and its workflows count.
      mkdirSync(join(app, ".git"));
      assert.strictEqual(reader.forget([{ path: join(app, ".git"), presence: true }]), true);
      const after = await read(app);
      assert.deepStrictEqual(after.targets, ["ci"]);
      assert.deepStrictEqual(after.args.passed, ["CI_ARG"]);
      assert.strictEqual(after.args.composeBuilds, 0);
      assert.strictEqual(after.root, app);
      assert.deepStrictEqual((await read(join(app, "other"))).targets, ["ci"]);
    });

    it("the compose files of a folder, found once for its Dockerfiles, follow a compose file created beside them", async () => {
      const dir = projects.create({ ".git/HEAD": "ref: refs/heads/main\n", "a/Dockerfile": "FROM alpine:3.22\n", "b/Dockerfile": "FROM alpine:3.22\n" });
      const reader = new FolderReader();
      assert.deepStrictEqual(await readComposeServices(join(dir, "a", "Dockerfile"), reader), []);
      writeFileSync(join(dir, "docker-compose.prod.yml"), "services:\n  a:\n    build: a\n    user: app\n");
      assert.strictEqual(reader.forget([{ path: join(dir, "docker-compose.prod.yml"), presence: true }]), true);
      assert.deepStrictEqual(
        (await readComposeServices(join(dir, "a", "Dockerfile"), reader)).map((s) => [s.file, s.builds, s.user]),
        [["../docker-compose.prod.yml", true, "app"]],
      );
      assert.deepStrictEqual(await readComposeServices(join(dir, "b", "Dockerfile"), reader), []);
    });

    it("a path nothing was read from drops nothing", async () => {
      const dir = projects.create({ "a.txt": "one\n" });
      const reader = new FolderReader();
      await reader.readSmall(join(dir, "a.txt"), 1024);
      const memo = await reader.memo("k", () => Promise.resolve({}));
      assert.strictEqual(reader.forget([{ path: join(dir, "elsewhere", "b.txt"), presence: false }]), false);
      assert.strictEqual(reader.forget([{ path: join(dir, "elsewhere", "b.txt"), presence: true }]), false);
      assert.strictEqual(await reader.memo("k", () => Promise.resolve({})), memo);
    });
  });

  it("readBuildContext reads afresh by default (the language server sees edits) and from a shared reader when given", async () => {
    const dir = projects.create({ Dockerfile: "FROM alpine:3.22\n" });
    const uri = pathToFileURL(join(dir, "Dockerfile")).href;
    const shared = new FolderReader();
    assert.strictEqual((await readBuildContext(uri, shared)).dockerignore, null);
    writeFileSync(join(dir, ".dockerignore"), "node_modules\n");
    assert.strictEqual((await readBuildContext(uri)).dockerignore, "node_modules\n");
    assert.strictEqual((await readBuildContext(uri, shared)).dockerignore, null);
  });
});
