// What the server needs from the platform it runs on. The node entry reads the build context from
// disk; the browser entry has no file access. Handlers only ever see this interface.

import type { BuildContextFacts } from "../model/context";
import { UNKNOWN_CONTEXT } from "../model/context";

export interface ServerHost {
  /** Short platform name for logs: `node`, `browser`. */
  readonly name: string;
  /** Facts about the build context of the Dockerfile at `uri`; never rejects (unknown facts stay undefined). */
  readBuildContext(uri: string): Promise<BuildContextFacts>;
}

/** A host that knows nothing about files: web workers, untitled documents. */
export const noFileHost: ServerHost = {
  name: "browser",
  readBuildContext: () => Promise.resolve(UNKNOWN_CONTEXT),
};
