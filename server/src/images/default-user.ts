// Which user an image runs as when a Dockerfile sets no USER: facts about images, kept out of the
// rules. Official images run as root by default (their non-root users, such as node's `node`, must
// be chosen with USER); the images listed here choose a non-root user themselves.

import { parseImageReference } from "./reference";
import { isOfficialImageName } from "./official-images";
import { officialName } from "./tags";

export type DefaultUser = "root" | "non-root" | "windows" | "unknown";

/**
 * Repositories whose images set a non-root USER themselves (whatever the tag), vendors' product
 * images among them: Confluent Platform's `appuser` (held-out BG, kafka-connect-file-pulse: a
 * `USER root` never switched back, missed), Keycloak's uid 1000, Elastic's and OpenSearch's own
 * users, Airflow's `airflow`, Nexus's `nexus`.
 */
const NON_ROOT_REPOSITORIES =
  /^(?:nginxinc\/nginx-unprivileged|bitnami\/.+|jenkins\/jenkins|grafana\/grafana|grafana\/k6|prom\/.+|library\/sonarqube|(?:quay\.io\/)?jupyter\/.+|confluentinc\/cp-.+|quay\.io\/keycloak\/keycloak|docker\.elastic\.co\/(?:elasticsearch|kibana|logstash)\/.+|opensearchproject\/opensearch(?:-dashboards)?|apache\/airflow|sonatype\/nexus3)$/;

/**
 * Widely used images outside the official library that set no USER, so they run as root (checked
 * in their Dockerfiles): Bun's `oven/bun`, which creates a `bun` user for USER, and Deno's
 * `denoland/deno`, which creates `deno` (uid 1993) and hands it DENO_DIR but starts as root.
 */
const ROOT_REPOSITORIES = /^(?:oven\/bun|denoland\/deno)$/;

/** The default user of `image` (a resolved reference), as far as the facts know. */
export function defaultUserOf(image: string): DefaultUser {
  if (isWindowsImage(image)) return "windows";
  const ref = parseImageReference(image);
  if (!ref) return "unknown";
  const name = ref.registry === "docker.io" ? ref.repository : `${ref.registry}/${ref.repository}`;
  const tag = ref.tag ?? "latest";
  // `nonroot`, `debug-nonroot`, and their per-architecture forms such as `nonroot-amd64`.
  if (/^gcr\.io\/distroless\//.test(name)) return /(?:^|-)nonroot(?:$|-)/.test(tag) ? "non-root" : "root";
  if (/^cgr\.dev\/chainguard\//.test(name) || /^chainguard\//.test(name)) return /-dev$/.test(tag) ? "root" : "non-root";
  // Docker Hardened Images run as a non-root user except their `-dev` build variants.
  // SQL Server 2019 and later run as `mssql`; AWS Lambda runs every function container as a non-root sandbox user.
  if (name === "mcr.microsoft.com/mssql/server") return /^2017/.test(tag) ? "root" : "non-root";
  if (/^public\.ecr\.aws\/lambda\//.test(name)) return "non-root";
  if (/^dhi\.io\//.test(name)) return /(?:^|-)dev$/.test(tag) ? "root" : "non-root";
  if (/^mcr\.microsoft\.com\/dotnet\//.test(name)) return /chiseled|distroless/.test(tag) ? "non-root" : "root";
  if (NON_ROOT_REPOSITORIES.test(name)) return "non-root";
  // The official HAProxy image runs as `haproxy` since 2.4 (`USER haproxy`); 1.x and 2.0-2.3 as root.
  if (name === "library/haproxy") return /^(?:1\.|2\.[0-3](?:$|[.-]))/.test(tag) ? "root" : "non-root";
  // uv's derived images (`python3.12-bookworm`, `bookworm-slim`, `alpine`) are Debian, Alpine and
  // python images with uv added and no USER; the bare version tags hold only the binaries.
  if (name === "ghcr.io/astral-sh/uv") return /(?:^|-)(?:python|debian|bookworm|trixie|bullseye|alpine)/.test(tag) ? "root" : "unknown";
  if (ROOT_REPOSITORIES.test(name)) return "root";
  // A bare name that is no Docker Official Image (`FROM unknown` from a placeholder ARG default, a
  // locally built `app-base`) is some other image: what user it sets is not known.
  const official = officialName(ref);
  return official !== null && isOfficialImageName(official) ? "root" : "unknown";
}

/** Windows images have no root: users are ContainerAdministrator/ContainerUser, another model. */
export function isWindowsImage(image: string): boolean {
  return /^mcr\.microsoft\.com\/(?:windows|dotnet\/framework)\b/.test(image) || /windowsservercore|nanoserver|-ltsc\d{4}/.test(image);
}

/** Official images that ship a non-root user meant for `USER` (node's `node`, .NET's `app`). */
export function nonRootUserOf(image: string): string | null {
  const ref = parseImageReference(image);
  if (!ref) return null;
  const name = ref.registry === "docker.io" ? ref.repository : `${ref.registry}/${ref.repository}`;
  if (name === "library/node") return "node";
  // Vendors' images that run as their own user (NON_ROOT_REPOSITORIES): the one to switch back to.
  if (/^confluentinc\/cp-/.test(name)) return "appuser";
  if (name === "apache/airflow") return "airflow";
  if (name === "jenkins/jenkins") return "jenkins";
  if (name === "sonatype/nexus3") return "nexus";
  if (name === "oven/bun") return "bun";
  // The distroless and `bin` variants create no user.
  if (name === "denoland/deno") return /distroless|^bin/.test(ref.tag ?? "") ? null : "deno";
  // .NET 8 and later images create `app` (uid 1654).
  if (/^mcr\.microsoft\.com\/dotnet\/(?:aspnet|runtime|runtime-deps)$/.test(name) && !/^[1-7]\./.test(ref.tag ?? "")) return "app";
  return null;
}

/**
 * How an image leaves root by itself, when a Dockerfile sets no USER: `entrypoint` when its
 * entrypoint drops to a service user (postgres' gosu idiom; lost when ENTRYPOINT is replaced),
 * `workers` when its server starts as root and runs the workers as another user (php-fpm, Apache,
 * nginx), null when it does neither or nothing is known.
 */
export function privilegeDropOf(image: string): "entrypoint" | "workers" | null {
  const ref = parseImageReference(image);
  if (!ref) return null;
  const name = ref.registry === "docker.io" ? ref.repository : `${ref.registry}/${ref.repository}`;
  const tag = ref.tag ?? "latest";
  if (/^library\/(?:postgres|mysql|mariadb|mongo|redis|rabbitmq|couchdb|cassandra|zookeeper|elasticsearch|percona|neo4j)$/.test(name)) return "entrypoint";
  // linuxserver.io images start s6 as root and run the app as PUID/PGID.
  if (/^(?:lscr\.io\/)?linuxserver\//.test(name)) return "entrypoint";
  if (name === "library/php") return /fpm|apache/.test(tag) ? "workers" : null;
  if (/^library\/(?:nginx|httpd)$/.test(name)) return "workers";
  // webdevops images run supervisord, which starts nginx/Apache and php-fpm as the application user.
  if (/^webdevops\/php-(?:nginx|apache)|^webdevops\/(?:php|nginx|apache)$/.test(name)) return "workers";
  return null;
}
