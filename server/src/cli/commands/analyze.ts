// `claimlint analyze [FILE]`: how the analyzer reads each sentence, one JSON object per line.
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { analyzeSentence, matchSentence } from '../../engine/index.js';
import { parseOptions, UsageError } from '../args.js';
import { DatabaseStore } from '../database.js';
import { ANALYZE_HELP } from '../help.js';
import { checkPackErrors, createConfigResolver, failOnConfigErrors, type CliIO } from '../shared.js';

export async function runAnalyze(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, [
    { name: 'config', kind: 'value', short: 'c' },
    { name: 'pack', kind: 'list' },
    { name: 'help', kind: 'flag', short: 'h' },
  ], 'claimlint analyze');
  if (values.get('help')) {
    io.stdout.write(ANALYZE_HELP + '\n');
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`analyze reads one file (or standard input), got ${positionals.length}`);
  const cwd = io.cwd;
  const configs = createConfigResolver({ config: values.get('config') as string | undefined, packs: (values.get('pack') as string[] | undefined) ?? [], rules: {} }, cwd);
  const file = positionals[0];
  const eff = configs.forFile(resolve(cwd, file && file !== '-' ? file : '_'));
  failOnConfigErrors(configs.problems(), cwd);
  const loaded = new DatabaseStore(cwd).get(eff.packs);
  checkPackErrors(loaded.errors, io);

  let input: NodeJS.ReadableStream;
  if (file && file !== '-') {
    const stream = createReadStream(resolve(cwd, file), { encoding: 'utf8' });
    await new Promise<void>((ok, fail) => {
      stream.once('open', () => ok());
      stream.once('error', (e: NodeJS.ErrnoException) => fail(new UsageError(`${file}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a folder, not a file' : e.message}`)));
    });
    input = stream;
  } else {
    input = io.stdin;
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const raw of lines) {
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (!text) continue;
    io.stdout.write(JSON.stringify(describeSentence(text, loaded.db)) + '\n');
  }
  return 0;
}

export function describeSentence(text: string, db: Parameters<typeof matchSentence>[1]) {
  const a = analyzeSentence(text);
  return {
    text,
    certainty: a.certainty,
    strength: a.strength,
    cues: a.cues.map((c) => ({ text: c.text, kind: c.kind, group: c.group, start: c.start, end: c.end })),
    negated: a.negated,
    attributed: a.attributed,
    hypothetical: a.hypothetical,
    question: a.question,
    hedged: a.hedged,
    boosted: a.boosted,
    generalised: a.generalised,
    population: a.population.kind,
    claims: matchSentence(text, db).map((m) => ({ id: m.claimId, score: m.score })),
  };
}
