// The pattern-check libraries as one module: the build bundles this file alone into
// dist/regex-analysers.cjs, which regex-safety.ts loads only when a pack with patterns is checked,
// so the CLI and server bundles do not carry (and parse at every start) refa's Unicode tables.
export * as regexpp from '@eslint-community/regexpp';
export * as scslre from 'scslre';
export * as refa from 'refa';
