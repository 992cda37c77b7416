import assert from 'node:assert/strict';
import { FORMATTERS } from '../../server/src/cli/formatters/index.js';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github.js';
import { escapeXml } from '../../server/src/cli/formatters/junit.js';
import { paint } from '../../server/src/cli/formatters/stylish.js';
import { toDiagnostics, type RunReport } from '../../server/src/cli/report.js';
import type { Finding } from '../../server/src/engine/types.js';
import { checkSarif } from './sarif-check.js';
import { checkXml } from './xml-check.js';
import { golden } from './golden.js';

// A constructed report: the formatters are tested independently of the engine's wording.
const TEXT = [
  '# Ketamine 😀',                                                                          // line 0
  '',                                                                                         // line 1
  'Ketamine\'s effect is proven to be mediated by the opioid system.',                        // line 2
  'Naltrexone 50 mg was given before 5 mg/kg ketamine, and 7 of 12 responded.\r',            // line 3 (CRLF)
  '',
  'A caution spans',
  'two lines here.',
].join('\n');

const at = (needle: string) => {
  const i = TEXT.indexOf(needle);
  if (i < 0) throw new Error(needle);
  return { start: i, end: i + needle.length };
};

export function sampleFindings(): Finding[] {
  const s1 = at('Ketamine\'s effect is proven to be mediated by the opioid system.');
  const fig = at('5 mg/kg');
  const multi = at('A caution spans\ntwo lines here.');
  return [
    {
      code: 'overstated-certainty', severity: 'warning', ...s1, claimId: 'opioid-mediation', sources: ['williams2018'],
      message: 'Presents opioid mediation as settled; the evidence is one small trial (12 completers) — Williams et al. 2018. Supported wording: "a small trial suggests…"',
      fixes: [
        { kind: 'soften', title: 'Soften: "is proven to be" → "may be"', safe: false, edits: [{ ...at('is proven to be'), newText: 'may be' }] },
        { kind: 'insert-citation', title: 'Cite williams2018', safe: true, edits: [{ start: s1.end - 1, end: s1.end - 1, newText: ' [@williams2018]' }] },
      ],
    },
    {
      code: 'figure-mismatch', severity: 'error', ...fig, claimId: 'naltrexone-trial', sources: ['williams2018'],
      message: 'The trial gave 0.5 mg/kg ketamine, not 5 mg/kg.',
      fixes: [{ kind: 'correct-figure', title: 'Correct to 0.5 mg/kg', safe: true, edits: [{ ...fig, newText: '0.5 mg/kg' }] }],
    },
    {
      code: 'uncited-claim', severity: 'information', ...at('7 of 12 responded'), claimId: 'naltrexone-trial', sources: ['williams2018'],
      message: 'No citation: 100% of "claims", like this one, need sources:\nadd [@williams2018] & <cite>.', fixes: [],
    },
    {
      code: 'missing-caveat', severity: 'hint', ...multi, cautionId: 'benzodiazepine-interaction', sources: ['sos2013'],
      message: 'Missing caution about benzodiazepines.', fixes: [],
    },
  ];
}

export function sampleReport(): RunReport {
  return {
    cwd: '/work/project',
    files: [
      { file: 'docs/draft one.md', path: '/work/project/docs/draft one.md', diagnostics: toDiagnostics(TEXT, sampleFindings()), ms: 12.6 },
      { file: 'clean.md', path: '/work/project/clean.md', diagnostics: [], ms: 0.25 },
    ],
    skipped: [{ file: 'image.md', path: '/work/project/image.md', reason: 'not UTF-8 text (binary: NUL byte at offset 4)' }],
  };
}

const ctx = { color: false, version: '9.9.9' };

describe('cli: formatters (constructed findings, golden files)', () => {
  it('converts offsets to 0-based lines and UTF-16 characters', () => {
    const d = toDiagnostics(TEXT, sampleFindings());
    const fig = d.find((x) => x.code === 'figure-mismatch')!;
    assert.deepEqual(fig.range, { start: { line: 3, character: 34 }, end: { line: 3, character: 41 } });
    const multi = d.find((x) => x.code === 'missing-caveat')!;
    assert.deepEqual(multi.range, { start: { line: 5, character: 0 }, end: { line: 6, character: 15 } });
    assert.match(fig.fingerprint, /^[0-9a-f]{16}:1$/);
  });

  it('stylish', () => golden('unit/stylish.txt', FORMATTERS.stylish(sampleReport(), ctx)));

  it('stylish with colour', () => {
    const out = FORMATTERS.stylish(sampleReport(), { ...ctx, color: true });
    // eslint-disable-next-line no-control-regex -- terminal escape sequences
    assert.match(out, /\u001b\[31m/);
    golden('unit/stylish-color.txt', out);
  });

  it('stylish summary counts errors, warnings, info and hints', () => {
    const out = FORMATTERS.stylish(sampleReport(), ctx);
    assert.match(out, /✖ 4 problems \(1 error, 1 warning, 1 info, 1 hint\), 1 file skipped/);
    assert.match(out, /2 problems fixable with the `--fix` option/);
    const clean = FORMATTERS.stylish({ cwd: '/', files: [{ file: 'a.md', path: '/a.md', diagnostics: [] }], skipped: [] }, ctx);
    assert.equal(clean, '✔ No problems found in 1 file\n');
  });

  it('json', () => {
    const out = FORMATTERS.json(sampleReport(), ctx);
    const parsed = JSON.parse(out) as { file: string; diagnostics: Record<string, unknown>[] }[];
    assert.equal(parsed.length, 2);
    assert.deepEqual(Object.keys(parsed[0].diagnostics[0]), ['code', 'severity', 'message', 'range', 'claimId', 'sources', 'fixes']);
    assert.deepEqual(Object.keys((parsed[0].diagnostics[0].fixes as Record<string, unknown>[])[0]), ['title', 'kind', 'safe', 'edits']);
    golden('unit/report.json', out);
  });

  it('sarif: valid SARIF 2.1.0 shape', () => {
    const out = FORMATTERS.sarif(sampleReport(), ctx);
    const log = JSON.parse(out);
    assert.deepEqual(checkSarif(log), []);
    const results = log.runs[0].results;
    assert.equal(results.length, 4);
    assert.deepEqual(results[1].locations[0].physicalLocation, {
      artifactLocation: { uri: 'docs/draft%20one.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 35, endLine: 4, endColumn: 42 },
    });
    assert.equal(results[1].level, 'error');
    assert.equal(results[2].level, 'note');
    assert.equal(log.runs[0].tool.driver.rules[results[0].ruleIndex].id, 'overstated-certainty');
    assert.equal(log.runs[0].invocations[0].toolExecutionNotifications.length, 1);
    golden('unit/report.sarif', out);
  });

  it('sarif checker catches shape errors', () => {
    const bad = { version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ level: 'info', message: {}, extra: 1, locations: [{ physicalLocation: { region: { startLine: 0 } } }], fixes: [{ artifactChanges: [] }] }] }] };
    const errs = checkSarif(bad);
    for (const e of ['lacks required "name"', 'level "info"', 'needs text or id', '"extra" is not a result property', 'needs address or artifactLocation', 'startLine: expected an integer >= 1', 'needs at least 1']) {
      assert.ok(errs.some((x) => x.includes(e)), `${e} in ${errs.join('\n')}`);
    }
  });

  it('github', () => {
    const out = FORMATTERS.github(sampleReport(), ctx);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 5);
    assert.equal(lines[1], '::error file=docs/draft one.md,line=4,col=35,endLine=4,endColumn=41,title=claimlint(figure-mismatch)::The trial gave 0.5 mg/kg ketamine, not 5 mg/kg.');
    assert.ok(lines[2].startsWith('::notice '), 'information is a notice');
    assert.ok(lines[2].endsWith('::No citation: 100%25 of "claims", like this one, need sources:%0Aadd [@williams2018] & <cite>.'));
    assert.equal(lines[3], '::notice file=docs/draft one.md,line=6,endLine=7,title=claimlint(missing-caveat)::Missing caution about benzodiazepines.', 'multi-line: no columns');
    golden('unit/github.txt', out);
  });

  it('github escaping', () => {
    assert.equal(escapeData('50% a\r\nb: c, d'), '50%25 a%0D%0Ab: c, d');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });

  it('junit: well-formed XML, one test case per file (passing ones too) with its time, failures grouped', () => {
    const out = FORMATTERS.junit(sampleReport(), { ...ctx, elapsedMs: 1234 });
    assert.deepEqual(checkXml(out), []);
    assert.equal((out.match(/<testcase /g) ?? []).length, 3);
    assert.match(out, /<testsuites name="claimlint" tests="3" failures="1" errors="0" skipped="1" time="1\.234">/);
    assert.match(out, /<testcase classname="claimlint" name="clean\.md" file="clean\.md" time="0\.000"\/>/);
    assert.match(out, /name="docs\/draft one\.md" file="docs\/draft one\.md" time="0\.013">\n {6}<failure type="error" message="2 problems \(1 error, 1 warning\)">/);
    assert.equal((out.match(/<failure /g) ?? []).length, 1, 'one failure per file');
    assert.match(out, /&lt;cite&gt;/);
    golden('unit/junit.xml', out);
  });

  it('junit escaping removes characters XML cannot carry', () => {
    assert.equal(escapeXml('a\u0000b\u0007<&>"\''), 'a\uFFFDb\uFFFD&lt;&amp;&gt;&quot;&apos;');
    assert.equal(escapeXml('\uD800x'), '\uFFFDx');
    assert.deepEqual(checkXml(`<a b="${escapeXml('x\u0001<y>&"z')}">${escapeXml('\u001f]]>')}</a>`), []);
    assert.notDeepEqual(checkXml('<a><b></a>'), []);
  });

  it('paint does nothing without colour', () => {
    assert.equal(paint(false)('x', 'red'), 'x');
    assert.equal(paint(true)('x', 'red'), '\u001b[31mx\u001b[0m');
  });
});
