#!/usr/bin/env node
// Regenerates docs/screenshot.png: installs the packaged .vsix (run `npm run package` first) into a
// throwaway code-server profile, opens test/fixtures/editor/screenshot/draft.md as a user would, shows
// the Problems view and a hover, and saves the window — with ../shared/editor-testing/screenshot.js
// (override with CLAIMLINT_SCREENSHOT_JS) and the tools of scripts/install-editor-test-tools.sh.
// The fixture folder is copied outside the repository first, so VS Code offers no git repository.
// Usage: node test/editor/screenshot.mjs [VSIX] [OUT.png]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = resolve(process.argv[2] ?? join(root, `${name}-${version}.vsix`));
const out = resolve(process.argv[3] ?? join(root, 'docs', 'screenshot.png'));
const script = resolve(process.env.CLAIMLINT_SCREENSHOT_JS ?? join(root, '..', 'shared', 'editor-testing', 'screenshot.js'));
const tools = resolve(process.env.CODE_SERVER_TOOLS ?? join(root, '.vscode-test', 'tools'));

for (const [what, p] of [['the .vsix (npm run package)', vsix], ['screenshot.js', script], ['code-server (scripts/install-editor-test-tools.sh)', join(tools, 'node_modules', 'code-server')]]) {
  if (!existsSync(p)) {
    console.error(`screenshot: ${what} not found: ${p}`);
    process.exit(1);
  }
}
const work = mkdtempSync(join(tmpdir(), 'claimlint-shot-'));
const folder = join(work, 'leaflet');
cpSync(join(root, 'test', 'fixtures', 'editor', 'screenshot'), folder, { recursive: true });
try {
  execFileSync(process.execPath, [script, vsix, folder, 'draft.md', out], { stdio: 'inherit', env: { ...process.env, CODE_SERVER_TOOLS: tools } });
} finally {
  rmSync(work, { recursive: true, force: true });
}
