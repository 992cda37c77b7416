// References from source records: a short human reference, an author–year citation, and the
// bibliography exports (CSL-JSON for Pandoc/Zotero, BibTeX). Pure.
import type { Database, Source } from './schema.js';

type Name = NonNullable<Source['author']>[number];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const BIB_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Initials of given names: "Nolan R." → "NR", "Rong-Jian" → "RJ", "C. G." → "CG". */
function initials(given: string): string {
  return given.split(/[\s.-]+/).filter(Boolean).map((p) => p[0]!.toUpperCase()).join('');
}

function nameShort(n: Name): string {
  if (n.literal) return n.literal;
  const g = n.given ? initials(n.given) : '';
  return [n.family, g].filter(Boolean).join(' ');
}

const familyOf = (n: Name) => n.literal ?? n.family ?? n.given ?? '';

function dateParts(s: Source): Array<number | string> | undefined {
  return s.issued?.['date-parts']?.[0];
}

/** The year of issue, or undefined. */
export function yearOf(s: Source): string | undefined {
  const y = dateParts(s)?.[0];
  if (y !== undefined) return String(y);
  const lit = s.issued?.literal && /\b(1[5-9]\d\d|20\d\d)\b/.exec(s.issued.literal);
  return lit ? lit[1] : undefined;
}

const endWithPeriod = (t: string) => (/[.?!]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);

function authorList(s: Source): string | undefined {
  const a = s.author ?? [];
  if (a.length === 0) return undefined;
  // Up to three names in full; longer lists keep the first two and "et al.".
  const names = a.length <= 3 ? a.map(nameShort) : [...a.slice(0, 2).map(nameShort), 'et al'];
  return endWithPeriod(names.join(', '));
}

function dateText(s: Source): string | undefined {
  const p = dateParts(s);
  if (!p) return s.issued?.literal;
  const [y, m, d] = p;
  return [y, typeof m === 'number' ? MONTHS[m - 1] : m, d].filter((x) => x !== undefined).join(' ');
}

/**
 * A short human reference in Vancouver/AMA style, e.g.
 * "Williams NR, Heifets BD, et al. Attenuation of … antagonism. Am J Psychiatry. 2018;175(12):1205-1215. doi:10.1176/appi.ajp.2018.18020138"
 */
export function formatReference(s: Source): string {
  const parts: string[] = [];
  const authors = authorList(s);
  if (authors) parts.push(authors);
  parts.push(endWithPeriod(s.title));
  const container = s['container-title-short'] ?? s['container-title'];
  const year = yearOf(s);
  if (s.type === 'article-journal') {
    if (container) parts.push(endWithPeriod(container));
    let loc = year ?? '';
    if (s.volume !== undefined) loc += `;${s.volume}`;
    if (s.issue !== undefined) loc += `(${s.issue})`;
    if (s.page) loc += `:${s.page}`;
    if (loc) parts.push(endWithPeriod(loc));
  } else if (s.type === 'speech' || s.type === 'paper-conference') {
    const ev = s['event-title'] ?? container;
    parts.push(endWithPeriod([ev ? `Presented at: ${ev}` : undefined, year].filter(Boolean).join('; ')));
  } else {
    if (container) parts.push(endWithPeriod(container));
    else if (s.publisher && !(s.author ?? []).some((a) => a.literal === s.publisher)) parts.push(endWithPeriod(s.publisher));
    const d = dateText(s);
    if (d) parts.push(endWithPeriod(d));
  }
  if (s.DOI) parts.push(`doi:${s.DOI}`);
  else if (s.URL) parts.push(s.URL);
  return parts.join(' ');
}

/** An author–year citation: "Williams et al. 2018", "Irwin and VandenBerg 2021", "Phelps 2019". */
export function shortCitation(s: Source): string {
  const a = s.author ?? [];
  let who: string;
  if (a.length === 1) who = familyOf(a[0]!);
  else if (a.length === 2) who = `${familyOf(a[0]!)} and ${familyOf(a[1]!)}`;
  else if (a.length > 2) who = `${familyOf(a[0]!)} et al.`;
  else who = s['container-title-short'] ?? s['container-title'] ?? s.publisher ?? s.title;
  return `${who} ${yearOf(s) ?? 'n.d.'}`;
}

/** claimlint's own fields, and `note`, which holds curators' remarks rather than bibliographic data. */
const CLAIMLINT_FIELDS = new Set(['kind', 'seed', 'reports', 'note']);

/** Plain CSL-JSON items (claimlint's own fields and curator notes removed), for Pandoc `--bibliography` or Zotero import. */
export function toCslJson(sources: Iterable<Source>): Array<Record<string, unknown>> {
  return [...sources].map((s) => {
    const item: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) if (!CLAIMLINT_FIELDS.has(k) && v !== undefined) item[k] = structuredClone(v);
    return item;
  });
}

// --- BibTeX ------------------------------------------------------------------------------------

const BIB_TYPES: Record<Source['type'], string> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  'paper-conference': 'inproceedings',
  speech: 'misc',
  book: 'book',
  chapter: 'incollection',
  report: 'techreport',
  dataset: 'misc',
  legislation: 'misc',
  webpage: 'misc',
  post: 'misc',
  'post-weblog': 'misc',
};

/** Escapes LaTeX special characters in a BibTeX field value (UTF-8 letters are kept: biber and bibtex8 read them). */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => {
    switch (c) {
      case '\\': return '\\textbackslash{}';
      case '~': return '\\textasciitilde{}';
      case '^': return '\\textasciicircum{}';
      default: return `\\${c}`;
    }
  });
}

/** Title: escaped, with acronyms and mixed-case words braced so that bibliography styles keep their case. */
function bibTitle(title: string): string {
  return escapeBibtex(title).replace(/(?<![\\\w])([A-Za-z]*[A-Z][A-Za-z]*[A-Z][\w-]*|[a-z]+[A-Z][\w-]*)/g, '{$1}');
}

function bibName(n: Name): string {
  if (n.literal) return `{${escapeBibtex(n.literal)}}`;
  if (n.family && n.given) return `${escapeBibtex(n.family)}, ${escapeBibtex(n.given)}`;
  return escapeBibtex(n.family ?? n.given ?? '');
}

/** URLs and DOIs are read verbatim by the url/doi packages: only braces (which would unbalance the entry) are escaped. */
const verbatim = (v: string) => v.replace(/[{}]/g, (c) => `\\${c}`);

function bibEntry(s: Source): string {
  const type = BIB_TYPES[s.type] ?? 'misc';
  const fields: Array<[string, string]> = [];
  const add = (k: string, v: string | number | undefined, raw = false) => {
    if (v === undefined || v === '') return;
    fields.push([k, raw ? String(v) : `{${String(v)}}`]);
  };
  if (s.author?.length) add('author', s.author.map(bibName).join(' and '));
  if (s.editor?.length) add('editor', s.editor.map(bibName).join(' and '));
  add('title', bibTitle(s.title));
  const container = s['container-title'];
  if (type === 'article') add('journal', container && escapeBibtex(container));
  else if (type === 'inproceedings' || type === 'incollection') add('booktitle', (s['event-title'] ?? container) && escapeBibtex((s['event-title'] ?? container)!));
  else if (container) add('howpublished', escapeBibtex(container));
  if (s.type === 'speech' && s['event-title']) add('note', `Presented at ${escapeBibtex(s['event-title'])}`);
  const p = dateParts(s);
  add('year', yearOf(s));
  const m = p?.[1];
  if (typeof m === 'number' && m >= 1 && m <= 12) add('month', BIB_MONTHS[m - 1], true);
  if (s.volume !== undefined) add('volume', escapeBibtex(String(s.volume)));
  if (s.issue !== undefined) add('number', escapeBibtex(String(s.issue)));
  if (s.page) add('pages', escapeBibtex(s.page.replace(/\s*[-\u2013]\s*/g, '--')));
  if (s.publisher) add(type === 'techreport' ? 'institution' : 'publisher', escapeBibtex(s.publisher));
  if (s.ISSN) add('issn', escapeBibtex(s.ISSN));
  if (s.DOI) add('doi', verbatim(s.DOI));
  if (s.URL) add('url', verbatim(s.URL));
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`).join(',\n');
  return `@${type}{${s.id},\n${body}\n}`;
}

/** BibTeX entries, one per source, keys = source ids. */
export function toBibtex(sources: Iterable<Source>): string {
  return [...sources].map(bibEntry).join('\n\n') + '\n';
}

export type BibliographyFormat = 'csl-json' | 'bibtex';

/**
 * The bibliography of `ids` (default: every source), sorted by id, as CSL-JSON (a JSON array,
 * pretty-printed) or BibTeX. Throws on an unknown format or unknown source ids.
 */
export function exportBibliography(db: Database, format: BibliographyFormat, ids?: string[]): string {
  let sources: Source[];
  if (ids && ids.length) {
    const missing = ids.filter((id) => !db.sources.has(id));
    if (missing.length) throw new Error(`unknown source id${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
    sources = [...new Set(ids)].map((id) => db.sources.get(id)!);
  } else {
    sources = [...db.sources.values()];
  }
  sources.sort((a, b) => a.id.localeCompare(b.id));
  if (format === 'csl-json') return JSON.stringify(toCslJson(sources), null, 2) + '\n';
  if (format === 'bibtex') return toBibtex(sources);
  throw new Error(`unknown bibliography format '${String(format)}' (use csl-json or bibtex)`);
}
