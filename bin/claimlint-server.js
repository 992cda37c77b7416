#!/usr/bin/env node
// The claimlint language server (stdio or IPC, as the client asks).
import '../out/server/src/lsp/server.js';
