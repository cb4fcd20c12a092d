// The commodity Dockerfile features (instruction docs, completion, formatting, variables...) come
// from dockerfile-language-service; this holds the one instance and configures it from the client.

import type { ClientCapabilities } from "vscode-languageserver";
import { DockerfileLanguageService, DockerfileLanguageServiceFactory } from "dockerfile-language-service";
import { guardService } from "./guarded-service";

export type { DockerfileLanguageService };

export function createCommodityService(capabilities: ClientCapabilities, log: (message: string) => void): DockerfileLanguageService {
  const service = DockerfileLanguageServiceFactory.createLanguageService();
  const text = capabilities.textDocument;
  service.setCapabilities({
    completion: { completionItem: text?.completion?.completionItem },
    hover: { contentFormat: text?.hover?.contentFormat },
    foldingRange: { lineFoldingOnly: text?.foldingRange?.lineFoldingOnly, rangeLimit: text?.foldingRange?.rangeLimit },
  });
  service.setLogger({ log });
  return guardService(service);
}
