#!/usr/bin/env node
// A "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }): desktop VS
// Code cannot be downloaded here, so this takes the desktop command line runTests builds, starts
// code-server (VS Code 1.100 server + web workbench) on 127.0.0.1, opens the workbench in headless
// Chromium with the extension-development and extension-tests paths in the URL payload, and exits
// with the code the extension host reports through window.codeAutomationExit (0 = tests passed).
//
// Environment: CODE_SERVER_TOOLS (folder with node_modules/code-server and playwright-core; default
// .vscode-test/tools), CHROMIUM_PATH (default /usr/bin/chromium), CODE_SHIM_TIMEOUT_MS (default
// 240000), CLAIMLINT_SHIM_TRUST=prompt (keep workspace trust on: the workspace opens restricted),
// CLAIMLINT_SHIM_DEBUG=1 (browser console and code-server output).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tools = resolve(process.env.CODE_SERVER_TOOLS || join(root, '.vscode-test', 'tools'));
const require = createRequire(join(tools, 'package.json'));
const debug = !!process.env.CLAIMLINT_SHIM_DEBUG;
const log = (...a) => console.error('[code-shim]', ...a);

// ---- the desktop command line (only what code-server needs; GPU/sandbox flags are irrelevant) ----
const opts = { dev: [], tests: undefined, userData: undefined, extensions: undefined, folders: [] };
for (const arg of process.argv.slice(2)) {
  const m = /^--([^=]+)=(.*)$/s.exec(arg);
  if (m?.[1] === 'extensionDevelopmentPath') opts.dev.push(resolve(m[2]));
  else if (m?.[1] === 'extensionTestsPath') opts.tests = resolve(m[2]);
  else if (m?.[1] === 'user-data-dir') opts.userData = resolve(m[2]);
  else if (m?.[1] === 'extensions-dir') opts.extensions = resolve(m[2]);
  else if (!arg.startsWith('-')) opts.folders.push(resolve(arg));
}
const userData = opts.userData ?? mkdtempSync(join(tmpdir(), 'claimlint-shim-'));
const extensions = opts.extensions ?? join(userData, 'extensions');
mkdirSync(userData, { recursive: true });
mkdirSync(extensions, { recursive: true });
const folder = opts.folders.find((p) => existsSync(p) && statSync(p).isDirectory());

let server;
let browser;
async function cleanup() {
  await browser?.close().catch(() => {});
  // code-server runs in its own process group (detached): end it with its extension hosts.
  if (server?.pid && server.exitCode === null) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { server.kill('SIGTERM'); }
  }
}

async function main() {
  const entry = require.resolve('code-server/out/node/entry.js');
  const { chromium } = require('playwright-core');

  const args = [entry,
    '--config', join(userData, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions,
    '--bind-addr', '127.0.0.1:0', '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(process.env.CLAIMLINT_SHIM_TRUST === 'prompt' ? [] : ['--disable-workspace-trust'])];
  server = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY ?? '{}' },
  });
  let out = '';
  const url = await new Promise((res, rej) => {
    const on = (d) => {
      out += d;
      if (debug) process.stderr.write(d);
      const m = /HTTP server listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) res(m[1].replace(/\/$/, ''));
    };
    server.stdout.on('data', on);
    server.stderr.on('data', on);
    server.on('exit', (c) => rej(new Error(`code-server exited with ${c} before listening:\n${out}`)));
  });
  const origin = new URL(url);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
  if (debug) page.on('console', (m) => log('browser:', m.type(), m.text()));
  page.on('pageerror', (e) => log('page error:', e.message));

  // The workbench calls these in extension-test automation: log lines and the final exit code.
  let exited;
  const exit = new Promise((r) => { exited = r; });
  // Workbench chatter that says nothing about the tests.
  const noise = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|ChatSessionStore|DialogService: refused to show dialog in tests)/;
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = format(...[].concat(args));
    if (debug || !noise.test(line)) console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => exited(code));

  const remote = (p) => `vscode-remote://${origin.host}${p}`;
  const payload = [
    ...opts.dev.map((d) => ['extensionDevelopmentPath', remote(d)]),
    ...(opts.tests ? [['extensionTestsPath', remote(opts.tests)]] : []),
    ['skipWelcome', 'true'],
  ];
  const query = (folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true') + `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(`${url}/?${query}`);

  const timeoutMs = Number(process.env.CODE_SHIM_TIMEOUT_MS || 240_000);
  let timer;
  const code = await Promise.race([
    exit,
    new Promise((r) => { timer = setTimeout(() => { log(`no result from the extension host after ${timeoutMs} ms`); r(124); }, timeoutMs); }),
  ]);
  clearTimeout(timer);
  return typeof code === 'number' ? code : 1;
}

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { void cleanup().then(() => process.exit(130)); });
main()
  .then(async (code) => { await cleanup(); process.exit(code); })
  .catch(async (e) => { log(e?.stack ?? String(e)); await cleanup(); process.exit(1); });
