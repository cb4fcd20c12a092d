#!/usr/bin/env node
// `stagecraft check|explain`: the bundled CLI (built by `npm run build`).
"use strict";
require("../dist/cli.js");
