// Who or what the evidence is about: post-mortem tissue, cells, animals, a small subgroup, or people.
// The most specific non-human source wins, because `extrapolated-evidence` asks where the evidence came from.
import type { Scan } from './scan.js';
import { NUMBER_WORDS } from './phrases.js';
import type { Cue, PopulationKind } from './analysis-types.js';

/** A count of people at or below this is a subgroup ("four patients", "12 completers"). */
export const SUBGROUP_MAX = 20;
const PRIORITY: PopulationKind[] = ['post-mortem', 'cells', 'animals', 'subgroup', 'humans'];

function countOf(norm: string): number {
  const w = NUMBER_WORDS.get(norm);
  if (w !== undefined) return w;
  const v = Number(norm.replace(/,/g, ''));
  return Number.isFinite(v) ? v : NaN;
}

export function population(s: Scan): { kind: PopulationKind; cues: Cue[] } {
  const t = s.t;
  const cues: Cue[] = [];
  const seen = new Set<PopulationKind>();
  for (const m of s.population) {
    let kind = m.entry.group as PopulationKind;
    if (kind === 'subgroup') {
      // "#NUM people" and "n = #NUM" are subgroups only when small.
      let k = m.i;
      while (k < m.j && !(t.num[k] || NUMBER_WORDS.has(t.norm[k]))) k++;
      if (k < m.j) {
        const v = countOf(t.norm[k]);
        // "one in four patients", "4 of 10 patients", percentages and years are not head counts.
        const before = k > 0 ? t.norm[k - 1] : '';
        const after = k + 1 < t.n ? t.norm[k + 1] : '';
        const before2 = k > 1 ? t.norm[k - 2] : '';
        const countBefore2 = t.num[k - 2] || NUMBER_WORDS.has(before2);
        const isShare = ((before === 'in' || before === 'of' || before === 'out') && k > 1 && countBefore2) || before === 'per' || after === '%' || after === 'percent';
        if (isShare || !(v <= SUBGROUP_MAX)) kind = 'humans';
      }
    }
    const start = t.start[m.i];
    const end = t.end[m.j - 1];
    cues.push({ text: s.text.slice(start, end), start, end, kind: 'population', group: kind });
    seen.add(kind);
  }
  let kind: PopulationKind = 'unspecified';
  for (const k of PRIORITY) if (seen.has(k)) { kind = k; break; }
  return { kind, cues };
}
