// run-shellcheck: ShellCheck's findings on the shell scripts of RUN instructions (hadolint's best
// loved feature), placed on the exact Dockerfile positions. The host runs the binary and passes its
// comments in the build-context facts; without them (no binary, the browser) the rule is silent.

import type { DockerfileModel } from "../model/types";
import { commentRange, runScripts } from "../model/shellcheck-scripts";
import type { Rule, Severity } from "./types";

const SEVERITY: Record<string, Severity> = { error: "error", warning: "warning", info: "info", style: "hint" };

export const rule: Rule = {
  meta: {
    id: "run-shellcheck",
    family: "run",
    severity: "warning",
    description: "Fix what ShellCheck finds in RUN scripts (needs a shellcheck binary).",
    fix: "none",
    equivalents: {},
    messages: {
      shellcheck: "{message} (SC{code})",
    },
  },
  check(model: DockerfileModel, report) {
    const results = model.context.shellcheck;
    if (!results) return;
    for (const script of runScripts(model)) {
      for (const comment of results.get(script.text) ?? []) {
        const range = commentRange(model, script, comment);
        if (!range) continue;
        report({
          range,
          messageId: "shellcheck",
          data: { code: comment.code, message: comment.message },
          severity: SEVERITY[comment.level] ?? "warning",
          docsUrl: `https://www.shellcheck.net/wiki/SC${comment.code}`,
        });
      }
    }
  },
};
