// JSON encoding of outgoing messages for stream transports (stdio, sockets). A publish carries
// every diagnostic of the document, ~1.4 MB of JSON for a 1 MB draft, on each keystroke, while the
// DiagnosticCache hands back the same Diagnostic objects for everything the edit did not touch.
// So each diagnostic is encoded once, kept as UTF-8 bytes keyed by its object, and a publish is
// the concatenation of those pieces: no 1.4 MB JSON string and no re-encoding of it per edit.
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
  const pieces = new WeakMap<object, Buffer>();
  const comma = Buffer.from(',');
  const encode = (msg: Message): Buffer => {
    if (!isPublish(msg)) return Buffer.from(JSON.stringify(msg), 'utf8');
    const { uri, version, diagnostics } = msg.params;
    const head = `{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"method":"${PUBLISH}","params":{"uri":${JSON.stringify(uri)},${version === undefined ? '' : `"version":${JSON.stringify(version)},`}"diagnostics":[`;
    const parts: Buffer[] = [Buffer.from(head, 'utf8')];
    diagnostics.forEach((d, i) => {
      let piece = pieces.get(d);
      if (!piece) pieces.set(d, (piece = Buffer.from(JSON.stringify(d), 'utf8')));
      if (i > 0) parts.push(comma);
      parts.push(piece);
    });
    parts.push(Buffer.from(']}}'));
    return Buffer.concat(parts);
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
