// The protocol floor for bench:server: a process that does no analysis and, on each
// `bench/publish` notification, sends the publishDiagnostics it was given once (`bench/set`) with
// the requested version. Timing it the way the bench times claimlint-server gives what any server
// publishing the same diagnostics over stdio would cost: encoding, the pipe and the client's parse.
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const conn = createMessageConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
let params;
conn.onNotification('bench/set', (p) => { params = p; });
conn.onNotification('bench/publish', ({ version }) => {
  void conn.sendNotification('textDocument/publishDiagnostics', { ...params, version });
});
process.stdin.on('end', () => process.exit(0));
conn.listen();
