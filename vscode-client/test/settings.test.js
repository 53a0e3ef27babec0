// The settings sent to the server (src/settings.ts, compiled to out/ by
// `npm test`): VS Code names -> [tool.pyreview] keys, only what the user set,
// wrong shapes dropped with a message.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { toServerSettings, FORWARDED_SETTINGS } = require('../out/settings');
const pkg = require('../package.json');

const from = (obj) => toServerSettings((name) => obj[name]);

test('nothing set: an empty object, so the project configuration applies', () => {
  assert.deepEqual(from({}), { settings: {}, problems: [] });
});

test('every setting maps to its [tool.pyreview] key', () => {
  const r = from({
    select: ['SEC', 'TST001'], ignore: ['hardcoded-secret'], severity: { DOC100: 'hint', CPX001: 'Off' },
    maxStatements: 40, maxTestStatements: 25, maxComplexity: 12, maxParameters: 6, maxNesting: 4,
    testPatterns: ['check_*.py'],
  });
  assert.deepEqual(r, {
    settings: {
      select: ['SEC', 'TST001'], ignore: ['hardcoded-secret'], severity: { DOC100: 'hint', CPX001: 'off' },
      'max-statements': 40, 'max-test-statements': 25, 'max-complexity': 12, 'max-parameters': 6,
      'max-nesting': 4, 'test-patterns': ['check_*.py'],
    },
    problems: [],
  });
});

test('an empty list is sent: the user set it on purpose', () => {
  assert.deepEqual(from({ ignore: [] }).settings, { ignore: [] });
});

test('wrong shapes are left out and reported', () => {
  const r = from({
    select: 'SEC', ignore: ['DED001', 7, '  '], severity: { SEC001: 'fatal', DED001: 'warning' },
    maxStatements: 0, maxNesting: 2.5, maxComplexity: '10', testPatterns: { a: 1 },
  });
  assert.deepEqual(r.settings, { ignore: ['DED001'], severity: { DED001: 'warning' } });
  assert.deepEqual(r.problems, [
    'pyreview.select must be a list of strings; ignored',
    'pyreview.ignore: 7 is not a non-empty string; left out',
    'pyreview.ignore: "  " is not a non-empty string; left out',
    'pyreview.severity: "SEC001" -> "fatal" is not one of error/warning/information/hint/off; left out',
    'pyreview.maxStatements must be a whole number of at least 1, not 0; ignored',
    'pyreview.maxComplexity must be a whole number of at least 1, not "10"; ignored',
    'pyreview.maxNesting must be a whole number of at least 1, not 2.5; ignored',
    'pyreview.testPatterns must be a list of strings; ignored',
  ]);
});

test('package.json contributes exactly the forwarded settings plus path and trace.server', () => {
  const contributed = Object.keys(pkg.contributes.configuration.properties).sort();
  const expected = ['pyreview.path', 'pyreview.trace.server',
    ...FORWARDED_SETTINGS.map((s) => `pyreview.${s.setting}`)].sort();
  assert.deepEqual(contributed, expected);
  for (const s of FORWARDED_SETTINGS) {
    assert.match(pkg.contributes.configuration.properties[`pyreview.${s.setting}`].markdownDescription,
      /Applied over the project's `\[tool\.pyreview\]` configuration, live\./, `pyreview.${s.setting} says how it applies`);
  }
});
