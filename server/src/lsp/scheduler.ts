// When documents are analysed. Per open Markdown document: its text, a debounce timer, at most one
// analysis in flight (cancelled by the next change), the last result, and the requests waiting for
// the analysis of the current text. The engine is synchronous, so a run goes in time slices.
// Texts are told apart by a revision the scheduler counts, never by the client's version number:
// a client may send a lower version (an undo that resets its counter, a re-sent didOpen), and
// that text is the document now, analysed and published like any other.
import type { CancellationToken } from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { analyze, createAnalysisCache, CancelledError, type AnalysisResult } from '../engine/index.js';
import { AnalysedVersion, type Analysed, type AnalysedDocuments } from './analysed.js';
import { contentModified, invalidParams, isToken, requestCancelled } from './guard.js';
import { normalizeUri } from './locations.js';
import type { EditorSettings } from './settings.js';
import { REHEARSAL_MIN_LENGTH, rehearseTyping } from './warm-up.js';
import type { DocContext } from './workspace.js';

type AnalysisCache = ReturnType<typeof createAnalysisCache>;

/** First time slice of an analysis; each further slice is four times longer, so a run always finishes. */
const SLICE_MS = 40;
/** Until a first run is measured: the engine's cold speed, roughly (10 ms per KB). */
const DEFAULT_COLD_MS_PER_CHAR = 0.01;
const MARKDOWN_EXT = /\.(md|markdown|mdown|mkd|mkdn)$/i;

/** What the scheduler needs from the server around it. */
export interface SchedulerHost {
  /** The document's settings as known now (run mode, debounce). */
  settings(uri: string): EditorSettings;
  /** The document's configuration and database (may ask the client for settings). */
  context(uri: string): Promise<DocContext>;
  /** A finished analysis of the current text, to publish. */
  publish(doc: TextDocument, a: Analysed, elapsedMs: number): void;
  /** The document closed (or stopped being Markdown): clear what was published for it. */
  closed(uri: string): void;
  /** An analysis threw (uri undefined: the warm-up). */
  failed(uri: string | undefined, e: unknown): void;
  /** The findings to keep of an analysis (the rest are hidden: `.claimlint/ignored.yaml`). */
  keep?(uri: string, text: string, result: AnalysisResult): AnalysisResult;
}

/** A run scheduled after the debounce, or (debounce 0) as soon as the current input is handled:
 *  setImmediate rather than a 0 ms timeout, which waits for the next timer tick (about 1 ms). */
type Pending = { kind: 'timeout'; handle: NodeJS.Timeout } | { kind: 'immediate'; handle: NodeJS.Immediate };
function cancelPending(p: Pending): void {
  if (p.kind === 'timeout') clearTimeout(p.handle);
  else clearImmediate(p.handle);
}

class Run {
  cancelled = false;
}

interface Waiter { resolve: (a: Analysed) => void; reject: (e: unknown) => void }

interface DocState {
  doc: TextDocument;
  /** Counts the texts this document has had (open, re-open, each change). */
  revision: number;
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
  /** The revision `last` is for. */
  lastRevision: number;
  lastPublished: number;
  /** Requests waiting for the analysis of the current revision (a new text answers them ContentModified). */
  waiters: Waiter[];
  /** Duration of the last complete engine run (one slice), for the next first budget. */
  lastRunMs?: number;
}

export class Scheduler implements AnalysedDocuments {
  private readonly states = new Map<string, DocState>();
  /** Engine speed on a document's first (cold-cache) run, for the first budget of the next one. */
  private coldMsPerChar?: number;

  constructor(private readonly host: SchedulerHost) {}

  // ---------------------------------------------------------------- the client's documents

  /** didOpen (also of a document already open: its new text replaces the old): checked at once. */
  open(uri: string, languageId: string, version: number, text: string): void {
    const doc = TextDocument.create(uri, languageId, version, text);
    const st = this.states.get(uri);
    if (!isMarkdown(doc)) {
      if (st) this.close(uri);
      return;
    }
    if (st) {
      st.doc = doc;
      this.replaced(st);
      st.publish = true;
      this.kick(st);
      return;
    }
    const fresh: DocState = { doc, revision: 0, again: false, publish: true, lastRevision: -1, lastPublished: -1, waiters: [] };
    this.states.set(uri, fresh);
    this.kick(fresh);
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    const st = this.states.get(uri);
    if (!st || changes.length === 0) return;
    let doc = st.doc;
    for (const c of changes) {
      // A range past the last line is clamped as the text is, but the library's incremental line
      // index is not: later positions would come out wrong (NaN columns). Clamp it first.
      const range = 'range' in c && c.range ? { start: doc.positionAt(doc.offsetAt(c.range.start)), end: doc.positionAt(doc.offsetAt(c.range.end)) } : undefined;
      doc = TextDocument.update(doc, [range ? { range, text: c.text } : { text: c.text }], version);
    }
    st.doc = doc;
    this.replaced(st);
    this.changed(st);
  }

  /** A new text: the run in flight and the requests waiting are for one that is gone. */
  private replaced(st: DocState): void {
    st.revision++;
    if (st.run) st.run.cancelled = true;
    const waiters = st.waiters;
    st.waiters = [];
    for (const w of waiters) w.reject(contentModified());
  }

  private changed(st: DocState): void {
    const settings = this.host.settings(st.doc.uri);
    if (settings.run === 'onType' || st.publish) {
      st.publish = true;
      this.schedule(st, settings.debounceMs);
    }
  }

  save(uri: string): void {
    const st = this.states.get(uri);
    if (!st) return;
    if (this.host.settings(uri).run === 'onSave') {
      st.publish = true;
      this.schedule(st, 0);
    }
  }

  close(uri: string): void {
    const st = this.states.get(uri);
    if (!st) return;
    if (st.timer) cancelPending(st.timer);
    if (st.run) st.run.cancelled = true;
    for (const w of st.waiters) w.reject(contentModified());
    st.waiters = [];
    this.states.delete(uri);
    this.host.closed(uri);
  }

  /** Check every open document again (configuration or packs changed), publishing the result. */
  recheck(uri: string): void {
    const st = this.states.get(uri);
    if (!st) return;
    if (st.run) st.run.cancelled = true;
    st.publish = true;
    this.kick(st);
  }

  shutdown(): void {
    for (const st of this.states.values()) {
      if (st.timer) cancelPending(st.timer);
      if (st.run) st.run.cancelled = true;
    }
  }

  // ---------------------------------------------------------------- what providers see

  uris(): string[] {
    return [...this.states.keys()];
  }

  get(uri: string): TextDocument | undefined {
    return this.states.get(uri)?.doc;
  }

  find(uri: string): string | undefined {
    if (this.states.has(uri)) return uri;
    const n = normalizeUri(uri);
    return [...this.states.keys()].find((u) => normalizeUri(u) === n);
  }

  current(uri: string): Analysed | undefined {
    const st = this.states.get(uri);
    return st && st.lastRevision === st.revision ? st.last : undefined;
  }

  context(uri: string): Promise<DocContext> {
    const last = this.states.get(uri)?.last;
    return last ? Promise.resolve(last.ctx) : this.host.context(uri);
  }

  /** The analysis of the document's current text (waits for, or starts, the run). Rejected with
   *  ContentModified when the text changes first, RequestCancelled when the client cancels. */
  async analysed(uri: string, token?: CancellationToken): Promise<{ doc: TextDocument; a: Analysed }> {
    const st = this.states.get(uri);
    if (!st) throw invalidParams(`claimlint: document not open (or not Markdown): ${uri}`);
    const doc = st.doc;
    if (st.last && st.lastRevision === st.revision) return { doc, a: st.last };
    const a = await new Promise<Analysed>((resolve, reject) => {
      const w: Waiter = { resolve, reject };
      st.waiters.push(w);
      if (isToken(token)) {
        const sub = token.onCancellationRequested(() => {
          const i = st.waiters.indexOf(w);
          if (i >= 0) { st.waiters.splice(i, 1); reject(requestCancelled()); }
        });
        w.resolve = (x) => { sub.dispose(); resolve(x); };
        w.reject = (e) => { sub.dispose(); reject(e); };
      }
      if (!st.run || st.run.cancelled) this.kick(st); // skip the debounce: someone is waiting
    });
    return { doc, a };
  }

  // ---------------------------------------------------------------- runs

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

  private async execute(st: DocState): Promise<void> {
    const uri = st.doc.uri;
    const run = new Run();
    st.run = run;
    st.again = false;
    const started = performance.now();
    try {
      const ctx = await this.host.context(uri);
      if (run.cancelled || this.states.get(uri) !== st) return;
      const doc = st.doc;
      const revision = st.revision;
      const text = doc.getText();
      const cold = st.cacheKey !== ctx.key;
      if (cold) { st.cache = createAnalysisCache(); st.cacheKey = ctx.key; st.lastRunMs = undefined; }
      const result = ctx.ignored ? emptyResult() : await this.analyzeSliced(st, text, ctx, st.cache!, run, cold);
      if (!result) return; // cancelled by a newer change
      if (cold && !ctx.ignored && text.length >= REHEARSAL_MIN_LENGTH) rehearseTyping(text, ctx, st.cache!);
      if (st.revision !== revision || this.states.get(uri) !== st) return; // stale: drop
      const kept = this.host.keep?.(uri, text, result) ?? result;
      const analysed = new AnalysedVersion(doc.version, kept, ctx, result.findings.length - kept.findings.length);
      st.last = analysed;
      st.lastRevision = revision;
      const waiters = st.waiters;
      st.waiters = [];
      for (const w of waiters) w.resolve(analysed);
      if (st.publish) {
        st.publish = this.host.settings(uri).run === 'onType';
        if (revision >= st.lastPublished) { // never an older text after a newer one
          st.lastPublished = revision;
          this.host.publish(doc, analysed, performance.now() - started);
        }
      }
    } catch (e) {
      this.host.failed(uri, e);
      for (const w of st.waiters) w.reject(e); // so the finally below does not loop
      st.waiters = [];
    } finally {
      st.run = undefined;
      // Again if asked, or if a request still waits and no debounced run will come (onSave mode);
      // through the event loop, never straight from here: input is handled between runs.
      if (this.states.get(uri) === st && (st.again || (st.waiters.length > 0 && !st.timer))) this.schedule(st, 0);
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
}

function isMarkdown(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || MARKDOWN_EXT.test(doc.uri);
}

function emptyResult(): AnalysisResult {
  return { findings: [], matches: [], citations: [], sentences: 0 };
}
