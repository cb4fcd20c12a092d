// Prefixes a project's bundler config declares for the variables it inlines into the browser
// bundle: SvelteKit's `kit.env.publicPrefix` (default `PUBLIC_`) and Vite's `envPrefix` (default
// `VITE_`). A variable with such a prefix is published in every page the app serves.

import type { DockerfileModel } from "./types";
import { contextFiles } from "./context";

const SVELTE_CONFIG = /(?:^|\/)svelte\.config\.(?:js|ts|mjs)$/;
const VITE_CONFIG = /(?:^|\/)vite\.config\.(?:js|ts|mjs)$/;
// `publicPrefix: "PUB_"`; a prefix computed at load time is not read.
const PUBLIC_PREFIX = /\bpublicPrefix\s*:\s*(["'`])([A-Za-z][\w]*)\1/;
// `envPrefix: "APP_"` or `envPrefix: ["APP_", "VITE_"]`.
const ENV_PREFIX = /\benvPrefix\s*:\s*(\[[^\]]*\]|(["'`])[A-Za-z][\w]*\2)/;
const QUOTED = /(["'`])([A-Za-z][\w]*)\1/g;

/**
 * The public variable prefixes the bundler configs among the context files declare (`PUB_`), beyond
 * the frameworks' defaults; empty when none is read. A prefix shorter than two characters before
 * its `_` would make nearly every name public, and is not taken.
 */
export function configuredPublicEnvPrefixes(model: DockerfileModel): string[] {
  const prefixes = new Set<string>();
  for (const [path, text] of Object.entries(contextFiles(model.context))) {
    if (SVELTE_CONFIG.test(path)) {
      const found = PUBLIC_PREFIX.exec(text);
      if (found !== null) prefixes.add(found[2]);
    } else if (VITE_CONFIG.test(path)) {
      const found = ENV_PREFIX.exec(text);
      if (found !== null) for (const quoted of found[1].matchAll(QUOTED)) prefixes.add(quoted[2]);
    }
  }
  return [...prefixes].filter((p) => p.replace(/_+$/, "").length >= 2);
}
