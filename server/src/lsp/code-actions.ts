// Quick fixes from a finding's fix data, "disable for this line", and source.fixAll.claimlint.
// Every action is a WorkspaceEdit against the exact document version its offsets were computed
// for; a diagnostic from another version gets no action (its offsets would land elsewhere).
import {
  CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes } from '../engine/apply-fixes.js';
import type { Fix, Finding, TextEdit } from '../engine/types.js';
import type { AnalysedDocuments, ClientCaps } from './analysed.js';
import type { DiagnosticData, FixData } from './protocol.js';
import { SOURCE } from './diagnostics.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.claimlint`;

export interface EditOptions {
  /** The client accepts `documentChanges` (versioned edits). */
  documentChanges: boolean;
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

/** The fixes of the current analysis's finding that diagnostic `d` (at offsets start–end of the
 *  current text) shows, or undefined when no current finding matches it. */
export type FixLookup = (d: Diagnostic, start: number, end: number) => readonly FixData[] | undefined;

/** `<!-- claimlint-disable-next-line CODE -- TODO reason -->` on its own line above the finding's first line. */
export function disableLineEdit(doc: TextDocument, code: string, offset: number): TextEdit | undefined {
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
  return { start: lineStart, end: lineStart, newText: `${prefix}<!-- claimlint-disable-next-line ${code} -- TODO reason -->${eol}` };
}

/** Code actions for the claimlint diagnostics the client sent back (context.diagnostics). */
export function quickFixes(doc: TextDocument, diagnostics: readonly Diagnostic[], opts: EditOptions, lookup: FixLookup): CodeAction[] {
  const actions: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const disabledLines = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'string') continue;
    const start = doc.offsetAt(d.range.start);
    // A diagnostic that no longer matches a finding of the current text (stale) gets no fix.
    const fixes = lookup(d, start, doc.offsetAt(d.range.end));
    if (!fixes) continue;
    let preferred = false;
    for (const fix of fixes) {
      if (fix.kind === 'disable-line' || !validEdits(doc, fix.edits)) continue;
      const a: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: workspaceEdit(doc, fix.edits, opts),
      };
      if (fix.safe && !preferred) { a.isPreferred = true; preferred = true; }
      actions.push(a);
    }
    const key = `${d.code}@${d.range.start.line}`;
    if (disabledLines.has(key)) continue;
    disabledLines.add(key);
    const engineDisable = fixes.find((f) => f.kind === 'disable-line' && validEdits(doc, f.edits));
    const edit = engineDisable ? undefined : disableLineEdit(doc, d.code, start);
    if (engineDisable || edit) {
      disables.push({
        title: engineDisable?.title ?? `Disable ${d.code} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: workspaceEdit(doc, engineDisable ? engineDisable.edits : [edit!], opts),
      });
    }
  }
  return [...actions, ...disables];
}

/** One action applying every safe fix of the findings (overlapping ones are left for a later pass). */
export function fixAllAction(doc: TextDocument, findings: readonly Finding[], opts: EditOptions): CodeAction | undefined {
  const fixes: Fix[] = findings.flatMap((f) => f.fixes.filter((x) => x.safe && x.kind !== 'disable-line'));
  if (fixes.length === 0) return undefined;
  const { applied } = applyFixes(doc.getText(), fixes);
  if (applied.length === 0) return undefined;
  return {
    title: `Fix all safe claimlint problems (${applied.length})`,
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(doc, applied.flatMap((f) => f.edits), opts),
  };
}

/** Does the client's `only` filter ask for kind `kind`? (`only` lists prefixes, e.g. "source"). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export class CodeActionProvider {
  constructor(private readonly docs: AnalysedDocuments, private readonly caps: ClientCaps) {}

  async provideCodeActions(p: CodeActionParams, token?: CancellationToken): Promise<CodeAction[]> {
    const doc = this.docs.get(p.textDocument.uri);
    if (!doc) return [];
    const opts: EditOptions = { documentChanges: this.caps.documentChanges };
    const only = p.context.only;
    const actions: CodeAction[] = [];
    if (wants(only, CodeActionKind.QuickFix)) {
      const current = this.docs.current(doc.uri);
      // Fixes stay on the server: a diagnostic's finding is looked up in the analysis of the
      // current version by code, range and message; a diagnostic that no longer matches gets none.
      const lookup: FixLookup = (d, start, end) => {
        if (!current) return undefined;
        for (const h of current.spans.overlapping(start, end)) {
          if (h.kind === 'finding' && h.start === start && h.end === end && h.finding.code === d.code && h.finding.message === d.message) return h.finding.fixes;
        }
        return undefined;
      };
      actions.push(...quickFixes(doc, p.context.diagnostics.filter((d) => d.source === SOURCE), opts, lookup));
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
