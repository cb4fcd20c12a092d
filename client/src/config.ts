// Typed access to the `stagecraft.*` settings the client itself reads. Everything else (rule and
// syntax severities, the diagnostics delay) the server pulls per document, so no setting needs a restart.

import { workspace, WorkspaceConfiguration } from "vscode";
import { SETTINGS_SECTION } from "../../server/src/lsp/protocol";

export type ConvertRuntime = "auto" | "distroless" | "alpine" | "slim" | "scratch";
const CONVERT_RUNTIMES: readonly ConvertRuntime[] = ["auto", "distroless", "alpine", "slim", "scratch"];

export class Config {
  private get section(): WorkspaceConfiguration {
    return workspace.getConfiguration(SETTINGS_SECTION);
  }

  /** Milliseconds of quiet after a keystroke before analysis (sent in initializationOptions for the start; the server then reads the setting per document). */
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
}
