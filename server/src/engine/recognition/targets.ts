// What the recogniser's classes mean, shared by training and the engine. The wording bank labels
// each sentence with the record it was written for (a claim, a contradiction, caution:<id> for a
// sentence that gives a caution, trigger:<id> for one that makes it necessary, or none) and with
// how it commits to it (stance, certainty). The models learn three simpler things from that:
// the topic (a contradiction's topic is its claim), whether the sentence contradicts that claim,
// and the modality of its wording. The topic model also learns, as classes of their own
// (`x:<id>`), the content of each recorded contradiction: a sentence that says it, however firmly.
import type { Database } from '../../db/schema.js';

export const TOPIC_NONE = 'none';
/** Topic classes for the content of a recorded contradiction ("x:dissociation-produces-benefit"). */
export const CONTRADICTION_CLASS = 'x:';

export const MODALITIES = ['proof', 'plain', 'hedged', 'reported', 'question', 'conditional'] as const;
export type Modality = (typeof MODALITIES)[number];

export type Orientation = 'agrees' | 'contradicts';

export interface TargetMaps {
  /** The topic class of a bank target, or undefined for a target the database lacks. */
  targetOf(target: string): string | undefined;
  /** Whether a sentence written for `target` with `stance` agrees with or contradicts its claim
   *  (undefined where the question does not arise: questions, conditionals, cautions, none). */
  orientationOf(target: string, stance?: string): Orientation | undefined;
  modalityOf(stance?: string, certainty?: string): Modality | undefined;
  /** The contradiction class a sentence written for `target` with `stance` says (any stance but a
   *  denial), or undefined. */
  contradictionOf(target: string, stance?: string): string | undefined;
}

export function contextTargets(db: Database): TargetMaps {
  const claimOf = new Map<string, string>();
  const contradiction = new Set<string>();
  for (const c of db.claims.values()) {
    claimOf.set(c.id, c.id);
    for (const x of c.contradictions ?? []) { claimOf.set(x.id, c.id); contradiction.add(x.id); }
  }
  const cautions = new Set(db.cautions.keys());
  return {
    targetOf(target) {
      if (target === TOPIC_NONE) return TOPIC_NONE;
      const m = /^(caution|trigger):(.+)$/.exec(target);
      if (m) return cautions.has(m[2]!) ? target : undefined;
      return claimOf.get(target);
    },
    orientationOf(target, stance) {
      if (!claimOf.has(target) || !stance || stance === 'asks' || stance === 'conditional') return undefined;
      const denies = stance === 'denies';
      return contradiction.has(target) === denies ? 'agrees' : 'contradicts';
    },
    contradictionOf(target, stance) {
      return contradiction.has(target) && stance !== 'denies' ? CONTRADICTION_CLASS + target : undefined;
    },
    modalityOf(stance, certainty) {
      if (!stance) return undefined;
      if (stance === 'asks') return 'question';
      if (stance === 'conditional') return 'conditional';
      if (stance === 'hedges') return 'hedged';
      if (stance === 'reports') return 'reported';
      return certainty === 'hedged' ? 'hedged' : certainty === 'proof' ? 'proof' : 'plain';
    },
  };
}
