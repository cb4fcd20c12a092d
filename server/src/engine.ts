// The engine's front door: text (or an already parsed model) in; the model, the rules' findings and
// dockerfile-utils' syntax problems out. Every adapter (LSP, CLI), fix-all and the tests analyse
// through `analyze`, so "parse, run rules, validate" is written once (lint/analyze.ts).

export { analyze, analyzeWhileValidating, type Analysis, type AnalyzeOptions } from "./lint/analyze";
export type { Finding } from "./lint/run";
export type { RuleSettings, SyntaxSettings } from "./lint/severity";
export type { SyntaxProblem, SyntaxSkipped } from "./lint/syntax";
export { SYNTAX_SKIPPED_CODE, syntaxSkippedNotice, validatorSettings } from "./lint/syntax";
export type { OffThreadValidator, ParsedFroms, SyntaxResult } from "./lint/syntax-validation";
