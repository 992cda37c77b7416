// The extension's own claim files (claims/*.yaml, the embedded database) open read-only: go to
// definition into them lands in a `claimlint-db:` document, served from the extension's folder by a
// read-only file system (editing it would change nothing: the server reads the compiled database).
// Workspace packs keep their file: URIs and open as normal files.
import * as vscode from 'vscode';

export const SCHEME = 'claimlint-db';

/** claimlint-db:/claims/x.yaml → the file in the extension's folder (read through vscode.workspace.fs, so it works on the web too). */
class EmbeddedRecords implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  constructor(private readonly root: vscode.Uri) {}
  private target(uri: vscode.Uri): vscode.Uri {
    const path = uri.path.replace(/^\/+/, '');
    if (!/^claims\/[\w.-]+\.ya?ml$/.test(path)) throw vscode.FileSystemError.FileNotFound(uri);
    return vscode.Uri.joinPath(this.root, path);
  }
  watch(): vscode.Disposable { return new vscode.Disposable(() => undefined); }
  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const st = await vscode.workspace.fs.stat(this.target(uri));
    return { ...st, permissions: vscode.FilePermission.Readonly };
  }
  readDirectory(): [string, vscode.FileType][] { return []; }
  readFile(uri: vscode.Uri): Thenable<Uint8Array> { return vscode.workspace.fs.readFile(this.target(uri)); }
  createDirectory(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  writeFile(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  delete(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  rename(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
}

export function registerEmbeddedRecords(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.workspace.registerFileSystemProvider(SCHEME, new EmbeddedRecords(context.extensionUri), { isReadonly: true, isCaseSensitive: true });
}

/** A location in the extension's claims/ folder, as a claimlint-db: URI (others unchanged). */
function readOnly(context: vscode.ExtensionContext, uri: vscode.Uri): vscode.Uri {
  const claims = vscode.Uri.joinPath(context.extensionUri, 'claims').toString() + '/';
  const s = uri.toString();
  return s.startsWith(claims) ? vscode.Uri.from({ scheme: SCHEME, path: '/claims/' + s.slice(claims.length) }) : uri;
}

type Definitions = vscode.Definition | vscode.LocationLink[] | null | undefined;

/** Definition results with embedded records made read-only. */
export function readOnlyLocations(context: vscode.ExtensionContext, result: Definitions): Definitions {
  if (!result) return result;
  const one = (l: vscode.Location | vscode.LocationLink): vscode.Location | vscode.LocationLink =>
    'targetUri' in l ? { ...l, targetUri: readOnly(context, l.targetUri) } : new vscode.Location(readOnly(context, l.uri), l.range);
  if (Array.isArray(result)) return (result as (vscode.Location | vscode.LocationLink)[]).map(one) as vscode.Location[] | vscode.LocationLink[];
  return one(result) as vscode.Location;
}

/** A diagnostic whose related information points at embedded records read-only (the same object when none does). */
export function readOnlyRelated(context: vscode.ExtensionContext, d: vscode.Diagnostic): vscode.Diagnostic {
  if (!d.relatedInformation?.length) return d;
  d.relatedInformation = d.relatedInformation.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(readOnly(context, r.location.uri), r.location.range), r.message));
  return d;
}
