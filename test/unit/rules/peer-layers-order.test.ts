// The hadolint peer cases for the layer-order rules, run against the equivalent Stagecraft rule:
// DL3059 (multiple consecutive RUN instructions) -> layer-consecutive-run. A case that fires must
// get at least one report, a silent case none. layer-source-before-deps, layer-packages-after-source
// and layer-apt-update-alone have no peer equivalent.

import { rule as layerConsecutiveRun } from "../../../server/src/rules/layer-consecutive-run";
import { describePeerAgreement } from "../../support/peer-cases";

describePeerAgreement("hadolint.jsonl", { DL3059: { rules: [layerConsecutiveRun] } });
