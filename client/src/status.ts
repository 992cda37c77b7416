// The status bar item: claims checked and findings for the active Markdown document, from the
// server's `claimlint/status` notifications. Click: the Problems view.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol.js';
import { isClaimlintDocument } from './client.js';

const key = (uri: string | vscode.Uri) => (typeof uri === 'string' ? vscode.Uri.parse(uri) : uri).toString();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export type ServerState = 'starting' | 'running' | 'stopped';

export class StatusTracker implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly emitter = new vscode.EventEmitter<StatusParams>();
  /** Fires for every `claimlint/status` notification (after the status bar is updated). */
  readonly onDidChange = this.emitter.event;
  private serverState: ServerState = 'starting';
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.window.createStatusBarItem('claimlint.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'claimlint';
    this.subscriptions.push(
      this.item,
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(key(d.uri))),
    );
    this.render();
  }

  update(p: StatusParams): void {
    if (p.version === null) this.byUri.delete(key(p.uri));
    else this.byUri.set(key(p.uri), p);
    this.render();
    this.emitter.fire(p);
  }

  get(uri: vscode.Uri | string): StatusParams | undefined {
    return this.byUri.get(key(uri));
  }

  setServerState(state: ServerState): void {
    this.serverState = state;
    if (state !== 'running') this.byUri.clear();
    this.render();
  }

  /** The status bar text as shown now (undefined when hidden). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }
  private visible = false;

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isClaimlintDocument(doc)) {
      this.visible = false;
      this.item.hide();
      return;
    }
    const item = this.item;
    item.backgroundColor = undefined;
    if (this.serverState === 'stopped') {
      item.text = '$(error) claimlint: server stopped';
      item.tooltip = 'The claimlint language server is not running. Click to restart it.';
      item.command = 'claimlint.restartServer';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else {
      const s = this.byUri.get(key(doc.uri));
      item.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
      if (!s) {
        item.text = '$(sync~spin) claimlint';
        item.tooltip = 'claimlint is checking this document…';
      } else {
        item.text = `$(checklist) claimlint: ${plural(s.claimsChecked, 'claim')} · ${plural(s.findings, 'finding')}`;
        const md = new vscode.MarkdownString(undefined, true);
        md.appendMarkdown(`**claimlint** — ${plural(s.sentences, 'sentence')} read, ${plural(s.claimsChecked, 'sentence')} matched to ${plural(s.distinctClaims, 'claim')} in the database.\n\n`);
        md.appendMarkdown(`$(error) ${s.errors} · $(warning) ${s.warnings} · $(info) ${s.infos} · $(lightbulb) ${s.hints} — checked in ${Math.round(s.elapsedMs)} ms.\n\n`);
        md.appendMarkdown('Click to open the Problems view.');
        item.tooltip = md;
      }
    }
    this.visible = true;
    item.show();
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
