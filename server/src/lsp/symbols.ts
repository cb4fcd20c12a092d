// Document symbols grouped by stage: one symbol per stage (`name` or `stage <index>`, detail =
// base image) with its instructions as children; global ARGs before the first FROM stay on top.

import { DocumentSymbol, SymbolInformation, SymbolKind } from "vscode-languageserver";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { stageLabel } from "./stage-at";

const DETAIL_LENGTH = 60;

export function computeSymbols(model: DockerfileModel): DocumentSymbol[] {
  return [...model.prelude.map(instructionSymbol), ...model.stages.map(stageSymbol)];
}

/** Flat form for clients without hierarchical symbol support. */
export function flattenSymbols(symbols: DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const symbol of symbols) {
    out.push(SymbolInformation.create(symbol.name, symbol.kind, symbol.range, uri, container));
    if (symbol.children) out.push(...flattenSymbols(symbol.children, uri, symbol.name));
  }
  return out;
}

function stageSymbol(stage: Stage): DocumentSymbol {
  const selection = stage.nameToken?.range ?? stage.from.keywordRange;
  return {
    name: stageLabel(stage),
    detail: stage.base.token.value,
    kind: SymbolKind.Class,
    range: stage.range,
    selectionRange: selection,
    children: [stage.from, ...stage.instructions].map(instructionSymbol),
  };
}

function instructionSymbol(instruction: Instruction): DocumentSymbol {
  return {
    name: instruction.keyword,
    detail: summary(instruction),
    kind: instruction.keyword === "ARG" || instruction.keyword === "ENV" ? SymbolKind.Variable : SymbolKind.Function,
    range: instruction.range,
    selectionRange: instruction.keywordRange,
  };
}

function summary(instruction: Instruction): string {
  const text = instruction.args
    .map((a) => a.value)
    .join(" ")
    .replace(/\s+/g, " ");
  return text.length > DETAIL_LENGTH ? `${text.slice(0, DETAIL_LENGTH - 1)}…` : text;
}
