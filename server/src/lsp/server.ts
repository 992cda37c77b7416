// Entry point of `claimlint-server`: `--stdio`, `--node-ipc` or `--socket=N`, as the client asks
// (createConnection without an explicit transport reads the choice from the command line).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ClaimlintServer } from './service.js';

const connection = createConnection(ProposedFeatures.all);

// Stay alive: an error that escapes a handler is logged, not fatal.
process.on('uncaughtException', (e) => connection.console.error(`claimlint: uncaught exception: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`claimlint: unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));

new ClaimlintServer(connection).listen();
