// The conversion fixtures: test/fixtures/convert/<case>/{Dockerfile, expected.Dockerfile, options?}.

import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { RuntimeFamily } from "../../../server/src/convert/index";

export const CONVERT_FIXTURES = join(__dirname, "..", "..", "fixtures", "convert");

export interface ConvertCase {
  name: string;
  input: string;
  runtime?: RuntimeFamily;
  expectedPath: string;
}

export function convertCases(): ConvertCase[] {
  return readdirSync(CONVERT_FIXTURES)
    .sort()
    .map((name) => {
      const dir = join(CONVERT_FIXTURES, name);
      const optionsPath = join(dir, "options");
      const runtime = existsSync(optionsPath) ? (readFileSync(optionsPath, "utf8").trim() as RuntimeFamily) : undefined;
      return { name, input: readFileSync(join(dir, "Dockerfile"), "utf8"), runtime, expectedPath: join(dir, "expected.Dockerfile") };
    });
}
