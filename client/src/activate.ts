// The claimlint VS Code extension, shared by the desktop (extension.ts, Node) and web (web-extension.ts)
// builds: starts the language client the build provides, shows the findings of the active document
// in the status bar, and adds the evidence view, read-only embedded records and the commands
// (restart server, show evidence, fix all, export bibliography, check workspace).
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { ReloadRequest, StatusNotification, type DocumentEvidenceResult, type StatusParams } from '../../server/src/lsp/protocol.js';
import { isClaimlintDocument } from './client.js';
import { registerEmbeddedRecords } from './embedded-records.js';
import { StatusTracker } from './status.js';
import { EvidenceView, VIEW_ID } from './evidence.js';
import { exportBibliography, type ExportOptions, type ExportOutcome } from './bibliography.js';
import { checkWorkspace, type WorkspaceCheckSummary } from './workspace.js';

/** What `activate` returns (`vscode.extensions.getExtension('claimlint.claimlint').exports`), for tests and other extensions. */
export interface ClaimlintApi {
  /** The running language client (undefined before the first start or if the server is missing). */
  readonly client: BaseLanguageClient | undefined;
  /** Resolves once the server is running (or rejects if it could not start). */
  ready(): Promise<void>;
  /** Status bar text shown now (undefined when hidden, e.g. no Markdown editor active). */
  statusText(): string | undefined;
  /** The last `claimlint/status` for a document. */
  status(uri: vscode.Uri): StatusParams | undefined;
  /** Fires on every `claimlint/status` notification. */
  readonly onDidChangeStatus: vscode.Event<StatusParams>;
}

/** What differs between the desktop and the web build. */
export interface ClientFactory {
  /** Where the server runs, for the log ("Node IPC", "web worker"). */
  readonly kind: string;
  create(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): BaseLanguageClient;
  /** Why the server cannot start (a development checkout that was not built), or undefined. */
  missing?(context: vscode.ExtensionContext): string | undefined;
}

let client: BaseLanguageClient | undefined;
let starting: Promise<void> | undefined;

export async function activateWith(context: vscode.ExtensionContext, factory: ClientFactory): Promise<ClaimlintApi> {
  const output = vscode.window.createOutputChannel('claimlint', { log: true });
  const status = new StatusTracker();
  const evidence = new EvidenceView(() => client, status.onDidChange);
  context.subscriptions.push(output, status, evidence, registerEmbeddedRecords(context));

  const start = async (): Promise<void> => {
    const missing = factory.missing?.(context);
    if (missing) {
      // Never fail silently: say what is missing.
      const msg = `claimlint: ${missing}`;
      output.error(msg);
      status.setServerState('stopped');
      void vscode.window.showErrorMessage(msg);
      throw new Error(msg);
    }
    if (!client) {
      output.info(`claimlint: starting the language server (${factory.kind}); workspace ${vscode.workspace.isTrusted ? 'trusted' : 'not trusted: restricted mode, embedded database only'}`);
      client = factory.create(context, output);
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
      const c = client;
      starting = c.stop().then(() => c.start());
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
    // Fix All from the command palette (also a quick fix in the Ctrl+. menu and source.fixAll.claimlint).
    vscode.commands.registerCommand('claimlint.fixAll', async (uri?: vscode.Uri): Promise<number> => {
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!isClaimlintDocument(doc)) {
        void vscode.window.showInformationMessage('claimlint: open a Markdown document to fix its problems.');
        return 0;
      }
      await starting;
      const whole = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.claimlint');
      const all = actions?.find((a) => a.kind?.value === 'source.fixAll.claimlint' && a.edit);
      if (!all?.edit) {
        void vscode.window.setStatusBarMessage('claimlint: no safe fixes to apply', 3000);
        return 0;
      }
      const n = Number(/\((\d+)\)$/.exec(all.title)?.[1] ?? 0);
      return (await vscode.workspace.applyEdit(all.edit)) ? n : 0;
    }),
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
