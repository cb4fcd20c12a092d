// `npm start`: builds the extension and serves VS Code for the web with it installed and the
// examples/ folder open. Prints the URL to open in a browser and runs until Ctrl-C. Needs no display
// and no browser on this machine; the workbench runs in whichever browser opens the URL.
//
//   PORT=3000      port on 127.0.0.1 (default 3000)
//   --no-build     reuse dist/ from an earlier build

import { createServer } from "node:net";
import { EXAMPLES, HOST, ROOT, buildExtension, prepareOfflineBuild } from "./web-host.mjs";

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a port number, not '${process.env.PORT}'.`);
  process.exit(2);
}

if (!process.argv.includes("--no-build")) buildExtension();
await ensurePortIsFree(port);

const { open } = await import("@vscode/test-web");
// browserType "none": serve only. The workbench loads in the user's own browser.
const workbench = await open({
  ...prepareOfflineBuild(),
  browserType: "none",
  host: HOST,
  port,
  extensionDevelopmentPath: ROOT,
  folderPath: EXAMPLES,
});

console.log(`
Stagecraft in VS Code for the web, with the examples folder open:

    http://localhost:${port}/

(served on ${HOST} only; edits stay in the browser and are not written to examples/). Ctrl-C to stop.`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    workbench.dispose();
    console.log("\nStopped.");
    process.exit(0);
  });
}

/** test-web would crash with an unhandled EADDRINUSE; say what to do instead. */
function ensurePortIsFree(candidate) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error) => {
      const inUse = error && error.code === "EADDRINUSE";
      console.error(
        inUse
          ? `Port ${candidate} on ${HOST} is in use; run with another, e.g. PORT=3001 npm start.`
          : `Cannot listen on ${HOST}:${candidate}: ${error.message}`,
      );
      process.exit(1);
    });
    probe.listen(candidate, HOST, () => probe.close(() => resolve()));
  });
}
