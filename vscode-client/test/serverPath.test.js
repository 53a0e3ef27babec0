// Server discovery (src/serverPath.ts, compiled to out/ by `npm test`):
// setting, else bundled binary (linux-x64 only), else PATH, else one message
// that says what to set. The executable check is faked with a set of paths,
// plus one case against real files to cover isExecutableFile itself.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { resolveServer, isExecutableFile } = require('../out/serverPath');

const EXT = '/ext/pyreview.pyreview-0.1.0';
const base = (files, over = {}) => ({
  extensionPath: EXT, platform: 'linux', arch: 'x64', envPath: '/usr/local/bin:/usr/bin',
  homeDir: '/home/ann', isExecutable: (f) => files.includes(f), ...over,
});

test('the setting wins over the bundled binary and PATH', () => {
  const r = resolveServer(base([`${EXT}/bin/pyreview`, '/usr/bin/pyreview', '/opt/pr/pyreview'],
    { configuredPath: '/opt/pr/pyreview' }));
  assert.deepEqual(r, { ok: true, command: '/opt/pr/pyreview', source: 'setting' });
});

test('the setting expands ~ and takes a relative path from the workspace folder', () => {
  assert.deepEqual(resolveServer(base(['/home/ann/bin/pyreview'], { configuredPath: ' ~/bin/pyreview ' })),
    { ok: true, command: '/home/ann/bin/pyreview', source: 'setting' });
  assert.deepEqual(resolveServer(base(['/work/proj/build/pyreview'],
    { configuredPath: 'build/pyreview', workspaceFolder: '/work/proj' })),
  { ok: true, command: '/work/proj/build/pyreview', source: 'setting' });
});

test('a setting that names no executable is an error, not a fall-back to PATH', () => {
  const r = resolveServer(base(['/usr/bin/pyreview', `${EXT}/bin/pyreview`], { configuredPath: '/nope/pyreview' }));
  assert.equal(r.ok, false);
  assert.match(r.message, /"pyreview\.path" is "\/nope\/pyreview", which is not an executable file/);
});

test('an empty or blank setting is unset: the bundled binary comes next', () => {
  for (const configuredPath of [undefined, '', '   ']) {
    assert.deepEqual(resolveServer(base([`${EXT}/bin/pyreview`, '/usr/bin/pyreview'], { configuredPath })),
      { ok: true, command: `${EXT}/bin/pyreview`, source: 'bundled' });
  }
});

test('the bundled binary is only used on linux-x64', () => {
  for (const [platform, arch] of [['linux', 'arm64'], ['darwin', 'x64'], ['win32', 'x64']]) {
    const r = resolveServer(base([`${EXT}/bin/pyreview`, '/usr/bin/pyreview'], { platform, arch }));
    assert.deepEqual(r, { ok: true, command: '/usr/bin/pyreview', source: 'path' }, `${platform}-${arch}`);
  }
});

test('PATH is searched in order; empty entries are skipped', () => {
  const r = resolveServer(base(['/usr/bin/pyreview', '/usr/local/bin/pyreview', 'pyreview'],
    { envPath: ':/usr/local/bin::/usr/bin' }));
  assert.deepEqual(r, { ok: true, command: '/usr/local/bin/pyreview', source: 'path' });
});

test('nothing found: one message that says what to set', () => {
  const r = resolveServer(base([], { envPath: undefined }));
  assert.equal(r.ok, false);
  assert.equal(r.message, 'Cannot find the pyreview language server: no binary is bundled for linux-x64 ' +
    'and "pyreview" is not on PATH. Set "pyreview.path" to the pyreview binary.');
});

test('isExecutableFile: an executable file yes; a plain file or a folder no', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-ext-'));
  try {
    const exe = path.join(dir, 'pyreview');
    fs.writeFileSync(exe, '#!/bin/sh\n', { mode: 0o755 });
    const plain = path.join(dir, 'plain');
    fs.writeFileSync(plain, '', { mode: 0o644 });
    assert.equal(isExecutableFile(exe), true);
    assert.equal(isExecutableFile(plain), false);  // even for root: X_OK needs an x bit on a file
    assert.equal(isExecutableFile(dir), false);
    assert.equal(isExecutableFile(path.join(dir, 'missing')), false);
    // and through resolveServer with the real check
    assert.deepEqual(resolveServer({ extensionPath: '/none', platform: 'linux', arch: 'x64', envPath: dir }),
      { ok: true, command: exe, source: 'path' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
