// `stagecraft check|explain`: the command-line adapter. Reads files, asks the engine, prints, and
// sets the exit code (0 clean, 1 findings at or above the threshold, 2 usage/config/I-O error).
// Discovery, configuration and output live in ./cli/.

import { isAbsolute, relative } from "node:path";
import { allRules } from "./rules/index";
import { CHECK_USAGE, CONVERT_USAGE, EXPLAIN_USAGE, parseArgs, USAGE, UsageError } from "./cli/args";
import { check, EXIT_CLEAN, EXIT_ERROR } from "./cli/check";
import { ConfigError } from "./cli/config";
import { convertFile } from "./cli/convert";
import { InputError } from "./cli/discover";
import { explainJson, explainText, findRule } from "./cli/explain";
import { printable } from "./cli/output";
import { isCheckWorker, runCheckWorker } from "./cli/parallel";
import { readVersion } from "./cli/version";
import { MAX_TEXT_BYTES } from "./host/read-text";

async function run(argv: readonly string[], entry: string): Promise<number> {
  const command = parseArgs(argv);
  switch (command.name) {
    case "help":
      process.stdout.write(
        `${command.topic === "check" ? CHECK_USAGE : command.topic === "explain" ? EXPLAIN_USAGE : command.topic === "convert" ? CONVERT_USAGE : USAGE}\n`,
      );
      return EXIT_CLEAN;
    case "version":
      process.stdout.write(`${readVersion()}\n`);
      return EXIT_CLEAN;
    case "explain": {
      const rule = findRule(allRules, command.ruleId);
      process.stdout.write(command.format === "json" ? explainJson(rule) : explainText(rule));
      return EXIT_CLEAN;
    }
    case "check":
      return check(command, {
        stdout: (text) => process.stdout.write(text),
        warn,
        display,
        readStdin,
        isTTY: process.stdout.isTTY === true,
        env: process.env,
        workerScript: entry,
      });
    case "convert":
      return convertFile(command, display);
  }
}

/** One line on stderr; file names and messages quote file text, so control characters are escaped. */
function warn(message: string): void {
  process.stderr.write(`stagecraft: ${printable(message)}\n`);
}

/** All of stdin; the CLI refuses more than it would read from a file, so stop reading past that. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(bytes);
    total += bytes.length;
    if (total > MAX_TEXT_BYTES) break;
  }
  return Buffer.concat(chunks, total);
}

/** Paths relative to the working directory when inside it, absolute otherwise. */
function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/** The command line's run; stdout and stderr are the process's. */
function main(entry: string): void {
  // `stagecraft check | head`: the reader may leave early. Output nobody reads is not an error; the
  // run finishes and exits with its own code instead of dying on an EPIPE stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }

  run(process.argv.slice(2), entry).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError || error instanceof InputError || error instanceof ConfigError) {
        warn(error.message);
      } else {
        // A bug, not a user mistake: keep the stack so it can be reported.
        process.stderr.write(`stagecraft: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
      process.exitCode = EXIT_ERROR;
    },
  );
}

/**
 * Runs the CLI in this thread: a check worker's batches when `check` started it (cli/parallel.ts),
 * else the command line. `entry` is the script the process started with (cli-entry.ts), which the
 * check workers run too.
 */
export function startCli(entry: string): void {
  if (isCheckWorker()) runCheckWorker();
  else main(entry);
}
