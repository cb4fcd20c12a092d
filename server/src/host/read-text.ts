// Reading a text file the user pointed us at, defensively: only regular files (a FIFO named
// Dockerfile would block forever, /dev/zero would fill memory), at most a size cap, UTF-8 only,
// and a byte-order mark dropped. Never throws: a failure is a one-line reason.

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { open } from "node:fs/promises";

/** Larger than any real Dockerfile or config; analysis time grows with the text. */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;

export type TextRead = { ok: true; text: string } | { ok: false; reason: string; code?: string };

/**
 * Reads `path` as UTF-8 text (BOM removed) if it is a regular file of at most `limit` bytes. With
 * `truncate`, a larger file gives its first `limit` bytes instead (a character cut at the end is
 * dropped): enough for facts read from the head of a lock file.
 */
export async function readTextFile(path: string, limit = MAX_TEXT_BYTES, options: { truncate?: boolean } = {}): Promise<TextRead> {
  let handle;
  try {
    // Non-blocking, so opening a FIFO returns at once instead of waiting for a writer.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return failure(error);
  }
  try {
    const info = await handle.stat();
    const refused = refusal(info, limit, options);
    if (refused) return refused;
    // As readTextFileSync: the size on disk plus one byte, so a small file takes one small buffer
    // (not 64 KiB zero-filled for each of the many small files of a build context).
    const chunkSize = Math.min(Math.max(info.size + 1, 4096), 64 * 1024);
    const reader = new CappedRead(limit);
    for (let chunk = reader.nextChunk(chunkSize); chunk; chunk = reader.nextChunk(chunkSize)) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (!reader.took(chunk, bytesRead)) break;
    }
    return reader.result(options);
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Why a file that `info` describes is not read (a folder, not a regular file, over the cap), or null. */
function refusal(info: Stats, limit: number, options: { truncate?: boolean }): TextRead | null {
  if (info.isDirectory()) return { ok: false, reason: "is a folder, not a file", code: "EISDIR" };
  if (!info.isFile()) return { ok: false, reason: `is not a regular file (${fileKind(info)})` };
  if (info.size > limit && !options.truncate) return { ok: false, reason: `is larger than ${formatLimit(limit)}` };
  return null;
}

/**
 * `readTextFile` with blocking calls: for the CLI, which has nothing else to do meanwhile and reads
 * thousands of small files, where each asynchronous call's hand-off to the thread pool costs more
 * than the read itself.
 */
export function readTextFileSync(path: string, limit = MAX_TEXT_BYTES, options: { truncate?: boolean } = {}): TextRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return failure(error);
  }
  try {
    const info = fstatSync(fd);
    const refused = refusal(info, limit, options);
    if (refused) return refused;
    // One read for a small file: the size on disk, plus one byte to see the end.
    const chunkSize = Math.min(Math.max(info.size + 1, 4096), 1024 * 1024);
    const reader = new CappedRead(limit);
    for (let chunk = reader.nextChunk(chunkSize); chunk; chunk = reader.nextChunk(chunkSize)) {
      if (!reader.took(chunk, readSync(fd, chunk, 0, chunk.length, null))) break;
    }
    return reader.result(options);
  } catch (error) {
    return failure(error);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a file only read from cannot lose anything.
    }
  }
}

/**
 * The chunks of one read that stops one byte past `limit`: the size on disk can lie (procfs says 0,
 * a file may grow while read), so the cap is on the bytes that really arrive.
 */
class CappedRead {
  private readonly chunks: Buffer[] = [];
  private total = 0;

  constructor(private readonly limit: number) {}

  /** A buffer for the next read, or undefined once past the cap. */
  nextChunk(size: number): Buffer | undefined {
    return this.total > this.limit ? undefined : Buffer.alloc(Math.min(size, this.limit + 1 - this.total));
  }

  /** Keeps what a read put in `chunk`; false at the end of the file. */
  took(chunk: Buffer, bytesRead: number): boolean {
    if (bytesRead === 0) return false;
    this.chunks.push(chunk.subarray(0, bytesRead));
    this.total += bytesRead;
    return true;
  }

  result(options: { truncate?: boolean }): TextRead {
    if (this.total > this.limit && !options.truncate) return { ok: false, reason: `is larger than ${formatLimit(this.limit)}` };
    return decodeText(Buffer.concat(this.chunks, this.total), this.total, this.limit);
  }
}

/** The bytes read as text: cut to `limit` at a character boundary, refused when binary or not UTF-8. */
function decodeText(read: Buffer, total: number, limit: number): TextRead {
  let bytes = read;
  if (total > limit) bytes = withoutCutCharacter(bytes.subarray(0, limit));
  if (bytes.includes(0)) return { ok: false, reason: "is a binary file (it holds NUL bytes)" };
  try {
    // `ignoreBOM: false` drops a leading byte-order mark.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // The decoder's error says nothing more than this.
    return { ok: false, reason: "is not UTF-8 text" };
  }
}

/** Drops a UTF-8 sequence cut short at the end of `bytes`. */
function withoutCutCharacter(bytes: Buffer): Buffer {
  let start = bytes.length - 1;
  // Walk back over continuation bytes (10xxxxxx) to the lead byte of the last character.
  while (start > 0 && start >= bytes.length - 4 && (bytes[start] & 0xc0) === 0x80) start--;
  const lead = bytes[start];
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start + length > bytes.length ? bytes.subarray(0, start) : bytes;
}

function failure(error: unknown): TextRead {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return { ok: false, reason: ioReason(error), code };
}

/** A short, one-line reason for a file-system error. */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "too many levels of symbolic links (a link loop?)";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EISDIR":
      return "is a folder, not a file";
    case "EIO":
      return "input/output error";
    case "ENAMETOOLONG":
      return "the path is too long";
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\r?\n/)[0];
}

function fileKind(info: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isFIFO()) return "a FIFO";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not a file";
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
