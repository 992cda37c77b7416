// Documentation derived from the rule registry: the README's code table and the per-code settings
// of package.json (VS Code's settings UI). `npm run sync:rules` writes them; a test fails when the
// committed files disagree with the registry.
import { RULES } from '../engine/index.js';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;

export const TABLE_START = '<!-- rules-table:start (npm run sync:rules) -->';
export const TABLE_END = '<!-- rules-table:end -->';

/** The README's table of codes, between its markers. */
export function rulesTable(): string {
  const rows = RULES.map((r) => `| [\`${r.code}\`](#${r.docsAnchor}) | ${r.when} | ${r.defaultSeverity} |`);
  return [TABLE_START, '| code | when | default severity |', '| --- | --- | --- |', ...rows, TABLE_END].join('\n');
}

/** package.json's `claimlint.rules` setting: one enum per code. */
export function rulesSetting(): Record<string, unknown> {
  return Object.fromEntries(RULES.map((r) => [r.code, {
    type: 'string',
    enum: [...SEVERITIES],
    markdownDescription: `\`${r.code}\`: ${r.description} Default \`${r.defaultSeverity}\`.`,
  }]));
}

/** Replaces the marked table in a README's text (undefined when the markers are missing). */
export function withRulesTable(readme: string): string | undefined {
  const a = readme.indexOf(TABLE_START), b = readme.indexOf(TABLE_END);
  if (a < 0 || b < a) return undefined;
  return readme.slice(0, a) + rulesTable() + readme.slice(b + TABLE_END.length);
}
