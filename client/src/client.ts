// Creating the language client: the bundled server (dist/server.cjs) over Node IPC, Markdown
// documents only, the `claimlint` settings section, and workspace trust passed to the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ClaimlintInitializationOptions, ClaimlintSettings } from '../../server/src/lsp/protocol.js';

export const CLIENT_ID = 'claimlint';
export const SECTION = 'claimlint';

/** Markdown in files and unsaved buffers (not diff views, notebooks, or virtual file systems). */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
];

export function isClaimlintDocument(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === 'markdown' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

/** The `claimlint` settings for a resource, with workspace-only values dropped when untrusted. */
export function readSettings(scope?: vscode.ConfigurationScope): ClaimlintSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const settings: ClaimlintSettings = {
    rules: c.get<Record<string, string>>('rules') ?? {},
    citationStyle: c.get<'pandoc' | 'footnote' | 'link'>('citationStyle'),
    packs: c.get<string[]>('packs') ?? [],
    debounceMs: c.get<number>('debounceMs'),
    run: c.get<'onType' | 'onSave'>('run'),
  };
  return vscode.workspace.isTrusted ? settings : untrustedView(settings);
}

/** Untrusted workspaces: the embedded database only, so no extra packs whatever the settings say. */
function untrustedView<T extends object>(section: T): T {
  return { ...section, packs: [] };
}

export function initializationOptions(): ClaimlintInitializationOptions {
  const settings = readSettings();
  return { trusted: vscode.workspace.isTrusted, ...settings, settings: { claimlint: settings } };
}

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // Evaluated at every (re)start, so a restart after trust is granted tells the server.
    initializationOptions,
    // didChangeConfiguration carries the section. Claim packs and config files: the server registers
    // its own file watchers (only in trusted workspaces).
    synchronize: { configurationSection: SECTION },
    outputChannel: output,
    traceOutputChannel: output,
    diagnosticCollectionName: CLIENT_ID,
    markdown: { isTrusted: false, supportHtml: false },
    middleware: {
      workspace: {
        // The server asks for the `claimlint` section per document; never hand it workspace packs
        // when the workspace is untrusted (VS Code already ignores restricted workspace values, this
        // also drops user-level ones: untrusted means the embedded database only).
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
          return result.map((value, i) =>
            params.items[i]?.section === SECTION && value && typeof value === 'object' ? untrustedView(value) : value,
          );
        },
      },
    },
  };
  return new LanguageClient(CLIENT_ID, 'claimlint', serverOptions, clientOptions);
}
