import * as assert from "assert";
import { parseImageReference } from "../../../server/src/images/reference";
import { factTagSuggestions, mergeLiveTags } from "../../../server/src/images/tag-suggestions";

function ref(text: string) {
  const parsed = parseImageReference(text);
  assert.ok(parsed);
  return parsed;
}

describe("images/tag-suggestions: tags offered after FROM image:", () => {
  it("offers the facts' canonical tags first, newest version first, with their size", () => {
    const tags = factTagSuggestions(ref("node"), "2");
    const canonical = tags.filter((t) => !t.detail.startsWith("same image"));
    assert.deepStrictEqual(
      canonical.filter((t) => /^\d+$/.test(t.tag)).map((t) => t.tag),
      ["26", "24", "22"],
    );
    assert.deepStrictEqual(
      canonical.slice(0, 2).map((t) => t.tag),
      ["26", "26-slim"],
      "each version's plain tag leads its variants",
    );
    assert.match(canonical.find((t) => t.tag === "24")?.detail ?? "", /^409 MB compressed \(linux\/amd64, built-in facts\)$/);
  });

  it("names the canonical tag of an alias", () => {
    const lts = factTagSuggestions(ref("node"), "lts").find((t) => t.tag === "lts");
    assert.match(lts?.detail ?? "", /^same image as 'node:24'; 409 MB compressed/);
  });

  it("knows no tags for images outside the facts", () => {
    assert.deepStrictEqual(factTagSuggestions(ref("ghcr.io/acme/app"), ""), []);
    assert.deepStrictEqual(factTagSuggestions(ref("node"), "no-such-prefix"), []);
  });

  it("adds registry tags after the facts' tags, without duplicates", () => {
    const facts = factTagSuggestions(ref("node"), "24-a");
    const merged = mergeLiveTags(facts, ["24-alpine", "24-alpine3.99", "25"], "docker.io", "24-a");
    assert.strictEqual(merged.filter((t) => t.tag === "24-alpine").length, 1);
    const live = merged.find((t) => t.tag === "24-alpine3.99");
    assert.deepStrictEqual(live, { tag: "24-alpine3.99", detail: "listed by docker.io", rank: 2 });
    assert.ok(!merged.some((t) => t.tag === "25"), "the prefix still applies");
    assert.strictEqual(merged[merged.length - 1].tag, "24-alpine3.99");
  });
});
