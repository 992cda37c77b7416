// `--format junit`: what CI servers (GitLab, Jenkins, Azure Pipelines) show as a test report: one
// <testsuite name="claimlint"> with one <testcase> per linted file, passing files included, each
// with its `time`. A file with error or warning findings fails: one <failure> lists them all;
// information and hints go to <system-out>. Skipped files are <skipped> test cases.
import type { RunReport } from '../report.js';
import type { FormatContext } from './index.js';

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot carry. */
export function escapeXml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
/** For element text: line breaks kept as they are. */
const escapeText = (s: string) => escapeXml(s).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t');

/** Seconds with millisecond precision, as JUnit's `time` attributes are written. */
const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function formatJunit(report: RunReport, ctx: FormatContext): string {
  const cases: string[] = [];
  let failures = 0;
  let fileMs = 0;
  for (const f of report.files) {
    fileMs += f.ms ?? 0;
    const head = `    <testcase classname="claimlint" name="${escapeXml(f.file)}" file="${escapeXml(f.file)}" time="${seconds(f.ms)}"`;
    const line = (d: (typeof f.diagnostics)[number]) =>
      `${f.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} (${d.code}${d.claimId ? `, claim ${d.claimId}` : ''})`;
    const failing = f.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    const other = f.diagnostics.filter((d) => d.severity !== 'error' && d.severity !== 'warning');
    const body: string[] = [];
    if (failing.length) {
      failures++;
      const errors = failing.filter((d) => d.severity === 'error').length;
      const message = `${plural(failing.length, 'problem')} (${plural(errors, 'error')}, ${plural(failing.length - errors, 'warning')})`;
      body.push(`      <failure type="${errors ? 'error' : 'warning'}" message="${escapeXml(message)}">${escapeText(failing.map(line).join('\n'))}</failure>`);
    }
    if (other.length) body.push(`      <system-out>${escapeText(other.map(line).join('\n'))}</system-out>`);
    cases.push(body.length ? `${head}>\n${body.join('\n')}\n    </testcase>` : `${head}/>`);
  }
  for (const s of report.skipped) {
    cases.push(`    <testcase classname="claimlint" name="${escapeXml(s.file)}" file="${escapeXml(s.file)}" time="0.000">\n` +
      `      <skipped message="${escapeXml(s.reason)}"/>\n    </testcase>`);
  }
  const tests = report.files.length + report.skipped.length;
  const counts = `tests="${tests}" failures="${failures}" errors="0" skipped="${report.skipped.length}" time="${seconds(ctx.elapsedMs ?? fileMs)}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claimlint" ${counts}>\n` +
    `  <testsuite name="claimlint" ${counts}>\n` + (cases.length ? cases.join('\n') + '\n' : '') + '  </testsuite>\n</testsuites>\n';
}
