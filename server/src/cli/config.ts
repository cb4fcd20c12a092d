// `.stagecraft.json`: per-project rule severities for the CLI, found by walking up from each
// Dockerfile's folder. The nearest file wins outright (no merging), so a subproject's file says
// everything that applies to it.

import { dirname, join } from "node:path";
import { FolderReader } from "../host/folder-reader";
import { isSeveritySetting, RuleSettings, SyntaxSettings, syntaxSeverityOf } from "../lint/severity";
import type { SeveritySetting } from "../rules/types";
import { SYNTAX_SETTING_KEYS, SyntaxSettingKey, syntaxSettingKeyOf, SyntaxSeveritySetting } from "../syntax-checks";

export const CONFIG_FILE = ".stagecraft.json";

/** An invalid configuration file: exit code 2 with the file and the reason. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export interface LoadedConfig {
  /** The file the settings came from; undefined when none was found. */
  file?: string;
  rules: RuleSettings;
  /** Severities of the settable dockerfile-utils checks (`"syntax": { "instructionCasing": "ignore" }`). */
  syntax: SyntaxSettings;
}

/** Validates a parsed `.stagecraft.json`. Unknown rule ids are errors: a typo must not pass silently. */
export function parseConfig(file: string, text: string, knownRuleIds: ReadonlySet<string>): LoadedConfig {
  let data: unknown;
  try {
    // Editors on Windows save JSON with a byte-order mark; JSON.parse rejects it.
    data = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    throw new ConfigError(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(data)) throw new ConfigError(file, 'expected an object like { "rules": { "<rule-id>": "off" } }');
  for (const key of Object.keys(data)) {
    if (key !== "rules" && key !== "syntax" && key !== "$schema") throw new ConfigError(file, `unknown key '${key}' (expected "rules" or "syntax")`);
  }
  const rules: Record<string, SeveritySetting> = {};
  if (data.rules !== undefined) {
    if (!isObject(data.rules)) throw new ConfigError(file, "'rules' must be an object of rule id -> severity");
    for (const [id, value] of Object.entries(data.rules)) {
      if (!knownRuleIds.has(id)) throw new ConfigError(file, `unknown rule '${id}'`);
      if (!isSeveritySetting(value)) {
        throw new ConfigError(file, `rule '${id}' has severity ${JSON.stringify(value)} (expected off, hint, info, warning or error)`);
      }
      rules[id] = value;
    }
  }
  const syntax: Partial<Record<SyntaxSettingKey, SyntaxSeveritySetting>> = {};
  if (data.syntax !== undefined) {
    if (!isObject(data.syntax)) throw new ConfigError(file, "'syntax' must be an object of check -> severity");
    for (const [key, value] of Object.entries(data.syntax)) {
      // Old configurations name checks by dockerfile-utils number (`"45"`); both forms are read.
      const settingKey = syntaxSettingKeyOf(key);
      if (!settingKey) throw new ConfigError(file, `unknown syntax check '${key}' (expected one of ${SYNTAX_SETTING_KEYS.join(", ")})`);
      const severity = syntaxSeverityOf(value);
      if (!severity) throw new ConfigError(file, `syntax check '${key}' has severity ${JSON.stringify(value)} (expected off, hint, info, warning or error)`);
      syntax[settingKey] = severity;
    }
  }
  return { file, rules, syntax };
}

/** Finds and caches configuration per folder. */
export class ConfigLoader {
  private readonly byFolder = new Map<string, Promise<LoadedConfig>>();

  constructor(
    private readonly knownRuleIds: ReadonlySet<string>,
    private readonly reader = new FolderReader(),
  ) {}

  /** The configuration that applies to the Dockerfile at `file` (absolute path). */
  forFile(file: string): Promise<LoadedConfig> {
    return this.forFolder(dirname(file));
  }

  private forFolder(folder: string): Promise<LoadedConfig> {
    let pending = this.byFolder.get(folder);
    if (!pending) {
      pending = this.load(folder);
      this.byFolder.set(folder, pending);
    }
    return pending;
  }

  private async load(folder: string): Promise<LoadedConfig> {
    const file = join(folder, CONFIG_FILE);
    const read = await this.reader.read(file);
    // Only absence sends the search upward; an unreadable config file must not be skipped silently.
    if (!read.ok && read.code !== "ENOENT" && read.code !== "ENOTDIR") throw new ConfigError(file, `cannot read: ${read.reason}`);
    if (read.ok) return parseConfig(file, read.text, this.knownRuleIds);
    const parent = dirname(folder);
    return parent === folder ? { rules: {}, syntax: {} } : this.forFolder(parent);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
