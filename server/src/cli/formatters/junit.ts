// `--format junit`: one <testsuite> per file, one <testcase> per finding. Errors and warnings
// are <failure>s; information and hints pass, with the message in <system-out>; skipped files
// are <skipped> test cases.
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

export function formatJunit(report: RunReport, _ctx: FormatContext): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skippedTotal = 0;
  for (const f of report.files) {
    const cases: string[] = [];
    let fails = 0;
    for (const d of f.diagnostics) {
      const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const name = `${pos} ${d.code}`;
      const head = `    <testcase classname="${escapeXml(f.file)}" name="${escapeXml(name)}" file="${escapeXml(f.file)}" line="${d.range.start.line + 1}"`;
      const detail = `${d.severity} at ${f.file}:${pos} (${d.code})${d.claimId ? ` claim ${d.claimId}` : ''}\n${d.message}`;
      if (d.severity === 'error' || d.severity === 'warning') {
        fails++;
        cases.push(`${head}>\n      <failure type="${d.severity}" message="${escapeXml(d.message)}">${escapeText(detail)}</failure>\n    </testcase>`);
      } else {
        cases.push(`${head}>\n      <system-out>${escapeText(detail)}</system-out>\n    </testcase>`);
      }
    }
    tests += f.diagnostics.length;
    failures += fails;
    suites.push(`  <testsuite name="${escapeXml(f.file)}" tests="${f.diagnostics.length}" failures="${fails}" errors="0" skipped="0">` +
      (cases.length ? `\n${cases.join('\n')}\n  ` : '') + '</testsuite>');
  }
  for (const s of report.skipped) {
    tests++;
    skippedTotal++;
    suites.push(`  <testsuite name="${escapeXml(s.file)}" tests="1" failures="0" errors="0" skipped="1">\n` +
      `    <testcase classname="${escapeXml(s.file)}" name="${escapeXml(s.file)}" file="${escapeXml(s.file)}">\n` +
      `      <skipped message="${escapeXml(s.reason)}"/>\n    </testcase>\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claimlint" tests="${tests}" failures="${failures}" errors="0" skipped="${skippedTotal}">\n` +
    (suites.length ? suites.join('\n') + '\n' : '') + '</testsuites>\n';
}
