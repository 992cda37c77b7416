// URIs and record locations. URIs are normalised with vscode-uri (a client may send
// `file:///c%3A/x.md` for `C:\x.md`); record origins are file paths from the db loader, or URIs
// (the browser server's embedded records). No Node modules: the browser bundle uses this too.
import { URI, Utils } from 'vscode-uri';
import type { Location } from 'vscode-languageserver';
import type { Database } from '../db/schema.js';

/** The file system path of a `file:` URI, or undefined for other schemes (untitled:, etc.). */
export function uriToPath(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}

/** One canonical spelling of a URI, for map keys. */
export function normalizeUri(uri: string): string {
  try { return URI.parse(uri).toString(); } catch { return uri; }
}

/** Where a database record is defined ("claim:ID", "source:ID", …), as an LSP location. */
export function originLocation(db: Database, key: string): Location | undefined {
  const o = db.origins.get(key);
  if (!o) return undefined;
  const uri = /^[a-z][a-z0-9+.-]+:\//i.test(o.file) && !/^[a-z]:[\\/]/i.test(o.file) ? o.file : pathToUri(absolute(o.file));
  const pos = { line: Math.max(0, o.line), character: Math.max(0, o.column) };
  return { uri, range: { start: pos, end: pos } };
}

/** A path made absolute against the working folder (origins are absolute but for hand-made databases). */
function absolute(path: string): string {
  if (path.startsWith('/') || /^[a-z]:[\\/]/i.test(path) || typeof process === 'undefined') return path;
  return Utils.joinPath(URI.file(process.cwd()), path).fsPath;
}
