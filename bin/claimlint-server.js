#!/usr/bin/env node
// The claimlint language server (stdio, IPC or a socket, as the client asks). It runs the bundled
// server (dist/server.cjs, built by `npm install` through the prepare script, the same file the VS
// Code extension starts): one file loads faster and takes ~15 MB less memory than the compiled
// modules. A missing build is a set-up problem, reported as such (exit 2).
import { createRequire } from 'node:module';

try {
  createRequire(import.meta.url)('../dist/server.cjs');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('server.cjs')) {
    process.stderr.write('claimlint-server: cannot load the bundled server (dist/server.cjs).\n' +
      'Run `npm install` (or `npm run build`) in the claimlint folder first.\n');
    process.exit(2);
  }
  throw err;
}
