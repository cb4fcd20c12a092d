#!/usr/bin/env node
// The Stagecraft language server for any LSP editor: `stagecraft-language-server --stdio`.
"use strict";
require("../dist/server/node.js");
