// Formatting through dockerfile-language-service: whole document, a range, and on type.

import type { DocumentFormattingParams, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit } from "vscode-languageserver";
import type { DocumentRequests } from "./language-service";

/** Characters after which on-type formatting runs (escape characters ending a line). */
export const ON_TYPE_TRIGGERS = { first: "\\", more: ["`"] };

export function formatDocument(text: string, params: DocumentFormattingParams, service: DocumentRequests): Promise<TextEdit[]> {
  return service.format(text, params.options);
}

export function formatRange(text: string, params: DocumentRangeFormattingParams, service: DocumentRequests): Promise<TextEdit[]> {
  return service.formatRange(text, params.range, params.options);
}

export function formatOnType(text: string, params: DocumentOnTypeFormattingParams, service: DocumentRequests): Promise<TextEdit[]> {
  return service.formatOnType(text, params.position, params.ch, params.options);
}
