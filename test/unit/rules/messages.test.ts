// Every rule message's first sentence — the part the Problems panel shows — states the problem
// and the remedy within 100 characters, with typical data filled in (DESIGN §2, STYLE 6). The
// placeholders rules share take the typical values below; a placeholder of one rule's own takes
// the value that rule reports on its fires fixtures, so a new rule needs no edit here.

import * as assert from "assert";
import { allRules } from "../../../server/src/rules/index";
import { formatMessage } from "../../../server/src/lint/format-message";
import { findingsOf, ruleFixtures } from "../../support/rule-tester";

const LIMIT = 100;

/** Typical values for the placeholders several rules share, as real reports carry them. */
const TYPICAL: Record<string, string | number> = {
  image: "node:20-alpine",
  author: "Jane Doe <jane@example.com>",
  manager: "dnf",
  fixed: "8080/tcp",
  code: "SC2086",
  casing: "run",
  dest: "/app",
  dir: "/app",
  key: "NODE_ENV",
  message: "Double quote to prevent globbing and word splitting.",
  platform: "linux/amd64",
  port: "8080",
  subcommand: "install",
  target: "/root/.cache/pip",
  uid: "1000",
  value: "$TARGETPLATFORM",
  subject: "Node.js 20",
  since: "2026-04-30",
  asOf: "2026-11-22",
  replacement: "'node:24-alpine'",
  others: "",
  pinHint: " ('node:26')",
  resolved: "node:latest",
  tag: "lts-alpine",
  copy: "COPY . .",
  entries: "'.git' and 'node_modules'",
  cycle: "'a' -> 'b' -> 'a'",
  index: 1,
  count: 3,
  line: 12,
  name: "builder",
  from: "builder",
  hint: ", e.g. '/app'",
  suggestion: "build",
  path: "/app",
  stage: "builder",
  workdir: "/app",
  keyword: "COPY",
  source: "package.json",
  pattern: "*.json",
  packages: "'gcc', 'make'",
  command: "apt-get update",
  ecosystem: "npm",
  remedy: "'npm ci --omit=dev'",
  flag: "--only=production",
  size: "409 MB",
  variant: "node:24-alpine",
  variantSize: "58 MB",
  saving: "351 MB",
  estimate: "",
  caveat: "musl libc",
  user: "root",
  tool: "go build",
  runtime: "gcr.io/distroless/static",
  as: "as",
  expected: "AS",
  install: "apt-get install",
  mount: "--mount=type=cache,target=/root/.npm",
  manifests: "package.json and package-lock.json",
  lower: "builder",
  base: "gcr.io/distroless/static",
  clean: "dnf clean all",
  them: "them",
  next: "add",
  shipped: "final image",
  shippedStage: "final stage",
  shippedBase: "Final base",
  stages: "stages 'build' and 'test'",
};

/**
 * Rules of other engineers whose messages are still being shortened on their branches. The lead
 * empties this list after merging; a rule listed here that already fits fails the test, so the
 * list cannot go stale.
 */
const PENDING_OTHER_OWNERS = new Set<string>([]);

/** The first sentence: up to the first `.`, `?` or `!` followed by a capital or the end (not `COPY . .`, `3.12`). */
export function firstSentence(message: string): string {
  const end = /[.?!](?=\s+[A-Z]|$)/.exec(message);
  return end ? message.slice(0, end.index + 1) : message;
}

type AnyRule = (typeof allRules)[number];

/** The data `rule` reports on its own fires fixtures, per messageId (the first report of each). */
function fixtureData(rule: AnyRule): Map<string, Record<string, string | number>> {
  const data = new Map<string, Record<string, string | number>>();
  for (const fixture of ruleFixtures(rule.meta.id).fires)
    for (const finding of findingsOf(rule, fixture.code, fixture.context)) if (!data.has(finding.messageId)) data.set(finding.messageId, finding.data);
  return data;
}

/** The words a final-image message names a pushed target's image with (model/pushed-images.ts), for a typical target name. */
const PUSHED_TARGET_WORDS = { shipped: "'worker' image", shippedStage: "'worker' stage", shippedBase: "'worker' base" };

function tooLong(rule: AnyRule, overrides: Record<string, string | number> = {}): string[] {
  const reported = fixtureData(rule);
  return Object.entries(rule.meta.messages)
    .map(([id, template]) => {
      const values = { ...reported.get(id), ...TYPICAL, ...overrides };
      for (const placeholder of template.matchAll(/\{(\w+)\}/g))
        assert.ok(
          placeholder[1] in values,
          `{${placeholder[1]}} (${rule.meta.id}/${id}) has no typical value: add a fires fixture under test/fixtures/rules/${rule.meta.id}/ that reports '${id}'`,
        );
      return [id, firstSentence(formatMessage(template, values))] as const;
    })
    .filter(([, sentence]) => sentence.length > LIMIT)
    .map(([id, sentence]) => `${id} (${sentence.length}): ${sentence}`);
}

describe("rule messages: the first sentence fits in 100 characters", () => {
  it("splits sentences where they end", () => {
    assert.strictEqual(firstSentence("'COPY . .' uses 'python:3.12-slim', e.g. for size. Why: ..."), "'COPY . .' uses 'python:3.12-slim', e.g. for size.");
    assert.strictEqual(firstSentence("No stage is named 'x'; did you mean 'y'? More."), "No stage is named 'x'; did you mean 'y'?");
  });

  for (const rule of allRules) {
    const id = rule.meta.id;
    if (PENDING_OTHER_OWNERS.has(id)) {
      it(`${id}: pending its owner's shortening (listed in PENDING_OTHER_OWNERS)`, () => {
        assert.ok(tooLong(rule).length > 0, `${id} fits now: remove it from PENDING_OTHER_OWNERS`);
      });
      continue;
    }
    it(`${id}: every message`, () => {
      assert.deepStrictEqual(tooLong(rule), []);
      // A message that names the image judged fits for a pushed target's name too.
      if (Object.values(rule.meta.messages).some((m) => /\{shipped\w*\}/.test(m))) assert.deepStrictEqual(tooLong(rule, PUSHED_TARGET_WORDS), []);
    });
  }
});
