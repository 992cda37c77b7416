// Literal text inside a regular expression built at run time (a cue word, an author's name, an abbreviation).

/** `text` with every character a regular expression would read as syntax escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
