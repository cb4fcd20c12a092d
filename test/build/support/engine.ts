// buildah and podman with a configuration of their own, so the suite never touches the machine's
// container storage or registries and never pulls: every image it uses is built here or is `scratch`.
// The settings follow ../shared/notes/container-engines.md: runc with cgroupfs (crun refuses the hybrid
// cgroup setup of these machines) and ulimits below what the sandbox allows.

import { mkdirSync, statfsSync, writeFileSync } from "fs";
import { join } from "path";
import { run, runAllowingFailure, RunResult } from "./process";

/** statfs magic of overlayfs: native overlay storage cannot sit on top of it. */
const OVERLAYFS_MAGIC = 0x794c7630;

export type StorageDriver = "overlay" | "vfs";

export interface EngineOptions {
  /** Kept between runs: image storage, so fixture images survive. */
  cacheDir: string;
  /** Thrown away after the run: runtime state, configuration files, build contexts. */
  workDir: string;
  driver?: StorageDriver;
}

export class Engine {
  readonly driver: StorageDriver;
  readonly env: NodeJS.ProcessEnv;
  readonly graphRoot: string;
  readonly cacheDir: string;

  constructor(options: EngineOptions) {
    this.cacheDir = options.cacheDir;
    mkdirSync(options.cacheDir, { recursive: true });
    this.driver = options.driver ?? defaultDriver(options.cacheDir);
    // One storage per driver: a storage directory cannot change driver once it holds layers.
    this.graphRoot = join(options.cacheDir, `storage-${this.driver}`);
    const runRoot = join(options.workDir, "runroot");
    const configDir = join(options.workDir, "config");
    for (const dir of [this.graphRoot, runRoot, configDir]) mkdirSync(dir, { recursive: true });

    writeFileSync(
      join(configDir, "storage.conf"),
      ["[storage]", `driver = "${this.driver}"`, `graphroot = "${this.graphRoot}"`, `runroot = "${runRoot}"`, ""].join("\n"),
    );
    writeFileSync(
      join(configDir, "containers.conf"),
      [
        "[containers]",
        'default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]',
        "",
        "[engine]",
        'runtime = "runc"',
        'cgroup_manager = "cgroupfs"',
        'events_logger = "file"',
        `tmp_dir = "${join(runRoot, "libpod")}"`,
        "",
      ].join("\n"),
    );
    // No search registries: a short name that is not a local image fails instead of reaching Docker Hub.
    writeFileSync(join(configDir, "registries.conf"), ["unqualified-search-registries = []", 'short-name-mode = "disabled"', ""].join("\n"));

    this.env = {
      ...process.env,
      CONTAINERS_STORAGE_CONF: join(configDir, "storage.conf"),
      CONTAINERS_CONF: join(configDir, "containers.conf"),
      CONTAINERS_REGISTRIES_CONF: join(configDir, "registries.conf"),
      BUILDAH_ISOLATION: "chroot",
      TMPDIR: options.workDir,
    };
  }

  buildah(args: readonly string[], cwd?: string): Promise<RunResult> {
    return run("buildah", args, { env: this.env, cwd });
  }

  podman(args: readonly string[]): Promise<RunResult> {
    return run("podman", args, { env: this.env });
  }

  /** `buildah bud --layers` without pulling: every FROM must already be in this storage. */
  build(options: { containerfile: string; context: string; tag: string; labels?: Record<string, string>; volumes?: string[] }): Promise<RunResult> {
    const labels = Object.entries(options.labels ?? {}).flatMap(([key, value]) => ["--label", `${key}=${value}`]);
    const volumes = (options.volumes ?? []).flatMap((volume) => ["--volume", volume]);
    return this.buildah(["bud", "--layers", "--pull-never", "--quiet", ...labels, ...volumes, "-f", options.containerfile, "-t", options.tag, options.context]);
  }

  /** Runs an image to completion without a network and returns its standard output. */
  async runImage(image: string): Promise<string> {
    const result = await this.podman(["run", "--rm", "--network=none", image]);
    return result.stdout;
  }

  async exists(image: string): Promise<boolean> {
    const result = await runAllowingFailure("podman", ["image", "exists", image], { env: this.env });
    return result.code === 0;
  }

  async label(image: string, key: string): Promise<string | undefined> {
    const result = await runAllowingFailure("podman", ["image", "inspect", "--format", `{{index .Labels "${key}"}}`, image], { env: this.env });
    const value = result.stdout.trim();
    return result.code === 0 && value !== "" && value !== "<no value>" ? value : undefined;
  }

  /** The image's size as podman reports it: all layers, uncompressed, in bytes. */
  async size(image: string): Promise<number> {
    const result = await this.podman(["image", "inspect", "--format", "{{.Size}}", image]);
    return Number(result.stdout.trim());
  }

  /** Removes build containers a killed run may have left behind; they would pin layers in the cache. */
  async removeWorkingContainers(): Promise<void> {
    await this.buildah(["rm", "--all"]);
  }

  async removeImages(images: readonly string[]): Promise<void> {
    for (const image of images) await runAllowingFailure("podman", ["rmi", "--force", image], { env: this.env });
    await runAllowingFailure("podman", ["image", "prune", "--force"], { env: this.env });
  }
}

function defaultDriver(dir: string): StorageDriver {
  const requested = process.env.STAGECRAFT_BUILD_STORAGE_DRIVER;
  if (requested === "overlay" || requested === "vfs") return requested;
  return statfsSync(dir).type === OVERLAYFS_MAGIC ? "vfs" : "overlay";
}
