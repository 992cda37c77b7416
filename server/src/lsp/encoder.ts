// JSON encoding of outgoing messages over stdio (server.ts). A publish carries
// every diagnostic of the document, ~1.4 MB of JSON for a 1 MB draft, on each keystroke, while the
// DiagnosticCache hands back the same Diagnostic objects for everything the edit did not touch.
// So each diagnostic is encoded once, kept as UTF-8 bytes keyed by its object, and a publish is
// the concatenation of those pieces: no 1.4 MB JSON string and no re-encoding of it per edit.
// The pieces are kept in a plain map per document, for the document's life (an empty publish, sent
// when a document closes, drops it), and pruned to the last publish's when unused ones pile up.
// (Over Node IPC, used by the VS Code client, Node serialises messages itself.)
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';

interface PublishMessage {
  jsonrpc: string;
  method: typeof PUBLISH;
  params: { uri: string; version?: number | null; diagnostics: object[] };
}

const MESSAGE_KEYS = new Set(['jsonrpc', 'method', 'params']);
const PARAM_KEYS = new Set(['uri', 'version', 'diagnostics']);
/** A publish this encoder knows every field of (anything else goes through JSON.stringify whole). */
const isPublish = (msg: Message): msg is Message & PublishMessage => {
  const m = msg as Partial<PublishMessage>;
  return m.method === PUBLISH && typeof m.params === 'object' && m.params !== null && Array.isArray(m.params.diagnostics)
    && Object.keys(m).every((k) => MESSAGE_KEYS.has(k)) && Object.keys(m.params).every((k) => PARAM_KEYS.has(k));
};

/**
 * An `application/json` encoder that encodes each diagnostic object once. Diagnostics must not be
 * mutated after they are published (the DiagnosticCache copies a diagnostic to change it).
 */
export function cachingJsonEncoder(): ContentTypeEncoder {
  const lastPieces = new Map<string, Map<object, Buffer>>();
  // Publishes are assembled in one buffer that is reused: the writer encodes a message only after
  // the previous one was written (vscode-jsonrpc serialises writes), so the last view is no longer
  // in use. A new 1.4 MB allocation per keystroke would leave the C heap fragmented.
  let out = Buffer.alloc(0);
  const encode = (msg: Message): Uint8Array => {
    if (!isPublish(msg)) return Buffer.from(JSON.stringify(msg), 'utf8');
    const { uri, version, diagnostics } = msg.params;
    const head = Buffer.from(`{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"method":"${PUBLISH}","params":{"uri":${JSON.stringify(uri)},${version === undefined ? '' : `"version":${JSON.stringify(version)},`}"diagnostics":[`, 'utf8');
    let pieces = lastPieces.get(uri);
    if (!diagnostics.length) lastPieces.delete(uri);
    else if (!pieces) lastPieces.set(uri, (pieces = new Map()));
    const list: Buffer[] = new Array(diagnostics.length);
    let length = head.length + Math.max(0, diagnostics.length - 1) + 3;
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i]!;
      let piece = pieces?.get(d);
      if (!piece) pieces!.set(d, (piece = Buffer.from(JSON.stringify(d), 'utf8')));
      list[i] = piece;
      length += piece.length;
    }
    // Diagnostics a DiagnosticCache replaced (copies with a new range) leave their pieces behind.
    if (pieces && pieces.size > 2 * diagnostics.length + 64) {
      const keep = new Set<object>(diagnostics);
      for (const d of pieces.keys()) if (!keep.has(d)) pieces.delete(d);
    }
    if (out.length < length) out = Buffer.allocUnsafeSlow(Math.max(length, 2 * out.length));
    let at = head.copy(out, 0);
    for (let i = 0; i < list.length; i++) {
      if (i > 0) out[at++] = 0x2c; // ,
      at += list[i]!.copy(out, at);
    }
    at += out.write(']}}', at, 'latin1');
    return out.subarray(0, at);
  };
  return {
    name: 'application/json',
    encode: (msg) => {
      try {
        return Promise.resolve(encode(msg));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}
