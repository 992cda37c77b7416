// Entry point of the server in a web worker (the web extension, vscode.dev): LSP over postMessage,
// the embedded database bundled from dist/claims.json, and nothing that needs a file system: no
// claim packs, no .claimlintrc files, no ignore file, no bibliography of files that are not open.
// Go to definition names embedded records as claimlint-db:/claims/FILE, which the extension serves
// read-only.
import './browser/shims.js';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import compiled from 'claimlint:embedded-db';
import { databaseFromJson, type CompiledDb } from '../db/compiled.js';
import type { Database } from '../db/schema.js';
import { DEFAULT_CONFIG, type EngineConfig } from '../engine/index.js';
import { ClaimlintServer, type WorkspaceHost } from './service.js';
import type { WorkspaceOptions } from './workspace.js';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

let db: Database | undefined;
function embedded(log: WorkspaceOptions['log']): Database {
  if (!db) {
    const t0 = performance.now();
    db = databaseFromJson(JSON.parse(compiled) as CompiledDb);
    // Records point into the extension's claims/ files, which it serves read-only.
    for (const [k, o] of db.origins) db.origins.set(k, { ...o, file: `claimlint-db:/${o.file.replace(/^\/+/, '')}` });
    log.info(`claimlint: embedded claims database loaded: ${db.claims.size} claims, ${db.sources.size} sources, ${db.concepts.size} concepts, ${db.cautions.size} cautions in ${Math.round(performance.now() - t0)} ms`);
  }
  return db;
}

/** The embedded database and the editor's settings, for every document. */
function browserWorkspace(opts: WorkspaceOptions): WorkspaceHost {
  return {
    trusted: opts.trusted,
    embedded: () => embedded(opts.log),
    contextFor: (_path, settings) => {
      const engine: EngineConfig = { ...DEFAULT_CONFIG, rules: { ...settings.rules } as EngineConfig['rules'], citationStyle: settings.citationStyle ?? DEFAULT_CONFIG.citationStyle };
      return { engine, db: embedded(opts.log), key: 'embedded|' + JSON.stringify(engine), ignored: false, packs: [], restricted: !opts.trusted };
    },
    problems: () => new Map(),
    isRelevant: () => false,
    invalidate: () => {},
  };
}

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
new ClaimlintServer(connection, { createWorkspace: browserWorkspace, describe: () => 'web worker' }).listen();
