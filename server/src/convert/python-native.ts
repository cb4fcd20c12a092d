// Python requirements that pip builds from source on the full python image and that link a shared
// library whose headers that image carries (buildpack-deps): the runtime stage, slim, must install
// the library itself, or the module fails when it is imported (or uwsgi when it starts).

import type { DependencyInstall } from "../model/commands";
import type { DockerfileModel } from "../model/types";

/** Requirement name -> the Debian runtime package of the library it links when built from source. */
const LINKED_LIBRARIES: Readonly<Record<string, string>> = {
  // uWSGI ships no wheel; uwsgiconfig links libxml2 when its headers are present.
  uwsgi: "libxml2",
  // psycopg2 (not -binary) builds against libpq-dev; mysqlclient against libmariadb-dev.
  psycopg2: "libpq5",
  mysqlclient: "libmariadb3",
};

/** Requirement names of a requirements file (comments, options, versions and extras stripped). */
export function requirementNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line !== "" && !line.startsWith("-"))
    .map((line) =>
      line
        .split(/[\s<>=!~;[@]/)[0]
        .toLowerCase()
        .replace(/_/g, "-"),
    );
}

/**
 * The Debian packages of the libraries the stage's pip installs link when built from source, as far
 * as the requirements files in the context facts show; `[]` when none are known.
 */
export function linkedLibraries(model: DockerfileModel, installs: readonly DependencyInstall[]): { library: string; requirement: string }[] {
  const found: { library: string; requirement: string }[] = [];
  for (const install of installs) {
    if (install.ecosystem !== "pip") continue;
    for (const manifest of install.manifests) {
      const name = manifest.replace(/^\.\//, "");
      const base = name.slice(name.lastIndexOf("/") + 1);
      const text = model.context.files?.[name] ?? model.context.files?.[base];
      if (text === undefined) continue;
      for (const requirement of requirementNames(text)) {
        const library = LINKED_LIBRARIES[requirement];
        if (library !== undefined && !found.some((f) => f.library === library)) found.push({ library, requirement });
      }
    }
  }
  return found;
}
