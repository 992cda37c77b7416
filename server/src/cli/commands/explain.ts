// `claimlint explain FILE:LINE[:COLUMN]`: why the sentences at a position were, or were not,
// flagged (engine/explain.ts), for writers who want the reason and for anyone debugging a miss.
import { resolve } from 'node:path';
import { explain, LineIndex, type SentenceExplanation } from '../../engine/index.js';
import { parseOptions, UsageError } from '../args.js';
import { DatabaseStore } from '../database.js';
import { EXPLAIN_HELP } from '../help.js';
import { readTextFile } from '../read.js';
import { checkPackErrors, createConfigResolver, failOnConfigErrors, type CliIO } from '../shared.js';

export async function runExplain(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, [
    { name: 'config', kind: 'value', short: 'c' },
    { name: 'pack', kind: 'list' },
    { name: 'format', kind: 'value', short: 'f' },
    { name: 'help', kind: 'flag', short: 'h' },
  ], 'claimlint explain');
  if (values.get('help')) {
    io.stdout.write(EXPLAIN_HELP + '\n');
    return 0;
  }
  const format = (values.get('format') as string | undefined) ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`explain: --format must be stylish or json, not "${format}"`);
  const where = /^(.+?):(\d+)(?::(\d+))?$/.exec(positionals[0] ?? '');
  if (positionals.length !== 1 || !where) throw new UsageError('explain takes one FILE:LINE or FILE:LINE:COLUMN (1-based, as in the stylish output)', EXPLAIN_HELP);
  const path = resolve(io.cwd, where[1]!);
  const read = readTextFile(path);
  if (!read.ok) throw new UsageError(`${where[1]}: ${read.reason}`);
  const configs = createConfigResolver({ config: values.get('config') as string | undefined, packs: (values.get('pack') as string[] | undefined) ?? [], rules: {} }, io.cwd);
  const eff = configs.forFile(path);
  failOnConfigErrors(configs.problems(), io.cwd);
  const loaded = new DatabaseStore(io.cwd).get(eff.packs);
  checkPackErrors(loaded.errors, io);

  const lines = new LineIndex(read.text);
  const line = Number(where[2]) - 1;
  if (line < 0 || line >= read.text.split('\n').length) throw new UsageError(`${where[1]} has no line ${where[2]}`);
  const start = lines.offsetAt({ line, character: where[3] ? Number(where[3]) - 1 : 0 });
  const end = where[3] ? start + 1 : lines.offsetAt({ line: line + 1, character: 0 });
  const found = explain(read.text, loaded.db, eff.engine, start, Math.max(end, start + 1));
  if (format === 'json') io.stdout.write(JSON.stringify(found, null, 1) + '\n');
  else io.stdout.write(found.length ? found.map((x) => stylish(x, lines)).join('\n\n') + '\n' : `No sentence at ${positionals[0]} (code, HTML or front matter are not checked).\n`);
  return 0;
}

const pct = (p: number) => `${Math.round(p * 100)}%`;
const list = (xs: string[]) => (xs.length ? xs.join(', ') : '-');

function stylish(x: SentenceExplanation, lines: LineIndex): string {
  const at = lines.positionAt(x.start);
  const out = [`${at.line + 1}:${at.character + 1}  "${x.text}"`];
  if (x.referenceList) out.push('  in a References section: its entries cite, they are not claims');
  if (x.myth) out.push('  labelled as a myth: named in order to be corrected, not checked as a claim');
  out.push(`  findings: ${x.findings.length ? '' : '-'}`);
  for (const f of x.findings) {
    out.push(`    ${f.severity} ${f.code}: ${f.message}`);
    const r = f.reason;
    if (r) {
      const why: string[] = [];
      if (r.claim) why.push(`claim ${r.claim.id} (${r.claim.grade})`);
      if (r.caution) why.push(`caution ${r.caution}`);
      if (r.matched?.concepts.length) why.push(`matched ${r.matched.concepts.map((c) => `"${c.words}" (${c.id})`).join(', ')}`);
      if (r.matched?.recogniser) why.push(`recogniser ${pct(r.matched.recogniser.p)} [${r.matched.recogniser.features.join(' ')}]`);
      if (r.cue) why.push(`${r.cue.kind}${r.cue.text ? ` "${r.cue.text}"` : ''}`);
      if (r.stance) why.push(`wording ${r.stance.modality}${r.stance.contradicts !== undefined ? `, contradicts ${pct(r.stance.contradicts)}` : ''}`);
      out.push(`      why: ${why.join('; ')}`);
    }
  }
  out.push(`  concepts: ${list(x.concepts.map((c) => `${c.id} ("${c.words}")`))}`);
  out.push(`  claims by concepts: ${list(x.conceptClaims.map((c) => `${c.id} [${c.grade}]${c.fromTopic.length ? ` (${c.fromTopic.join(', ')} from the topic)` : ''}`))}`);
  if (x.recogniser) {
    out.push(`  recogniser: ${list(x.recogniser.topics.map((t) => `${t.id} ${pct(t.p)}`))}`);
    if (x.recogniser.contradictionTopics.length) out.push(`    says what a contradiction says: ${list(x.recogniser.contradictionTopics.map((t) => `${t.id} ${pct(t.p)}`))}`);
    out.push(`    wording: ${list(x.recogniser.modality.map((m) => `${m.modality} ${pct(m.p)}`))}; contradicts: ${list(Object.entries(x.recogniser.contradicts).map(([id, p]) => `${id} ${pct(p)}`))}`);
  }
  out.push(`  claims checked: ${list(x.claims.map((c) => `${c.id} [${c.grade}] ${pct(c.score)} by ${c.by}`))}`);
  const a = x.analysis;
  const flags = (['negated', 'hedged', 'boosted', 'attributed', 'question', 'hypothetical'] as const).filter((k) => a[k]);
  out.push(`  analysis: certainty ${a.certainty}/6; ${flags.length ? flags.join(', ') : 'plain'}; population ${a.population}; cues ${list(a.cues.map((c) => `${c.kind} "${c.text}"`))}`);
  if (x.numbers.length) out.push(`  numbers: ${x.numbers.map((n) => `"${n.text}" (${n.kind})`).join(', ')}`);
  return out.join('\n');
}
