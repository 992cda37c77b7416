// `--format sarif`: SARIF 2.1.0 (what GitHub code scanning and other CI dashboards ingest).
// Regions are 1-based with UTF-16 columns (the run's columnKind); endColumn is exclusive.
import { pathToFileURL } from 'node:url';
import { RULES, docsUrl } from '../../engine/index.js';
import { homepage } from '../version.js';
import type { Range, RunReport } from '../report.js';
import type { FormatContext } from './index.js';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

const region = (r: Range) => ({
  startLine: r.start.line + 1,
  startColumn: r.start.character + 1,
  endLine: r.end.line + 1,
  endColumn: r.end.character + 1,
});

/** A URI reference relative to %SRCROOT% (the working folder), or a file: URI outside it. */
function artifactLocation(file: string, abs: string) {
  const relative = !file.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(file) && !file.startsWith('..');
  return relative
    ? { uri: file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
    : { uri: pathToFileURL(abs).href };
}

export function formatSarif(report: RunReport, ctx: FormatContext): string {
  const results = report.files.flatMap((f) => f.diagnostics.map((d) => {
    const location = artifactLocation(f.file, f.path);
    const result: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: RULES.findIndex((r) => r.code === d.code),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: region(d.range) } }],
      partialFingerprints: { 'claimlint/v2': d.fingerprint },
    };
    const properties: Record<string, unknown> = { severity: d.severity, sources: d.sources };
    if (d.claimId) properties.claimId = d.claimId;
    if (d.cautionId) properties.cautionId = d.cautionId;
    if (d.reason) properties.reason = d.reason;
    result.properties = properties;
    const fixes = d.fixes.filter((x) => x.edits.length > 0).map((x) => ({
      description: { text: x.title },
      artifactChanges: [{
        artifactLocation: location,
        replacements: x.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
      }],
      properties: { kind: x.kind, safe: x.safe },
    }));
    if (fixes.length) result.fixes = fixes;
    return result;
  }));
  const notifications = report.skipped.map((s) => ({
    level: 'warning',
    message: { text: `skipped: ${s.reason}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(s.file, s.path) } }],
  }));
  const root = pathToFileURL(report.cwd).href.replace(/\/?$/, '/');
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'claimlint',
          ...(ctx.version ? { version: ctx.version, semanticVersion: ctx.version } : {}),
          informationUri: homepage() ?? 'https://github.com/claimlint/claimlint',
          rules: RULES.map((r) => ({
            id: r.code,
            name: r.name,
            shortDescription: { text: r.description },
            fullDescription: { text: r.details },
            helpUri: docsUrl(r),
            help: { text: `${r.details} See ${docsUrl(r)}` },
            defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
          })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: root } },
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
