// Editor settings (the `claimlint` section): read defensively, since clients send anything from
// null (Neovim without settings) to partial objects. Invalid values are reported once and ignored.
import { SEVERITY_SETTINGS } from '../config/schema.js';
import { CODES } from '../engine/index.js';
import type { ClaimlintSettings } from './protocol.js';

export type RunMode = 'onType' | 'onSave';

export interface EditorSettings {
  rules: Record<string, string>;
  citationStyle?: 'pandoc' | 'footnote' | 'link';
  packs: string[];
  debounceMs: number;
  run: RunMode;
  /** Most diagnostics published per document, the most severe first (0: no limit). */
  maxProblems: number;
}

export const DEFAULT_DEBOUNCE_MS = 200;
const MAX_DEBOUNCE_MS = 60_000;

export const DEFAULT_MAX_PROBLEMS = 1000;
const MAX_MAX_PROBLEMS = 1_000_000;

export const DEFAULT_SETTINGS: EditorSettings = { rules: {}, packs: [], debounceMs: DEFAULT_DEBOUNCE_MS, run: 'onType', maxProblems: DEFAULT_MAX_PROBLEMS };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Overlays `raw` (a `claimlint` settings object from any source) on `base`. Unknown or invalid
 * values leave the base value and produce a warning string.
 */
export function readSettings(raw: unknown, base: EditorSettings = DEFAULT_SETTINGS): { settings: EditorSettings; warnings: string[] } {
  const warnings: string[] = [];
  const s: EditorSettings = { ...base, rules: { ...base.rules }, packs: [...base.packs] };
  if (!isObject(raw)) return { settings: s, warnings };
  const r = raw as ClaimlintSettings & Record<string, unknown>;

  if (r.debounceMs !== undefined && r.debounceMs !== null) {
    const n = Number(r.debounceMs);
    if (Number.isFinite(n) && n >= 0) s.debounceMs = Math.min(Math.round(n), MAX_DEBOUNCE_MS);
    else warnings.push(`claimlint.debounceMs must be a number ≥ 0, not ${JSON.stringify(r.debounceMs)}`);
  }
  if (r.maxProblems !== undefined && r.maxProblems !== null) {
    const n = Number(r.maxProblems);
    if (Number.isInteger(n) && n >= 0) s.maxProblems = Math.min(n, MAX_MAX_PROBLEMS);
    else warnings.push(`claimlint.maxProblems must be a whole number \u2265 0, not ${JSON.stringify(r.maxProblems)}`);
  }
  if (r.run !== undefined && r.run !== null) {
    if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
    else warnings.push(`claimlint.run must be "onType" or "onSave", not ${JSON.stringify(r.run)}`);
  }
  if (r.citationStyle !== undefined && r.citationStyle !== null) {
    if (r.citationStyle === 'pandoc' || r.citationStyle === 'footnote' || r.citationStyle === 'link') s.citationStyle = r.citationStyle;
    else warnings.push(`claimlint.citationStyle must be "pandoc", "footnote" or "link", not ${JSON.stringify(r.citationStyle)}`);
  }
  if (r.rules !== undefined && r.rules !== null) {
    if (isObject(r.rules)) {
      for (const [code, sev] of Object.entries(r.rules)) {
        if (typeof sev === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(sev) && (CODES as readonly string[]).includes(code)) s.rules[code] = sev;
        else if (!(CODES as readonly string[]).includes(code)) warnings.push(`claimlint.rules: unknown rule "${code}"; the rules are ${CODES.join(', ')}`);
        else warnings.push(`claimlint.rules.${code} must be one of ${SEVERITY_SETTINGS.join(', ')}, not ${JSON.stringify(sev)}`);
      }
    } else warnings.push('claimlint.rules must be an object of code → severity');
  }
  if (r.packs !== undefined && r.packs !== null) {
    if (Array.isArray(r.packs) && r.packs.every((p) => typeof p === 'string')) s.packs = r.packs.filter((p) => p.length > 0);
    else warnings.push('claimlint.packs must be a list of paths');
  }
  return { settings: s, warnings };
}
