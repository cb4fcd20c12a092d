// The conversion fixtures: test/fixtures/convert/<case>/{Dockerfile, expected.Dockerfile, options?}.

import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { RuntimeFamily } from "../../../server/src/convert/index";
import type { BuildContextFacts } from "../../../server/src/model/context";

export const CONVERT_FIXTURES = join(__dirname, "..", "..", "fixtures", "convert");

export interface ConvertCase {
  name: string;
  input: string;
  runtime?: RuntimeFamily;
  expectedPath: string;
  /** Build-context facts from `context.json` (root entries, manifest contents), when the case has them. */
  context?: BuildContextFacts;
}

export function convertCases(): ConvertCase[] {
  return readdirSync(CONVERT_FIXTURES)
    .sort()
    .map((name) => {
      const dir = join(CONVERT_FIXTURES, name);
      const optionsPath = join(dir, "options");
      const runtime = existsSync(optionsPath) ? (readFileSync(optionsPath, "utf8").trim() as RuntimeFamily) : undefined;
      const contextPath = join(dir, "context.json");
      const context = existsSync(contextPath) ? (JSON.parse(readFileSync(contextPath, "utf8")) as BuildContextFacts) : undefined;
      return {
        name,
        input: readFileSync(join(dir, "Dockerfile"), "utf8"),
        runtime,
        expectedPath: join(dir, "expected.Dockerfile"),
        context,
      };
    });
}
