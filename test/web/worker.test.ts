// The web extension's language server (dist/web/server.js) in a real browser: headless Chromium
// (Debian's, driven by playwright-core from the editor-test tools) loads it as a web worker from a
// small page and speaks LSP to it over postMessage, as vscode-languageclient/browser does in
// vscode.dev. On examples/ketamine-draft.md: the diagnostics (the same as the Node server's), a
// hover card and a quick fix applied. Without Chromium or playwright-core: a loud skip (a failure
// with CI=true), like the real-editor suite.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers.js';
import { TestClient } from '../lsp/client.js';

const tools = resolve(process.env.CODE_SERVER_TOOLS || join(repoRoot, '.vscode-test', 'tools'));
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const bundle = join(repoRoot, 'dist', 'web', 'server.js');
const DRAFT = readFileSync(join(repoRoot, 'examples', 'ketamine-draft.md'), 'utf8');
const URI = 'vscode-vfs://github/example/drafts/ketamine-draft.md';

// The page: a worker and a minimal JSON-RPC client over postMessage (messages are plain objects).
const PAGE = `<!doctype html><meta charset="utf-8"><title>claimlint web worker</title><script>
const worker = new Worker('/server.js');
const pending = new Map(), notes = [], waiters = [];
let nextId = 0;
worker.onerror = (e) => notes.push({ method: 'worker/error', params: String(e.message) });
worker.onmessage = ({ data: m }) => {
  if (m.method && m.id !== undefined) {
    // Requests from the server: configuration (no settings), registrations.
    const result = m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null;
    worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
  } else if (m.method) {
    notes.push(m);
    for (const w of [...waiters]) if (w.ok(m)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m); }
  } else {
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  }
};
window.lsp = {
  request: (method, params) => new Promise((resolve) => { const id = ++nextId; pending.set(id, resolve); worker.postMessage({ jsonrpc: '2.0', id, method, params }); }),
  notify: (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params }),
  next: (method, key, value) => new Promise((resolve) => {
    const ok = (m) => m.method === method && (!key || m.params[key] === value);
    const seen = notes.find(ok);
    if (seen) resolve(seen); else waiters.push({ ok, resolve });
  }),
  notes,
};
</script>`;

declare const window: unknown;

interface Page { evaluate<R, A>(fn: (a: A) => R | Promise<R>, arg: A): Promise<R>; goto(url: string): Promise<unknown>; on(e: string, f: (x: { message?: string; text?(): string }) => void): void }
interface Browser { newPage(): Promise<Page>; close(): Promise<void> }

describe('web extension: the language server in a Chromium web worker', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let page: Page;
  let http: Server;
  const errors: string[] = [];

  before(async function () {
    let chromium: { launch(o: object): Promise<Browser> } | undefined;
    try { ({ chromium } = createRequire(join(tools, 'package.json'))('playwright-core')); } catch { /* reported below */ }
    if (!chromium || !existsSync(chromiumPath)) {
      const line = `SKIPPED: web worker test — ${!chromium ? `playwright-core not in ${tools}` : `no chromium at ${chromiumPath}`} (bash scripts/install-editor-test-tools.sh)`;
      console.log(`\n${'!'.repeat(line.length)}\n${line}\n${'!'.repeat(line.length)}\n`);
      if (process.env.CI === 'true') throw new Error('the web worker test must run in CI');
      this.skip();
    }
    assert.ok(existsSync(bundle), `${bundle} missing: npm run build`);
    http = createServer((req, res) => {
      if (req.url === '/server.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(readFileSync(bundle)); return; }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(PAGE);
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    browser = await chromium!.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e.message)));
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
  });

  after(async () => {
    await browser?.close();
    http?.close();
  });

  const request = <R>(method: string, params: unknown) =>
    page.evaluate(async ([m, p]) => (window as unknown as { lsp: { request(m: string, p: unknown): Promise<{ result?: unknown; error?: unknown }> } }).lsp.request(m, p), [method, params] as const) as Promise<{ result?: R; error?: { message: string } }>;
  const notify = (method: string, params: unknown) =>
    page.evaluate(([m, p]) => (window as unknown as { lsp: { notify(m: string, p: unknown): void } }).lsp.notify(m, p), [method, params] as const);
  const next = <P>(method: string, key?: string, value?: unknown) =>
    page.evaluate(async ([m, k, v]) => ((await (window as unknown as { lsp: { next(m: string, k?: string, v?: unknown): Promise<{ params: unknown }> } }).lsp.next(m, k, v)).params), [method, key, value] as const) as Promise<P>;

  let diagnostics: Diagnostic[];

  it('initializes in the worker and publishes the diagnostics of the example draft, as the Node server does', async () => {
    const init = await request<{ capabilities: { hoverProvider: boolean; executeCommandProvider?: unknown }; serverInfo: { name: string } }>('initialize', {
      processId: null, rootUri: null, workspaceFolders: null,
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } }, textDocument: { hover: { contentFormat: ['markdown'] } } },
      initializationOptions: { debounceMs: 0 },
    });
    assert.equal(init.error, undefined, JSON.stringify(init.error));
    assert.equal(init.result!.serverInfo.name, 'claimlint');
    assert.equal(init.result!.capabilities.hoverProvider, true);
    assert.equal(init.result!.capabilities.executeCommandProvider, undefined, 'no ignore file without a file system');
    await notify('initialized', {});
    const published = next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', 'uri', URI);
    await notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: DRAFT } });
    diagnostics = (await published).diagnostics;
    const brief = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.severity}`;
    assert.ok(diagnostics.some((d) => d.code === 'figure-mismatch'), diagnostics.map(brief).join(', '));
    // The same findings as the Node server on the same text.
    const node = new TestClient({ initializationOptions: { debounceMs: 0, trusted: false } });
    try {
      await node.initialize();
      await node.open('untitled:ketamine-draft.md', DRAFT, 1);
      const fromNode = await node.diagnosticsFor('untitled:ketamine-draft.md', 1);
      assert.deepEqual(diagnostics.map(brief), fromNode.diagnostics.map(brief));
      assert.deepEqual(diagnostics.map((d) => d.message), fromNode.diagnostics.map((d) => d.message));
    } finally {
      await node.shutdown();
    }
    const logs = await page.evaluate(() => (window as unknown as { lsp: { notes: { method: string; params: { message?: string } }[] } }).lsp.notes.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message ?? ''), undefined);
    assert.ok(logs.some((l) => /language server .* started \(web worker\)/.test(l)), logs.join('\n'));
    assert.deepEqual(errors, []);
  });

  it('answers a hover with the claim card, and definitions point at read-only embedded records', async () => {
    const line = DRAFT.split('\n').findIndex((l) => l.includes('proven'));
    const position = { line, character: DRAFT.split('\n')[line]!.indexOf('proven') + 2 };
    const hover = await request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position });
    const md = (hover.result!.contents as MarkupContent).value;
    assert.match(md, /\*\*Evidence:\*\* preliminary/);
    assert.match(md, /https:\/\/doi\.org\/10\.1176\/appi\.ajp\.2018\.18020138/);
    const defs = await request<{ uri: string }[]>('textDocument/definition', { textDocument: { uri: URI }, position });
    assert.ok(defs.result!.length > 0 && defs.result!.every((d) => /^claimlint-db:\/claims\/[\w-]+\.yaml$/.test(d.uri)), JSON.stringify(defs.result));
  });

  it('offers and applies the figure correction', async () => {
    const figure = diagnostics.find((d) => d.code === 'figure-mismatch')!;
    const actions = await request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: figure.range, context: { diagnostics: [figure], only: ['quickfix'] } });
    const fix = actions.result!.find((a) => a.isPreferred);
    assert.ok(fix?.edit, actions.result!.map((a) => a.title).join(' | '));
    const edits = (fix.edit.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, DRAFT), edits);
    assert.notEqual(fixed, DRAFT);
    assert.ok(!fixed.includes('Up to 80 percent'), 'the figure changed');
    const published = next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', 'version', 2);
    await notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await published;
    assert.ok(!after.diagnostics.some((d) => d.code === 'figure-mismatch'), after.diagnostics.map((d) => d.code).join(', '));
    assert.deepEqual(errors, []);
  });
});
