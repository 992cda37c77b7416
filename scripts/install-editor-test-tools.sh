#!/usr/bin/env bash
# Installs what the real-editor tests (test/editor/) and the screenshot need, when missing:
#   - Debian packages: chromium (headless browser), libkrb5-dev + pkg-config (code-server's kerberos
#     module builds from source), ripgrep (stands in for @vscode/ripgrep's GitHub download), neovim
#     (the Neovim client test);
#   - code-server (VS Code 1.100.3, server + web build, from npm) and playwright-core, into the ignored
#     folder .vscode-test/tools/ — never into the project's dependencies.
# Idempotent: a second run with everything in place only checks and exits.
# Usage: bash scripts/install-editor-test-tools.sh [TOOLS_DIR]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=${1:-${CODE_SERVER_TOOLS:-$ROOT/.vscode-test/tools}}
CS_VERSION=4.100.3        # newest code-server whose engines.node accepts Node 20 (4.103+ need 22)
RG_PKG_VERSION=1.15.11    # @vscode/ripgrep version pinned by code-server 4.100.3's shrinkwrap
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz   # what that version downloads
PW_VERSION=1.65.1

say() { printf 'install-editor-test-tools: %s\n' "$*"; }

# ---- Debian packages -------------------------------------------------------------------------
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
command -v nvim >/dev/null 2>&1 || need+=(neovim)
for p in libkrb5-dev pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  say "apt-get install ${need[*]}"
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# ---- code-server + playwright-core ------------------------------------------------------------
CS_DIR="$TOOLS/node_modules/code-server"
installed_ok() {
  # The package itself, and the results of its postinstall (VS Code's own node_modules with the
  # native modules built, and ripgrep in place). A half-finished install fails one of these.
  [ -f "$CS_DIR/out/node/entry.js" ] &&
    [ "$(node -p "require('$CS_DIR/package.json').version" 2>/dev/null)" = "$CS_VERSION" ] &&
    [ -f "$TOOLS/node_modules/playwright-core/package.json" ] &&
    [ -d "$CS_DIR/lib/vscode/node_modules" ] && [ -e "$CS_DIR/lib/vscode/node_modules.asar" ] &&
    [ -d "$CS_DIR/lib/vscode/extensions/node_modules" ] &&
    ls "$CS_DIR"/lib/vscode/node_modules/node-pty/build/Release/*.node >/dev/null 2>&1 &&
    [ -x "$CS_DIR/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]
}

if installed_ok; then
  say "code-server $CS_VERSION and playwright-core already in $TOOLS"
  exit 0
fi

mkdir -p "$TOOLS/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
TOOLS=$(cd "$TOOLS" && pwd)
CS_DIR="$TOOLS/node_modules/code-server"
# @vscode/ripgrep's postinstall downloads rg from GitHub; seed its cache with Debian's rg (13.0.0).
tar czf "$TOOLS/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_ASSET" -C "$(dirname "$(command -v rg)")" rg

cat > "$TOOLS/package.json" <<'JSON'
{
  "name": "claimlint-editor-test-tools",
  "private": true,
  "description": "code-server + playwright-core for claimlint's real-editor tests (installed by scripts/install-editor-test-tools.sh)",
  "allowScripts": { "code-server": true }
}
JSON

# TMPDIR: where @vscode/ripgrep looks for its cache. npm_config_yes: node-pty's postinstall runs
# `npx node-gyp`. unsafe-perm: code-server's postinstall refuses to run as root otherwise.
# dangerously_allow_all_scripts / ignore_scripts=false: npm 11 may gate dependency install scripts
# (allowScripts); code-server's postinstall, and the nested installs it starts, must run.
export TMPDIR="$TOOLS/tmp" npm_config_yes=true npm_config_unsafe_perm=true \
  npm_config_ignore_scripts=false npm_config_dangerously_allow_all_scripts=true \
  npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
say "npm install code-server@$CS_VERSION playwright-core@$PW_VERSION into $TOOLS (about 2 minutes)"
(cd "$TOOLS" && npm install --no-audit --no-fund "code-server@$CS_VERSION" "playwright-core@$PW_VERSION")

if ! installed_ok && [ -f "$CS_DIR/package.json" ]; then
  # The postinstall did not run (or stopped half-way): run it ourselves, with the same environment.
  say "code-server's postinstall did not complete; running it directly"
  (cd "$CS_DIR" && npm run postinstall)
fi

if ! installed_ok; then
  say "FAILED: code-server is incomplete in $CS_DIR (see the npm output above)"
  exit 1
fi
say "code-server $(node -p "require('$CS_DIR/package.json').version") ready in $TOOLS"
