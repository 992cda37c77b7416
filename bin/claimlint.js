#!/usr/bin/env node
// The claimlint command: see README.md, "CLI". It runs the bundled CLI (dist/cli/main.js, built by
// `npm install` through the prepare script); a missing build is a set-up problem, reported as such
// (exit 2).
import('../dist/cli/main.js').then(
  ({ main }) => main(process.argv.slice(2)).then((code) => { process.exitCode = code; }),
  (err) => {
    process.stderr.write(`claimlint: cannot load the compiled CLI (${err && err.code ? err.code : err}).\n` +
      'Run `npm install` (or `npm run build`) in the claimlint folder first.\n');
    process.exitCode = 2;
  },
);
