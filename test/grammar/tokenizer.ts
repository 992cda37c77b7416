// Tokenises Markdown with claimlint's injection grammar the way VS Code does (vscode-textmate +
// vscode-oniguruma, both offline), over a given Markdown base grammar.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import { repoRoot } from '../helpers.js';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
export const INJECTION_SCOPE = 'claimlint.markdown.injection';
export const injectionGrammarPath = join(repoRoot, 'syntaxes', 'claimlint.injection.tmLanguage.json');

let onig: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  onig ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onig;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  scopes: string[];
}

export interface Tokenizer {
  /** Tokenises consecutive lines (state carries over, as in an editor). */
  tokenize(text: string): Token[][];
}

/** A Markdown tokenizer: `basePath` is the Markdown grammar, with claimlint's grammar injected. */
export async function markdownTokenizer(basePath: string): Promise<Tokenizer> {
  const registry = new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const path = scopeName === 'text.html.markdown' ? basePath : scopeName === INJECTION_SCOPE ? injectionGrammarPath : undefined;
      // Languages embedded in code blocks are not needed: unknown scopes stay plain text.
      return path ? vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    // How VS Code applies a contributed grammar's "injectTo": ["text.html.markdown"].
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('markdown grammar did not load: ' + basePath);
  return {
    tokenize(text) {
      let state = vsctm.INITIAL;
      return text.split('\n').map((line) => {
        const r = grammar.tokenizeLine(line, state);
        state = r.ruleStack;
        return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, end: t.endIndex, scopes: t.scopes }));
      });
    },
  };
}

/**
 * The single token spanning exactly the `occurrence`-th `needle` of the line; throws (with the line's
 * tokens) when the token boundaries do not fall exactly on the needle.
 */
export function tokenAt(line: Token[], needle: string, occurrence = 0): Token {
  const text = line.map((t) => t.text).join('');
  let from = -1;
  for (let i = 0; i <= occurrence; i++) {
    from = text.indexOf(needle, from + 1);
    if (from < 0) throw new Error(`"${needle}" (#${occurrence}) not in line: ${text}`);
  }
  const tok = line.find((t) => t.start === from && t.end === from + needle.length);
  if (!tok) throw new Error(`no single token spans "${needle}" at ${from} in: ${dump(line)}`);
  return tok;
}

/** Every scope that any character of the `occurrence`-th `needle` has (for negative checks, where token boundaries are the base grammar's business). */
export function scopesOver(line: Token[], needle: string, occurrence = 0): string[] {
  const text = line.map((t) => t.text).join('');
  let from = -1;
  for (let i = 0; i <= occurrence; i++) {
    from = text.indexOf(needle, from + 1);
    if (from < 0) throw new Error(`"${needle}" (#${occurrence}) not in line: ${text}`);
  }
  const to = from + needle.length;
  return [...new Set(line.filter((t) => t.start < to && t.end > from).flatMap((t) => t.scopes))];
}

/** Scopes at one character offset of a line. */
export function scopesAt(line: Token[], offset: number): string[] {
  return line.find((t) => t.start <= offset && offset < t.end)?.scopes ?? [];
}

/** Every scope of the line, as one list (for "no claimlint scope anywhere" checks). */
export function allScopes(line: Token[]): string[] {
  return line.flatMap((t) => t.scopes);
}

export function dump(line: Token[]): string {
  return line.map((t) => `[${t.start},${t.end}) ${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`).join('\n  ');
}
