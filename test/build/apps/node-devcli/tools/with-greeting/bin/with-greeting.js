#!/usr/bin/env node
// with-greeting <text> <command...>: runs the command with GREETING set, as cross-env sets variables.
const { spawnSync } = require("node:child_process");
const [greeting, command, ...args] = process.argv.slice(2);
const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, GREETING: greeting } });
process.exit(result.status ?? 1);
