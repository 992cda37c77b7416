// Versions that go backwards and re-opened documents (issue 11, defect 1): a client may send a
// lower version than the last one (an undo that resets its counter, a re-sent didOpen). That text
// is the document now: it is analysed and published, every request waiting on the document is
// answered (with that analysis or ContentModified), and the server keeps serving other documents.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HoverRequest, LSPErrorCodes, ResponseError, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { fixtures } from '../helpers.js';
import { pathUri, TestClient, withTimeout } from './client.js';

const DRAFT = readFileSync(fixtures('lsp', 'workspace', 'draft.md'), 'utf8');
/** Three texts with different findings: the draft, "proven" softened, and the figure corrected. */
const TEXTS = [DRAFT, DRAFT.replace('is proven to reduce', 'is thought to reduce'), DRAFT.replace('200 mg', '20 mg')];
const brief = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}`;
const ANSWER_MS = 15_000;

type Answer = { result: unknown } | { error: number };
const answer = (p: Promise<unknown>): Promise<Answer> =>
  withTimeout(p.then((result) => ({ result }), (e: unknown) => ({ error: e instanceof ResponseError ? e.code : NaN })), ANSWER_MS, 'the request was never answered');

describe('claimlint-server: versions that go backwards, re-opened documents, ranges past the end', function () {
  this.timeout(60_000);
  let ws: string;
  let client: TestClient;
  let n = 0;
  const fresh = async (text: string): Promise<PublishDiagnosticsParams> => {
    const u = pathUri(join(ws, `fresh-${n++}.md`));
    await client.open(u, text, 1);
    return client.diagnosticsFor(u, 1, ANSWER_MS);
  };
  /** The current text answered: evidence for it, or ContentModified (it changed while waiting). */
  const assertEvidence = async (a: Answer, version: number) => {
    if ('error' in a) { assert.equal(a.error, LSPErrorCodes.ContentModified); return; }
    assert.equal((a.result as { version: number }).version, version);
  };
  /** Another document is still served (a hover is answered). */
  const assertServing = async () => {
    const u = pathUri(join(ws, `other-${n++}.md`));
    await client.open(u, DRAFT, 1);
    const h = await answer(client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: 2, character: 4 } }));
    assert.ok('result' in h && h.result, 'hover answered with a card');
    assert.ok(client.alive);
  };

  beforeEach(async () => {
    ws = mkdtempSync(join(tmpdir(), 'claimlint-lsp-versions-'));
    cpSync(fixtures('lsp', 'workspace'), ws, { recursive: true });
    client = new TestClient({ workspaceFolder: ws, settings: { debounceMs: 30 } });
    await client.initialize();
  });
  afterEach(async () => {
    try { await withTimeout(client.shutdown(), 10_000, 'no shutdown'); } catch { client.kill(); }
    rmSync(ws, { recursive: true, force: true });
  });

  /** Opens TEXTS[0] at v1 (its first analysis held waiting for settings), changes it to v10, asks
   *  for its evidence, then `replace`s it with TEXTS[2] at `version`: the request is answered and
   *  the replacing text is published as a fresh open of it would be. */
  const replacedWhileWaiting = async (name: string, version: number, replace: (uri: string) => Promise<void>) => {
    const uri = pathUri(join(ws, name));
    const held = client.holdConfiguration();
    await client.open(uri, TEXTS[0]!, 1);
    await held.requested;
    await client.change(uri, 10, [{ text: TEXTS[1]! }]);
    const evidence = answer(client.conn.sendRequest('claimlint/documentEvidence', { uri }));
    await replace(uri);
    held.release();
    await assertEvidence(await evidence, version);
    const published = await client.diagnosticsFor(uri, version, ANSWER_MS);
    assert.deepEqual(published.diagnostics.map(brief), (await fresh(TEXTS[2]!)).diagnostics.map(brief));
    assert.ok(!client.published.some((p) => p.uri === uri && p.version === 10), 'the replaced version 10 is not published');
    await assertServing();
  };

  it('a request waiting on version 10 is answered when version 2 arrives; version 2 is analysed and published', async () => {
    await replacedWhileWaiting('back.md', 2, (uri) => client.change(uri, 2, [{ text: TEXTS[2]! }]));
  });

  it('a re-sent didOpen of an open document answers the waiting request and analyses the new text', async () => {
    await replacedWhileWaiting('reopen.md', 1, (uri) => client.open(uri, TEXTS[2]!, 1));
  });

  it('a lower version after a published one is published with its own findings', async () => {
    const uri = pathUri(join(ws, 'lower.md'));
    await client.open(uri, TEXTS[0]!, 5);
    const v5 = await client.diagnosticsFor(uri, 5, ANSWER_MS);
    assert.ok(v5.diagnostics.some((d) => d.code === 'overstated-certainty'));
    await client.change(uri, 3, [{ range: { start: { line: 2, character: 12 }, end: { line: 2, character: 18 } }, text: 'thought' }]);
    const v3 = await client.diagnosticsFor(uri, 3, ANSWER_MS);
    assert.deepEqual(v3.diagnostics.map(brief), (await fresh(TEXTS[1]!)).diagnostics.map(brief));
    await assertServing();
  });

  it('a change whose range lies past the last line appends, and later positions stay right (found by the fuzz suite)', async () => {
    const uri = pathUri(join(ws, 'past.md'));
    await client.open(uri, TEXTS[0]!, 1);
    await client.diagnosticsFor(uri, 1, ANSWER_MS);
    // As many lines replaced as inserted: the library then writes line starts past the end.
    await client.change(uri, 2, [{ range: { start: { line: 40, character: 3 }, end: { line: 42, character: 0 } }, text: '\nZorbital is proven to reduce migraine attacks.\n' }]);
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    const v3 = await client.diagnosticsFor(uri, 3, ANSWER_MS);
    const text = 'x' + TEXTS[0]! + '\nZorbital is proven to reduce migraine attacks.\n';
    assert.deepEqual(v3.diagnostics.map(brief), (await fresh(text)).diagnostics.map(brief));
  });

  it('a document re-opened with the same version and another text answers for the new text', async () => {
    const uri = pathUri(join(ws, 'same.md'));
    await client.open(uri, TEXTS[0]!, 1);
    await client.diagnosticsFor(uri, 1, ANSWER_MS);
    await client.open(uri, TEXTS[1]!, 1);
    const ev = await answer(client.conn.sendRequest('claimlint/documentEvidence', { uri }));
    assert.ok('result' in ev, 'answered with evidence');
    const claims = (ev.result as { claims: { status: unknown }[] }).claims;
    // "is thought to reduce" is hedged: the claim is no longer flagged as overstated.
    assert.ok(!JSON.stringify(claims).includes('overstated-certainty'), JSON.stringify(claims));
    const want = (await fresh(TEXTS[1]!)).diagnostics.map(brief);
    const republished = await client.diagnostics((p) => p.uri === uri && p.version === 1 && !p.diagnostics.some((d) => d.code === 'overstated-certainty'), 'the re-opened text published', ANSWER_MS);
    assert.deepEqual(republished.diagnostics.map(brief), want);
  });
});
