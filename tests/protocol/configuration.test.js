// Protocol tests: configuration in the editor. The project's pyproject.toml
// applies to open documents; the editor's `pyreview` settings (initialization
// options, workspace/configuration, didChangeConfiguration) apply over it;
// configuration files are watched (client/registerCapability) and read again
// on didChangeWatchedFiles; configuration errors reach window/logMessage and,
// once, window/showMessage.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { start } = require('./lsp_client');
const { DidOpenTextDocumentNotification } = require('vscode-languageserver-protocol/node');

// complexity 5 (four ifs) and an eval: quiet for CPX002 by default (limit 10)
const CODE = [
  '"""Module."""', '', '',
  'def grade(score):', '    """Grade."""',
  '    if score > 90:', '        return "A"', '    if score > 80:', '        return "B"',
  '    if score > 70:', '        return "C"', '    if score > 60:', '        return "D"',
  '    return eval("\'F\'" + score)', '',
].join('\n');

function project(toml) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-cfg-'));
  fs.writeFileSync(path.join(root, 'pyproject.toml'), toml);
  fs.writeFileSync(path.join(root, 'grades.py'), CODE);
  return { root, file: path.join(root, 'grades.py'), uri: pathToFileURL(path.join(root, 'grades.py')).href };
}
const codes = (p) => p.diagnostics.map((d) => `${d.code}:${d.severity}`).sort();

async function openAndWait(c, uri, since = 0) {
  await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'python', version: 1, text: CODE },
  });
  return c.waitFor((p) => p.uri === uri && c.published.indexOf(p) >= since, 'diagnostics');
}

test("the project's pyproject.toml applies in the editor; a broken one is logged and shown once", async () => {
  const { root, uri } = project('[tool.pyreview]\nmax-complexity = 4\nselect = ["CPX", "SEC"]\n');
  const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-cfg-bad-'));
  fs.writeFileSync(path.join(broken, 'pyproject.toml'), '[tool.pyreview]\nmax-complexity = "four"\nbogus = 1\n');
  fs.writeFileSync(path.join(broken, 'b.py'), CODE);
  const c = start();
  const logs = [], shown = [];
  c.conn.onNotification('window/logMessage', (p) => logs.push(p));
  c.conn.onNotification('window/showMessage', (p) => shown.push(p));
  try {
    await c.initialize({});
    assert.deepEqual(codes(await openAndWait(c, uri)), ['CPX002:3', 'SEC003:1']);
    const n = c.published.length;
    const other = await openAndWait(c, pathToFileURL(path.join(broken, 'b.py')).href, n);
    // defaults for what could not be read: CPX002 stays quiet, every rule runs
    assert.ok(!codes(other).includes('CPX002:3'), JSON.stringify(codes(other)));
    assert.ok(codes(other).includes('SEC003:1'));
    assert.equal(logs.length, 2, JSON.stringify(logs));
    assert.match(logs[0].message, /pyproject\.toml:2:\d+: .*max-complexity/);
    assert.match(logs[1].message, /pyproject\.toml:3:1: .*bogus/);
    assert.equal(shown.length, 1);
    assert.equal(shown[0].type, 2);
  } finally { await c.stop(); fs.rmSync(root, { recursive: true }); fs.rmSync(broken, { recursive: true }); }
});

test('editor settings over the file: initializationOptions, workspace/configuration, didChangeConfiguration', async () => {
  const { root, uri } = project('[tool.pyreview]\nmax-complexity = 4\n');
  const c = start();
  let answer = { select: ['SEC'] };
  const asked = [];
  c.conn.onRequest('workspace/configuration', (p) => { asked.push(p); return [answer]; });
  try {
    await c.initialize({ workspace: { configuration: true } }, { initializationOptions: { pyreview: { 'max-complexity': 20 } } });
    const p1 = await openAndWait(c, uri);
    // workspace/configuration was asked on `initialized` and answered with select = SEC
    assert.deepEqual(asked[0].items, [{ section: 'pyreview' }]);
    assert.deepEqual(codes(p1).filter((x) => !x.startsWith('SEC')), []);
    // didChangeConfiguration with the settings inside: a threshold and a severity, over the file's
    answer = undefined;
    const n = c.published.length;
    await c.conn.sendNotification('workspace/didChangeConfiguration', {
      settings: { pyreview: { 'max-complexity': 3, severity: { SEC003: 'hint' }, select: ['CPX002', 'SEC003'] } },
    });
    // (the answer to workspace/configuration may still bring a publish: wait for the new settings' one)
    const want = JSON.stringify(['CPX002:3', 'SEC003:4']);
    const p2 = await c.waitFor((p) => p.uri === uri && c.published.indexOf(p) >= n && JSON.stringify(codes(p)) === want,
      `a publish with ${want}`);
    assert.deepEqual(codes(p2), ['CPX002:3', 'SEC003:4']);
    // a bad editor setting is logged, the rest applies
    const logs = [];
    c.conn.onNotification('window/logMessage', (p) => logs.push(p.message));
    const m = c.published.length;
    await c.conn.sendNotification('workspace/didChangeConfiguration', {
      settings: { pyreview: { 'max-complexity': 'many', select: ['SEC003', 'NOPE1'] } },
    });
    const p3 = await c.waitFor((p) => p.uri === uri && c.published.indexOf(p) >= m, 're-review');
    assert.deepEqual(codes(p3), ['SEC003:1']);
    assert.equal(c.published.filter((p) => p.uri === uri).at(-1), p3);
    assert.ok(logs.some((l) => /editor settings:1:\d+: .*max-complexity/.test(l)), JSON.stringify(logs));
    assert.ok(logs.some((l) => /NOPE1/.test(l)), JSON.stringify(logs));
  } finally { await c.stop(); fs.rmSync(root, { recursive: true }); }
});

test('configuration files are watched: a changed pyproject.toml is read again', async () => {
  const { root, uri } = project('[tool.pyreview]\nselect = ["SEC"]\n');
  const c = start();
  const registrations = [];
  c.conn.onRequest('client/registerCapability', (p) => { registrations.push(...p.registrations); return null; });
  try {
    await c.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    assert.deepEqual(codes(await openAndWait(c, uri)), ['SEC003:1']);
    assert.equal(registrations[0].method, 'workspace/didChangeWatchedFiles');
    assert.deepEqual(registrations[0].registerOptions.watchers.map((w) => w.globPattern),
      ['**/pyproject.toml', '**/pyreview.toml']);
    fs.writeFileSync(path.join(root, 'pyproject.toml'), '[tool.pyreview]\nselect = ["CPX"]\nmax-complexity = 2\n');
    const n = c.published.length;
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(path.join(root, 'pyproject.toml')).href, type: 2 }],
    });
    const p = await c.waitFor((q) => q.uri === uri && c.published.indexOf(q) >= n, 're-review');
    assert.deepEqual(codes(p), ['CPX002:3']);
  } finally { await c.stop(); fs.rmSync(root, { recursive: true }); }
});
