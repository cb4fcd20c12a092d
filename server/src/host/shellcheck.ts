// Runs a `shellcheck` binary for the Node hosts (CLI, language server): one process per RUN script,
// a few at a time (started through small long-lived shells where there are: shell-coprocess.ts),
// results cached per script text, a time budget per run, cancellable. The engine
// builds the scripts and maps the results back (model/shellcheck-scripts.ts).

import { spawn } from "child_process";
import type { DockerfileModel } from "../model/types";
import { runScripts, ShellcheckComment } from "../model/shellcheck-scripts";
import { canUseShellCoprocess, type CoprocessRun, ShellCoprocess } from "./shell-coprocess";

const TIMEOUT_MS = 10_000;
const PARALLEL = 4;
// Enough for a large workspace: a few thousand RUNs of a few hundred bytes each.
const CACHE_LIMIT = 10_000;

export type ShellcheckResults = ReadonlyMap<string, readonly ShellcheckComment[]>;

export class ShellcheckRunner {
  private readonly cache = new Map<string, readonly ShellcheckComment[]>();
  /** Runs under way, by script text. */
  private readonly running = new Map<string, Promise<readonly ShellcheckComment[] | null>>();
  /** Shells that start ShellCheck (POSIX), idle between runs: see shell-coprocess.ts. */
  private readonly idleShells: ShellCoprocess[] = [];
  /** False once a shell could not be given its input (no writable temp folder). */
  private shellsWork = true;
  private availability: Promise<string | null> | null = null;

  /** `path`: the binary (a name on PATH or a file). `log` hears why ShellCheck is off, once. */
  constructor(
    readonly path: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** The binary's version, or null (logged once) when it cannot be run. */
  version(): Promise<string | null> {
    this.availability ??= new Promise((resolve) => {
      let out = "";
      const child = spawn(this.path, ["--version"], { stdio: ["ignore", "pipe", "ignore"] });
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.on("error", () => resolve(null));
      child.on("close", (code) => resolve(code === 0 ? (/version:\s*(\S+)/.exec(out)?.[1] ?? "unknown") : null));
    }).then((v) => {
      if (v === null) this.log(`ShellCheck not found at '${this.path}': shell linting of RUN is off (install shellcheck or set its path).`);
      return v as string | null;
    });
    return this.availability;
  }

  /**
   * ShellCheck's comments for every RUN script of `model`; null when the binary is unavailable or
   * the run was cancelled. Cancelling (a newer version of the document) stops starting scripts but
   * lets the ones running finish into the cache: the newer version mostly has the same scripts, and
   * killing them made a file of many RUNs, edited faster than they all ran, start its scripts
   * again on every edit (issue #16: typing in the corpus' 1,059-line file, 210 RUN scripts, cost
   * 73 ms per keystroke over 300 edits with ShellCheck on, 27 without). A script already running
   * for an earlier version is awaited, not run twice.
   */
  async check(model: DockerfileModel, signal?: AbortSignal): Promise<ShellcheckResults | null> {
    if ((await this.version()) === null) return null;
    const scripts = [...new Set(runScripts(model).map((s) => s.text))];
    const results = new Map<string, readonly ShellcheckComment[]>();
    const queue = scripts.filter((text) => {
      const cached = this.cache.get(text);
      if (cached) results.set(text, cached);
      return !cached;
    });
    const worker = async () => {
      for (let text = queue.shift(); text !== undefined; text = queue.shift()) {
        if (signal?.aborted) return;
        const comments = await this.runOnce(text);
        if (comments !== null) results.set(text, comments);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
    return signal?.aborted ? null : results;
  }

  /** `text`'s comments: from the run under way for it, or from a new run, cached once read. */
  private runOnce(text: string): Promise<readonly ShellcheckComment[] | null> {
    const running = this.running.get(text);
    if (running) return running;
    const run = this.run(text).then((comments) => {
      this.running.delete(text);
      if (comments !== null) {
        if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
        this.cache.set(text, comments);
      }
      return comments;
    });
    this.running.set(text, run);
    return run;
  }

  /** One script through the binary; null on a timeout or a crash (logged, not thrown). */
  private async run(text: string): Promise<readonly ShellcheckComment[] | null> {
    const args = ["--format=json1", "-"];
    let result: CoprocessRun;
    const shell = canUseShellCoprocess() && this.shellsWork ? (this.idleShells.pop() ?? new ShellCoprocess()) : null;
    try {
      result = shell ? await shell.run(this.path, args, text, TIMEOUT_MS) : await spawnRun(this.path, args, text);
    } catch (error) {
      // No writable temp folder for the shells' input: this process starts ShellCheck itself from now on.
      this.shellsWork = false;
      this.log(`ShellCheck is started directly (slower while typing): ${error instanceof Error ? error.message : String(error)}`);
      result = await spawnRun(this.path, args, text);
    }
    if (shell && this.shellsWork) {
      if (this.idleShells.length < PARALLEL) this.idleShells.push(shell);
      else shell.stop();
    }
    if (result.ok) {
      try {
        const parsed = JSON.parse(result.stdout) as { comments?: ShellcheckComment[] };
        return Array.isArray(parsed.comments) ? parsed.comments : [];
      } catch {
        // Crashed or not ShellCheck: no findings rather than wrong ones.
      }
    }
    this.log(
      !result.ok && result.timedOut
        ? `ShellCheck took over ${TIMEOUT_MS / 1000} s on a RUN script and was stopped; its findings are left out.`
        : "ShellCheck gave no readable output for a RUN script; its findings are left out.",
    );
    return null;
  }
}

/** `program args` started from this process with `input` on its standard input (where no POSIX shell is, Windows). */
function spawnRun(program: string, args: readonly string[], input: string): Promise<CoprocessRun> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ["pipe", "pipe", "ignore"] });
    let out = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, TIMEOUT_MS);
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", (error) => finish({ ok: false, reason: error.message, timedOut: false }));
    child.on("close", (code) => finish(timedOut ? { ok: false, reason: "stopped", timedOut } : { ok: true, stdout: out, code: code ?? -1 }));
    child.stdin.on("error", () => undefined); // the process may exit before reading everything
    child.stdin.end(input);
    function finish(result: CoprocessRun) {
      clearTimeout(timer);
      resolve(result);
    }
  });
}

export { withShellcheck } from "../model/with-shellcheck";
