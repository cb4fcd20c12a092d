// Signature help for instruction arguments and flags, from dockerfile-language-service.

import type { Position, SignatureHelp } from "vscode-languageserver";
import type { DockerfileLanguageService } from "./language-service";

export const SIGNATURE_TRIGGERS = ["-", "[", ",", " ", "="];

export function computeSignatureHelp(text: string, position: Position, service: DockerfileLanguageService): SignatureHelp | null {
  const help = service.computeSignatureHelp(text, position);
  return help && help.signatures.length > 0 ? help : null;
}
