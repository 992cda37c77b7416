// Numbers in prose, table-driven: what is extracted, and whether it agrees with a source figure.
import assert from 'node:assert/strict';
import { Figure } from '../../server/src/db/schema.js';
import { agrees, comparable, extractNumbers } from '../../server/src/engine/figures.js';

const cases: Array<[string, string, number, number | undefined, string]> = [
  // text, kind, value, max or denominator, the span
  ['0.5 mg/kg over 40 minutes', 'dose', 0.5, undefined, '0.5 mg/kg'],
  ['a single 25-milligram tablet', 'dose', 25, undefined, '25-milligram'],
  ['0.6 mg per kilogram', 'dose', 0.6, undefined, '0.6 mg per kilogram'],
  ['seven of 12 adults', 'ratio', 7, 12, 'seven of 12'],
  ['85 per cent of them', 'percent', 85, undefined, '85 per cent'],
  ['up to one-third of patients', 'percent', 100 / 3, undefined, 'one-third'],
  ['two in five people', 'percent', 40, undefined, 'two in five'],
  ['one in three adults', 'percent', 100 / 3, undefined, 'one in three'],
  ['approved in 2019', 'year', 2019, undefined, '2019'],
  ['since the 1960s', 'year', 1960, 1969, '1960s'],
  ['8 to 10 infusions', 'count', 8, 10, '8 to 10'],
  ['13 of them finished', 'count', 13, undefined, '13'],
  ['a subgroup of 4 patients', 'count', 4, undefined, '4'],
  ['aged 18-65', 'age', 18, 65, 'aged 18-65'],
  ['the relief lasts roughly a month', 'duration', 1, undefined, 'a month'],
];

describe('figures: extraction', () => {
  for (const [text, kind, value, second, span] of cases) {
    it(`${text} → ${kind} ${span}`, () => {
      const m = extractNumbers(text).find((x) => x.kind === kind);
      assert.ok(m, JSON.stringify(extractNumbers(text)));
      assert.ok(Math.abs(m.value - value) < 1e-9);
      assert.equal(m.of ?? m.max, second);
      assert.equal(text.slice(m.start, m.end), span);
    });
  }
  it('does not read a frequency or a stretch of the calendar as a duration', () => {
    assert.deepEqual(extractNumbers('Take it twice a day; a week later, rest once a month.').filter((m) => m.kind === 'duration'), []);
  });
  it('does not read "a trial" or "one study" as counts', () => {
    assert.deepEqual(extractNumbers('In a trial and one study, patients improved.'), []);
  });
});

const fig = (f: object) => Figure.parse({ id: 'f', quantity: 'q', display: 'd', ...f });
describe('figures: agreement', () => {
  const table: Array<[string, object, boolean]> = [
    ['0.5 mg/kg', { kind: 'dose', value: 0.5, unit: 'mg/kg' }, true],
    ['0.6 mg/kg', { kind: 'dose', value: 0.5, unit: 'mg/kg' }, false],
    ['0.5–1 mg/kg', { kind: 'dose', value: 0.5, unit: 'mg/kg' }, true],
    // a dose ceiling or floor for practice holds the evidence's dose, or misses it
    ['up to 1.0 mg/kg', { kind: 'dose', value: 0.5, unit: 'mg/kg' }, true],
    ['up to 0.3 mg/kg', { kind: 'dose', value: 0.5, unit: 'mg/kg' }, false],
    ['at least 0.4 mg/kg', { kind: 'dose', value: 0.5, unit: 'mg/kg' }, true],
    ['at least 0.8 mg/kg', { kind: 'dose', value: 0.5, unit: 'mg/kg' }, false],
    // a bound on a proportion is still a misquote when the proportion is not the evidence's
    ['up to 70%', { kind: 'percent', value: 47.17 }, false],
    ['47%', { kind: 'percent', value: 47.17 }, true],
    ['48%', { kind: 'percent', value: 47.17 }, false],
    ['about 50%', { kind: 'percent', value: 47.17 }, true],
    ['30%', { kind: 'fraction', value: 0.333, bound: 'upper' }, true],
    ['80 percent', { kind: 'fraction', value: 0.333, bound: 'upper' }, false],
    ['two in five', { kind: 'fraction', value: 0.333, bound: 'upper' }, false],
    ['7 of 12', { kind: 'ratio', value: 7, of: 12 }, true],
    ['10 of 12', { kind: 'ratio', value: 7, of: 12 }, false],
    ['7 of 12', { kind: 'count', value: 12 }, true],
    ['3 days', { kind: 'duration', value: 7, unit: 'days', bound: 'upper' }, true],
    ['a month', { kind: 'duration', max: 14, unit: 'days', bound: 'upper' }, false],
    ['2021', { kind: 'year', value: 2019 }, false],
  ];
  for (const [text, f, ok] of table) {
    it(`${text} ${ok ? 'agrees with' : 'contradicts'} ${JSON.stringify(f)}`, () => {
      const figure = fig(f);
      const m = extractNumbers(text).find((x) => comparable(x, figure));
      assert.ok(m, `no comparable number in ${text}`);
      assert.equal(agrees(m, figure), ok);
    });
  }
  it('durations of very different scales are not compared', () => {
    const m = extractNumbers('40 minutes')[0]!;
    assert.equal(comparable(m, fig({ kind: 'duration', value: 7, unit: 'days' })), false);
  });
});
