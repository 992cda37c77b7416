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
        // What the Problems view lists (hints are faint dots in the text, not rows there).
        const shown = s.errors + s.warnings + s.infos;
        const restricted = s.restricted || !vscode.workspace.isTrusted;
        item.text = `${restricted ? '$(workspace-untrusted)' : '$(checklist)'} claimlint: ${shown === 0 ? 'no findings' : plural(shown, 'finding')}`;
        item.tooltip = tooltip(s, restricted);
      }
    }
    this.visible = true;
    item.show();
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

const GRADES = ['established', 'supported', 'preliminary', 'preclinical-only', 'contested'] as const;

/** The status bar tooltip: findings by severity, matched claims by grade, what is hidden and why. */
export function tooltip(s: StatusParams, restricted: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const counts = [[s.errors, 'error'], [s.warnings, 'warning'], [s.infos, 'info']] as const;
  const parts = counts.filter(([n]) => n > 0).map(([n, w]) => (w === 'info' ? `${n} info` : plural(n, w)));
  md.appendMarkdown(`**claimlint** — ${parts.length ? parts.join(', ') : 'nothing'} in the Problems view`);
  md.appendMarkdown(s.hints ? `, and ${plural(s.hints, 'hint')} (faint dots under the text, e.g. uncited claims).\n\n` : '.\n\n');
  const grades = GRADES.filter((g) => s.claimsByGrade?.[g]).map((g) => `${s.claimsByGrade[g]} ${g.replace('-', ' ')}`);
  md.appendMarkdown(s.distinctClaims
    ? `Matched ${plural(s.distinctClaims, 'claim')} of the database (${grades.join(', ')}), in ${plural(s.claimsChecked, 'sentence')}.\n\n`
    : 'No sentence matches a claim in the database.\n\n');
  if (s.total > s.findings) md.appendMarkdown(`Showing the ${s.findings} most severe of ${s.total} findings (\`claimlint.maxProblems\`).\n\n`);
  if (s.ignored) md.appendMarkdown(`${plural(s.ignored, 'finding')} hidden by \`.claimlint/ignored.yaml\`.\n\n`);
  if (restricted) md.appendMarkdown('$(workspace-untrusted) **Restricted mode**: this workspace is not trusted, so its `.claimlintrc` files and claim packs are ignored; only the embedded database is used.\n\n');
  md.appendMarkdown(`Checked in ${Math.round(s.elapsedMs)} ms. Click to open the Problems view.`);
  return md;
}
