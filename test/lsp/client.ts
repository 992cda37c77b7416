// A minimal LSP client for the protocol tests and the benchmark's logic: spawns
// `node bin/claimlint-server.js --stdio` and speaks LSP over its pipes. Every wait is on a
// message (with a timeout that fails the test), never a sleep.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidSaveTextDocumentNotification, PublishDiagnosticsNotification,
  ShutdownRequest, ExitNotification, ConfigurationRequest, RegistrationRequest, LogMessageNotification,
  type PublishDiagnosticsParams, type InitializeResult, type ClientCapabilities, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { repoRoot } from '../helpers.js';

export interface ClientOptions {
  initializationOptions?: unknown;
  /** Answer workspace/configuration with this `claimlint` section (enables the capability). */
  settings?: Record<string, unknown> | (() => Record<string, unknown>);
  workspaceFolder?: string;
  capabilities?: ClientCapabilities;
}

export interface Waiter<T> { predicate: (x: T) => boolean; resolve: (x: T) => void }

const DEFAULT_TIMEOUT = 20_000;

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly statuses: Record<string, unknown>[] = [];
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];
  private regWaiters: Waiter<{ id: string; method: string; registerOptions?: unknown }>[] = [];
  stderr = '';
  private diagWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private statusWaiters: Waiter<Record<string, unknown>>[] = [];
  private exited: Promise<number | null>;
  settings: Record<string, unknown> | (() => Record<string, unknown>) | undefined;
  /** While set, workspace/configuration answers wait for this promise (see holdConfiguration). */
  private configurationGate?: { requested: () => void; released: Promise<void> };

  constructor(private readonly opts: ClientOptions = {}) {
    this.settings = opts.settings;
    this.proc = spawn(process.execPath, [join(repoRoot, 'bin', 'claimlint-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => { this.stderr += String(d); });
    this.exited = new Promise((r) => this.proc.on('exit', (code) => r(code)));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.diagWaiters = this.diagWaiters.filter((w) => (w.predicate(p) ? (w.resolve(p), false) : true));
    });
    this.conn.onNotification('claimlint/status', (p: Record<string, unknown>) => {
      this.statuses.push(p);
      this.statusWaiters = this.statusWaiters.filter((w) => (w.predicate(p) ? (w.resolve(p), false) : true));
    });
    this.conn.onNotification(LogMessageNotification.type, (p) => { this.logs.push(p); });
    this.conn.onRequest(ConfigurationRequest.type, async (p) => {
      const gate = this.configurationGate;
      if (gate) { gate.requested(); await gate.released; }
      const s = typeof this.settings === 'function' ? this.settings() : this.settings;
      return p.items.map((it) => (it.section === 'claimlint' ? s ?? null : null));
    });
    this.conn.onRequest(RegistrationRequest.type, (p) => {
      for (const r of p.registrations) {
        this.registrations.push(r);
        this.regWaiters = this.regWaiters.filter((w) => (w.predicate(r) ? (w.resolve(r), false) : true));
      }
    });
    this.conn.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const folder = this.opts.workspaceFolder;
    const caps: ClientCapabilities = this.opts.capabilities ?? {
      workspace: {
        configuration: this.opts.settings !== undefined,
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
      },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        completion: { completionItem: { documentationFormat: ['markdown'] } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
      },
    };
    const result = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? pathUri(folder) : null,
      workspaceFolders: folder ? [{ uri: pathUri(folder), name: 'ws' }] : null,
      capabilities: caps,
      initializationOptions: this.opts.initializationOptions,
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Hold every workspace/configuration answer until `release()`: messages sent meanwhile reach
   *  the server before the answer does, so a document's first analysis is still waiting for its
   *  settings when they are handled. `requested` resolves when the server first asks. */
  holdConfiguration(): { requested: Promise<void>; release: () => void } {
    let requested!: () => void;
    let release!: () => void;
    const asked = new Promise<void>((r) => { requested = r; });
    const released = new Promise<void>((r) => { release = r; });
    this.configurationGate = { requested, released };
    return {
      requested: withTimeout(asked, DEFAULT_TIMEOUT, 'the server did not ask for its settings'),
      release: () => { this.configurationGate = undefined; release(); },
    };
  }

  open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    return this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  save(uri: string): Promise<void> {
    return this.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The next (or an already received, if `past`) publishDiagnostics matching `predicate`. */
  diagnostics(predicate: (p: PublishDiagnosticsParams) => boolean, what = 'diagnostics', timeout = DEFAULT_TIMEOUT, past = true): Promise<PublishDiagnosticsParams> {
    if (past) {
      const hit = this.published.find(predicate);
      if (hit) return Promise.resolve(hit);
    }
    return withTimeout(new Promise((resolve) => this.diagWaiters.push({ predicate, resolve })), timeout, `timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}; logs: ${this.logs.map((l) => l.message).join('\n').slice(-2000)}`);
  }

  /** Diagnostics for `uri` at `version`. */
  diagnosticsFor(uri: string, version: number, timeout?: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics((p) => p.uri === uri && p.version === version, `diagnostics for ${uri} v${version}`, timeout);
  }

  /** The next publishDiagnostics for `uri` arriving from now on. */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeout?: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics((p) => p.uri === uri && predicate(p), `new diagnostics for ${uri}`, timeout, false);
  }

  status(predicate: (p: Record<string, unknown>) => boolean, timeout = DEFAULT_TIMEOUT): Promise<Record<string, unknown>> {
    const hit = this.statuses.find(predicate);
    if (hit) return Promise.resolve(hit);
    return withTimeout(new Promise((resolve) => this.statusWaiters.push({ predicate, resolve })), timeout, 'timed out waiting for claimlint/status');
  }

  /** A client/registerCapability registration for `method`. */
  registration(method: string, timeout = DEFAULT_TIMEOUT): Promise<{ id: string; method: string; registerOptions?: unknown }> {
    const hit = this.registrations.find((r) => r.method === method);
    if (hit) return Promise.resolve(hit);
    return withTimeout(new Promise((resolve) => this.regWaiters.push({ predicate: (r) => r.method === method, resolve })), timeout, `no registration of ${method}`);
  }

  /** Published diagnostics versions never go backwards for any document (per URI, between closes). */
  assertVersionsMonotonic(): void {
    const last = new Map<string, number>();
    for (const p of this.published) {
      if (p.version === undefined || p.version === null) { last.delete(p.uri); continue; } // a close (or a pack file) resets
      const prev = last.get(p.uri);
      if (prev !== undefined && p.version < prev) throw new Error(`diagnostics for ${p.uri} went back from v${prev} to v${p.version}`);
      last.set(p.uri, p.version);
    }
  }

  get pid(): number { return this.proc.pid!; }

  get alive(): boolean { return this.proc.exitCode === null && this.proc.signalCode === null; }

  async shutdown(): Promise<number | null> {
    if (!this.alive) return this.proc.exitCode;
    await this.conn.sendRequest(ShutdownRequest.type);
    await this.conn.sendNotification(ExitNotification.type);
    const code = await withTimeout(this.exited, 10_000, 'server did not exit after shutdown/exit');
    this.conn.dispose();
    return code;
  }

  kill(): void {
    if (this.alive) this.proc.kill();
    this.conn.dispose();
  }
}

export function pathUri(p: string): string {
  return URI.file(p).toString();
}

export function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); }),
  ]);
}
