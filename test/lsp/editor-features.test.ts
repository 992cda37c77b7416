// Protocol tests of what issue 15 asked of the editor side: the disable directive as a snippet,
// short fix titles with the text in the hover, "did you mean", Fix All as a quick fix, "ignore
// this finding here", the maxProblems cap, what the status says, the log, and definitions that a
// fix or a completion inserts never flagged. Same fixture workspace as protocol.test.ts.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest, CompletionRequest, ExecuteCommandRequest, HoverRequest,
  type CodeAction, type CompletionItem, type Diagnostic, type Hover, type MarkupContent, type TextDocumentEdit, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { fixtures } from '../helpers.js';
import { pathUri, TestClient, type ClientOptions } from './client.js';

const DRAFT = readFileSync(fixtures('lsp', 'workspace', 'draft.md'), 'utf8');
const VSCODE_LIKE = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
  textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true } },
} as ClientOptions['capabilities'];

describe('claimlint-server: fixes, panel and status (issue 15)', function () {
  this.timeout(60_000);
  let ws: string;
  let client: TestClient | undefined;
  let settings: Record<string, unknown> = {};
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'claimlint-lsp15-'));
    cpSync(fixtures('lsp', 'workspace'), ws, { recursive: true });
    settings = { debounceMs: 0 };
  });
  afterEach(async () => {
    if (client?.alive) await client.shutdown();
    client = undefined;
    rmSync(ws, { recursive: true, force: true });
  });

  async function start(opts: Partial<ClientOptions> = {}) {
    client = new TestClient({ workspaceFolder: ws, settings: () => settings, capabilities: VSCODE_LIKE, ...opts });
    await client.initialize();
    return client;
  }
  async function openDraft(c: TestClient, name = 'draft.md', text = DRAFT) {
    const uri = pathUri(join(ws, name));
    await c.open(uri, text, 1);
    return { uri, p: await c.diagnosticsFor(uri, 1) };
  }
  const actionsFor = (c: TestClient, uri: string, d: Diagnostic) =>
    c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } }) as Promise<CodeAction[]>;
  const applyEdits = (text: string, a: CodeAction) => {
    const edits = (a.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
  };

  it('"disable for this line" is a snippet with the reason placeholder for clients that take snippet edits', async () => {
    const c = await start();
    const { uri, p } = await openDraft(c);
    const over = p.diagnostics.find((d) => d.code === 'overstated-certainty')!;
    const a = (await actionsFor(c, uri, over)).find((x) => x.title === 'Disable overstated-certainty for this line')!;
    const edit = (a.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { range: unknown; snippet: { kind: string; value: string } };
    assert.deepEqual(edit.snippet, { kind: 'snippet', value: '<!-- claimlint-disable-next-line overstated-certainty -- ${1:TODO reason} -->\n' });
    assert.deepEqual(edit.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
  });

  it('keeps fix titles short and shows the text a fix adds in the hover', async () => {
    const c = await start();
    const { uri, p } = await openDraft(c);
    const caveat = p.diagnostics.find((d) => d.code === 'missing-caveat')!;
    const titles = (await actionsFor(c, uri, caveat)).map((a) => a.title);
    assert.ok(titles.every((t) => t.length <= 48), titles.join(' | '));
    assert.ok(titles.includes('Add the caution'), titles.join(' | '));
    const h = (await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: caveat.range.start })) as Hover;
    assert.match((h.contents as MarkupContent).value, /\*Add the caution\* \(quick fix\): \u201cZorbital taken with alcohol may cause marked drowsiness \\\[@garcia2021\\\]\.\u201d/);
  });

  it('offers "did you mean" for a mistyped citation key, and Fix All in the quick-fix list', async () => {
    const c = await start();
    const text = DRAFT.replace('[@nobody1999]', '[@smtih2020]');
    const { uri, p } = await openDraft(c, 'typo.md', text);
    const unknown = p.diagnostics.find((d) => d.code === 'unknown-citation')!;
    const actions = await actionsFor(c, uri, unknown);
    const rename = actions.find((a) => a.title === 'Change to smith2020');
    assert.ok(rename?.isPreferred, actions.map((a) => a.title).join(' | '));
    assert.equal(applyEdits(text, rename), DRAFT.replace('[@nobody1999]', '[@smith2020]'));
    const fixAll = actions.find((a) => a.title.startsWith('Fix all safe claimlint problems'));
    assert.equal(fixAll?.kind, 'quickfix');
  });

  it('"Ignore this finding here" records it in .claimlint/ignored.yaml and the finding stays hidden after edits elsewhere', async () => {
    const c = await start();
    const { uri, p } = await openDraft(c);
    const over = p.diagnostics.find((d) => d.code === 'overstated-certainty')!;
    const ignore = (await actionsFor(c, uri, over)).find((a) => a.title === 'Ignore this finding here');
    assert.ok(ignore?.command, 'offered as a command');
    const next = c.nextDiagnostics(uri);
    await c.conn.sendRequest(ExecuteCommandRequest.type, { command: ignore.command.command, arguments: ignore.command.arguments });
    const after = await next;
    assert.ok(!after.diagnostics.some((d) => d.code === 'overstated-certainty'), after.diagnostics.map((d) => d.code).join(', '));
    assert.equal(after.diagnostics.length, p.diagnostics.length - 1);
    const yaml = readFileSync(join(ws, '.claimlint', 'ignored.yaml'), 'utf8');
    assert.match(yaml, /- file: draft\.md\n\s+code: overstated-certainty\n\s+claim: zorbital-prevents-migraine\n\s+fingerprint: [0-9a-f]{16}\n\s+sentence: Zorbital is proven to reduce migraine attacks\./);
    assert.equal((await c.status((s) => s.uri === uri && s.ignored === 1)).findings, p.diagnostics.length - 1);
    // A new first line moves everything: still hidden.
    await c.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Intro line.\n\n' }]);
    const moved = await c.diagnosticsFor(uri, 2);
    assert.ok(!moved.diagnostics.some((d) => d.code === 'overstated-certainty'));
  });

  it('publishes at most claimlint.maxProblems diagnostics, the most severe first, and says so in the status', async () => {
    settings = { debounceMs: 0, maxProblems: 2 };
    const c = await start();
    const { uri, p } = await openDraft(c);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity]), [['overstated-certainty', 2], ['figure-mismatch', 1]]);
    const s = await c.status((x) => x.uri === uri && x.version === 1);
    assert.equal(s.findings, 2);
    assert.equal(s.total, 5);
  });

  it('status: matched claims by grade; restricted mode in an untrusted workspace', async () => {
    const c = await start();
    const { uri } = await openDraft(c);
    const s = await c.status((x) => x.uri === uri && x.version === 1);
    assert.deepEqual(s.claimsByGrade, { preliminary: 1 });
    assert.equal(s.restricted, false);
    await c.shutdown();
    const u = await start({ initializationOptions: { trusted: false } });
    const { uri: u2 } = await openDraft(u, 'ketamine.md', 'Scientists have proven that ketamine acts through the opioid system.\n');
    assert.equal((await u.status((x) => x.uri === u2 && x.version === 1)).restricted, true);
    assert.ok(!(await actionsFor(u, u2, (await u.diagnosticsFor(u2, 1)).diagnostics[0]!)).some((a) => a.title === 'Ignore this finding here'), 'no ignore file in restricted mode');
  });

  it('logs start, the database and packs loaded and the config file used (at info level)', async () => {
    const c = await start();
    await openDraft(c);
    const info = c.logs.filter((l) => l.type <= 3).map((l) => l.message).join('\n');
    assert.match(info, /claimlint: language server 0\.1\.0 started \(Node v\d+[^)]*stdio\); workspace folders: /);
    assert.match(info, /claimlint: embedded claims database loaded: \d+ claims, \d+ sources/);
    assert.match(info, /claimlint: using config .*\.claimlintrc\.json/);
    assert.match(info, /claimlint: claim packs loaded \(.*zorbital\.claims\.yaml\): \d+ claims/);
  });

  it('never flags the reference definitions it inserts (footnote citations, completion)', async () => {
    settings = { debounceMs: 0, citationStyle: 'footnote' };
    const c = await start();
    const { uri, p } = await openDraft(c);
    const uncited = p.diagnostics.find((d) => d.code === 'uncited-claim')!;
    const cite = (await actionsFor(c, uri, uncited)).find((a) => a.title === 'Cite Smith et al. 2020')!;
    const cited = applyEdits(DRAFT, cite);
    assert.match(cited, /\n\[\^smith2020\]: Smith A, Jones B, Lee C\. Zorbital for migraine prevention/);
    const defLine = cited.split('\n').findIndex((l) => l.startsWith('[^smith2020]:'));
    await c.change(uri, 2, [{ text: cited }]);
    const after = await c.diagnosticsFor(uri, 2);
    assert.deepEqual(after.diagnostics.filter((d) => d.range.end.line >= defLine).map((d) => `${d.code}: ${String(d.message)}`), []);
    // A definition added by footnote completion.
    const text = 'Zorbital is proven to reduce migraine attacks[^smi].\n';
    const u = pathUri(join(ws, 'complete.md'));
    await c.open(u, text, 1);
    await c.diagnosticsFor(u, 1);
    const items = (await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: { line: 0, character: 50 } })) as CompletionItem[];
    const item = items.find((i) => i.label === 'smith2020')!;
    const completed = TextDocument.applyEdits(TextDocument.create(u, 'markdown', 1, text), [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);
    assert.match(completed, /^Zorbital is proven to reduce migraine attacks\[\^smith2020\]\.\n\n\[\^smith2020\]: Smith A/);
    await c.change(u, 2, [{ text: completed }]);
    const done = await c.diagnosticsFor(u, 2);
    assert.deepEqual(done.diagnostics.filter((d) => d.range.start.line > 0).map((d) => `${d.code}: ${String(d.message)}`), []);
  });

  it('reads settings from initializationOptions for clients that answer no configuration requests (Neovim 0.7, Helix)', async () => {
    for (const init of [{ citationStyle: 'footnote' }, { claimlint: { citationStyle: 'footnote' } }, { settings: { claimlint: { citationStyle: 'footnote' } } }]) {
      const c = await start({ capabilities: {}, settings: undefined, initializationOptions: { debounceMs: 0, ...init } });
      const { uri, p } = await openDraft(c);
      const uncited = p.diagnostics.find((d) => d.code === 'uncited-claim')!;
      const cite = (await actionsFor(c, uri, uncited)).find((a) => a.title === 'Cite Smith et al. 2020')!;
      const edits = cite.edit!.changes![uri]!;
      assert.equal(edits[0]!.newText, '[^smith2020]', JSON.stringify(init));
      await c.shutdown();
    }
  });

  it('writes no ignore file for an untitled document (nothing to key it by)', async () => {
    const c = await start();
    const uri = 'untitled:Untitled-1';
    await c.open(uri, DRAFT, 1);
    const p = await c.diagnosticsFor(uri, 1);
    const actions = await actionsFor(c, uri, p.diagnostics.find((d) => d.code === 'overstated-certainty') ?? p.diagnostics[0]!);
    assert.ok(!actions.some((a) => a.title === 'Ignore this finding here'));
    assert.ok(!existsSync(join(ws, '.claimlint')));
  });
});
