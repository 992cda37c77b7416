// The `.claimlintrc` format: one zod schema validates config files (CLI and language server),
// emits the JSON Schema for editor validation, and generates the reference table in docs/cli.md.
import { z } from 'zod';
import { CODES, DEFAULT_SEVERITY, type Code, closest } from '../engine/index.js';

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

export { editDistance, closest } from '../engine/index.js';

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

const CitationStyleSchema = z.enum(CITATION_STYLES, { error: () => `must be one of ${quoteList(CITATION_STYLES)}` })
  .describe('How citation fixes are written: "pandoc" ([@key]), "footnote" ([^key] plus a definition at the end) or "link" (an inline link to the DOI/URL). Default "pandoc".');
const PacksSchema = z.array(z.string().min(1, 'a pack path cannot be empty'))
  .describe('Extra claim packs: YAML/JSON files or folders of them, relative to the config file and inside its folder tree, or packages in node_modules. They are merged with the embedded database; packs of every config file in the cascade accumulate.');
const GlobsSchema = z.union([z.string().min(1, 'a glob cannot be empty'), z.array(z.string().min(1, 'a glob cannot be empty')).min(1, 'list at least one glob')]);

export const OverrideSchema = z.object({
  files: GlobsSchema.describe('Globs of the files this override applies to, relative to the folder of the config file; a glob without "/" matches file names in any folder ("*.draft.md").'),
  rules: RulesSchema.optional(),
  citationStyle: CitationStyleSchema.optional(),
  packs: PacksSchema.optional(),
}).strict().describe('Settings for some files only: they apply on top of this config file\'s own settings to the files that match "files".');

export const ConfigSchema = z.object({
  $schema: z.string().optional().describe('Optional JSON Schema reference, ignored by claimlint.'),
  root: z.boolean().optional().describe('true: the top of the cascade; config files in parent folders are not read.'),
  extends: z.union([z.string().min(1, 'an extends entry cannot be empty'), z.array(z.string().min(1, 'an extends entry cannot be empty'))]).optional()
    .describe('Configs this one builds on: a path relative to this file (inside its folder tree) or an npm package in node_modules ("@org/claimlint-config"). This file\'s own settings win over them; later entries win over earlier ones.'),
  rules: RulesSchema.optional(),
  packs: PacksSchema.optional(),
  citationStyle: CitationStyleSchema.optional(),
  ignore: z.array(z.string().min(1, 'an ignore pattern cannot be empty'))
    .optional()
    .describe('Files not to lint: .gitignore-style globs, relative to the config file (e.g. "drafts/", "**/CHANGELOG.md").'),
  overrides: z.array(OverrideSchema).optional().describe('Per-glob settings: [{ files: ["drafts/**"], rules: { … } }], applied in order on top of this file\'s settings.'),
}).strict().describe('claimlint configuration (.claimlintrc, .claimlintrc.json, .claimlintrc.jsonc, .claimlintrc.yaml, .claimlintrc.yml, or the "claimlint" key of package.json). Config files in a file\'s folder and its parents are merged, the nearest winning per key.');

/** The keys a config file and an override may have (for "did you mean"). */
export const CONFIG_KEYS = Object.keys(ConfigSchema.shape);
export const OVERRIDE_KEYS = Object.keys(OverrideSchema.shape);

export type ConfigFile = z.infer<typeof ConfigSchema>;

/** The JSON Schema of `.claimlintrc.json` (for editor validation; e.g. VS Code's jsonValidation). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  // The JSON Schema cannot express the refinements; spell the closed sets out instead.
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const rules = {
    description: RulesSchema.description,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(CODES.map((c) => [c, {
      enum: [...SEVERITY_SETTINGS],
      description: `Default: "${DEFAULT_SEVERITY[c]}".`,
    }])),
  };
  props.rules = rules;
  const override = (props.overrides as { items?: { properties?: Record<string, unknown> } } | undefined)?.items;
  if (override?.properties) override.properties.rules = rules;
  return schema;
}

/** A Markdown reference of the config keys, generated from the schema (embedded in docs/cli.md). */
export function configReference(): string {
  const rows: [string, string, string, string][] = [
    ['rules', 'object', '`{}`', RulesSchema.description ?? ''],
    ['packs', 'string[]', '`[]`', PacksSchema.description ?? ''],
    ['citationStyle', quoteList(CITATION_STYLES).replace(/"/g, '`').replace(/, /g, ' \\| '), '`pandoc`', CitationStyleSchema.description ?? ''],
    ['ignore', 'string[]', '`[]`', ConfigSchema.shape.ignore.description ?? ''],
    ['root', 'boolean', '`false`', ConfigSchema.shape.root.description ?? ''],
    ['extends', 'string \\| string[]', '`[]`', ConfigSchema.shape.extends.description ?? ''],
    ['overrides', 'object[]', '`[]`', `${ConfigSchema.shape.overrides.description ?? ''} Each has \`files\` (${OverrideSchema.shape.files.description ?? ''}) and any of \`rules\`, \`citationStyle\`, \`packs\`.`],
  ];
  const lines = ['| key | type | default | description |', '| --- | --- | --- | --- |'];
  for (const [k, t, d, desc] of rows) lines.push(`| \`${k}\` | ${t} | ${d} | ${desc.replace(/\|/g, '\\|')} |`);
  lines.push('', '| rule | default severity |', '| --- | --- |');
  for (const c of CODES) lines.push(`| \`${c}\` | ${DEFAULT_SEVERITY[c as Code]} |`);
  return lines.join('\n');
}
