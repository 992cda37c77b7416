// File access that cannot hang or lose data, shared by the CLI, the config loader and the pack
// loader: reads open with O_NONBLOCK and check the opened thing is a regular file (a FIFO or a
// device named like a pack or a config would otherwise block forever or never end), and writes go
// to a temporary file in the same folder that is fsynced and renamed over the target.
import { closeSync, constants, fchmodSync, fstatSync, fsyncSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** What a path is, in words, for messages ("a folder", "a FIFO (named pipe)"). */
export function describeKind(st: Stats): string {
  if (st.isFile()) return 'a file';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

export type ReadFileResult =
  | { ok: true; data: Buffer }
  | { ok: false; reason: string; code?: string };

const errCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Reads a regular file whole, at most `maxBytes` (default: no cap). Never blocks on a FIFO or a
 * device: the path is opened non-blocking and the opened descriptor must be a regular file.
 * `reason` names no content, only what the path is ("is a FIFO (named pipe), not a file").
 */
export function readRegularFile(path: string, maxBytes = Infinity): ReadFileResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = errCode(e);
    if (code === 'ENOENT') return { ok: false, code, reason: 'no such file' };
    if (code === 'EISDIR') return { ok: false, code, reason: 'is a folder, not a file' };
    return { ok: false, code, reason: `cannot read (${code})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, code: 'ENOTFILE', reason: `is ${describeKind(st)}, not a file` };
    if (st.size > maxBytes) return { ok: false, code: 'EFBIG', reason: `is ${formatBytes(st.size)}, more than the ${formatBytes(maxBytes)} allowed` };
    // Read until end of file (the size can change while reading), never past the cap.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(st.size - total + 1, 16 * 1024 * 1024)));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return { ok: false, code: 'EFBIG', reason: `is more than the ${formatBytes(maxBytes)} allowed` };
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return { ok: true, data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, code: errCode(e), reason: `cannot read (${errCode(e)})` };
  } finally {
    closeSync(fd);
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

export const sha1 = (data: Uint8Array | string) => createHash('sha1').update(data).digest('hex');

/** The file changed on disk since it was read: the write was not done. */
export class FileChangedError extends Error {
  readonly code = 'ECHANGED';
  constructor(readonly path: string) {
    super(`${path} changed since it was read`);
    this.name = 'FileChangedError';
  }
}

export interface AtomicWriteOptions {
  /** sha1 of the bytes the file must still hold, checked just before the rename (else FileChangedError). */
  expectSha1?: string;
  /** Mode for a new file (an existing file keeps its own). */
  mode?: number;
}

/**
 * Replaces `path` with `data` so that the file is always either the old or the new content, even
 * if the process is killed: the data goes to a temporary file in the same folder, is fsynced, and is
 * renamed over the target. A symbolic link is followed (the link stays, its target is replaced);
 * an existing file keeps its mode.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string, opts: AtomicWriteOptions = {}): void {
  let target = path;
  let mode = opts.mode ?? 0o666;
  let keepMode = false;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
    keepMode = true;
  } catch (e) {
    if (errCode(e) !== 'ENOENT') throw e;
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  let renamed = false;
  try {
    try {
      if (keepMode) fchmodSync(fd, mode); // the umask must not change an existing file's mode
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (opts.expectSha1 !== undefined) {
      const now = readRegularFile(target);
      if (!now.ok || sha1(now.data) !== opts.expectSha1) throw new FileChangedError(path);
    }
    renameSync(tmp, target);
    renamed = true;
    syncFolder(dirname(target));
  } finally {
    if (!renamed) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
  }
}

/** Makes a rename durable (best effort: not every platform can open a folder). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // not supported here
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
