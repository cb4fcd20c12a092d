// Facts about the build context that only the host can read (files next to the Dockerfile).
// The engine never touches a file system: the LSP server, the CLI or a test supplies these.

export interface BuildContextFacts {
  /**
   * Text of the `.dockerignore` that applies to this Dockerfile (`<Dockerfile>.dockerignore` first,
   * then `.dockerignore` at the context root); `null` when the host looked and found none;
   * `undefined` when unknown (untitled document, host cannot read files).
   */
  dockerignore?: string | null;
  /**
   * Entries at the root of the build context when known: file names as-is, directories with a
   * trailing `/` (e.g. `package-lock.json`, `.git/`, `node_modules/`).
   */
  rootEntries?: readonly string[];
  /**
   * Names of build contexts the project passes to this build (compose `additional_contexts`, bake
   * `contexts`), so `COPY --from=<name>` reaches them instead of a stage or an image.
   */
  namedContexts?: readonly string[];
  /**
   * The Dockerfile's path relative to its repository root, with `/` separators
   * (`docker/dev/Dockerfile`); just the file name when no repository root was found.
   */
  dockerfilePath?: string;
  /**
   * Small text files the Dockerfile copies from the context (entry scripts, server configs), by
   * context-relative path with `/` separators. Only what the host chose to read; absent = unknown.
   */
  files?: Readonly<Record<string, string>>;
  /**
   * True when a compose service builds this Dockerfile and bind-mounts the project source into the
   * container (`- ./:/app`): a development container, whatever the Dockerfile says.
   */
  composeSourceMount?: boolean;
}

export const UNKNOWN_CONTEXT: BuildContextFacts = Object.freeze({});
