// Every rule fixture (test/fixtures/rules/<id>/*.Dockerfile) with its build-context facts, for
// checks that run over all of them at once (fix safety, the corpus script).

import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import type { BuildContextFacts } from "../../server/src/model/context";

export const RULE_FIXTURES_ROOT = join(__dirname, "..", "fixtures", "rules");

export interface RuleFixture {
  /** Path relative to the fixtures root (`stage-name-casing/fires-mixed.Dockerfile`). */
  name: string;
  code: string;
  context?: BuildContextFacts;
}

/**
 * A fixture's sibling `<name>.dockerignore`, `<name>.context` (root entries, one per line) and
 * `<name>.facts.json` (further build-context facts the host would read: `{"buildPlatforms": [...]}`).
 */
export function fixtureContext(dir: string, base: string): BuildContextFacts | undefined {
  const ignore = join(dir, `${base}.dockerignore`);
  const entries = join(dir, `${base}.context`);
  const facts = join(dir, `${base}.facts.json`);
  if (!existsSync(ignore) && !existsSync(entries) && !existsSync(facts)) return undefined;
  return {
    dockerignore: existsSync(ignore) ? readFileSync(ignore, "utf8") : null,
    rootEntries: existsSync(entries)
      ? readFileSync(entries, "utf8")
          .split(/\r?\n/)
          .filter((l) => l.trim() !== "")
      : undefined,
    ...(existsSync(facts) ? (JSON.parse(readFileSync(facts, "utf8")) as Partial<BuildContextFacts>) : {}),
  };
}

/** All `*.Dockerfile` fixtures under the rules fixtures folder, sorted by name. */
export function allRuleFixtures(root: string = RULE_FIXTURES_ROOT): RuleFixture[] {
  const out: RuleFixture[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".Dockerfile")) {
        const base = entry.slice(0, -".Dockerfile".length);
        out.push({ name: relative(root, path), code: readFileSync(path, "utf8"), context: fixtureContext(dir, base) });
      }
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}
