// var-secret: BuildKit's SecretsUsedInArgOrEnv. ARG and ENV values are stored in the image
// (history, config), so a password passed that way ships to everyone who pulls it.

import { readArgDeclarations } from "../model/parse";
import type { Range } from "../model/text";
import type { Rule } from "./types";

// BuildKit's word lists: a secret word as the whole name or its first/last `_` part.
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export const rule: Rule = {
  meta: {
    id: "var-secret",
    family: "variables",
    severity: "warning",
    description: "Pass secrets with RUN --mount=type=secret, not ARG or ENV.",
    fix: "none",
    equivalents: { buildkit: ["SecretsUsedInArgOrEnv"], hadolint: ["DL3064"] },
    messages: {
      secret: "{keyword} '{name}' looks like a secret and is stored in the image; use RUN --mount=type=secret instead.",
    },
  },
  check(model, report) {
    for (const instruction of model.instructions) {
      const keys: { name: string; range: Range }[] = [];
      if (instruction.keyword === "ARG") keys.push(...readArgDeclarations(instruction).map((d) => ({ name: d.name, range: d.nameRange })));
      else if (instruction.keyword === "ENV" && instruction.args.length > 0) {
        // Legacy `ENV KEY value` names one key; otherwise every word is `KEY=value`.
        const legacy = !instruction.args[0].value.includes("=");
        for (const token of legacy ? instruction.args.slice(0, 1) : instruction.args) {
          const name = token.value.split("=")[0];
          const end =
            token.range.start.line === token.range.end.line
              ? { line: token.range.start.line, character: token.range.start.character + name.length }
              : token.range.end;
          keys.push({ name, range: { start: token.range.start, end } });
        }
      } else continue;
      for (const key of keys) {
        if (!SECRET.test(key.name) || ALLOWED.test(key.name)) continue;
        report({ range: key.range, messageId: "secret", data: { keyword: instruction.keyword, name: key.name } });
      }
    }
  },
};
