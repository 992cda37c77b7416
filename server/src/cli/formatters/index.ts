// Output formats: plain functions from the run's report to the text printed on stdout.
import type { RunReport } from '../report.js';
import { formatStylish } from './stylish.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';
import { formatJunit } from './junit.js';
import { formatHtml } from './html.js';

export interface FormatContext {
  /** ANSI colours (stylish only). */
  color: boolean;
  /** claimlint's version (SARIF driver). */
  version?: string;
  /** Set when fixes were applied (or, for dry-run, computed). */
  fixing?: 'fix' | 'dry-run';
  /** Findings left out of the report by --quiet (stylish mentions them). */
  hidden?: number;
  /** The run's wall time (JUnit's `time`). */
  elapsedMs?: number;
  /** A claim's grade and statement, by id (html). */
  claim?: (id: string) => { grade: string; statement: string } | undefined;
}

export type Formatter = (report: RunReport, ctx: FormatContext) => string;

export const FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  html: formatHtml,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
