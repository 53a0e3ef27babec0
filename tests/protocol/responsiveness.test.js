// Protocol tests: reviews run off the loop. A burst of changes written at once
// is reviewed once, at its last version; requests are answered while a long
// review runs.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { start } = require('./lsp_client');
const { DidOpenTextDocumentNotification, HoverRequest } = require('vscode-languageserver-protocol/node');

const URI = 'file:///work/proj/app/burst.py';
// under valgrind (tools/valgrind.sh) the big documents are smaller
const SCALE = process.env.PR_TEST_SLOW ? 8 : 1;

function frame(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

test('a burst of 200 didChange written at once publishes only its last version', async () => {
  const c = start();
  try {
    await c.initialize({});
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'python', version: 1, text: 'import os\n\ndef run(cmd):\n    os.system(cmd)\n' },
    });
    await c.diagnosticsFor(URI, 1);
    const before = c.published.length;
    const frames = [];
    for (let v = 2; v <= 201; v++) {
      frames.push(frame({ method: 'textDocument/didChange', params: {
        textDocument: { uri: URI, version: v },
        contentChanges: [{ range: { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } }, text: v % 2 ? '' : ' ' }],
      } }));
    }
    c.proc.stdin.write(Buffer.concat(frames));
    const last = await c.diagnosticsFor(URI, 201);
    assert.deepEqual(last.diagnostics.map((d) => d.code), ['SEC002']);
    // give a stray intermediate publish the time to arrive, then check there was none
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(c.published.slice(before).map((p) => p.version), [201]);
  } finally { assert.equal((await c.stop()).code, 0); }
});

test('requests are answered while a long review runs', async () => {
  const c = start();
  try {
    await c.initialize({});
    const small = 'file:///work/proj/app/small.py';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: small, languageId: 'python', version: 1, text: 'import os\n\ndef run(cmd):\n    os.system(cmd)\n' },
    });
    await c.diagnosticsFor(small, 1);
    // about 1.2 MB of functions: its review takes a while
    const parts = [];
    for (let i = 0; i < 12000 / SCALE; i++) parts.push(`def f${i}(a, b):\n    c = a + b\n    return eval(a)\n\n`);
    const big = 'file:///work/proj/app/big.py';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: big, languageId: 'python', version: 1, text: parts.join('') },
    });
    const hover = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 3, character: 6 } });
    assert.match(hover.contents.value, /\*\*SEC002\*\*/);
    assert.equal(c.published.some((p) => p.uri === big), false, 'the hover was answered before the big review ended');
    const p = await c.diagnosticsFor(big, 1);
    assert.ok(p.diagnostics.length >= 12000 / SCALE);
  } finally { assert.equal((await c.stop()).code, 0); }
});

test('pull diagnostics: full, then unchanged, then full after a change; nothing pushed; cancel', async () => {
  const { DocumentDiagnosticRequest, DidChangeTextDocumentNotification } = require('vscode-languageserver-protocol/node');
  const c = start();
  try {
    const init = await c.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    assert.equal(init.capabilities.diagnosticProvider.identifier, 'pyreview');
    const uri = 'file:///work/proj/app/pull.py';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'python', version: 1, text: 'import os\n\ndef run(cmd):\n    os.system(cmd)\n' },
    });
    const first = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(first.kind, 'full');
    assert.deepEqual(first.items.map((d) => d.code).filter((c) => c !== 'DOC100'), ['SEC002']);
    const again = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 4 }, end: { line: 3, character: 18 } }, text: 'print(cmd)' }],
    });
    const after = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(after.kind, 'full');
    assert.notEqual(after.resultId, first.resultId);
    assert.equal(after.items.some((d) => d.code === 'SEC002'), false, 'the edit removed the shell call');
    assert.equal(c.published.filter((p) => p.uri === uri).length, 0, 'a pull client gets nothing pushed');
    // a request cancelled while its review runs is answered with RequestCancelled
    const parts = [];
    for (let i = 0; i < 8000 / SCALE; i++) parts.push(`def f${i}(a):\n    return eval(a)\n\n`);
    const big = 'file:///work/proj/app/bigpull.py';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: big, languageId: 'python', version: 1, text: parts.join('') },
    });
    const { CancellationTokenSource } = require('vscode-languageserver-protocol/node');
    const source = new CancellationTokenSource();
    const pending = c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: big } }, source.token);
    source.cancel();
    await assert.rejects(pending, (e) => e.code === -32800);
  } finally { assert.equal((await c.stop()).code, 0); }
});

test('a document whose parse exceeds the limit is logged, not published, and the server goes on', async () => {
  process.env.PYREVIEW_PARSE_LIMIT_MS = '1';
  const c = start();
  delete process.env.PYREVIEW_PARSE_LIMIT_MS;
  try {
    await c.initialize({});
    const parts = [];
    for (let i = 0; i < 20000 / SCALE; i++) parts.push(`def f${i}(a):\n    return eval(a)\n\n`);
    const slow = 'file:///work/proj/app/slow.py';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: slow, languageId: 'python', version: 1, text: parts.join('') },
    });
    const deadline = Date.now() + 20000;
    while (!/not parsed within 1 ms/.test(c.stderr()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.match(c.stderr(), /slow\.py: not parsed within 1 ms/);
    assert.equal(c.published.some((p) => p.uri === slow), false);
    const hover = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: slow }, position: { line: 1, character: 12 } });
    assert.equal(hover, null);
  } finally { assert.equal((await c.stop()).code, 0); }
});

test('$/setTrace: while tracing is on, the log also goes to the client as $/logTrace', async () => {
  const c = start();
  const traces = [];
  c.conn.onNotification('$/logTrace', (p) => traces.push(p.message));
  try {
    await c.initialize({});
    const bad = { textDocument: { uri: 'file:///nowhere/a.py', version: 2 }, contentChanges: [{ text: 'x' }] };
    await c.conn.sendNotification('textDocument/didChange', bad);  // logged: not open
    await c.conn.sendNotification('$/setTrace', { value: 'verbose' });
    await c.conn.sendNotification('textDocument/didChange', bad);
    await c.conn.sendNotification('$/setTrace', { value: 'off' });
    await c.conn.sendNotification('textDocument/didChange', bad);
    await c.conn.sendRequest('shutdown');  // a round trip: every notification above was handled
    assert.deepEqual(traces, ['didChange ignored: file:///nowhere/a.py is not open']);
    assert.equal((c.stderr().match(/is not open/g) || []).length, 3);
  } finally { await c.stop(); }
});

test('$/setTrace verbose: each published review says what its parse and the rest cost; messages does not', async () => {
  const c = start();
  const traces = [];
  c.conn.onNotification('$/logTrace', (p) => traces.push(p));
  try {
    await c.initialize({});
    // a module docstring: no DOC100, which the test client would drop from the count
    const text = '"""Runs commands."""\nimport os\n\ndef run(cmd):\n    os.system(cmd)\n';
    await c.conn.sendNotification('$/setTrace', { value: 'messages' });
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'python', version: 1, text },
    });
    await c.diagnosticsFor(URI, 1);
    await c.conn.sendNotification('$/setTrace', { value: 'verbose' });
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 4 }, end: { line: 4, character: 4 } }, text: ' ' }],
    });
    const published = await c.diagnosticsFor(URI, 2);
    assert.equal(traces.length, 1, JSON.stringify(traces));
    assert.equal(traces[0].message, `reviewed ${URI} version 2`);
    assert.match(traces[0].verbose, /^parse \d+\.\d{3} ms, review \d+\.\d{3} ms, (\d+) diagnostics, waited \d+\.\d{3} ms$/);
    assert.equal(Number(/(\d+) diagnostics/.exec(traces[0].verbose)[1]), published.diagnostics.length);
  } finally { await c.stop(); }
});
