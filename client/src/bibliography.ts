// "Export Bibliography…": the references cited in the current document (or, with no Markdown
// editor open, every Markdown file of the workspace) as CSL-JSON or BibTeX, from the server's
// `claimlint/exportBibliography` request, into a new editor or a file.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { ExportBibliographyRequest, type BibliographyFormat, type ExportBibliographyResult } from '../../server/src/lsp/protocol.js';
import { isClaimlintDocument } from './client.js';
import { findMarkdownFiles } from './workspace.js';

export type Destination = 'untitled' | 'file';

export interface ExportOptions {
  format?: BibliographyFormat;
  destination?: Destination;
  /** Where to save (skips the save dialog). */
  target?: vscode.Uri;
  /** Documents to export from (default: the active Markdown document, else the workspace). */
  uris?: vscode.Uri[];
}

export interface ExportOutcome extends ExportBibliographyResult {
  format: BibliographyFormat;
  /** The untitled document or the saved file. */
  uri?: vscode.Uri;
}

const FORMATS: (vscode.QuickPickItem & { format: BibliographyFormat; ext: string; language: string })[] = [
  { label: 'CSL-JSON', description: '.json', detail: 'For Pandoc (--bibliography), Zotero and other CSL processors', format: 'csl-json', ext: 'json', language: 'json' },
  { label: 'BibTeX', description: '.bib', detail: 'For LaTeX, BibLaTeX and reference managers', format: 'bibtex', ext: 'bib', language: 'bibtex' },
];

export async function exportBibliography(client: LanguageClient | undefined, opts: ExportOptions = {}): Promise<ExportOutcome | undefined> {
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('claimlint: the language server is not running.');
    return undefined;
  }
  const fmt = opts.format
    ? FORMATS.find((f) => f.format === opts.format)
    : await vscode.window.showQuickPick(FORMATS, { title: 'Export bibliography', placeHolder: 'Format' });
  if (!fmt) return undefined;

  let uris = opts.uris;
  if (!uris) {
    const active = vscode.window.activeTextEditor?.document;
    uris = isClaimlintDocument(active) ? [active.uri] : await findMarkdownFiles();
  }
  if (uris.length === 0) {
    void vscode.window.showInformationMessage('claimlint: no Markdown documents to export citations from.');
    return undefined;
  }

  const result = await client.sendRequest<ExportBibliographyResult>(ExportBibliographyRequest, {
    uris: uris.map((u) => client.code2ProtocolConverter.asUri(u)),
    format: fmt.format,
  });
  if (result.unknownKeys.length) {
    void vscode.window.showWarningMessage(`claimlint: not in the database, so not exported: ${result.unknownKeys.join(', ')}`);
  }
  if (result.keys.length === 0) {
    void vscode.window.showInformationMessage('claimlint: no citations of the database found to export.');
    return { ...result, format: fmt.format };
  }

  let destination = opts.destination ?? (opts.target ? 'file' : undefined);
  if (!destination) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: '$(new-file) Open in a new editor', destination: 'untitled' as const },
        { label: '$(save-as) Save to a file…', destination: 'file' as const },
      ],
      { title: `Export ${result.keys.length} references as ${fmt.label}` },
    );
    if (!pick) return undefined;
    destination = pick.destination;
  }

  if (destination === 'untitled') {
    const languages = await vscode.languages.getLanguages();
    const doc = await vscode.workspace.openTextDocument({ language: languages.includes(fmt.language) ? fmt.language : 'plaintext', content: result.text });
    await vscode.window.showTextDocument(doc, { preview: false });
    return { ...result, format: fmt.format, uri: doc.uri };
  }

  let target = opts.target;
  if (!target) {
    const first = uris[0]!;
    const name = first.path.slice(first.path.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '') || 'references';
    const base = first.scheme === 'file' ? vscode.Uri.joinPath(first, '..', `${name}.${fmt.ext}`) : undefined;
    target = await vscode.window.showSaveDialog({
      defaultUri: base,
      filters: { [fmt.label]: [fmt.ext] },
      title: 'Save bibliography',
    });
    if (!target) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  void vscode.window.showInformationMessage(`claimlint: ${result.keys.length} references written to ${vscode.workspace.asRelativePath(target)}.`);
  return { ...result, format: fmt.format, uri: target };
}
