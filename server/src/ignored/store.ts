// `.claimlint/ignored.yaml`: the findings a workspace hides ("Ignore this finding here"), a file
// to review like code. Found upwards from a document's folder; read with the YAML library and
// checked with zod; written atomically. Used by the language server and, through `forFile`, the CLI.
import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { parseDocument, isSeq, YAMLSeq } from 'yaml';
import { z } from 'zod';
import { readRegularFile, writeFileAtomic } from '../fs/safe-fs.js';
import type { IgnoredEntry } from './fingerprint.js';

export const IGNORE_DIR = '.claimlint';
export const IGNORE_FILE = 'ignored.yaml';
/** Largest ignore file read; far more than any review could cover. */
const MAX_BYTES = 4 * 1024 * 1024;
/** Folders climbed looking for `.claimlint/ignored.yaml`. */
const MAX_DEPTH = 64;

const EntrySchema = z.object({
  file: z.string().min(1),
  code: z.string().min(1),
  claim: z.string().min(1).optional(),
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/, 'a 16-digit hexadecimal fingerprint'),
  sentence: z.string().optional(),
});
const IgnoreFileSchema = z.object({
  version: z.literal(1).optional(),
  ignored: z.array(EntrySchema).nullish(),
});

const HEADER = `# Findings hidden with claimlint's "Ignore this finding here", by file, rule, claim and sentence.
# Review changes to this file like code; delete an entry to see its finding again. An entry lapses
# when its sentence is rewritten. Read by the claimlint language server and the claimlint CLI.
`;

export interface IgnoreFile {
  path: string;
  /** The folder holding `.claimlint/`: entries' `file` is relative to it. */
  root: string;
  entries: IgnoredEntry[];
  /** Why the file could not be used (its entries are then empty). */
  error?: string;
}

/** The nearest `.claimlint/ignored.yaml` at or above `dir`. */
export function findIgnoreFile(dir: string): string | undefined {
  let d = dir;
  for (let i = 0; i < MAX_DEPTH; i++) {
    const p = join(d, IGNORE_DIR, IGNORE_FILE);
    if (existsSync(p)) return p;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
  return undefined;
}

export function readIgnoreFile(path: string): IgnoreFile {
  const root = dirname(dirname(path));
  const read = readRegularFile(path, MAX_BYTES);
  if (!read.ok) return { path, root, entries: [], error: `${path}: ${read.reason}` };
  const doc = parseDocument(read.data.toString('utf8'));
  if (doc.errors.length) return { path, root, entries: [], error: `${path}: ${doc.errors[0]!.message}` };
  const parsed = IgnoreFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { path, root, entries: [], error: `${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}` };
  }
  return { path, root, entries: (parsed.data.ignored ?? []).map((e) => ({ ...e })) };
}

/** `file` relative to the ignore file's root, with forward slashes (the key entries use). */
export function relativeKey(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** This file's entries from the nearest ignore file (cached per ignore file: a run reads it once). */
export class IgnoredFindings {
  private readonly files = new Map<string, IgnoreFile>();
  private readonly dirs = new Map<string, string | undefined>();

  constructor(private readonly warn: (message: string) => void = () => {}) {}

  forFile(path: string): { entries: IgnoredEntry[]; file?: string } {
    const dir = dirname(path);
    let found = this.dirs.get(dir);
    if (!this.dirs.has(dir)) { found = findIgnoreFile(dir); this.dirs.set(dir, found); }
    if (!found) return { entries: [] };
    let f = this.files.get(found);
    if (!f) {
      f = readIgnoreFile(found);
      if (f.error) this.warn(`claimlint: ignored findings not used: ${f.error}`);
      this.files.set(found, f);
    }
    const key = relativeKey(f.root, path);
    return { entries: f.entries.filter((e) => e.file === key), file: found };
  }

  /** Forget what was read (the file changed). */
  clear(): void {
    this.files.clear();
    this.dirs.clear();
  }
}

/**
 * Adds an entry to `path` (created with its folder and a header when missing), keeping the file's
 * comments and order; an entry already there is not added twice. Written atomically.
 */
export function addIgnored(path: string, entry: IgnoredEntry): { added: boolean } {
  mkdirSync(dirname(path), { recursive: true });
  const read = readRegularFile(path, MAX_BYTES);
  const text = read.ok ? read.data.toString('utf8') : read.code === 'ENOENT' ? `${HEADER}version: 1\nignored: []\n` : undefined;
  if (text === undefined) throw new Error(`${path}: ${read.ok ? '' : read.reason}`);
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`${path}: ${doc.errors[0]!.message}; fix it before adding to it`);
  const current = IgnoreFileSchema.safeParse(doc.toJS() ?? {});
  if (!current.success) throw new Error(`${path}: not a claimlint ignore file; fix it before adding to it`);
  const same = (current.data.ignored ?? []).some((e) => e.file === entry.file && e.code === entry.code && (e.claim ?? '') === (entry.claim ?? '') && e.fingerprint === entry.fingerprint);
  if (same) return { added: false };
  if (!doc.has('version')) doc.set('version', 1);
  let list = doc.get('ignored');
  if (!isSeq(list)) { list = new YAMLSeq(); doc.set('ignored', list); }
  const node = doc.createNode(entry);
  (list as YAMLSeq).flow = false;
  (list as YAMLSeq).items.push(node);
  writeFileAtomic(path, doc.toString({ lineWidth: 0 }));
  return { added: true };
}
