// The web entry of the claimlint extension (package.json "browser"): the same extension, with the
// language server in a web worker and the embedded database only (no file system: no claim packs,
// .claimlintrc files or ignore file are read). The desktop entry is extension.ts.
import type * as vscode from 'vscode';
import { activateWith, deactivate, type ClaimlintApi } from './activate.js';
import { createClient } from './browser-client.js';
import { useDocumentSelector, WEB_DOCUMENT_SELECTOR } from './client.js';

export type { ClaimlintApi };
export { deactivate };

export function activate(context: vscode.ExtensionContext): Promise<ClaimlintApi> {
  useDocumentSelector(WEB_DOCUMENT_SELECTOR);
  return activateWith(context, { kind: 'web worker', create: createClient });
}
