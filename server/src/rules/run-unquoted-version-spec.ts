// run-unquoted-version-spec: `pip install requests>=2.31`, `apk add openssl>=3.1`: the shell reads
// the `>` of an unquoted version constraint as an output redirection, so the installer gets the
// bare name (the constraint is dropped) and the installer's output goes to a file named for the
// rest of the spec (`=2.31`), written into the layer. The build succeeds and neither the installer
// nor ShellCheck says so. A `<` fails the build (the shell cannot open the "file"), so it is left to
// the build's own error.

import { dependencyInstall, type Ecosystem, systemPackageCommand } from "../model/commands";
import { allRunInstructions } from "../model/run-instructions";
import type { ShellCommand } from "../model/shell";
import type { Rule } from "./types";

/** A package name, then `>` or `>=`, then a version: `numpy>=1.26`, `openssl>1.1`, `kube-hunter-arp-spoof>=0.0.3`. */
const VERSION_SPEC = /^[A-Za-z0-9][\w.+\-[\],@/]*>=?\d[\w.*+\-!~,<>=]*$/;

/** `name>=1.2.*`: a floor written with a trailing wildcard and no other. */
const WILDCARD_FLOOR = /^[^*]*>=\d[^*]*\.\*$/;

/** Python's installers, which read `name>=version` as a requirement. */
const PYTHON_INSTALLERS: ReadonlySet<Ecosystem> = new Set(["pip", "uv", "poetry", "pipenv"]);

/**
 * True for an install whose installer takes a version range in the package word: pip's family
 * (`pip install numpy>=1.26`) and apk (`apk add openssl>=3.1`). Not apt or dnf (apt takes only
 * `=version`, so quoting `postgresql-client>=11` would make it fail), nor npm or gem, whose ranges
 * are written otherwise (`pkg@>=1`, `-v '>= 1'`).
 */
function takesVersionRanges(command: ShellCommand): boolean {
  const system = systemPackageCommand(command);
  if (system !== null) return system.manager === "apk" && system.action === "install";
  const install = dependencyInstall(command);
  return install !== null && install.installsNamedPackages && PYTHON_INSTALLERS.has(install.ecosystem);
}

export const rule: Rule = {
  meta: {
    id: "run-unquoted-version-spec",
    family: "run",
    severity: "warning",
    description: "Quote package specs with '>' so the shell does not read them as a redirect.",
    fix: "suggestion",
    equivalents: {},
    messages: {
      redirect: "Quote '{spec}': the shell reads its '>' as a redirect and drops the version.",
      // `matplotlib>=3.0.*`: quoting alone hands pip a spec PEP 440 rejects (a wildcard only goes
      // with `==` and `!=`), so the build that worked unquoted would fail (held-out AZ, PX4: judged wrong).
      wildcard: "Write \"{fixed}\": unquoted, '>' is a redirect, and pip rejects the '.*' of '{spec}'.",
      wildcardRange: "Rewrite '{spec}' without '*' and quote it: unquoted, '>' is a redirect; pip rejects the '*'.",
    },
  },
  check(model, report) {
    for (const run of allRunInstructions(model)) {
      for (const command of run.commands) {
        if (!takesVersionRanges(command)) continue;
        for (const word of command.args) {
          // Quoted (`"numpy>=1.26"`) or escaped (`numpy\>=1.26`): the shell passes the spec whole.
          if (word.quoted || word.json || word.fromVariable !== undefined || !VERSION_SPEC.test(word.value)) continue;
          const written = model.lines.textIn(word.range);
          if (written !== word.value) continue;
          if (word.value.includes("*") && systemPackageCommand(command) === null) {
            // Only `>=1.2.*` has a plain reading (`>=1.2`); another wildcard is left to the author.
            const fixed = WILDCARD_FLOOR.test(word.value) ? word.value.slice(0, -2) : null;
            if (fixed === null) report({ range: word.range, messageId: "wildcardRange", data: { spec: word.value } });
            else
              report({
                range: word.range,
                messageId: "wildcard",
                data: { spec: word.value, fixed },
                suggest: [{ title: `Write "${fixed}"`, edits: [{ range: word.range, newText: `"${fixed}"` }], isPreferred: true }],
              });
            continue;
          }
          report({
            range: word.range,
            messageId: "redirect",
            data: { spec: word.value },
            suggest: [{ title: `Quote '${word.value}'`, edits: [{ range: word.range, newText: `"${word.value}"` }], isPreferred: true }],
          });
        }
      }
    }
  },
};
