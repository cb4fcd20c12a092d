// Document links: each FROM image to the page its registry publishes for it (images/image-page.ts,
// the same page the image hover links), on the image name. dockerfile-language-service's links are
// not used: they send every image to Docker Hub, including gcr.io, ghcr.io or quay.io ones.

import type { DocumentLink } from "vscode-languageserver";
import { baseImageOf } from "../images/base-image";
import { imagePageUrl } from "../images/image-page";
import type { DockerfileModel } from "../model/types";

export function computeLinks(model: DockerfileModel): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const stage of model.stages) {
    const ref = baseImageOf(stage);
    const target = ref ? imagePageUrl(ref) : null;
    if (!target) continue;
    const { range, value } = stage.base.token;
    // The name, without the tag or digest, when the token is written on one line.
    const nameLength = imageNameLength(value);
    const end = range.start.line === range.end.line ? { line: range.start.line, character: range.start.character + nameLength } : range.end;
    links.push({ range: { start: range.start, end }, target });
  }
  return links;
}

/** Our links carry their target already. */
export function resolveLink(link: DocumentLink): DocumentLink {
  return link;
}

/** Length of `image` without `:tag` or `@digest` (a `:` before the last `/` is a registry port). */
function imageNameLength(image: string): number {
  const at = image.indexOf("@");
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(":");
  return colon > name.lastIndexOf("/") ? colon : name.length;
}
