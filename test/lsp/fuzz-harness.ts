// A fuzzing client for claimlint-server: fast-check generates LSP message sequences (edits with
// versions that go backwards, re-opened documents, junk params, cancellations), a session sends
// them over stdio as raw JSON-RPC and checks, without any wall-clock assertion:
// - the process never exits;
// - every request is answered before the server has handled REQUEST_BOUND further messages
//   (counted with barrier requests the server answers in order), and every id is answered at the end;
// - no InternalError, and InvalidParams for every request whose params the schema rejects;
// - no publish for a text older than the newest the client sent before the server confirmed;
// - every range (diagnostics, hover, code action edits, evidence) lies inside its text;
// - at checkpoints, each document's published diagnostics equal a fresh open of the same text.
// Used by test/lsp/fuzz.test.ts (a few thousand messages) and scripts/fuzz-server.mjs (--long).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { z } from 'zod';
import * as P from '../../server/src/lsp/params.js';
import { fixtures, repoRoot } from '../helpers.js';

// ---------------------------------------------------------------- commands and their generators

/** How a message picks its version: the next, the same, one lower (backwards), or any integer. */
type VersionSpec = { k: 'next' } | { k: 'same' } | { k: 'back'; by: number } | { k: 'any'; v: number };
type EditSpec = { k: 'full'; text: string } | { k: 'range'; sl: number; sc: number; el: number; ec: number; text: string };
type RequestKind = 'hover' | 'definition' | 'completion' | 'codeAction' | 'fixAll' | 'evidence' | 'bibliography';
type Mutation = { k: 'delete'; pick: number } | { k: 'replace'; pick: number; value: unknown } | { k: 'params'; value: unknown };
export type Cmd =
  | { t: 'open'; doc: number; version: VersionSpec; text: string; lang: string }
  | { t: 'change'; doc: number; version: VersionSpec; edits: EditSpec[] }
  | { t: 'close'; doc: number }
  | { t: 'save'; doc: number }
  | { t: 'request'; kind: RequestKind; doc: number; at: number }
  | { t: 'junk'; method: JunkMethod; doc: number; mutation: Mutation }
  | { t: 'cancel'; back: number };

/** Documents the sequences work on: three Markdown files and one plain-text file (not tracked). */
const DOCS = ['a.md', 'b.md', 'c.md', 'notes.txt'];

/** Lines texts are made of: the fixture draft's claims, embedded claims, citations, Markdown
 *  structure, directives, and characters that test UTF-16 columns. */
const LINES = [
  '# Zorbital', 'Zorbital is proven to reduce migraine attacks.', 'Zorbital is thought to reduce migraine attacks [@smith2020].',
  'A daily dose of 200 mg of zorbital reduced migraine attacks in the trial [@smith2020].',
  'Many readers enjoy a glass of wine with zorbital. See [@nobody1999].',
  'Scientists have proven that ketamine works through the opioid system.', 'Naltrexone blunted ketamine [@williams2018].',
  'One trial[^smith2020] and a note[^aside].', '[^smith2020]: Smith 2020.', '> Zorbital cures migraine.', '- Zorbital prevents migraine in all patients',
  '1. ketamine is proven safe', '```', 'code with [@smith2020]', '| drug | claim |', '| --- | --- |', '| zorbital | proven to reduce migraine |',
  '<!-- claimlint-disable-next-line overstated-certainty -->', '<!-- claimlint-disable -->', '<!-- claimlint-enable -->', '<!-- claimlint-oops',
  '---', 'title: x', '', '', '😀 Zorbital 😀 is proven 🧪 to reduce migraine.', 'é\u0301 combining, \u200b zero width', '\t  indented text', '[link](https://doi.org/10.5555/zorb.2020.001)',
];
const FRAGMENTS = ['', ' ', 'x', 'proven', 'may', '\n', '\r\n', '\r', '\n\n', '[@', '[^', ']', '😀', '# ', '> ', '- ', '`', '*', '<!--', '-->', 'zorbital ', ' 200 mg'];

const lineArb = fc.constantFrom(...LINES);
const textArb = fc.tuple(fc.array(lineArb, { maxLength: 24 }), fc.constantFrom('\n', '\r\n', '\n', '\r'), fc.boolean())
  .map(([lines, eol, bom]) => (bom ? '\ufeff' : '') + lines.join(eol));
const insertArb = fc.oneof(fc.constantFrom(...FRAGMENTS), lineArb, fc.string({ maxLength: 6 }));
const versionArb: fc.Arbitrary<VersionSpec> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ k: 'next' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'same' as const }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 20 }).map((by) => ({ k: 'back' as const, by })) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 2000 }).map((v) => ({ k: 'any' as const, v })) },
);
const small = fc.integer({ min: 0, max: 40 });
const editArb: fc.Arbitrary<EditSpec> = fc.oneof(
  { weight: 1, arbitrary: textArb.map((text) => ({ k: 'full' as const, text })) },
  { weight: 12, arbitrary: fc.record({ sl: small, sc: fc.integer({ min: 0, max: 90 }), dl: fc.integer({ min: 0, max: 2 }), ec: fc.integer({ min: 0, max: 90 }), text: insertArb })
    .map(({ sl, sc, dl, ec, text }) => ({ k: 'range' as const, sl, sc, el: sl + dl, ec, text })) },
);
const docArb = fc.integer({ min: 0, max: DOCS.length - 1 });

const JUNK_METHODS = [
  'textDocument/hover', 'textDocument/definition', 'textDocument/completion', 'textDocument/codeAction',
  'textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave',
  'workspace/didChangeWatchedFiles', 'workspace/didChangeWorkspaceFolders', 'workspace/didChangeConfiguration',
  'workspace/executeCommand', 'claimlint/documentEvidence', 'claimlint/exportBibliography', 'claimlint/reload', 'claimlint/noSuchMethod',
] as const;
type JunkMethod = (typeof JUNK_METHODS)[number];

const jsonArb = fc.jsonValue({ maxDepth: 2 });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ k: 'delete' as const, pick })) },
  { weight: 5, arbitrary: fc.record({ pick: fc.nat(), value: fc.oneof(jsonArb, fc.constantFrom(-1, 1.5, 2 ** 31, '', 'file:///x.md', null, [], {})) }).map((r) => ({ k: 'replace' as const, ...r })) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(undefined), fc.constant(null), fc.array(jsonArb, { maxLength: 2 }), fc.string(), fc.integer()).map((value) => ({ k: 'params' as const, value })) },
);

export const commandArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ doc: docArb, version: versionArb, text: textArb, lang: fc.constantFrom('markdown', 'markdown', 'plaintext') }).map((r) => ({ t: 'open' as const, ...r })) },
  { weight: 30, arbitrary: fc.record({ doc: docArb, version: versionArb, edits: fc.array(editArb, { minLength: 1, maxLength: 3 }) }).map((r) => ({ t: 'change' as const, ...r })) },
  { weight: 1, arbitrary: docArb.map((doc) => ({ t: 'close' as const, doc })) },
  { weight: 1, arbitrary: docArb.map((doc) => ({ t: 'save' as const, doc })) },
  { weight: 14, arbitrary: fc.record({ kind: fc.constantFrom<RequestKind>('hover', 'hover', 'definition', 'completion', 'codeAction', 'fixAll', 'evidence', 'evidence', 'bibliography'), doc: docArb, at: fc.double({ min: 0, max: 1, noNaN: true }) }).map((r) => ({ t: 'request' as const, ...r })) },
  { weight: 10, arbitrary: fc.record({ method: fc.constantFrom(...JUNK_METHODS), doc: docArb, mutation: mutationArb }).map((r) => ({ t: 'junk' as const, ...r })) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }).map((back) => ({ t: 'cancel' as const, back })) },
);

// ---------------------------------------------------------------- what the server accepts

/** Which params the server handles for each method (the schemas it checks them with). */
const REQUESTS: Record<string, { schema: z.ZodType; byName: boolean }> = {
  'textDocument/hover': { schema: P.HoverParamsSchema, byName: false },
  'textDocument/definition': { schema: P.DefinitionParamsSchema, byName: false },
  'textDocument/completion': { schema: P.CompletionParamsSchema, byName: false },
  'textDocument/codeAction': { schema: P.CodeActionParamsSchema, byName: false },
  'claimlint/documentEvidence': { schema: P.DocumentEvidenceParamsSchema, byName: true },
  'claimlint/exportBibliography': { schema: P.ExportBibliographyParamsSchema, byName: true },
};
const NOTIFICATIONS: Record<string, z.ZodType> = {
  'textDocument/didOpen': P.DidOpenParamsSchema,
  'textDocument/didChange': P.DidChangeParamsSchema,
  'textDocument/didClose': P.DidCloseParamsSchema,
  'textDocument/didSave': P.DidSaveParamsSchema,
  'workspace/didChangeWatchedFiles': P.DidChangeWatchedFilesParamsSchema,
  'workspace/didChangeWorkspaceFolders': P.DidChangeWorkspaceFoldersParamsSchema,
  'workspace/didChangeConfiguration': P.DidChangeConfigurationParamsSchema,
};

/** The params a handler sees: jsonrpc spreads positional params, so the first one. */
const firstParam = (params: unknown) => (Array.isArray(params) ? params[0] : params);

/** Whether the server takes a request's params (otherwise InvalidParams is the only right answer). */
function requestAccepted(method: string, params: unknown): boolean {
  const r = REQUESTS[method];
  if (!r) return true;
  if (params === undefined || (r.byName && Array.isArray(params))) return false;
  return r.schema.safeParse(firstParam(params)).success;
}

const MARKDOWN_EXT = /\.(md|markdown|mdown|mkd|mkdn)$/i;

// ---------------------------------------------------------------- a session

export interface SessionOptions {
  /** The fast-check seed, quoted in every failure. */
  seed: number;
  /** Which session of the run (fast-check's run index), quoted in failures. */
  session: number;
  /** A workspace folder (a copy of test/fixtures/lsp/workspace). */
  workspace: string;
  /** Messages between checkpoints (cached diagnostics compared with a fresh open). */
  checkpointEvery?: number;
}

export interface SessionStats {
  messages: number;
  requests: number;
  /** Requests with junk params (the schema rejects them). */
  junkRequests: number;
  junkNotifications: number;
  cancels: number;
  backwards: number;
  reopens: number;
  publishes: number;
  checkpoints: number;
  responses: Record<string, number>;
  crashes: number;
  unanswered: number;
  internalErrors: number;
  violations: string[];
}

/** Every request is answered before the server has handled this many further messages. */
export const REQUEST_BOUND = 2000;
/** A barrier request (answered at once, in order) after this many messages. */
const BATCH = 25;
/** Waiting for an answer longer than this means the server hangs (never reached when it works). */
const HANG_MS = 60_000;

interface Sent { id: number; method: string; idx: number; accepted: boolean; uri?: string; text?: TextDocument; waitsFor?: string }
interface DocEvent { idx: number; version: number; text: TextDocument | null }

export class FuzzSession {
  private readonly proc: ChildProcess;
  private readonly reader: StreamMessageReader;
  private nextId = 1;
  private idx = 0;
  private readonly pending = new Map<number, Sent>();
  private readonly answered = new Map<number, { result?: unknown; error?: { code: number; message: string } }>();
  private readonly waiting = new Map<number, (m: { result?: unknown; error?: { code: number; message: string } }) => void>();
  private readonly recent: number[] = [];
  /** The client's model: what each open Markdown document is (the server's rules, mirrored). */
  private readonly model = new Map<string, TextDocument>();
  private readonly versions = new Map<string, number>();
  /** Per URI every text the client sent (null: closed), and how far the server has confirmed. */
  private readonly events = new Map<string, DocEvent[]>();
  private readonly confirmed = new Map<string, number>();
  private readonly lastPublish = new Map<string, { version?: number; diagnostics: unknown[] }>();
  private readonly publishWaiters: { uri: string; resolve: (p: { version?: number; diagnostics: unknown[] }) => void }[] = [];
  private exited = false;
  private freshCount = 0;
  readonly stats: SessionStats = {
    messages: 0, requests: 0, junkRequests: 0, junkNotifications: 0, cancels: 0, backwards: 0, reopens: 0, publishes: 0, checkpoints: 0,
    responses: {}, crashes: 0, unanswered: 0, internalErrors: 0, violations: [],
  };

  constructor(private readonly opts: SessionOptions) {
    this.proc = spawn(process.execPath, [join(repoRoot, 'bin', 'claimlint-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => this.violation(`server wrote to stderr: ${String(d).slice(0, 300)}`));
    this.proc.stdin!.on('error', () => { /* reported as an exit */ });
    this.proc.on('exit', (code, signal) => {
      if (this.exited) return;
      this.stats.crashes++;
      this.violation(`server exited (code ${code}, signal ${signal}) after message #${this.idx}`);
      for (const [, resolve] of this.waiting) resolve({ error: { code: 0, message: 'server exited' } });
    });
    this.reader = new StreamMessageReader(this.proc.stdout!);
    this.reader.listen((m) => this.receive(m));
  }

  private violation(what: string): void {
    if (this.stats.violations.length < 50) this.stats.violations.push(`seed ${this.opts.seed}, session ${this.opts.session}: ${what}`);
  }

  private uri(doc: number): string {
    return URI.file(join(this.opts.workspace, DOCS[doc]!)).toString();
  }

  private write(msg: object): void {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
    this.idx++;
    this.stats.messages++;
  }

  private notify(method: string, params: unknown): void {
    this.write(params === undefined ? { method } : { method, params });
  }

  private request(method: string, params: unknown, extra: Partial<Sent> = {}): number {
    const id = this.nextId++;
    const accepted = requestAccepted(method, params);
    this.pending.set(id, { id, method, idx: this.idx, accepted, ...extra });
    this.recent.push(id);
    if (this.recent.length > 8) this.recent.shift();
    this.stats.requests++;
    if (!accepted) this.stats.junkRequests++;
    this.write(params === undefined ? { id, method } : { id, method, params });
    return id;
  }

  /** The answer to request `id` (a hang fails the session after HANG_MS). */
  private answer(id: number): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    const done = this.answered.get(id);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ error: { code: 0, message: 'no answer' } });
      }, HANG_MS);
      this.waiting.set(id, (m) => { clearTimeout(timer); resolve(m); });
    });
  }

  private receive(m: Message): void {
    const msg = m as { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } };
    if (msg.method !== undefined && msg.id !== undefined) return this.serverRequest(msg.id, msg.method, msg.params);
    if (msg.method !== undefined) return this.notification(msg.method, msg.params);
    if (typeof msg.id !== 'number') return this.violation(`a response without a numeric id: ${JSON.stringify(msg).slice(0, 200)}`);
    const sent = this.pending.get(msg.id);
    if (!sent) return this.violation(`an answer to unknown or already answered request ${msg.id}`);
    this.pending.delete(msg.id);
    const a = { result: msg.result, error: msg.error };
    this.answered.set(msg.id, a);
    this.check(sent, a);
    this.waiting.get(msg.id)?.(a);
    this.waiting.delete(msg.id);
  }

  private serverRequest(id: number | string, method: string, params: unknown): void {
    // The client answers what it declared: the claimlint settings section.
    const items = (params as { items?: unknown[] } | undefined)?.items;
    const result = method === 'workspace/configuration' ? (items ?? []).map(() => ({ debounceMs: 0 })) : null;
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, result }), 'utf8');
    if (this.proc.exitCode === null) this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n${body.toString('utf8')}`);
  }

  private notification(method: string, params: unknown): void {
    if (method === 'window/logMessage') {
      const { type, message } = params as { type: number; message: string };
      if (type === 1 && /^claimlint: .*(failed|uncaught|unhandled)/.test(message)) this.violation(`server error: ${message.slice(0, 400)}`);
    } else if (method === 'window/showMessage') {
      this.violation(`server showed a message: ${JSON.stringify(params).slice(0, 300)}`);
    } else if (method === 'textDocument/publishDiagnostics') {
      this.published(params as { uri: string; version?: number; diagnostics: { range: Range }[] });
    }
  }

  /** A publish must be for a text the server may hold now: one sent at or after the last it confirmed. */
  private published(p: { uri: string; version?: number; diagnostics: { range: Range }[] }): void {
    this.stats.publishes++;
    this.lastPublish.set(p.uri, p);
    for (const w of this.publishWaiters.filter((x) => x.uri === p.uri)) { this.publishWaiters.splice(this.publishWaiters.indexOf(w), 1); w.resolve(p); }
    if (p.version === undefined || p.version === null) return; // a close clears
    const evs = this.events.get(p.uri);
    if (!evs) return; // fresh documents opened by checkpoints are checked there
    const candidates = evs.slice(this.confirmed.get(p.uri) ?? 0).filter((e) => e.version === p.version && e.text);
    if (candidates.length === 0) {
      this.violation(`published ${p.uri} v${p.version}, not a text sent since the last confirmed one (${evs.slice(this.confirmed.get(p.uri) ?? 0).map((e) => (e.text ? `v${e.version}` : 'closed')).join(', ')})`);
      return;
    }
    const inside = candidates.some((e) => p.diagnostics.every((d) => rangeInside(e.text!, d.range)));
    if (!inside) {
      const bad = p.diagnostics.find((d) => !rangeInside(candidates[0]!.text!, d.range));
      if (process.env.CLAIMLINT_FUZZ_DUMP) writeFileSync(process.env.CLAIMLINT_FUZZ_DUMP, JSON.stringify(evs.map((e) => e.text?.getText() ?? null)));
      this.violation(`published ${p.uri} v${p.version} with a range outside its text: ${JSON.stringify(bad).slice(0, 300)} in ${JSON.stringify(candidates[0]!.text!.getText()).slice(0, 1500)}`);
    }
  }

  /** What a request's answer may be. */
  private check(sent: Sent, a: { result?: unknown; error?: { code: number; message: string } }): void {
    const code = a.error ? String(a.error.code) : 'ok';
    this.stats.responses[code] = (this.stats.responses[code] ?? 0) + 1;
    if (a.error?.code === -32603) { this.stats.internalErrors++; this.violation(`InternalError for ${sent.method}: ${a.error.message.slice(0, 300)}`); return; }
    if (!sent.accepted) {
      if (a.error?.code !== -32602) this.violation(`${sent.method} with junk params answered ${code}, not InvalidParams`);
      return;
    }
    if (a.error) {
      const allowed = [-32801, -32800]; // ContentModified (a newer text), RequestCancelled
      // Not open (or not Markdown), or a file that cannot be read: the client's mistake.
      if (sent.method.startsWith('claimlint/') && (!sent.text || sent.method === 'claimlint/exportBibliography')) allowed.push(-32602);
      if (sent.method === 'workspace/executeCommand' || sent.method === 'claimlint/noSuchMethod') allowed.push(-32601);
      if (sent.method === 'workspace/executeCommand') allowed.push(-32602); // a command the server does not have
      if (!allowed.includes(a.error.code)) this.violation(`${sent.method} answered ${a.error.code}: ${a.error.message.slice(0, 200)}`);
      return;
    }
    const doc = sent.text;
    if (!doc) return;
    const ranges: Range[] = [];
    const r = a.result as Record<string, unknown> | unknown[] | null;
    if (sent.method === 'textDocument/hover' && r && (r as { range?: Range }).range) ranges.push((r as { range: Range }).range);
    if (sent.method === 'textDocument/codeAction' && Array.isArray(r)) {
      for (const act of r as { edit?: { changes?: Record<string, { range: Range }[]>; documentChanges?: { textDocument: { version: number }; edits: { range: Range }[] }[] } }[]) {
        for (const edits of Object.values(act.edit?.changes ?? {})) ranges.push(...edits.map((e) => e.range));
        for (const dc of act.edit?.documentChanges ?? []) {
          ranges.push(...dc.edits.map((e) => e.range));
          if (dc.textDocument.version !== doc.version) this.violation(`a code action edit for v${dc.textDocument.version}, asked at v${doc.version}`);
        }
      }
    }
    if (sent.method === 'textDocument/completion' && Array.isArray(r)) {
      for (const item of r as { textEdit?: { range: Range } }[]) if (item.textEdit) ranges.push(item.textEdit.range);
    }
    if (sent.method === 'claimlint/documentEvidence' && r) {
      const ev = r as { version: number; claims: { ranges: Range[]; findings: { range: Range }[] }[] };
      if (ev.version !== doc.version) this.violation(`evidence for v${ev.version}, asked at v${doc.version}`);
      for (const c of ev.claims) ranges.push(...c.ranges, ...c.findings.map((f) => f.range));
    }
    const outside = ranges.find((x) => !rangeInside(doc, x));
    if (outside) this.violation(`${sent.method} (asked at v${doc.version}) answered a range outside the text: ${JSON.stringify(outside)}`);
  }

  // ---------------------------------------------------------------- the client's documents

  private event(uri: string, doc: TextDocument | null): void {
    const evs = this.events.get(uri) ?? [];
    evs.push({ idx: this.idx, version: doc?.version ?? NaN, text: doc });
    this.events.set(uri, evs);
  }

  private version(uri: string, spec: VersionSpec): number {
    const v = this.versions.get(uri) ?? 0;
    const next = spec.k === 'next' ? v + 1 : spec.k === 'same' ? v : spec.k === 'back' ? v - spec.by : spec.v;
    if (next < v) this.stats.backwards++;
    this.versions.set(uri, next);
    return next;
  }

  /** Applies a didOpen/didChange/didClose the server accepts to the model, as the scheduler does. */
  private apply(method: string, params: unknown): void {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever params the fuzzer sent; the server validates them
    const p = firstParam(params) as Record<string, any>;
    const uri: string = p.textDocument.uri;
    if (method === 'textDocument/didOpen') {
      const doc = TextDocument.create(uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
      if (doc.languageId === 'markdown' || MARKDOWN_EXT.test(uri)) {
        if (this.model.has(uri)) this.stats.reopens++;
        this.model.set(uri, doc);
        this.event(uri, doc);
      } else if (this.model.delete(uri)) this.event(uri, null);
    } else if (method === 'textDocument/didChange') {
      const doc = this.model.get(uri);
      const changes = p.contentChanges as TextDocumentContentChangeEvent[];
      if (!doc || changes.length === 0) return;
      const next = TextDocument.create(uri, doc.languageId, p.textDocument.version, applyChanges(doc.getText(), changes));
      this.model.set(uri, next);
      this.event(uri, next);
    } else if (method === 'textDocument/didClose') {
      if (this.model.delete(uri)) this.event(uri, null);
    }
  }

  private sendNotification(method: string, params: unknown, junk: boolean): void {
    const schema = NOTIFICATIONS[method];
    const ok = !schema || (params !== undefined && schema.safeParse(firstParam(params)).success);
    if (!ok) this.stats.junkNotifications++;
    else if (junk && method === 'workspace/didChangeConfiguration') return; // a valid push could switch the run mode
    this.notify(method, params);
    if (ok && schema && method.startsWith('textDocument/did')) this.apply(method, params);
  }

  /** The params of a valid message for `method` on document `doc`, from the model. */
  private template(method: JunkMethod, docIndex: number): unknown {
    const uri = this.uri(docIndex);
    const doc = this.model.get(uri);
    const pos = doc ? doc.positionAt(Math.floor(doc.getText().length / 2)) : { line: 0, character: 0 };
    const range = { start: pos, end: pos };
    switch (method) {
      case 'textDocument/hover': case 'textDocument/definition': return { textDocument: { uri }, position: pos };
      case 'textDocument/completion': return { textDocument: { uri }, position: pos, context: { triggerKind: 1 } };
      case 'textDocument/codeAction': return { textDocument: { uri }, range, context: { diagnostics: [{ range, message: 'm', code: 'uncited-claim', source: 'claimlint', severity: 3 }], only: ['quickfix'] } };
      case 'textDocument/didOpen': return { textDocument: { uri, languageId: 'markdown', version: (this.versions.get(uri) ?? 0) + 1, text: LINES[1] } };
      case 'textDocument/didChange': return { textDocument: { uri, version: (this.versions.get(uri) ?? 0) + 1 }, contentChanges: [{ range, text: 'x' }] };
      case 'textDocument/didClose': case 'textDocument/didSave': return { textDocument: { uri } };
      case 'workspace/didChangeWatchedFiles': return { changes: [{ uri: URI.file(join(this.opts.workspace, 'unrelated.json')).toString(), type: 2 }] };
      case 'workspace/didChangeWorkspaceFolders': return { event: { added: [], removed: [{ uri: 'file:///nowhere', name: 'n' }] } };
      case 'workspace/didChangeConfiguration': return { settings: null };
      case 'workspace/executeCommand': return { command: 'claimlint.fix', arguments: [] };
      case 'claimlint/documentEvidence': return { uri };
      case 'claimlint/exportBibliography': return { uris: [uri], format: 'bibtex' };
      default: return {};
    }
  }

  private run(cmd: Cmd): void {
    switch (cmd.t) {
      case 'open': {
        const uri = this.uri(cmd.doc);
        this.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: cmd.lang, version: this.version(uri, cmd.version), text: cmd.text } }, false);
        return;
      }
      case 'change': {
        const uri = this.uri(cmd.doc);
        const changes = cmd.edits.map((e) => (e.k === 'full' ? { text: e.text } : { range: { start: { line: e.sl, character: e.sc }, end: { line: e.el, character: e.ec } }, text: e.text }));
        this.sendNotification('textDocument/didChange', { textDocument: { uri, version: this.version(uri, cmd.version) }, contentChanges: changes }, false);
        return;
      }
      case 'close': return this.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(cmd.doc) } }, false);
      case 'save': return this.sendNotification('textDocument/didSave', { textDocument: { uri: this.uri(cmd.doc) } }, false);
      case 'request': return this.sendRequest(cmd);
      case 'junk': {
        const params = mutate(this.template(cmd.method, cmd.doc), cmd.mutation);
        if (REQUESTS[cmd.method] || cmd.method === 'workspace/executeCommand' || cmd.method.startsWith('claimlint/')) {
          const first = firstParam(params) as { textDocument?: { uri?: unknown }; uri?: unknown } | undefined;
          const uri = typeof first?.textDocument?.uri === 'string' ? first.textDocument.uri : typeof first?.uri === 'string' ? first.uri : undefined;
          this.request(cmd.method, params, { uri, text: uri ? this.model.get(uri) : undefined });
        } else this.sendNotification(cmd.method, params, true);
        return;
      }
      case 'cancel': {
        const id = this.recent[this.recent.length - 1 - cmd.back] ?? this.nextId + 5;
        this.stats.cancels++;
        this.notify('$/cancelRequest', { id });
        return;
      }
    }
  }

  private sendRequest(cmd: Extract<Cmd, { t: 'request' }>): void {
    const uri = this.uri(cmd.doc);
    const doc = this.model.get(uri);
    const position = doc ? doc.positionAt(Math.floor(cmd.at * doc.getText().length)) : { line: 0, character: 0 };
    const extra = { uri, text: doc };
    switch (cmd.kind) {
      case 'hover': this.request('textDocument/hover', { textDocument: { uri }, position }, extra); return;
      case 'definition': this.request('textDocument/definition', { textDocument: { uri }, position }, extra); return;
      case 'completion': this.request('textDocument/completion', { textDocument: { uri }, position }, extra); return;
      case 'codeAction': {
        // The diagnostics of the last publish, as a client sends them back (some may be stale).
        const diagnostics = (this.lastPublish.get(uri)?.diagnostics ?? []).slice(0, 3);
        this.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics } }, extra);
        return;
      }
      case 'fixAll': this.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [], only: ['source.fixAll.claimlint'] } }, extra); return;
      case 'evidence': this.request('claimlint/documentEvidence', { uri }, extra); return;
      case 'bibliography': this.request('claimlint/exportBibliography', { uris: [uri], format: cmd.at < 0.5 ? 'csl-json' : 'bibtex' }, extra); return;
    }
  }

  /** A request the server answers at once and in order: all messages before it have been handled. */
  private async barrier(): Promise<void> {
    const at = this.idx;
    const id = this.request('textDocument/completion', { textDocument: { uri: 'file:///claimlint-fuzz-barrier.md' }, position: { line: 0, character: 0 } });
    const a = await this.answer(id);
    if (a.error?.code === 0) return this.violation(`barrier after message #${at} not answered (${a.error.message})`);
    for (const [uri, evs] of this.events) {
      let i = evs.length;
      while (i > 0 && evs[i - 1]!.idx >= at) i--;
      this.confirmed.set(uri, Math.max(0, i - 1));
    }
    for (const s of this.pending.values()) {
      if (s.idx < at - REQUEST_BOUND) {
        this.violation(`request ${s.id} (${s.method}, message #${s.idx}) unanswered after ${at - s.idx} further messages`);
        this.pending.delete(s.id); // reported once
        this.stats.unanswered++;
      }
    }
  }

  /** Each open document's published diagnostics equal those of a fresh open of the same text. */
  private async checkpoint(): Promise<void> {
    this.stats.checkpoints++;
    // The fixture documents only: a fresh copy sits in the same folder, so it has the same configuration.
    for (const uri of DOCS.map((_, i) => this.uri(i))) {
      const doc = this.model.get(uri);
      if (!doc) continue;
      const ev = await this.answer(this.request('claimlint/documentEvidence', { uri }, { uri, text: doc }));
      if (ev.error) { this.violation(`checkpoint: evidence for ${uri} v${doc.version} answered ${ev.error.code} ${ev.error.message}`); continue; }
      await this.barrier();
      const cached = this.lastPublish.get(uri);
      if (cached?.version !== doc.version) { this.violation(`checkpoint: last publish for ${uri} is v${cached?.version}, the document is at v${doc.version}`); continue; }
      const fresh = URI.file(join(this.opts.workspace, `fresh-${this.freshCount++}.md`)).toString();
      const next = new Promise<{ version?: number; diagnostics: unknown[] }>((resolve) => this.publishWaiters.push({ uri: fresh, resolve }));
      this.notify('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'markdown', version: 1, text: doc.getText() } });
      const timeout = new Promise<undefined>((r) => setTimeout(() => r(undefined), HANG_MS).unref());
      const got = await Promise.race([next, timeout]);
      this.notify('textDocument/didClose', { textDocument: { uri: fresh } });
      if (!got) { this.violation(`checkpoint: no diagnostics for a fresh open of ${uri} v${doc.version}`); continue; }
      const a = JSON.stringify(cached.diagnostics), b = JSON.stringify(got.diagnostics);
      if (a !== b) this.violation(`checkpoint: ${uri} v${doc.version}: cached analysis differs from a fresh one:\n  cached ${a.slice(0, 600)}\n  fresh  ${b.slice(0, 600)}\n  text ${JSON.stringify(doc.getText()).slice(0, 600)}`);
    }
  }

  async start(): Promise<void> {
    const id = this.request('initialize', {
      processId: null, rootUri: URI.file(this.opts.workspace).toString(), workspaceFolders: [{ uri: URI.file(this.opts.workspace).toString(), name: 'ws' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } } },
    });
    const a = await this.answer(id);
    if (a.error) throw new Error(`seed ${this.opts.seed}: initialize failed: ${a.error.message}`);
    this.notify('initialized', {});
  }

  async play(cmds: readonly Cmd[]): Promise<SessionStats> {
    await this.start();
    const every = this.opts.checkpointEvery ?? 250;
    let sinceCheckpoint = 0;
    for (let i = 0; i < cmds.length; i++) {
      this.run(cmds[i]!);
      if ((i + 1) % BATCH === 0) await this.barrier();
      if (++sinceCheckpoint >= every) { sinceCheckpoint = 0; await this.barrier(); await this.checkpoint(); }
      if (this.stats.crashes) break;
    }
    if (!this.stats.crashes) {
      await this.barrier();
      await this.checkpoint();
      // Every request gets its answer.
      for (const s of [...this.pending.values()]) {
        const a = await this.answer(s.id);
        if (a.error?.code === 0) { this.stats.unanswered++; this.violation(`request ${s.id} (${s.method}, message #${s.idx}) never answered`); }
      }
    }
    await this.stop();
    return this.stats;
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exit = new Promise<number | null>((r) => this.proc.once('exit', (code) => r(code)));
    const id = this.request('shutdown', undefined);
    await this.answer(id);
    this.exited = true;
    this.notify('exit', undefined);
    const timer = setTimeout(() => this.proc.kill(), 10_000);
    const code = await exit;
    clearTimeout(timer);
    if (code !== 0) this.violation(`exit code ${code} after shutdown`);
    this.reader.dispose();
  }
}

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/** The text after `changes`, by plain string splicing (offsets from a document made afresh for
 *  each change): the oracle for the server's incremental TextDocument updates. */
function applyChanges(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  for (const c of changes) {
    if (!('range' in c) || !c.range) { text = c.text; continue; }
    const d = TextDocument.create('file:///oracle.md', 'markdown', 0, text);
    const a = d.offsetAt(c.range.start), b = d.offsetAt(c.range.end);
    text = text.slice(0, Math.min(a, b)) + c.text + text.slice(Math.max(a, b));
  }
  return text;
}

/** Both ends name real positions of the text (not clamped), in order. */
function rangeInside(doc: TextDocument, r: Range): boolean {
  const ok = (p: { line: number; character: number }) => {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= doc.lineCount) return false;
    const back = doc.positionAt(doc.offsetAt(p));
    return back.line === p.line && back.character === p.character;
  };
  return ok(r.start) && ok(r.end) && doc.offsetAt(r.start) <= doc.offsetAt(r.end);
}

/** Deletes or replaces one field of `params` (chosen by `pick` among all of them), or replaces the whole. */
function mutate(params: unknown, m: Mutation): unknown {
  if (m.k === 'params') return m.value;
  const copy = structuredClone(params);
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { const p = [...path, Array.isArray(v) ? Number(k) : k]; paths.push(p); walk(x, p); }
  };
  walk(copy, []);
  if (paths.length === 0) return m.k === 'replace' ? m.value : copy;
  const path = paths[m.pick % paths.length]!;
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.k === 'delete') { if (Array.isArray(parent)) parent.splice(Number(last), 1); else delete parent[last]; }
  else parent[last] = m.value;
  return copy;
}

/** Totals over sessions. */
export function addStats(into: SessionStats, s: SessionStats): SessionStats {
  for (const k of ['messages', 'requests', 'junkRequests', 'junkNotifications', 'cancels', 'backwards', 'reopens', 'publishes', 'checkpoints', 'crashes', 'unanswered', 'internalErrors'] as const) into[k] += s[k];
  for (const [k, v] of Object.entries(s.responses)) into.responses[k] = (into.responses[k] ?? 0) + v;
  into.violations.push(...s.violations);
  return into;
}

export function emptyStats(): SessionStats {
  return { messages: 0, requests: 0, junkRequests: 0, junkNotifications: 0, cancels: 0, backwards: 0, reopens: 0, publishes: 0, checkpoints: 0, responses: {}, crashes: 0, unanswered: 0, internalErrors: 0, violations: [] };
}

/** Plays `cmds` against a new server in a fresh copy of the fixture workspace. */
export async function playSession(cmds: readonly Cmd[], seed: number, session: number): Promise<SessionStats> {
  const workspace = mkdtempSync(join(tmpdir(), 'claimlint-fuzz-'));
  try {
    cpSync(fixtures('lsp', 'workspace'), workspace, { recursive: true });
    return await new FuzzSession({ seed, session, workspace }).play(cmds);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
