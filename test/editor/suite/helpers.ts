// Helpers for the real-editor suite: everything waits on VS Code events (never on timers); mocha's
// timeout is the only deadline, and the waits say what they were waiting for when it strikes.
import * as vscode from 'vscode';
import type { ClaimlintApi } from '../../../client/src/extension.js';
import type { StatusParams } from '../../../server/src/lsp/protocol.js';

export const EXTENSION_ID = 'claimlint.claimlint';

/** The fixture workspace folder (a temporary copy of test/fixtures/editor/workspace). */
export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** A file of this repository (the extension under test is loaded from the repository root). */
export function repoFile(...parts: string[]): vscode.Uri {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return vscode.Uri.joinPath(ext.extensionUri, ...parts);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

export async function activate(): Promise<ClaimlintApi> {
  const ext = vscode.extensions.getExtension<ClaimlintApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  await api.ready();
  return api;
}

export const claimlintDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'claimlint');

/** Resolves with the claimlint diagnostics of `uri` once `ok` accepts them (checked now and on each change). */
export function waitForDiagnostics(uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, all = false): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = () => {
      const d = all ? vscode.languages.getDiagnostics(uri) : claimlintDiagnostics(uri);
      if (!ok(d)) return false;
      sub.dispose();
      resolve(d);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Resolves with the next (or current, if `ok` already accepts it) claimlint/status for `uri`. */
export function waitForStatus(api: ClaimlintApi, uri: vscode.Uri, ok: (s: StatusParams) => boolean): Promise<StatusParams> {
  return new Promise((resolve) => {
    const now = api.status(uri);
    if (now && ok(now)) return resolve(now);
    const sub = api.onDidChangeStatus((s) => {
      if (vscode.Uri.parse(s.uri).toString() === uri.toString() && ok(s)) {
        sub.dispose();
        resolve(s);
      }
    });
  });
}

/** Opens a document in an editor (as a user would) and returns it. */
export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The text a hover shows, as one string. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n---\n');
}

export const rangeOf = (d: { range: vscode.Range }) =>
  [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] as const;

/** The range of the `occurrence`-th `needle` in `doc`. */
export function find(doc: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found in ${doc.uri.fsPath}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** Closes every editor and waits until VS Code has done so. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
