// The extension's commands: a name -> factory map in the style of rust-analyzer. A command whose
// `enabled` needs the server says so clearly while the server is down instead of failing silently.

import { Disposable, commands, window } from "vscode";
import { CONVERT_CLIENT_COMMAND, convertCommand } from "./convert";
import type { Ctx } from "./ctx";

export interface CommandFactory {
  /** The command while the server runs. */
  enabled: (ctx: Ctx) => (...args: unknown[]) => unknown;
  /** The command while the server is down; defaults to a "server is not running" message. */
  disabled?: (ctx: Ctx) => (...args: unknown[]) => unknown;
}

const notRunning = (ctx: Ctx) => () => {
  void window
    .showWarningMessage("The Stagecraft server is not running. Run 'Stagecraft: Restart Server' or see the Stagecraft output for why.", "Show Output")
    .then((choice) => {
      if (choice) ctx.outputChannel.show(true);
    });
};

const alwaysAvailable = (factory: (ctx: Ctx) => (...args: unknown[]) => unknown): CommandFactory => ({ enabled: factory, disabled: factory });

export const COMMANDS: Readonly<Record<string, CommandFactory>> = {
  "stagecraft.restartServer": alwaysAvailable((ctx) => () => ctx.restart()),
  "stagecraft.showOutput": alwaysAvailable((ctx) => () => ctx.outputChannel.show(true)),
  [CONVERT_CLIENT_COMMAND]: { enabled: convertCommand },
};

/** Registers every command; each call is routed to `enabled` or `disabled` by the server's state. */
export function registerCommands(ctx: Ctx): Disposable[] {
  return Object.entries(COMMANDS).map(([name, factory]) =>
    commands.registerCommand(name, (...args: unknown[]) => {
      const run = ctx.isRunning ? factory.enabled(ctx) : (factory.disabled ?? notRunning)(ctx);
      return run(...args);
    }),
  );
}
