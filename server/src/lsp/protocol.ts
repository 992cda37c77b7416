// claimlint's own LSP messages, shared with clients (the VS Code extension imports this file).
// Plain types and method names only: no runtime dependency, so a client bundle can import it.
// docs/lsp.md documents each message.

/** A zero-based LSP position (UTF-16 characters). */
export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }

export type EvidenceGrade = 'established' | 'supported' | 'preliminary' | 'preclinical-only' | 'contested';

/** Request `claimlint/documentEvidence`: every claim the document's sentences were matched to. */
export const DocumentEvidenceRequest = 'claimlint/documentEvidence';
export interface DocumentEvidenceParams { uri: string }
export interface EvidenceSource {
  /** Citation key (the CSL id). */
  id: string;
  /** Short form, e.g. "Williams et al. 2018". */
  short: string;
  /** The full reference, formatted. */
  reference: string;
  doi?: string;
  url?: string;
}
export interface EvidenceClaim {
  claimId: string;
  /** The claim's paraphrased statement. */
  statement: string;
  grade: EvidenceGrade;
  rationale: string;
  population: string;
  supportedWording: string;
  /** "ok", or the codes of the findings on the sentences matched to this claim. */
  status: 'ok' | string[];
  /** The matched sentences, in document order. */
  ranges: LspRange[];
  /** Findings tied to this claim: code, severity (LSP number), message and range. */
  findings: { code: string; severity: number; message: string; range: LspRange }[];
  sources: EvidenceSource[];
}
export interface DocumentEvidenceResult {
  uri: string;
  /** The document version the evidence was computed for. */
  version: number;
  claims: EvidenceClaim[];
}

/** Notification `claimlint/status` (server → client), sent after each published analysis and on close. */
export const StatusNotification = 'claimlint/status';
export interface StatusParams {
  uri: string;
  /** Document version analysed; null when the document was closed (drop its status). */
  version: number | null;
  /** Sentences examined. */
  sentences: number;
  /** Sentences matched to a claim ("claims checked"). */
  claimsChecked: number;
  /** Distinct claims matched. */
  distinctClaims: number;
  /** Findings published (after severities/off, ignored findings and the maxProblems cap). */
  findings: number;
  /** Findings before the maxProblems cap (equal to `findings` unless capped). */
  total: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Analysis time in milliseconds (wall clock, including slicing pauses). */
  elapsedMs: number;
  /** Distinct matched claims by evidence grade. */
  claimsByGrade: Partial<Record<EvidenceGrade, number>>;
  /** Restricted mode (untrusted workspace): workspace config and claim packs are ignored. */
  restricted: boolean;
  /** Findings hidden by `.claimlint/ignored.yaml`. */
  ignored: number;
}

/** Request `claimlint/exportBibliography`: the references cited in the given documents. */
export const ExportBibliographyRequest = 'claimlint/exportBibliography';
export type BibliographyFormat = 'csl-json' | 'bibtex';
export interface ExportBibliographyParams {
  /** Documents to collect citation keys from; open documents use their buffer, others are read from disk. */
  uris: string[];
  format: BibliographyFormat;
}
export interface ExportBibliographyResult {
  /** The bibliography text (CSL-JSON array or BibTeX entries). */
  text: string;
  /** Keys exported, in order of first citation. */
  keys: string[];
  /** Cited keys not in the database (not exported). */
  unknownKeys: string[];
}

/** Request `claimlint/reload`: drop cached config and packs, reload them and re-check open documents. */
export const ReloadRequest = 'claimlint/reload';

/** The `claimlint` settings section (workspace/configuration) and initializationOptions. */
export interface ClaimlintSettings {
  /** Per-code severity: "error" | "warning" | "information" | "hint" | "off". */
  rules?: Record<string, string>;
  citationStyle?: 'pandoc' | 'footnote' | 'link';
  /** Extra claim packs (files or folders), relative to the workspace folder. */
  packs?: string[];
  /** Delay after the last change before checking, in ms (0 allowed). Default 200. */
  debounceMs?: number;
  /** Check while typing or only on open/save. Default "onType". */
  run?: 'onType' | 'onSave';
  /** Most diagnostics published per document, the most severe first; 0: no limit. Default 1000. */
  maxProblems?: number;
}

export interface ClaimlintInitializationOptions extends ClaimlintSettings {
  /** false: untrusted workspace — only the embedded database, no workspace config or packs. Default true. */
  trusted?: boolean;
  /** Settings nested the same way as workspace/configuration, for clients without that request. */
  settings?: { claimlint?: ClaimlintSettings };
  /** The same, one level up (Helix sends its `config` table as initializationOptions). */
  claimlint?: ClaimlintSettings;
}

/** What `Diagnostic.data` carries for claimlint diagnostics about a claim or caution record (absent
 *  otherwise). The fixes stay on the server: a code action finds the diagnostic's finding in the
 *  analysis of the current version by code, range and message, so a diagnostic that no longer
 *  describes the text gets no fix, and publishing does not carry every fix of every finding. */
export interface DiagnosticData {
  claimId?: string;
  cautionId?: string;
}

/** A fix: UTF-16 offset edits into the text at the finding's version. */
export interface FixData { kind: string; title: string; safe: boolean; edits: { start: number; end: number; newText: string }[] }
