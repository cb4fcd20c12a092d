// Signature help for instruction arguments and flags, from dockerfile-language-service.

import type { Position, SignatureHelp } from "vscode-languageserver";
import type { DocumentRequests } from "./language-service";

export const SIGNATURE_TRIGGERS = ["-", "[", ",", " ", "="];

export async function computeSignatureHelp(text: string, position: Position, service: DocumentRequests): Promise<SignatureHelp | null> {
  const help = await service.computeSignatureHelp(text, position);
  return help && help.signatures.length > 0 ? help : null;
}
