// Markdown cards for hover and completion: claims, evidence, findings and references.
import { formatReference, shortCitation } from '../db/bibliography.js';
import type { Claim, Database, Source } from '../db/schema.js';
import { compile, sourceForLink, type Citation, type Finding, type FindingReason } from '../engine/index.js';

/**
 * The source a citation names: its key, or for a link the source whose DOI/URL it points to.
 * `undefined` for an unknown key; `null` for a footnote or link that is not a citation of a known
 * source (a footnote label or an ordinary link), which is not an error.
 */
export function citedSource(db: Database, c: Citation): Source | undefined | null {
  if (c.kind === 'link') {
    const id = db.sources.has(c.key) ? c.key : sourceForLink(compile(db), c.key);
    return id ? db.sources.get(id) ?? null : null;
  }
  const s = db.sources.get(c.key);
  if (s) return s;
  return c.kind === 'footnote' ? null : undefined;
}

/** Escapes text for Markdown so that database wording is shown literally. */
export function escapeMd(s: string): string {
  return s.replace(/[\\`*_[\]<>~]/g, (c) => '\\' + c);
}

export function sourceLink(s: Source): { href: string; label: string } | undefined {
  if (s.DOI) return { href: `https://doi.org/${s.DOI}`, label: `doi:${s.DOI}` };
  if (s.URL) return { href: s.URL, label: s.URL };
  return undefined;
}

/** A reference line: the formatted reference plus its DOI/URL as a link. */
export function referenceMd(s: Source): string {
  const link = sourceLink(s);
  // The formatted reference may end with the DOI/URL in plain text; the link replaces it.
  let ref = formatReference(s).trim();
  if (link) {
    for (const tail of [`https://doi.org/${s.DOI ?? '\u0000'}`, `doi:${s.DOI ?? '\u0000'}`, s.URL ?? '\u0000']) {
      if (ref.endsWith(tail)) ref = ref.slice(0, -tail.length).trimEnd();
      if (ref.endsWith(tail + '.')) ref = ref.slice(0, -tail.length - 1).trimEnd();
    }
  }
  return escapeMd(ref) + (link ? ` [${escapeMd(link.label)}](${link.href})` : '');
}

const SEVERITY_LABEL: Record<string, string> = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };

export function findingMd(f: Finding): string {
  const head = `**${SEVERITY_LABEL[f.severity] ?? f.severity}** \`${f.code}\` — ${escapeMd(f.message)}`;
  const why = reasonMd(f.reason);
  return why ? `${head}\n\n${why}` : head;
}

/** The finding's reason in one line: what tied the sentence to the claim, and what made it a finding. */
export function reasonMd(r: FindingReason | undefined): string {
  if (!r) return '';
  const parts: string[] = [];
  const words = r.matched?.concepts.filter((c) => c.words && !c.words.startsWith('(')).map((c) => `*${escapeMd(c.words)}*`) ?? [];
  if (words.length) parts.push(`matched ${words.join(', ')}`);
  if (r.matched?.recogniser) parts.push(`recogniser ${Math.round(r.matched.recogniser.p * 100)}%`);
  if (r.cue && r.cue.text) parts.push(`${escapeMd(r.cue.kind)} *${escapeMd(r.cue.text)}*`);
  else if (r.cue) parts.push(escapeMd(r.cue.kind));
  if (r.identity) parts.push(`tied by ${escapeMd(r.identity)}`);
  if (r.stance) parts.push(`wording: ${escapeMd(r.stance.modality)}`);
  return parts.length ? `**Why:** ${parts.join('; ')}` : '';
}

export function claimMd(db: Database, claim: Claim): string {
  const lines: string[] = [];
  lines.push(`**Claim** — ${escapeMd(claim.statement)}`);
  lines.push('');
  lines.push(`**Evidence:** ${escapeMd(claim.grade)} (${escapeMd(claim.population)}) — ${escapeMd(claim.rationale)}`);
  lines.push('');
  lines.push(`**Supported wording:** “${escapeMd(claim.supportedWording)}”`);
  const sources = claim.sources
    .map((r) => ({ ref: r, src: db.sources.get(r.id) }))
    .filter((x): x is { ref: typeof x.ref; src: Source } => !!x.src);
  if (sources.length) {
    lines.push('');
    lines.push('**Sources**');
    lines.push('');
    for (const { ref, src } of sources) {
      lines.push(`- ${referenceMd(src)}${ref.locator ? ` (${escapeMd(ref.locator)})` : ''} — \`${src.id}\``);
    }
  }
  return lines.join('\n');
}

export function citationMd(db: Database, key: string, src: Source | undefined): string {
  if (!src) {
    return `**Unknown citation key** \`${key}\` — not in the claims database. Add a source with this id to a claim pack, or use a known key.`;
  }
  const lines = [`**${escapeMd(shortCitation(src))}** — \`${src.id}\``, '', referenceMd(src)];
  const backs: string[] = [];
  for (const c of db.claims.values()) if (c.sources.some((r) => r.id === src.id)) backs.push(c.id);
  if (backs.length) {
    lines.push('', `Evidence for: ${backs.slice(0, 6).map((id) => `\`${id}\``).join(', ')}${backs.length > 6 ? ` and ${backs.length - 6} more` : ''}`);
  }
  return lines.join('\n');
}

/** Markdown → rough plain text, for clients that do not render Markdown. */
export function mdToPlain(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 <$2>')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_[\]<>~])/g, '$1');
}
