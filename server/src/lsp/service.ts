// The claimlint language server: wires LSP requests to the engine. Per document: a debounce
// timer, at most one analysis in flight (cancelled by the next change), the last result with an
// interval index for hover/definition/code actions, and diagnostics published with the version.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  MarkupKind, MessageType, ShowMessageNotification, TextDocumentSyncKind, TextDocuments,
  type CodeAction, type CodeActionParams, type CompletionParams, type Connection, type DefinitionParams,
  type Diagnostic, type Hover, type HoverParams, type InitializeParams, type InitializeResult, type Location,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCS_URL } from '../engine/rules/index.js';
import type { Database } from '../db/schema.js';
import { analyze, createAnalysisCache } from '../engine/engine.js';
import { CancelledError, type AnalysisResult, type Citation, type ClaimMatch, type Finding } from '../engine/types.js';
import { citationMd, citedSource, claimMd, findingMd, mdToPlain } from './cards.js';
import { FIX_ALL_KIND, fixAllAction, quickFixes, wants, type EditOptions, type FixLookup } from './code-actions.js';
import { citationCompletions } from './completion.js';
import { DiagnosticCache, SOURCE, toLspSeverity } from './diagnostics.js';
import { documentEvidence, exportBibliography } from './evidence.js';
import { contentModified, guardNotification, guardRequest, invalidParams, type Logger } from './guard.js';
import { IntervalIndex } from './interval-index.js';
import { normalizeUri, originLocation, pathToUri, uriToPath } from './locations.js';
import { MemoryKeeper } from './memory.js';
import {
  DocumentEvidenceRequest, ExportBibliographyRequest, ReloadRequest, StatusNotification,
  type ClaimlintInitializationOptions, type DocumentEvidenceParams, type ExportBibliographyParams, type StatusParams,
} from './protocol.js';
import { DEFAULT_SETTINGS, readSettings, type EditorSettings } from './settings.js';
import { Workspace, type DocContext } from './workspace.js';

type AnalysisCache = ReturnType<typeof createAnalysisCache>;

/** First time slice of an analysis; each further slice doubles, so a run always finishes. */
const SLICE_MS = 40;
/** Until a first run is measured: the engine's cold speed, roughly (10 ms per KB). */
const DEFAULT_COLD_MS_PER_CHAR = 0.01;
/** A few sentences that exercise the rules: analysed once at start-up to load and compile the database. */
const WARM_UP_TEXT = '# Ketamine\n\nScientists have proven that ketamine works through the opioid system. Patients may take lorazepam before each infusion. A single infusion of 5 mg/kg helps within 24 hours [@williams2018].\n';
const MARKDOWN_EXT = /\.(md|markdown|mdown|mkd|mkdn)$/i;

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
}
type Span = { start: number; end: number } & ({ kind: 'match'; match: ClaimMatch } | { kind: 'finding'; finding: Finding });

/** One version's analysis. The position indexes are built on first use: most versions of a
 *  document being typed are never hovered, and indexing tens of thousands of spans per keystroke
 *  would be wasted work and garbage. */
class AnalysedVersion implements Analysed {
  private _spans?: IntervalIndex<Span>;
  private _citations?: IntervalIndex<Citation>;
  readonly db: Database;
  readonly ignored: boolean;
  constructor(readonly version: number, readonly result: AnalysisResult, readonly ctx: DocContext) {
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

/** A run scheduled after the debounce, or (debounce 0) as soon as the current input is handled:
 *  setImmediate rather than a 0 ms timeout, which waits for the next timer tick (about 1 ms). */
type Pending = { kind: 'timeout'; handle: NodeJS.Timeout } | { kind: 'immediate'; handle: NodeJS.Immediate };
function cancelPending(p: Pending): void {
  if (p.kind === 'timeout') clearTimeout(p.handle);
  else clearImmediate(p.handle);
}

/** The engine and the hover path run once on a short sample at start-up: the first hover in a
 *  large draft took 10-17 ms (card code running for the first time), then ~0.3. */
function warmUp(db: Database): void {
  const result = analyze(WARM_UP_TEXT, db, undefined, {});
  const spans = spanIndex(result);
  for (const h of spans.at(result.findings[0]?.start ?? 0)) {
    if (h.kind === 'finding') findingMd(h.finding);
    else { const claim = db.claims.get(h.match.claimId); if (claim) mdToPlain(claimMd(db, claim)); }
  }
  for (const c of result.citations) citationMd(db, c.key, citedSource(db, c) ?? undefined);
}

/** Matched sentences and findings by position (hover, definition, code actions). */
function spanIndex(result: AnalysisResult): IntervalIndex<Span> {
  return new IntervalIndex<Span>([
    ...result.matches.map((m) => ({ start: m.start, end: m.end, kind: 'match' as const, match: m })),
    ...result.findings.map((f) => ({ start: f.start, end: f.end, kind: 'finding' as const, finding: f })),
  ]);
}

/** Documents from this size on rehearse a keystroke after their first analysis. */
const REHEARSAL_MIN_LENGTH = 256 * 1024;

/**
 * After the first (cold) analysis of a large document: one keystroke in the middle of it and its
 * undo, through the engine with the document's cache. The incremental path then runs compiled
 * code when the writer starts typing: in a 1 MB draft the first keystrokes took 20-35 ms of
 * analysis each instead of ~6 while V8 compiled it. Costs about two of those keystrokes, before
 * the first diagnostics are published; afterwards the cache is as the first analysis left it (the
 * undo finds every unit cached, and findings moved by the keystroke are moved back).
 */
function rehearseTyping(text: string, ctx: DocContext, cache: AnalysisCache): void {
  const at = text.indexOf(' ', text.length >> 1);
  if (at < 0) return;
  analyze(text.slice(0, at) + '  ' + text.slice(at + 1), ctx.db, ctx.engine, { cache });
  analyze(text, ctx.db, ctx.engine, { cache });
}

class Run {
  cancelled = false;
  constructor(readonly version: number) {}
}

interface Waiter { version: number; resolve: (a: Analysed) => void; reject: (e: unknown) => void }

interface DocState {
  uri: string;
  /** A scheduled (debounced) run. */
  timer?: Pending;
  run?: Run;
  /** Start another run when the current one ends. */
  again: boolean;
  /** The next finished run publishes (false in onSave mode between saves). */
  publish: boolean;
  cache?: AnalysisCache;
  cacheKey?: string;
  last?: Analysed;
  lastPublished: number;
  waiters: Waiter[];
  settings?: EditorSettings;
  settingsPromise?: Promise<EditorSettings>;
  /** Duration of the last complete engine run (one slice), for the next first budget. */
  lastRunMs?: number;
  /** Diagnostics of the last published findings, reused for findings an edit did not touch. */
  diagnostics?: DiagnosticCache;
}

export class ClaimlintServer {
  readonly documents = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocState>();
  private workspace!: Workspace;
  private folders: string[] = [];
  private caps = {
    configuration: false, watchDynamic: false, configDynamic: false, markdownHover: true, markdownCompletion: true,
    documentChanges: false, relatedInformation: false, codeDescription: false, workspaceFolders: false,
  };
  private readonly memory = new MemoryKeeper();
  /** Settings from initializationOptions, then from didChangeConfiguration pushes. */
  private baseSettings: EditorSettings = DEFAULT_SETTINGS;
  /** Files we published problems for (pack/config files), to clear them when fixed. */
  private problemUris = new Set<string>();
  private readonly shownErrors = new Set<string>();
  /** Engine speed on a document's first (cold-cache) run, for the first budget of the next one. */
  private coldMsPerChar?: number;
  /** Bumped by didChangeConfiguration: settings fetched before it are not cached. */
  private settingsGeneration = 0;
  private readonly log: Logger;

  constructor(private readonly connection: Connection) {
    this.log = {
      error: (m) => connection.console.error(m),
      warn: (m) => connection.console.warn(m),
      info: (m) => connection.console.info(m),
    };
  }

  listen(): void {
    const c = this.connection;
    const log = this.log;
    c.onInitialize((p) => this.initialize(p)); // jsonrpc answers a throw with an error response
    c.onInitialized(guardNotification('initialized', log, () => this.initialized()));
    c.onShutdown(() => this.shutdown());
    c.onDidChangeConfiguration(guardNotification('didChangeConfiguration', log, (p) => this.configurationChanged(p.settings)));
    c.onDidChangeWatchedFiles(guardNotification('didChangeWatchedFiles', log, (p) => this.filesChanged(p.changes.map((x) => ({ uri: x.uri, type: x.type })))));
    c.onHover(guardRequest('hover', log, (p: HoverParams) => this.hover(p)));
    c.onCodeAction(guardRequest('codeAction', log, (p: CodeActionParams) => this.codeActions(p)));
    c.onCompletion(guardRequest('completion', log, (p: CompletionParams) => this.completion(p)));
    c.onDefinition(guardRequest('definition', log, (p: DefinitionParams) => this.definition(p)));
    c.onRequest(DocumentEvidenceRequest, guardRequest(DocumentEvidenceRequest, log, (p: DocumentEvidenceParams) => this.evidence(p)));
    c.onRequest(ExportBibliographyRequest, guardRequest(ExportBibliographyRequest, log, (p: ExportBibliographyParams) => this.bibliography(p)));
    c.onRequest(ReloadRequest, guardRequest(ReloadRequest, log, () => this.reload()));

    this.documents.onDidChangeContent(guardNotification('didChange', log, (e) => this.changed(e.document)));
    this.documents.onDidClose(guardNotification('didClose', log, (e) => this.closed(e.document)));
    this.documents.onDidSave(guardNotification('didSave', log, (e) => this.saved(e.document)));
    this.documents.listen(c);
    c.listen();
  }

  // ---------------------------------------------------------------- lifecycle

  private initialize(params: InitializeParams): InitializeResult {
    const cap = params.capabilities;
    const hoverFormats = cap.textDocument?.hover?.contentFormat;
    const docFormats = cap.textDocument?.completion?.completionItem?.documentationFormat;
    this.caps = {
      configuration: !!cap.workspace?.configuration,
      watchDynamic: !!cap.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      configDynamic: !!cap.workspace?.didChangeConfiguration?.dynamicRegistration,
      markdownHover: !hoverFormats || hoverFormats.includes(MarkupKind.Markdown),
      markdownCompletion: !docFormats || docFormats.includes(MarkupKind.Markdown),
      documentChanges: !!cap.workspace?.workspaceEdit?.documentChanges,
      relatedInformation: !!cap.textDocument?.publishDiagnostics?.relatedInformation,
      codeDescription: !!cap.textDocument?.publishDiagnostics?.codeDescriptionSupport,
      workspaceFolders: !!cap.workspace?.workspaceFolders,
    };
    const init = (params.initializationOptions ?? {}) as ClaimlintInitializationOptions;
    let base = readSettings(init).settings;
    base = readSettings(init.settings?.claimlint, base).settings;
    this.baseSettings = base;
    const trusted = init.trusted !== false;

    this.folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (this.folders.length === 0) {
      const root = params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined;
      if (root) this.folders.push(root);
    }
    this.workspace = new Workspace({ trusted, log: this.log, folders: () => this.folders });
    if (!trusted) this.log.info('claimlint: untrusted workspace — using only the embedded claims database; workspace config and packs are ignored.');

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: ['@', '^'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'claimlint', version: '0.1.0' },
    };
  }

  private async initialized(): Promise<void> {
    if (this.caps.workspaceFolders) {
      // Only valid after initialize, and only when the client supports it (the getter throws otherwise).
      this.connection.workspace.onDidChangeWorkspaceFolders(guardNotification('didChangeWorkspaceFolders', this.log, async (e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        this.folders = this.folders.filter((f) => !removed.has(f));
        for (const f of e.added) { const p = uriToPath(f.uri); if (p) this.folders.push(p); }
        await this.reload();
      }));
    }
    // Load and compile the embedded database and warm the engine and the hover cards before the
    // first document arrives.
    setImmediate(() => {
      try { warmUp(this.workspace.embedded()); } catch (e) { this.analysisFailed(undefined, e); }
    });
    if (this.caps.watchDynamic && this.workspace.trusted) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/.claimlintrc*' },
          { globPattern: '**/package.json' },
          { globPattern: '**/*.{yaml,yml,json}' },
        ],
      });
    }
    if (this.caps.configDynamic) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'claimlint' });
    }
  }

  /** Whether the client asked the server to shut down (the exit code when its input closes). */
  shutdownRequested = false;

  private shutdown(): void {
    this.shutdownRequested = true;
    for (const st of this.states.values()) {
      if (st.timer) cancelPending(st.timer);
      if (st.run) st.run.cancelled = true;
    }
  }

  // ---------------------------------------------------------------- documents

  private isMarkdown(doc: TextDocument): boolean {
    return doc.languageId === 'markdown' || MARKDOWN_EXT.test(doc.uri);
  }

  private changed(doc: TextDocument): void {
    if (!this.isMarkdown(doc)) return;
    let st = this.states.get(doc.uri);
    if (!st) {
      // didOpen: check at once.
      st = { uri: doc.uri, again: false, publish: true, lastPublished: -Infinity, waiters: [] };
      this.states.set(doc.uri, st);
      this.kick(st);
      return;
    }
    if (st.run) st.run.cancelled = true; // the in-flight analysis is for an older version
    const settings = st.settings ?? this.baseSettings;
    if (settings.run === 'onType' || st.publish) {
      st.publish = true;
      this.schedule(st, settings.debounceMs);
    }
  }

  private saved(doc: TextDocument): void {
    const path = uriToPath(doc.uri);
    if (path && this.workspace.trusted && this.workspace.isRelevant(path)) {
      void this.reload();
      return;
    }
    const st = this.states.get(doc.uri);
    if (!st) return;
    if ((st.settings ?? this.baseSettings).run === 'onSave') {
      st.publish = true;
      this.schedule(st, 0);
    }
  }

  private closed(doc: TextDocument): void {
    const st = this.states.get(doc.uri);
    if (!st) return;
    if (st.timer) cancelPending(st.timer);
    if (st.run) st.run.cancelled = true;
    for (const w of st.waiters) w.reject(contentModified());
    st.waiters = [];
    this.states.delete(doc.uri);
    void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    void this.connection.sendNotification(StatusNotification, {
      uri: doc.uri, version: null, sentences: 0, claimsChecked: 0, distinctClaims: 0, findings: 0, errors: 0, warnings: 0, infos: 0, hints: 0, elapsedMs: 0,
    } satisfies StatusParams);
  }

  private schedule(st: DocState, delay: number): void {
    if (st.timer) cancelPending(st.timer);
    const fire = () => { st.timer = undefined; this.kick(st); };
    st.timer = delay > 0 ? { kind: 'timeout', handle: setTimeout(fire, delay) } : { kind: 'immediate', handle: setImmediate(fire) };
  }

  /** Start an analysis now, or right after the one in flight. */
  private kick(st: DocState): void {
    if (st.timer) { cancelPending(st.timer); st.timer = undefined; }
    if (st.run) { st.again = true; return; }
    void this.execute(st);
  }

  /** Log, and tell the user once per distinct problem: a linter that silently shows nothing is worse than an error. */
  private analysisFailed(st: DocState | undefined, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.log.error(`claimlint: checking ${st?.uri ?? 'the warm-up sample'} failed: ${e instanceof Error ? e.stack : message}`);
    if (!this.shownErrors.has(message)) {
      this.shownErrors.add(message);
      // A notification (window/showMessage), not showErrorMessage's request: some clients block on a request.
      void this.connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Error,
        message: `claimlint could not check documents: ${message.split('\n')[0]} (see the claimlint log)`,
      });
    }
    if (!st) return;
    for (const w of st.waiters) w.reject(e);
    st.waiters = [];
  }

  private async settingsFor(st: DocState): Promise<EditorSettings> {
    if (st.settings) return st.settings;
    if (st.settingsPromise) return st.settingsPromise;
    const generation = this.settingsGeneration;
    st.settingsPromise = (async () => {
      let s = this.baseSettings;
      if (this.caps.configuration) {
        try {
          const raw = await this.connection.workspace.getConfiguration({ scopeUri: st.uri, section: 'claimlint' });
          const r = readSettings(raw, s);
          r.warnings.forEach((w) => this.log.warn(w));
          s = r.settings;
        } catch (e) {
          this.log.warn(`claimlint: workspace/configuration failed (${e instanceof Error ? e.message : String(e)}); using defaults`);
        }
      }
      // A configuration change while this request was out makes it stale: keep it out of the cache.
      if (generation === this.settingsGeneration) st.settings = s;
      return s;
    })();
    return st.settingsPromise;
  }

  private async contextFor(st: DocState): Promise<DocContext> {
    const settings = await this.settingsFor(st);
    return this.workspace.contextFor(uriToPath(st.uri), settings);
  }

  private async execute(st: DocState): Promise<void> {
    const run = new Run(this.documents.get(st.uri)?.version ?? -1);
    st.run = run;
    st.again = false;
    const started = performance.now();
    try {
      const ctx = await this.contextFor(st);
      const doc = this.documents.get(st.uri);
      if (!doc || run.cancelled || this.states.get(st.uri) !== st) return;
      const version = doc.version;
      const text = doc.getText();
      const cold = st.cacheKey !== ctx.key;
      if (cold) { st.cache = createAnalysisCache(); st.cacheKey = ctx.key; st.lastRunMs = undefined; }
      const result = ctx.ignored ? emptyResult() : await this.analyzeSliced(st, text, ctx, st.cache!, run, cold);
      if (!result) return; // cancelled by a newer change
      if (cold && !ctx.ignored && text.length >= REHEARSAL_MIN_LENGTH) rehearseTyping(text, ctx, st.cache!);
      const now = this.documents.get(st.uri);
      if (!now || now.version !== version || this.states.get(st.uri) !== st) return; // stale: drop
      const analysed = this.index(version, result, ctx);
      st.last = analysed;
      this.settle(st, analysed);
      if (st.publish) {
        st.publish = (st.settings ?? this.baseSettings).run === 'onType';
        this.publish(st, now, analysed, performance.now() - started);
      }
    } catch (e) {
      this.analysisFailed(st, e); // rejects the waiters, so the finally below does not loop
    } finally {
      st.run = undefined;
      // Again if asked, or if a request still waits and no debounced run will come (onSave mode).
      if (this.states.get(st.uri) === st && (st.again || (st.waiters.length > 0 && !st.timer))) this.kick(st);
    }
  }

  /**
   * Runs the synchronous engine in time slices so that the event loop keeps turning: the token
   * fires after a budget, control returns to the event loop (a didChange can arrive and cancel the
   * run), and the next slice starts again with the per-chunk cache. The first budget comes from
   * this document's last run (so a routine edit completes in one slice) or, for a first run, from
   * the last cold run's speed; cut-off budgets grow fourfold, so a run always finishes and at most
   * about a third of the work is repeated.
   */
  private async analyzeSliced(st: DocState, text: string, ctx: DocContext, cache: AnalysisCache, run: Run, cold: boolean): Promise<AnalysisResult | undefined> {
    const estimate = st.lastRunMs ?? (this.coldMsPerChar ?? DEFAULT_COLD_MS_PER_CHAR) * text.length;
    let budget = Math.max(SLICE_MS, 3 * estimate);
    for (;;) {
      const t0 = performance.now();
      const deadline = t0 + budget;
      let fired = false;
      // The engine asks once per unit (thousands of times per run): the clock is read every 16th time.
      let asked = 0;
      const token = { get isCancellationRequested() { return (fired ||= run.cancelled || ((++asked & 15) === 0 && performance.now() > deadline)); } };
      try {
        const result = analyze(text, ctx.db, ctx.engine, { token, cache });
        // The engine may stop early (rather than throw) when it sees the token late in a run: a
        // result produced after the engine saw cancellation may be partial, so it is never used.
        if (!fired) {
          const ms = performance.now() - t0;
          st.lastRunMs = ms;
          if (cold && text.length > 0) this.coldMsPerChar = ms / text.length;
          return result;
        }
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
      }
      await new Promise<void>((r) => setImmediate(r));
      if (run.cancelled) return undefined;
      budget *= 4;
    }
  }

  private index(version: number, result: AnalysisResult, ctx: DocContext): Analysed {
    return new AnalysedVersion(version, result, ctx);
  }

  private settle(st: DocState, a: Analysed): void {
    const keep: Waiter[] = [];
    for (const w of st.waiters) {
      if (w.version === a.version) w.resolve(a);
      else if (w.version < a.version) w.reject(contentModified());
      else keep.push(w);
    }
    st.waiters = keep;
  }

  private publish(st: DocState, doc: TextDocument, a: Analysed, elapsedMs: number): void {
    if (a.version < st.lastPublished) return; // never go backwards
    st.lastPublished = a.version;
    if (st.diagnostics?.db !== a.db) {
      st.diagnostics = new DiagnosticCache(a.db, {
        // Links only for clients that show them (3.16's codeDescriptionSupport): each one is ~90 bytes
        // of every publish, which carries every diagnostic of the document.
        codeHref: this.caps.codeDescription ? (code: string) => `${DOCS_URL}#${code}` : () => undefined,
        relatedInformation: this.caps.relatedInformation,
      });
    }
    const diagnostics: Diagnostic[] = st.diagnostics.convert(doc, a.result.findings);
    void this.connection.sendDiagnostics({ uri: doc.uri, version: a.version, diagnostics });
    // The version's text, its flattened copy and the published JSON with its buffer: mostly large
    // objects that only a full collection frees (about 300 bytes of JSON per diagnostic).
    this.memory.spent(4 * doc.getText().length + 600 * diagnostics.length);
    const count = (s: number) => diagnostics.filter((d) => d.severity === s).length;
    const status: StatusParams = {
      uri: doc.uri,
      version: a.version,
      sentences: a.result.sentences,
      claimsChecked: a.result.matches.length,
      distinctClaims: new Set(a.result.matches.map((m) => m.claimId)).size,
      findings: diagnostics.length,
      errors: count(toLspSeverity('error')),
      warnings: count(toLspSeverity('warning')),
      infos: count(toLspSeverity('information')),
      hints: count(toLspSeverity('hint')),
      elapsedMs: Math.round(elapsedMs * 10) / 10,
    };
    void this.connection.sendNotification(StatusNotification, status);
  }

  /** The analysis of the document's current version (waits for, or starts, the run). */
  async analysed(uri: string): Promise<{ doc: TextDocument; a: Analysed }> {
    const doc = this.documents.get(uri);
    const st = this.states.get(uri);
    if (!doc || !st) throw invalidParams(`claimlint: document not open (or not Markdown): ${uri}`);
    if (st.last?.version === doc.version) return { doc, a: st.last };
    const a = await new Promise<Analysed>((resolve, reject) => {
      st.waiters.push({ version: doc.version, resolve, reject });
      if (!st.run || st.run.cancelled) this.kick(st); // skip the debounce: someone is waiting
    });
    return { doc, a };
  }

  // ---------------------------------------------------------------- configuration and reloads

  private async configurationChanged(settings: unknown): Promise<void> {
    const pushed = (settings as { claimlint?: unknown } | null)?.claimlint;
    if (pushed !== undefined && !this.caps.configuration) {
      const r = readSettings(pushed, this.baseSettings);
      r.warnings.forEach((w) => this.log.warn(w));
      this.baseSettings = r.settings;
    }
    this.settingsGeneration++;
    for (const st of this.states.values()) { st.settings = undefined; st.settingsPromise = undefined; }
    await this.recheckAll();
  }

  private async filesChanged(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    if (!this.workspace.trusted) return;
    const relevant = changes.some((c) => {
      const p = uriToPath(c.uri);
      return p !== undefined && this.workspace.isRelevant(p);
    });
    if (relevant) await this.reload();
  }

  /** Reload configs and packs, publish their problems, and re-check every open document. */
  async reload(): Promise<{ documents: number; problems: number }> {
    this.workspace.invalidate();
    const n = await this.recheckAll();
    let problems = 0;
    for (const ps of this.workspace.problems().values()) problems += ps.length;
    return { documents: n, problems };
  }

  private async recheckAll(): Promise<number> {
    const states = [...this.states.values()];
    // Resolve every document's context first so that every pack set in use is (re)loaded
    // before problems are published.
    for (const st of states) {
      try { await this.contextFor(st); } catch (e) { this.log.error(`claimlint: config for ${st.uri}: ${e instanceof Error ? e.message : String(e)}`); }
    }
    this.publishProblems();
    for (const st of states) {
      if (this.states.get(st.uri) !== st) continue;
      if (st.run) st.run.cancelled = true;
      st.publish = true;
      this.kick(st);
    }
    return states.length;
  }

  private publishProblems(): void {
    const now = new Set<string>();
    for (const [file, problems] of this.workspace.problems()) {
      const uri = pathToUri(file);
      now.add(uri);
      const diagnostics: Diagnostic[] = problems.map((p) => {
        const pos = { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
        return {
          range: { start: pos, end: { line: pos.line, character: pos.character + 1 } },
          severity: toLspSeverity(p.severity),
          source: SOURCE,
          code: p.kind === 'pack' ? 'invalid-pack' : 'invalid-config',
          message: p.message,
        };
      });
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of this.problemUris) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.problemUris = now;
  }

  // ---------------------------------------------------------------- features

  private async hover(p: HoverParams): Promise<Hover | null> {
    if (!this.documents.get(p.textDocument.uri) || !this.states.has(p.textDocument.uri)) return null;
    const { doc, a } = await this.analysed(p.textDocument.uri);
    const offset = doc.offsetAt(p.position);
    const parts: string[] = [];
    let range: { start: number; end: number } | undefined;

    // A citation (the innermost one) shows its reference; a footnote label or an ordinary link
    // that cites no known source falls through to the sentence.
    const cite = a.citations.at(offset).map((c) => ({ c, src: citedSource(a.db, c) })).filter((x) => x.src !== null).pop();
    if (cite) {
      parts.push(citationMd(a.db, cite.c.key, cite.src ?? undefined));
      range = cite.c;
    } else {
      const hits = a.spans.at(offset);
      const matches = hits.filter((h): h is Span & { kind: 'match' } => h.kind === 'match');
      const findings = new Set<Finding>();
      for (const h of hits) if (h.kind === 'finding') findings.add(h.finding);
      // Hovering anywhere on a matched sentence also shows the findings inside it.
      for (const m of matches) for (const h of a.spans.overlapping(m.start, m.end)) if (h.kind === 'finding' && h.start >= m.start && h.end <= m.end) findings.add(h.finding);
      // The evidence card first: VS Code already shows the diagnostic's message above a hover, and
      // editors that do not still get the findings below the card.
      const claimIds = [...new Set([...[...findings].map((f) => f.claimId).filter((x): x is string => !!x), ...matches.map((m) => m.match.claimId)])];
      for (const id of claimIds) {
        const claim = a.db.claims.get(id);
        if (claim) parts.push(claimMd(a.db, claim));
      }
      for (const f of findings) parts.push(findingMd(f));
      const first = matches[0] ?? hits[0];
      if (first) range = first;
    }
    if (parts.length === 0) return null;
    const md = parts.join('\n\n---\n\n');
    return {
      contents: this.caps.markdownHover ? { kind: MarkupKind.Markdown, value: md } : { kind: MarkupKind.PlainText, value: mdToPlain(md) },
      range: range ? { start: doc.positionAt(range.start), end: doc.positionAt(range.end) } : undefined,
    };
  }

  private async codeActions(p: CodeActionParams): Promise<CodeAction[]> {
    const doc = this.documents.get(p.textDocument.uri);
    if (!doc || !this.states.has(doc.uri)) return [];
    const opts: EditOptions = { documentChanges: this.caps.documentChanges };
    const only = p.context.only;
    const actions: CodeAction[] = [];
    if (wants(only, CodeActionKind.QuickFix)) {
      const last = this.states.get(doc.uri)!.last;
      // Fixes stay on the server: a diagnostic's finding is looked up in the analysis of the
      // current version by code, range and message; a diagnostic that no longer matches gets none.
      const lookup: FixLookup = (d, start, end) => {
        if (last?.version !== doc.version) return undefined;
        for (const h of last.spans.overlapping(start, end)) {
          if (h.kind === 'finding' && h.start === start && h.end === end && h.finding.code === d.code && h.finding.message === d.message) return h.finding.fixes;
        }
        return undefined;
      };
      actions.push(...quickFixes(doc, p.context.diagnostics.filter((d) => d.source === SOURCE), opts, lookup));
    }
    // Fix-all: when asked for (source / source.fixAll / source.fixAll.claimlint) it waits for the
    // current version's analysis; in an unfiltered list (lightbulb) only when that is already known.
    const st = this.states.get(doc.uri)!;
    if (only && only.length > 0 && wants(only, FIX_ALL_KIND)) {
      const { doc: cur, a } = await this.analysed(doc.uri);
      const fixAll = fixAllAction(cur, a.result.findings, opts);
      if (fixAll) actions.push(fixAll);
    } else if (!only && st.last?.version === doc.version) {
      const fixAll = fixAllAction(doc, st.last.result.findings, opts);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  private async completion(p: CompletionParams) {
    const doc = this.documents.get(p.textDocument.uri);
    if (!doc || !this.states.has(doc.uri)) return [];
    const st = this.states.get(doc.uri)!;
    // The database does not depend on the text: no need to wait for an analysis.
    const ctx = st.last?.ctx ?? await this.contextFor(st);
    return citationCompletions(doc, p.position, ctx.db, this.caps.markdownCompletion);
  }

  private async definition(p: DefinitionParams): Promise<Location[] | null> {
    if (!this.documents.get(p.textDocument.uri) || !this.states.has(p.textDocument.uri)) return null;
    const { doc, a } = await this.analysed(p.textDocument.uri);
    const offset = doc.offsetAt(p.position);
    const cites = a.citations.at(offset).map((c) => citedSource(a.db, c)).filter((x) => x !== null);
    if (cites.length) {
      const src = cites[cites.length - 1];
      const loc = src ? originLocation(a.db, `source:${src.id}`) : undefined; // an unknown key has none
      return loc ? [loc] : null;
    }
    const ids = new Set<string>();
    for (const h of a.spans.at(offset)) {
      const id = h.kind === 'match' ? h.match.claimId : h.finding.claimId;
      if (id) ids.add(id);
      if (h.kind === 'finding' && !id && h.finding.cautionId) ids.add('caution:' + h.finding.cautionId);
    }
    const locs = [...ids].map((id) => originLocation(a.db, id.startsWith('caution:') ? id : `claim:${id}`)).filter((l): l is Location => !!l);
    return locs.length ? locs : null;
  }

  private async evidence(p: DocumentEvidenceParams) {
    if (!p || typeof p.uri !== 'string') throw invalidParams('claimlint/documentEvidence needs { uri }');
    const uri = this.documents.get(p.uri) ? p.uri : [...this.states.keys()].find((u) => normalizeUri(u) === normalizeUri(p.uri));
    if (!uri) throw invalidParams(`claimlint: document not open (or not Markdown): ${p.uri}`);
    const { doc, a } = await this.analysed(uri);
    return documentEvidence(doc, a);
  }

  private async bibliography(p: ExportBibliographyParams) {
    if (!p || !Array.isArray(p.uris)) throw invalidParams('claimlint/exportBibliography needs { uris: string[], format }');
    const format = p.format ?? 'csl-json';
    if (format !== 'csl-json' && format !== 'bibtex') throw invalidParams(`unknown bibliography format "${String(format)}" (csl-json or bibtex)`);
    const inputs: { citations: Citation[]; db: Database }[] = [];
    for (const uri of p.uris) {
      const open = this.documents.get(uri) && this.states.has(uri) ? uri : [...this.states.keys()].find((u) => normalizeUri(u) === normalizeUri(uri));
      if (open) {
        const { a } = await this.analysed(open);
        inputs.push({ citations: a.result.citations, db: a.db });
        continue;
      }
      // Not open: read it from disk and analyse it with its own config.
      const path = uriToPath(uri);
      if (!path) throw invalidParams(`claimlint: cannot read ${uri}`);
      const text = await readFile(path, 'utf8');
      const ctx = this.workspace.contextFor(path, this.baseSettings);
      inputs.push({ citations: analyze(text, ctx.db, ctx.engine, {}).citations, db: ctx.db });
    }
    return exportBibliography(inputs, format);
  }
}

function emptyResult(): AnalysisResult {
  return { findings: [], matches: [], citations: [], sentences: 0 };
}
