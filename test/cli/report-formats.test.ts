// `stagecraft check --format sarif|github|checkstyle|gitlab` and `--max-warnings`: what CI systems
// read. SARIF is validated against the OASIS 2.1.0 schema; the others are checked field by field.

import * as assert from "assert";
import AjvDraft04 from "ajv-draft-04";
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join, resolve } from "path";
import { TempProjects } from "../support/temp-project";

const REPO = resolve(__dirname, "..", "..");
const CLI = join(REPO, "dist", "cli.js");
const SARIF_SCHEMA = join(REPO, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json");

/** An untagged base (warning), a misspelled stage (error), a message with `:` `,` `%` and `<&>` to escape. */
const DOCKERFILE = [
  "FROM golang AS build",
  "RUN go build -o /app",
  "",
  "FROM alpine:3.22",
  "COPY --from=biuld /app /app",
  'LABEL x="50%: a, b <&>"',
  "USER nobody",
  "",
].join("\n");
const WARNINGS_ONLY = "FROM ubuntu\nRUN true\nUSER nobody\n";

const projects = new TempProjects("stagecraft-formats");

function check(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "check", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("stagecraft check report formats", function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    dir = projects.create({
      Dockerfile: DOCKERFILE,
      "other/Dockerfile": WARNINGS_ONLY,
    });
  });
  after(() => projects.dispose());

  it("--format sarif is valid SARIF 2.1.0 with rule metadata and 1-based regions", () => {
    const r = check(dir, "--format", "sarif", "Dockerfile");
    assert.strictEqual(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    // The OASIS schema is JSON Schema draft-04, and one of its patterns is not valid with the u flag.
    const ajv = new AjvDraft04({
      allErrors: true,
      strict: false,
      validateFormats: false,
      unicodeRegExp: false,
    });
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, "utf8")));
    const valid = validate(structuredClone(log));
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    assert.strictEqual(run.tool.driver.name, "stagecraft");
    const undefinedRule = run.tool.driver.rules.find((rule: { id: string }) => rule.id === "copy-from-undefined");
    assert.match(undefinedRule.helpUri, /docs\/rules\/copy-from-undefined\.md$/);
    assert.ok(undefinedRule.shortDescription.text.length > 0);
    const result = run.results.find((res: { ruleId: string }) => res.ruleId === "copy-from-undefined");
    assert.strictEqual(result.level, "error");
    assert.strictEqual(run.tool.driver.rules[result.ruleIndex].id, "copy-from-undefined");
    assert.deepStrictEqual(result.locations[0].physicalLocation.artifactLocation, { uri: "Dockerfile" });
    // `biuld` sits on line 5, columns 13-18 (1-based, end exclusive).
    assert.deepStrictEqual(result.locations[0].physicalLocation.region, {
      startLine: 5,
      startColumn: 13,
      endLine: 5,
      endColumn: 18,
    });
  });

  it("--format sarif carries each safe fix as replacements, and stays valid SARIF 2.1.0", () => {
    const fixDir = projects.create({ Dockerfile: "FROM alpine:3.22 as base\nENV PORT 8080\nUSER nobody\n" });
    const r = check(fixDir, "--format", "sarif", "Dockerfile");
    assert.strictEqual(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, "utf8")));
    assert.ok(validate(structuredClone(log)), JSON.stringify(validate.errors, null, 2));
    const results = log.runs[0].results as { ruleId: string; fixes?: unknown[] }[];
    const casing = results.find((res) => res.ruleId === "from-as-casing");
    // `as` on line 1, columns 18-20 (1-based, end exclusive), becomes `AS`.
    assert.deepStrictEqual(casing?.fixes, [
      {
        description: { text: (casing?.fixes?.[0] as { description: { text: string } }).description.text },
        artifactChanges: [
          {
            artifactLocation: { uri: "Dockerfile" },
            replacements: [{ deletedRegion: { startLine: 1, startColumn: 18, endLine: 1, endColumn: 20 }, insertedContent: { text: "AS" } }],
          },
        ],
      },
    ]);
    const legacy = results.find((res) => res.ruleId === "instruction-legacy-key-value");
    assert.ok(legacy?.fixes && legacy.fixes.length === 1, JSON.stringify(legacy));
    // A finding without a safe fix has no `fixes` at all (an empty array would claim one).
    const untagged = JSON.parse(check(dir, "--format", "sarif", "other/Dockerfile").stdout).runs[0].results as { ruleId: string; fixes?: unknown[] }[];
    assert.ok(untagged.some((res) => res.fixes === undefined));
  });

  it("--format github prints one workflow command per finding with escaped properties", () => {
    const r = check(dir, "--format", "github", "Dockerfile");
    assert.strictEqual(r.code, 1);
    const lines = r.stdout.trimEnd().split("\n");
    assert.ok(lines.length >= 2);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=Dockerfile,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::.+$/);
    assert.ok(lines.some((l) => l.startsWith("::error file=Dockerfile,line=5,col=13,endLine=5,endColumn=18,title=copy-from-undefined::")));
  });

  it("--format checkstyle is well-formed XML listing every checked file, clean ones included", () => {
    const r = check(dir, "--format", "checkstyle", "--severity", "error", ".");
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<checkstyle version="4.3">\n/);
    assert.match(
      r.stdout,
      /<file name="Dockerfile">\n {4}<error line="5" column="13" severity="error" message="[^"<>]+" source="stagecraft.copy-from-undefined"\/>/,
    );
    assert.match(r.stdout, /<file name="other\/Dockerfile">\n {2}<\/file>/);
    assert.match(r.stdout, /<\/checkstyle>\n$/);
  });

  it("--format gitlab gives code-quality issues with stable, unique fingerprints", () => {
    const first = JSON.parse(check(dir, "--format", "gitlab", "Dockerfile").stdout) as Array<Record<string, unknown>>;
    const second = JSON.parse(check(dir, "--format", "gitlab", "Dockerfile").stdout) as Array<Record<string, unknown>>;
    assert.ok(first.length >= 2);
    assert.deepStrictEqual(
      first.map((i) => i.fingerprint),
      second.map((i) => i.fingerprint),
    );
    assert.strictEqual(new Set(first.map((i) => i.fingerprint)).size, first.length);
    const issue = first.find((i) => i.check_name === "copy-from-undefined")!;
    assert.strictEqual(issue.severity, "major");
    assert.deepStrictEqual(issue.location, {
      path: "Dockerfile",
      lines: { begin: 5, end: 5 },
    });
    assert.strictEqual(typeof issue.description, "string");
  });

  it("--max-warnings lets warnings pass up to the budget, never errors", () => {
    const warnings = JSON.parse(check(dir, "--format", "json", "other/Dockerfile").stdout) as unknown[];
    assert.ok(warnings.length >= 1);
    assert.strictEqual(check(dir, "--max-warnings", String(warnings.length), "other/Dockerfile").code, 0);
    assert.strictEqual(check(dir, "--max-warnings", String(warnings.length - 1), "other/Dockerfile").code, 1);
    assert.strictEqual(check(dir, "--max-warnings", "100", "Dockerfile").code, 1, "an error fails whatever the budget");
  });

  it("rejects an unknown format and a --max-warnings that is not a whole number", () => {
    const bad = check(dir, "--format", "xml");
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /unknown format 'xml' \(expected text, json, sarif, github, checkstyle or gitlab\)/);
    const notNumber = check(dir, "--max-warnings", "many");
    assert.strictEqual(notNumber.code, 2);
    assert.match(notNumber.stderr, /'--max-warnings' needs a whole number/);
  });
});
