// Protocol tests: workspace/diagnostic over the workspace folders (partial
// results and work-done progress through $/progress, unchanged reports, open
// documents left to textDocument/diagnostic, cancellation of a held request),
// multi-root folders and didChangeWorkspaceFolders.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { start } = require('./lsp_client');
const {
  WorkspaceDiagnosticRequest, DidOpenTextDocumentNotification, DidChangeWorkspaceFoldersNotification,
  DidSaveTextDocumentNotification, CancellationTokenSource,
} = require('vscode-languageserver-protocol/node');

const PULL = { textDocument: { diagnostic: {} }, window: { workDoneProgress: true } };
const uri = (p) => pathToFileURL(p).href;

// Two folders: a project with a finding in a test file and in a module, a
// clean file, a file in an excluded folder; another folder with one finding.
function makeWorkspace() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-ws-'));
  const a = path.join(root, 'app'), b = path.join(root, 'lib dir');
  fs.mkdirSync(path.join(a, 'tests'), { recursive: true });
  fs.mkdirSync(path.join(a, 'node_modules'), { recursive: true });
  fs.mkdirSync(b);
  fs.writeFileSync(path.join(a, 'jobs.py'),
    '"""Jobs."""\nimport subprocess\n\n\ndef run(cmd):\n    subprocess.run(cmd, shell=True)\n');
  fs.writeFileSync(path.join(a, 'clean.py'), '"""Clean."""\n\n\ndef add(a, b):\n    return a + b\n');
  fs.writeFileSync(path.join(a, 'tests', 'test_jobs.py'),
    '"""Tests."""\nimport unittest\n\n\nclass JobsTest(unittest.TestCase):\n    def test_run(self):\n' +
    '        self.assertTrue(1 + 1 == 2)\n');
  fs.writeFileSync(path.join(a, 'node_modules', 'skip.py'), 'eval(input())\n');
  fs.writeFileSync(path.join(b, 'évals.py'), '"""Evals."""\n\n\ndef ev(s):\n    return eval(s)\n');
  return { root, a, b };
}

const codesByFile = (items) => Object.fromEntries(items.map((r) => [decodeURIComponent(r.uri).split('/').pop(),
  r.kind === 'full' ? r.items.map((d) => `${d.code}@${d.range.start.line}`).filter((c) => !c.startsWith('DOC100')).join(',') : r.kind]));

test('workspace/diagnostic reviews every folder, streams partial results and reports progress', async () => {
  const { root, a, b } = makeWorkspace();
  const c = start();
  try {
    const init = await c.initialize(PULL, { workspaceFolders: [{ uri: uri(a), name: 'app' }, { uri: uri(b), name: 'lib' }] });
    assert.equal(init.capabilities.diagnosticProvider.workspaceDiagnostics, true);
    assert.equal(init.capabilities.workspace.workspaceFolders.supported, true);
    const progress = [], partial = [];
    c.conn.onNotification('$/progress', (p) => (p.token === 'work' ? progress : partial).push(p.value));
    const result = await c.conn.sendRequest(WorkspaceDiagnosticRequest.type,
      { previousResultIds: [], workDoneToken: 'work', partialResultToken: 'part' });
    assert.deepEqual(result.items, []);  // everything came as partial results
    const items = partial.flatMap((v) => v.items);
    assert.deepEqual(codesByFile(items), {
      'clean.py': '', 'jobs.py': 'SEC002@5', 'test_jobs.py': 'DOC101@4,TST001@6', 'évals.py': 'SEC003@4',
    });
    for (const r of items) assert.match(r.resultId, /^w[0-9a-f]{16}[tn]$/);
    assert.equal(items.find((r) => r.uri.endsWith('test_jobs.py')).resultId.at(-1), 't');
    assert.ok(items.find((r) => r.uri.includes('lib%20dir/%C3%A9vals.py')), 'percent-encoded URIs');
    assert.equal(progress[0].kind, 'begin');
    assert.equal(progress.at(-1).kind, 'end');
    assert.equal(progress.at(-1).message, '4 files reviewed');
    assert.ok(progress.some((v) => v.kind === 'report' && v.percentage === 100));
  } finally { await c.stop(); fs.rmSync(root, { recursive: true }); }
});

test('unchanged files give unchanged reports; an open document is left to its own pull; a held request is cancelled', async () => {
  const { root, a } = makeWorkspace();
  const c = start();
  try {
    await c.initialize(PULL, { rootUri: uri(a) });
    const first = await c.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    assert.equal(first.items.length, 3);
    // jobs.py changes on disk, test_jobs.py is opened in the editor
    fs.writeFileSync(path.join(a, 'jobs.py'), '"""Jobs."""\n');
    const testUri = uri(path.join(a, 'tests', 'test_jobs.py'));
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: testUri, languageId: 'python', version: 1, text: 'x = 1\n' },
    });
    const previous = first.items.map((r) => ({ uri: r.uri, value: r.resultId }));
    const second = await c.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: previous });
    assert.deepEqual(codesByFile(second.items), { 'clean.py': 'unchanged', 'jobs.py': '' });
    // nothing changed since: the request waits (a client asks again at once), until cancelled
    const now = second.items.map((r) => ({ uri: r.uri, value: r.resultId }))
      .concat(previous.filter((p) => p.uri === testUri));
    const source = new CancellationTokenSource();
    const held = c.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: now }, source.token);
    const early = await Promise.race([held.then(() => 'answered', () => 'answered'),
      new Promise((r) => setTimeout(() => r('waiting'), 500))]);
    assert.equal(early, 'waiting');
    source.cancel();
    await assert.rejects(held, (e) => e.code === -32800);
    // ... or until a save: then it is answered with what it found (nothing new)
    const again = c.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: now });
    await new Promise((r) => setTimeout(r, 200));
    await c.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: testUri } });
    assert.deepEqual(codesByFile((await again).items), { 'clean.py': 'unchanged', 'jobs.py': 'unchanged' });
  } finally { await c.stop(); fs.rmSync(root, { recursive: true }); }
});

test('didChangeWorkspaceFolders: test code is classified by the innermost folder', async () => {
  const { root, a } = makeWorkspace();
  const c = start();
  try {
    // the file sits in tests/ below the app folder; opened with only the
    // root folder known, its path below the root says test code too
    await c.initialize({}, { workspaceFolders: [{ uri: uri(path.join(a, 'tests')), name: 'tests' }] });
    const file = path.join(a, 'tests', 'checks.py');
    const text = 'import unittest\n\n\nclass T(unittest.TestCase):\n    pass\n\n\ndef helper(x):\n    assert x == 1\n';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri(file), languageId: 'python', version: 1, text },
    });
    const inside = await c.diagnosticsFor(uri(file), 1);
    // below the `tests` folder the file is `checks.py`: not a test file, so
    // SEC018 (assert used for validation) applies outside the test class
    assert.ok(inside.diagnostics.some((d) => d.code === 'SEC018'), JSON.stringify(inside.diagnostics));
    const before = c.published.length;
    await c.conn.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: uri(a), name: 'app' }], removed: [{ uri: uri(path.join(a, 'tests')), name: 'tests' }] },
    });
    const after = await c.waitFor((p, i) => p.uri === uri(file) && c.published.indexOf(p) >= before, 're-review');
    assert.ok(!after.diagnostics.some((d) => d.code === 'SEC018'), JSON.stringify(after.diagnostics));
  } finally { await c.stop(); fs.rmSync(root, { recursive: true }); }
});
