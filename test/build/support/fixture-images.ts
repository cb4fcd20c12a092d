// Base images for the real-build suite, made here instead of pulled: a Debian root from debootstrap,
// then toolchain and runtime images built on it from Debian's packages. They are named
// localhost/stagecraft-fixture/* and labelled as fixtures: stand-ins for the official images with the
// same role (a Go toolchain, a slim Node runtime...), never copies of them.
//
// Each image carries a label with the hash of its recipe (and of its parent's), so a later run reuses
// the image from the cache while the recipe is unchanged and rebuilds it when anything in it changes.

import { createHash } from "crypto";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { debianMirror } from "./debian-mirror";
import { Engine } from "./engine";
import { run } from "./process";

export const FIXTURE_REPOSITORY = "localhost/stagecraft-fixture";
const RECIPE_LABEL = "org.stagecraft.fixture.recipe";
const DESCRIPTION_LABEL = "org.opencontainers.image.description";

const SUITE = "bookworm";

export const fixtures = {
  debianSlim: `${FIXTURE_REPOSITORY}/debian:bookworm-slim`,
  golang: `${FIXTURE_REPOSITORY}/golang:1.19-bookworm`,
  rust: `${FIXTURE_REPOSITORY}/rust:1.63-bookworm`,
  glibc: `${FIXTURE_REPOSITORY}/glibc:debian12`,
  nodeSlim: `${FIXTURE_REPOSITORY}/node:18-bookworm-slim`,
  node: `${FIXTURE_REPOSITORY}/node:18-bookworm`,
  pythonSlim: `${FIXTURE_REPOSITORY}/python:3.11-slim-bookworm`,
  python: `${FIXTURE_REPOSITORY}/python:3.11-bookworm`,
  static: `${FIXTURE_REPOSITORY}/static:debian12`,
  staticNonroot: `${FIXTURE_REPOSITORY}/static:debian12-nonroot`,
} as const;

/**
 * Removes what a container base does not need and keeps later apt installs just as lean. dpkg skips
 * the fsync per unpacked file, as in official Debian images: a fixture interrupted mid-install is
 * rebuilt, never repaired, and npm alone is 400 packages. (The text is part of the recipe hash.)
 */
const TRIM_ROOTFS = String.raw`
set -eu
cd "$ROOTFS"
rm -rf usr/share/doc/* usr/share/man/* usr/share/info/* usr/share/locale/* usr/share/lintian \
  var/lib/apt/lists/* var/cache/apt/*.bin var/cache/apt/archives/*.deb var/log/*.log var/log/apt/* \
  var/cache/debconf/*-old var/lib/dpkg/*-old
mkdir -p etc/dpkg/dpkg.cfg.d
printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
  'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' 'path-exclude /usr/share/locale/*' \
  'path-exclude /usr/share/lintian/*' > etc/dpkg/dpkg.cfg.d/stagecraft-fixture-slim
printf '%s\n' 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };' \
  'Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";' > etc/apt/apt.conf.d/stagecraft-fixture-clean
echo force-unsafe-io > etc/dpkg/dpkg.cfg.d/stagecraft-fixture-unsafe-io
rm -f etc/hostname etc/resolv.conf
`;

const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/**
 * Package lists come from debootstrap and are mounted into each build (see APT_LISTS_MOUNT), so no
 * fixture runs \`apt-get update\` and none keeps the 50 MB of lists in its layers.
 */
const aptInstall = (packages: string) => `RUN DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages}`;

const APT_LISTS_MOUNT = "/var/lib/apt/lists";

const nodeUser = "RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node";

/** Official Python images install Python outside the distribution, so pip may install into it. */
const pipAllowed = "RUN rm -f /usr/lib/python3*/EXTERNALLY-MANAGED";

interface DerivedFixture {
  name: string;
  parent: string;
  role: string;
  /** Names the stage FROM the parent when the recipe copies out of it. */
  stage?: string;
  /** Everything after the first FROM line. */
  containerfile: string;
}

const derived: DerivedFixture[] = [
  {
    name: fixtures.golang,
    parent: fixtures.debianSlim,
    // Official golang images carry gcc and libc headers, so cgo builds (go-sqlite3...) work in them.
    role: "a Go toolchain image (Debian golang-go, gcc and libc headers), standing in for golang:*",
    containerfile: [aptInstall("golang-go gcc libc6-dev ca-certificates"), "ENV GOPATH=/go PATH=/go/bin:" + DEFAULT_PATH, "WORKDIR /go"].join("\n"),
  },
  {
    name: fixtures.rust,
    parent: fixtures.debianSlim,
    role: "a Rust toolchain image (Debian rustc and cargo, gcc), standing in for rust:*",
    containerfile: [aptInstall("rustc cargo gcc libc6-dev ca-certificates"), "ENV CARGO_HOME=/usr/local/cargo PATH=/usr/local/cargo/bin:" + DEFAULT_PATH].join(
      "\n",
    ),
  },
  {
    name: fixtures.glibc,
    parent: fixtures.debianSlim,
    // Distroless base/cc hold glibc, libgcc, libssl and CA certificates and no shell; the stand-in is
    // Debian slim with the same libraries, so it proves the binary's libraries, not the missing shell.
    role: "a glibc runtime (Debian slim with libgcc, libssl and CA certificates), standing in for gcr.io/distroless/base* and cc*",
    containerfile: [aptInstall("libssl3 ca-certificates")].join("\n"),
  },
  {
    name: fixtures.nodeSlim,
    parent: fixtures.debianSlim,
    // Official slim Node images ship npm too, and converted Dockerfiles run `npm ci --omit=dev` on them.
    role: "a Node runtime image (Debian nodejs and npm, user node), standing in for node:*-slim",
    containerfile: [aptInstall("nodejs npm"), nodeUser, 'CMD ["node"]'].join("\n"),
  },
  {
    name: fixtures.node,
    parent: fixtures.nodeSlim,
    // What the full image adds over slim: the compilers native addons build with.
    role: "a Node build image (the slim fixture plus g++ and make), standing in for node:*",
    containerfile: [aptInstall("g++ make"), 'CMD ["node"]'].join("\n"),
  },
  {
    name: fixtures.pythonSlim,
    parent: fixtures.debianSlim,
    role: "a Python runtime image (Debian python3), standing in for python:*-slim",
    containerfile: [aptInstall("python3 python-is-python3"), pipAllowed, 'CMD ["python3"]'].join("\n"),
  },
  {
    name: fixtures.python,
    parent: fixtures.pythonSlim,
    // The official full image builds on buildpack-deps (compilers and headers for native wheels).
    role: "a Python build image (the slim fixture plus venv, pip, g++ and make), standing in for python:*",
    containerfile: [aptInstall("python3-venv python3-pip python3-dev g++ make"), pipAllowed, 'CMD ["python3"]'].join("\n"),
  },
  {
    name: fixtures.static,
    // The Go fixture already has the CA bundle (converted Go images copy it into scratch too);
    // installing ca-certificates again would cost another minute of update-ca-certificates.
    parent: fixtures.golang,
    role: "an empty image with CA certificates and the users root, nobody and nonroot, standing in for gcr.io/distroless/static*",
    stage: "rootfs",
    containerfile: [
      String.raw`RUN mkdir -p /out/etc/ssl/certs /out/tmp /out/home/nonroot \
 && cp /etc/ssl/certs/ca-certificates.crt /out/etc/ssl/certs/ \
 && printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' 'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' \
      'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin' > /out/etc/passwd \
 && printf '%s\n' 'root:x:0:' 'nobody:x:65534:' 'nonroot:x:65532:' > /out/etc/group \
 && chmod 1777 /out/tmp && chown 65532:65532 /out/home/nonroot`,
      "FROM scratch",
      "COPY --from=rootfs /out/ /",
      `ENV PATH=${DEFAULT_PATH} SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt`,
    ].join("\n"),
  },
  {
    name: fixtures.staticNonroot,
    parent: fixtures.static,
    role: "the static fixture running as nonroot (uid 65532), standing in for gcr.io/distroless/static*:nonroot",
    containerfile: ["USER 65532:65532", "WORKDIR /home/nonroot"].join("\n"),
  },
];

export interface FixtureTiming {
  image: string;
  seconds: number;
  reused: boolean;
}

export interface FixtureReport {
  mirror: string;
  timings: FixtureTiming[];
}

/** What each fixture image stands in for, for the suite's printed mapping. */
export const fixtureRoles: Record<string, string> = {
  [fixtures.debianSlim]: "a Debian bookworm minbase root from debootstrap, trimmed, standing in for debian:bookworm-slim",
  ...Object.fromEntries(derived.map((fixture) => [fixture.name, fixture.role])),
};

/** Makes every fixture image that is missing or out of date, one after another. */
export async function ensureFixtureImages(engine: Engine, workDir: string): Promise<FixtureReport> {
  const mirror = debianMirror(SUITE);
  const timings: FixtureTiming[] = [];
  const hashes = new Map<string, string>();

  const baseHash = hash(JSON.stringify({ suite: SUITE, variant: "minbase", mirror, arch: process.arch, trim: TRIM_ROOTFS, path: DEFAULT_PATH }));
  hashes.set(fixtures.debianSlim, baseHash);
  // The lists debootstrap downloaded belong with the base image: without them, remake both.
  const aptLists = join(engine.cacheDir, "apt-lists", baseHash.slice(0, 16));
  const listsKept = existsSync(join(aptLists, "partial"));
  timings.push(await ensure(engine, fixtures.debianSlim, baseHash, listsKept, () => importDebianRoot(engine, workDir, mirror, baseHash, aptLists)));

  const building = new Map<string, Promise<void>>();
  const buildDerived = (fixture: DerivedFixture): Promise<void> => {
    let pending = building.get(fixture.name);
    if (!pending) {
      pending = (async () => {
        const parent = derived.find((candidate) => candidate.name === fixture.parent);
        if (parent) await buildDerived(parent);
        const from = fixture.stage ? `FROM ${fixture.parent} AS ${fixture.stage}` : `FROM ${fixture.parent}`;
        const containerfile = `${from}\n${fixture.containerfile}\n`;
        const recipeHash = hash(`${hashes.get(fixture.parent)}\n${containerfile}`);
        hashes.set(fixture.name, recipeHash);
        timings.push(
          await ensure(engine, fixture.name, recipeHash, true, async () => {
            const dir = join(workDir, "fixtures", hash(fixture.name).slice(0, 12));
            mkdirSync(dir, { recursive: true });
            writeFileSync(join(dir, "Containerfile"), containerfile);
            await engine.build({
              containerfile: join(dir, "Containerfile"),
              context: dir,
              tag: fixture.name,
              volumes: [`${aptLists}:${APT_LISTS_MOUNT}`],
              labels: { [RECIPE_LABEL]: recipeHash, [DESCRIPTION_LABEL]: `Stagecraft test fixture: ${fixture.role}` },
            });
          }),
        );
      })();
      building.set(fixture.name, pending);
    }
    return pending;
  };
  // One build at a time: parallel chroot builds from one freshly reused base have failed here with
  // "fork/exec /bin/sh: no such file or directory" (overlay storage), and apt is the bottleneck anyway.
  for (const fixture of derived) await buildDerived(fixture);
  return { mirror, timings };
}

async function ensure(engine: Engine, image: string, recipeHash: string, reusable: boolean, make: () => Promise<void>): Promise<FixtureTiming> {
  const started = Date.now();
  const reused = reusable && (await engine.label(image, RECIPE_LABEL)) === recipeHash;
  if (!reused) await make();
  return { image, seconds: (Date.now() - started) / 1000, reused };
}

async function importDebianRoot(engine: Engine, workDir: string, mirror: string, recipeHash: string, aptLists: string): Promise<void> {
  const rootfs = join(workDir, "debian-rootfs");
  const tarball = join(workDir, "debian-rootfs.tar");
  rmSync(rootfs, { recursive: true, force: true });
  try {
    const debs = join(engine.cacheDir, "debootstrap-debs");
    mkdirSync(debs, { recursive: true });
    await run("debootstrap", ["--variant=minbase", `--cache-dir=${debs}`, SUITE, rootfs, mirror]);
    rmSync(aptLists, { recursive: true, force: true });
    mkdirSync(dirname(aptLists), { recursive: true });
    renameSync(join(rootfs, APT_LISTS_MOUNT), aptLists);
    mkdirSync(join(aptLists, "partial"), { recursive: true });
    await run("bash", ["-c", TRIM_ROOTFS], { env: { ...process.env, ROOTFS: rootfs } });
    await run("tar", ["-C", rootfs, "-cf", tarball, "."]);
    await engine.podman([
      "import",
      "--change",
      `ENV PATH=${DEFAULT_PATH}`,
      "--change",
      'CMD ["bash"]',
      "--change",
      `LABEL ${RECIPE_LABEL}=${recipeHash}`,
      "--change",
      `LABEL ${DESCRIPTION_LABEL}="Stagecraft test fixture: ${fixtureRoles[fixtures.debianSlim]}"`,
      tarball,
      fixtures.debianSlim,
    ]);
  } finally {
    rmSync(rootfs, { recursive: true, force: true });
    rmSync(tarball, { force: true });
  }
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
