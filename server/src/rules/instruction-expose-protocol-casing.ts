// instruction-expose-protocol-casing: BuildKit's ExposeProtoCasing. EXPOSE protocols are `tcp`,
// `udp` and `sctp` in lower case.

import { exposedPorts } from "../model/expose-ports";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "instruction-expose-protocol-casing",
    family: "instructions",
    severity: "warning",
    description: "Write EXPOSE protocols in lower case.",
    fix: "safe",
    equivalents: { buildkit: ["ExposeProtoCasing"] },
    messages: {
      casing: "Protocol in EXPOSE '{port}' should be lower case; write '{fixed}'.",
    },
  },
  check(model, report) {
    for (const instruction of model.instructions) {
      for (const { token, proto } of exposedPorts(instruction)) {
        if (proto === proto.toLowerCase()) continue;
        const fixed = token.value.slice(0, token.value.length - proto.length) + proto.toLowerCase();
        report({
          range: token.range,
          messageId: "casing",
          data: { port: token.value, fixed },
          fix: { title: `Write '${fixed}'`, edits: [{ range: token.range, newText: fixed }], isPreferred: true },
        });
      }
    }
  },
};
