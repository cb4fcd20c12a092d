// A program run many times from the language server, through a long-lived POSIX shell that starts
// it, one run at a time (issue #16). Starting a process from Node forks the whole server: the fork
// copies its page tables, some 4 to 9 ms of the server's own CPU per process at 50 to 100 MB, paid
// on each keystroke that changes a RUN's script when ShellCheck is on (5 ms of server CPU per edit
// of a 14-line file without ShellCheck, 15 ms with it). The shell is small, so its fork is cheap;
// the server only writes a line to it and reads the answer.
//
// Protocol: the input goes to a file in a private temp folder (a shell cannot read a byte count
// from a pipe), the shell is sent `'program' 'arg' ... <'file' 2>/dev/null; printf '\036%d\n' "$?"`
// and answers the program's output followed by an ASCII record separator and its exit code. The
// programs run here print JSON or text, in which a raw \036 cannot occur (JSON escapes control
// characters). A run over its time limit kills the shell's whole process group, the program
// included; the next run starts a new shell.

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What a run came to: the program's standard output and exit code, or why there is none. */
export type CoprocessRun = { ok: true; stdout: string; code: number } | { ok: false; reason: string; timedOut: boolean };

/** The end of a run's answer: the record separator the shell prints, the exit code, a newline. */
const RECORD_SEPARATOR = "\u001e";

/** True where a POSIX shell can start the program (not Windows). */
export function canUseShellCoprocess(): boolean {
  return process.platform !== "win32";
}

/** `'text'` for a POSIX shell, whatever `text` holds. */
function quoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

let folder: string | null = null;
let files = 0;

/** A new file in this process's private temp folder (removed when the process exits). */
function inputFile(text: string): string {
  if (folder === null) {
    const made = mkdtempSync(join(tmpdir(), "stagecraft-coprocess-"));
    folder = made;
    process.once("exit", () => rmSync(made, { recursive: true, force: true }));
  }
  const path = join(folder, `${files++}.in`);
  writeFileSync(path, text);
  return path;
}

export class ShellCoprocess {
  private shell: ChildProcess | null = null;
  private busy = false;
  /** Shells started so far (tests read it to see a restart). */
  starts = 0;

  /**
   * Runs `program args < input` in the shell; one run at a time per coprocess (the caller queues).
   * Throws when the input cannot be written (no writable temp folder): the caller starts the
   * program itself then.
   */
  run(program: string, args: readonly string[], input: string, timeoutMs: number): Promise<CoprocessRun> {
    if (this.busy) throw new Error("ShellCoprocess.run called while a run is under way");
    const path = inputFile(input);
    this.busy = true;
    return new Promise<CoprocessRun>((resolve) => {
      const shell = this.ensureShell();
      let out = "";
      const finish = (result: CoprocessRun) => {
        clearTimeout(timer);
        shell.stdout?.off("data", onData);
        shell.off("exit", onExit);
        this.busy = false;
        try {
          unlinkSync(path);
        } catch {
          // Already gone with the folder at exit: nothing to clean.
        }
        resolve(result);
      };
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (!out.endsWith("\n")) return;
        const end = out.lastIndexOf(RECORD_SEPARATOR);
        const code = end < 0 ? "" : out.slice(end + 1, -1);
        if (/^\d+$/.test(code)) finish({ ok: true, stdout: out.slice(0, end), code: Number(code) });
      };
      const onExit = () => {
        if (this.shell === shell) this.shell = null;
        finish({ ok: false, reason: "the shell that starts it exited", timedOut: false });
      };
      const timer = setTimeout(() => {
        this.stop();
        finish({ ok: false, reason: `no answer within ${timeoutMs} ms`, timedOut: true });
      }, timeoutMs);
      shell.stdout?.on("data", onData);
      shell.once("exit", onExit);
      const command = [program, ...args].map(quoted).join(" ");
      shell.stdin?.write(`${command} <${quoted(path)} 2>/dev/null; printf '\\036%d\\n' "$?"\n`);
    });
  }

  /** Ends the shell and whatever it runs. */
  stop(): void {
    const shell = this.shell;
    this.shell = null;
    if (shell?.pid === undefined) return;
    try {
      // The shell leads its own process group (detached): the program it runs goes with it.
      process.kill(-shell.pid, "SIGKILL");
    } catch {
      shell.kill("SIGKILL");
    }
  }

  private ensureShell(): ChildProcess {
    if (this.shell) return this.shell;
    // `-s`: commands from standard input, one line at a time, as they come. Detached: its own
    // process group, so a stop takes the running program too. It ends when our end of its input
    // closes (this process exits).
    const shell = spawn("/bin/sh", ["-s"], { stdio: ["pipe", "pipe", "ignore"], detached: true });
    shell.stdin.on("error", () => undefined); // written after it died: its exit answers the run
    shell.on("error", () => undefined); // cannot start: its exit answers the run
    // Not counted as work keeping the process alive: the CLI exits when its checks are done.
    shell.unref();
    (shell.stdout as unknown as { unref?: () => void } | null)?.unref?.();
    (shell.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    this.shell = shell;
    this.starts++;
    return shell;
  }
}
