// Issue 15 in a real VS Code (code-server + Chromium): a calm Problems view (uncited claims as hints,
// no related-information rows on them, the maxProblems cap), short quick-fix titles with the new
// text in the hover, "did you mean", the disable directive as a snippet with its reason selected,
// completion after [^ ending after the bracket, Fix All in the Ctrl+. list and the command palette,
// definitions a fix inserts never flagged, and "Ignore this finding here". Each fix is applied
// through VS Code and the resulting text compared.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimlintApi } from '../../../client/src/extension.js';
import { activate, codeOf, find, hoverText, open, readText, waitForDiagnostics, waitForStatus, workspaceUri } from './helpers.js';

const CALM = workspaceUri('calm.md');
const quickFixes = (uri: vscode.Uri, range: vscode.Range) =>
  vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
const lineOf = (doc: vscode.TextDocument, n: number) => doc.lineAt(n).text;

/** A scratch Markdown file in the workspace, removed by the returned function. */
async function scratch(name: string, text: string): Promise<{ uri: vscode.Uri; remove: () => Thenable<void> }> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  // Saved first: closing a modified editor would ask (and tests refuse dialogs), leaving it open.
  return { uri, remove: async () => { await vscode.workspace.saveAll(false); await vscode.commands.executeCommand('workbench.action.closeAllEditors'); await vscode.workspace.fs.delete(uri); } };
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('claimlint').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('a calm Problems view and fixes to trust', () => {
  let api: ClaimlintApi;
  before(async () => { api = await activate(); });

  it('reports uncited claims as hints without related information; the status bar counts what the Problems view lists', async () => {
    await open(CALM);
    const diags = await waitForDiagnostics(CALM, (d) => d.length === 3);
    const uncited = diags.find((d) => codeOf(d) === 'uncited-claim')!;
    assert.equal(uncited.severity, vscode.DiagnosticSeverity.Hint);
    assert.equal(uncited.relatedInformation, undefined);
    const status = await waitForStatus(api, CALM, (s) => s.version !== null);
    assert.equal(status.hints, 1);
    assert.equal(api.statusText(), '$(checklist) claimlint: 2 findings');
  });

  it('caps the diagnostics of a document at claimlint.maxProblems, the most severe first', async () => {
    await open(CALM);
    await setting('maxProblems', 1);
    try {
      const [only] = await waitForDiagnostics(CALM, (d) => d.length === 1);
      assert.equal(only!.severity, vscode.DiagnosticSeverity.Warning);
      const s = await waitForStatus(api, CALM, (x) => x.findings === 1);
      assert.equal(s.total, 3);
    } finally {
      await setting('maxProblems', undefined);
    }
    await waitForDiagnostics(CALM, (d) => d.length === 3);
  });

  it('keeps quick-fix titles short and shows the text a fix adds in the hover', async () => {
    const doc = (await open(CALM)).document;
    const [caveat] = (await waitForDiagnostics(CALM, (d) => d.length === 3)).filter((d) => codeOf(d) === 'missing-caveat');
    const titles = (await quickFixes(CALM, caveat!.range)).map((a) => a.title);
    assert.ok(titles.includes('Add the caution'), titles.join(' | '));
    assert.ok(titles.every((t) => t.length <= 48), titles.join(' | '));
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', CALM, find(doc, 'lorazepam').start));
    assert.match(hover, /\*Add the caution\* \(quick fix\): \u201cBenzodiazepines and other sedating medicines taken during ketamine treatment may weaken/);
  });

  it('offers "did you mean" for a mistyped citation key and applies it', async () => {
    const doc = (await open(CALM)).document;
    const [unknown] = (await waitForDiagnostics(CALM, (d) => d.length === 3)).filter((d) => codeOf(d) === 'unknown-citation');
    const rename = (await quickFixes(CALM, unknown!.range)).find((a) => a.title === 'Change to williams2018');
    assert.ok(rename?.edit && rename.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    assert.equal(lineOf(doc, 4), 'A single infusion can lift depressive symptoms within a day [@williams2018].');
    await waitForDiagnostics(CALM, (d) => !d.some((x) => codeOf(x) === 'unknown-citation'));
  });

  it('"Disable for this line" inserts a snippet with the reason selected; until replaced, the placeholder is reported', async () => {
    const editor = await open(CALM);
    const doc = editor.document;
    const [caveat] = (await waitForDiagnostics(CALM, (d) => d.some((x) => codeOf(x) === 'missing-caveat'))).filter((d) => codeOf(d) === 'missing-caveat');
    const disable = (await quickFixes(CALM, caveat!.range)).find((a) => a.title === 'Disable missing-caveat for this line');
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(lineOf(doc, 2), '<!-- claimlint-disable-next-line missing-caveat -- TODO reason -->');
    assert.equal(doc.getText(editor.selection), 'TODO reason', 'the placeholder is selected');
    const flagged = await waitForDiagnostics(CALM, (d) => d.some((x) => codeOf(x) === 'invalid-directive'));
    assert.ok(!flagged.some((x) => codeOf(x) === 'missing-caveat'));
    await editor.edit((b) => b.replace(editor.selection, 'the caution follows in the next section'));
    await waitForDiagnostics(CALM, (d) => !d.some((x) => codeOf(x) === 'invalid-directive' || codeOf(x) === 'missing-caveat'));
  });

  it('"Ignore this finding here" records it in .claimlint/ignored.yaml and hides it', async () => {
    await open(CALM);
    const [uncited] = (await waitForDiagnostics(CALM, (d) => d.some((x) => codeOf(x) === 'uncited-claim'))).filter((d) => codeOf(d) === 'uncited-claim');
    const ignore = (await quickFixes(CALM, uncited!.range)).find((a) => a.title === 'Ignore this finding here');
    assert.ok(ignore?.command, 'a command');
    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
    await waitForDiagnostics(CALM, (d) => !d.some((x) => codeOf(x) === 'uncited-claim'));
    const yaml = await readText(workspaceUri('.claimlint', 'ignored.yaml'));
    assert.match(yaml, /- file: calm\.md\n\s+code: uncited-claim\n\s+claim: trd-prevalence\n/);
    assert.equal((await waitForStatus(api, CALM, (s) => s.ignored === 1)).ignored, 1);
  });

  it('Fix All is in the Ctrl+. list and the command palette (claimlint.fixAll)', async () => {
    const { uri, remove } = await scratch('fixall.md', 'Up to one-third of people with depression have treatment-resistant depression.\n\nUp to 80 percent of people with depression have treatment-resistant depression [@handzel2022].\n');
    try {
      const doc = (await open(uri)).document;
      const diags = await waitForDiagnostics(uri, (d) => d.length >= 2);
      const all = (await quickFixes(uri, diags[0]!.range)).find((a) => a.title.startsWith('Fix all safe claimlint problems'));
      assert.equal(all?.kind?.value, 'quickfix');
      assert.equal(await vscode.commands.executeCommand<number>('claimlint.fixAll'), 2);
      assert.equal(doc.getText(), 'Up to one-third of people with depression have treatment-resistant depression [@handzel2022].\n\nUp to one-third of people with depression have treatment-resistant depression [@handzel2022].\n');
    } finally {
      await remove();
    }
  });

  it('never flags the footnote definition a citation fix inserts', async () => {
    await setting('citationStyle', 'footnote');
    const { uri, remove } = await scratch('footnote.md', 'Up to one-third of people with depression have treatment-resistant depression.\n');
    try {
      const doc = (await open(uri)).document;
      const [uncited] = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'uncited-claim'));
      const cite = (await quickFixes(uri, uncited!.range)).find((a) => a.title === 'Cite Handzel 2022');
      assert.ok(cite?.edit);
      assert.ok(await vscode.workspace.applyEdit(cite.edit));
      assert.match(doc.getText(), /^Up to one-third of people with depression have treatment-resistant depression\[\^handzel2022\]\.\n\n\[\^handzel2022\]: Handzel/);
      await waitForDiagnostics(uri, (d) => d.length === 0);
    } finally {
      await setting('citationStyle', undefined);
      await remove();
    }
  });

  it('completion after [^ puts the cursor after the closing bracket', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Ketamine can lift depressive symptoms within a day[^]' });
    const editor = await vscode.window.showTextDocument(doc);
    const at = new vscode.Position(0, doc.getText().length - 1); // between ^ and the auto-closed ]
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, '^');
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'handzel2022')!;
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    assert.equal(range.end.character, doc.getText().length, 'the edit takes in the closing bracket');
    const text = typeof item.insertText === 'string' ? item.insertText : item.insertText!.value;
    // As the suggest widget accepts it: the text, then the cursor at its end.
    await editor.insertSnippet(new vscode.SnippetString().appendText(text), range);
    await vscode.commands.executeCommand('type', { text: '.' });
    assert.equal(doc.lineAt(0).text, 'Ketamine can lift depressive symptoms within a day[^handzel2022].');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
