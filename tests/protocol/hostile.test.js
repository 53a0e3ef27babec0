// Regression tests for the defects hostile testing found (issue 6): each one
// drives the real server through vscode-languageserver-protocol, as an editor would.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { start } = require('./lsp_client');
const {
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
} = require('vscode-languageserver-protocol/node');

const open = (c, uri, text, version = 1) => c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
  textDocument: { uri, languageId: 'python', version, text },
});
const change = (c, uri, version, contentChanges) => c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
  textDocument: { uri, version }, contentChanges,
});
const close = (c, uri) => c.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
const codes = (p) => p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
const SWALLOW = 'def sync(client):\n    try:\n        client.sync()\n    except Exception:\n        pass\n';

test('65,533+ unclosed brackets or 70,000 minus signs: open, edit and close without a crash', async () => {
  const c = start();
  try {
    await c.initialize({});
    const inputs = ['x = ' + '('.repeat(65533), '['.repeat(70000), '-'.repeat(70000), 'x = ' + '('.repeat(200000)];
    for (const [i, text] of inputs.entries()) {
      const uri = `file:///work/proj/deep${i}.py`;
      await open(c, uri, text, 1);
      await c.diagnosticsFor(uri, 1);
      await change(c, uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'y' }]);
      await c.diagnosticsFor(uri, 2);
      await close(c, uri);
    }
    await open(c, 'file:///work/proj/after.py', SWALLOW, 1);
    assert.deepEqual(codes(await c.diagnosticsFor('file:///work/proj/after.py', 1)), ['ERR002@3:4']);
  } finally { assert.deepEqual(await c.stop(), { code: 0, signal: null }); }
});

test('a bare CR ends a line: edits land where the client put them', async () => {
  const c = start();
  try {
    await c.initialize({});
    const uri = 'file:///work/proj/mac.py';
    const text = SWALLOW.replace(/\n/g, '\r');
    await open(c, uri, text, 1);
    // the issue's own case: line 2 exists and its column 4 is inside it
    await change(c, uri, 2, [{ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 9 } }, text: 'C' }]);
    await c.diagnosticsFor(uri, 2);
    // `pass` -> `raise`: the handler no longer swallows, so ERR002 must go
    await change(c, uri, 3, [{ range: { start: { line: 4, character: 8 }, end: { line: 4, character: 12 } }, text: 'raise' }]);
    const after = await c.diagnosticsFor(uri, 3);
    assert.deepEqual(codes(after), []);
    assert.doesNotMatch(c.stderr(), /range/);
    // the edited text equals what the client holds: a fresh open of it agrees
    const mixed = 'def f():\r    try:\r\n        g()\n    except Exception:\r        pass\r';
    await open(c, 'file:///work/proj/mixed.py', mixed, 1);
    assert.deepEqual(codes(await c.diagnosticsFor('file:///work/proj/mixed.py', 1)), ['ERR002@3:4']);
  } finally { await c.stop(); }
});
