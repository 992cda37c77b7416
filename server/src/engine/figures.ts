// Numbers in prose: "0.5 mg/kg", "7 of 12", "85%", "one-third", "in 2019", "40 minutes",
// "22 participants", "aged 18–65". Each mention carries its kind, value(s), exact span and
// whether the writer marked it as approximate or as a bound.
import type { Figure } from '../db/schema.js';

export type MentionKind = 'dose' | 'count' | 'ratio' | 'percent' | 'year' | 'duration' | 'age';

export interface NumberMention {
  kind: MentionKind;
  value: number;
  /** Denominator of a ratio ("7 of 12"), or the upper end of a range. */
  of?: number;
  max?: number;
  unit?: string;
  /** Span of the number (or ratio, or range) itself: what a correction replaces. */
  start: number;
  end: number;
  approx: boolean;
  /** "up to", "at most", "as many as" / "at least", "more than". */
  bound?: 'upper' | 'lower';
  /** Decimal places written, for rounding tolerance. */
  decimals: number;
}

const WORD_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, dozen: 12, a: 1, an: 1, single: 1,
};
const FRACTIONS: Record<string, number> = {
  half: 50, third: 100 / 3, thirds: 100 / 3, quarter: 25, quarters: 25, fourth: 25, fifth: 20, fifths: 20, tenth: 10,
};

const NUM = String.raw`(\d+(?:[.,]\d+)?|\.\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a dozen)`;
const DASH = String.raw`\s*(?:-|\u2013|\u2014|to)\s*`;

function parseNum(s: string): number {
  const t = s.toLowerCase().trim();
  if (t === 'a dozen') return 12;
  if (t in WORD_NUMBERS) return WORD_NUMBERS[t]!;
  // "1,000" is a thousands separator; "0,5" a decimal comma.
  const normal = /^\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
  return Number(normal);
}
const decimalsOf = (s: string) => { const m = /[.,](\d+)$/.exec(s.trim()); return m && !/^\d{1,3}(,\d{3})+$/.test(s.trim()) ? m[1]!.length : 0; };

const APPROX = /\b(about|around|approximately|roughly|nearly|almost|some|circa|ca\.|~|close to|on the order of)\s*$/i;
const UPPER = /\b(up to|as many as|as much as|at most|no more than|fewer than|less than|under|maximum of)\s*$/i;
const LOWER = /\b(at least|more than|over|above|greater than|upwards of|no fewer than|minimum of)\s*$/i;
/** "two or more", "three or above", "5+". */
const LOWER_AFTER = /^(?:\+|\s+or\s+(?:more|above|over))\b/i;

interface Pattern {
  kind: MentionKind;
  re: RegExp;
  /** Every match has a digit. */
  digit?: boolean;
  /** Every match starts where a number starts (NUM_AT): `re` is tried there only. */
  atNumber?: boolean;
  build: (m: RegExpExecArray) => Omit<NumberMention, 'start' | 'end' | 'approx' | 'bound' | 'kind'> & { span?: [number, number] } }

const UNIT_DOSE = String.raw`((?:mg|milligrams?)\s*(?:\/|per|for each|for every|of each)\s*(?:kg|kilograms?)(?:\s+of\s+body\s*weight)?|µg\s*\/\s*kg|mcg\s*\/\s*kg|mg|milligrams?|µg|mcg|ml)`;
const COUNT_NOUNS = String.raw`(?:adult|patient|participant|subject|people|person|volunteer|individual|completer|infusion|treatment|session|dose|trial|stud(?:y|ie)|RCT|randomi[sz]ed controlled trial|responder|men|women|veteran|child|children|course|medication|antidepressant|drug|attempt|round|case|recruit|enrollee|member)s?`;

const PATTERNS: Pattern[] = [
  // 7 of 12, 7 out of 12, 7/12 (not dates)
  { atNumber: true, kind: 'ratio', re: new RegExp(String.raw`(?<![\w.])${NUM}\s+(?:of|out of)\s+(?:the\s+)?${NUM}\b(?!\s*(?:%|percent|mg))`, 'gi'),
    // A part is never more than its whole: "in 2012 of 24 patients" is a year, then a count.
    build: (m) => { const value = parseNum(m[1]!), of = parseNum(m[2]!); return { value: value <= of ? value : NaN, of, decimals: 0 }; } },
  // 7/12 in notes and tables; not a date (7/12/2020), a rate (24/7) or a unit (mg/kg)
  { digit: true, kind: 'ratio', re: /(?<![\w./])(\d{1,5})\s?\/\s?(\d{1,5})(?![\w./]|\s*(?:%|mg|percent))/g,
    build: (m) => { const value = Number(m[1]), of = Number(m[2]); return { value: value <= of && of > 0 ? value : NaN, of, decimals: 0 }; } },
  // ranges of doses: 0.5–1 mg/kg; single doses: 0.5 mg/kg
  { digit: true, atNumber: true, kind: 'dose', re: new RegExp(String.raw`(?<![\w.])(\d+(?:[.,]\d+)?|\.\d+)(?:${DASH}(\d+(?:[.,]\d+)?))?[\s-]*${UNIT_DOSE}(?![\w])`, 'gi'),
    build: (m) => ({ value: parseNum(m[1]!), max: m[2] ? parseNum(m[2]) : undefined, unit: normUnit(m[3]!), decimals: decimalsOf(m[1]!) }) },
  // 85%, 85 percent, 47.17 per cent
  { digit: true, atNumber: true, kind: 'percent', re: new RegExp(String.raw`(?<![\w.])(\d+(?:[.,]\d+)?)(?:${DASH}(\d+(?:[.,]\d+)?))?\s*(?:%|percent\b|per cent\b)`, 'gi'),
    build: (m) => ({ value: parseNum(m[1]!), max: m[2] ? parseNum(m[2]) : undefined, decimals: decimalsOf(m[1]!) }) },
  // one-third, a third, two-thirds, half, one in three
  { kind: 'percent', re: /\b(?:(one|two|three|a)[\s-])?(half|thirds?|quarters?|fourth|fifths?|tenth)\b/gi,
    build: (m) => ({ value: (m[1] ? (WORD_NUMBERS[m[1].toLowerCase()] ?? 1) : 1) * FRACTIONS[m[2]!.toLowerCase()]!, decimals: 1 }) },
  // "one in three", "two in five": a proportion, read as a percentage
  { atNumber: true, kind: 'percent', re: new RegExp(String.raw`(?<![\w.])${NUM}\s+in\s+(?:every\s+)?${NUM}\b`, 'gi'),
    build: (m) => ({ value: (100 * parseNum(m[1]!)) / parseNum(m[2]!), decimals: 1 }) },
  // aged 18–65, 18 to 65 years old
  { digit: true, kind: 'age', re: new RegExp(String.raw`\b(?:aged?|ages)\s+(\d+)${DASH}(\d+)\b|\b(\d+)${DASH}(\d+)[\s-]+years?[\s-]+old\b`, 'gi'),
    build: (m) => ({ value: parseNum(m[1] ?? m[3]!), max: parseNum(m[2] ?? m[4]!), decimals: 0 }) },
  // 40 minutes, 2 weeks, 24 hours, eight to 10 infusions are counts below
  { atNumber: true, kind: 'duration', re: new RegExp(String.raw`(?<![\w.])${NUM}(?:${DASH}${NUM})?[\s-]+(minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b`, 'gi'),
    build: (m) => ({ value: parseNum(m[1]!), max: m[2] ? parseNum(m[2]) : undefined, unit: normDuration(m[3]!), decimals: decimalsOf(m[1]!) }) },
  // "a month", "a single week": one unit said in words; not a frequency ("twice a day", "once a week")
  // and not a stretch of the calendar ("a week later").
  // "lasts about a month before symptoms return" is still a duration: "before"/"after" mark a calendar
  // stretch only when nothing says the phrase is how long something lasts.
  { kind: 'duration', re: /(?<!\b(?:once|twice|times|per|every|each|than)\s+)\b(?:a|a single)\s+(day|week|month)\b(?!\s+(?:later|earlier|ago|or two|or so)\b)(?:(?<=\b(?:for|lasts?|lasted|lasting|holds?|held|about|around|roughly|approximately|nearly|almost|up to|within)\s+(?:a|a single)\s+\w+)|(?!\s+(?:before|after)\b))/gi,
    build: (m) => ({ value: 1, unit: normDuration(m[1]!), decimals: 0 }) },
  // years: 2019, the 1960s
  { digit: true, kind: 'year', re: /(?<![\w.$£\u20ac-])(1[89]\d\d|20\d\d)(s)?(?![\w%-]|\.\d)/g,
    build: (m) => ({ value: Number(m[1]), max: m[2] ? Number(m[1]) + 9 : undefined, decimals: 0 }) },
  // "13 of them", "six of these patients", "a subgroup of 4": a count whose noun is elsewhere
  { atNumber: true, kind: 'count', re: new RegExp(String.raw`(?<![\w.])${NUM}\s+of\s+(?:them|these|those|the(?:se|m)?\b)`, 'gi'),
    build: (m) => ({ value: parseNum(m[1]!), decimals: 0, span: [0, m[1]!.length] }) },
  { kind: 'count', re: new RegExp(String.raw`\b(?:subgroup|subset|sample|group|cohort|total)\s+of\s+${NUM}\b`, 'gi'),
    build: (m) => ({ value: parseNum(m[1]!), decimals: 0, span: [m[0].length - m[1]!.length, m[0].length] }) },
  // n = 12
  { digit: true, kind: 'count', re: /\b[nN]\s*=\s*(\d+)\b/g, build: (m) => ({ value: Number(m[1]), decimals: 0, span: [m[0].length - m[1]!.length, m[0].length] }) },
  // "14 were studied", "12 completed both conditions"
  { atNumber: true, kind: 'count', re: new RegExp(String.raw`(?<![\w.,])${NUM}\s+(?:were|was|had|have|completed|finished|responded|dropped)\b`, 'gi'),
    build: (m) => ({ value: parseNum(m[1]!), decimals: 0, span: [0, m[1]!.length] }) },
  // 22 participants, twelve medication-free adults, 8 to 10 infusions
  { atNumber: true, kind: 'count', re: new RegExp(String.raw`(?<![\w.])${NUM}(?:${DASH}${NUM})?\s+(?:[\w-]+\s+){0,3}?${COUNT_NOUNS}\b`, 'gi'),
    build: (m) => ({ value: parseNum(m[1]!), max: m[2] ? parseNum(m[2]) : undefined, decimals: 0, span: [0, m[1]!.length + (m[2] ? m[0].indexOf(m[2], m[1]!.length) + m[2].length - m[1]!.length : 0)] }) },
];

/** Where a number (NUM) starts after a character that is not part of a word or number: where every
 *  `atNumber` pattern's matches start. */
const NUM_AT = new RegExp(String.raw`(?<![\w.])(?=${NUM})`, 'gi');
/** The `atNumber` patterns, anchored at lastIndex. */
const ANCHORED = new Map(PATTERNS.filter((p) => p.atNumber).map((p) => [p, new RegExp(p.re.source, p.re.flags + 'y')]));

function numberStarts(text: string): number[] {
  const starts: number[] = [];
  NUM_AT.lastIndex = 0;
  for (let m = NUM_AT.exec(text); m; m = NUM_AT.exec(text)) {
    starts.push(m.index);
    NUM_AT.lastIndex = m.index + 1;
  }
  return starts;
}

const MAY_HAVE_NUMBER = new RegExp(String.raw`\d|\b(?:${Object.keys(WORD_NUMBERS).filter((w) => w !== 'a' && w !== 'an' && w !== 'single').join('|')}|${Object.keys(FRACTIONS).join('|')}|day|week|month)\b`, 'i');

/** False when `text` has no number mention for sure: every pattern needs a digit, a number word
 *  or a fraction word, and most sentences have none. */
export function mayHaveNumbers(text: string): boolean {
  return MAY_HAVE_NUMBER.test(text);
}

function normUnit(u: string): string {
  const s = u.toLowerCase().replace(/\s+/g, ' ');
  if (/per k|\/\s*kg|kilogram|each kg|every kg/.test(s)) return s.startsWith('µ') || s.startsWith('mcg') ? 'µg/kg' : 'mg/kg';
  if (s.startsWith('milligram') || s === 'mg') return 'mg';
  if (s === 'mcg' || s === 'µg') return 'µg';
  return s;
}
function normDuration(u: string): string {
  const s = u.toLowerCase();
  if (s.startsWith('min')) return 'minute';
  if (s.startsWith('h')) return 'hour';
  if (s.startsWith('d')) return 'day';
  if (s.startsWith('w')) return 'week';
  return 'month';
}

/** All number mentions of a sentence, offsets relative to `text` plus `base`; overlapping
 *  mentions keep the more specific (earlier pattern) one. */
export function extractNumbers(text: string, base = 0): NumberMention[] {
  if (!mayHaveNumbers(text)) return [];
  const found: NumberMention[] = [];
  const taken: Array<[number, number]> = [];
  const take = (p: Pattern, m: RegExpExecArray): void => {
    const s = m.index, e = s + m[0].length;
    if (taken.some((t) => s < t[1] && e > t[0])) return;
    const built = p.build(m);
    if (!Number.isFinite(built.value)) return;
    if (p.kind === 'count' && /^(a|an|one|single)$/i.test(m[1]!)) return; // "a trial", "one study"
    taken.push([s, e]);
    const before = text.slice(Math.max(0, s - 24), s);
    const ss = built.span ? built.span[0] : 0, se = built.span ? built.span[1] : m[0].length;
    const { span: _span, ...rest } = built;
    found.push({
      kind: p.kind, ...rest, start: base + s + ss, end: base + s + se,
      approx: APPROX.test(before) || /^~/.test(m[0]),
      bound: UPPER.test(before) ? 'upper' : LOWER.test(before) || LOWER_AFTER.test(text.slice(e, e + 16)) ? 'lower' : undefined,
    });
  };
  const digit = /\d/.test(text);
  let starts: number[] | undefined;
  for (const p of PATTERNS) {
    if (p.digit && !digit) continue;
    const anchored = ANCHORED.get(p);
    if (anchored) {
      // What the global scan finds: the first match from each position on, tried only where a number starts.
      let from = 0;
      for (const at of (starts ??= numberStarts(text))) {
        if (at < from) continue;
        anchored.lastIndex = at;
        const m = anchored.exec(text);
        if (m) { take(p, m); from = at + m[0].length; }
      }
      continue;
    }
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) take(p, m);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Does a mention agree with a figure the evidence states? */
const MINUTES: Record<string, number> = { minute: 1, hour: 60, day: 1440, week: 10080, month: 43200 };

/** A duration mention expressed in the figure's unit ("3 days" against a figure of 1 week). */
function inFigureUnit(m: NumberMention, f: Figure): NumberMention {
  if (m.kind !== 'duration' || !f.unit || !m.unit) return m;
  const k = MINUTES[m.unit]! / MINUTES[normDuration(f.unit)]!;
  return k === 1 ? m : { ...m, value: m.value * k, max: m.max !== undefined ? m.max * k : undefined, decimals: 3 };
}

/** Fraction figures hold proportions (0.333); prose fractions are read as percentages (33.3). */
function asPercent(f: Figure): Figure {
  if (f.kind !== 'fraction') return f;
  const p = (v?: number) => (v === undefined ? undefined : v <= 1 ? v * 100 : v);
  return { ...f, kind: 'percent', value: p(f.value), min: p(f.min), max: p(f.max) };
}

export function agrees(mention: NumberMention, figure: Figure): boolean {
  const f = asPercent(figure);
  let m = inFigureUnit(mention, figure);
  // "7 of 12 completers" against a count of completers: either side of the ratio may be the count.
  if (m.kind === 'ratio' && f.kind === 'count' && m.of !== undefined) return [m.value, m.of].some((v) => f.value === undefined || v === f.value || (f.min !== undefined && f.max !== undefined && v >= f.min && v <= f.max));
  if (m.kind === 'ratio' && f.kind === 'percent' && m.of) m = { ...m, kind: 'percent', value: (100 * m.value) / m.of, of: undefined, decimals: 0 };
  const tol = (v: number) => (m.approx ? Math.max(Math.abs(v) * 0.1, 0.5 * 10 ** -m.decimals) : 0.5 * 10 ** -m.decimals + 1e-9);
  if (f.kind === 'ratio' || (m.kind === 'ratio' && f.of !== undefined)) {
    if (m.kind !== 'ratio') return f.value === undefined || Math.abs(m.value - f.value) <= tol(f.value);
    if (f.of !== undefined && m.of !== f.of) return false;
    return f.value === undefined || m.value === f.value;
  }
  const lo = f.min ?? f.value!, hi = f.max ?? f.value!;
  const mlo = m.value, mhi = m.max ?? m.value;
  const within = (v: number) => v >= lo - tol(lo) && v <= hi + tol(hi);
  // An age range describes who took part: "aged 18 to 55" misquotes 18 to 65 at either end.
  if (m.kind === 'age' && m.max !== undefined && f.min !== undefined && f.max !== undefined) return Math.abs(mlo - lo) <= tol(lo) && Math.abs(mhi - hi) <= tol(hi);
  // A written range that contains the figure ("0.5–1 mg/kg") does not misquote it.
  if (m.max !== undefined && mlo <= lo + tol(lo) && mhi >= hi - tol(hi) && f.bound !== 'upper') return true;
  switch (f.bound ?? 'exact') {
    case 'upper':
      // "up to one-third": any value up to the bound is consistent with it.
      return mhi <= hi + tol(hi) || (m.bound === 'upper' && within(mhi));
    case 'lower':
      // A threshold ("at least two failed trials") restated as a threshold must be the same one;
      // a single case ("she had three failed trials") only has to reach it.
      return m.bound === 'lower' ? within(mlo) : mlo >= lo - tol(lo);
    case 'approx':
      return mlo >= lo * 0.9 - tol(lo) && mhi <= hi * 1.1 + tol(hi);
    default:
      // A dose ceiling or floor ("up to 1.0 mg/kg", "at least 0.5 mg/kg") sets a range for practice;
      // it misquotes the evidence's dose only if that dose falls outside it.
      if (m.kind === 'dose' && m.bound === 'upper') return hi <= mhi + tol(hi);
      if (m.kind === 'dose' && m.bound === 'lower') return lo >= mlo - tol(lo);
      return within(mlo) && within(mhi);
  }
}

/** Mention kinds that can be compared with a figure kind. */
export function comparable(m: NumberMention, f: Figure): boolean {
  const fk = f.kind === 'fraction' ? 'percent' : f.kind;
  if (fk === m.kind) {
    if (m.kind === 'dose' && f.unit && m.unit && normUnit(f.unit) !== m.unit) return false;
    // Durations of very different scales measure different things (a 40-minute infusion, a week-long effect);
    // neighbouring units compare after conversion ("3 days" against "within a week").
    if (m.kind === 'duration' && f.unit && m.unit) {
      const r = MINUTES[m.unit]! / MINUTES[normDuration(f.unit)]!;
      if (r > 31 || r < 1 / 31) return false;
    }

    return true;
  }
  // "7 of 12 responded" vs a count figure of 7; "two in five people" vs a percentage.
  return (fk === 'ratio' && m.kind === 'count') || (fk === 'count' && m.kind === 'ratio') || (fk === 'percent' && m.kind === 'ratio' && !!m.of);
}
