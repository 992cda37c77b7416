import assert from 'node:assert/strict';
import { formatReference, shortCitation, toBibtex, toCslJson, escapeBibtex } from '../../server/src/db/bibliography.js';
import { exportBibliography } from '../../server/src/db/index.js';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { loadPacks } from '../../server/src/db/loader.js';
import type { Source } from '../../server/src/db/schema.js';

const db = loadEmbeddedDatabase();
const src = (id: string): Source => {
  const s = db.sources.get(id);
  assert.ok(s, id);
  return s;
};

const tricky: Source = {
  id: 'odd_2030',
  type: 'paper-conference',
  title: 'NMDA & mTOR: 50% of {braces}, $costs, #tags, a_b, ~tilde, ^caret and back\\slash in VandenBerg’s café',
  author: [{ family: "O'Neil", given: 'Pat' }, { literal: 'The R&D Group' }],
  issued: { 'date-parts': [[2030, 13]] },
  'event-title': 'Meeting on Things & Stuff',
  page: '10-20',
  DOI: '10.5555/a_b{c}',
  URL: 'https://example.org/a_b?x=1&y=2',
  note: 'curator remark',
  kind: 'study',
  seed: '999',
  reports: ['x'],
};

describe('bibliography', () => {
  it('formats a short reference in Vancouver/AMA style', () => {
    assert.equal(
      formatReference(src('williams2018')),
      'Williams NR, Heifets BD, et al. Attenuation of antidepressant effects of ketamine by opioid receptor antagonism. Am J Psychiatry. 2018;175(12):1205-1215. doi:10.1176/appi.ajp.2018.18020138',
    );
    assert.equal(
      formatReference(src('irwin2021')),
      'Irwin MN, VandenBerg A. Retracing our steps to understand ketamine in depression: A focused review of hypothesized mechanisms of action. Ment Health Clin. 2021;11(3):200-210. doi:10.9740/mhc.2021.05.200',
    );
    assert.equal(formatReference(src('phelps2019')), 'Phelps J. Ketamine Mechanism. Psychopharmacology Institute, Quick Takes. 2019 Oct 3.');
    assert.match(formatReference(src('abdallah2011')), /^Abdallah CG\. \[.*\]\. Presented at: 51st Annual Meeting of the NIMH New Clinical Drug Evaluation Unit \(NCDEU\); 2011\.$/);
    assert.equal(formatReference({ id: 'u', type: 'webpage', title: 'Untitled page?', URL: 'https://example.org/', kind: 'health-news' }), 'Untitled page? https://example.org/');
  });

  it('makes author–year citations for one, two, many and no authors', () => {
    assert.equal(shortCitation(src('williams2018')), 'Williams et al. 2018');
    assert.equal(shortCitation(src('irwin2021')), 'Irwin and VandenBerg 2021');
    assert.equal(shortCitation(src('phelps2019')), 'Phelps 2019');
    assert.equal(shortCitation(src('bnn2012')), 'Bipolar Network News 2012');
    assert.equal(shortCitation({ id: 'n', type: 'webpage', title: 'T', kind: 'study' }), 'T n.d.');
  });

  it('exports CSL-JSON without claimlint fields or curator notes', () => {
    const [item] = toCslJson([tricky]);
    assert.equal(item!.id, 'odd_2030');
    assert.equal(item!.DOI, '10.5555/a_b{c}');
    for (const k of ['kind', 'seed', 'reports', 'note']) assert.equal(k in item!, false, k);
    assert.deepEqual(item!.author, tricky.author);
    (item!.author as Array<Record<string, string>>)[0]!.family = 'changed';
    assert.equal(tricky.author![0]!.family, "O'Neil", 'a deep copy');
  });

  it('escapes LaTeX specials in BibTeX and maps CSL types to entry types', () => {
    assert.equal(escapeBibtex('a & b % c $ d # e _ f { g } h ~ i ^ j \\ k'), 'a \\& b \\% c \\$ d \\# e \\_ f \\{ g \\} h \\textasciitilde{} i \\textasciicircum{} j \\textbackslash{} k');
    const bib = toBibtex([tricky]);
    assert.match(bib, /^@inproceedings\{odd_2030,\n/);
    assert.match(bib, /\n {2}title +?= \{\{NMDA\} \\& \{mTOR\}: 50\\% of \\\{braces\\\}, \\\$costs, \\#tags, a\\_b, \\textasciitilde\{\}tilde, \\textasciicircum\{\}caret and back\\textbackslash\{\}slash in \{VandenBerg\}’s café\},\n/);
    assert.match(bib, /\n {2}author +?= \{O'Neil, Pat and \{The R\\& D Group\}\}|\n {2}author +?= \{O'Neil, Pat and \{The R\\&D Group\}\},\n/);
    assert.match(bib, /\n {2}booktitle += \{Meeting on Things \\& Stuff\},\n/);
    assert.match(bib, /\n {2}pages += \{10--20\},\n/);
    assert.match(bib, /\n {2}doi += \{10\.5555\/a_b\\\{c\\\}\},\n/, 'DOIs stay verbatim except braces');
    assert.match(bib, /\n {2}url += \{https:\/\/example\.org\/a_b\?x=1&y=2\}\n\}\n$/);
    assert.doesNotMatch(bib, /month/, 'an invalid month is left out');
    assert.doesNotMatch(bib, /curator remark/);
    // Braces balance in every entry.
    let depth = 0;
    for (let i = 0; i < bib.length; i++) {
      if (bib[i] === '\\') { i++; continue; }
      if (bib[i] === '{') depth++;
      if (bib[i] === '}') depth--;
      assert.ok(depth >= 0);
    }
    assert.equal(depth, 0);
  });

  it('writes journal articles with journal, volume, number, month and doi', () => {
    const bib = toBibtex([src('williams2018')]);
    assert.match(bib, /^@article\{williams2018,\n/);
    assert.match(bib, /author += \{Williams, Nolan R\. and Heifets, Boris D\. and .* and Schatzberg, Alan F\.\}/);
    assert.match(bib, /journal += \{American Journal of Psychiatry\}/);
    assert.match(bib, /volume += \{175\}/);
    assert.match(bib, /number += \{12\}/);
    assert.match(bib, /pages += \{1205--1215\}/);
    assert.match(bib, /month += dec,/);
    assert.match(bib, /doi += \{10\.1176\/appi\.ajp\.2018\.18020138\}/);
    assert.match(toBibtex([src('phelps2019')]), /^@misc\{phelps2019,[\s\S]*howpublished = \{Psychopharmacology Institute, Quick Takes\}/);
    assert.match(toBibtex([src('abdallah2011')]), /^@misc\{abdallah2011,[\s\S]*note += \{Presented at 51st Annual Meeting/);
  });

  describe('exportBibliography (claimlint db export)', () => {
    it('exports every source as CSL-JSON, sorted by id', () => {
      const items = JSON.parse(exportBibliography(db, 'csl-json')) as Array<{ id: string }>;
      assert.equal(items.length, db.sources.size);
      const ids = items.map((i) => i.id);
      assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
    });

    it('exports a subset as BibTeX, one entry per id', () => {
      const bib = exportBibliography(db, 'bibtex', ['williams2018', 'irwin2021', 'williams2018']);
      assert.equal((bib.match(/^@/gm) ?? []).length, 2);
      assert.ok(bib.indexOf('@article{irwin2021') < bib.indexOf('@article{williams2018'));
    });

    it('rejects unknown ids and formats', () => {
      assert.throws(() => exportBibliography(db, 'bibtex', ['nope', 'nada']), /unknown source ids: nope, nada/);
      assert.throws(() => exportBibliography(db, 'ris' as 'bibtex'), /unknown bibliography format 'ris'/);
    });

    it('includes user-pack sources layered on the embedded ones', () => {
      const user = loadPacks([{ file: 'u.yaml', text: 'sources:\n  - { id: mine2031, type: report, title: My report, kind: study, publisher: Me & Co }\n' }], { base: db });
      assert.match(exportBibliography(user.db, 'bibtex', ['mine2031']), /@techreport\{mine2031,[\s\S]*institution = \{Me \\& Co\}/);
    });
  });
});
