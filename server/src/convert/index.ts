// Public surface of the multi-stage planner, for the LSP and CLI adapters and the tests.

import { formatSize } from "../images/format-size";
import type { ConversionSummary } from "./types";

export { convertToMultiStage } from "./planner";
export type { CommandChange, ConversionResult, ConversionSummary, ConvertOptions, RuntimeFamily } from "./types";
export { RUNTIME_FAMILIES } from "./types";

/** `Convert to multi-stage (≈ −780 MB)`; without the figure when the sizes are not known. */
export function conversionTitle(summary: ConversionSummary | null): string {
  const saving = summary?.saving;
  return saving && saving.bytes > 0 ? `Convert to multi-stage (≈ −${formatSize(saving.bytes)})` : "Convert to multi-stage";
}

/** One line for people: which bases, and the estimated saving. */
export function describeConversion(summary: ConversionSummary): string {
  const saving = summary.saving && summary.saving.bytes > 0 ? `, about ${formatSize(summary.saving.bytes)} smaller base (estimate, compressed)` : "";
  return `Builds on '${summary.builderBase}' and ships on '${summary.runtimeBase}'${saving}.`;
}
