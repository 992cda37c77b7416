// Reading a draft that is not open (bibliography export of workspace files): Node only.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { invalidParams, RequestError } from './guard.js';

/** Largest file exportBibliography reads from disk. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

/** A regular file's text; anything else (missing, a folder, a FIFO or device that would block,
 *  too large) is the client's mistake: InvalidParams naming the URI. */
export async function readDraft(path: string, uri: string): Promise<string> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = await handle.stat();
    if (!st.isFile()) throw invalidParams(`claimlint: not a regular file: ${uri}`);
    if (st.size > MAX_READ_BYTES) throw invalidParams(`claimlint: larger than ${MAX_READ_BYTES >> 20} MB: ${uri}`);
    return await handle.readFile('utf8');
  } catch (e) {
    if (e instanceof Error && !(e instanceof RequestError) && 'code' in e) throw invalidParams(`claimlint: cannot read ${uri} (${String(e.code)})`);
    throw e;
  } finally {
    await handle?.close();
  }
}
