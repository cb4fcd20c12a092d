// The hadolint peer cases for the References family (DL3022, DL3023, DL3067), run against the
// equivalent Stagecraft rules. DL3022 ("COPY --from should reference a previously defined FROM
// alias") is split here into copy-from-undefined, copy-from-later-stage and copy-from-index-invalid,
// so a DL3022 case fires when any of them does.

import { rule as copyFromIndexInvalid } from "../../../server/src/rules/copy-from-index-invalid";
import { rule as copyFromLaterStage } from "../../../server/src/rules/copy-from-later-stage";
import { rule as copyFromRoot } from "../../../server/src/rules/copy-from-root";
import { rule as copyFromSelf } from "../../../server/src/rules/copy-from-self";
import { rule as copyFromUndefined } from "../../../server/src/rules/copy-from-undefined";
import { describePeerAgreement } from "../../support/peer-cases";

describePeerAgreement("hadolint.jsonl", {
  DL3022: { rules: [copyFromUndefined, copyFromLaterStage, copyFromIndexInvalid] },
  DL3023: { rules: [copyFromSelf] },
  DL3067: { rules: [copyFromRoot] },
});
