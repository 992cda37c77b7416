// The rule registry is the one description of every diagnostic code: the README table, the
// package.json settings and the SARIF rule metadata must agree with it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesSetting, rulesTable, withRulesTable } from '../../server/src/cli/rule-docs.js';
import { CODES, DEFAULT_SEVERITY, RULES } from '../../server/src/engine/rules/index.js';
import { repoRoot } from '../helpers.js';

const STALE = 'run `npm run sync:rules` after changing a rule';

describe('rule registry', () => {
  it('gives every rule a distinct code, a docs anchor and a check', () => {
    assert.equal(new Set(CODES).size, RULES.length);
    for (const r of RULES) {
      assert.match(r.code, /^[a-z]+(?:-[a-z]+)*$/);
      assert.equal(typeof r.check, 'function');
      assert.ok(r.description.length > 10 && r.details.length >= r.description.length, r.code);
      assert.equal(DEFAULT_SEVERITY[r.code], r.defaultSeverity);
    }
  });

  it('orders exclusive sentence rules by distinct precedences; document rules have none', () => {
    const precedences = RULES.filter((r) => r.precedence !== undefined).map((r) => r.precedence);
    assert.equal(new Set(precedences).size, precedences.length);
    for (const r of RULES) if (r.scope === 'document') assert.equal(r.precedence, undefined, r.code);
  });

  it('matches the README code table', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    assert.equal(withRulesTable(readme), readme, STALE);
    assert.ok(readme.includes(rulesTable()));
    for (const r of RULES) assert.match(readme, new RegExp(`^### ${r.docsAnchor}$`, 'm'), `README section for ${r.code}`);
  });

  it('matches package.json\'s claimlint.rules setting', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.configuration.properties['claimlint.rules'].properties, rulesSetting(), STALE);
  });
});
