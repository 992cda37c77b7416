// Protocol tests: spawn `node bin/claimlint-server.js --stdio` and speak LSP to it. The workspace
// is a temp copy of test/fixtures/lsp/workspace: a .claimlintrc.json naming a small claim pack about
// a fictional drug (zorbital), so the expected texts do not move with the embedded database.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest, CompletionRequest, DefinitionRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  FileChangeType, HoverRequest, ResponseError, TextDocumentSyncKind,
  type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type Hover, type Location, type MarkupContent,
  type PublishDiagnosticsParams, type TextDocumentEdit, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { fixtures, repoRoot } from '../helpers.js';
import { pathUri, TestClient } from './client.js';

const DRAFT = readFileSync(fixtures('lsp', 'workspace', 'draft.md'), 'utf8');

function workspaceCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-lsp-'));
  cpSync(fixtures('lsp', 'workspace'), dir, { recursive: true });
  return dir;
}

/** "line:col-line:col code severity" for compact, exact comparisons. */
const brief = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.severity}`;

/** Applies a code action's edit to `text` (the document at `version`) the way a client does. */
function apply(text: string, uri: string, version: number, action: CodeAction): string {
  assert.ok(action.edit, `action "${action.title}" has an edit`);
  const changes = action.edit.documentChanges as TextDocumentEdit[] | undefined;
  assert.ok(changes && changes.length === 1, 'one versioned TextDocumentEdit');
  assert.equal(changes[0]!.textDocument.uri, uri);
  assert.equal(changes[0]!.textDocument.version, version, 'the edit carries the document version');
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', version, text), changes[0]!.edits as TextEdit[]);
}

const replaceLine = (text: string, line: number, newLine: string) => text.split('\n').map((l, i) => (i === line ? newLine : l)).join('\n');

async function rejectsWith(p: Promise<unknown>, code: number): Promise<ResponseError<unknown>> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ResponseError, `a ResponseError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected a ResponseError ${code}`);
}

describe('claimlint-server over stdio', function () {
  this.timeout(60_000);
  let ws: string;
  let client: TestClient;
  let uri: string;
  let v1: PublishDiagnosticsParams;

  before(async () => {
    ws = workspaceCopy();
    // maxProblems 0: the large draft below compares every finding.
    client = new TestClient({ workspaceFolder: ws, settings: { debounceMs: 30, maxProblems: 0 } });
    uri = pathUri(join(ws, 'draft.md'));
  });
  after(async () => {
    client.assertVersionsMonotonic();
    if (client.alive) assert.equal(await client.shutdown(), 0, 'exit code 0 after shutdown/exit');
    rmSync(ws, { recursive: true, force: true });
  });

  it('initializes: incremental sync, hover, completion on @ and ^, code actions incl. fix-all, definition; watches config and packs', async () => {
    const init = await client.initialize();
    const caps = init.capabilities;
    assert.deepEqual(typeof caps.textDocumentSync === 'object' && caps.textDocumentSync.change, TextDocumentSyncKind.Incremental);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['@', '^']);
    assert.deepEqual(typeof caps.codeActionProvider === 'object' && caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.claimlint']);
    const reg = await client.registration('workspace/didChangeWatchedFiles');
    const globs = (reg.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/.claimlintrc*') && globs.includes('**/package.json'), globs.join(', '));
  });

  it('publishes the findings of a draft with the document version', async () => {
    await client.open(uri, DRAFT, 1);
    v1 = await client.diagnosticsFor(uri, 1);
    // Line 2 is overstated: it gets no citation note for the same claim (its fix is the rewording,
    // and a citation would make it look sourced); line 8 states the finding carefully, uncited.
    assert.deepEqual(v1.diagnostics.map(brief), [
      '2:12-2:18 overstated-certainty 2',
      '4:16-4:22 figure-mismatch 1',
      '6:30-6:34 missing-caveat 2',
      '6:55-6:66 unknown-citation 2',
      '8:0-8:65 uncited-claim 4',
    ]);
    const over = v1.diagnostics[0]!;
    assert.equal(over.source, 'claimlint');
    assert.match(String(over.message), /preliminary/);
    assert.equal(over.codeDescription?.href, 'https://github.com/claimlint/claimlint/blob/main/README.md#overstated-certainty');
    // The fixes themselves stay on the server (found again by code, range and message on a code action).
    assert.deepEqual(over.data, { claimId: 'zorbital-prevents-migraine' });
    assert.equal(v1.diagnostics[3]!.data, undefined, 'an unknown citation is about no record');
    // The claim record is related information (the client declared support).
    assert.ok(over.relatedInformation?.[0]?.location.uri.endsWith('/zorbital.claims.yaml'));
    assert.equal(over.relatedInformation?.[0]?.message, 'Claim zorbital-prevents-migraine (preliminary)');
    // Notes (uncited claims, hints by default) carry no related information.
    assert.equal(v1.diagnostics[4]!.relatedInformation, undefined);
    const status = await client.status((s) => s.uri === uri && s.version === 1);
    assert.equal(status.findings, 5);
    assert.equal(status.errors, 1);
    assert.equal(status.claimsChecked, 3);
  });

  it('publishes only for the newest version when edits arrive faster than the debounce; versions never go backwards', async () => {
    const u = pathUri(join(ws, 'fast.md'));
    let doc = TextDocument.create(u, 'markdown', 1, '# Notes\n\nZorbital is proven to reduce migraine attacks [@smith2020].\n');
    await client.open(u, doc.getText(), 1);
    // Four edits back to back: "proven" → "known" → … each one character-level change.
    const edits = [
      { range: { start: { line: 2, character: 12 }, end: { line: 2, character: 18 } }, text: 'known' },
      { range: { start: { line: 2, character: 12 }, end: { line: 2, character: 17 } }, text: 'likely' },
      { range: { start: { line: 2, character: 12 }, end: { line: 2, character: 18 } }, text: 'proven' },
      { range: { start: { line: 2, character: 12 }, end: { line: 2, character: 18 } }, text: 'thought' },
    ];
    const sends: Promise<void>[] = [];
    for (const [i, e] of edits.entries()) {
      doc = TextDocument.update(doc, [e], i + 2);
      sends.push(client.change(u, i + 2, [e]));
    }
    await Promise.all(sends);
    const last = await client.diagnosticsFor(u, 5);
    // v5 says "is thought to reduce": hedged, cited → no finding; an older result would still flag "proven".
    assert.deepEqual(last.diagnostics.map(brief), []);
    const versions = client.published.filter((p) => p.uri === u).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions in order: ${versions.join(', ')}`);
    assert.ok(!versions.some((v) => v > 1 && v < 5), `the debounced versions 2–4 were not published: ${versions.join(', ')}`);
    // The hedge gives the same result as v4 would with "proven" only if results were mixed up.
    const middle = client.published.filter((p) => p.uri === u && p.version === 4);
    assert.equal(middle.length, 0);
  });

  it('a large draft (rehearsed after opening) gives after an edit what a fresh open of the edited text gives', async () => {
    // From 256 KB on, the server rehearses a keystroke and its undo after the first analysis.
    const parts: string[] = [];
    for (let i = 0; parts.join('\n').length < 300 * 1024; i++) parts.push(DRAFT.replace(/^# .*$/m, `# Part ${i}`));
    const big = parts.join('\n');
    const u = pathUri(join(ws, 'large.md'));
    await client.open(u, big, 1);
    const first = await client.diagnosticsFor(u, 1, 60000);
    // The rehearsal moves findings after its keystroke and back: those of the last part are where
    // they are in the draft alone (relative to the part's first line).
    const lastPart = big.slice(0, big.lastIndexOf('# Part')).split('\n').length - 1;
    const rel = (d: Diagnostic) => brief({ ...d, range: { start: { ...d.range.start, line: d.range.start.line - lastPart }, end: { ...d.range.end, line: d.range.end.line - lastPart } } });
    const inLast = first.diagnostics.filter((d) => d.range.start.line >= lastPart).map(rel);
    assert.ok(inLast.includes('8:0-8:65 uncited-claim 4') && inLast.includes('2:12-2:18 overstated-certainty 2') && inLast.includes('4:16-4:22 figure-mismatch 1'), inLast.join('; '));
    const at = TextDocument.create(u, 'markdown', 1, big).positionAt(big.length >> 1);
    await client.change(u, 2, [{ range: { start: at, end: at }, text: 'x' }]);
    const edited = await client.diagnosticsFor(u, 2, 60000);
    const text = TextDocument.applyEdits(TextDocument.create(u, 'markdown', 1, big), [{ range: { start: at, end: at }, newText: 'x' }]);
    const f = pathUri(join(ws, 'large-fresh.md'));
    await client.open(f, text, 1);
    const fresh = await client.diagnosticsFor(f, 1, 60000);
    assert.deepEqual(edited.diagnostics.map(brief), fresh.diagnostics.map(brief));
    assert.deepEqual(edited.diagnostics.map((d) => d.message), fresh.diagnostics.map((d) => d.message));
  });

  it('clears diagnostics and reports a null status when a document closes', async () => {
    const u = pathUri(join(ws, 'fast.md'));
    const cleared = client.nextDiagnostics(u);
    const status = client.status((s) => s.uri === u && s.version === null);
    await client.close(u);
    const p = await cleared;
    assert.deepEqual(p.diagnostics, []);
    assert.equal((await status).findings, 0);
  });

  it('hover on a flagged sentence shows the finding, the claim, grade and rationale, supported wording and the reference with a DOI link', async () => {
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 4 } }) as Hover;
    const md = (h.contents as MarkupContent).value;
    assert.equal((h.contents as MarkupContent).kind, 'markdown');
    assert.match(md, /`overstated-certainty` — Overstates preliminary evidence/);
    // Why it was flagged: the words that named the claim and the cue.
    assert.match(md, /\*\*Why:\*\* matched \*Zorbital\*, \*reduce\*, \*migraine\*; booster \*proven\*/);
    assert.match(md, /\*\*Claim\*\* — A small pilot trial suggests that daily zorbital may reduce the frequency of migraine attacks\./);
    assert.match(md, /\*\*Evidence:\*\* preliminary \(humans\) — One pilot randomized trial of 40 adults over 12 weeks; not replicated\./);
    assert.match(md, /\*\*Supported wording:\*\* “a small pilot trial suggests”/);
    assert.match(md, /Smith A, Jones B, Lee C\. Zorbital for migraine prevention, a pilot randomized trial\./);
    assert.match(md, /\[doi:10\.5555\/zorb\.2020\.001\]\(https:\/\/doi\.org\/10\.5555\/zorb\.2020\.001\)/);
    assert.deepEqual(h.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 46 } });
  });

  it('hover on a citation key shows its reference; on an unknown key says so; elsewhere nothing', async () => {
    const known = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 76 } }) as Hover;
    const md = (known.contents as MarkupContent).value;
    assert.match(md, /^\*\*Smith et al\. 2020\*\* — `smith2020`/);
    assert.match(md, /https:\/\/doi\.org\/10\.5555\/zorb\.2020\.001/);
    assert.match(md, /Evidence for: `zorbital-prevents-migraine`/);
    const unknown = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 6, character: 60 } }) as Hover;
    assert.match((unknown.contents as MarkupContent).value, /Unknown citation key\*\* `nobody1999`/);
    const none = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(none, null);
    // Footnote keys and links to a source's DOI are citations too; a footnote label that is no source key is not an error.
    const u = pathUri(join(ws, 'cites.md'));
    await client.open(u, 'One trial[^smith2020], see [the trial](https://doi.org/10.5555/zorb.2020.001) and a note[^aside].\n\n[^smith2020]: Smith 2020.\n[^aside]: An aside.\n', 1);
    const p = await client.diagnosticsFor(u, 1);
    assert.deepEqual(p.diagnostics.map(brief), []);
    for (const character of [12, 40]) {
      const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: 0, character } }) as Hover;
      assert.match((h.contents as MarkupContent).value, /^\*\*Smith et al\. 2020\*\* — `smith2020`/, `hover at ${character}`);
    }
    assert.equal(await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: 0, character: 82 } }), null);
    await client.close(u);
  });

  const actionsFor = async (d: Diagnostic, u = uri) =>
    (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];

  it('each quick fix, applied, changes exactly its text', async () => {
    const [over, figure, caveat, unknown, uncited] = v1.diagnostics as [Diagnostic, Diagnostic, Diagnostic, Diagnostic, Diagnostic];
    const lines = DRAFT.split('\n');
    const expected: [Diagnostic, string, string][] = [
      [uncited, 'Cite Smith et al. 2020', replaceLine(DRAFT, 8, 'A small trial suggests that zorbital may reduce migraine attacks [@smith2020].')],
      [over, "Soften 'proven' to 'suggested'", replaceLine(DRAFT, 2, 'Zorbital is suggested to reduce migraine attacks.')],
      [figure, 'Correct to 20 mg', replaceLine(DRAFT, 4, 'A daily dose of 20 mg of zorbital reduced migraine attacks in the trial [@smith2020].')],
      // A long title is cut before its ":" (the hover shows the text it adds).
      [caveat, 'Add the caution',
        replaceLine(DRAFT, 6, `${lines[6]}\n\nZorbital taken with alcohol may cause marked drowsiness [@garcia2021].`)],
      [over, 'Disable overstated-certainty for this line',
        replaceLine(DRAFT, 2, `<!-- claimlint-disable-next-line overstated-certainty -- TODO reason -->\n${lines[2]}`)],
      [unknown, 'Disable unknown-citation for this line',
        replaceLine(DRAFT, 6, `<!-- claimlint-disable-next-line unknown-citation -- TODO reason -->\n${lines[6]}`)],
    ];
    for (const [d, title, text] of expected) {
      const actions = await actionsFor(d);
      const a = actions.find((x) => x.title === title);
      assert.ok(a, `"${title}" offered for ${d.code}; got ${actions.map((x) => x.title).join(' | ')}`);
      assert.equal(a.kind, 'quickfix');
      assert.deepEqual(a.diagnostics?.map((x) => x.code), [d.code]);
      assert.equal(apply(DRAFT, uri, 1, a), text, title);
    }
    // The safe fix is the preferred one.
    assert.equal((await actionsFor(uncited)).find((a) => a.isPreferred)?.title, 'Cite Smith et al. 2020');
    // The overstated sentence is offered the rewording, never a citation.
    assert.ok(!(await actionsFor(over)).some((a) => /^Cite /.test(a.title)));
  });

  it('a disable directive from the quick fix silences the finding; its placeholder reason is reported until replaced', async () => {
    const u = pathUri(join(ws, 'disable.md'));
    await client.open(u, DRAFT, 1);
    const first = await client.diagnosticsFor(u, 1);
    const over = first.diagnostics.find((d) => d.code === 'overstated-certainty')!;
    const action = (await actionsFor(over, u)).find((a) => a.title === 'Disable overstated-certainty for this line')!;
    const edit = (action.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    await client.change(u, 2, edit.map((e) => ({ range: e.range, text: e.newText })));
    const after = await client.diagnosticsFor(u, 2);
    const codes = after.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('overstated-certainty'), codes.join(', '));
    // Not silently: the placeholder is no reason.
    const invalid = after.diagnostics.filter((d) => d.code === 'invalid-directive');
    assert.deepEqual(invalid.map((d) => d.range.start.line), [2], codes.join(', '));
    assert.match(String(invalid[0]!.message), /placeholder/);
    assert.ok(codes.includes('figure-mismatch') && codes.includes('uncited-claim'), 'the other findings stay');
    // A real reason makes the directive valid.
    await client.change(u, 3, [{ range: { start: { line: 2, character: 57 }, end: { line: 2, character: 68 } }, text: 'the pilot authors say so' }]);
    const fixed = await client.diagnosticsFor(u, 3);
    assert.ok(!fixed.diagnostics.some((d) => d.code === 'invalid-directive' || d.code === 'overstated-certainty'), fixed.diagnostics.map(brief).join(', '));
    await client.close(u);
  });

  it('refuses stale fixes: a diagnostic that no longer matches the current text gets no action', async () => {
    const u = pathUri(join(ws, 'stale.md'));
    await client.open(u, DRAFT, 1);
    const first = await client.diagnosticsFor(u, 1);
    const uncited = first.diagnostics.find((d) => d.code === 'uncited-claim')!;
    assert.ok((await actionsFor(uncited, u)).length > 0, 'fresh diagnostic: actions');
    // An edit on another line leaves the finding where it was: its fix is offered for version 2.
    await client.change(u, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.diagnosticsFor(u, 2);
    const still = await actionsFor(uncited, u);
    assert.ok(still.length > 0, 'unmoved diagnostic: actions');
    const edit = still[0]!.edit!;
    assert.equal(edit.documentChanges ? (edit.documentChanges[0] as { textDocument: { version: number } }).textDocument.version : 2, 2);
    // A new line above moves the sentence: the old diagnostic describes nothing any more.
    await client.change(u, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'New line.\n' }]);
    await client.diagnosticsFor(u, 3);
    assert.deepEqual(await actionsFor(uncited, u), []);
    await client.close(u);
  });

  it('source.fixAll.claimlint applies every safe fix (citations, figures) and nothing else', async () => {
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.claimlint'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.claimlint');
    let want = replaceLine(DRAFT, 8, 'A small trial suggests that zorbital may reduce migraine attacks [@smith2020].');
    want = replaceLine(want, 4, 'A daily dose of 20 mg of zorbital reduced migraine attacks in the trial [@smith2020].');
    // The overstated sentence (line 2) is not cited: a citation would make it look sourced.
    assert.equal(apply(DRAFT, uri, 1, actions[0]!), want);
    // `source` (e.g. the "Source Action…" menu) includes it too; `refactor` does not.
    const source = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: v1.diagnostics[0]!.range, context: { diagnostics: [], only: ['source'] } })) as CodeAction[];
    assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.claimlint']);
    const refactor = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: v1.diagnostics[0]!.range, context: { diagnostics: [], only: ['refactor'] } })) as CodeAction[];
    assert.deepEqual(refactor, []);
  });

  it('completes citation keys after [@ and [^ from the database', async () => {
    const u = pathUri(join(ws, 'complete.md'));
    const text = 'Zorbital may help [@\n\nAnd a footnote[^smi] here.\n';
    await client.open(u, text, 1);
    const list = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: { line: 0, character: 20 }, context: { triggerKind: 2, triggerCharacter: '@' } })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(list) ? list : list.items;
    const smith = items.find((i) => i.label === 'smith2020');
    assert.ok(smith, 'the pack source is offered');
    assert.ok(items.some((i) => i.label === 'williams2018'), 'embedded sources are offered too');
    assert.equal(smith.detail, 'Smith et al. 2020');
    assert.match((smith.documentation as MarkupContent).value, /\[doi:10\.5555\/zorb\.2020\.001\]\(https:\/\/doi\.org\/10\.5555\/zorb\.2020\.001\)/);
    assert.deepEqual(smith.textEdit, { range: { start: { line: 0, character: 20 }, end: { line: 0, character: 20 } }, newText: 'smith2020' });

    const foot = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: { line: 2, character: 19 } })) as CompletionItem[];
    const f = foot.find((i) => i.label === 'smith2020')!;
    // The closing bracket is part of the edit, so the cursor ends up after it.
    assert.deepEqual(f.textEdit, { range: { start: { line: 2, character: 16 }, end: { line: 2, character: 20 } }, newText: 'smith2020]' });
    // The footnote needs its definition: added at the end of the document.
    const applied = TextDocument.applyEdits(TextDocument.create(u, 'markdown', 1, text), [f.textEdit as { range: never; newText: string }, ...(f.additionalTextEdits ?? [])]);
    assert.equal(applied, 'Zorbital may help [@\n\nAnd a footnote[^smith2020] here.\n\n[^smith2020]: Smith A, Jones B, Lee C. Zorbital for migraine prevention, a pilot randomized trial. Journal of Test Neurology. 2020;12(3):101-109. doi:10.5555/zorb.2020.001\n');
    // Outside a citation: nothing.
    const none = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: { line: 0, character: 5 } })) as CompletionItem[];
    assert.deepEqual(none, []);
    await client.close(u);
  });

  it('goes to the definition of a citation key and of a flagged sentence in the claims YAML', async () => {
    const packUri = pathUri(join(ws, 'zorbital.claims.yaml'));
    const key = (await client.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 4, character: 76 } })) as Location[];
    assert.deepEqual(key.map((l) => [l.uri, l.range.start.line]), [[packUri, 6]]);
    const sentence = (await client.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 2, character: 3 } })) as Location[];
    assert.deepEqual(sentence.map((l) => [l.uri, l.range.start.line]), [[packUri, 48]]);
    // An embedded source resolves into the package's claims/ folder.
    const u = pathUri(join(ws, 'embedded.md'));
    await client.open(u, 'Naltrexone blunted ketamine [@williams2018].\n', 1);
    const emb = (await client.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: u }, position: { line: 0, character: 33 } })) as Location[];
    assert.equal(emb.length, 1);
    assert.ok(emb[0]!.uri.startsWith(pathUri(join(repoRoot, 'claims')) + '/'), emb[0]!.uri);
    const yaml = readFileSync(new URL(emb[0]!.uri), 'utf8').split('\n');
    assert.match(yaml[emb[0]!.range.start.line]!, /williams2018/);
    await client.close(u);
  });

  it('claimlint/documentEvidence lists the matched claims with grade, status and ranges', async () => {
    const ev = (await client.conn.sendRequest('claimlint/documentEvidence', { uri })) as {
      version: number; claims: { claimId: string; grade: string; status: string | string[]; ranges: unknown[]; sources: { id: string; doi?: string }[] }[];
    };
    assert.equal(ev.version, 1);
    assert.deepEqual(ev.claims.map((c) => [c.claimId, c.grade, c.status, c.ranges.length]), [
      ['zorbital-prevents-migraine', 'preliminary', ['overstated-certainty', 'figure-mismatch', 'uncited-claim'], 3],
    ]);
    assert.deepEqual(ev.claims[0]!.sources.map((s) => [s.id, s.doi]), [['smith2020', '10.5555/zorb.2020.001']]);
  });

  it('claimlint/exportBibliography returns the cited references as CSL-JSON or BibTeX', async () => {
    const csl = (await client.conn.sendRequest('claimlint/exportBibliography', { uris: [uri], format: 'csl-json' })) as { text: string; keys: string[]; unknownKeys: string[] };
    assert.deepEqual(csl.keys, ['smith2020']);
    assert.deepEqual(csl.unknownKeys, ['nobody1999']);
    const items = JSON.parse(csl.text) as { id: string; DOI: string; kind?: string }[];
    assert.deepEqual(items.map((i) => [i.id, i.DOI, i.kind]), [['smith2020', '10.5555/zorb.2020.001', undefined]]);
    const bib = (await client.conn.sendRequest('claimlint/exportBibliography', { uris: [uri], format: 'bibtex' })) as { text: string };
    assert.match(bib.text, /@article\{smith2020,/);
  });

  it('answers a failing request with a ResponseError and keeps running', async () => {
    await rejectsWith(client.conn.sendRequest('claimlint/documentEvidence', { uri: 'file:///no/such/doc.md' }), -32602);
    await rejectsWith(client.conn.sendRequest('claimlint/exportBibliography', { uris: [uri], format: 'ris' }), -32602);
    // Malformed params are answered InvalidParams naming the field; nothing is logged as a failure.
    const bad = await rejectsWith(client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: null as never }), -32602);
    assert.match(bad.message, /^hover: position: /);
    assert.ok(!client.logs.some((l) => l.type === 1 && /hover failed/.test(l.message)), 'no failure logged');
    // Still serving.
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 4 } });
    assert.ok(h);
    assert.ok(client.alive);
  });

  it('answers junk params InvalidParams (-32602) naming the field, for every request; drops a malformed notification with one log line', async () => {
    const pos = { line: 0, character: 0 };
    const junk: [string, unknown, RegExp][] = [
      ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 0 } }, /position\.line/],
      ['textDocument/hover', { textDocument: {}, position: pos }, /textDocument\.uri/],
      ['textDocument/definition', { textDocument: { uri: 5 }, position: pos }, /textDocument\.uri/],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 'a', character: 0 } }, /position\.line/],
      ['textDocument/completion', { textDocument: { uri }, position: pos, context: { triggerKind: 'x' } }, /context\.triggerKind/],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos } }, /context/],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [{ message: 'x' }] } }, /context\.diagnostics\.0\.range/],
      ['claimlint/documentEvidence', { uri: null }, /uri/],
      ['claimlint/exportBibliography', { uris: 'x' }, /uris/],
      ['claimlint/exportBibliography', [uri], /by position/],
      // Files that are not open are read from disk: only regular files (a FIFO would block).
      ['claimlint/exportBibliography', { uris: [pathUri(join(ws, 'missing.md'))] }, /cannot read .*missing\.md \(ENOENT\)/],
      ['claimlint/exportBibliography', { uris: [pathUri(ws)] }, /not a regular file/],
    ];
    try {
      execFileSync('mkfifo', [join(ws, 'pipe.md')]);
      junk.push(['claimlint/exportBibliography', { uris: [pathUri(join(ws, 'pipe.md'))] }, /not a regular file/]);
    } catch { /* no mkfifo here: the folder case covers the check */ }
    for (const [method, params, field] of junk) {
      const e = await rejectsWith(client.conn.sendRequest(method, params), -32602);
      assert.match(e.message, field, `${method} ${JSON.stringify(params)}: ${e.message}`);
    }
    // Methods the server does not offer are MethodNotFound, whatever their params.
    await rejectsWith(client.conn.sendRequest('textDocument/formatting', { textDocument: 5 }), -32601);
    // A didOpen whose text is not a string is dropped (one warning) and the document is not open.
    const u = pathUri(join(ws, 'junk.md'));
    const warnings = client.logs.length;
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: 42 } });
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 7 }] });
    await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', {});
    await rejectsWith(client.conn.sendRequest('claimlint/documentEvidence', { uri: u }), -32602);
    const dropped = client.logs.slice(warnings).map((l) => l.message);
    assert.equal(dropped.length, 3, dropped.join('\n'));
    assert.match(dropped[0]!, /^claimlint: ignored didOpen: textDocument\.text: /);
    assert.match(dropped[1]!, /^claimlint: ignored didChangeWatchedFiles: changes\.0\.uri: /);
    assert.match(dropped[2]!, /^claimlint: ignored didChangeWorkspaceFolders: event: /);
    // The document then opens normally.
    await client.open(u, DRAFT, 1);
    assert.equal((await client.diagnosticsFor(u, 1)).diagnostics.length, 5);
    await client.close(u);
  });
});

describe('claimlint-server configuration, packs and trust', function () {
  this.timeout(60_000);
  let ws: string;
  let client: TestClient | undefined;
  beforeEach(() => { ws = workspaceCopy(); });
  afterEach(async () => {
    client?.assertVersionsMonotonic();
    if (client?.alive) await client.shutdown();
    client = undefined;
    rmSync(ws, { recursive: true, force: true });
  });

  const watched = (c: TestClient, file: string, type: FileChangeType = FileChangeType.Changed) =>
    c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathUri(file), type }] });

  it('reloads .claimlintrc.json when it changes and applies its severities', async () => {
    client = new TestClient({ workspaceFolder: ws, settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = pathUri(join(ws, 'draft.md'));
    await client.open(uri, DRAFT, 1);
    const before = await client.diagnosticsFor(uri, 1);
    assert.equal(before.diagnostics.find((d) => d.code === 'overstated-certainty')?.severity, 2);
    writeFileSync(join(ws, '.claimlintrc.json'), JSON.stringify({ packs: ['zorbital.claims.yaml'], rules: { 'overstated-certainty': 'error', 'uncited-claim': 'off' } }));
    const next = client.nextDiagnostics(uri);
    await watched(client, join(ws, '.claimlintrc.json'));
    const after = await next;
    assert.equal(after.version, 1);
    assert.equal(after.diagnostics.find((d) => d.code === 'overstated-certainty')?.severity, 1);
    assert.ok(!after.diagnostics.some((d) => d.code === 'uncited-claim'));
  });

  it('a broken .claimlintrc.json shows its error on the config file and keeps the last good config; `ignore` silences a document; claimlint/reload', async () => {
    client = new TestClient({ workspaceFolder: ws, settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = pathUri(join(ws, 'draft.md'));
    const rc = join(ws, '.claimlintrc.json');
    await client.open(uri, DRAFT, 1);
    const good = await client.diagnosticsFor(uri, 1);
    writeFileSync(rc, '{\n  "packs": ["zorbital.claims.yaml"],\n  "rules": { "overstated-certainty": "loud" }\n}\n');
    const rcDiags = client.nextDiagnostics(pathUri(rc));
    const recheck = client.nextDiagnostics(uri);
    await watched(client, rc);
    // The document keeps the last good configuration (its pack) while the file is broken.
    assert.deepEqual((await recheck).diagnostics.map(brief), good.diagnostics.map(brief));
    const d = (await rcDiags).diagnostics;
    assert.equal(d.length, 1);
    assert.equal(d[0]!.code, 'invalid-config');
    assert.equal(d[0]!.range.start.line, 2);
    assert.match(String(d[0]!.message), /severity must be one of/);
    writeFileSync(rc, JSON.stringify({ packs: ['zorbital.claims.yaml'], ignore: ['draft.md'] }));
    const cleared = client.nextDiagnostics(pathUri(rc));
    const silenced = client.nextDiagnostics(uri);
    const reloaded = await client.conn.sendRequest('claimlint/reload') as { documents: number; problems: number };
    assert.deepEqual(reloaded, { documents: 1, problems: 0 });
    assert.deepEqual((await cleared).diagnostics, []);
    assert.deepEqual((await silenced).diagnostics, []);
  });

  it('editor settings (workspace/configuration) apply after didChangeConfiguration; the config file wins where it sets a rule', async () => {
    let settings: Record<string, unknown> = { debounceMs: 0 };
    client = new TestClient({ workspaceFolder: ws, settings: () => settings });
    await client.initialize();
    const uri = pathUri(join(ws, 'draft.md'));
    await client.open(uri, DRAFT, 1);
    await client.diagnosticsFor(uri, 1);
    settings = { debounceMs: 0, rules: { 'missing-caveat': 'off', 'figure-mismatch': 'hint' } };
    const next = client.nextDiagnostics(uri);
    await client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const after = await next;
    assert.deepEqual(after.diagnostics.map(brief), [
      '2:12-2:18 overstated-certainty 2',
      '4:16-4:22 figure-mismatch 4',
      '6:55-6:66 unknown-citation 2',
      '8:0-8:65 uncited-claim 4',
    ]);
  });

  it('a broken pack shows its errors on the pack file and documents keep the last good database', async () => {
    client = new TestClient({ workspaceFolder: ws, settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = pathUri(join(ws, 'draft.md'));
    const pack = join(ws, 'zorbital.claims.yaml');
    const packUri = pathUri(pack);
    await client.open(uri, DRAFT, 1);
    const good = await client.diagnosticsFor(uri, 1);
    const original = readFileSync(pack, 'utf8');
    // Line 52 (0-based 51) gets an invalid grade.
    writeFileSync(pack, original.replace('grade: preliminary', 'grade: probable'));
    const packDiags = client.nextDiagnostics(packUri);
    const recheck = client.nextDiagnostics(uri);
    await watched(client, pack);
    const p = await packDiags;
    assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
    const d = p.diagnostics[0]!;
    assert.equal(d.code, 'invalid-pack');
    assert.equal(d.severity, 1);
    assert.equal(d.range.start.line, original.split('\n').findIndex((l) => l.includes('grade: preliminary')));
    assert.match(String(d.message), /grade/);
    // Re-checked with the last good database: the same findings as before.
    assert.deepEqual((await recheck).diagnostics.map(brief), good.diagnostics.map(brief));
    // A YAML syntax error is shown too; fixing the pack clears the pack file's diagnostics.
    writeFileSync(pack, original + '\n  - id: [unclosed\n');
    const syntax = client.nextDiagnostics(packUri);
    // didSave of an open pack file also reloads (for clients without file watching).
    await client.open(packUri, original, 1, 'yaml');
    await client.save(packUri);
    assert.match(String((await syntax).diagnostics[0]!.message), /YAML/);
    writeFileSync(pack, original);
    const cleared = client.nextDiagnostics(packUri);
    await watched(client, pack);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('untrusted workspace: only the embedded database; no workspace config or packs, no watchers', async () => {
    client = new TestClient({ workspaceFolder: ws, initializationOptions: { trusted: false, debounceMs: 0 } });
    await client.initialize();
    const uri = pathUri(join(ws, 'draft.md'));
    await client.open(uri, DRAFT, 1);
    const p = await client.diagnosticsFor(uri, 1);
    // The pack is not loaded, so its source keys are unknown and no zorbital claim matches.
    assert.deepEqual(p.diagnostics.map(brief), ['4:74-4:84 unknown-citation 2', '6:55-6:66 unknown-citation 2']);
    assert.ok(!client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    // Embedded claims still work.
    const u2 = pathUri(join(ws, 'ketamine.md'));
    await client.open(u2, 'Scientists have proven that ketamine acts through the opioid system.\n', 1);
    const k = await client.diagnosticsFor(u2, 1);
    assert.ok(k.diagnostics.some((d) => d.code === 'overstated-certainty'), k.diagnostics.map(brief).join(', '));
  });

  it('a client without optional diagnostic capabilities gets no links or related information, and fixes still apply', async () => {
    client = new TestClient({ workspaceFolder: ws, initializationOptions: { debounceMs: 0 }, capabilities: {} });
    await client.initialize();
    const uri = pathUri(join(ws, 'draft.md'));
    await client.open(uri, DRAFT, 1);
    const p = await client.diagnosticsFor(uri, 1);
    const over = p.diagnostics.find((d) => d.code === 'overstated-certainty');
    assert.ok(over, p.diagnostics.map(brief).join(', '));
    assert.ok(p.diagnostics.every((d) => d.codeDescription === undefined && d.relatedInformation === undefined));
    // The diagnostic as such a client sends it back: without `data` (it need not keep it).
    const { data: _dropped, ...bare } = over;
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: bare.range, context: { diagnostics: [bare] } })) as CodeAction[];
    const soften = actions.find((a) => a.title === "Soften 'proven' to 'suggested'");
    assert.ok(soften?.edit?.changes, actions.map((a) => a.title).join(' | '));
    const edited = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, DRAFT), soften.edit.changes[uri]!);
    assert.equal(edited, replaceLine(DRAFT, 2, 'Zorbital is suggested to reduce migraine attacks.'));
  });

  it('run: onSave checks on open and save, not while typing (other requests still see the current text)', async () => {
    client = new TestClient({ workspaceFolder: ws, settings: { run: 'onSave', debounceMs: 0 } });
    await client.initialize();
    const uri = pathUri(join(ws, 'draft.md'));
    await client.open(uri, DRAFT, 1);
    await client.diagnosticsFor(uri, 1);
    await client.change(uri, 2, [{ range: { start: { line: 2, character: 12 }, end: { line: 2, character: 18 } }, text: 'thought' }]);
    // The evidence request analyses version 2 now (without publishing it).
    const ev = (await client.conn.sendRequest('claimlint/documentEvidence', { uri })) as { version: number; claims: { status: unknown }[] };
    assert.equal(ev.version, 2);
    assert.ok(!client.published.some((p) => p.uri === uri && p.version === 2), 'nothing published while typing');
    const saved = client.diagnosticsFor(uri, 2);
    await client.save(uri);
    assert.ok(!(await saved).diagnostics.some((d) => d.code === 'overstated-certainty'));
  });
});
