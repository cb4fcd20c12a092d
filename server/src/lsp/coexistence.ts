// Coexistence with Docker's own Dockerfile extensions: the one place that decides which of the
// server's features stay on. The client only reports facts (the `stagecraft.languageFeatures`
// setting and which known extensions are installed and enabled); everything below is decided here,
// and the server turns features off by unregistering them or by answering nothing.

import { allRules } from "../rules";
import type { RuleSettings } from "../lint/severity";
import type { Rule } from "../rules/types";
import type { LanguageFeaturesMode } from "./protocol";

/** The features dockerfile-language-service gives Stagecraft, and Docker's extensions give too. */
export type CommodityFeature = "syntax" | "instructionHelp" | "formatting" | "semanticTokens" | "links";

export const COMMODITY_FEATURES: readonly CommodityFeature[] = ["syntax", "instructionHelp", "formatting", "semanticTokens", "links"];

/** How each feature is named in the output channel. */
const FEATURE_LABELS: Readonly<Record<CommodityFeature, string>> = {
  syntax: "syntax validation",
  instructionHelp: "instruction hovers, completion and signature help",
  formatting: "formatting",
  semanticTokens: "semantic tokens",
  links: "document links",
};

interface KnownExtension {
  /** What it already does, so Stagecraft need not. */
  covers: readonly CommodityFeature[];
  /** Whether it reports BuildKit's checks (docker-language-server runs them). */
  reportsBuildkitChecks: boolean;
}

/**
 * The extensions Stagecraft steps aside for. Container Tools and Docker bundle the same
 * dockerfile-language-service Stagecraft uses; Docker DX runs docker-language-server (the same
 * commodity features plus BuildKit's checks). hadolint's extension only lints, through a hadolint
 * binary Stagecraft cannot see: its rules' Stagecraft equivalents stay, so nothing is lost when the
 * binary is missing (see docs/coexistence.md).
 */
export const KNOWN_EXTENSIONS: Readonly<Record<string, KnownExtension>> = {
  "ms-azuretools.vscode-containers": { covers: COMMODITY_FEATURES, reportsBuildkitChecks: false },
  "ms-azuretools.vscode-docker": { covers: COMMODITY_FEATURES, reportsBuildkitChecks: false },
  "docker.docker": { covers: COMMODITY_FEATURES, reportsBuildkitChecks: true },
  "exiasr.hadolint": { covers: [], reportsBuildkitChecks: false },
};

export const LANGUAGE_FEATURES_MODES: readonly LanguageFeaturesMode[] = ["auto", "all", "stagecraft-only"];

export interface CoexistenceInput {
  mode: LanguageFeaturesMode;
  /** Ids of the installed and enabled extensions the client saw (any ids; unknown ones are ignored). */
  extensions: readonly string[];
}

export interface CoexistenceDecision {
  mode: LanguageFeaturesMode;
  /** Known extensions that are present, sorted. */
  detected: readonly string[];
  /** Commodity features turned off. */
  off: ReadonlySet<CommodityFeature>;
  /** Rules hidden because another extension reports the same problem: rule id -> who reports it. */
  hiddenRules: ReadonlyMap<string, string>;
}

/** Everything on: no other extension, or a client that says nothing about extensions. */
export const ALL_FEATURES: CoexistenceDecision = decideCoexistence({ mode: "all", extensions: [] });

export function readLanguageFeaturesMode(value: unknown): LanguageFeaturesMode {
  return (LANGUAGE_FEATURES_MODES as readonly unknown[]).includes(value) ? (value as LanguageFeaturesMode) : "auto";
}

export function decideCoexistence(input: CoexistenceInput, rules: readonly Rule[] = allRules): CoexistenceDecision {
  const detected = [...new Set(input.extensions.filter((id) => id in KNOWN_EXTENSIONS))].sort();
  // `stagecraft-only` acts as if an extension covering everything, BuildKit's checks included, were there.
  const present: KnownExtension[] =
    input.mode === "all"
      ? []
      : input.mode === "stagecraft-only"
        ? [{ covers: COMMODITY_FEATURES, reportsBuildkitChecks: true }]
        : detected.map((id) => KNOWN_EXTENSIONS[id]);
  const off = new Set(present.flatMap((e) => e.covers));
  const reporter = input.mode === "stagecraft-only" ? "the Dockerfile extension in use" : undefined;
  const hiddenRules = new Map<string, string>();
  for (const rule of rules) {
    const { id, equivalents, supersedes } = rule.meta;
    // The rule stands in for a dockerfile-utils check the other extension reports in its syntax validation.
    if (off.has("syntax") && supersedes?.some((s) => s.when === "always")) hiddenRules.set(id, reporter ?? "its syntax validation");
    const buildkit = equivalents.buildkit ?? [];
    if (buildkit.length > 0 && present.some((e) => e.reportsBuildkitChecks)) hiddenRules.set(id, reporter ?? `BuildKit's ${buildkit.join(", ")}`);
  }
  return { mode: input.mode, detected, off, hiddenRules };
}

/**
 * Rule settings with the hidden rules off. A rule the user set a severity for explicitly stays:
 * that setting says they want Stagecraft's finding (and its fix) even beside the other extension.
 */
export function withHiddenRules(rules: RuleSettings, decision: CoexistenceDecision): RuleSettings {
  if (decision.hiddenRules.size === 0) return rules;
  const result: Record<string, RuleSettings[string]> = { ...rules };
  for (const id of decision.hiddenRules.keys()) {
    const chosen = rules[id];
    if (chosen === undefined || chosen === "default") result[id] = "off";
  }
  return result;
}

/** One line for the output channel: what was detected and what was turned off. */
export function describeCoexistence(decision: CoexistenceDecision): string {
  const detected = decision.detected.length > 0 ? decision.detected.join(", ") : "none";
  const off = COMMODITY_FEATURES.filter((f) => decision.off.has(f)).map((f) => FEATURE_LABELS[f]);
  const hidden = [...decision.hiddenRules.keys()];
  const turnedOff = [...off, ...(hidden.length > 0 ? [`${hidden.length} rules another extension reports (${hidden.join(", ")})`] : [])];
  return `languageFeatures=${decision.mode}; Dockerfile extensions detected: ${detected}; turned off: ${turnedOff.length > 0 ? turnedOff.join("; ") : "nothing"}`;
}
