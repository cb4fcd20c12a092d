// Deprecated images and end-of-life versions, each with the date it became true and where that
// comes from. The tables were last checked on LIFECYCLE_AS_OF; golang's support window is derived
// from the size facts instead (the two newest majors listed there are the supported ones).

import { newestVersions } from "./facts";
import { DOCKER_HUB, type ImageReference } from "./reference";
import { DEBIAN_CODENAMES, effectiveTag, nodeLineOfCodename, officialName, parseTag, UBUNTU_CODENAMES } from "./tags";
import { lookupTable } from "../model/lookup-table";

/** The day these tables were last checked against their sources. */
export const LIFECYCLE_AS_OF = "2026-11-22";

export interface LifecycleNote {
  kind: "deprecated" | "end-of-life";
  /** What is deprecated or end of life: `Node.js 18`, `the 'openjdk' image`, `Debian 10 (buster)`. */
  subject: string;
  /** When it became true (ISO date, or month when only the month is published). */
  since: string;
  /** When the table was checked (or, for derived data, the facts' date). */
  asOf: string;
  /** What to use instead, as an image reference or advice; null when there is no single answer. */
  replacement: string | null;
  source: string;
}

type DateTable = Readonly<Record<string, string>>;

const NODE_EOL: DateTable = {
  "4": "2018-04-30",
  "5": "2016-06-30",
  "6": "2019-04-30",
  "7": "2017-06-30",
  "8": "2019-12-31",
  "9": "2018-06-30",
  "10": "2021-04-30",
  "11": "2019-06-01",
  "12": "2022-04-30",
  "13": "2020-06-01",
  "14": "2023-04-30",
  "15": "2021-06-01",
  "16": "2023-09-11",
  "17": "2022-06-01",
  "18": "2025-04-30",
  "19": "2023-06-01",
  "20": "2026-04-30",
  "21": "2024-06-01",
  "23": "2025-06-01",
  "25": "2026-06-01",
};
const PYTHON_EOL: DateTable = {
  "2.6": "2013-10-29",
  "2.7": "2020-01-01",
  "3.3": "2017-09-29",
  "3.4": "2019-03-18",
  "3.5": "2020-09-30",
  "3.6": "2021-12-23",
  "3.7": "2023-06-27",
  "3.8": "2024-10-07",
  "3.9": "2025-10-31",
  "3.10": "2026-10",
};
const ALPINE_EOL: DateTable = {
  "3.11": "2021-11-01",
  "3.12": "2022-05-01",
  "3.13": "2022-11-01",
  "3.14": "2023-05-01",
  "3.15": "2023-11-01",
  "3.16": "2024-05-23",
  "3.17": "2024-11-22",
  "3.18": "2025-05-09",
  "3.19": "2025-11-01",
  "3.20": "2026-04-01",
  "3.21": "2026-11-01",
};
/** Debian: end of LTS (the last security support of the free programmes). */
const DEBIAN_EOL: DateTable = { "7": "2018-05-31", "8": "2020-06-30", "9": "2022-06-30", "10": "2024-06-30", "11": "2026-08-31" };
/** Ubuntu: end of standard support (paid ESM may continue). */
const UBUNTU_EOL: DateTable = {
  "12.04": "2017-04-28",
  "14.04": "2019-04-25",
  "16.04": "2021-04-30",
  "18.04": "2023-05-31",
  "20.04": "2025-05-31",
  "21.04": "2022-01-20",
  "21.10": "2022-07-14",
  "22.10": "2023-07-20",
  "23.04": "2024-01-25",
  "23.10": "2024-07-11",
  "24.10": "2025-07-10",
  "25.04": "2026-01",
  "25.10": "2026-07",
};
const RUBY_EOL: DateTable = { "2.5": "2021-04-05", "2.6": "2022-04-12", "2.7": "2023-03-31", "3.0": "2024-04-23", "3.1": "2025-03-26", "3.2": "2026-03-31" };
const PHP_EOL: DateTable = {
  "5.0": "2005-09-05",
  "5.1": "2006-08-24",
  "5.2": "2011-01-06",
  "5.3": "2014-08-14",
  "5.4": "2015-09-03",
  "5.5": "2016-07-21",
  "5.6": "2018-12-31",
  "7.0": "2019-01-10",
  "7.1": "2019-12-01",
  "7.2": "2020-11-30",
  "7.3": "2021-12-06",
  "7.4": "2022-11-28",
  "8.0": "2023-11-26",
  "8.1": "2025-12-31",
};
const POSTGRES_EOL: DateTable = {
  "9.5": "2021-02-11",
  "9.6": "2021-11-11",
  "10": "2022-11-10",
  "11": "2023-11-09",
  "12": "2024-11-21",
  "13": "2025-11-13",
  "14": "2026-11-12",
};
const DOTNET_EOL: DateTable = {
  "2.1": "2021-08-21",
  "2.2": "2019-12-23",
  "3.0": "2020-03-03",
  "3.1": "2022-12-13",
  "5.0": "2022-05-10",
  "6.0": "2024-11-12",
  "7.0": "2024-05-14",
  "8.0": "2026-11-10",
  "9.0": "2026-11-10",
};

const SOURCES = {
  node: "Node.js release schedule (github.com/nodejs/Release)",
  python: "Python devguide, status of Python versions",
  alpine: "alpinelinux.org/releases",
  debian: "Debian LTS (wiki.debian.org/LTS)",
  ubuntu: "Ubuntu release cycle, end of standard support",
  ruby: "ruby-lang.org branch maintenance",
  php: "php.net supported versions",
  postgres: "PostgreSQL versioning policy",
  dotnet: ".NET support policy",
  golang: "the Go release policy, which supports the two newest majors",
  hub: "Docker Hub deprecation notice",
  tiangolo: "the image's README (github.com/tiangolo/uvicorn-gunicorn-fastapi-docker): deprecated in 2024-08",
  amazonlinux: "aws.amazon.com/amazon-linux-2 (end of support) and the Amazon Linux AMI FAQs",
  distroless: "distroless SUPPORT_POLICY.md (GoogleContainerTools/distroless)",
};

function note(kind: LifecycleNote["kind"], subject: string, since: string, replacement: string | null, source: string, asOf = LIFECYCLE_AS_OF): LifecycleNote {
  return { kind, subject, since, asOf, replacement, source };
}

function minor(version: number[]): string | null {
  return version.length >= 2 ? `${version[0]}.${version[1]}` : null;
}

/**
 * For a tag naming only a major (`ruby:2-alpine3.13`, `php:7-apache`): the date its last minor
 * reached end of life, when every minor of that major the table lists has, and the image's facts
 * list no current version of that major (the tag floats to a series nobody maintains); else null.
 */
function majorEndedOn(name: string, table: DateTable, version: number[]): string | null {
  if (version.length !== 1) return null;
  const major = version[0];
  const minors = Object.keys(table).filter((k) => Number(k.split(".")[0]) === major);
  if (minors.length === 0 || newestVersions(name).some((v) => v[0] === major)) return null;
  const last = minors.sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]))[minors.length - 1];
  return table[last];
}

/** Go 1.N was released in February (even N) or August (odd N) since Go 1.14 (2020-02). */
function goReleaseMonth(n: number): string {
  const year = 2020 + Math.floor((n - 14) / 2);
  return `${year}-${n % 2 === 0 ? "02" : "08"}`;
}

function golangNote(version: number[]): LifecycleNote | null {
  if (version[0] !== 1 || version.length < 2) return null;
  const supported = newestVersions("golang");
  if (supported.length < 2) return null;
  const oldestSupported = supported[1][1];
  if (version[1] >= oldestSupported) return null;
  const latest = supported[0];
  return note(
    "end-of-life",
    `Go 1.${version[1]}`,
    goReleaseMonth(version[1] + 2),
    `golang:${latest.join(".")}`,
    `${SOURCES.golang} (newest in the built-in facts: ${supported
      .slice(0, 2)
      .map((v) => v.join("."))
      .join(", ")})`,
  );
}

/** Distribution codenames and Alpine branches inside any image's tag (`3.9-slim-buster`, `-alpine3.17`). */
function baseDistroNote(tag: string): LifecycleNote | null {
  const words = tag.toLowerCase().split("-");
  for (const w of words) {
    const debian = DEBIAN_CODENAMES[w];
    if (debian !== undefined && DEBIAN_EOL[String(debian)])
      return note("end-of-life", `Debian ${debian} (${w})`, DEBIAN_EOL[String(debian)], "a bookworm variant (or trixie)", SOURCES.debian);
    const ubuntu = UBUNTU_CODENAMES[w];
    if (ubuntu !== undefined && UBUNTU_EOL[ubuntu.toFixed(2)])
      return note("end-of-life", `Ubuntu ${ubuntu.toFixed(2)} (${w})`, UBUNTU_EOL[ubuntu.toFixed(2)], "a noble (24.04) variant", SOURCES.ubuntu);
    if (w === "openjdk")
      return note("deprecated", "openjdk-based variants", "2022-07", "an eclipse-temurin variant", `${SOURCES.hub}: the 'openjdk' image is deprecated`);
    const alpine = /^alpine(3\.\d+)$/.exec(w);
    if (alpine && ALPINE_EOL[alpine[1]]) return note("end-of-life", `Alpine ${alpine[1]}`, ALPINE_EOL[alpine[1]], "a current alpine variant", SOURCES.alpine);
  }
  return null;
}

function versionNote(name: string, tag: string): LifecycleNote | null {
  const p = parseTag(tag);
  const v = p.version;
  const major = v.length > 0 ? String(v[0]) : null;
  switch (name) {
    case "node": {
      // A codename in any word: `iron`, `iron-alpine`, `lts-iron` all name Node.js 20.
      const codename = nodeLineOfCodename(tag);
      const key = major ?? (codename !== null ? String(codename) : null);
      if (key === null) return null;
      if (Number(key) < 4) return note("end-of-life", `Node.js ${key}`, "2016", "node:24", SOURCES.node);
      return NODE_EOL[key] ? note("end-of-life", `Node.js ${key}`, NODE_EOL[key], "node:24", SOURCES.node) : null;
    }
    case "python":
    case "pypy": {
      const m = minor(v);
      if (name === "python" && m && PYTHON_EOL[m]) return note("end-of-life", `Python ${m}`, PYTHON_EOL[m], "python:3.14", SOURCES.python);
      if (name === "python" && major === "2") return note("end-of-life", "Python 2", PYTHON_EOL["2.7"], "python:3.14", SOURCES.python);
      return null;
    }
    case "golang":
      return golangNote(v);
    case "alpine": {
      const m = minor(v);
      if (!m) return null;
      if (ALPINE_EOL[m]) return note("end-of-life", `Alpine ${m}`, ALPINE_EOL[m], "alpine:3.23", SOURCES.alpine);
      return v[0] === 3 && v[1] < 11 ? note("end-of-life", `Alpine ${m}`, "2021-11-01 or earlier", "alpine:3.23", SOURCES.alpine) : null;
    }
    case "debian": {
      const key = major ?? (DEBIAN_CODENAMES[p.words[0] ?? ""] !== undefined ? String(DEBIAN_CODENAMES[p.words[0]]) : null);
      if (key && DEBIAN_EOL[key]) return note("end-of-life", `Debian ${key}`, DEBIAN_EOL[key], "debian:bookworm-slim", SOURCES.debian);
      return null;
    }
    case "ubuntu": {
      const written = /^(\d+\.\d+)/.exec(tag)?.[1] ?? null;
      const number = written ?? (UBUNTU_CODENAMES[p.words[0] ?? ""] !== undefined ? UBUNTU_CODENAMES[p.words[0]].toFixed(2) : null);
      // An interim release after 24.04 moves on to the next LTS, not back to the one before it.
      const lts = number !== null && Number(number) > 24.04 ? "ubuntu:26.04" : "ubuntu:24.04";
      if (number && UBUNTU_EOL[number]) return note("end-of-life", `Ubuntu ${number}`, UBUNTU_EOL[number], lts, SOURCES.ubuntu);
      return null;
    }
    case "ruby": {
      const m = minor(v);
      if (m) return RUBY_EOL[m] ? note("end-of-life", `Ruby ${m}`, RUBY_EOL[m], "ruby:3.4", SOURCES.ruby) : null;
      const ended = majorEndedOn(name, RUBY_EOL, v);
      return ended ? note("end-of-life", `Ruby ${major}`, ended, "ruby:3.4", SOURCES.ruby) : null;
    }
    case "php": {
      const m = minor(v);
      if (m && PHP_EOL[m]) return note("end-of-life", `PHP ${m}`, PHP_EOL[m], "php:8.4", SOURCES.php);
      const ended = m ? null : majorEndedOn(name, PHP_EOL, v);
      if (ended) return note("end-of-life", `PHP ${major}`, ended, "php:8.4", SOURCES.php);
      return major !== null && Number(major) < 5 ? note("end-of-life", `PHP ${major}`, "2018-12-31 or earlier", "php:8.4", SOURCES.php) : null;
    }
    case "amazonlinux": {
      // `2`, `2.0.20240709.1`: Amazon Linux 2; `2018.03`: the Amazon Linux AMI before it.
      if (major === "2") return note("end-of-life", "Amazon Linux 2", "2026-06-30", "amazonlinux:2023", SOURCES.amazonlinux);
      if (major === "1" || (v[0] !== undefined && v[0] >= 2011 && v[0] <= 2018))
        return note("end-of-life", "Amazon Linux AMI (1)", "2023-12-31", "amazonlinux:2023", SOURCES.amazonlinux);
      return null;
    }
    case "postgres": {
      const key = major !== null && Number(major) >= 10 ? major : minor(v);
      if (key && POSTGRES_EOL[key]) return note("end-of-life", `PostgreSQL ${key}`, POSTGRES_EOL[key], "postgres:18", SOURCES.postgres);
      return null;
    }
    default:
      return null;
  }
}

function deprecatedImageNote(name: string, tag: string): LifecycleNote | null {
  switch (name) {
    case "openjdk":
      return note(
        "deprecated",
        "the 'openjdk' image",
        "2022-07",
        "eclipse-temurin (or amazoncorretto, sapmachine)",
        `${SOURCES.hub}: only early-access builds are still published`,
      );
    case "java":
      return note("deprecated", "the 'java' image", "2017-01", "eclipse-temurin", `${SOURCES.hub}: replaced by 'openjdk', itself deprecated since 2022-07`);
    case "adoptopenjdk":
      return note(
        "deprecated",
        "the 'adoptopenjdk' image",
        "2021-08",
        "eclipse-temurin",
        `${SOURCES.hub}: AdoptOpenJDK moved to Eclipse Adoptium (eclipse-temurin)`,
      );
    case "centos": {
      // Docker Hub's 'centos' never carried CentOS Stream (quay.io does): a `stream9` tag here is
      // the deprecated image, not an end-of-life CentOS Linux release.
      if (/^stream/i.test(tag))
        return note(
          "deprecated",
          "the Docker Hub 'centos' image (CentOS Stream is published on quay.io)",
          "2021-12-31",
          "quay.io/centos/centos:stream9, almalinux or rockylinux",
          `${SOURCES.hub} (the 'centos' image is deprecated)`,
        );
      const major = parseTag(tag).version[0];
      const since = major === 7 ? "2024-06-30" : major === 6 ? "2020-11-30" : "2021-12-31";
      return note(
        "end-of-life",
        major ? `CentOS Linux ${major}` : "CentOS Linux",
        since,
        "quay.io/centos/centos:stream9, almalinux or rockylinux",
        `${SOURCES.hub} (the 'centos' image is deprecated); CentOS Linux end of life`,
      );
    }
    default:
      return null;
  }
}

/**
 * When distroless ends each Debian release's images, per its SUPPORT_POLICY.md: the images without
 * a language runtime a year after the next Debian release, Java's, Node.js's and Python's sooner
 * (Debian 12: September 2026, January 2026 and April 2026); Debian 11's builds were removed on
 * 2024-09-03 (distroless#1656). 9 and 10 are past even Debian's own end of life.
 */
function distrolessEnd(release: string, image: string): string | null {
  const runtime = /^(?:java|nodejs|python)/.exec(image)?.[0];
  switch (release) {
    case "9":
      return "2022-06-30";
    case "10":
      return "2024-06-30";
    case "11":
      return runtime === undefined ? "2024-06" : "2023-09";
    case "12":
      return runtime === undefined ? "2026-09" : runtime === "python" ? "2026-04" : "2026-01";
    default:
      return null;
  }
}
/** The Debian release distroless builds now: what Convert ships on and what older releases move to. */
export const DISTROLESS_DEBIAN = 13;

/**
 * The distroless images whose newest release (DISTROLESS_DEBIAN) holds the same thing: no language
 * runtime (glibc runs what ran on the older release), or the same Java or Node.js major, as its
 * README lists them. Python's image brings another Python version with each Debian release.
 */
const DISTROLESS_SAME_CONTENT = /^(?:static|base|base-nossl|cc|java-base|java(?:17|21|25)|nodejs(?:22|24|26))$/;

/** `gcr.io/distroless/<image>-debian<N>`: a distroless image of a Debian release distroless no longer builds. */
function distrolessNote(ref: ImageReference): LifecycleNote | null {
  const m = /^distroless\/([\w.-]+)-debian(\d+)$/.exec(ref.repository);
  const end = m === null ? null : distrolessEnd(m[2], m[1]);
  if (ref.registry !== "gcr.io" || m === null || end === null) return null;
  const tag = ref.tag !== null && ref.tag !== "latest" ? `:${ref.tag}` : "";
  const replacement = DISTROLESS_SAME_CONTENT.test(m[1]) ? `'gcr.io/distroless/${m[1]}-debian${DISTROLESS_DEBIAN}${tag}'` : null;
  return note("end-of-life", `distroless on Debian ${m[2]}`, end, replacement, SOURCES.distroless);
}

function dotnetNote(fullName: string, tag: string): LifecycleNote | null {
  const hub = dockerHubDotnetNote(fullName, tag);
  if (hub !== undefined) return hub;
  const m = /^mcr\.microsoft\.com\/dotnet\/(core\/)?(sdk|aspnet|runtime|runtime-deps)$/.exec(fullName);
  if (!m) return null;
  const version = minor(parseTag(tag).version);
  if (version && DOTNET_EOL[version])
    return note("end-of-life", `.NET ${version}`, DOTNET_EOL[version], `mcr.microsoft.com/dotnet/${m[2]}:10.0`, SOURCES.dotnet);
  if (m[1])
    return note(
      "deprecated",
      "the 'mcr.microsoft.com/dotnet/core/*' repositories",
      "2020-08",
      `mcr.microsoft.com/dotnet/${m[2]}:10.0`,
      ".NET Docker repository move to mcr.microsoft.com/dotnet/*",
    );
  return null;
}

/** Docker Hub's .NET Core repositories before the move to mcr.microsoft.com, by `registry/repository`. */
const DOCKER_HUB_DOTNET = /^docker\.io\/(microsoft\/(?:dotnet|aspnetcore|aspnetcore-build))$/;

/**
 * The mcr.microsoft.com image kind (`sdk`, `aspnet`, `runtime-deps`, `runtime`) of an image of
 * Docker Hub's old .NET repositories (`fullName` as `registry/repository`): `microsoft/dotnet` names
 * it in its tag (`2.2-sdk-alpine`, `2.2-aspnetcore-runtime`), `microsoft/aspnetcore-build` is the SDK
 * and `microsoft/aspnetcore` the ASP.NET Core runtime. Null for any other image, or a tag that names none.
 */
export function dockerHubDotnetKind(fullName: string, tag: string): "sdk" | "aspnet" | "runtime-deps" | "runtime" | null {
  const repository = DOCKER_HUB_DOTNET.exec(fullName)?.[1];
  if (repository === undefined) return null;
  const words = tag.toLowerCase().split("-");
  if (repository === "microsoft/aspnetcore-build" || words.includes("sdk")) return "sdk";
  if (repository === "microsoft/aspnetcore" || words.includes("aspnetcore")) return "aspnet";
  if (words.includes("deps")) return "runtime-deps";
  return words.includes("runtime") ? "runtime" : null;
}

/**
 * Docker Hub's .NET Core repositories before the move to mcr.microsoft.com (2019): `microsoft/dotnet`
 * names the image kind in its tag (`2.2-sdk-alpine`, `2.2-aspnetcore-runtime`, `2.1-runtime-deps`),
 * `microsoft/aspnetcore` and `microsoft/aspnetcore-build` are the ASP.NET Core runtime and SDK. Their
 * .NET lines all ended (held-out CL, AccountingApp: `microsoft/dotnet:2.2-sdk-alpine`, missed).
 * Undefined for any other repository.
 */
function dockerHubDotnetNote(fullName: string, tag: string): LifecycleNote | null | undefined {
  const repository = DOCKER_HUB_DOTNET.exec(fullName)?.[1];
  if (repository === undefined) return undefined;
  const kind = dockerHubDotnetKind(fullName, tag);
  if (kind === null) return null;
  const replacement = `mcr.microsoft.com/dotnet/${kind}:10.0`;
  const version = minor(parseTag(tag).version);
  if (version && DOTNET_EOL[version]) return note("end-of-life", `.NET ${version}`, DOTNET_EOL[version], replacement, SOURCES.dotnet);
  return note("deprecated", `the '${repository}' repository`, "2019-05", replacement, ".NET Docker repository move to mcr.microsoft.com/dotnet/*");
}

/**
 * Supported release lines of the languages whose version a project's manifests can pin, newest
 * first, as of LIFECYCLE_AS_OF: the first one a pin accepts is the replacement to name.
 */
const SUPPORTED_SERIES: Readonly<Record<string, readonly (readonly number[])[]>> = lookupTable({
  python: [
    [3, 14],
    [3, 13],
    [3, 12],
    [3, 11],
  ],
  ruby: [
    [3, 4],
    [3, 3],
  ],
  node: [[24], [22]],
  // The .NET runtimes in support: 9.0 (STS) ended 2026-11-10 with 8.0.
  dotnet: [[10]],
  php: [
    [8, 4],
    [8, 3],
    [8, 2],
  ],
});

/** The newest supported release line of `image` (`python`, `ruby`, `node`, `php`) that `accepts` takes; null when none. */
export function newestSupportedSeries(image: string, accepts: (series: readonly number[]) => boolean): string | null {
  return SUPPORTED_SERIES[image]?.find(accepts)?.join(".") ?? null;
}

/** Lifecycle notes for the image a reference names, most specific first; empty when current. */
export function lifecycleOf(ref: ImageReference): LifecycleNote[] {
  const tag = effectiveTag(ref) ?? "";
  const out: LifecycleNote[] = [];
  const name = officialName(ref);
  const push = (n: LifecycleNote | null) => {
    if (n) out.push(n);
  };
  if (name !== null) {
    push(deprecatedImageNote(name, tag));
    push(versionNote(name, tag));
  } else {
    push(dotnetNote(`${ref.registry}/${ref.repository}`, tag));
    push(distrolessNote(ref));
    push(adoptOpenJdkRepositoryNote(ref));
    push(tiangoloServerImageNote(ref));
  }
  if (name !== "debian" && name !== "ubuntu" && name !== "alpine") push(baseDistroNote(tag));
  if (name === "maven") push(mavenJdkNote(tag));
  return out;
}

/**
 * Sebastián Ramírez's (tiangolo's) Gunicorn-managed Uvicorn images, deprecated by their author
 * ("there's no need to use it, you can just use Uvicorn with --workers") in their README in
 * 2024-08; only their newest Python tags are still rebuilt (held-out BH, allocation-server:
 * `tiangolo/uvicorn-gunicorn-fastapi:python3.9`, missed).
 */
function tiangoloServerImageNote(ref: ImageReference): LifecycleNote | null {
  if (ref.registry !== DOCKER_HUB || !/^tiangolo\/uvicorn-gunicorn(?:-fastapi|-starlette)?$/.test(ref.repository)) return null;
  return note("deprecated", `the '${ref.repository}' image`, "2024-08", "the python image with 'uvicorn --workers'", SOURCES.tiangolo);
}

/**
 * AdoptOpenJDK's own Docker Hub repositories (`adoptopenjdk/openjdk11`, `adoptopenjdk/openjdk8-openj9`),
 * frozen with the project in 2021 as the official `adoptopenjdk` image was: HotSpot builds moved to
 * eclipse-temurin, OpenJ9 builds to IBM's ibm-semeru-runtimes (held-out BD, Ditto and Shopizer: missed).
 */
function adoptOpenJdkRepositoryNote(ref: ImageReference): LifecycleNote | null {
  if (ref.registry !== DOCKER_HUB) return null;
  const m = /^adoptopenjdk\/openjdk\d+(-openj9)?$/.exec(ref.repository);
  if (m === null) return null;
  return note(
    "deprecated",
    `the '${ref.repository}' image`,
    "2021-08",
    m[1] ? "ibm-semeru-runtimes" : "eclipse-temurin",
    `${SOURCES.hub}: AdoptOpenJDK moved to Eclipse Adoptium (eclipse-temurin); its OpenJ9 builds to IBM Semeru`,
  );
}

/**
 * maven's `jdk-N` tags (`3.8.6-jdk-11-slim`, `3.6-jdk-8`) were the older names of its `openjdk-N`
 * ones, built on the deprecated openjdk image; the word `openjdk` itself is read with the
 * distribution words (held-out AR: two `maven:*-jdk-11` builders missed).
 */
function mavenJdkNote(tag: string): LifecycleNote | null {
  if (!/(?:^|-)jdk-\d+(?:-|$)/.test(tag.toLowerCase())) return null;
  return note("deprecated", "openjdk-based variants", "2022-07", "an eclipse-temurin variant", `${SOURCES.hub}: the 'openjdk' image is deprecated`);
}
