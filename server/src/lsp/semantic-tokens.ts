// Semantic tokens from dockerfile-language-service.

import type { SemanticTokens, SemanticTokensLegend } from "vscode-languageserver";
import type { DockerfileLanguageService } from "./language-service";

/**
 * The legend dockerfile-language-service encodes with (its TokensLegend, not exported): the
 * indexes must match its order exactly.
 */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: ["keyword", "comment", "parameter", "property", "namespace", "class", "macro", "string", "variable", "operator", "modifier"],
  tokenModifiers: ["declaration", "definition", "deprecated"],
};

export function computeSemanticTokens(text: string, service: DockerfileLanguageService): SemanticTokens {
  return service.computeSemanticTokens(text);
}
