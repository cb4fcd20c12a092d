// Typed access to the `stagecraft.*` settings the client itself reads, and the restart prompt for
// the few settings the server only reads at start-up. Rule and syntax severities are not read
// here: the server pulls them per document.

import { ConfigurationChangeEvent, window, workspace, WorkspaceConfiguration } from "vscode";
import { SETTINGS_SECTION } from "../../server/src/lsp/protocol";

/** Settings the server reads once, in `initialize`: changing them asks for a restart. */
const RESTART_SETTINGS = [`${SETTINGS_SECTION}.diagnostics.delay`] as const;

export type ConvertRuntime = "auto" | "distroless" | "alpine" | "slim" | "scratch";
const CONVERT_RUNTIMES: readonly ConvertRuntime[] = ["auto", "distroless", "alpine", "slim", "scratch"];

export class Config {
  private get section(): WorkspaceConfiguration {
    return workspace.getConfiguration(SETTINGS_SECTION);
  }

  /** Milliseconds of quiet after a keystroke before analysis (sent in initializationOptions). */
  get diagnosticsDelay(): number {
    const value = this.section.get<number>("diagnostics.delay", 150);
    return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 150;
  }

  /** Whether live registry lookups are allowed: never in an untrusted workspace. */
  get imageSizeOnline(): boolean {
    return workspace.isTrusted && this.section.get<boolean>("imageSize.online", true) !== false;
  }

  get convertRuntime(): ConvertRuntime {
    const value = this.section.get<string>("convert.runtime", "auto");
    return (CONVERT_RUNTIMES as readonly string[]).includes(value) ? (value as ConvertRuntime) : "auto";
  }

  /** The whole `stagecraft` section as plain data, for servers that cannot pull settings. */
  snapshot(): Record<string, unknown> {
    return JSON.parse(JSON.stringify(this.section)) as Record<string, unknown>;
  }

  /** Offers "Restart now" when a setting read only at start-up changes. */
  async onDidChange(event: ConfigurationChangeEvent, restart: () => Promise<void>): Promise<void> {
    const changed = RESTART_SETTINGS.find((key) => event.affectsConfiguration(key));
    if (!changed) return;
    const choice = await window.showInformationMessage(`Changing '${changed}' takes effect after the Stagecraft server restarts.`, "Restart now");
    if (choice === "Restart now") await restart();
  }
}
