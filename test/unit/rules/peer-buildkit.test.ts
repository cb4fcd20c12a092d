// Peer agreement for the BuildKit checks added with issue #12 (the Stages family's four and
// CopyIgnoredFile have their own suites): BuildKit's lint integration tests, collected in
// ../shared/corpus/peer-cases/buildkit.jsonl, against the equivalent Stagecraft rules. A case that
// fires must get a report on every line BuildKit lists; a silent case none.

import { rule as basePlatformConstant } from "../../../server/src/rules/base-image-platform-constant";
import { rule as basePlatformRedundant } from "../../../server/src/rules/base-image-platform-redundant";
import { rule as instructionCasing } from "../../../server/src/rules/instruction-casing";
import { rule as descriptionFormat } from "../../../server/src/rules/instruction-description-format";
import { rule as emptyContinuation } from "../../../server/src/rules/instruction-empty-continuation";
import { rule as exposeHostMapping } from "../../../server/src/rules/instruction-expose-host-mapping";
import { rule as exposeProtocolCasing } from "../../../server/src/rules/instruction-expose-protocol-casing";
import { rule as jsonArgs } from "../../../server/src/rules/instruction-json-args";
import { rule as legacyKeyValue } from "../../../server/src/rules/instruction-legacy-key-value";
import { rule as maintainer } from "../../../server/src/rules/instruction-maintainer-deprecated";
import { rule as repeated } from "../../../server/src/rules/instruction-repeated";
import { rule as workdirRelative } from "../../../server/src/rules/instruction-workdir-relative";
import { rule as varSecret } from "../../../server/src/rules/var-secret";
import { rule as varUndefined } from "../../../server/src/rules/var-undefined";
import { rule as varUndefinedInFrom } from "../../../server/src/rules/var-undefined-in-from";
import { describePeerAgreement } from "../../support/peer-cases";

describePeerAgreement(
  "buildkit.jsonl",
  {
    NoEmptyContinuation: { rules: [emptyContinuation] },
    ConsistentInstructionCasing: { rules: [instructionCasing] },
    JSONArgsRecommended: { rules: [jsonArgs] },
    MaintainerDeprecated: { rules: [maintainer] },
    UndefinedArgInFrom: { rules: [varUndefinedInFrom] },
    WorkdirRelativePath: { rules: [workdirRelative] },
    UndefinedVar: { rules: [varUndefined] },
    MultipleInstructionsDisallowed: { rules: [repeated] },
    LegacyKeyValueFormat: { rules: [legacyKeyValue] },
    RedundantTargetPlatform: { rules: [basePlatformRedundant] },
    SecretsUsedInArgOrEnv: { rules: [varSecret] },
    FromPlatformFlagConstDisallowed: { rules: [basePlatformConstant] },
    InvalidDefinitionDescription: { rules: [descriptionFormat] },
    ExposeProtoCasing: { rules: [exposeProtocolCasing] },
    ExposeInvalidFormat: { rules: [exposeHostMapping] },
  },
  {
    "SecretsUsedInArgOrEnv:305":
      "line 9's 'ENV git_key=' stores an empty value, no secret: var-secret leaves empty ENV values (runtime settings) alone; the case's other lines are in var-secret.test.ts",
    "LegacyKeyValueFormat:1321":
      "BuildKit's test lists lines 3 and 4 (copied from the case before it), but the ENV and LABEL are on lines 5 and 6, where both tools report; the test sets UnmarshalWarnings, whose lines BuildKit does not compare",
  },
);
