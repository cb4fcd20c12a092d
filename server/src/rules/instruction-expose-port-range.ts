// instruction-expose-port-range: hadolint DL3011. Ports are 0 to 65535; anything else is a typo
// the build rejects or silently mangles.

import { exposedPorts } from "../model/expose-ports";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "instruction-expose-port-range",
    family: "instructions",
    severity: "error",
    description: "Expose ports between 0 and 65535.",
    fix: "none",
    equivalents: { hadolint: ["DL3011"] },
    messages: {
      outOfRange: "EXPOSE port '{port}' is outside 0-65535; use a valid port number.",
    },
  },
  check(model, report) {
    for (const instruction of model.instructions) {
      const expose = instruction.keyword === "ONBUILD" ? instruction.trigger : instruction;
      if (!expose) continue;
      for (const { token, container } of exposedPorts(expose)) {
        const bounds = container.split("-");
        if (bounds.some((b) => /^\d+$/.test(b) && Number(b) > 65535)) report({ range: token.range, messageId: "outOfRange", data: { port: token.value } });
      }
    }
  },
};
