// The 756 real Dockerfiles of ../shared/corpus/real (test data only), for differential tests.

import * as fs from "node:fs";
import * as path from "node:path";

export const CORPUS_DIR = path.resolve(__dirname, "../../../shared/corpus/real");

/** Every corpus Dockerfile's text in name order, or none where ../shared is absent. */
export function corpusTexts(): string[] {
  if (!fs.existsSync(CORPUS_DIR)) return [];
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((file) => !/\.(?:tsv|md|json|txt)$/i.test(file))
    .sort()
    .map((file) => fs.readFileSync(path.join(CORPUS_DIR, file), "utf8"));
}
