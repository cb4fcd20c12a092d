// The distribution release an image is on, as its tag writes it: a distribution image's own
// (`alpine:3.13`, `ubuntu:focal`) or the one another image's variant names (`python:3.9-buster`,
// `node:18-alpine3.16`). Read by the lifecycle rule and the release facts it weighs.

import type { DistroRelease } from "../model/release-target";
import { isKnownImage, newestVersions } from "./facts";
import type { ImageReference } from "./reference";
import { DEBIAN_CODENAMES, officialName, parseTag, UBUNTU_CODENAMES } from "./tags";

/**
 * The codename of the Debian or Ubuntu release the image's tag names (`debian:10` -> `buster`,
 * `ubuntu:bionic-20190612`, `node:18-bullseye`), "alpine" for an Alpine release it names
 * (`alpine:3.14`, `-alpine3.18`), or null when the tag names none.
 */
export function releaseCodename(ref: ImageReference): string | null {
  const release = distroRelease(ref);
  if (release?.family === "alpine") return "alpine";
  const words = (ref.tag ?? "").toLowerCase().split("-");
  if (words.some((w) => /^alpine3\.\d+$/.test(w))) return "alpine";
  const written = words.find((w) => DEBIAN_CODENAMES[w] !== undefined || UBUNTU_CODENAMES[w] !== undefined);
  if (written) return written;
  if (release?.family === "debian") return Object.keys(DEBIAN_CODENAMES).find((c) => String(DEBIAN_CODENAMES[c]) === release.version) ?? null;
  if (release?.family === "ubuntu") return Object.keys(UBUNTU_CODENAMES).find((c) => UBUNTU_CODENAMES[c].toFixed(2) === release.version) ?? null;
  return null;
}

/** Distribution images other than Alpine, Debian and Ubuntu whose tag is the release (`centos:7`, `fedora:38`). */
const OTHER_DISTROS = /^(?:centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|opensuse\/leap|clearlinux|photon|mageia)$/;

/**
 * The distribution release the image is on as file names write it: a distribution image's own
 * (`centos:centos7` -> centos 7, `ubuntu:focal` -> ubuntu 20.04 focal) or the one a variant names
 * (`python:3.9-buster` -> debian buster, `node:18-alpine3.16` -> alpine 3.16); null when none is named.
 */
export function baseRelease(ref: ImageReference): DistroRelease | null {
  const release = distroRelease(ref);
  const codename = releaseCodename(ref);
  const named = codename === "alpine" ? null : codename;
  if (release !== null) return { family: release.family, version: release.version, codename: named };
  const name = officialName(ref) ?? ref.repository.split("/").pop() ?? "";
  if (OTHER_DISTROS.test(name)) {
    const version = /(\d+(?:\.\d+)?)/.exec(ref.tag ?? "")?.[1];
    return version !== undefined ? { family: name.split("/").pop()!, version, codename: null } : null;
  }
  for (const family of ["alpine", "debian", "ubuntu"] as const) {
    const version = variantRelease(ref, family);
    if (typeof version === "string") return { family, version, codename: family === "alpine" ? null : named };
  }
  return null;
}

/** The distribution release a distribution image names (`alpine:3.13` -> alpine 3.13), or null. */
export function distroRelease(ref: ImageReference): { family: "alpine" | "debian" | "ubuntu"; version: string } | null {
  const name = officialName(ref);
  const tag = ref.tag ?? "";
  const p = parseTag(tag);
  if (name === "alpine" && p.version.length >= 2) return { family: "alpine", version: `${p.version[0]}.${p.version[1]}` };
  if (name === "debian") {
    const n = p.version.length > 0 ? p.version[0] : DEBIAN_CODENAMES[p.words[0] ?? ""];
    return n !== undefined ? { family: "debian", version: String(n) } : null;
  }
  if (name === "ubuntu") {
    const n = /^(\d+\.\d+)/.exec(tag)?.[1] ?? UBUNTU_CODENAMES[p.words[0] ?? ""]?.toFixed(2);
    return n !== undefined ? { family: "ubuntu", version: n } : null;
  }
  return null;
}

/** .NET's Linux images on Docker Hub's successor registry (`core/` for 3.1 and older), by kind: runtime-deps, runtime, aspnet, sdk. */
export const DOTNET_IMAGE = /^mcr\.microsoft\.com\/dotnet\/(?:core\/)?(runtime-deps|runtime|aspnet|sdk)$/;

/**
 * The distribution under a .NET image (`mcr.microsoft.com/dotnet/aspnet:10.0`) whose tag names no
 * variant: .NET 10's default tags are Ubuntu 24.04 (noble), .NET 8's and 9's Debian 12 (bookworm)
 * (dotnet/dotnet-docker, supported tags). Null for a tag that names its variant, or another image.
 */
export function dotnetDefaultDistro(ref: ImageReference): { family: "debian" | "ubuntu"; version: string } | null {
  // `core/` images are 3.1 and older: no default below covers them.
  if (!DOTNET_IMAGE.test(`${ref.registry}/${ref.repository}`)) return null;
  const major = /^(\d+)\.\d+(?:\.\d+)?$/.exec(ref.tag ?? "")?.[1];
  if (major === undefined) return null;
  if (Number(major) >= 10) return { family: "ubuntu", version: "24.04" };
  return Number(major) >= 8 ? { family: "debian", version: "12" } : null;
}

/**
 * The release of `family` in another image's variant: a string when written (`-alpine3.13`,
 * `-bullseye` -> "11"), null for a bare `-alpine`, undefined when the image is not on that family.
 */
export function variantRelease(image: ImageReference, family: "alpine" | "debian" | "ubuntu"): string | null | undefined {
  const words = (image.tag ?? "").toLowerCase().split("-");
  for (const [i, w] of words.entries()) {
    if (family === "alpine") {
      const m = /^alpine(\d+\.\d+)?$/.exec(w);
      // `hexpm/elixir:...-alpine-3.15.0` writes the release as the next word.
      const next = /^(3\.\d+)(?:\.\d+)?$/.exec(words[i + 1] ?? "")?.[1];
      if (m) return m[1] ?? next ?? null;
    } else if (family === "debian" && DEBIAN_CODENAMES[w] !== undefined) return String(DEBIAN_CODENAMES[w]);
    else if (family === "ubuntu" && UBUNTU_CODENAMES[w] !== undefined) return UBUNTU_CODENAMES[w].toFixed(2);
  }
  return undefined;
}

/** True when the image's version is floating or still among the newest the facts list with an alpine variant. */
export function isRebuiltOnNewest(image: ImageReference): boolean {
  const version = parseTag(image.tag ?? "").version;
  const name = officialName(image);
  if (version.length === 0) return true;
  if (name === null || !isKnownImage(name)) return false;
  return newestVersions(name, "alpine").some((v) => version.every((n, i) => i >= v.length || v[i] === n));
}

/** True when two references name the same repository, an official image under any of its spellings (`golang`, `registry.hub.docker.com/library/golang`). */
export function sameImage(a: ImageReference, b: ImageReference): boolean {
  return (officialName(a) ?? a.familiarName) === (officialName(b) ?? b.familiarName);
}
