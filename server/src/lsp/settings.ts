// Settings per document: fetched with `workspace/configuration` (section `stagecraft`) when the
// client supports it, otherwise taken from initializationOptions / didChangeConfiguration.
// Cached per resource; the cache is dropped on every configuration change. A document opened in a
// workspace folder whose settings are known is analysed under them at once, while its own are
// fetched to confirm them (issue #16: the round trip was most of an open's wait).

import type { Connection } from "vscode-languageserver";
import { RUNTIME_FAMILIES, RuntimeFamily } from "../convert/types";
import { isSeveritySetting, RuleSettings, SyntaxSettings, syntaxSeverityOf } from "../lint/severity";
import type { SeveritySetting } from "../rules/types";
import { SyntaxSettingKey, syntaxSettingKeyOf, SyntaxSeveritySetting } from "../syntax-checks";
import { ALL_FEATURES, CoexistenceDecision, withHiddenRules } from "./coexistence";
import { isSamePlainData } from "./plain-data";
import { SETTINGS_SECTION, StagecraftSettingsInput } from "./protocol";

/** Settings as the engine and the syntax validator consume them. */
export interface StagecraftSettings {
  rules: RuleSettings;
  syntax: SyntaxSettings;
  /** False when another Dockerfile extension validates the syntax (coexistence.ts decides). */
  syntaxValidation: boolean;
  imageSize: ImageSizeSettings;
  /** `stagecraft.convert.runtime`; undefined for `auto`. */
  convertRuntime?: RuntimeFamily;
  /** `stagecraft.shellcheck.path`; "" when ShellCheck is off. */
  shellcheckPath: string;
  /** `stagecraft.diagnostics.delay` in ms; undefined when not set (the server's start-up value applies). */
  diagnosticsDelay?: number;
}

/** `stagecraft.imageSize.*`, with the defaults package.json declares. */
export interface ImageSizeSettings {
  online: boolean;
  exactBytes: boolean;
  inlayHints: boolean;
}

const DEFAULT_IMAGE_SIZE: ImageSizeSettings = Object.freeze({ online: true, exactBytes: false, inlayHints: false });

export const DEFAULT_SETTINGS: StagecraftSettings = Object.freeze({
  rules: Object.freeze({}),
  syntax: Object.freeze({}),
  syntaxValidation: true,
  imageSize: DEFAULT_IMAGE_SIZE,
  shellcheckPath: "shellcheck",
});

/** Reads whatever the client sent; unknown keys and bad values are dropped, never thrown on. */
export function normalizeSettings(raw: unknown): StagecraftSettings {
  if (!isObject(raw)) return DEFAULT_SETTINGS;
  const input = raw as StagecraftSettingsInput;
  const rules: Record<string, SeveritySetting> = {};
  if (isObject(input.rules)) {
    for (const [id, value] of Object.entries(input.rules)) {
      if (isSeveritySetting(value)) rules[id] = value;
    }
  }
  const chosen: Partial<Record<SyntaxSettingKey, SyntaxSeveritySetting>> = {};
  if (isObject(input.syntax)) {
    // Names, and the numbers older settings used (`"45": "ignore"`); a name wins over a number.
    const entries = Object.entries(input.syntax as Record<string, unknown>).sort(([a], [b]) => Number(/^\d+$/.test(a)) - Number(/^\d+$/.test(b)));
    for (const [written, value] of entries) {
      const key = syntaxSettingKeyOf(written);
      const severity = syntaxSeverityOf(value);
      if (key && severity && chosen[key] === undefined) chosen[key] = severity;
    }
  }
  const syntax = chosen;
  const imageSize = { ...DEFAULT_IMAGE_SIZE };
  if (isObject(input.imageSize)) {
    const given = input.imageSize as Record<string, unknown>;
    for (const key of ["online", "exactBytes", "inlayHints"] as const) if (typeof given[key] === "boolean") imageSize[key] = given[key] as boolean;
  }
  const runtime = isObject(input.convert) ? (input.convert as Record<string, unknown>).runtime : undefined;
  const convertRuntime = (RUNTIME_FAMILIES as readonly unknown[]).includes(runtime) ? (runtime as RuntimeFamily) : undefined;
  const path = isObject(input.shellcheck) ? (input.shellcheck as Record<string, unknown>).path : undefined;
  const shellcheckPath = typeof path === "string" ? path.trim() : DEFAULT_SETTINGS.shellcheckPath;
  const delay = isObject(input.diagnostics) ? (input.diagnostics as Record<string, unknown>).delay : undefined;
  const diagnosticsDelay = isDelay(delay) ? Math.min(delay, MAX_DIAGNOSTICS_DELAY) : undefined;
  return { rules, syntax, syntaxValidation: true, imageSize, convertRuntime, shellcheckPath, diagnosticsDelay };
}

/** The longest quiet time the setting accepts (package.json declares the same maximum). */
const MAX_DIAGNOSTICS_DELAY = 5000;

/** A usable quiet time in milliseconds: a finite number, not negative. */
export function isDelay(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class SettingsStore {
  private readonly perResource = new Map<string, Promise<StagecraftSettings>>();
  private fallback: StagecraftSettings = DEFAULT_SETTINGS;
  /** The settings of a client that cannot be asked, with coexistence applied; reset on every change. */
  private pushed: Promise<StagecraftSettings> | undefined;
  private canPull = false;
  private coexistence: CoexistenceDecision = ALL_FEATURES;
  /** Settings fetched so far, one object per distinct value: documents with equal settings share one. */
  private readonly distinct: StagecraftSettings[] = [];
  /** Per document, its settings once fetched. */
  private readonly settled = new Map<string, StagecraftSettings>();
  /** The settings fetched last, for any document. */
  private last: StagecraftSettings | undefined;
  /** Per workspace folder ("" for documents in none), the settings fetched last for a document in it. */
  private readonly perFolder = new Map<string, StagecraftSettings>();
  /** The workspace folders' URIs, each ending in "/". */
  private folders: readonly string[] = [];
  /** Documents analysed under their folder's settings whose own fetch has not answered yet. */
  private readonly confirming = new Set<string>();
  /** Called when a document's fetched settings differ from the folder's it was analysed under. */
  onCorrected: (uri: string) => void = () => undefined;

  constructor(private readonly connection: Connection) {}

  /** From `initialize`: whether to pull settings, the values to use otherwise, and the workspace folders. */
  configure(canPull: boolean, initial: unknown, folders: readonly string[] = []): void {
    this.canPull = canPull;
    this.fallback = normalizeSettings(initial);
    this.folders = folders.map((uri) => (uri.endsWith("/") ? uri : `${uri}/`));
    this.reset();
  }

  /** What coexistence.ts decided: hidden rules and syntax validation apply to every document. */
  setCoexistence(decision: CoexistenceDecision): void {
    this.coexistence = decision;
    this.reset();
  }

  /** Settings for one document. Never rejects: a failed fetch falls back to the defaults. */
  get(uri: string): Promise<StagecraftSettings> {
    // One object per settings change: the document store reuses an analysis while its settings object is the same.
    if (!this.canPull) return (this.pushed ??= Promise.resolve(this.withCoexistence(this.fallback)));
    let pending = this.perResource.get(uri);
    if (!pending) {
      const fetched = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (raw: unknown) => this.withCoexistence(normalizeSettings(raw)),
        (error: unknown) => {
          // A client that errors here still gets diagnostics, with default severities.
          this.connection.console.error(`stagecraft: reading settings for ${uri} failed: ${String(error)}`);
          return this.withCoexistence(this.fallback);
        },
      );
      const settled = fetched.then((settings) => {
        const shared = this.intern(settings);
        // Only the current fetch counts: a configuration change since has dropped it.
        if (this.perResource.get(uri) === settled) {
          this.settled.set(uri, shared);
          this.perFolder.set(this.folderOf(uri), shared);
          this.last = shared;
        }
        return shared;
      });
      pending = settled;
      this.perResource.set(uri, pending);
    }
    return pending;
  }

  /** `workspace/didChangeConfiguration`: drop the cache; push-style clients send the new values. */
  changed(pushed: unknown): void {
    this.reset();
    if (!this.canPull && isObject(pushed) && SETTINGS_SECTION in pushed) this.fallback = normalizeSettings(pushed[SETTINGS_SECTION]);
  }

  private withCoexistence(settings: StagecraftSettings): StagecraftSettings {
    const decision = this.coexistence;
    if (decision.hiddenRules.size === 0 && !decision.off.has("syntax")) return settings;
    return { ...settings, rules: withHiddenRules(settings.rules, decision), syntaxValidation: !decision.off.has("syntax") };
  }

  /**
   * The settings `uri` most likely has, without waiting: its own once fetched, else those fetched
   * last for another document (a workspace's documents nearly always share them), else none.
   * Work started under them is kept only when the fetched settings turn out to be the same object.
   */
  likely(uri: string): StagecraftSettings | undefined {
    if (!this.canPull) return undefined;
    return this.settled.get(uri) ?? this.last;
  }

  /**
   * The settings `uri` has, without waiting: its own once fetched, else those fetched for another
   * document of its workspace folder. An editor answers the same for every file of a folder (VS Code
   * reads resource settings per folder, language ones per language); `confirm` fetches the
   * document's own and reports through `onCorrected` a client that answers otherwise.
   */
  known(uri: string): StagecraftSettings | undefined {
    if (!this.canPull) return undefined;
    return this.settled.get(uri) ?? this.perFolder.get(this.folderOf(uri));
  }

  /** Fetches `uri`'s own settings if they are not yet, and calls `onCorrected` if they differ from `known`'s answer now. */
  confirm(uri: string): void {
    if (this.isSettled(uri) || this.confirming.has(uri)) return;
    const assumed = this.known(uri);
    this.confirming.add(uri);
    void this.get(uri).then((fetched) => {
      this.confirming.delete(uri);
      if (fetched !== assumed) this.onCorrected(uri);
    });
  }

  /** True once `uri`'s own settings are known (no request to the client pending). */
  isSettled(uri: string): boolean {
    return !this.canPull || this.settled.has(uri);
  }

  forget(uri: string): void {
    this.perResource.delete(uri);
    this.settled.delete(uri);
  }

  /** The workspace folder holding `uri` (the innermost, when folders nest), or "" when none does. */
  private folderOf(uri: string): string {
    let folder = "";
    for (const candidate of this.folders) if (uri.startsWith(candidate) && candidate.length > folder.length) folder = candidate;
    return folder;
  }

  private reset(): void {
    this.perResource.clear();
    this.settled.clear();
    this.perFolder.clear();
    this.distinct.length = 0;
    this.last = undefined;
    this.pushed = undefined;
  }

  /** The object already handed out for settings equal to `settings`, else `settings`, kept for next time. */
  private intern(settings: StagecraftSettings): StagecraftSettings {
    const same = this.distinct.find((known) => isSamePlainData(known, settings));
    if (same) return same;
    this.distinct.push(settings);
    return settings;
  }
}
