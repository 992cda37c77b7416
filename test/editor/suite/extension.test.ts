// The extension in a real VS Code (code-server 1.100 + Chromium, a trusted copy of
// test/fixtures/editor/workspace): diagnostics for a fixture draft, a hover, quick fixes applied
// through VS Code's own code-action API, the status bar, the evidence view and the commands.
// Every wait is on an event (diagnostics changes, claimlint/status notifications), never a timer.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimlintApi } from '../../../client/src/extension.js';
import type { DocumentEvidenceResult } from '../../../server/src/lsp/protocol.js';
import {
  activate, claimlintDiagnostics, codeOf, find, hoverText, open, rangeOf, readText, repoFile, waitForDiagnostics, waitForStatus, workspaceUri,
} from './helpers.js';

const { Error: E, Warning: W } = vscode.DiagnosticSeverity;

/** What the engine reports for test/fixtures/editor/workspace/draft.md, in document order. */
const DRAFT_DIAGNOSTICS = [
  { code: 'overstated-certainty', severity: W, range: [2, 20, 2, 26], text: 'proven' },
  { code: 'figure-mismatch', severity: E, range: [4, 6, 4, 16], text: '80 percent' },
  { code: 'contradicted-claim', severity: E, range: [6, 0, 6, 99], text: "The researchers also found that naltrexone blocked ketamine's dissociative effects [@williams2018]." },
];

describe('claimlint in VS Code', () => {
  let api: ClaimlintApi;
  const draft = workspaceUri('draft.md');

  before(async () => {
    api = await activate();
  });

  it('activates on Markdown and runs the bundled language server', () => {
    assert.ok(api.client?.isRunning(), 'language client running');
    const ext = vscode.extensions.getExtension('claimlint.claimlint')!;
    assert.ok(ext.isActive);
    assert.equal(ext.packageJSON.main, './dist/extension.cjs');
  });

  it('publishes the diagnostics of the fixture draft: codes, severities and ranges', async () => {
    const doc = (await open(draft)).document;
    const diags = await waitForDiagnostics(draft, (d) => d.length >= DRAFT_DIAGNOSTICS.length);
    const got = [...diags]
      .sort((a, b) => a.range.start.compareTo(b.range.start))
      .map((d) => ({ code: codeOf(d), severity: d.severity, range: [...rangeOf(d)], text: doc.getText(d.range) }));
    assert.deepEqual(got, DRAFT_DIAGNOSTICS);
    for (const d of diags) {
      assert.equal(d.source, 'claimlint');
      // The code links to the rule's documentation.
      assert.ok(typeof d.code === 'object' && /#[a-z-]+$/.test(d.code.target.toString()), `code link for ${codeOf(d)}`);
    }
  });

  it('shows the claim, its evidence grade and the reference on hover', async () => {
    const doc = (await open(draft)).document;
    await waitForDiagnostics(draft, (d) => d.length > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft, find(doc, 'proven').start.translate(0, 2));
    const text = hoverText(hovers);
    assert.match(text, /overstated-certainty/, 'the finding:\n' + text);
    assert.match(text, /\*\*Evidence:\*\* preliminary/, 'the evidence grade:\n' + text);
    assert.match(text, /Williams NR, Heifets BD, et al\. Attenuation of antidepressant effects of ketamine/, 'the reference:\n' + text);
    assert.match(text, /https:\/\/doi\.org\/10\.1176\/appi\.ajp\.2018\.18020138/, 'the DOI link:\n' + text);
  });

  it('applies the "soften" quick fix through VS Code: the text becomes exactly the expected one', async () => {
    const fix = workspaceUri('fix.md');
    const doc = (await open(fix)).document;
    const diags = await waitForDiagnostics(fix, (d) => d.some((x) => codeOf(x) === 'overstated-certainty'));
    const overstated = diags.find((x) => codeOf(x) === 'overstated-certainty')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', fix, overstated.range, vscode.CodeActionKind.QuickFix.value);
    const soften = actions.find((a) => a.title === "Soften 'proven' to 'suggested'");
    assert.ok(soften?.edit, 'the soften quick fix, with an edit: ' + actions.map((a) => a.title).join(' | '));
    assert.ok(soften.kind && vscode.CodeActionKind.QuickFix.contains(soften.kind));
    assert.ok(await vscode.workspace.applyEdit(soften.edit));
    assert.equal(doc.getText(), await readText(repoFile('test/fixtures/editor/expected/fix.softened.md')));
    // The server re-checks the edited buffer: only the figure problem is left.
    const left = await waitForDiagnostics(fix, (d) => !d.some((x) => codeOf(x) === 'overstated-certainty'));
    assert.deepEqual(left.map(codeOf), ['figure-mismatch']);
  });

  it('applies "fix all" (source.fixAll.claimlint): the safe figure correction, nothing else', async () => {
    const fix = workspaceUri('fix.md');
    const doc = (await open(fix)).document;
    const [mismatch] = await waitForDiagnostics(fix, (d) => d.length === 1 && codeOf(d[0]!) === 'figure-mismatch');
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', fix, whole, 'source.fixAll.claimlint');
    const all = actions.find((a) => a.kind?.value === 'source.fixAll.claimlint');
    assert.ok(all?.edit, 'a fix-all action: ' + actions.map((a) => `${a.kind?.value}: ${a.title}`).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.equal(doc.getText(), await readText(repoFile('test/fixtures/editor/expected/fix.fixed-all.md')));
    assert.ok(mismatch);
    await waitForDiagnostics(fix, (d) => d.length === 0);
  });

  it('shows claims checked and findings of the active document in the status bar', async () => {
    await open(draft);
    const status = await waitForStatus(api, draft, (s) => s.version !== null);
    assert.equal(status.findings, DRAFT_DIAGNOSTICS.length);
    // What the Problems view lists; the matched claims by grade are in the tooltip.
    assert.equal(api.statusText(), '$(checklist) claimlint: 3 findings');
    assert.ok(status.claimsByGrade.preliminary && status.claimsByGrade.supported, JSON.stringify(status.claimsByGrade));
    assert.equal(Object.values(status.claimsByGrade).reduce((a, b) => a + b, 0), status.distinctClaims);
    assert.equal(status.restricted, false);
  });

  it('lists the matched claims with grade and status (Show Evidence)', async () => {
    await open(draft);
    await waitForDiagnostics(draft, (d) => d.length > 0);
    const ev = await vscode.commands.executeCommand<DocumentEvidenceResult>('claimlint.showEvidence');
    const byId = new Map(ev.claims.map((c) => [c.claimId, c]));
    const summary = (id: string) => {
      const c = byId.get(id);
      return c && { grade: c.grade, status: c.status, lines: c.ranges.map((r) => r.start.line) };
    };
    assert.deepEqual(summary('opioid-mediation'), { grade: 'preliminary', status: ['overstated-certainty'], lines: [2] });
    assert.deepEqual(summary('trd-prevalence'), { grade: 'supported', status: ['figure-mismatch'], lines: [4] });
    assert.deepEqual(summary('naltrexone-spares-dissociation'), { grade: 'preliminary', status: ['contradicted-claim'], lines: [6] });
  });

  it('exports the bibliography of the document as BibTeX into a new editor', async () => {
    await open(draft);
    const out = await vscode.commands.executeCommand<{ keys: string[]; unknownKeys: string[]; uri?: vscode.Uri }>('claimlint.exportBibliography', { format: 'bibtex', destination: 'untitled' });
    assert.deepEqual(out.keys, ['williams2018', 'handzel2022']);
    assert.deepEqual(out.unknownKeys, []);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), out.uri?.toString());
    const bib = editor.document.getText();
    assert.match(bib, /@article\{williams2018,/);
    assert.match(bib, /@\w+\{handzel2022,/);
    assert.equal(bib.match(/^@\w+\{/gm)?.length, 2, 'two entries');
    // Not a Markdown editor: the status bar item hides.
    assert.equal(api.statusText(), undefined);
  });

  it('exports the bibliography as CSL-JSON to a file', async () => {
    await open(draft);
    const target = workspaceUri('references.json');
    const out = await vscode.commands.executeCommand<{ uri?: vscode.Uri }>('claimlint.exportBibliography', { format: 'csl-json', target });
    assert.equal(out.uri?.toString(), target.toString());
    const items = JSON.parse(await readText(target)) as { id: string; type: string }[];
    assert.deepEqual(items.map((i) => i.id).sort(), ['handzel2022', 'williams2018']);
    assert.ok(items.every((i) => typeof i.type === 'string'), 'CSL items have a type');
  });

  it("honours a folder's .claimlintrc in a trusted workspace (overstated-certainty is off there)", async () => {
    const uri = workspaceUri('configured', 'draft.md');
    await open(uri);
    // The status notification follows the diagnostics of the same analysis.
    await waitForStatus(api, uri, (s) => s.version !== null);
    const codes = claimlintDiagnostics(uri).map(codeOf);
    assert.ok(!codes.includes('overstated-certainty'), 'turned off by configured/.claimlintrc.json: ' + codes.join(', '));
  });

  it('completes citation keys after [@ from the database', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Ketamine relieves depression [@' });
    await vscode.window.showTextDocument(doc);
    const end = doc.positionAt(doc.getText().length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end, '@');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('williams2018'), 'williams2018 offered: ' + labels.slice(0, 20).join(', '));
  });

  it('goes from a flagged sentence to its claim record, opened read-only (the embedded claims YAML)', async () => {
    const doc = (await open(draft)).document;
    await waitForDiagnostics(draft, (d) => d.length > 0);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', draft, find(doc, 'proven').start);
    const targets = defs.map((d) => ('targetUri' in d ? d.targetUri : d.uri));
    const target = targets.find((u) => u.scheme === 'claimlint-db' && /^\/claims\/[^/]+\.ya?ml$/.test(u.path));
    assert.ok(target, 'a claimlint-db:/claims/*.yaml target: ' + targets.map((u) => u.toString()).join(', '));
    assert.equal(vscode.workspace.fs.isWritableFileSystem('claimlint-db'), false);
    const record = await vscode.workspace.openTextDocument(target);
    assert.match(record.getText(), /id: opioid-mediation/);
    // The record a warning links to (related information) opens read-only too.
    const over = claimlintDiagnostics(draft).find((d) => codeOf(d) === 'overstated-certainty');
    assert.equal(over?.relatedInformation?.[0]?.location.uri.scheme, 'claimlint-db');
  });

  it('checks every Markdown file of the workspace (Check Workspace)', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; checked: number; findings: number }>('claimlint.checkWorkspace', { quiet: true });
    assert.equal(summary.files, 4, 'calm.md, draft.md, fix.md, configured/draft.md');
    assert.equal(summary.checked, 4);
    assert.ok(summary.findings >= DRAFT_DIAGNOSTICS.length);
  });

  it('validates .claimlintrc.json and claim packs with the contributed JSON Schemas', async () => {
    const enc = new TextEncoder();
    const rc = workspaceUri('schemas', '.claimlintrc.json');
    const pack = workspaceUri('schemas', 'extra.claims.json');
    await vscode.workspace.fs.writeFile(rc, enc.encode('{\n  "rules": { "overstated-certainty": "loud" },\n  "citationStyle": "pandoc"\n}\n'));
    await vscode.workspace.fs.writeFile(pack, enc.encode('{\n  "claims": "not a list"\n}\n'));
    try {
      // VS Code's JSON language features validate with the schemas from package.json (not claimlint's server).
      const fromJson = (d: vscode.Diagnostic[]) => d.filter((x) => x.source !== 'claimlint');
      const rcDoc = (await open(rc)).document;
      const [bad] = fromJson(await waitForDiagnostics(rc, (d) => fromJson(d).length > 0, true));
      assert.equal(rcDoc.getText(bad!.range), '"loud"', `flagged ${JSON.stringify(rcDoc.getText(bad!.range))}: ${bad!.message}`);
      const packDoc = (await open(pack)).document;
      const [badPack] = fromJson(await waitForDiagnostics(pack, (d) => fromJson(d).length > 0, true));
      assert.equal(packDoc.getText(badPack!.range), '"not a list"', badPack!.message);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(workspaceUri('schemas'), { recursive: true });
    }
  });

  it('restarts the server and publishes the diagnostics again', async () => {
    await open(draft);
    await vscode.commands.executeCommand('claimlint.restartServer');
    assert.ok(api.client?.isRunning());
    await waitForStatus(api, draft, (s) => s.version !== null);
    await waitForDiagnostics(draft, (d) => d.length === DRAFT_DIAGNOSTICS.length);
  });
});
