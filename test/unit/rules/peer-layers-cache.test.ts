// Peer agreement for layer-package-cache with hadolint's package-cache checks: DL3009 (apt lists),
// DL3019 (apk --no-cache), DL3042 (pip --no-cache-dir), DL3032 (yum clean all), DL3040 (dnf clean
// all) and DL3060 (yarn cache clean). The cases come from hadolint's own specs, collected in
// ../shared/corpus/peer-cases/hadolint.jsonl; skipped when that folder is absent.

import * as assert from "assert";
import { rule as layerPackageCache } from "../../../server/src/rules/layer-package-cache";
import { loadPeerCases, type PeerCase } from "../../support/peer-cases";
import { findingsOf } from "../../support/rule-tester";

/**
 * hadolint code -> the messageIds that mean "this cache is left in the image". The builder-stage
 * hint (`builderCacheMount`) is another finding: it suggests a cache mount where nothing ships,
 * which hadolint has no check for, so it never counts as agreeing with a peer report.
 */
const EQUIVALENT_MESSAGES: Record<string, string[]> = {
  DL3009: ["aptLists", "aptArchives"],
  DL3019: ["apkCache"],
  DL3042: ["pipCache"],
  DL3032: ["rpmCache"],
  DL3040: ["rpmCache"],
  DL3060: ["yarnCache"],
};

/** Deliberate differences, keyed `<code>:<src_line>`, with the reason. */
const OUT_OF_SCOPE: Record<string, string> = {};

/** The share of in-scope cases that must agree. */
const REQUIRED_AGREEMENT = 0.9;

describe("peer agreement: layer-package-cache (hadolint DL3009, DL3019, DL3042, DL3032, DL3040, DL3060)", function () {
  const cases = loadPeerCases("hadolint.jsonl", Object.keys(EQUIVALENT_MESSAGES));
  if (!cases) {
    it.skip("peer cases not found at ../shared/corpus/peer-cases");
    return;
  }

  const verdict = (c: PeerCase): "fires" | "silent" => {
    const findings = findingsOf(layerPackageCache, c.dockerfile).filter((f) => EQUIVALENT_MESSAGES[c.rule].includes(f.messageId));
    return findings.length > 0 ? "fires" : "silent";
  };

  it("has peer cases for every equivalent code", () => {
    for (const code of Object.keys(EQUIVALENT_MESSAGES)) assert.ok(cases.some((c) => c.rule === code), code);
  });

  it(`agrees with at least ${REQUIRED_AGREEMENT * 100}% of the in-scope cases`, () => {
    const inScope = cases.filter((c) => !(`${c.rule}:${c.src_line}` in OUT_OF_SCOPE));
    const agreeing = inScope.filter((c) => verdict(c) === c.expect);
    assert.ok(agreeing.length / inScope.length >= REQUIRED_AGREEMENT, `${agreeing.length}/${inScope.length} agree`);
  });

  for (const c of cases) {
    const key = `${c.rule}:${c.src_line}`;
    const label = `${c.rule} ${c.test} (line ${c.src_line}): ${c.expect}`;
    const reason = OUT_OF_SCOPE[key];
    if (reason) {
      it.skip(`${label} — out of scope: ${reason}`);
      continue;
    }
    it(label, () => assert.strictEqual(verdict(c), c.expect, c.dockerfile));
  }
});
