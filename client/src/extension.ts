// The desktop (Node) entry of the claimlint extension: the language server runs in its own Node
// process (dist/server.cjs over IPC). The web build's entry is web-extension.ts.
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { activateWith, deactivate, type ClaimlintApi } from './activate.js';
import { createClient } from './node-client.js';

export type { ClaimlintApi };
export { deactivate };

export function activate(context: vscode.ExtensionContext): Promise<ClaimlintApi> {
  return activateWith(context, {
    kind: 'Node IPC',
    create: createClient,
    missing: (c) => {
      const server = c.asAbsolutePath('dist/server.cjs');
      return existsSync(server) ? undefined : `the language server is missing (${server}). Run "npm run build".`;
    },
  });
}
