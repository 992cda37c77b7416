// The claimlint VS Code extension: starts the language server (dist/server.cjs) for Markdown, shows
// claims checked / findings in the status bar, and adds the evidence view and the commands
// (restart server, show evidence, export bibliography, check workspace).
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ReloadRequest, StatusNotification, type DocumentEvidenceResult, type StatusParams } from '../../server/src/lsp/protocol.js';
import { createClient } from './client.js';
import { StatusTracker } from './status.js';
import { EvidenceView, VIEW_ID } from './evidence.js';
import { exportBibliography, type ExportOptions, type ExportOutcome } from './bibliography.js';
import { checkWorkspace, type WorkspaceCheckSummary } from './workspace.js';

/** What `activate` returns (`vscode.extensions.getExtension('claimlint.claimlint').exports`), for tests and other extensions. */
export interface ClaimlintApi {
  /** The running language client (undefined before the first start or if the server is missing). */
  readonly client: LanguageClient | undefined;
  /** Resolves once the server is running (or rejects if it could not start). */
  ready(): Promise<void>;
  /** Status bar text shown now (undefined when hidden, e.g. no Markdown editor active). */
  statusText(): string | undefined;
  /** The last `claimlint/status` for a document. */
  status(uri: vscode.Uri): StatusParams | undefined;
  /** Fires on every `claimlint/status` notification. */
  readonly onDidChangeStatus: vscode.Event<StatusParams>;
}

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ClaimlintApi> {
  const output = vscode.window.createOutputChannel('claimlint', { log: true });
  const status = new StatusTracker();
  const evidence = new EvidenceView(() => client, status.onDidChange);
  context.subscriptions.push(output, status, evidence);

  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const start = async (): Promise<void> => {
    if (!existsSync(serverModule)) {
      // Never fail silently: say what is missing (a development checkout that was not built).
      const msg = `claimlint: the language server is missing (${serverModule}). Run "npm run build".`;
      output.error(msg);
      status.setServerState('stopped');
      void vscode.window.showErrorMessage(msg);
      throw new Error(msg);
    }
    if (!client) {
      client = createClient(context, output);
      context.subscriptions.push(
        client.onDidChangeState((e) => status.setServerState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped')),
        client.onNotification(StatusNotification, (p: StatusParams) => status.update(p)),
      );
    }
    status.setServerState('starting');
    await client.start();
  };
  const restart = async (): Promise<void> => {
    if (client?.isRunning()) {
      status.setServerState('starting');
      starting = client.restart();
    } else {
      starting = start();
    }
    await starting;
  };
  starting = start();
  starting.catch((e) => output.error(`claimlint: the language server failed to start: ${e instanceof Error ? e.message : String(e)}`));

  context.subscriptions.push(
    vscode.commands.registerCommand('claimlint.restartServer', async () => {
      await restart();
      output.info('claimlint: language server restarted');
    }),
    vscode.commands.registerCommand('claimlint.showEvidence', async (uri?: vscode.Uri): Promise<DocumentEvidenceResult | undefined> => {
      let doc = vscode.window.activeTextEditor?.document;
      if (uri instanceof vscode.Uri) doc = await vscode.workspace.openTextDocument(uri);
      if (!doc || doc.languageId !== 'markdown') {
        void vscode.window.showInformationMessage('claimlint: open a Markdown document to see the evidence for its claims.');
        return undefined;
      }
      await starting;
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      return evidence.refresh(doc);
    }),
    vscode.commands.registerCommand('claimlint.refreshEvidence', () => evidence.refresh()),
    vscode.commands.registerCommand('claimlint.reload', async (): Promise<{ documents: number; problems: number } | undefined> => {
      await starting;
      if (!client?.isRunning()) return undefined;
      const r = await client.sendRequest<{ documents: number; problems: number }>(ReloadRequest);
      void vscode.window.setStatusBarMessage(`claimlint: claim packs and configuration reloaded; ${r.documents} open documents re-checked`, 4000);
      return r;
    }),
    vscode.commands.registerCommand('claimlint.exportBibliography', async (opts?: ExportOptions): Promise<ExportOutcome | undefined> => {
      await starting;
      return exportBibliography(client, opts && typeof opts === 'object' && !(opts instanceof vscode.Uri) ? opts : {});
    }),
    vscode.commands.registerCommand('claimlint.checkWorkspace', async (opts?: { quiet?: boolean }): Promise<WorkspaceCheckSummary> => {
      await starting;
      return checkWorkspace((u) => status.get(u), status.onDidChange, opts && typeof opts === 'object' ? opts : {});
    }),
    // Trust granted: restart so the server loads the workspace's packs and .claimlintrc.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );

  return {
    get client() { return client; },
    ready: () => starting ?? Promise.resolve(),
    statusText: () => status.text,
    status: (uri) => status.get(uri),
    onDidChangeStatus: status.onDidChange,
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.dispose(2000).catch(() => undefined);
}
