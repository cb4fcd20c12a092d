// Peer agreement for the base-image rules with hadolint equivalents: DL3006 (base-image-untagged),
// DL3007 (base-image-latest) and DL3002 (final-stage-root). The cases come from hadolint's own
// specs, collected in ../shared/corpus/peer-cases/hadolint.jsonl; skipped when that folder is absent.

import { rule as baseImageLatest } from "../../../server/src/rules/base-image-latest";
import { rule as baseImageUntagged } from "../../../server/src/rules/base-image-untagged";
import { rule as finalStageRoot } from "../../../server/src/rules/final-stage-root";
import { describePeerAgreement } from "../../support/peer-cases";

describePeerAgreement(
  "hadolint.jsonl",
  {
    DL3006: { rules: [baseImageUntagged], messageIds: ["untagged"] },
    DL3007: { rules: [baseImageLatest], messageIds: ["latest", "latestFromArg"] },
    // `noUser` (a final stage with no USER at all) goes beyond DL3002, which stays silent there.
    DL3002: { rules: [finalStageRoot], messageIds: ["lastUserRoot"] },
  },
  {
    // DL3002 reports every stage whose last USER is root; final-stage-root judges only the final
    // image (and the stages it builds on), because a builder stage running as root never runs in production.
    "DL3002:77": "root only in a builder stage; the final stage runs as 'foo'",
  },
);
