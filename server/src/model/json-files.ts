// The build context's JSON files (package.json, composer.json…) read as objects in one place: the
// model's readers and the rules ask here instead of each calling JSON.parse in a try block of its
// own. A context file is parsed once per set of context facts, which the server keeps across edits.

/** A JSON object as read; shared between readers, so never changed. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** True for a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The JSON object `text` holds; null when there is no text, it is not valid JSON (a file being
 * edited, a template, a read cut at the host's size limit) or not an object.
 */
export function jsonObjectOf(text: string | undefined): JsonObject | null {
  if (text === undefined) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

const parsedByFiles = new WeakMap<object, Map<string, JsonObject | null>>();

/** The JSON object of the context file at `path` (relative to the context root), parsed once per `files`. */
export function contextJsonFile(files: Readonly<Record<string, string>> | undefined, path: string): JsonObject | null {
  if (files === undefined) return null;
  let parsed = parsedByFiles.get(files);
  if (parsed === undefined) {
    parsed = new Map();
    parsedByFiles.set(files, parsed);
  }
  if (!parsed.has(path)) parsed.set(path, jsonObjectOf(files[path]));
  return parsed.get(path) ?? null;
}
