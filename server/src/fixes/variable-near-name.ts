// "Did you mean": an undefined variable whose name is a near miss of a known one (BuildKit's
// suggest.Search), reported with the suggestion that writes the known name instead. Shared by
// var-undefined and var-undefined-in-from, which differ only in which names are known.

import type { DockerfileModel } from "../model/types";
import type { Range } from "../model/text";
import { suggestName, VariableUse } from "../model/variable-uses";
import type { Fix } from "./types";

/** The report for `use` when a known name is near it: messageId `didYouMean`, data `{name, suggestion}`. */
export interface NearNameReport {
  range: Range;
  messageId: "didYouMean";
  data: { name: string; suggestion: string };
  suggest: Fix[];
}

/** The "did you mean" report for `use` among `known` names, or null when no name is near (or it is known). */
export function nearNameReport(model: DockerfileModel, use: VariableUse, known: Iterable<string>): NearNameReport | null {
  const suggestion = suggestName(use.name, known);
  if (suggestion === null) return null;
  const written = model.lines.textIn(use.range);
  return {
    range: use.range,
    messageId: "didYouMean",
    data: { name: use.name, suggestion },
    // Renaming may change meaning (the author may have meant a variable not declared yet): a suggestion.
    suggest: [{ title: `Use '$${suggestion}'`, edits: [{ range: use.range, newText: written.replace(use.name, suggestion) }] }],
  };
}
