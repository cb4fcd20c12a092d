// Document links (base images to their registry pages) from dockerfile-language-service.

import type { DocumentLink } from "vscode-languageserver";
import type { DockerfileLanguageService } from "./language-service";

export function computeLinks(text: string, service: DockerfileLanguageService): DocumentLink[] {
  return service.computeLinks(text);
}

export function resolveLink(link: DocumentLink, service: DockerfileLanguageService): DocumentLink {
  return service.resolveLink(link);
}
