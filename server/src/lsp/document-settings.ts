// Each document's editor settings: the base (initializationOptions, then didChangeConfiguration
// pushes) overlaid with what workspace/configuration answers for the document, cached until the
// configuration changes.
import type { Logger } from './guard.js';
import { DEFAULT_SETTINGS, readSettings, type EditorSettings } from './settings.js';

export class DocumentSettings {
  /** Settings from initializationOptions, then from didChangeConfiguration pushes. */
  base: EditorSettings = DEFAULT_SETTINGS;
  private readonly known = new Map<string, EditorSettings>();
  /** Requests out to the client; one dropped from here (a configuration change, a close) is not cached when it comes back. */
  private readonly pending = new Map<string, { promise?: Promise<EditorSettings> }>();

  /** @param fetch the document's `claimlint` section from the client, or undefined when the client has no workspace/configuration. */
  constructor(private readonly log: Logger, private readonly fetch: (uri: string) => Promise<unknown> | undefined) {}

  /** What is known now, without asking: run mode and debounce for a change that just arrived. */
  now(uri: string): EditorSettings {
    return this.known.get(uri) ?? this.base;
  }

  get(uri: string): Promise<EditorSettings> {
    const known = this.known.get(uri);
    if (known) return Promise.resolve(known);
    const out = this.pending.get(uri)?.promise;
    if (out) return out;
    const entry: { promise?: Promise<EditorSettings> } = {};
    this.pending.set(uri, entry);
    entry.promise = (async () => {
      let s = this.base;
      const asked = this.fetch(uri);
      if (asked) {
        try {
          const r = readSettings(await asked, s);
          r.warnings.forEach((w) => this.log.warn(w));
          s = r.settings;
        } catch (e) {
          this.log.warn(`claimlint: workspace/configuration failed (${e instanceof Error ? e.message : String(e)}); using defaults`);
        }
      }
      // A configuration change while this request was out makes it stale: keep it out of the cache.
      if (this.pending.get(uri) === entry) { this.known.set(uri, s); this.pending.delete(uri); }
      return s;
    })();
    return entry.promise;
  }

  /** The configuration changed: ask again. */
  invalidate(): void {
    this.known.clear();
    this.pending.clear();
  }

  /** The document closed. */
  forget(uri: string): void {
    this.known.delete(uri);
    this.pending.delete(uri);
  }
}
