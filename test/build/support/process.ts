// Runs the container tools as child processes and turns failures into errors that show what the
// tool said, since a build log is the only clue when a fixture image or an app does not build.

import { spawn } from "child_process";

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
  seconds: number;
}

/** How much of a failing tool's output an error message quotes. */
const QUOTED_OUTPUT_LINES = 40;

export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly result: RunResult,
  ) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-QUOTED_OUTPUT_LINES).join("\n");
    super(`\`${command}\` exited with ${result.code} after ${result.seconds.toFixed(1)} s:\n${output}`);
  }
}

/** Runs a command to completion; rejects with a CommandError unless it exits with 0. */
export async function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await runAllowingFailure(command, args, options);
  if (result.code !== 0) throw new CommandError([command, ...args].join(" "), result);
  return result;
}

/** Runs a command to completion and reports its exit code instead of rejecting. */
export function runAllowingFailure(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8") + (signal ? `\nkilled by ${signal}` : ""),
        code: code ?? 128,
        seconds: (Date.now() - started) / 1000,
      }),
    );
  });
}
