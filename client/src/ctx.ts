// The client's lifecycle, shared by the desktop and web entries: output channel, client options,
// start/stop/restart, trust and settings plumbing, and showing activation failures. The client knows
// nothing about Dockerfiles; the platform entry says how to start the server, and the features
// (command map, middleware) are passed in, as rust-analyzer's main.ts hands its Ctx the commands, so
// this module imports none of them.

import { commands, Disposable, ExtensionContext, LogOutputChannel, window, workspace } from "vscode";
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions, Middleware } from "vscode-languageclient";
import { DID_CHANGE_ENVIRONMENT, DID_GRANT_WORKSPACE_TRUST, SETTINGS_SECTION, StagecraftInitializationOptions } from "../../server/src/lsp/protocol";
import { Config } from "./config";
import { currentEnvironment, watchEnvironment } from "./environment";

export const CLIENT_ID = "stagecraft";
export const CLIENT_NAME = "Stagecraft";

/** What the client adds to the server's initializationOptions. */
export interface ClientInitializationOptions extends StagecraftInitializationOptions {
  isTrusted: boolean;
}

/** How a platform entry builds its client (node: IPC child process; web: a worker). */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

export interface Platform {
  createClient: ClientFactory;
  /** URI schemes of Dockerfiles the server should see. */
  schemes: readonly string[];
  /** What only this platform's server needs in its initializationOptions (web: its worker script). */
  initializationOptions?: Partial<StagecraftInitializationOptions>;
}

/** A command as a name -> factory entry, in the style of rust-analyzer. */
export interface CommandFactory {
  /** The command while the server runs. */
  enabled: (ctx: Ctx) => (...args: unknown[]) => unknown;
  /** The command while the server is down; defaults to a "server is not running" message. */
  disabled?: (ctx: Ctx) => (...args: unknown[]) => unknown;
}

/** What the extension adds to the bare lifecycle: its commands, client middleware, providers. */
export interface Features {
  commands: Readonly<Record<string, CommandFactory>>;
  middleware?: Middleware;
  /** Registers what lives as long as the extension (content providers). */
  register?: () => Disposable[];
}

export class Ctx {
  readonly outputChannel: LogOutputChannel;
  readonly config = new Config();
  private client: BaseLanguageClient | undefined;

  constructor(
    private readonly context: ExtensionContext,
    private readonly platform: Platform,
    private readonly features: Features,
  ) {
    this.outputChannel = window.createOutputChannel(CLIENT_NAME, { log: true });
    context.subscriptions.push(this.outputChannel);
  }

  private get version(): string | undefined {
    const version: unknown = (this.context.extension.packageJSON as { version?: unknown }).version;
    return typeof version === "string" ? version : undefined;
  }

  get isRunning(): boolean {
    return this.client?.isRunning() ?? false;
  }

  /** The running client, for commands that send requests; undefined while stopped. */
  get languageClient(): BaseLanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  async start(): Promise<void> {
    const documentSelector: DocumentSelector = this.platform.schemes.map((scheme) => ({ language: "dockerfile", scheme }));
    const initializationOptions: ClientInitializationOptions = {
      settings: this.config.snapshot(),
      diagnosticsDelay: this.config.diagnosticsDelay,
      isTrusted: workspace.isTrusted,
      environment: currentEnvironment(this.version),
      // The registry cache lives in global storage; on the web there is no file path (and no lookups).
      cacheDir: this.context.globalStorageUri.scheme === "file" ? this.context.globalStorageUri.fsPath : undefined,
      ...this.platform.initializationOptions,
    };
    const client = this.platform.createClient(CLIENT_ID, CLIENT_NAME, {
      documentSelector,
      synchronize: { configurationSection: SETTINGS_SECTION },
      outputChannel: this.outputChannel,
      initializationOptions,
      middleware: this.features.middleware,
    });
    this.client = client;
    await client.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.stop();
  }

  async restart(): Promise<void> {
    this.outputChannel.info("Restarting the Stagecraft server.");
    try {
      await this.stop();
    } catch (error) {
      // A server that already died cannot stop cleanly; starting a fresh one is what matters.
      this.outputChannel.warn(`Stopping the server failed: ${describe(error)}`);
    }
    try {
      await this.start();
    } catch (error) {
      reportFailure(this.outputChannel, "restart", error);
    }
  }

  /** Wires commands, settings and trust; called once after the first start. */
  subscribe(): void {
    this.context.subscriptions.push(
      ...this.registerCommands(),
      ...(this.features.register?.() ?? []),
      workspace.onDidGrantWorkspaceTrust(() => {
        if (this.client?.isRunning()) void this.client.sendNotification(DID_GRANT_WORKSPACE_TRUST, { isTrusted: true });
      }),
      ...watchEnvironment(() => {
        if (this.client?.isRunning()) void this.client.sendNotification(DID_CHANGE_ENVIRONMENT, currentEnvironment(this.version));
      }),
    );
  }

  /** Registers every command; each call is routed to `enabled` or `disabled` by the server's state. */
  private registerCommands(): Disposable[] {
    return Object.entries(this.features.commands).map(([name, factory]) =>
      commands.registerCommand(name, (...args: unknown[]) => {
        const run = this.isRunning ? factory.enabled(this) : (factory.disabled ?? notRunning)(this);
        return run(...args);
      }),
    );
  }
}

const notRunning = (ctx: Ctx) => () => {
  void window
    .showWarningMessage("The Stagecraft server is not running. Run 'Stagecraft: Restart Server' or see the Stagecraft output for why.", "Show Output")
    .then((choice) => {
      if (choice) ctx.outputChannel.show(true);
    });
};

let active: Ctx | undefined;

/** Activation shared by both entries. A failure is shown (VS Code would not), logged and rethrown. */
export async function activateWith(context: ExtensionContext, platform: Platform, features: Features): Promise<Ctx> {
  const ctx = new Ctx(context, platform, features);
  active = ctx;
  // Commands first, so "Show Output" and "Restart Server" work even when the first start fails.
  ctx.subscribe();
  try {
    await ctx.start();
  } catch (error) {
    reportFailure(ctx.outputChannel, "start", error);
    throw error;
  }
  return ctx;
}

export function deactivateActive(): Promise<void> | undefined {
  const ctx = active;
  active = undefined;
  return ctx?.stop();
}

function reportFailure(channel: LogOutputChannel, what: string, error: unknown): void {
  const message = `Stagecraft server failed to ${what}: ${describe(error)}`;
  channel.error(message);
  void window.showErrorMessage(message, "Show Output").then((choice) => {
    if (choice) channel.show(true);
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
