// claimlint's version, from the package.json above this module (source checkout or install).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;
let homepageUrl: string | undefined;
let root: string | undefined;

/** The folder of claimlint's package.json (a source checkout or an installed package). */
export function packageRoot(): string | undefined {
  version();
  return root;
}

/** The package's "homepage" (where the README's rule sections live), if package.json names one. */
export function homepage(): string | undefined {
  version();
  return homepageUrl;
}

export function version(): string {
  if (cached) return cached;
  cached = '0.0.0';
  let dir: string | undefined;
  try {
    dir = typeof __filename === 'string' && __filename ? dirname(__filename) : dirname(fileURLToPath(import.meta.url));
  } catch {
    dir = undefined;
  }
  while (dir) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      try {
        const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string; homepage?: string };
        if (pkg.name === 'claimlint' && pkg.version) {
          cached = pkg.version;
          root = dir;
          if (typeof pkg.homepage === 'string' && /^https?:\/\//.test(pkg.homepage)) homepageUrl = pkg.homepage.replace(/#.*$/, '');
          break;
        }
      } catch {
        // keep looking
      }
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return cached;
}
