// One decoration style per token: a base image with a problem had a squiggle, a document link's
// underline and its highlighting stacked on the same characters, which reads as noise. The squiggle
// says more, and the hover over the image carries the registry page's link anyway, so a link is not
// offered where a squiggled diagnostic (error, warning, information) covers its text. Hints are drawn
// as faint dots, not underlines, and leave the link alone.

import { DiagnosticSeverity, type Diagnostic, type DocumentLink, type Range } from "vscode-languageserver";

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range["start"], q: Range["start"]) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end) && !(a.end.line === b.start.line && a.end.character === b.start.character);
}

/** The links whose text no squiggle covers. */
export function linksBesideDiagnostics(links: readonly DocumentLink[], diagnostics: readonly Diagnostic[]): DocumentLink[] {
  const squiggles = diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint);
  return links.filter((link) => !squiggles.some((d) => overlaps(link.range, d.range)));
}
