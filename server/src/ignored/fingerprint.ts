// "Ignore this finding here": which findings a `.claimlint/ignored.yaml` entry hides. Pure (no fs):
// the language server and the CLI both call it. An entry names the file, the code, the claim and a
// fingerprint of the sentence the finding sits in (plus the flagged words), so it survives edits
// anywhere else in the document, and citing the sentence, and lapses when its words are rewritten.
import { hash64Hex } from '../engine/index.js';

export interface IgnoredEntry {
  /** The document, relative to the folder holding `.claimlint/` (forward slashes). */
  file: string;
  code: string;
  claim?: string;
  /** hash64Hex of the normalised sentence and flagged text. */
  fingerprint: string;
  /** The sentence, shortened, for whoever reviews the file. */
  sentence?: string;
}

/** What of a finding the fingerprint needs. */
export interface FindingSpan { code: string; start: number; end: number; claimId?: string }

/** Longest stretch searched for a sentence boundary on either side of a finding. */
const MAX_REACH = 2000;
const BLANK_LINE = /\n[ \t>]*\r?\n/g;
/** Abbreviations whose period ends no sentence ("et al. 2018", "e.g. the", "Fig. 2"). */
const NOT_AN_END = String.raw`(?<!\b(?:al|e\.g|i\.e|cf|vs|etc|approx|[Ff]ig|Dr|Mr|Mrs|Ms|No|[Vv]ol|pp?))`;
/** A sentence end: ". " before a capital or a digit. */
const BOUNDARY = new RegExp(String.raw`${NOT_AN_END}[.!?]["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[\p{Lu}\p{N}])`, 'gu');
const SENTENCE_END = new RegExp(String.raw`${NOT_AN_END}[.!?]["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[\p{Lu}\p{N}]|\s*$)`, 'u');

/** The sentence around text[start, end): from the previous sentence end (or blank line) to the next. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const lo = Math.max(0, start - MAX_REACH), hi = Math.min(text.length, end + MAX_REACH);
  let s = lo;
  for (const m of text.slice(lo, start).matchAll(BLANK_LINE)) s = lo + m.index + m[0].length;
  const base = s;
  for (const m of text.slice(base, start).matchAll(BOUNDARY)) s = base + m.index + m[0].length;
  const para = /\n[ \t>]*\r?\n/.exec(text.slice(end, hi));
  let e = para ? end + para.index : hi;
  const next = SENTENCE_END.exec(text.slice(end, e));
  if (next) e = end + next.index + next[0].length;
  return { start: s, end: e };
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Citations (`[@key]`, `[see @a; @b]`, `[^key]`) do not change what a sentence says: citing it keeps the entry. */
const withoutCitations = (s: string) => s.replace(/\s*\[[^\][]*@[^\][]*\]|\[\^[^\]\s]+\]/g, '');

export function fingerprint(text: string, f: FindingSpan): string {
  const s = sentenceAround(text, f.start, f.end);
  return hash64Hex(`${normalise(withoutCitations(text.slice(s.start, s.end)))}\u0000${normalise(text.slice(f.start, f.end))}`);
}

/** The entry that hides finding `f` of `text` in `file`. */
export function entryFor(text: string, f: FindingSpan, file: string): IgnoredEntry {
  const s = sentenceAround(text, f.start, f.end);
  const sentence = normalise(text.slice(s.start, s.end));
  const entry: IgnoredEntry = { file, code: f.code, fingerprint: fingerprint(text, f) };
  if (f.claimId) entry.claim = f.claimId;
  entry.sentence = sentence.length > 120 ? sentence.slice(0, 119).trimEnd() + '\u2026' : sentence;
  return entry;
}

/** The findings no entry hides. `entries` are this file's (the caller matched `file`). */
export function withoutIgnored<F extends FindingSpan>(text: string, findings: readonly F[], entries: readonly IgnoredEntry[]): F[] {
  if (entries.length === 0) return findings as F[];
  const keys = new Set(entries.map((e) => `${e.code}\u0000${e.claim ?? ''}\u0000${e.fingerprint}`));
  const codes = new Set(entries.map((e) => e.code));
  return findings.filter((f) => !codes.has(f.code) || !keys.has(`${f.code}\u0000${f.claimId ?? ''}\u0000${fingerprint(text, f)}`));
}
