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

const raw = (c, body) => {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  c.proc.stdin.write(`Content-Length: ${b.length}\r\n\r\n`);
  c.proc.stdin.write(b);
};

test('Content-Length 2^63 is refused and the next message still answered', async () => {
  const c = start();
  try {
    await c.initialize({});
    c.proc.stdin.write('Content-Length: 9223372036854775808\r\n\r\n{"jsonrpc": "2.0", "method": "x"}');
    await open(c, 'file:///work/proj/after.py', SWALLOW, 1);
    assert.deepEqual(codes(await c.diagnosticsFor('file:///work/proj/after.py', 1)), ['ERR002@3:4']);
    assert.match(c.stderr(), /Content-Length 9223372036854775808 exceeds the 64 MiB limit/);
  } finally { assert.equal((await c.stop()).code, 0); }
});

test('NULs in methods and URIs are not cut off; non-object bodies are invalid requests', async () => {
  const c = start();
  try {
    await c.initialize({});
    let out = '';
    c.proc.stdout.on('data', (d) => { out += d; });
    raw(c, JSON.stringify({ jsonrpc: '2.0', id: 'nul-method', method: 'initialize\u0000x', params: {} }));
    await assert.rejects(c.conn.sendRequest('shutdown\u0000x'), (e) => e.code === -32601);
    for (const body of ['42', '"s"', 'null', '[]']) raw(c, body);
    // two URIs that differ after a NUL are not one document: both are refused
    await open(c, 'file:///work/proj/a.py\u0000one', SWALLOW, 1);
    await open(c, 'file:///work/proj/a.py\u0000two', 'x = 1\n', 1);
    await open(c, 'file:///work/proj/a.py', SWALLOW, 1);
    const p = await c.diagnosticsFor('file:///work/proj/a.py', 1);
    assert.deepEqual(codes(p), ['ERR002@3:4']);
    assert.ok(!c.published.some((x) => x.uri.includes('\u0000')), 'nothing was published for a URI with a NUL');
    assert.match(c.stderr(), /contains a NUL character/);
    const log = c.logged.join('\n');
    assert.doesNotMatch(log, /-32700/, 'valid JSON is never a parse error');
    assert.equal((log.match(/-32600/g) || []).length, 4, `four invalid requests in: ${log}`);
    assert.match(out, /"id": ?"nul-method"[^}]*"error": ?\{"code": ?-32601/, 'initialize\\u0000x is an unknown method');
    // the server is still initialized once: the NUL'd initialize did not re-run it
    assert.doesNotMatch(log, /already called/);
  } finally { assert.equal((await c.stop()).code, 0); }
});

test('a line indented past 255 columns, which tree-sitter-python misreads, is named once in the log', async () => {
  const c = start();
  try {
    await c.initialize({});
    const uri = 'file:///work/proj/deep.py';
    const lines = ['def f():'];
    for (let i = 0; i < 70; i++) lines.push('    '.repeat(i + 1) + 'if x:');
    lines.push('    '.repeat(71) + 'pass', '');
    await open(c, uri, lines.join('\n'), 1);
    await c.diagnosticsFor(uri, 1);
    // an edit that keeps the line: no second notice
    await change(c, uri, 2, [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } }, text: 'y' }]);
    await c.diagnosticsFor(uri, 2);
    const notices = c.stderr().match(/deep\.py:65: indented more than 255 columns/g) || [];
    assert.equal(notices.length, 1, c.stderr());
  } finally { assert.equal((await c.stop()).code, 0); }
});
