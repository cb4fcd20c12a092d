// The server on Node: `node dist/server/node.js --stdio | --node-ipc | --socket=<port>` (node-entry.ts
// loads this file, bundled as node-server.js, once V8 is set up). Sets up the
// transport and the file-system host (dockerfile-utils validation on the server thread under a
// hard budget, and in a worker thread for files over it; dockerfile-language-service's
// whole-document requests in a worker thread under a budget); everything else is in server.ts.

import { join } from "node:path";
import { createConnection } from "vscode-languageserver/node";
import { BudgetedService } from "../host/budgeted-service";
import { BudgetedValidator } from "../host/budgeted-validator";
import { createNodeHost } from "../host/node-context";
import { nodeWorkers } from "../host/node-worker";
import { runWithinBudget } from "../host/within-budget";
import { startServer } from "./server";

/** Transport flags vscode-languageserver reads (`--socket=N` or `--socket N`, likewise `--pipe`). */
const TRANSPORT = /^--(?:stdio|node-ipc|socket|pipe)(?:=.+)?$/;
const USAGE = "Usage: stagecraft-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>";

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!args.some((a) => TRANSPORT.test(a))) {
    process.stderr.write(`stagecraft: no transport given.\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  // createConnection reads the transport from the command line.
  const connection = createConnection();
  // Last resort: a bug in an async path is logged, never allowed to end the process.
  process.on("unhandledRejection", (reason) => connection.console.error(`stagecraft: unhandled rejection: ${String(reason)}`));
  process.on("uncaughtException", (error) => connection.console.error(`stagecraft: uncaught exception: ${error.stack ?? error.message}`));
  // The worker's bundle sits beside this one (scripts/build.mjs). Validation and requests each have
  // a worker of their own, running the same script: a hover never waits for a validation. Each
  // starts when first needed (a file over the in-thread budget; a request of the bundled service),
  // not with the server: a worker holds about 12 MiB, and many sessions never need one.
  const start = nodeWorkers(join(__dirname, "syntax-worker.js"));
  startServer(connection, {
    ...createNodeHost((message) => connection.console.info(message)),
    offThread: ({ capabilities, log, logError }) => ({
      validator: new BudgetedValidator({ start }),
      service: new BudgetedService({ start, capabilities, log, logError }),
    }),
    runWithinBudget,
    inThreadBudgetMs: budgetSetting(process.env.STAGECRAFT_IN_THREAD_BUDGET_MS),
  });
}

/** `STAGECRAFT_IN_THREAD_BUDGET_MS` (tests, troubleshooting): a budget in ms, 0 for the worker alone; else the default. */
function budgetSetting(setting: string | undefined): number | undefined {
  const value = setting === undefined || setting.trim() === "" ? NaN : Number(setting);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

main();
