// Entry point of `claimlint-server`: `--stdio`, `--node-ipc` or `--socket=N`, as the client asks
// (createConnection without an explicit transport reads the choice from the command line).
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { addIgnored } from '../ignored/store.js';
import { readDraft } from './draft-file.js';
import { cachingJsonEncoder } from './encoder.js';
import { MemoryKeeper, tuneHeapForServer } from './memory.js';
import { ClaimlintServer, type ServerEnv } from './service.js';
import { Workspace } from './workspace.js';

function stdioConnection(): Connection {
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(process.stdin),
    new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: cachingJsonEncoder() }),
  );
  // What createConnection does itself for `--stdio`: stop when the client closes our input (see
  // below), and keep console output (ours or a dependency's) off stdout, which carries the protocol.
  const log = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => connection.console[level](format(...args));
  console.log = console.debug = log('log');
  console.info = log('info');
  console.warn = log('warn');
  console.error = console.trace = log('error');
  return connection;
}

tuneHeapForServer();

// stdio gets the caching encoder (see encoder.ts); other transports keep the library's defaults.
const connection = process.argv.slice(2).includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);

// Stay alive: an error that escapes a handler is logged, not fatal.
process.on('uncaughtException', (e) => connection.console.error(`claimlint: uncaught exception: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`claimlint: unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));

const transport = ['--stdio', '--node-ipc', '--socket'].find((t) => process.argv.slice(2).some((a) => a.startsWith(t))) ?? 'stdio';
const env: ServerEnv = {
  createWorkspace: (opts) => new Workspace(opts),
  memory: new MemoryKeeper(),
  readFile: readDraft,
  addIgnored,
  describe: () => `Node ${process.version}, pid ${process.pid}, ${transport.replace(/^--/, '')}`,
};
const server = new ClaimlintServer(connection, env);
server.listen();
if (process.argv.slice(2).includes('--stdio')) {
  const exit = () => process.exit(server.shutdownRequested ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
}
