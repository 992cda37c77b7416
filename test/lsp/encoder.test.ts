// The stdio transport's JSON encoder: publishes assembled from per-diagnostic pieces must decode
// to exactly the message, and reused diagnostic objects must be encoded once.
import assert from 'node:assert/strict';
import type { Message } from 'vscode-languageserver/node';
import { cachingJsonEncoder } from '../../server/src/lsp/encoder.js';

const decode = async (p: Promise<Uint8Array>) => JSON.parse(Buffer.from(await p).toString('utf8')) as unknown;
const diag = (line: number, message: string) => ({
  range: { start: { line, character: 0 }, end: { line, character: 5 } }, severity: 2, code: 'uncited-claim', source: 'claimlint', message,
});

describe('lsp: caching JSON encoder', () => {
  const encoder = cachingJsonEncoder();
  const encode = (m: unknown) => (encoder as { encode(m: Message, o: object): Promise<Uint8Array> }).encode(m as Message, { charset: 'utf-8' });

  it('encodes a publish exactly as JSON.stringify would (non-ASCII, quotes, no version, empty list)', async () => {
    const messages = [
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a%20b.md', version: 7, diagnostics: [diag(1, 'Naïve “quote” — \\ "x"'), diag(2, 'plain')] } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///c.md', diagnostics: [diag(3, 'x')] } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///c.md', version: null, diagnostics: [] } },
    ];
    for (const m of messages) assert.deepEqual(await decode(encode(m)), m);
  });

  it('encodes other messages, and publishes with unknown fields, whole', async () => {
    const other = { jsonrpc: '2.0', id: 3, result: { contents: { kind: 'markdown', value: '**x**' } } };
    assert.deepEqual(await decode(encode(other)), other);
    const extra = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///d.md', diagnostics: [diag(0, 'y')], extra: 1 } };
    assert.deepEqual(await decode(encode(extra)), extra);
  });

  it('encodes a reused diagnostic object once (published diagnostics are never mutated)', async () => {
    const d = diag(4, 'kept');
    const first = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///e.md', version: 1, diagnostics: [d] } };
    await encode(first);
    d.message = 'changed in place'; // a contract violation, made here only to observe the cache
    const second = await decode(encode({ ...first, params: { ...first.params, version: 2 } })) as { params: { diagnostics: Array<{ message: string }> } };
    assert.equal(second.params.diagnostics[0]!.message, 'kept');
  });
});
