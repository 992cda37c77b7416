// The "Claim Evidence" view (Explorer): every claim the active Markdown document was matched to,
// with its evidence grade and status; under each claim its sentences (click: reveal), findings and
// sources. Data from the server's `claimlint/documentEvidence` request.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  DocumentEvidenceRequest,
  type DocumentEvidenceResult,
  type EvidenceClaim,
  type EvidenceSource,
  type LspRange,
  type StatusParams,
} from '../../server/src/lsp/protocol.js';
import { isClaimlintDocument } from './client.js';

export const VIEW_ID = 'claimlintEvidence';
const CONTENT_MODIFIED = -32801;

type Node =
  | { kind: 'claim'; claim: EvidenceClaim; uri: vscode.Uri }
  | { kind: 'sentence'; claim: EvidenceClaim; range: LspRange; uri: vscode.Uri; index: number }
  | { kind: 'finding'; finding: EvidenceClaim['findings'][number]; uri: vscode.Uri }
  | { kind: 'source'; source: EvidenceSource };

const GRADE_LABEL: Record<string, string> = {
  established: 'established',
  supported: 'supported',
  preliminary: 'preliminary',
  'preclinical-only': 'preclinical only',
  contested: 'contested',
};

const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
const statusText = (c: EvidenceClaim) => (c.status === 'ok' ? 'ok' : c.status.join(', '));
const truncate = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s);

function revealCommand(uri: vscode.Uri, range: LspRange): vscode.Command {
  return { title: 'Reveal', command: 'vscode.open', arguments: [uri, { selection: toRange(range), preserveFocus: false } satisfies vscode.TextDocumentShowOptions] };
}

export class EvidenceView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private result: DocumentEvidenceResult | undefined;
  private document: vscode.TextDocument | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private pending: Promise<DocumentEvidenceResult | undefined> | undefined;

  constructor(private readonly client: () => LanguageClient | undefined, onStatus: vscode.Event<StatusParams>) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.changed,
      this.view.onDidChangeVisibility((e) => e.visible && void this.refresh()),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.view.visible && isClaimlintDocument(e?.document)) void this.refresh();
      }),
      // A new analysis of the shown document: its claims may have changed.
      onStatus((s) => {
        if (this.view.visible && s.version !== null && this.document && vscode.Uri.parse(s.uri).toString() === this.document.uri.toString()) {
          void this.refresh(this.document);
        }
      }),
    );
  }

  /** Re-queries the server for `doc` (default: the active Markdown document) and redraws. */
  refresh(doc?: vscode.TextDocument): Promise<DocumentEvidenceResult | undefined> {
    const target = doc ?? (isClaimlintDocument(vscode.window.activeTextEditor?.document) ? vscode.window.activeTextEditor.document : this.document);
    const run = (async () => {
      const client = this.client();
      if (!target || !client?.isRunning()) {
        this.setResult(undefined, target);
        this.view.message = target ? 'The claimlint server is not running.' : undefined;
        return undefined;
      }
      try {
        const params = { uri: client.code2ProtocolConverter.asUri(target.uri) };
        let result: DocumentEvidenceResult | undefined;
        // ContentModified: the document changed while the server was analysing it; ask again.
        for (let attempt = 0; !result; attempt++) {
          try {
            result = await client.sendRequest<DocumentEvidenceResult>(DocumentEvidenceRequest, params);
          } catch (e) {
            if (attempt >= 3 || (e as { code?: number }).code !== CONTENT_MODIFIED) throw e;
          }
        }
        this.setResult(result, target);
        return result;
      } catch (e) {
        this.setResult(undefined, target);
        this.view.message = `Could not get the evidence: ${e instanceof Error ? e.message : String(e)}`;
        return undefined;
      }
    })();
    this.pending = run;
    return run;
  }

  get current(): DocumentEvidenceResult | undefined {
    return this.result;
  }

  private setResult(result: DocumentEvidenceResult | undefined, doc: vscode.TextDocument | undefined) {
    this.result = result;
    this.document = doc;
    const name = doc ? vscode.workspace.asRelativePath(doc.uri, false) : '';
    if (result) {
      const n = result.claims.length;
      const flagged = result.claims.filter((c) => c.status !== 'ok').length;
      this.view.description = name;
      const none = n === 0 ? `No sentence of ${name} matches a claim in the database.` : undefined;
      this.view.message = [restrictedNote(), none].filter(Boolean).join(' ') || undefined;
      this.view.badge = flagged ? { value: flagged, tooltip: `${flagged} of ${n} claims have findings` } : undefined;
    } else {
      this.view.description = name || undefined;
      this.view.badge = undefined;
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const result = this.result;
    if (!result || !this.document) return [];
    const uri = this.document.uri;
    if (!node) return result.claims.map((claim) => ({ kind: 'claim', claim, uri }));
    if (node.kind !== 'claim') return [];
    const c = node.claim;
    return [
      ...c.ranges.map((range, index): Node => ({ kind: 'sentence', claim: c, range, uri, index })),
      ...c.findings.map((finding): Node => ({ kind: 'finding', finding, uri })),
      ...c.sources.map((source): Node => ({ kind: 'source', source })),
    ];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'claim': {
        const c = node.claim;
        // The grade leads (the side bar is narrow): "preliminary: A small randomized crossover trial…".
        const grade = GRADE_LABEL[c.grade] ?? c.grade;
        const label = `${grade}: ${truncate(c.statement, 90)}`;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `claim:${c.claimId}`;
        item.description = statusText(c);
        item.iconPath = c.status === 'ok'
          ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
          : c.findings.some((f) => f.severity === 1)
            ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
            : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.contextValue = c.status === 'ok' ? 'claim.ok' : 'claim.flagged';
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`**${escape(c.statement)}**\n\n`);
        md.appendMarkdown(`Evidence: **${GRADE_LABEL[c.grade] ?? c.grade}** — ${escape(c.rationale)}\n\n`);
        if (c.population) md.appendMarkdown(`Population: ${escape(c.population)}\n\n`);
        if (c.supportedWording) md.appendMarkdown(`Supported wording: *${escape(c.supportedWording)}*\n\n`);
        md.appendMarkdown(`Status: ${escape(statusText(c))} · claim \`${c.claimId}\``);
        item.tooltip = md;
        if (c.ranges[0]) item.command = revealCommand(node.uri, c.ranges[0]);
        return item;
      }
      case 'sentence': {
        const text = this.document?.getText(toRange(node.range)) ?? '';
        const item = new vscode.TreeItem(truncate(text.replace(/\s+/g, ' ').trim() || '(sentence)', 80));
        item.id = `claim:${node.claim.claimId}:sentence:${node.index}`;
        item.description = `line ${node.range.start.line + 1}`;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.command = revealCommand(node.uri, node.range);
        return item;
      }
      case 'finding': {
        const f = node.finding;
        const item = new vscode.TreeItem(`${f.code}: ${truncate(f.message, 80)}`);
        item.description = `line ${f.range.start.line + 1}`;
        item.iconPath = new vscode.ThemeIcon(f.severity === 1 ? 'error' : f.severity === 2 ? 'warning' : 'info');
        item.tooltip = f.message;
        item.command = revealCommand(node.uri, f.range);
        return item;
      }
      case 'source': {
        const s = node.source;
        const item = new vscode.TreeItem(s.short);
        item.description = s.doi ? `doi:${s.doi}` : s.url ?? s.id;
        item.iconPath = new vscode.ThemeIcon('book');
        item.tooltip = s.reference;
        const link = s.doi ? `https://doi.org/${s.doi}` : s.url;
        if (link) item.command = { title: 'Open source', command: 'vscode.open', arguments: [vscode.Uri.parse(link)] };
        return item;
      }
    }
  }

  /** Waits for the latest refresh (used by the showEvidence command). */
  settled(): Promise<DocumentEvidenceResult | undefined> {
    return this.pending ?? Promise.resolve(this.result);
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

/** What restricted mode leaves out, for the view's message (undefined in a trusted workspace). */
export function restrictedNote(): string | undefined {
  return vscode.workspace.isTrusted ? undefined : 'Restricted mode: only the embedded claims database is used; this workspace\'s .claimlintrc files and claim packs are ignored until you trust it.';
}

/** Markdown-escapes text from the database for tooltips. */
function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
