// Peer agreement for the hadolint rules added with issue #12, from hadolint's own specs
// (../shared/corpus/peer-cases/hadolint.jsonl). Out-of-scope cases are listed with the reason.

import { rule as platformRedundant } from "../../../server/src/rules/base-image-platform-redundant";
import { rule as varSecret } from "../../../server/src/rules/var-secret";
import { rule as platformConstant } from "../../../server/src/rules/base-image-platform-constant";
import { rule as addLocalFile } from "../../../server/src/rules/instruction-add-local-file";
import { rule as copyDestNotDir } from "../../../server/src/rules/instruction-copy-dest-not-dir";
import { rule as exposePortRange } from "../../../server/src/rules/instruction-expose-port-range";
import { rule as jsonArgs } from "../../../server/src/rules/instruction-json-args";
import { rule as maintainer } from "../../../server/src/rules/instruction-maintainer-deprecated";
import { rule as repeated } from "../../../server/src/rules/instruction-repeated";
import { rule as workdirRelative } from "../../../server/src/rules/instruction-workdir-relative";
import { rule as aptGetNoYes } from "../../../server/src/rules/run-apt-get-no-yes";
import { rule as aptGetRecommends } from "../../../server/src/rules/run-apt-get-recommends";
import { rule as aptInsteadOfAptGet } from "../../../server/src/rules/run-apt-instead-of-apt-get";
import { rule as cdInsteadOfWorkdir } from "../../../server/src/rules/run-cd-instead-of-workdir";
import { rule as dnfYumNoYes } from "../../../server/src/rules/run-dnf-yum-no-yes";
import { rule as pipeNoPipefail } from "../../../server/src/rules/run-pipe-no-pipefail";
import { rule as sudo } from "../../../server/src/rules/run-sudo";
import { rule as useraddNoLogInit } from "../../../server/src/rules/run-useradd-no-log-init";
import { describePeerAgreement } from "../../support/peer-cases";

describePeerAgreement(
  "hadolint.jsonl",
  {
    DL3000: { rules: [workdirRelative] },
    DL3003: { rules: [cdInsteadOfWorkdir] },
    DL3004: { rules: [sudo] },
    DL3011: { rules: [exposePortRange] },
    DL3012: { rules: [repeated] },
    DL3014: { rules: [aptGetNoYes] },
    DL3030: { rules: [dnfYumNoYes] },
    DL3038: { rules: [dnfYumNoYes] },
    DL3015: { rules: [aptGetRecommends] },
    DL3020: { rules: [addLocalFile] },
    DL3021: { rules: [copyDestNotDir] },
    DL3025: { rules: [jsonArgs] },
    DL3027: { rules: [aptInsteadOfAptGet] },
    DL3029: { rules: [platformConstant] },
    DL3046: { rules: [useraddNoLogInit] },
    DL3064: { rules: [varSecret] },
    DL3065: { rules: [platformRedundant] },
    DL4000: { rules: [maintainer] },
    DL4003: { rules: [repeated] },
    DL4004: { rules: [repeated] },
    DL4006: { rules: [pipeNoPipefail] },
  },
  {
    // run-pipe-no-pipefail reports only a failure that is both swallowed and matters (a download
    // piped into a shell, or written into the package sources); hadolint reports every pipe.
    "DL4006:19": "'wget … | wc -l' only counts lines: a failed download gives a wrong count, not a broken install",
    "DL4006:84": "'wget … | wc -l' only counts lines (hadolint's point, that sh has no pipefail, holds for the pipes we report)",
    "DL4006:93": "'wget … | wc -l' only counts lines, in the second stage as in the first",
    "DL4006:102": "'wget … | wc -l' only counts lines, under the second SHELL as under the first",
    "DL4006:26": "the left side is 'echo', which cannot meaningfully fail; pipefail would change nothing",
    // microdnf never prompts: its -y "does nothing, we always assume yes" (microdnf --help).
    "DL3038:15": "microdnf install never asks for confirmation, so there is no -y to forget",
    "DL3038:17": "microdnf install never asks for confirmation, in an ONBUILD trigger as elsewhere",
    "DL3025:46":
      "HEALTHCHECK CMD in shell form is not a signal problem (the check command is not PID 1 and is not stopped by signals); BuildKit's JSONArgsRecommended leaves it alone too",
  },
);
