// Finding identities that survive moves (language server only): a finding placed from a reused
// unit-relative draft is a new object when its unit moved, but keeps the draft as its identity.
import type { Draft } from '../rules/rule.js';
import type { Finding } from '../types.js';

/** Placed finding → the draft it was placed from. A side table, not a property: it stays out of
 *  JSON and of deep comparisons. */
const drafts = new WeakMap<Finding, Draft>();

export function rememberDraft(f: Finding, d: Draft): void {
  drafts.set(f, d);
}

/**
 * An identity that survives moves: the findings of a unit whose results were reused but which
 * moved (an edit earlier in the document) are new objects with the same identity, so an adapter
 * can reuse what it derived from their code, message and records, and redo only their positions.
 * Equal identities mean equal code, message, records, sources and fixes up to the offsets.
 */
export function findingIdentity(f: Finding): object {
  return drafts.get(f) ?? f;
}
