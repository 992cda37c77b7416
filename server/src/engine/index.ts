// The engine's public surface: what adapters (the CLI, the language server, the library) use.
// Text + database + configuration in, findings with UTF-16 offsets and fixes out; no fs, no process.
export { analyze, createAnalysisCache, matchSentence, type AnalyzeOptions } from './engine.js';
export { explain, type SentenceExplanation } from './explain.js';
export { applyFixes, type ApplyFixesOptions, type ApplyFixesResult } from './apply-fixes.js';
export { LineIndex, type Position } from './lines.js';
export { RULES, CODES, DEFAULT_SEVERITY, ruleFor, docsUrl, type Rule } from './rules/index.js';
export {
  CancelledError, DEFAULT_CONFIG,
  type AnalysisResult, type CancellationToken, type Citation, type ClaimMatch, type Code, type EngineConfig,
  type Finding, type FindingReason, type Fix, type FixKind, type Severity, type SeveritySetting, type CitationStyle, type TextEdit,
} from './types.js';
// What adapters need beyond analysis (added with the layering test: adapters import only this file).
export { findingIdentity } from './engine.js';
export { DOCS_URL } from './rules/index.js';
export { analyzeSentence } from './analyzer/index.js';
export { compile, sourceForLink } from './compiled.js';
export { commonPrefix } from './chunks.js';
export { REASON_PLACEHOLDER } from './directives.js';
export { footnoteDefinition } from './fixes.js';
export { hash64, hash64Hex } from './hash.js';
export { closest, editDistance } from './closest.js';
