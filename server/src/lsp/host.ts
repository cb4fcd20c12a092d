// What the server needs from the platform it runs on. The node entry reads the build context from
// disk; the browser entry has no file access. Handlers only ever see this interface.

import type { BuildContextFacts } from "../model/context";
import { UNKNOWN_CONTEXT } from "../model/context";
import type { HttpTransport, PersistedStore } from "../images/registry/types";

export interface ServerHost {
  /** Short platform name for logs: `node`, `browser`. */
  readonly name: string;
  /** Facts about the build context of the Dockerfile at `uri`; never rejects (unknown facts stay undefined). */
  readBuildContext(uri: string): Promise<BuildContextFacts>;
  /**
   * Network and storage for live registry lookups, the cache kept in `cacheDir` when given. Absent
   * where the server cannot reach registries (the browser: registries send no CORS headers).
   */
  readonly registryAccess?: (cacheDir: string | null) => { transport: HttpTransport; store: PersistedStore | null };
}

/** A host that knows nothing about files: web workers, untitled documents. */
export const noFileHost: ServerHost = {
  name: "browser",
  readBuildContext: () => Promise.resolve(UNKNOWN_CONTEXT),
};
