// What every claimlint language client shares (the Node one, node-client.ts, and the web worker
// one, browser-client.ts): Markdown documents, the `claimlint` settings section, workspace trust
// passed to the server, and embedded claim records shown read-only (embedded-records.ts).
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import type { ClaimlintInitializationOptions, ClaimlintSettings } from '../../server/src/lsp/protocol.js';
import { readOnlyLocations, readOnlyRelated } from './embedded-records.js';

export const CLIENT_ID = 'claimlint';
export const SECTION = 'claimlint';

/** Markdown in files and unsaved buffers (not diff views, notebooks, or virtual file systems). */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
];
/** The web build checks Markdown of any scheme (vscode.dev's virtual file systems): nothing is read from disk. */
export const WEB_DOCUMENT_SELECTOR = [{ language: 'markdown' }];

let selector: vscode.DocumentSelector = DOCUMENT_SELECTOR;
/** The documents this build checks (set once, at activation). */
export function useDocumentSelector(s: vscode.DocumentSelector): void {
  selector = s;
}

export function isClaimlintDocument(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && vscode.languages.match(selector, doc) > 0;
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
    maxProblems: c.get<number>('maxProblems'),
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

/** The client options of either client (the documents it checks: useDocumentSelector). */
export function clientOptions(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: selector as LanguageClientOptions['documentSelector'],
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
      // The extension's own claim files open read-only (a claimlint-db: document), workspace packs as files.
      provideDefinition: async (document, position, token, next) => readOnlyLocations(context, await next(document, position, token)),
      // …and so do the claim records that errors and warnings link to (related information).
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map((d) => readOnlyRelated(context, d))),
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
}
