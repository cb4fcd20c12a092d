// The peer linters' test cases for the Stages family, run against the equivalent Stagecraft rules:
// hadolint DL3024, DL3063 and BuildKit StageNameCasing, DuplicateStageName, ReservedStageName,
// FromAsCasing. A case that fires must get at least one report of the mapped rule (on the lines
// BuildKit lists, where it lists them); a silent case none.

import { rule as fromAsCasing } from "../../../server/src/rules/from-as-casing";
import { rule as stageNameCasing } from "../../../server/src/rules/stage-name-casing";
import { rule as stageNameDuplicate } from "../../../server/src/rules/stage-name-duplicate";
import { rule as stageNameReserved } from "../../../server/src/rules/stage-name-reserved";
import { describePeerAgreement } from "../../support/peer-cases";

describePeerAgreement("hadolint.jsonl", {
  DL3024: { rules: [stageNameDuplicate] },
  DL3063: { rules: [stageNameReserved] },
});

describePeerAgreement("buildkit.jsonl", {
  StageNameCasing: { rules: [stageNameCasing] },
  DuplicateStageName: { rules: [stageNameDuplicate] },
  ReservedStageName: { rules: [stageNameReserved] },
  FromAsCasing: { rules: [fromAsCasing] },
});
