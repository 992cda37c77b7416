// Quick fixes from a finding's fix data, "did you mean" for a mistyped citation key, "disable for
// this line" (a snippet with the reason selected where the client supports it), "ignore this
// finding here", and Fix All (source.fixAll.claimlint, and a quickfix in the Ctrl+. menu).
// Every edit is against the exact document version its offsets were computed for; a diagnostic
// from another version gets no action (its offsets would land elsewhere).
import {
  CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import leven from 'leven';
import { applyFixes, REASON_PLACEHOLDER, type Fix, type Finding, type TextEdit } from '../engine/index.js';
import type { AnalysedDocuments, ClientCaps } from './analysed.js';
import type { FixData } from './protocol.js';
import { SOURCE } from './diagnostics.js';
import { shortTitle } from './fix-titles.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.claimlint`;
/** workspace/executeCommand: hide a finding through `.claimlint/ignored.yaml` (see service.ts). */
export const IGNORE_COMMAND = 'claimlint.ignoreFinding';

export interface EditOptions {
  /** The client accepts `documentChanges` (versioned edits). */
  documentChanges: boolean;
  /** …and snippet edits in them (LSP 3.18 `SnippetTextEdit`). */
  snippets?: boolean;
}

export function toLspEdits(doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return [...edits]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
}

export function workspaceEdit(doc: TextDocument, edits: readonly TextEdit[], opts: EditOptions): WorkspaceEdit {
  const lsp = toLspEdits(doc, edits);
  if (opts.documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: lsp }] };
  return { changes: { [doc.uri]: lsp } };
}

const validEdits = (doc: TextDocument, edits: readonly TextEdit[]) => {
  const n = doc.getText().length;
  return edits.length > 0 && edits.every((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= n && typeof e.newText === 'string');
};

/** The current analysis's finding that diagnostic `d` (at offsets start–end of the current text)
 *  shows, or undefined when no current finding matches it. */
export type FindingLookup = (d: Diagnostic, start: number, end: number) => Finding | undefined;

/** What the provider needs besides the document: the database's source keys (did you mean) and
 *  how to hide a finding (undefined: not offered, e.g. an untrusted workspace or an untitled file). */
export interface ActionContext {
  sourceKeys: () => Iterable<string>;
  ignore?: (f: Finding) => Command | undefined;
}

/** Escapes text for a snippet (`$`, `}` and `\` are syntax there). */
const snippetEscape = (s: string) => s.replace(/[$}\\]/g, (c) => '\\' + c);

/** `<!-- claimlint-disable-next-line CODE -- TODO reason -->` on its own line above the finding's
 *  first line; as a snippet the reason is a placeholder the editor selects. */
export function disableLineEdit(doc: TextDocument, code: string, offset: number, opts: EditOptions): WorkspaceEdit | undefined {
  const text = doc.getText();
  const line = doc.positionAt(offset).line;
  const lineStart = doc.offsetAt({ line, character: 0 });
  const nextLineStart = doc.offsetAt({ line: line + 1, character: 0 });
  const lineText = text.slice(lineStart, nextLineStart).replace(/\r?\n$/, '');
  // A comment line inside a table would end the table: offer nothing there.
  if (/^\s*\|/.test(lineText)) return undefined;
  // Keep blockquote markers and indentation so the comment stays inside the same container.
  const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(lineText)?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const head = `${prefix}<!-- claimlint-disable-next-line ${code} -- `;
  const tail = ` -->${eol}`;
  if (opts.snippets && opts.documentChanges) {
    const at = doc.positionAt(lineStart);
    return {
      documentChanges: [{
        textDocument: { uri: doc.uri, version: doc.version },
        edits: [{ range: { start: at, end: at }, snippet: { kind: 'snippet', value: `${snippetEscape(head)}\${1:${REASON_PLACEHOLDER}}${snippetEscape(tail)}` } }],
      }],
    } as WorkspaceEdit;
  }
  return workspaceEdit(doc, [{ start: lineStart, end: lineStart, newText: head + REASON_PLACEHOLDER + tail }], opts);
}

/** The database key nearest to a mistyped one (edit distance at most 2, and under a third of its length). */
export function nearestKey(key: string, keys: Iterable<string>): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(key.length / 3));
  for (const candidate of keys) {
    if (Math.abs(candidate.length - key.length) > bestDistance) continue;
    const d = leven(k, candidate.toLowerCase());
    if (d <= bestDistance && (d < bestDistance || !best)) { best = candidate; bestDistance = d; }
  }
  return best;
}

/** "Did you mean": the engine's rename fix when it has one, else the nearest database key. */
function didYouMean(doc: TextDocument, f: Finding, ctx: ActionContext): Fix | undefined {
  if (f.code !== 'unknown-citation') return undefined;
  const span = doc.getText().slice(f.start, f.end);
  const engine = f.fixes.find((x) => x.edits.length === 1 && x.edits[0]!.start >= f.start && x.edits[0]!.end <= f.end);
  if (engine) return { ...engine, title: `Change to ${engine.edits[0]!.newText}` };
  const key = /^\[?\^?@?([^\]\s;,]+)/.exec(span.replace(/^\[(?:[^@\]]*\s)?-?@/, '@'))?.[1];
  const near = key && nearestKey(key, ctx.sourceKeys());
  if (!key || !near) return undefined;
  const at = f.start + span.indexOf(key);
  return { kind: 'insert-citation', title: `Change to ${near}`, edits: [{ start: at, end: at + key.length, newText: near }], safe: false };
}

/** Code actions for the claimlint diagnostics the client sent back (context.diagnostics). */
export function quickFixes(doc: TextDocument, diagnostics: readonly Diagnostic[], opts: EditOptions, lookup: FindingLookup, ctx: ActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const last: CodeAction[] = [];
  const perLine = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'string') continue;
    const start = doc.offsetAt(d.range.start);
    // A diagnostic that no longer matches a finding of the current text (stale) gets no fix.
    const finding = lookup(d, start, doc.offsetAt(d.range.end));
    if (!finding) continue;
    const rename = didYouMean(doc, finding, ctx);
    const fixes: FixData[] = rename ? [rename, ...finding.fixes.filter((x) => !rename.edits.every((e) => x.edits.some((y) => y.start === e.start && y.newText === e.newText)))] : finding.fixes;
    let preferred = false;
    for (const fix of fixes) {
      if (fix.kind === 'disable-line' || !validEdits(doc, fix.edits)) continue;
      const a: CodeAction = { title: shortTitle(fix), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(doc, fix.edits, opts) };
      if ((fix.safe || fix === rename) && !preferred) { a.isPreferred = true; preferred = true; }
      actions.push(a);
    }
    const key = `${d.code}@${d.range.start.line}`;
    if (perLine.has(key)) continue;
    perLine.add(key);
    const ignore = ctx.ignore?.(finding);
    if (ignore) last.push({ title: 'Ignore this finding here', kind: CodeActionKind.QuickFix, diagnostics: [d], command: ignore });
    const edit = disableLineEdit(doc, d.code, start, opts);
    if (edit) last.push({ title: `Disable ${d.code} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit });
  }
  return [...actions, ...last];
}

/** Every safe fix of the findings (overlapping ones are left for a later pass), or undefined. */
function safeFixEdits(doc: TextDocument, findings: readonly Finding[]): { count: number; edits: TextEdit[] } | undefined {
  const fixes: Fix[] = findings.flatMap((f) => f.fixes.filter((x) => x.safe && x.kind !== 'disable-line'));
  if (fixes.length === 0) return undefined;
  const { applied } = applyFixes(doc.getText(), fixes);
  return applied.length ? { count: applied.length, edits: applied.flatMap((f) => f.edits) } : undefined;
}

export const fixAllTitle = (n: number) => `Fix all safe claimlint problems (${n})`;

/** One action applying every safe fix, as `kind` (source.fixAll.claimlint, or quickfix for the Ctrl+. menu). */
export function fixAllAction(doc: TextDocument, findings: readonly Finding[], opts: EditOptions, kind: string = FIX_ALL_KIND): CodeAction | undefined {
  const all = safeFixEdits(doc, findings);
  return all && { title: fixAllTitle(all.count), kind, edit: workspaceEdit(doc, all.edits, opts) };
}

/** Does the client's `only` filter ask for kind `kind`? (`only` lists prefixes, e.g. "source"). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export class CodeActionProvider {
  constructor(private readonly docs: AnalysedDocuments, private readonly caps: ClientCaps, private readonly ignore?: (doc: TextDocument, f: Finding) => Command | undefined) {}

  async provideCodeActions(p: CodeActionParams, token?: CancellationToken): Promise<CodeAction[]> {
    const doc = this.docs.get(p.textDocument.uri);
    if (!doc) return [];
    const opts: EditOptions = { documentChanges: this.caps.documentChanges, snippets: this.caps.snippetEdits };
    const only = p.context.only;
    const actions: CodeAction[] = [];
    const ours = p.context.diagnostics.filter((d) => d.source === SOURCE);
    if (wants(only, CodeActionKind.QuickFix)) {
      const current = this.docs.current(doc.uri);
      // Fixes stay on the server: a diagnostic's finding is looked up in the analysis of the
      // current version by code, range and message; a diagnostic that no longer matches gets none.
      const lookup: FindingLookup = (d, start, end) => {
        if (!current) return undefined;
        for (const h of current.spans.overlapping(start, end)) {
          if (h.kind === 'finding' && h.start === start && h.end === end && h.finding.code === d.code && h.finding.message === d.message) return h.finding;
        }
        return undefined;
      };
      const ctx: ActionContext = { sourceKeys: () => current?.db.sources.keys() ?? [], ignore: this.ignore && ((f) => this.ignore!(doc, f)) };
      const fixes = quickFixes(doc, ours, opts, lookup, ctx);
      actions.push(...fixes);
      // Fix All in the Ctrl+. menu too (VS Code lists source actions only under Source Action…),
      // next to the fixes of a current diagnostic.
      const fixAll = fixes.length > 0 && current ? fixAllAction(doc, current.result.findings, opts, CodeActionKind.QuickFix) : undefined;
      if (fixAll) { actions.push(fixAll); if (!only) return actions; } // once in an unfiltered list
    }
    // Fix-all: when asked for (source / source.fixAll / source.fixAll.claimlint) it waits for the
    // current version's analysis; in an unfiltered list (lightbulb) only when that is already known.
    if (only && only.length > 0 && wants(only, FIX_ALL_KIND)) {
      const { doc: cur, a } = await this.docs.analysed(doc.uri, token);
      const fixAll = fixAllAction(cur, a.result.findings, opts);
      if (fixAll) actions.push(fixAll);
    } else if (!only) {
      const current = this.docs.current(doc.uri);
      const fixAll = current && fixAllAction(doc, current.result.findings, opts);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }
}
