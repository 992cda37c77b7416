// Generated hostile Markdown for `npm run bench:nasty` and test/markdown/nasty.test.ts: shapes that
// once made claimlint slow or crash (issue 11: deep nesting, long lines, dense inline markup, many
// tiny blocks). `nasty(shape, bytes)` returns about `bytes` characters of the shape followed by a
// blank line and `TAIL`, a normal paragraph whose findings must still be reported, at its offsets.

/** A paragraph with findings, placed after the nasty part. */
export const TAIL = 'Ketamine is proven to cure depression in every patient.\n';

const words = ['the', 'patients', 'were', 'followed', 'for', 'twelve', 'weeks', 'and', 'reported', 'better', 'sleep'];
/** `n` characters of plain words, no sentence end. */
function prose(n) {
  const out = [];
  let size = 0;
  for (let i = 0; size < n; i++) { out.push(words[i % words.length]); size += words[i % words.length].length + 1; }
  return out.join(' ').slice(0, n);
}
/** `unit` repeated to about `n` characters (at least once). */
const fill = (unit, n) => unit.repeat(Math.max(1, Math.round(n / unit.length)));
/** `line(i)` for i = 0, 1, … until the lines make about `n` characters. */
function lines(n, line) {
  const out = [];
  let size = 0;
  for (let i = 0; size < n; i++) { const l = line(i); out.push(l); size += l.length; }
  return out.join('');
}
/** Levels of a staircase whose line k is about k * `step` characters long: about `n` characters in all. */
const stairs = (n, step) => Math.max(1, Math.round(Math.sqrt((2 * n) / step)));

/** Shape name → a function of the size in characters. */
export const SHAPES = {
  // Nesting written on one line: n/2 levels.
  'list-one-line': (n) => '- '.repeat(n / 2) + 'item\n',
  'quote-one-line': (n) => '> '.repeat(n / 2) + 'quoted\n',
  'mixed-one-line': (n) => fill('> - 1. ', n) + 'item\n',
  // Nesting as a staircase: each line one level deeper than the one before.
  'list-staircase': (n) => Array.from({ length: stairs(n, 2) }, (_, i) => '  '.repeat(i) + '- item\n').join(''),
  'quote-staircase': (n) => Array.from({ length: stairs(n, 1) }, (_, i) => '>'.repeat(i + 1) + ' line\n').join(''),
  'mixed-staircase': (n) => Array.from({ length: stairs(n, 2) }, (_, i) => '  '.repeat(i) + (i % 2 ? '> ' : '- ') + 'item\n').join(''),
  // Deep containers just under the parser's limit, holding many lines and paragraphs.
  'deep-quote-lines': (n) => lines(n, (i) => '> '.repeat(30) + (i % 2 ? '\n' : `the patients slept well ${i}\n`)),
  'deep-list-paragraphs': (n) => '- '.repeat(30) + 'item\n' + lines(n, (i) => '\n' + ' '.repeat(60) + `the patients slept well ${i}\n`),
  // Inline nesting.
  'emphasis-stars': (n) => '*'.repeat(n / 2) + 'word' + '*'.repeat(n / 2) + '\n',
  'emphasis-unclosed': (n) => '*'.repeat(n) + 'word\n',
  'emphasis-nested-pairs': (n) => '*a '.repeat(n / 6) + 'b' + ' c*'.repeat(n / 6) + '\n',
  'links-nested': (n) => '['.repeat(n / 5) + 'text' + '](u)'.repeat(n / 5) + '\n',
  'images-nested': (n) => '!['.repeat(n / 6) + 'alt' + '](u)'.repeat(n / 6) + '\n',
  'brackets-open': (n) => '['.repeat(n) + 'text\n',
  // Inline nesting and density just under the parser's limits, paragraph after paragraph.
  'nested-emphasis-paragraphs': (n) => lines(n, (i) => '*a '.repeat(15) + i + ' c*'.repeat(15) + '\n\n'),
  'nested-links-paragraphs': (n) => lines(n, (i) => '['.repeat(30) + i + '](u)'.repeat(30) + '\n\n'),
  'dense-emphasis-paragraphs': (n) => lines(n, (i) => '*a* _b_ '.repeat(900) + i + '\n\n'),
  'emphasis-paragraphs': (n) => lines(n, (i) => `*a* _b_ ${i}\n\n`),
  'dense-lines-paragraphs': (n) => lines(n, (i) => 'the patients slept well\n'.repeat(3500) + i + '\n\n'),
  // Long lines.
  'line-words': (n) => prose(n) + '\n',
  'line-sentences': (n) => fill('The patients slept well. ', n) + '\n',
  'line-claims': (n) => fill('ketamine is proven to cure depression and ', n) + '\n',
  'line-claim-sentences': (n) => fill('Ketamine is proven to cure depression. ', n) + '\n',
  'line-opioid-sentences': (n) => fill('Ketamine works through the opioid system in most patients. ', n) + '\n',
  'line-no-space': (n) => 'a'.repeat(n) + '\n',
  'line-dots': (n) => fill('a.', n) + '\n',
  'line-dots-spaced': (n) => fill('a. ', n) + '\n',
  'line-emphasis': (n) => fill('*a* _b_ ', n) + '\n',
  'line-stars-spaced': (n) => fill('* a ', n) + '\n',
  'line-underscores': (n) => fill('a_ _b ', n) + '\n',
  'line-code': (n) => fill('`a` ', n) + '\n',
  'line-backticks': (n) => fill('`` a ` ', n) + '\n',
  'line-footnotes': (n) => fill('[^a]', n) + '\n',
  'line-footnotes-text': (n) => fill('[^a]x', n) + '\n',
  'line-citations': (n) => fill('[@a] ', n) + '\n',
  'line-citations-bare': (n) => fill('@a ', n) + '\n',
  'line-brackets': (n) => fill('[a] ', n) + '\n',
  'line-links': (n) => fill('[a](b) ', n) + '\n',
  'line-autolinks': (n) => fill('www.a.com ', n) + '\n',
  'line-entities': (n) => fill('&amp; ', n) + '\n',
  'line-html': (n) => fill('<a> ', n) + '\n',
  'line-comments': (n) => fill('<!-- claimlint-enable ', n) + '-->\n',
  'line-table-row': (n) => '| a |\n| - |\n|' + fill(' a |', n) + '\n',
  'line-heading': (n) => '# ' + prose(n) + '\n',
  // One paragraph, many lines.
  'paragraph-lines': (n) => fill('the patients slept well\n', n),
  'list-item-lines': (n) => '- ' + fill('the patients slept well\n  ', n) + '\n',
  'quote-lines': (n) => fill('> the patients slept well\n', n),
  // Many small blocks.
  'tiny-paragraphs': (n) => lines(n, (i) => `a${i}\n\n`),
  'tiny-claims': (n) => lines(n, (i) => `Ketamine is proven to cure depression ${i}.\n\n`),
  'tiny-sections-caution': (n) => lines(n, (i) => `## Part ${i}\n\nKetamine acts on opioid receptors with long-term use in ${i} cases.\n\n`),
  'tiny-list-items': (n) => lines(n, (i) => `- a${i}\n`),
  'tiny-quote-lines': (n) => lines(n, (i) => `> a${i}\n`),
  'tiny-headings': (n) => lines(n, (i) => `# a${i}\n`),
  'tiny-table-rows': (n) => '| a | b |\n| - | - |\n' + lines(n, (i) => `| a | b${i} |\n`),
  'tiny-footnotes': (n) => lines(n, (i) => `[^${i}]: note\n\n`),
  'tiny-definitions': (n) => lines(n, (i) => `[d${i}]: https://example.org/${i}\n`) + '\nSee [d1].\n',
  'tiny-directives': (n) => lines(n, (i) => `<!-- claimlint-disable-next-line -->\nKetamine is proven ${i}.\n\n`),
  'blank-lines': (n) => '\n'.repeat(n),
  // A realistic draft (paragraphs, lists, tables, code, quotes, links), as in ../shared/bench.
  'draft-like': (n) => lines(n, (i) => `# Results ${i}\n\nKetamine may reduce depressive symptoms within hours [@a].\n\n- It is *proven* to work in ${i} cases.\n- See [the review](https://doi.org/x).\n\n| A | B |\n| - | - |\n| 1 | ${i} |\n\n\`\`\`\ncode\n\`\`\`\n\n> Quoted text ${i}.\n\n`),
};

/** A shape's document of about `bytes` characters, followed by a blank line and `TAIL`. */
export function nasty(shape, bytes) {
  const make = SHAPES[shape];
  if (!make) throw new Error(`unknown shape ${shape}`);
  return make(Math.round(bytes)) + '\n' + TAIL;
}
