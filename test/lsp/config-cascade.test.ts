// The language server resolves configuration with the CLI's resolver: a nested config merges with
// its parent (the packs stay), and a config named in `extends` is reloaded when it changes.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { fixtures } from '../helpers.js';
import { pathUri, TestClient } from './client.js';

const DRAFT = readFileSync(fixtures('lsp', 'workspace', 'draft.md'), 'utf8');

describe('claimlint-server: the config cascade', function () {
  this.timeout(60_000);
  let ws: string;
  let client: TestClient | undefined;
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'claimlint-lsp-cascade-'));
    cpSync(fixtures('lsp', 'workspace'), ws, { recursive: true });
  });
  afterEach(async () => {
    if (client?.alive) await client.shutdown();
    client = undefined;
    rmSync(ws, { recursive: true, force: true });
  });

  it('a nested config that only changes a rule keeps the parent\'s pack; its extends file is watched', async () => {
    mkdirSync(join(ws, 'docs'));
    writeFileSync(join(ws, 'docs', 'base.yaml'), 'rules:\n  overstated-certainty: error\n');
    writeFileSync(join(ws, 'docs', '.claimlintrc.yaml'), 'extends: ./base.yaml\nrules:\n  uncited-claim: off\n');
    client = new TestClient({ workspaceFolder: ws, settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = pathUri(join(ws, 'docs', 'draft.md'));
    await client.open(uri, DRAFT, 1);
    const first = await client.diagnosticsFor(uri, 1);
    // The parent's pack (zorbital) still applies below docs/; the nested and extended rules too.
    assert.equal(first.diagnostics.find((d) => d.code === 'overstated-certainty')?.severity, 1);
    assert.ok(!first.diagnostics.some((d) => d.code === 'uncited-claim'));
    writeFileSync(join(ws, 'docs', 'base.yaml'), 'rules:\n  overstated-certainty: hint\n');
    const next = client.nextDiagnostics(uri);
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathUri(join(ws, 'docs', 'base.yaml')), type: FileChangeType.Changed }] });
    assert.equal((await next).diagnostics.find((d) => d.code === 'overstated-certainty')?.severity, 4);
  });
});
