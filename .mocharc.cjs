// `npx mocha` on the compiled tests (run `npx tsc -p .` first): every suite but the real-editor one,
// with the timeout `npm test` uses. `npx mocha out/test/engine/rules/*.test.js` runs just those files
// (mocha would add positional files to a configured spec, so the default applies only without them).
const files = process.argv.slice(2).filter((a) => /\.[cm]?js$/.test(a) && !a.startsWith('-'));
module.exports = {
  ...(files.length ? {} : { spec: ['out/test/**/*.test.js'] }),
  ignore: ['out/test/editor/**'],
  timeout: 60000,
  reporter: 'spec',
};
