import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fixtures } from '../helpers.js';
import { extractProse, sourceSpan, INLINE_CODE, type ProseDocument } from '../../server/src/engine/markdown.js';
import { assertOffsetMap } from './invariants.js';

const texts = (doc: ProseDocument) => doc.blocks.map((b) => b.text);
const prose = (src: string) => {
  const doc = extractProse(src);
  assertOffsetMap(src, doc);
  return doc;
};
/** The source text a block character range came from. */
const origin = (src: string, doc: ProseDocument, block: number, text: string) => {
  const b = doc.blocks[block];
  const at = b.text.indexOf(text);
  assert.ok(at >= 0, `${JSON.stringify(text)} not in ${JSON.stringify(b.text)}`);
  const span = sourceSpan(b, at, at + text.length, src);
  return src.slice(span.start, span.end);
};

describe('extractProse', () => {
  describe('offset-map invariant over every fixture', () => {
    const dir = fixtures('markdown');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      it(name, () => {
        const src = readFileSync(`${dir}/${name}`, 'utf8');
        const doc = extractProse(src);
        assert.ok(doc.blocks.length > 0);
        assertOffsetMap(src, doc, name);
        // With a base offset every offset shifts and nothing else changes.
        const shifted = extractProse(src, 1000);
        assert.deepEqual(shifted.blocks.map((b) => [b.text, Array.from(b.map, (o) => o - 1000)]), doc.blocks.map((b) => [b.text, Array.from(b.map)]));
        assert.deepEqual(shifted.citations.map((c) => c.start - 1000), doc.citations.map((c) => c.start));
      });
    }
  });

  it('keeps plain prose identical to its source, with soft breaks as spaces on the newline', () => {
    const src = 'Ketamine acts\nwithin hours.\n';
    const doc = prose(src);
    assert.deepEqual(texts(doc), ['Ketamine acts within hours.']);
    assert.equal(doc.blocks[0].map[13], 13); // the space is the '\n'
    assert.equal(doc.blocks[0].map[27], 27);
    assert.deepEqual([doc.blocks[0].start, doc.blocks[0].end], [0, 27]);
  });

  it('skips fenced and indented code, thematic breaks and HTML', () => {
    const src = 'Before.\n\n```js\nketamine is proven\n```\n\n~~~\nalso code\n~~~\n\n    indented code\n\n---\n\n<div>\nhtml block\n</div>\n\nAfter.\n';
    assert.deepEqual(texts(prose(src)), ['Before.', 'After.']);
  });

  it('skips YAML and TOML front matter and records its range', () => {
    const yaml = '---\ntitle: Ketamine is proven\n---\n\n# Heading\n';
    const y = prose(yaml);
    assert.deepEqual(texts(y), ['Heading']);
    assert.deepEqual(y.frontmatter, { start: 0, end: 33 });
    const toml = '+++\ntitle = "x"\n+++\nText.\n';
    const t = prose(toml);
    assert.deepEqual(texts(t), ['Text.']);
    assert.deepEqual(t.frontmatter, { start: 0, end: 19 });
  });

  it('parses a document whose first line is an unclosed `---` without the front matter extension', () => {
    // micromark-extension-frontmatter would otherwise turn every later blockquote and list into paragraphs.
    const doc = prose('---\n\n> A quote.\n\n- An item.\n');
    assert.equal(doc.frontmatter, undefined);
    assert.deepEqual(doc.blocks.map((b) => [b.text, b.quoted, b.listItem]), [['A quote.', true, false], ['An item.', false, true]]);
  });

  it('keeps link text, drops link URLs, image alt text and definitions', () => {
    const src = 'See [the FDA label](https://fda.gov/x "title") and ![alt text](i.png) or <https://doi.org/10.1/x> and [ref][r].\n\n[r]: https://example.com/r\n';
    const doc = prose(src);
    assert.deepEqual(texts(doc), [`See the FDA label and  or ${INLINE_CODE} and ref.`]);
    assert.equal(origin(src, doc, 0, 'the FDA label'), 'the FDA label');
    assert.deepEqual(
      doc.citations.map((c) => [c.kind, c.key, src.slice(c.start, c.end)]),
      [
        ['link', 'https://fda.gov/x', '[the FDA label](https://fda.gov/x "title")'],
        ['link', 'https://doi.org/10.1/x', '<https://doi.org/10.1/x>'],
        ['link', 'https://example.com/r', '[ref][r]'],
      ],
    );
    assert.deepEqual(doc.linkDefinitions, [{ label: 'r', url: 'https://example.com/r', start: src.indexOf('[r]:'), end: src.length - 1 }]);
  });

  it('makes an autolink one opaque U+FFFC, so words and years in its path are not prose', () => {
    // A bare address in a reading list ("…/research-blog/2018/2/25/study-answers-why-ketamine-helps…")
    // was read as a claim and its year as a misquoted figure, with a fix that would break the address.
    const src = 'Read https://example.org/blog/2018/2/25/ketamine-proven-cure, www.example.org/2019/x or <https://doi.org/10.1/2020>.';
    const doc = prose(src);
    const b = doc.blocks[0]!;
    assert.equal(b.text, `Read ${INLINE_CODE}, ${INLINE_CODE} or ${INLINE_CODE}.`);
    assert.deepEqual(sourceSpan(b, 5, 6, src), { start: 5, end: src.indexOf(',') });
    assert.deepEqual(doc.citations.map((c) => c.kind), ['link', 'link', 'link']);
  });

  it('makes inline code one opaque U+FFFC mapped to the opening backtick; sourceSpan covers the span', () => {
    const src = 'Run ``a ` b`` and `ketamine is proven` now.';
    const doc = prose(src);
    const b = doc.blocks[0];
    assert.equal(b.text, `Run ${INLINE_CODE} and ${INLINE_CODE} now.`);
    assert.equal(b.map[4], 4);
    assert.equal(b.map[10], 18);
    assert.deepEqual(sourceSpan(b, 4, 5, src), { start: 4, end: 13 });
    assert.deepEqual(sourceSpan(b, 10, 11, src), { start: 18, end: 38 });
  });

  it('parses claimlint directives from block and inline HTML comments', () => {
    const src = [
      '<!-- claimlint-disable-next-line overstated-certainty -- quoting the paper -->',
      'Ketamine is proven.',
      '',
      'Inline <!-- claimlint-disable-line contradicted-claim, figure-mismatch --> here.',
      '',
      '<!-- claimlint-disable missing-caveat -->',
      '',
      '<!-- claimlint-enable -->',
      '',
      '<!-- an ordinary comment -->',
      '',
      '```',
      '<!-- claimlint-disable-next-line overstated-certainty -- in code, ignored -->',
      '```',
      '',
    ].join('\n');
    const doc = prose(src);
    assert.deepEqual(
      doc.directives.map((d) => ({ kind: d.kind, codes: d.codes, reason: d.reason, text: src.slice(d.start, d.end) === d.raw })),
      [
        { kind: 'disable-next-line', codes: ['overstated-certainty'], reason: 'quoting the paper', text: true },
        { kind: 'disable-line', codes: ['contradicted-claim', 'figure-mismatch'], reason: undefined, text: true },
        { kind: 'disable', codes: ['missing-caveat'], reason: undefined, text: true },
        { kind: 'enable', codes: [], reason: undefined, text: true },
      ],
    );
    assert.equal(doc.directives[0].start, 0);
    assert.equal(doc.directives[0].raw, '<!-- claimlint-disable-next-line overstated-certainty -- quoting the paper -->');
    assert.deepEqual(texts(doc), ['Ketamine is proven.', 'Inline  here.']);
  });

  it('reads directives inside a blockquote without the quote markers', () => {
    const src = '> <!-- claimlint-disable-next-line overstated-certainty\n> -- quoted source -->\n> It is settled.\n';
    const doc = prose(src);
    assert.deepEqual(doc.directives.map((d) => [d.kind, d.codes, d.reason]), [['disable-next-line', ['overstated-certainty'], 'quoted source']]);
  });

  it('records pandoc citations with exact @key ranges and keeps them in the prose', () => {
    const src = 'Shown before [@williams2018]. Disputed [see @yoon2019, p. 3; -@li_2010:a] and by @zarate2006. Mail a@b.org.\n';
    const doc = prose(src);
    assert.equal(doc.blocks[0].text, `Shown before [@williams2018]. Disputed [see @yoon2019, p. 3; -@li_2010:a] and by @zarate2006. Mail ${INLINE_CODE}.`);
    assert.deepEqual(
      doc.citations.filter((c) => c.kind === 'pandoc').map((c) => [c.key, src.slice(c.start, c.end)]),
      [['williams2018', '@williams2018'], ['yoon2019', '@yoon2019'], ['li_2010:a', '@li_2010:a'], ['zarate2006', '@zarate2006']],
    );
    assert.deepEqual(doc.citations.filter((c) => c.kind === 'link').map((c) => c.key), ['mailto:a@b.org']);
  });

  it('keeps footnote references as [^key] prose and records references and definitions', () => {
    const src = 'Rapid effect.[^berman] More.[^2]\n\n[^berman]: Berman et al. 2000.\n\n    Second *paragraph*.\n\n[^2]: Another.\n';
    const doc = prose(src);
    assert.deepEqual(texts(doc), ['Rapid effect.[^berman] More.[^2]', 'Berman et al. 2000.', 'Second paragraph.', 'Another.']);
    assert.deepEqual(doc.blocks.map((b) => b.kind), ['paragraph', 'footnoteDefinition', 'footnoteDefinition', 'footnoteDefinition']);
    assert.deepEqual(doc.blocks.map((b) => b.paragraph), [0, 1, 1, 2]);
    assert.deepEqual(doc.citations.map((c) => [c.kind, c.key, src.slice(c.start, c.end)]), [['footnote', 'berman', '[^berman]'], ['footnote', '2', '[^2]']]);
    assert.deepEqual(doc.footnotes.map((f) => [f.key, f.text, src.slice(f.start, f.start + 10)]), [
      ['berman', 'Berman et al. 2000. Second paragraph.', '[^berman]:'],
      ['2', 'Another.', '[^2]: Anot'],
    ]);
    // An undefined footnote reference is literal text, still recorded (the engine reports it).
    const lone = prose('Claim.[^missing]\n');
    assert.deepEqual(lone.citations.map((c) => [c.kind, c.key, c.start, c.end]), [['footnote', 'missing', 6, 16]]);
  });

  it('maps CRLF line endings, hard breaks and tabs exactly', () => {
    const src = 'One\r\ntwo  \r\nthree\\\r\nfour\tfive\r\n';
    const doc = prose(src);
    const b = doc.blocks[0];
    assert.equal(b.text, 'One two three four\tfive');
    assert.equal(src[b.map[3]], '\r'); // soft break → '\r' of the CRLF
    assert.equal(src[b.map[7]], '\r'); // hard break (spaces) → its line ending
    assert.equal(src[b.map[13]], '\r'); // hard break (backslash) → its line ending
    assert.equal(b.map[14], 20); // "four" starts after the CRLF
    assert.equal(src[b.map[18]], '\t');
    assert.equal(b.map[b.text.length], src.length - 2);
    assert.deepEqual(sourceSpan(b, 0, 4, src), { start: 0, end: 5 }); // "One " ends after the whole CRLF
  });

  it('maps emoji (surrogate pairs), ZWJ sequences, combining marks and non-ASCII exactly', () => {
    const src = '# Café 🧪\n\nNaïve e\u0301 👩‍👩‍👧 ケタミン 𝔼 done.\n';
    const doc = prose(src);
    assert.deepEqual(texts(doc), ['Café 🧪', 'Naïve e\u0301 👩‍👩‍👧 ケタミン 𝔼 done.']);
    const b = doc.blocks[1];
    for (let i = 0; i < b.text.length; i++) assert.equal(src[b.map[i]], b.text[i]);
    assert.equal(origin(src, doc, 1, '👩‍👩‍👧'), '👩‍👩‍👧');
    assert.equal(origin(src, doc, 1, 'done.'), 'done.');
  });

  it('decodes escapes and character references, mapping them to their first source character', () => {
    const src = 'A \\*literal\\* &amp; 5 &lt; 7, &#169; &#x1F600; &NotEqualTilde; &bogus; \\q.\n';
    const doc = prose(src);
    const b = doc.blocks[0];
    assert.equal(b.text, 'A *literal* & 5 < 7, © 😀 \u2242\u0338 &bogus; \\q.');
    assert.equal(origin(src, doc, 0, '*literal*'), '\\*literal\\*');
    assert.equal(origin(src, doc, 0, '&'), '&amp;');
    assert.equal(origin(src, doc, 0, '😀'), '&#x1F600;');
    assert.equal(origin(src, doc, 0, '\u2242\u0338'), '&NotEqualTilde;');
    assert.equal(origin(src, doc, 0, '&bogus;'), '&bogus;');
  });

  it('uses the inner text of emphasis, strong and strikethrough', () => {
    const doc = prose('Some *emphasis*, __strong__, ~~struck~~ and ***both***.\n');
    assert.deepEqual(texts(doc), ['Some emphasis, strong, struck and both.']);
  });

  it('emits one block per table cell, with escaped pipes and inline content', () => {
    const src = '| Drug | Dose |\n|:--|--:|\n| Ketamine | 0.5 mg/kg \\| IV |\n| `code` | [x](http://x.org) |\n';
    const doc = prose(src);
    assert.deepEqual(texts(doc), ['Drug', 'Dose', 'Ketamine', '0.5 mg/kg | IV', INLINE_CODE, 'x']);
    assert.ok(doc.blocks.every((b) => b.kind === 'tableCell'));
    assert.deepEqual(doc.blocks.map((b) => b.paragraph), [0, 1, 2, 3, 4, 5]);
    assert.equal(origin(src, doc, 3, '| IV'), '\\| IV');
  });

  it('marks blockquote paragraphs quoted, strips nested markers and lazy lines', () => {
    const src = '> Quoted claim\n> continues\nlazily.\n>\n> > Nested\n> > quote.\n\nPlain.\n';
    const doc = prose(src);
    assert.deepEqual(texts(doc), ['Quoted claim continues lazily.', 'Nested quote.', 'Plain.']);
    assert.deepEqual(doc.blocks.map((b) => b.quoted), [true, true, false]);
    assert.equal(origin(src, doc, 1, 'Nested quote.'), 'Nested\n> > quote.');
  });

  it('marks list paragraphs, nests lists and shares the paragraph index within an item', () => {
    const src = '- First item\n  continued.\n\n  Second paragraph of the first item.\n  - Nested item.\n    1. Deeper ordered item.\n- [x] Task item.\n\nAfter the list.\n';
    const doc = prose(src);
    assert.deepEqual(texts(doc), [
      'First item continued.',
      'Second paragraph of the first item.',
      'Nested item.',
      'Deeper ordered item.',
      'Task item.',
      'After the list.',
    ]);
    assert.deepEqual(doc.blocks.map((b) => b.listItem), [true, true, true, true, true, false]);
    assert.deepEqual(doc.blocks.map((b) => b.paragraph), [0, 0, 1, 2, 3, 4]);
    assert.equal(origin(src, doc, 3, 'Deeper ordered item.'), 'Deeper ordered item.');
  });

  it('builds sections from root-level headings with ends at the next same-or-higher heading', () => {
    const src = 'Preamble.\n\n# A\n\nText a.\n\n## A.1\n\nText a1.\n\n> # Quoted heading\n\n# B\n\nSetext\n---\n\nEnd.\n';
    const doc = prose(src);
    assert.deepEqual(doc.sections.map((s) => [s.heading, s.depth, src.slice(s.start, s.end).split('\n')[0], s.end, s.headingBlock]), [
      ['A', 1, '# A', src.indexOf('# B'), 1],
      ['A.1', 2, '## A.1', src.indexOf('# B'), 3],
      ['B', 1, '# B', src.length, 6],
      ['Setext', 2, 'Setext', src.length, 7],
    ]);
    assert.deepEqual(doc.blocks.map((b) => [b.text, b.section]), [
      ['Preamble.', -1], ['A', 0], ['Text a.', 0], ['A.1', 1], ['Text a1.', 1], ['Quoted heading', 1], ['B', 2], ['Setext', 3], ['End.', 3],
    ]);
    assert.deepEqual(doc.blocks.map((b) => b.headingDepth), [undefined, 1, undefined, 2, undefined, 1, 1, 2, undefined]);
  });

  it('keeps empty headings as blocks (sections point at them) and drops empty paragraphs', () => {
    const doc = prose('#\n\n![only an image](x.png)\n\nText.\n');
    assert.deepEqual(doc.blocks.map((b) => [b.kind, b.text]), [['heading', ''], ['paragraph', 'Text.']]);
    assert.equal(doc.sections.length, 1);
  });
});
