// Protocol tests: the real server driven through vscode-languageserver-protocol.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { start } = require('./lsp_client');
const {
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  ExitNotification, ShutdownRequest,
} = require('vscode-languageserver-protocol/node');

const URI = 'file:///work/proj/app/jobs.py';
const SWALLOW = [
  'import logging',
  'log = logging.getLogger(__name__)',
  '',
  'def sync(client):',
  '    try:',
  '        client.sync()',
  '    except Exception:',
  '        pass',
  '',
].join('\n');

const open = (c, uri, text, version = 1) => c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
  textDocument: { uri, languageId: 'python', version, text },
});
const change = (c, uri, version, contentChanges) => c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
  textDocument: { uri, version }, contentChanges,
});
const codes = (p) => p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();

test('initialize negotiates utf-8 when offered and advertises incremental sync', async () => {
  const c = start();
  try {
    const r = await c.initialize({ general: { positionEncodings: ['utf-16', 'utf-8'] } });
    assert.equal(r.capabilities.positionEncoding, 'utf-8');
    assert.equal(r.capabilities.textDocumentSync.change, 2);
    assert.equal(r.capabilities.textDocumentSync.openClose, true);
    assert.equal(r.serverInfo.name, 'pyreview');
  } finally { assert.equal((await c.stop()).code, 0); }
});

test('initialize falls back to utf-16 when the client offers nothing', async () => {
  const c = start();
  try {
    const r = await c.initialize({});
    assert.equal(r.capabilities.positionEncoding, 'utf-16');
  } finally { await c.stop(); }
});

test('didOpen publishes diagnostics with version, range, severity, code, href and source', async () => {
  const c = start();
  try {
    await c.initialize({ textDocument: { publishDiagnostics: { codeDescriptionSupport: true } } });
    await open(c, URI, SWALLOW, 7);
    const p = await c.diagnosticsFor(URI, 7);
    assert.equal(p.diagnostics.length, 1);
    const d = p.diagnostics[0];
    assert.deepEqual(d.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 21 } });
    assert.equal(d.severity, 2);
    assert.equal(d.code, 'ERR002');
    assert.equal(d.source, 'pyreview');
    assert.equal(d.codeDescription.href, 'https://cwe.mitre.org/data/definitions/390.html');
    assert.match(d.message, /except Exception.*\[CWE-390\]/);
  } finally { await c.stop(); }
});

test('unused code carries the Unnecessary tag and related information when the client supports them', async () => {
  const text = [
    'def load_config(path):',
    '    started = now()',
    '    return read(path)',
    '',
    'def save_config(configPath):',
    '    return write(configPath)',
    '',
    'def parse_line(line_text):',
    '    return line_text.split()',
    '',
  ].join('\n');
  for (const supported of [true, false]) {
    const c = start();
    try {
      const pd = supported ? { tagSupport: { valueSet: [1, 2] }, relatedInformation: true } : {};
      await c.initialize({ textDocument: { publishDiagnostics: pd } });
      await open(c, URI, text, 1);
      const p = await c.diagnosticsFor(URI, 1);
      const unused = p.diagnostics.find((d) => d.code === 'DED001');
      assert.ok(unused, JSON.stringify(p));
      assert.deepEqual(unused.range.start, { line: 1, character: 4 });
      const naming = p.diagnostics.find((d) => d.code === 'NAM001');
      assert.ok(naming, JSON.stringify(p));
      if (supported) {
        assert.deepEqual(unused.tags, [1]);
        assert.equal(naming.relatedInformation[0].location.uri, URI);
        assert.equal(naming.relatedInformation[0].location.range.start.line, 0);
      } else {
        assert.equal(unused.tags, undefined);
        assert.equal(naming.relatedInformation, undefined);
      }
    } finally { await c.stop(); }
  }
});

test('incremental didChange updates diagnostics for the new version', async () => {
  const c = start();
  try {
    await c.initialize({});
    await open(c, URI, SWALLOW, 1);
    assert.deepEqual(codes(await c.diagnosticsFor(URI, 1)), ['ERR002@6:4']);
    // insert two lines at the top (moves the finding), then replace `pass` by `raise`
    await change(c, URI, 2, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '"""Jobs."""\n\n' },
      { range: { start: { line: 9, character: 8 }, end: { line: 9, character: 12 } }, text: 'raise' },
    ]);
    assert.deepEqual(codes(await c.diagnosticsFor(URI, 2)), []);
    // a new swallowing handler at the end of the file
    await change(c, URI, 3, [
      { range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } },
        text: 'def stop(client):\n    try:\n        client.stop()\n    except:\n        pass\n' },
    ]);
    assert.deepEqual(codes(await c.diagnosticsFor(URI, 3)), ['ERR001@13:4', 'ERR002@13:4']);
    // full-text replacement still works
    await change(c, URI, 4, [{ text: 'x = 1\n' }]);
    assert.deepEqual(codes(await c.diagnosticsFor(URI, 4)), []);
  } finally { await c.stop(); }
});

test('an edit with an impossible range is rejected and the document left unchanged', async () => {
  const c = start();
  try {
    await c.initialize({});
    await open(c, URI, SWALLOW, 1);
    await c.diagnosticsFor(URI, 1);
    await change(c, URI, 2, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# ok\n' },
      { range: { start: { line: 400, character: 0 }, end: { line: 401, character: 0 } }, text: 'boom' },
    ]);
    // the next valid edit applies to version 1's text: line 7 is still `        pass`
    await change(c, URI, 3, [{ range: { start: { line: 7, character: 8 }, end: { line: 7, character: 12 } }, text: 'raise' }]);
    const p = await c.diagnosticsFor(URI, 3);
    assert.deepEqual(codes(p), []);
    assert.equal(c.published.some((x) => x.version === 2), false, 'nothing is published for the rejected version');
    assert.match(c.stderr(), /impossible range/);
  } finally { await c.stop(); }
});

test('UTF-16 and UTF-8 columns after non-ASCII text and an emoji', async () => {
  const text = 'x = "é😀"; eval(x + input())\n';
  for (const [encodings, expected] of [[['utf-16'], [11, 28]], [['utf-8'], [14, 31]]]) {
    const c = start();
    try {
      await c.initialize({ general: { positionEncodings: encodings } });
      await open(c, URI, text, 1);
      const p = await c.diagnosticsFor(URI, 1);
      const d = p.diagnostics.find((x) => x.code === 'SEC003');
      assert.ok(d, `SEC003 expected in ${JSON.stringify(p)}`);
      assert.deepEqual([d.range.start.character, d.range.end.character], expected, encodings[0]);
      // an edit addressed in the same encoding, after the emoji: a second eval before the first
      const at = expected[0];
      await change(c, URI, 2, [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at } }, text: 'eval(q); ' }]);
      const p2 = await c.diagnosticsFor(URI, 2);
      assert.deepEqual(p2.diagnostics.filter((x) => x.code === 'SEC003').map((x) => x.range.start.character), [at, at + 9],
        `${encodings[0]}: the edit must land on the right bytes`);
    } finally { await c.stop(); }
  }
});

test('didClose publishes an empty list', async () => {
  const c = start();
  try {
    await c.initialize({});
    await open(c, URI, SWALLOW, 1);
    await c.diagnosticsFor(URI, 1);
    await c.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: URI } });
    const p = await c.waitFor((x) => x.uri === URI && x.version === undefined, 'the close publish');
    assert.deepEqual(p.diagnostics, []);
  } finally { await c.stop(); }
});

test('malformed JSON gets a parse error and the server keeps serving', async () => {
  const c = start();
  try {
    await c.initialize({});
    const junk = Buffer.from('{"jsonrpc": "2.0", "id": 5, "method": ');
    c.proc.stdin.write(`Content-Length: ${junk.length}\r\n\r\n`);
    c.proc.stdin.write(junk);
    const bad = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"a":"\xff\xfe"}
    c.proc.stdin.write(`Content-Length: ${bad.length}\r\n\r\n`);
    c.proc.stdin.write(bad);
    c.proc.stdin.write('Content-Type: nothing\r\n\r\n');  // a header block without Content-Length
    await open(c, URI, SWALLOW, 1);
    assert.deepEqual(codes(await c.diagnosticsFor(URI, 1)), ['ERR002@6:4']);
    const errors = c.logged.join('\n');
    assert.match(errors, /-32700/);
    assert.match(c.stderr(), /malformed JSON/);
  } finally { assert.equal((await c.stop()).code, 0); }
});

test('unknown requests get MethodNotFound, unknown notifications are ignored', async () => {
  const c = start();
  try {
    await c.initialize({});
    await assert.rejects(c.conn.sendRequest('pyreview/noSuchThing', {}), (e) => e.code === -32601);
    await c.conn.sendNotification('pyreview/noSuchNotification', {});
    await assert.rejects(c.conn.sendRequest('textDocument/didOpen', {}), (e) => e.code === -32600);
    await open(c, URI, SWALLOW, 1);
    await c.diagnosticsFor(URI, 1);
  } finally { await c.stop(); }
});

test('requests before initialize get ServerNotInitialized', async () => {
  const c = start();
  try {
    await assert.rejects(c.conn.sendRequest('textDocument/hover', {}), (e) => e.code === -32002);
    await assert.rejects(c.conn.sendRequest('initialize', 5), (e) => e.code === -32602);
    await c.initialize({});
  } finally { await c.stop(); }
});

test('exit without shutdown exits 1; shutdown then exit exits 0', async () => {
  const c = start();
  await c.initialize({});
  await c.conn.sendNotification(ExitNotification.type);
  assert.equal((await c.exited).code, 1);
  c.conn.dispose();
  const d = start();
  await d.initialize({});
  await d.conn.sendRequest(ShutdownRequest.type);
  await assert.rejects(d.conn.sendRequest('textDocument/hover', {}), (e) => e.code === -32600);
  await d.conn.sendNotification(ExitNotification.type);
  assert.equal((await d.exited).code, 0);
  d.conn.dispose();
});

test('shutdown and exit with "params": null (as eglot sends them) end the server with 0', async () => {
  const c = start();
  await c.initialize({});
  for (const msg of [{ jsonrpc: '2.0', id: 99, method: 'shutdown', params: null }, { jsonrpc: '2.0', method: 'exit', params: null }]) {
    const body = Buffer.from(JSON.stringify(msg));
    c.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    c.proc.stdin.write(body);
  }
  assert.deepEqual(await c.exited, { code: 0, signal: null });
  assert.doesNotMatch(c.stderr(), /params must be/);
  c.conn.dispose();
});

test('end of input and SIGTERM end the server cleanly', async () => {
  const c = start();
  await c.initialize({});
  c.proc.stdin.end();
  assert.deepEqual(await c.exited, { code: 0, signal: null });
  c.conn.dispose();
  const d = start();
  await d.initialize({});
  d.proc.kill('SIGTERM');
  assert.deepEqual(await d.exited, { code: 0, signal: null });
  d.conn.dispose();
});

test('huge and deeply nested files are reviewed without crashing', async () => {
  const c = start();
  try {
    await c.initialize({});
    const deep = 'x = ' + '('.repeat(50000) + '1' + ')'.repeat(50000) + '\n' + SWALLOW;
    await open(c, 'file:///work/proj/deep.py', deep, 1);
    const p = await c.diagnosticsFor('file:///work/proj/deep.py', 1);
    assert.ok(Array.isArray(p.diagnostics));
    const blocks = 'def f():\n' + Array.from({ length: 2000 }, (_, i) => '    '.repeat(i + 1) + 'if x:\n').join('') +
      '    '.repeat(2001) + 'pass\n';
    await open(c, 'file:///work/proj/nested.py', blocks, 1);
    await c.diagnosticsFor('file:///work/proj/nested.py', 1);
    const big = Array.from({ length: 3000 }, (_, i) => SWALLOW.replace('def sync', `def sync${i}`)).join('\n');
    await open(c, 'file:///work/proj/big.py', big, 1);
    const pb = await c.diagnosticsFor('file:///work/proj/big.py', 1);
    assert.equal(pb.diagnostics.filter((d) => d.code === 'ERR002').length, 3000);
  } finally { assert.equal((await c.stop()).code, 0); }
});

test('a finding reported at another severity than its rule default keeps it (SEC011 zipfile: information)', async () => {
  const uri = 'file:///work/proj/app/unpack.py';
  const text = [
    'import tarfile',
    'import zipfile',
    '',
    'def unpack(upload, dest):',
    '    with tarfile.open(upload) as tf:',
    '        tf.extractall(dest)',
    '    with zipfile.ZipFile(upload) as zf:',
    '        zf.extractall(dest)',
    '',
  ].join('\n');
  const c = start();
  try {
    await c.initialize({});
    await open(c, uri, text, 1);
    const p = await c.diagnosticsFor(uri, 1);
    const sec011 = p.diagnostics.filter((d) => d.code === 'SEC011')
      .map((d) => `${d.range.start.line}:${d.severity}`).sort();
    assert.deepEqual(sec011, ['5:1', '7:3']);
  } finally { await c.stop(); }
});
