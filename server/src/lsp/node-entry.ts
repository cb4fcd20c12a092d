// The server process's entry (dist/server/node.js, what editors start): V8's settings first, then
// the server itself (node.ts, bundled as node-server.js beside this file) through the compile cache
// (host/compile-cache.ts says why). This file stays small: everything in it is compiled at every start.

import { join } from "node:path";
import { runBundle } from "../host/compile-cache";
import { V8_SETTINGS } from "./protocol";

// The V8 settings the command line lacks (protocol.ts says why).
runBundle(join(__dirname, "node-server.js"), { v8Flags: V8_SETTINGS.filter((flag) => !process.execArgv.includes(flag)) });
