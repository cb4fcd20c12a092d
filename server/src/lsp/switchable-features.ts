// The commodity features coexistence.ts may turn off, registered so that "off" really removes them
// from the editor: a client that supports dynamic registration gets them registered only while they
// are on (so VS Code lists one formatter, one set of links), any other client gets them statically
// and the handlers answer nothing while they are off.

import {
  ClientCapabilities,
  Connection,
  Disposable,
  DocumentFormattingRequest,
  DocumentLinkRequest,
  DocumentOnTypeFormattingRequest,
  DocumentRangeFormattingRequest,
  SemanticTokensRegistrationType,
  ServerCapabilities,
  SignatureHelpRequest,
} from "vscode-languageserver";
import type { CommodityFeature, CoexistenceDecision } from "./coexistence";
import { ON_TYPE_TRIGGERS } from "./formatting";
import { SEMANTIC_TOKENS_LEGEND } from "./semantic-tokens";
import { SIGNATURE_TRIGGERS } from "./signature-help";

/** Commodity features that are whole LSP features; hovers and completion stay, answering Stagecraft's part. */
type RegisteredFeature = Exclude<CommodityFeature, "syntax">;

interface Switchable {
  /** Whether the client lets the server register the feature later. */
  dynamic: (capabilities: ClientCapabilities) => boolean;
  /** The feature's entries in the initialize result, for clients that cannot register dynamically. */
  capabilities: Partial<ServerCapabilities>;
  /** Registers the feature for the client's own document selector. */
  register: (connection: Connection) => Promise<Disposable>[];
}

const SWITCHABLE: Readonly<Record<RegisteredFeature, Switchable>> = {
  instructionHelp: {
    dynamic: (c) => c.textDocument?.signatureHelp?.dynamicRegistration === true,
    capabilities: { signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS } },
    register: (connection) => [connection.client.register(SignatureHelpRequest.type, { documentSelector: null, triggerCharacters: SIGNATURE_TRIGGERS })],
  },
  formatting: {
    dynamic: (c) =>
      c.textDocument?.formatting?.dynamicRegistration === true &&
      c.textDocument?.rangeFormatting?.dynamicRegistration === true &&
      c.textDocument?.onTypeFormatting?.dynamicRegistration === true,
    capabilities: {
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      documentOnTypeFormattingProvider: { firstTriggerCharacter: ON_TYPE_TRIGGERS.first, moreTriggerCharacter: ON_TYPE_TRIGGERS.more },
    },
    register: (connection) => [
      connection.client.register(DocumentFormattingRequest.type, { documentSelector: null }),
      connection.client.register(DocumentRangeFormattingRequest.type, { documentSelector: null }),
      connection.client.register(DocumentOnTypeFormattingRequest.type, {
        documentSelector: null,
        firstTriggerCharacter: ON_TYPE_TRIGGERS.first,
        moreTriggerCharacter: ON_TYPE_TRIGGERS.more,
      }),
    ],
  },
  semanticTokens: {
    dynamic: (c) => c.textDocument?.semanticTokens?.dynamicRegistration === true,
    capabilities: { semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true } },
    register: (connection) => [
      connection.client.register(SemanticTokensRegistrationType.type, { documentSelector: null, legend: SEMANTIC_TOKENS_LEGEND, full: true }),
    ],
  },
  links: {
    dynamic: (c) => c.textDocument?.documentLink?.dynamicRegistration === true,
    capabilities: { documentLinkProvider: { resolveProvider: true } },
    register: (connection) => [connection.client.register(DocumentLinkRequest.type, { documentSelector: null, resolveProvider: true })],
  },
};

const FEATURES = Object.keys(SWITCHABLE) as RegisteredFeature[];

export class SwitchableFeatures {
  private dynamic = new Set<RegisteredFeature>();
  private readonly registrations = new Map<RegisteredFeature, Promise<Disposable[]>>();
  private decision: CoexistenceDecision | undefined;
  private ready = false;

  constructor(private readonly connection: Connection) {}

  /** In `initialize`: the static capabilities of the features the client cannot register later. */
  staticCapabilities(capabilities: ClientCapabilities): Partial<ServerCapabilities> {
    this.dynamic = new Set(FEATURES.filter((f) => SWITCHABLE[f].dynamic(capabilities)));
    return Object.assign({}, ...FEATURES.filter((f) => !this.dynamic.has(f)).map((f) => SWITCHABLE[f].capabilities)) as Partial<ServerCapabilities>;
  }

  /** Whether a handler should answer: false while the decision has the feature off. */
  isOn(feature: CommodityFeature): boolean {
    return !this.decision?.off.has(feature);
  }

  /** In `initialized` (registration is allowed from then on). */
  async start(decision: CoexistenceDecision): Promise<void> {
    this.ready = true;
    await this.apply(decision);
  }

  /** Registers the features the decision turns on and unregisters those it turns off. */
  async apply(decision: CoexistenceDecision): Promise<void> {
    this.decision = decision;
    if (!this.ready) return;
    const pending: Promise<unknown>[] = [];
    for (const feature of this.dynamic) {
      const registered = this.registrations.get(feature);
      if (decision.off.has(feature) && registered) {
        this.registrations.delete(feature);
        pending.push(registered.then((all) => all.forEach((d) => d.dispose())));
      } else if (!decision.off.has(feature) && !registered) {
        const registering = Promise.all(SWITCHABLE[feature].register(this.connection));
        this.registrations.set(feature, registering);
        pending.push(registering);
      }
    }
    await Promise.all(pending);
  }
}
