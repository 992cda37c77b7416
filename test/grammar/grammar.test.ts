// The TextMate injection grammar (syntaxes/claimlint.injection.tmLanguage.json), tokenised with
// vscode-textmate + vscode-oniguruma over a Markdown base grammar: exact token ranges and scopes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, repoRoot } from '../helpers.js';
import { markdownTokenizer, tokenAt, scopesOver, allScopes, dump, injectionGrammarPath, INJECTION_SCOPE, type Tokenizer, type Token } from './tokenizer.js';

const KEY = 'entity.name.tag.citation.claimlint';
const LINK = 'markup.underline.link.citation.claimlint';

function has(tok: Token, scope: string) {
  assert.ok(tok.scopes.includes(scope), `"${tok.text}" [${tok.start},${tok.end}) lacks ${scope}: ${tok.scopes.join(' ')}`);
}
function lacks(tok: Token, scope: string) {
  assert.ok(!tok.scopes.includes(scope), `"${tok.text}" [${tok.start},${tok.end}) has ${scope}: ${tok.scopes.join(' ')}`);
}
/** No character of the needle carries `scope`. */
function lacksOver(line: Token[], needle: string, scope: string, occurrence = 0) {
  const scopes = scopesOver(line, needle, occurrence);
  assert.ok(!scopes.includes(scope), `"${needle}" has ${scope}:\n  ${dump(line)}`);
}
function noClaimlint(line: Token[]) {
  const found = allScopes(line).filter((s) => s.endsWith('.claimlint'));
  assert.deepEqual(found, [], 'unexpected claimlint scopes:\n  ' + dump(line));
}

/** Cases every Markdown base grammar must satisfy (run on the minimal one and on VS Code's own). */
function commonCases(get: () => Tokenizer) {
  const one = (text: string) => get().tokenize(text)[0]!;

  it('a pandoc citation: brackets, @ and the key each get their own token', () => {
    const line = one('Statins reduce events [@williams2018].');
    has(tokenAt(line, '['), 'punctuation.definition.citation.begin.claimlint');
    has(tokenAt(line, '@'), 'punctuation.definition.citation.key.claimlint');
    const key = tokenAt(line, 'williams2018');
    has(key, KEY);
    has(key, LINK);
    has(key, 'meta.citation.pandoc.claimlint');
    has(tokenAt(line, ']'), 'punctuation.definition.citation.end.claimlint');
    lacksOver(line, 'Statins reduce events ', 'meta.citation.pandoc.claimlint');
    lacksOver(line, '].', KEY);
  });

  it('several keys with locators and a prefix; separators and locators are not keys', () => {
    const line = one('As shown [see @williams2018, p. 3; -@smith_2020a pp. 33-35] here.');
    has(tokenAt(line, 'williams2018'), KEY);
    has(tokenAt(line, 'smith_2020a'), KEY);
    has(tokenAt(line, ';'), 'punctuation.separator.citation.claimlint');
    has(tokenAt(line, '-', 0), 'keyword.operator.suppress-author.claimlint');
    const locator = tokenAt(line, ', p. 3');
    has(locator, 'meta.citation.pandoc.claimlint');
    lacks(locator, KEY);
    lacksOver(line, 'see ', KEY);
  });

  it('a key ends before trailing punctuation but keeps inner punctuation', () => {
    const line = one('Per @doe:2019.v2 and @roe2020.');
    has(tokenAt(line, 'doe:2019.v2'), KEY);
    has(tokenAt(line, 'roe2020'), KEY);
    lacksOver(line, '.', KEY, 1); // the final dot
    has(tokenAt(line, 'roe2020'), KEY);
  });

  it('e-mail addresses and handles inside words are not citations', () => {
    noClaimlint(one('Write to evidence@example.org or user.name@host.'));
  });

  it('a footnote reference', () => {
    const line = one('Statins reduce events.[^williams2018] More text.');
    has(tokenAt(line, '['), 'punctuation.definition.citation.begin.claimlint');
    has(tokenAt(line, '^'), 'punctuation.definition.citation.footnote.claimlint');
    has(tokenAt(line, 'williams2018'), KEY);
    has(tokenAt(line, ']'), 'punctuation.definition.citation.end.claimlint');
  });

  it('a footnote definition wins over the link-definition rule', () => {
    const line = one('[^williams2018]: Williams J, et al. Statins. Lancet. 2018.');
    const key = tokenAt(line, 'williams2018');
    has(key, KEY);
    has(key, 'meta.citation.footnote.definition.claimlint');
    has(tokenAt(line, ':', 0), 'punctuation.separator.key-value.claimlint');
    lacksOver(line, ' Williams J, et al. Statins. Lancet. 2018.', KEY);
  });

  it('a disable directive: keyword, codes, separators and the reason', () => {
    const line = one('<!-- claimlint-disable-next-line overstated-certainty, missing-caveat -- pilot data; see review -->');
    has(tokenAt(line, '<!--'), 'punctuation.definition.comment.begin.html');
    const kw = tokenAt(line, 'claimlint-disable-next-line');
    has(kw, 'keyword.control.directive.claimlint');
    has(kw, 'meta.directive.claimlint');
    has(tokenAt(line, 'overstated-certainty'), 'constant.language.rule.claimlint');
    has(tokenAt(line, 'missing-caveat'), 'constant.language.rule.claimlint');
    has(tokenAt(line, ','), 'punctuation.separator.comma.claimlint');
    has(tokenAt(line, '--', 1), 'punctuation.separator.reason.claimlint'); // #0 is in '<!--'
    const reason = tokenAt(line, ' pilot data; see review');
    has(reason, 'comment.line.reason.claimlint');
    lacks(reason, 'constant.language.rule.claimlint');
    has(tokenAt(line, '-->'), 'punctuation.definition.comment.end.html');
  });

  it('the other directive keywords, with and without codes', () => {
    for (const kw of ['claimlint-disable', 'claimlint-enable', 'claimlint-disable-line']) {
      const line = one(`<!-- ${kw} -->`);
      has(tokenAt(line, kw), 'keyword.control.directive.claimlint');
      has(tokenAt(line, '-->'), 'punctuation.definition.comment.end.html');
    }
    const line = one('<!-- claimlint-disable figure-mismatch -->');
    has(tokenAt(line, 'figure-mismatch'), 'constant.language.rule.claimlint');
  });

  it('an ordinary HTML comment stays a comment: no directive, no citations', () => {
    noClaimlint(one('<!-- claimlint-disablement is not a directive [@williams2018] -->'));
    noClaimlint(one('<!-- TODO cite [@williams2018] and [^smith2020] -->'));
  });

  it('no citations inside inline code', () => {
    const line = one('Write `[@williams2018]` to cite, or `[^n]`.');
    noClaimlint(line);
  });

  it('no citations inside fenced code blocks, and normal service after them', () => {
    const lines = get().tokenize('```markdown\nStatins [@williams2018] and [^smith2020].\n```\n\nAfter [@williams2018].');
    noClaimlint(lines[1]!);
    has(tokenAt(lines[4]!, 'williams2018'), KEY);
  });

  it('links are left to the Markdown grammar', () => {
    noClaimlint(one('See [the trial @ NEJM](https://example.org/@williams2018) for details.'));
  });
}

describe('grammar: claimlint injection', () => {
  it('is a valid injection grammar for Markdown, contributed under that scope name', () => {
    const g = JSON.parse(readFileSync(injectionGrammarPath, 'utf8'));
    assert.equal(g.scopeName, INJECTION_SCOPE);
    assert.match(g.injectionSelector, /^L:text\.html\.markdown\b/);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const contributed = (pkg.contributes?.grammars ?? []).find((c: { scopeName: string }) => c.scopeName === INJECTION_SCOPE);
    assert.ok(contributed, 'package.json contributes.grammars lacks ' + INJECTION_SCOPE);
    assert.deepEqual(contributed.injectTo, ['text.html.markdown']);
    assert.equal(join(repoRoot, contributed.path), injectionGrammarPath);
  });

  describe('over a minimal Markdown grammar', () => {
    let tk: Tokenizer;
    before(async () => {
      tk = await markdownTokenizer(fixtures('grammar', 'markdown-minimal.tmLanguage.json'));
    });
    commonCases(() => tk);

    it('a citation in a heading', () => {
      const line = tk.tokenize('## Results [@williams2018]')[0]!;
      has(tokenAt(line, 'williams2018'), KEY);
      has(tokenAt(line, 'williams2018'), 'markup.heading.markdown');
    });

    it('the key of a braced citation @{...}', () => {
      const line = tk.tokenize('As [@{Smith&Jones:2019}] found.')[0]!;
      has(tokenAt(line, 'Smith&Jones:2019'), KEY);
      has(tokenAt(line, '{'), 'punctuation.definition.citation.key.begin.claimlint');
    });

    it('a directive after text on the same line', () => {
      const line = tk.tokenize('Statins cure everything. <!-- claimlint-disable-line overstated-certainty -- quoting the press release -->')[0]!;
      has(tokenAt(line, 'claimlint-disable-line'), 'keyword.control.directive.claimlint');
      has(tokenAt(line, 'overstated-certainty'), 'constant.language.rule.claimlint');
      has(tokenAt(line, ' quoting the press release'), 'comment.line.reason.claimlint');
    });
  });

  // VS Code's own Markdown grammar, when the editor-test tools are installed (code-server ships it).
  describe("over VS Code's Markdown grammar", function () {
    const real = join(repoRoot, '.vscode-test/tools/node_modules/code-server/lib/vscode/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json');
    let tk: Tokenizer;
    before(async function () {
      if (!existsSync(real)) return this.skip();
      tk = await markdownTokenizer(real);
    });
    commonCases(() => tk);
  });
});
