// Restricted mode (launched without --disable-workspace-trust, so the fixture folder is untrusted):
// the extension still runs, tells the server so, and only the embedded database and the user's own
// settings apply — the folder's .claimlintrc (which turns overstated-certainty off) is not read.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimlintApi } from '../../../client/src/extension.js';
import { activate, open, waitForDiagnostics, waitForStatus, workspaceUri } from './helpers.js';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('claimlint in an untrusted workspace', () => {
  let api: ClaimlintApi;
  before(async () => {
    api = await activate();
  });

  it('runs in restricted mode and tells the server the workspace is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(api.client?.isRunning());
    const init = api.client!.clientOptions.initializationOptions;
    const opts = typeof init === 'function' ? init() : init;
    assert.equal(opts.trusted, false);
    assert.deepEqual(opts.packs, []);
  });

  it("ignores the workspace's .claimlintrc: the embedded database and default severities apply", async () => {
    const uri = workspaceUri('configured', 'draft.md');
    await open(uri);
    // Waits for the diagnostics themselves: the status notification can reach the extension before
    // VS Code has applied the published diagnostics (a CI-load flake). Were the .claimlintrc read, the
    // draft's only finding would be off and this would time out.
    const codes = (await waitForDiagnostics(uri, (d) => d.length > 0)).map(codeOf);
    assert.ok(codes.includes('overstated-certainty'), 'overstated-certainty reported despite the .claimlintrc: ' + codes.join(', '));
  });

  it('says so in the status bar: restricted mode, workspace config and packs ignored', async () => {
    const uri = workspaceUri('configured', 'draft.md');
    await open(uri);
    const s = await waitForStatus(api, uri, (x) => x.version !== null);
    assert.equal(s.restricted, true);
    assert.match(api.statusText() ?? '', /^\$\(workspace-untrusted\) claimlint: \d+ findings?$/);
  });
});
