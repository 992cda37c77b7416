// Quick-fix titles short enough for the Ctrl+. menu (VS Code cuts them at about 60 characters, so a
// long replacement would be applied unseen), and the full new text for the hover instead.
import type { Fix } from '../engine/index.js';
import { escapeMd } from './cards.js';

const MAX_TITLE = 48;
/** What a fix of each kind does, when its own title is too long to show. */
const KIND_TITLE: Record<string, string> = {
  'insert-caution': 'Add the required caution',
  soften: 'Soften the wording',
  'correct-figure': 'Correct the figure',
  'insert-citation': 'Insert the citation',
};

/** The title as shown: the engine's when short; else what comes before its ":" ("Add the caution:
 *  …"), the kind's, or the title cut at a word. */
export function shortTitle(fix: { kind: string; title: string }): string {
  const t = fix.title.trim();
  if (t.length <= MAX_TITLE) return t;
  const colon = t.indexOf(':');
  if (colon > 0 && colon <= MAX_TITLE) return t.slice(0, colon).trim();
  return KIND_TITLE[fix.kind] ?? t.slice(0, MAX_TITLE - 1).replace(/\s+\S*$/, '') + '\u2026';
}

/** The text a fix writes, for the hover: its edits' new text, trimmed. */
export function fixText(fix: Pick<Fix, 'edits'>): string {
  return fix.edits.map((e) => e.newText).join(' \u2026 ').replace(/\s+/g, ' ').trim();
}

/** Hover lines for the fixes whose title does not say what they write. */
export function fixPreviewMd(fixes: readonly Fix[]): string | undefined {
  const lines = fixes
    .filter((f) => f.kind !== 'disable-line' && shortTitle(f) !== f.title.trim() && fixText(f))
    .map((f) => `- *${escapeMd(shortTitle(f))}* (quick fix): \u201c${escapeMd(fixText(f))}\u201d`);
  return lines.length ? lines.join('\n') : undefined;
}
