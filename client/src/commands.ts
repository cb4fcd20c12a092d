// The extension's features as the entries hand them to the context: the command map (name ->
// factory, rust-analyzer's style; ctx.ts routes a call to `disabled` while the server is down) and
// the conversion's middleware.

import { CONVERT_CLIENT_COMMAND, convertCommand, convertMiddleware } from "./convert";
import type { CommandFactory, Ctx, Features } from "./ctx";

const alwaysAvailable = (factory: (ctx: Ctx) => (...args: unknown[]) => unknown): CommandFactory => ({ enabled: factory, disabled: factory });

export const COMMANDS: Readonly<Record<string, CommandFactory>> = {
  "stagecraft.restartServer": alwaysAvailable((ctx) => () => ctx.restart()),
  "stagecraft.showOutput": alwaysAvailable((ctx) => () => ctx.outputChannel.show(true)),
  [CONVERT_CLIENT_COMMAND]: { enabled: convertCommand },
};

/** Everything the desktop and web entries pass to `activateWith`. */
export function extensionFeatures(): Features {
  return { commands: COMMANDS, middleware: convertMiddleware };
}
