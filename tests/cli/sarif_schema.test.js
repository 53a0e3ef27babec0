// `pyreview check --format sarif` validated against the official SARIF 2.1.0
// JSON schema (sarif-2.1.0-rtm.5.json, shipped in @microsoft/jest-sarif) with
// ajv: over the bundled examples/ and over a fixture with fixes, related
// locations and a path that needs percent-encoding. A deliberately broken
// copy of the log must fail, so the validator is known to be looking.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Ajv = require('ajv');

const PYREVIEW = process.env.PYREVIEW;
const SRC = process.env.PR_SOURCE_DIR || path.resolve(__dirname, '../..');

function validator() {
  const schema = JSON.parse(fs.readFileSync(
    require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema is draft-04, whose meta-schema ajv 8 does not bundle; its
  // keywords here are all draft-07's too (no boolean exclusiveMinimum).
  delete schema.$schema;
  delete schema.id;
  // unicodeRegExp: the schema's `language` pattern is not valid with the u flag
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  // The formats the schema uses; ajv-formats is not a dependency.
  ajv.addFormat('uri', (s) => { try { return Boolean(new URL(s)); } catch { return false; } });
  ajv.addFormat('uri-reference', (s) => /^([A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(s));
  ajv.addFormat('date-time', (s) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

function sarif(args, cwd) {
  assert.ok(PYREVIEW, 'set PYREVIEW to the pyreview binary');
  const r = spawnSync(PYREVIEW, ['check', '--no-cache', '--format', 'sarif', ...args], { cwd, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function assertValid(validate, log) {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors, null, 1));
}

test('examples/ is a valid SARIF 2.1.0 log', () => {
  const validate = validator();
  const log = sarif(['examples'], SRC);
  assertValid(validate, log);
  const results = log.runs[0].results;
  assert.equal(results.length, 15);
  assert.ok(results.some((r) => r.fixes), 'some result carries a fix');
  assert.ok(results.some((r) => r.relatedLocations), 'some result carries related locations');
});

test('a fixture with fixes, related locations and an escaped path is valid', () => {
  const validate = validator();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-sarif-'));
  try {
    fs.mkdirSync(path.join(dir, 'café dir', 'tests'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'café dir', 'tests', 'test_rows.py'), [
      'import unittest',
      '',
      '',
      'class RowsTest(unittest.TestCase):',
      '    def test_rows(self):',
      '        self.assertTrue(count() == 3)',
      '        for row in range(3):',
      '            pass',
      '',
      '    def test_rows(self):',
      '        self.assertEqual(count(), 3)',
      '',
    ].join('\n'));
    const log = sarif(['.'], dir);
    assertValid(validate, log);
    const results = log.runs[0].results;
    const uris = new Set(results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris], ['caf%C3%A9%20dir/tests/test_rows.py']);
    const tst001 = results.find((r) => r.ruleId === 'TST001');
    assert.deepEqual(tst001.fixes[0].artifactChanges[0].replacements.map((x) => x.insertedContent.text),
      ['assertEqual', 'count(), 3']);
    const tst008 = results.find((r) => r.ruleId === 'TST008');
    assert.equal(tst008.relatedLocations[0].physicalLocation.region.startLine, 5);

    // the same log made invalid must be refused
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].level = 'fatal';
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(broken), false, 'a broken log passes the validator');
    assert.ok(validate.errors.some((e) => e.instancePath.endsWith('/level')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
