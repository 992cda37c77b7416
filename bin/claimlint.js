#!/usr/bin/env node
// The claimlint command: see README.md, "CLI".
import { main } from '../out/server/src/cli/main.js';
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
