// "Check All Markdown Files in Workspace": opens every Markdown file of the workspace as a
// (background) document, so the server analyses each buffer and publishes its diagnostics to the
// Problems view, then reports a summary. Progress is shown and the check can be cancelled.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol.js';

const EXCLUDED = /(^|\/)(node_modules|\.git|\.vscode-test|out|dist)\//;
export const MAX_FILES = 2000;

/** Markdown files of the workspace (files.exclude applies), without dependency and build folders. */
export async function findMarkdownFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles('**/*.{md,markdown,mdown,mkd}', undefined, MAX_FILES * 2, token);
  return found
    .filter((u) => !EXCLUDED.test(vscode.workspace.asRelativePath(u, false)))
    .sort((a, b) => a.toString().localeCompare(b.toString()))
    .slice(0, MAX_FILES);
}

export interface WorkspaceCheckSummary {
  files: number;
  /** Files whose analysis was reported by the server. */
  checked: number;
  findings: number;
  filesWithFindings: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  cancelled: boolean;
}

/** Waits for the server's status of `uri` (any version), up to `ms`. */
function statusOf(
  uri: vscode.Uri,
  get: (u: vscode.Uri) => StatusParams | undefined,
  onStatus: vscode.Event<StatusParams>,
  ms: number,
): Promise<StatusParams | undefined> {
  const now = get(uri);
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (s: StatusParams | undefined) => {
      clearTimeout(timer);
      sub.dispose();
      resolve(s);
    };
    const sub = onStatus((s) => {
      if (s.version !== null && vscode.Uri.parse(s.uri).toString() === uri.toString()) done(s);
    });
    // A file the server skips (e.g. `ignore` in .claimlintrc) sends no status: do not wait forever.
    const timer = setTimeout(() => done(undefined), ms);
  });
}

export async function checkWorkspace(
  get: (u: vscode.Uri) => StatusParams | undefined,
  onStatus: vscode.Event<StatusParams>,
  opts: { quiet?: boolean; perFileTimeoutMs?: number } = {},
): Promise<WorkspaceCheckSummary> {
  const summary: WorkspaceCheckSummary = { files: 0, checked: 0, findings: 0, filesWithFindings: 0, errors: 0, warnings: 0, infos: 0, hints: 0, cancelled: false };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'claimlint: checking Markdown files', cancellable: true },
    async (progress, token) => {
      const files = await findMarkdownFiles(token);
      summary.files = files.length;
      const BATCH = 8;
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
        const batch = files.slice(i, i + BATCH);
        const statuses = await Promise.all(batch.map(async (uri) => {
          // Opening sends didOpen: the server checks the document and publishes its diagnostics.
          await vscode.workspace.openTextDocument(uri);
          return statusOf(uri, get, onStatus, opts.perFileTimeoutMs ?? 30_000);
        }));
        for (const s of statuses) {
          if (!s) continue;
          summary.checked++;
          summary.findings += s.findings;
          summary.errors += s.errors;
          summary.warnings += s.warnings;
          summary.infos += s.infos;
          summary.hints += s.hints;
          if (s.findings > 0) summary.filesWithFindings++;
        }
        progress.report({ message: `${Math.min(i + BATCH, files.length)} / ${files.length}`, increment: (batch.length / files.length) * 100 });
      }
      summary.cancelled = token.isCancellationRequested;
    },
  );
  if (!opts.quiet) {
    const s = summary;
    const text = s.files === 0
      ? 'claimlint: no Markdown files in the workspace.'
      : `claimlint${s.cancelled ? ' (cancelled)' : ''}: ${s.checked} of ${s.files} Markdown files checked — ${s.findings} findings in ${s.filesWithFindings} files (${s.errors} errors, ${s.warnings} warnings, ${s.infos} info, ${s.hints} hints).`;
    const open = s.findings > 0 ? 'Open Problems' : undefined;
    void vscode.window.showInformationMessage(text, ...(open ? [open] : [])).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }
  return summary;
}
