import assert from 'node:assert/strict';
import { loadPacks, formatPackError, mergeDatabases, emptyDatabase, type PackError } from '../../server/src/db/loader.js';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';

/** 0-based line/column of the `nth` occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`fixture has no ${nth + 1}× '${needle}'`);
  }
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { line, column: i - (before.lastIndexOf('\n') + 1) };
}

function only(errors: PackError[], severity: PackError['severity'] = 'error'): PackError[] {
  return errors.filter((e) => e.severity === severity);
}

/** A minimal valid claim in YAML, with `over` lines replacing fields. */
function claimYaml(over: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id: 'c1',
    statement: 'A statement.',
    concepts: '[ketamine]',
    relation: 'r',
    grade: 'supported',
    rationale: 'r',
    population: 'humans',
    supportedWording: 'may',
    sources: '[{ id: s1 }]',
    ...over,
  };
  return Object.entries(fields)
    .filter(([, v]) => v !== '')
    .map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`)
    .join('\n');
}

const BASE_PACK = `sources:
  - { id: s1, type: article-journal, title: A source, kind: study }
concepts:
  - { id: ketamine, label: ketamine, variants: [ketamine] }
  - { id: block, label: block, variants: [block] }
`;

function load(text: string, file = 'pack.yaml') {
  return loadPacks([{ file: 'base.yaml', text: BASE_PACK }, { file, text }]);
}

describe('db loader', () => {
  describe('valid packs', () => {
    it('loads records and records 0-based origins of each record', () => {
      const text = `claims:\n${claimYaml()}\n`;
      const { db, errors } = load(text);
      assert.deepEqual(errors, []);
      assert.equal(db.claims.size, 1);
      assert.equal(db.claims.get('c1')!.grade, 'supported');
      assert.deepEqual(db.origins.get('claim:c1'), { file: 'pack.yaml', ...at(text, 'id: c1') });
      assert.deepEqual(db.origins.get('concept:ketamine'), { file: 'base.yaml', ...at(BASE_PACK, '{ id: ketamine') });
    });

    it('applies schema defaults (contradiction polarity) and records figure/contradiction origins', () => {
      const text = `claims:\n${claimYaml({
        figures: '\n      - { id: f1, quantity: q, kind: count, value: 3, display: "3" }',
        contradictions: '\n      - { id: x1, statement: s, concepts: [ketamine], explanation: e }',
      })}\n`;
      const { db, errors } = load(text);
      assert.deepEqual(errors, []);
      const c = db.claims.get('c1')!;
      assert.equal(c.contradictions![0]!.polarity, 'affirmed');
      assert.deepEqual(db.origins.get('figure:c1/f1'), { file: 'pack.yaml', ...at(text, '{ id: f1') });
      assert.deepEqual(db.origins.get('contradiction:x1'), { file: 'pack.yaml', ...at(text, '{ id: x1') });
    });

    it('reads JSON packs with exact positions', () => {
      const text = '{\n  "concepts": [\n    { "id": "lith", "label": "lithium", "variants": "lithium" }\n  ]\n}\n';
      const { errors } = loadPacks([{ file: 'p.json', text }]);
      assert.equal(errors.length, 1);
      assert.equal(errors[0]!.message, "concept 'lith': variants must be a list, not 'lithium'");
      assert.deepEqual({ line: errors[0]!.line, column: errors[0]!.column }, at(text, '"lithium" }'));
    });

    it('warns about an empty pack but does not fail', () => {
      const { errors } = loadPacks([{ file: 'empty.yaml', text: '# nothing here\n' }]);
      assert.deepEqual(errors.map((e) => [e.severity, e.message]), [['warning', 'the pack is empty']]);
    });
  });

  describe('schema errors name the field, say what is wrong and point at the node', () => {
    const cases: Array<{ name: string; over: Record<string, string>; needle: string; message: string }> = [
      {
        name: 'an unknown grade',
        over: { grade: 'strong' },
        needle: 'strong',
        message: "claim 'c1': grade must be one of established, supported, preliminary, preclinical-only, contested; found 'strong'",
      },
      {
        name: 'a misspelt figure kind, with a suggestion',
        over: { figures: '\n      - { id: f1, quantity: q, kind: dosage, value: 1, display: "1" }' },
        needle: 'dosage',
        message: "claim 'c1': figures[0].kind must be one of dose, count, ratio, percent, year, duration, fraction, age; found 'dosage' (did you mean 'dose'?)",
      },
      {
        name: 'a missing required field',
        over: { statement: '' },
        needle: 'id: c1',
        message: "claim 'c1': statement is required",
      },
      {
        name: 'an unknown field (pointing at its key)',
        over: { grades: 'supported' },
        needle: 'grades',
        message: "claim 'c1': unknown field 'grades' (did you mean 'grade'?); allowed: id, statement, concepts, anyOf, topical, unless, relation, grade, rationale, population, supportedWording, sources, figures, contradictions, cautions, examples",
      },
      {
        name: 'an empty concepts list',
        over: { concepts: '[]' },
        needle: '[]',
        message: "claim 'c1': concepts must list at least one item",
      },
      {
        name: 'text where a list is expected',
        over: { concepts: 'ketamine' },
        needle: 'ketamine',
        message: "claim 'c1': concepts must be a list, not 'ketamine'",
      },
      {
        name: 'a figure without value, min or max',
        over: { figures: '\n      - { id: f1, quantity: q, kind: count, display: "x" }' },
        needle: '{ id: f1',
        message: "claim 'c1': figures[0]: a figure needs value, or min and/or max",
      },
      {
        name: 'a figure whose min exceeds its max',
        over: { figures: '\n      - { id: f1, quantity: q, kind: age, min: 65, max: 18, display: "x" }' },
        needle: '{ id: f1',
        message: "claim 'c1': figures[0]: a figure's min must not be greater than its max",
      },
      {
        name: 'a negated contradiction without negatedConcept',
        over: { contradictions: '\n      - { id: x1, statement: s, concepts: [ketamine], polarity: negated, explanation: e }' },
        needle: '{ id: x1',
        message: "claim 'c1': contradictions[0]: a negated contradiction names its negatedConcept",
      },
      {
        name: 'an id with a space',
        over: { id: '"bad id"' },
        needle: '"bad id"',
        message: "claim 'bad id': id 'bad id': ids use letters, digits, dot, dash or underscore",
      },
      {
        name: 'a number where text is expected',
        over: { rationale: '42' },
        needle: '42',
        message: "claim 'c1': rationale must be text, not 42",
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const text = `claims:\n${claimYaml(c.over)}\n`;
        const { db, errors } = load(text);
        const errs = only(errors);
        assert.equal(errs.length, 1, errs.map(formatPackError).join('\n'));
        assert.equal(errs[0]!.message, c.message);
        assert.equal(errs[0]!.file, 'pack.yaml');
        assert.deepEqual({ line: errs[0]!.line, column: errs[0]!.column }, at(text, c.needle));
        assert.equal(db.claims.size, 0, 'the broken record is dropped');
      });
    }

    it('a DOI with a URL prefix and an invalid URL on a source', () => {
      const text = 'sources:\n  - id: s9\n    type: webpage\n    title: T\n    kind: study\n    DOI: https://doi.org/10.1/x\n    URL: not a url\n';
      const errs = only(loadPacks([{ file: 's.yaml', text }]).errors);
      assert.deepEqual(errs.map((e) => [e.line, e.column, e.message]), [
        [at(text, 'https://doi').line, at(text, 'https://doi').column, "source 's9': DOI 'https://doi.org/10.1/x': a DOI looks like 10.1234/abc (no https://doi.org/ prefix)"],
        [at(text, 'not a url').line, at(text, 'not a url').column, "source 's9': URL must be a full URL such as https://example.org/page; found 'not a url'"],
      ]);
    });

    it('a union field (volume) with the wrong type', () => {
      const text = 'sources:\n  - { id: s9, type: webpage, title: T, kind: study, volume: [1] }\n';
      const errs = only(loadPacks([{ file: 's.yaml', text }]).errors);
      assert.equal(errs[0]!.message, "source 's9': volume must be text or a number, not a list");
      assert.deepEqual({ line: errs[0]!.line, column: errs[0]!.column }, at(text, '[1]'));
    });

    it('YAML syntax errors are reported with their position and skip only that file', () => {
      const text = 'concepts:\n  - id: a\n    label: [unclosed\n';
      const r = loadPacks([{ file: 'bad.yaml', text }, { file: 'ok.yaml', text: 'concepts:\n  - { id: b, label: b, variants: [b] }\n' }]);
      const errs = only(r.errors);
      assert.ok(errs.length >= 1);
      assert.equal(errs[0]!.file, 'bad.yaml');
      assert.match(errs[0]!.message, /^YAML syntax: .*; the file was not loaded$/);
      assert.ok(r.db.concepts.has('b'));
    });

    it('duplicate keys in one mapping are a YAML error', () => {
      const text = 'concepts:\n  - id: a\n    label: a\n    label: b\n    variants: [a]\n';
      const errs = only(loadPacks([{ file: 'dup.yaml', text }]).errors);
      assert.equal(errs.length, 1);
      assert.match(errs[0]!.message, /Map keys must be unique/);
      assert.equal(errs[0]!.line, at(text, 'label: b').line);
    });

    it('unknown top-level fields and non-list sections', () => {
      const text = 'claim:\n  - id: x\nconcepts: {}\n';
      const errs = only(loadPacks([{ file: 't.yaml', text }]).errors);
      assert.deepEqual(errs.map((e) => [e.line, e.column, e.message]), [
        [0, 0, "unknown top-level field 'claim' (did you mean 'claims'?); a pack has sources, concepts, claims, cautions (and optional pack, $schema)"],
        [2, 10, 'concepts must be a list of concept records, not a mapping'],
      ]);
    });

    it('a pack that is not a mapping', () => {
      const errs = only(loadPacks([{ file: 'l.yaml', text: '- a\n- b\n' }]).errors);
      assert.equal(errs[0]!.message, 'not a claim pack (a mapping with sources, concepts, claims or cautions): the file is a list; it was not loaded');
    });
  });

  describe('duplicate ids', () => {
    it('within and across packs: the first wins and the error names both places', () => {
      const a = 'concepts:\n  - { id: lith, label: a, variants: [a] }\n';
      const b = 'concepts:\n  - { id: other, label: o, variants: [o] }\n  - { id: lith, label: b, variants: [b] }\n';
      const { db, errors } = loadPacks([{ file: 'a.yaml', text: a }, { file: 'b.yaml', text: b }]);
      assert.deepEqual(only(errors).map(formatPackError), [
        "b.yaml:3:11: error: duplicate concept id 'lith': also defined at a.yaml:2:11; this one was not loaded",
      ]);
      assert.equal(db.concepts.get('lith')!.label, 'a');
      assert.ok(db.concepts.has('other'));
    });

    it('ids are per kind: a source and a concept may share an id', () => {
      const t = 'sources:\n  - { id: same, type: webpage, title: T, kind: study }\nconcepts:\n  - { id: same, label: s, variants: [s] }\n';
      assert.deepEqual(loadPacks([{ file: 't.yaml', text: t }]).errors, []);
    });

    it('figure ids repeat within a claim, contradiction ids repeat across claims', () => {
      const text = `claims:\n${claimYaml({
        figures: '\n      - { id: f, quantity: q, kind: count, value: 1, display: "1" }\n      - { id: f, quantity: q, kind: count, value: 2, display: "2" }',
      })}\n${claimYaml({ id: 'c2', contradictions: '\n      - { id: x, statement: s, concepts: [ketamine], explanation: e }' })}\n${claimYaml({ id: 'c3', contradictions: '\n      - { id: x, statement: s, concepts: [ketamine], explanation: e }' })}\n`;
      const { db, errors } = load(text);
      const first = at(text, 'x, statement');
      const second = at(text, 'x, statement', 1);
      assert.deepEqual(only(errors).map((e) => [e.line, e.column, e.message]), [
        [at(text, 'f, quantity', 1).line, at(text, 'f, quantity', 1).column, "claim 'c1': figure id 'f' is used twice in this claim (also figures[0])"],
        [second.line, second.column, `claim 'c3': contradiction id 'x' is already used at pack.yaml:${first.line + 1}:${first.column + 1}`],
      ]);
      assert.deepEqual([...db.claims.keys()], ['c2']);
    });
  });

  describe('references', () => {
    it('an unknown concept is reported at the list item, with a suggestion', () => {
      const text = `claims:\n${claimYaml({ concepts: '[ketamine, blok]' })}\n`;
      const errs = only(load(text).errors);
      assert.equal(errs.length, 1);
      assert.equal(errs[0]!.message, "claim 'c1': concepts[1] refers to unknown concept 'blok' (did you mean 'block'?)");
      assert.deepEqual({ line: errs[0]!.line, column: errs[0]!.column }, at(text, 'blok'));
    });

    const refCases: Array<{ name: string; over: Record<string, string>; needle: string; message: string }> = [
      { name: 'anyOf', over: { anyOf: '[nothing]' }, needle: 'nothing', message: "claim 'c1': anyOf[0] refers to unknown concept 'nothing'" },
      { name: 'unless', over: { unless: '[block, zzz]' }, needle: 'zzz', message: "claim 'c1': unless[1] refers to unknown concept 'zzz'" },
      { name: 'topical', over: { topical: '[qqq]' }, needle: 'qqq', message: "claim 'c1': topical[0] refers to unknown concept 'qqq'" },
      { name: 'a source', over: { sources: '[{ id: s2, locator: p. 1 }]' }, needle: 's2', message: "claim 'c1': sources[0].id refers to unknown source 's2' (did you mean 's1'?)" },
      { name: 'a caution', over: { cautions: '[missing-caution]' }, needle: 'missing-caution', message: "claim 'c1': cautions[0] refers to unknown caution 'missing-caution'" },
      {
        name: 'a figure source',
        over: { figures: '\n      - { id: f, quantity: q, kind: count, value: 1, display: "1", source: { id: nope } }' },
        needle: 'nope',
        message: "claim 'c1': figures[0].source.id refers to unknown source 'nope'",
      },
      {
        name: "a figure's unless",
        over: { figures: '\n      - { id: f, quantity: q, kind: count, value: 1, display: "1", unless: [block, nothere] }' },
        needle: 'nothere',
        message: "claim 'c1': figures[0].unless[1] refers to unknown concept 'nothere'",
      },
      {
        name: 'a contradiction concept',
        over: { contradictions: '\n      - { id: x, statement: s, concepts: [ketamine, unknownish], explanation: e }' },
        needle: 'unknownish',
        message: "claim 'c1': contradictions[0].concepts[1] refers to unknown concept 'unknownish'",
      },
      {
        name: 'a negatedConcept outside the contradiction',
        over: { contradictions: '\n      - { id: x, statement: s, concepts: [ketamine], polarity: negated, negatedConcept: block, explanation: e }' },
        needle: 'negatedConcept: block',
        message: "claim 'c1': contradiction 'x': negatedConcept 'block' must be one of its concepts or anyOf",
      },
    ];
    for (const c of refCases) {
      it(`an unknown reference in ${c.name}`, () => {
        const text = `claims:\n${claimYaml(c.over)}\n`;
        const { db, errors } = load(text);
        const errs = only(errors);
        assert.equal(errs.length, 1, errs.map(formatPackError).join('\n'));
        assert.equal(errs[0]!.message, c.message);
        const want = at(text, c.needle);
        assert.deepEqual({ line: errs[0]!.line, column: errs[0]!.column }, c.needle.startsWith('negatedConcept') ? { line: want.line, column: want.column + 'negatedConcept: '.length } : want);
        assert.equal(db.claims.size, 0);
      });
    }

    it('concept broader, source reports and caution concepts/sources', () => {
      const text = [
        'sources:',
        '  - { id: rep, type: webpage, title: T, kind: health-news, reports: [ghost] }',
        'concepts:',
        '  - { id: lora, label: l, variants: [lorazepam], broader: [benzodiazepin] }',
        'cautions:',
        '  - id: cau',
        '    text: t',
        '    requiredWhen: [{ concepts: [ketamine, sedativ] }]',
        '    satisfiedBy: { concepts: [block], anyOf: [warn] }',
        '    scope: section',
        '    sources: [{ id: s1 }, { id: s7 }]',
      ].join('\n') + '\n';
      const errs = only(load(text).errors);
      const pos = (needle: string) => [at(text, needle).line, at(text, needle).column];
      assert.deepEqual(errs.map((e) => [e.line, e.column, e.message]), [
        [...pos('ghost'), "source 'rep': reports[0] refers to unknown source 'ghost'"],
        [...pos('benzodiazepin'), "concept 'lora': broader[0] refers to unknown concept 'benzodiazepin'"],
        [...pos('sedativ'), "caution 'cau': requiredWhen[0].concepts[1] refers to unknown concept 'sedativ'"],
        [...pos('warn'), "caution 'cau': satisfiedBy.anyOf[0] refers to unknown concept 'warn'"],
        [...pos('s7'), "caution 'cau': sources[1].id refers to unknown source 's7' (did you mean 's1'?)"],
      ]);
    });

    it('a record that depends on a dropped record is dropped too, and says why', () => {
      const text = [
        'concepts:',
        '  - { id: bad, label: b, variants: [b], patterns: ["(x"] }',
        'claims:',
        claimYaml({ concepts: '[ketamine, bad]' }),
      ].join('\n') + '\n';
      const { db, errors } = load(text);
      assert.deepEqual(only(errors).map((e) => e.message), [
        "concept 'bad': patterns[0] is not a valid regular expression: /(x/u: Unterminated group",
        "claim 'c1': concepts[1] refers to unknown concept 'bad', which was not loaded because of the errors reported for it",
      ]);
      assert.equal(db.claims.size, 0);
      assert.equal(db.concepts.has('bad'), false);
    });

    it('warns (without dropping) about a topical concept the claim does not use and a pattern matching empty text', () => {
      const text = `concepts:\n  - { id: e, label: e, variants: [e], patterns: ['x*'] }\nclaims:\n${claimYaml({ topical: '[block]' })}\n`;
      const { db, errors } = load(text);
      assert.deepEqual(only(errors), []);
      assert.deepEqual(only(errors, 'warning').map((e) => e.message), [
        "concept 'e': patterns[0] matches empty text, so it would match everywhere",
        "claim 'c1': topical[0] 'block' is not one of the claim's concepts or anyOf, so it has no effect",
      ]);
      assert.ok(db.claims.has('c1'));
      assert.ok(db.concepts.has('e'));
    });

    it('warns about a cycle through broader', () => {
      const text = 'concepts:\n  - { id: a, label: a, variants: [a], broader: [b] }\n  - { id: b, label: b, variants: [b], broader: [a] }\n';
      const warnings = only(loadPacks([{ file: 'c.yaml', text }]).errors, 'warning');
      assert.equal(warnings.length, 2);
      assert.equal(warnings[0]!.message, "concept 'a': broader forms a cycle (a → b → a)");
    });
  });

  describe('one broken record does not take down the rest', () => {
    it('keeps the valid records of a pack that has a broken one', () => {
      const text = `claims:\n${claimYaml({ id: 'ok1' })}\n${claimYaml({ id: 'broken', grade: 'maybe' })}\n${claimYaml({ id: 'ok2' })}\n`;
      const { db, errors } = load(text);
      assert.equal(only(errors).length, 1);
      assert.deepEqual([...db.claims.keys()], ['ok1', 'ok2']);
    });

    it('a broken user pack leaves the embedded database intact', () => {
      const embedded = loadEmbeddedDatabase();
      const sizes = [embedded.sources.size, embedded.concepts.size, embedded.claims.size, embedded.cautions.size];
      const user = [
        'concepts:',
        '  - { id: ketamine, label: hijack, variants: [aspirin] }', // duplicate of an embedded id
        'claims:',
        '  - { id: opioid-mediation, statement: s }', // duplicate and invalid
        '  - id: user-claim',
        '    statement: s',
        '    concepts: [ketamine, opioid]', // references embedded concepts
        '    relation: r',
        '    grade: preliminary',
        '    rationale: r',
        '    population: humans',
        '    supportedWording: may',
        '    sources: [{ id: williams2018 }]',
        'this is: [not valid',
      ].join('\n');
      const broken = loadPacks([{ file: 'user.yaml', text: user }], { base: embedded });
      assert.ok(broken.errors.some((e) => e.severity === 'error'));
      assert.deepEqual(broken.db.claims.size, embedded.claims.size, 'a file with a syntax error adds nothing');
      const fixed = loadPacks([{ file: 'user.yaml', text: user.split('\n').slice(0, -1).join('\n') + '\n' }], { base: embedded });
      const msgs = only(fixed.errors).map((e) => e.message);
      // The pack's own `ketamine` is namespaced (user/ketamine), not a duplicate; its claim uses it.
      assert.ok(!msgs.some((m) => m.includes("duplicate concept id 'ketamine'")), msgs.join('\n'));
      assert.ok(fixed.db.concepts.has('user/ketamine'));
      assert.deepEqual(fixed.db.claims.get('user-claim')!.concepts, ['user/ketamine', 'opioid']);
      assert.ok(msgs.some((m) => m.startsWith("claim 'opioid-mediation': relation is required")), msgs.join('\n'));
      assert.equal(fixed.db.concepts.get('ketamine'), embedded.concepts.get('ketamine'));
      assert.equal(fixed.db.claims.get('opioid-mediation'), embedded.claims.get('opioid-mediation'));
      assert.ok(fixed.db.claims.has('user-claim'));
      assert.equal(fixed.db.claims.size, embedded.claims.size + 1);
      assert.deepEqual([embedded.sources.size, embedded.concepts.size, embedded.claims.size, embedded.cautions.size], sizes, 'the base is not mutated');
    });
  });

  describe('helpers', () => {
    it('formatPackError prints 1-based file:line:col', () => {
      assert.equal(formatPackError({ file: 'a.yaml', line: 0, column: 4, message: 'm', severity: 'warning' }), 'a.yaml:1:5: warning: m');
    });

    it('mergeDatabases keeps base records on conflicts and adds the rest', () => {
      const base = loadPacks([{ file: 'a', text: 'concepts:\n  - { id: x, label: base, variants: [x] }\n' }]).db;
      const over = loadPacks([{ file: 'b', text: 'concepts:\n  - { id: x, label: over, variants: [x] }\n  - { id: y, label: y, variants: [y] }\n' }]).db;
      const m = mergeDatabases(base, over);
      assert.equal(m.concepts.get('x')!.label, 'base');
      assert.ok(m.concepts.has('y'));
      assert.equal(m.origins.get('concept:x')!.file, 'a');
      assert.equal(mergeDatabases(emptyDatabase(), emptyDatabase()).claims.size, 0);
    });
  });
});
