// Protocol tests: reviews run off the loop. A burst of changes written at once
// is reviewed once, at its last version; requests are answered while a long
// review runs.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { start } = require('./lsp_client');
const { DidOpenTextDocumentNotification, HoverRequest } = require('vscode-languageserver-protocol/node');

const URI = 'file:///work/proj/app/burst.py';

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
    for (let i = 0; i < 12000; i++) parts.push(`def f${i}(a, b):\n    c = a + b\n    return eval(a)\n\n`);
    const big = 'file:///work/proj/app/big.py';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: big, languageId: 'python', version: 1, text: parts.join('') },
    });
    const hover = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 3, character: 6 } });
    assert.match(hover.contents.value, /\*\*SEC002\*\*/);
    assert.equal(c.published.some((p) => p.uri === big), false, 'the hover was answered before the big review ended');
    const p = await c.diagnosticsFor(big, 1);
    assert.ok(p.diagnostics.length >= 12000);
  } finally { assert.equal((await c.stop()).code, 0); }
});
