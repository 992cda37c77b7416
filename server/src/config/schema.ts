// The `.claimlintrc` format: one zod schema validates config files (CLI and language server),
// emits the JSON Schema for editor validation, and generates the reference table in docs/cli.md.
import { z } from 'zod';
import { CODES, DEFAULT_SEVERITY, type Code } from '../engine/rules/index.js';

export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export const CITATION_STYLES = ['pandoc', 'footnote', 'link'] as const;

const quoteList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** Common slips mapped to the value the user most likely meant. */
const SEVERITY_ALIASES: Record<string, string> = {
  warn: 'warning', info: 'information', informational: 'information', note: 'information',
  off: 'off', none: 'off', disable: 'off', disabled: 'off', false: 'off', '0': 'off',
  err: 'error', '2': 'error', '1': 'warning',
};

export const SeveritySettingSchema = z.string().superRefine((value, ctx) => {
  if ((SEVERITY_SETTINGS as readonly string[]).includes(value)) return;
  const alias = SEVERITY_ALIASES[value.toLowerCase()];
  ctx.addIssue({
    code: 'custom',
    message: `severity must be one of ${quoteList(SEVERITY_SETTINGS)}` + (alias ? ` (did you mean "${alias}"?)` : `, not "${value}"`),
  });
}).describe('A severity, or "off" to disable the rule.');

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The closest candidate within a small distance, or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { best = c; bestD = d; }
  }
  if (bestD <= Math.max(2, Math.floor(word.length / 3))) return best;
  // A unique candidate that starts with the word ("uncited" → "uncited-claim").
  const prefixed = word.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(word.toLowerCase())) : [];
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

export const RulesSchema = z.record(z.string(), SeveritySettingSchema).superRefine((rules, ctx) => {
  for (const code of Object.keys(rules)) {
    if ((CODES as readonly string[]).includes(code)) continue;
    const hint = closest(code, CODES);
    ctx.addIssue({
      code: 'custom',
      path: [code],
      message: `unknown rule "${code}"` + (hint ? ` (did you mean "${hint}"?)` : `; the rules are ${quoteList(CODES)}`),
      params: { claimlintKey: true },
    });
  }
}).describe('Severity per diagnostic code: "error", "warning", "information", "hint" or "off". Codes not listed keep their default severity.');

export const ConfigSchema = z.object({
  $schema: z.string().optional().describe('Optional JSON Schema reference, ignored by claimlint.'),
  rules: RulesSchema.optional(),
  packs: z.array(z.string().min(1, 'a pack path cannot be empty'))
    .optional()
    .describe('Extra claim packs: YAML/JSON files or folders of them, relative to the config file and inside its folder tree, or packages in node_modules. They are merged with the embedded database.'),
  citationStyle: z.enum(CITATION_STYLES, { error: () => `must be one of ${quoteList(CITATION_STYLES)}` })
    .optional()
    .describe('How citation fixes are written: "pandoc" ([@key]), "footnote" ([^key] plus a definition at the end) or "link" (an inline link to the DOI/URL). Default "pandoc".'),
  ignore: z.array(z.string().min(1, 'an ignore pattern cannot be empty'))
    .optional()
    .describe('Files not to lint: .gitignore-style globs, relative to the config file (e.g. "drafts/", "**/CHANGELOG.md").'),
}).strict().describe('claimlint configuration (.claimlintrc.json, .claimlintrc.yaml, .claimlintrc.yml, or the "claimlint" key of package.json).');

export type ConfigFile = z.infer<typeof ConfigSchema>;

/** The JSON Schema of `.claimlintrc.json` (for editor validation; e.g. VS Code's jsonValidation). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  // The JSON Schema cannot express the refinements; spell the closed sets out instead.
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  props.rules = {
    description: RulesSchema.description,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(CODES.map((c) => [c, {
      enum: [...SEVERITY_SETTINGS],
      description: `Default: "${DEFAULT_SEVERITY[c]}".`,
    }])),
  };
  return schema;
}

/** A Markdown reference of the config keys, generated from the schema (embedded in docs/cli.md). */
export function configReference(): string {
  const rows: [string, string, string, string][] = [
    ['rules', 'object', '`{}`', RulesSchema.description ?? ''],
    ['packs', 'string[]', '`[]`', ConfigSchema.shape.packs.description ?? ''],
    ['citationStyle', quoteList(CITATION_STYLES).replace(/"/g, '`').replace(/, /g, ' \\| '), '`pandoc`', ConfigSchema.shape.citationStyle.description ?? ''],
    ['ignore', 'string[]', '`[]`', ConfigSchema.shape.ignore.description ?? ''],
  ];
  const lines = ['| key | type | default | description |', '| --- | --- | --- | --- |'];
  for (const [k, t, d, desc] of rows) lines.push(`| \`${k}\` | ${t} | ${d} | ${desc.replace(/\|/g, '\\|')} |`);
  lines.push('', '| rule | default severity |', '| --- | --- |');
  for (const c of CODES) lines.push(`| \`${c}\` | ${DEFAULT_SEVERITY[c as Code]} |`);
  return lines.join('\n');
}
