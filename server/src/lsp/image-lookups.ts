// The server's policy for live registry lookups: on only when the host can reach the network (not
// in the browser), the workspace is trusted, and `stagecraft.imageSize.online` is true. Owns the one
// registry client, so its cache and in-flight limit are shared by every document.

import type { LiveAccess, LiveSizes } from "../images/image-size";
import type { ImageReference } from "../images/reference";
import { RegistryClient } from "../images/registry/client";
import type { LiveTagList, Result } from "../images/registry/types";
import type { ServerHost } from "./host";
import type { ImageSizeSettings } from "./settings";

/** A hover waits this long for a live answer; the lookup goes on and fills the cache for the next hover. */
export const HOVER_WAIT_MS = 7000;
/** Completion is typed through: registry tags that take longer arrive on the next request. */
export const TAGS_WAIT_MS = 3000;

export class ImageLookups {
  private client: RegistryClient | null = null;
  private isTrusted = true;

  constructor(
    private readonly host: ServerHost,
    private readonly log: (message: string) => void,
  ) {}

  /** From `initialize`: trust and the cache folder. */
  configure(options: { isTrusted?: unknown; cacheDir?: unknown }): void {
    this.isTrusted = options.isTrusted !== false;
    const access = this.host.registryAccess?.(typeof options.cacheDir === "string" && options.cacheDir !== "" ? options.cacheDir : null);
    this.client = access ? new RegistryClient({ ...access, onError: (m) => this.log(`stagecraft: ${m}`) }) : null;
  }

  /** `stagecraft/didGrantWorkspaceTrust`. */
  grantTrust(): void {
    this.isTrusted = true;
  }

  /** Whether live lookups may run under these settings, and through what. */
  access(settings: ImageSizeSettings): LiveAccess {
    if (!this.client) {
      return {
        isOn: false,
        reason:
          this.host.name === "browser" ? "registries cannot be reached from the browser (they send no CORS headers)" : "this server has no network access",
      };
    }
    if (!this.isTrusted) return { isOn: false, reason: "the workspace is not trusted" };
    if (!settings.online) return { isOn: false, reason: "stagecraft.imageSize.online is false" };
    return { isOn: true, sizes: patient(this.client, HOVER_WAIT_MS) };
  }

  /** Tags from the registry, when lookups are on; null otherwise. */
  tags(settings: ImageSizeSettings, ref: ImageReference, prefix: string): Promise<Result<LiveTagList>> | null {
    const access = this.access(settings);
    return access.isOn && this.client ? withDeadline(this.client.tags(ref, prefix), TAGS_WAIT_MS, ref.registry) : null;
  }
}

/** The client, but answering within `waitMs`: a slow registry costs one hover a short reason. */
function patient(client: RegistryClient, waitMs: number): LiveSizes {
  return {
    imageSize: (ref) => withDeadline(client.imageSize(ref), waitMs, ref.registry),
    peekImageSize: (ref) => client.peekImageSize(ref),
  };
}

function withDeadline<T>(pending: Promise<Result<T>>, waitMs: number, registry: string): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `${registry} has not answered within ${waitMs / 1000} s; hover again for the result` }), waitMs);
  });
  return Promise.race([pending, late]).finally(() => clearTimeout(timer));
}
