// `stagecraft check` over many files on every core: worker threads of the CLI's own script check
// batches of files while this thread checks batches too, each with its own snapshot of the disk
// (a folder's facts are read by whichever thread checks its files). The reports come back by index,
// so the output is the one a single thread gives, in the same order.

import { availableParallelism } from "node:os";
import { parentPort, Worker, workerData } from "node:worker_threads";
import type { FolderReader } from "../host/folder-reader";
import type { Command } from "./args";
import { checkFileOnDisk, checkRunState, FileReport } from "./check-file";
import type { ConfigLoader } from "./config";

type CheckCommand = Extract<Command, { name: "check" }>;

/** A file to check: its absolute path, and how it is shown. */
export interface FileToCheck {
  path: string;
  shown: string;
}

/** Below this many files, starting a worker (loading the CLI again, a cold JIT) costs more than it saves. */
export const PARALLEL_MIN_FILES = 64;
/** Files per batch: small enough to keep the threads evenly busy, large enough to keep messages few. */
const BATCH = 8;

/** The worker's data: what to check. Its presence tells the CLI script it runs as a check worker. */
interface CheckWorkerData {
  stagecraftCheck: { command: CheckCommand; files: FileToCheck[] };
}

/** A batch done: the reports of files `start`, `start + 1`, ... */
interface BatchDone {
  start: number;
  reports: FileReport[];
}

/** How many worker threads to start for `fileCount` files: one per core beside this thread's. */
export function workerCount(fileCount: number): number {
  return fileCount < PARALLEL_MIN_FILES ? 0 : Math.max(0, Math.min(availableParallelism() - 1, Math.floor(fileCount / BATCH) - 1));
}

/**
 * Reports of `files`, in their order, checked here (with this thread's reader and configurations,
 * which discovery has filled already) and by `workers` threads running `workerScript`.
 */
export async function checkInParallel(
  command: CheckCommand,
  files: readonly FileToCheck[],
  workerScript: string,
  workers: number,
  { reader, configs }: { reader: FolderReader; configs: ConfigLoader },
): Promise<FileReport[]> {
  const reports: FileReport[] = new Array<FileReport>(files.length);
  let next = 0;
  const takeBatch = (): [number, number] | null => {
    if (next >= files.length) return null;
    const start = next;
    next = Math.min(files.length, start + BATCH);
    return [start, next];
  };
  const data: CheckWorkerData = { stagecraftCheck: { command, files: [...files] } };
  const threads = Array.from({ length: workers }, () => new Worker(workerScript, { workerData: data }));
  const byWorkers = threads.map(
    (thread) =>
      new Promise<void>((resolve, reject) => {
        // Two batches outstanding: the worker starts its next batch at once instead of waiting
        // for this thread, which answers only between two of its own files.
        let outstanding = 0;
        const give = () => {
          const batch = takeBatch();
          if (batch !== null) {
            outstanding++;
            thread.postMessage(batch);
          } else if (outstanding === 0) resolve();
        };
        thread.on("message", (done: BatchDone) => {
          outstanding--;
          done.reports.forEach((report, i) => (reports[done.start + i] = report));
          give();
        });
        thread.on("error", reject);
        thread.on("exit", (code) => reject(new Error(`a check worker stopped (exit code ${code})`)));
        give();
        give();
      }),
  );
  // This thread checks batches too; between files it lets the workers' answers in.
  const here = (async () => {
    for (let batch = takeBatch(); batch !== null; batch = takeBatch()) {
      for (let i = batch[0]; i < batch[1]; i++) {
        reports[i] = await checkFileOnDisk(command, files[i].path, files[i].shown, configs, reader);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  })();
  try {
    await Promise.all([here, ...byWorkers]);
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return reports;
}

/** True when this thread was started by `checkInParallel`. */
export function isCheckWorker(): boolean {
  return parentPort !== null && typeof workerData === "object" && workerData !== null && "stagecraftCheck" in workerData;
}

/** The worker's side: checks each batch it is given and sends the reports back. */
export function runCheckWorker(): void {
  const port = parentPort;
  if (port === null) throw new Error("runCheckWorker runs in a worker thread");
  const { command, files } = (workerData as CheckWorkerData).stagecraftCheck;
  const { reader, configs } = checkRunState();
  // Batches arrive ahead of time (see checkInParallel) and are checked one after another, in order.
  let queue = Promise.resolve();
  port.on("message", ([start, end]: [number, number]) => {
    queue = queue.then(async () => {
      const reports: FileReport[] = [];
      for (let i = start; i < end; i++) reports.push(await checkFileOnDisk(command, files[i].path, files[i].shown, configs, reader));
      const done: BatchDone = { start, reports };
      port.postMessage(done);
    });
  });
}
