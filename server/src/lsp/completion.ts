// Citation-key completion after `[@` (pandoc, also `[see @a; @b`) and `[^` (footnotes).
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatReference, shortCitation } from '../db/bibliography.js';
import { footnoteDefinition } from '../engine/index.js';
import type { Database } from '../db/schema.js';
import type { AnalysedDocuments, ClientCaps } from './analysed.js';
import { referenceMd } from './cards.js';

// Pandoc citation key characters (internal punctuation allowed): see the pandoc manual, "Citation syntax".
const KEY_CHARS = String.raw`[\p{L}\p{N}_:.#$%&\-+?<>~/]`;
const PANDOC = new RegExp(String.raw`\[[^\]\[]*?(?:^|[\s\[;])-?@(${KEY_CHARS}*)$`, 'u');
const PANDOC_AT_BRACKET = new RegExp(String.raw`\[-?@(${KEY_CHARS}*)$`, 'u');
const FOOTNOTE = /\[\^([^\]\s]*)$/u;

export interface CompletionContextInfo {
  kind: 'pandoc' | 'footnote';
  /** Offset where the typed key prefix starts. */
  start: number;
  prefix: string;
}

/** What is being completed at `pos`, if a citation key. */
export function citationContext(doc: TextDocument, pos: Position): CompletionContextInfo | undefined {
  const lineStart = doc.offsetAt({ line: pos.line, character: 0 });
  const offset = doc.offsetAt(pos);
  const before = doc.getText().slice(lineStart, offset);
  let m = FOOTNOTE.exec(before);
  if (m) return { kind: 'footnote', start: offset - m[1].length, prefix: m[1] };
  m = PANDOC_AT_BRACKET.exec(before) ?? PANDOC.exec(before);
  if (m) return { kind: 'pandoc', start: offset - m[1].length, prefix: m[1] };
  return undefined;
}

export function citationCompletions(doc: TextDocument, pos: Position, db: Database, markdown: boolean): CompletionItem[] {
  const ctx = citationContext(doc, pos);
  if (!ctx) return [];
  const text = doc.getText();
  const offset = doc.offsetAt(pos);
  const range = { start: doc.positionAt(ctx.start), end: pos };
  const closes = text[offset] === ']';
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const items: CompletionItem[] = [];
  // After `[^` the cursor goes past the closing bracket (an auto-closed `]` is replaced), so the
  // "." typed next ends the sentence instead of landing inside the key.
  const footnoteRange = ctx.kind === 'footnote' && closes ? { start: range.start, end: doc.positionAt(offset + 1) } : range;
  for (const src of db.sources.values()) {
    const short = shortCitation(src);
    const docMd = referenceMd(src);
    const item: CompletionItem = {
      label: src.id,
      kind: CompletionItemKind.Reference,
      detail: short,
      documentation: markdown ? { kind: MarkupKind.Markdown, value: docMd } : formatReference(src) + (src.DOI ? ` https://doi.org/${src.DOI}` : src.URL ? ` ${src.URL}` : ''),
      filterText: src.id,
      sortText: src.id.toLowerCase(),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: footnoteRange, newText: ctx.kind === 'footnote' ? `${src.id}]` : src.id },
    };
    if (ctx.kind === 'footnote' && !new RegExp(String.raw`^\[\^${escapeRe(src.id)}\]:`, 'm').test(text)) {
      // A footnote citation needs its definition: add it at the end, as the insert-citation fix does.
      const definition = footnoteDefinition(src, nl);
      if (offset === text.length) {
        // Typing at the very end: one edit, so the definition cannot collide with the key.
        item.textEdit = { range, newText: `${src.id}]${nl}${nl}${definition}` };
      } else {
        const sep = text.endsWith(nl + nl) ? '' : text.endsWith(nl) ? nl : nl + nl;
        const end = doc.positionAt(text.length);
        item.additionalTextEdits = [{ range: { start: end, end }, newText: sep + definition }];
      }
    }
    items.push(item);
  }
  return items;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class CompletionProvider {
  constructor(private readonly docs: AnalysedDocuments, private readonly caps: ClientCaps) {}

  async provideCompletion(p: CompletionParams): Promise<CompletionItem[]> {
    const doc = this.docs.get(p.textDocument.uri);
    if (!doc) return [];
    // The database does not depend on the text: no need to wait for an analysis.
    const ctx = await this.docs.context(doc.uri);
    return citationCompletions(doc, p.position, ctx.db, this.caps.markdownCompletion);
  }
}
