// What the scheduler hands the feature providers: one document version's analysis with its
// position indexes, and the small interface through which providers reach documents.
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Database } from '../db/schema.js';
import type { AnalysisResult, Citation, ClaimMatch, Finding } from '../engine/index.js';
import { IntervalIndex } from './interval-index.js';
import type { DocContext } from './workspace.js';

/** What a finished analysis leaves for hover, definition, code actions and the evidence view. */
export interface Analysed {
  version: number;
  result: AnalysisResult;
  db: Database;
  ctx: DocContext;
  /** Matches and findings, for position lookups. */
  readonly spans: IntervalIndex<Span>;
  readonly citations: IntervalIndex<Citation>;
  ignored: boolean;
  /** Findings `.claimlint/ignored.yaml` hid (not in `result`). */
  hidden: number;
}
export type Span = { start: number; end: number } & ({ kind: 'match'; match: ClaimMatch } | { kind: 'finding'; finding: Finding });

/** One version's analysis. The position indexes are built on first use: most versions of a
 *  document being typed are never hovered, and indexing tens of thousands of spans per keystroke
 *  would be wasted work and garbage. */
export class AnalysedVersion implements Analysed {
  private _spans?: IntervalIndex<Span>;
  private _citations?: IntervalIndex<Citation>;
  readonly db: Database;
  readonly ignored: boolean;
  constructor(readonly version: number, readonly result: AnalysisResult, readonly ctx: DocContext, readonly hidden = 0) {
    this.db = ctx.db;
    this.ignored = ctx.ignored;
  }
  get spans(): IntervalIndex<Span> {
    return (this._spans ??= spanIndex(this.result));
  }
  get citations(): IntervalIndex<Citation> {
    return (this._citations ??= new IntervalIndex(this.result.citations));
  }
}

/** Matched sentences and findings by position (hover, definition, code actions). */
export function spanIndex(result: AnalysisResult): IntervalIndex<Span> {
  return new IntervalIndex<Span>([
    ...result.matches.map((m) => ({ start: m.start, end: m.end, kind: 'match' as const, match: m })),
    ...result.findings.map((f) => ({ start: f.start, end: f.end, kind: 'finding' as const, finding: f })),
  ]);
}

/** What the client declared it supports (set by initialize; providers read it per request). */
export interface ClientCaps {
  configuration: boolean;
  watchDynamic: boolean;
  configDynamic: boolean;
  markdownHover: boolean;
  markdownCompletion: boolean;
  documentChanges: boolean;
  /** SnippetTextEdit in workspace edits (LSP 3.18 workspace.workspaceEdit.snippetEditSupport). */
  snippetEdits: boolean;
  relatedInformation: boolean;
  codeDescription: boolean;
  workspaceFolders: boolean;
}

/** The open Markdown documents as feature providers see them. */
export interface AnalysedDocuments {
  /** The open Markdown document at `uri` (undefined for other documents). */
  get(uri: string): TextDocument | undefined;
  /** The URI under which a document is open, matching `uri` after normalisation. */
  find(uri: string): string | undefined;
  /** The analysis of the current text (waits for, or starts, the run). */
  analysed(uri: string, token?: CancellationToken): Promise<{ doc: TextDocument; a: Analysed }>;
  /** The analysis of the current text if it is already finished (never waits). */
  current(uri: string): Analysed | undefined;
  /** The document's configuration and database (its last analysis's), without waiting for an analysis. */
  context(uri: string): Promise<DocContext>;
}
