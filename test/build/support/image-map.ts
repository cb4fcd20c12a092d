// Official image names -> the local fixture images that stand in for them. The app Dockerfiles and
// the converter's output name official images (golang:1.19-bookworm, gcr.io/distroless/static-debian13,
// node:18-bookworm-slim...), as real projects do; these machines cannot pull, so before a build the
// suite rewrites each FROM (and COPY --from=<image>) through this table. Tags select the variant
// (slim or not), not the version: each fixture carries the version Debian bookworm packages.

import { FIXTURE_REPOSITORY, fixtures } from "./fixture-images";

export interface FixtureMapping {
  /** The official images this row covers, as people write them. */
  official: string;
  repositories: string[];
  /** Which tags the row covers; rows are tried in order. */
  tags: (tag: string) => boolean;
  fixture: string;
}

const slim = (tag: string) => /(^|-)slim(-|$)/.test(tag);
const notAlpine = (tag: string) => !tag.includes("alpine");

const distrolessStatic = [
  "gcr.io/distroless/static",
  "gcr.io/distroless/static-debian11",
  "gcr.io/distroless/static-debian12",
  "gcr.io/distroless/static-debian13",
];
const distrolessGlibc = ["base", "base-nossl", "cc"].flatMap((name) => [
  `gcr.io/distroless/${name}`,
  `gcr.io/distroless/${name}-debian12`,
  `gcr.io/distroless/${name}-debian13`,
]);

export const fixtureMappings: FixtureMapping[] = [
  { official: "golang:* (Debian variants)", repositories: ["golang"], tags: notAlpine, fixture: fixtures.golang },
  { official: "rust:* (Debian variants)", repositories: ["rust"], tags: (tag) => notAlpine(tag) && !slim(tag), fixture: fixtures.rust },
  { official: "node:*-slim", repositories: ["node"], tags: slim, fixture: fixtures.nodeSlim },
  { official: "node:* (Debian variants)", repositories: ["node"], tags: notAlpine, fixture: fixtures.node },
  { official: "python:*-slim", repositories: ["python"], tags: slim, fixture: fixtures.pythonSlim },
  { official: "python:* (Debian variants)", repositories: ["python"], tags: notAlpine, fixture: fixtures.python },
  {
    official: "gcr.io/distroless/static*:nonroot",
    repositories: distrolessStatic,
    tags: (tag) => tag.split("-").includes("nonroot"),
    fixture: fixtures.staticNonroot,
  },
  {
    official: "gcr.io/distroless/static*",
    repositories: distrolessStatic,
    tags: () => true,
    fixture: fixtures.static,
  },
  { official: "gcr.io/distroless/base*, cc*", repositories: distrolessGlibc, tags: () => true, fixture: fixtures.glibc },
  { official: "debian:*-slim", repositories: ["debian"], tags: slim, fixture: fixtures.debianSlim },
];

export interface Replacement {
  official: string;
  fixture: string;
}

/** The fixture for an official image reference; throws for an image no fixture stands in for. */
export function fixtureFor(reference: string): string {
  if (reference.toLowerCase() === "scratch" || reference.startsWith(`${FIXTURE_REPOSITORY}/`)) return reference;
  if (reference.includes("$")) throw new Error(`cannot map ${reference} to a fixture image: it depends on a build argument`);
  const { repository, tag } = parseReference(reference);
  const row = fixtureMappings.find((mapping) => mapping.repositories.includes(repository) && mapping.tags(tag));
  if (!row) throw new Error(`no fixture image stands in for ${reference}; add a row to fixtureMappings in test/build/support/image-map.ts`);
  return row.fixture;
}

/** Rewrites the base images of a Dockerfile to fixture images; stage names stay as they are. */
export function mapToFixtures(dockerfile: string): { dockerfile: string; replacements: Replacement[] } {
  const stageNames = new Set<string>();
  for (const match of dockerfile.matchAll(/^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)/gim)) stageNames.add(match[1].toLowerCase());
  const replacements: Replacement[] = [];
  const replace = (reference: string): string => {
    if (stageNames.has(reference.toLowerCase()) || /^\d+$/.test(reference)) return reference;
    const fixture = fixtureFor(reference);
    if (fixture !== reference) replacements.push({ official: reference, fixture });
    return fixture;
  };
  const mapped = dockerfile
    .replace(/^(\s*FROM\s+(?:--\S+\s+)*)(\S+)/gim, (_line, prefix: string, reference: string) => prefix + replace(reference))
    .replace(/^(\s*COPY\s+(?:--\S+\s+)*--from=)(\S+)/gim, (_line, prefix: string, reference: string) => prefix + replace(reference));
  return { dockerfile: mapped, replacements };
}

/** docker.io/library/node:18-slim@sha256:... -> { repository: "node", tag: "18-slim" } */
function parseReference(reference: string): { repository: string; tag: string } {
  const withoutDigest = reference.split("@")[0];
  const slash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.lastIndexOf(":");
  const hasTag = colon > slash;
  const repository = (hasTag ? withoutDigest.slice(0, colon) : withoutDigest)
    .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, "")
    .replace(/^library\//, "");
  return { repository, tag: hasTag ? withoutDigest.slice(colon + 1) : "latest" };
}
