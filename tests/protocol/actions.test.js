// Protocol tests: code actions (quick fixes, "Disable CODE for this line",
// source.fixAll.pyreview) and hover, through vscode-languageserver-protocol;
// every edit is applied to the text and the result checked exactly.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { start } = require('./lsp_client');
const {
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, CodeActionRequest, HoverRequest,
  CodeActionResolveRequest,
} = require('vscode-languageserver-protocol/node');

const URI = 'file:///work/proj/tests/test_totals.py';
const TEXT = [
  'import unittest',
  '',
  '',
  'class TotalsTest(unittest.TestCase):',
  '    def test_total(self):',
  '        label = "naïve 😀"',
  '        self.assertTrue(total([label, "é"]) == 3, "sum")',
  '        for row in range(3):',
  '            pass',
  '        self.assertTrue(label is None)  # noqa: SEC001',
  '',
].join('\n');

// Applies LSP TextEdits to text; columns in UTF-16 code units or UTF-8 bytes.
function apply(text, edits, encoding) {
  const lines = text.split('\n');
  const offset = ({ line, character }) => {
    let o = 0;
    for (let i = 0; i < line; i++) o += lines[i].length + 1;
    if (encoding === 'utf-8') return o + Buffer.from(lines[line], 'utf8').subarray(0, character).toString('utf8').length;
    return o + character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const open = (c, text, version = 1) => c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
  textDocument: { uri: URI, languageId: 'python', version, text },
});
const actionsFor = (c, diagnostics, only) => c.conn.sendRequest(CodeActionRequest.type, {
  textDocument: { uri: URI }, range: diagnostics[0] ? diagnostics[0].range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  context: only ? { diagnostics, only } : { diagnostics },
});

for (const encoding of ['utf-16', 'utf-8']) {
  test(`quick fixes and "Disable" actions edit the text exactly (${encoding})`, async () => {
    const c = start();
    try {
      const init = await c.initialize({ general: { positionEncodings: [encoding] } });
      assert.equal(init.capabilities.positionEncoding, encoding);
      assert.deepEqual(init.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.pyreview']);
      await open(c, TEXT);
      const p = await c.diagnosticsFor(URI, 1);
      const tst = p.diagnostics.filter((d) => d.code === 'TST001');
      assert.equal(tst.length, 2);
      const [first] = tst;
      const actions = await actionsFor(c, [first]);
      const fix = actions.find((a) => a.isPreferred);
      assert.equal(fix.title, 'Use `assertEqual`');
      assert.equal(fix.kind, 'quickfix');
      assert.equal(fix.diagnostics[0].code, 'TST001');
      const fixed = apply(TEXT, fix.edit.changes[URI], encoding);
      assert.equal(fixed.split('\n')[6], '        self.assertEqual(total([label, "é"]), 3, "sum")');
      const disable = actions.find((a) => a.title === 'Disable TST001 for this line');
      assert.equal(apply(TEXT, disable.edit.changes[URI], encoding).split('\n')[6],
        '        self.assertTrue(total([label, "é"]) == 3, "sum")  # noqa: TST001');
      // an existing noqa list is extended
      const second = (await actionsFor(c, [tst[1]])).find((a) => a.title === 'Disable TST001 for this line');
      assert.equal(apply(TEXT, second.edit.changes[URI], encoding).split('\n')[9],
        '        self.assertTrue(label is None)  # noqa: SEC001, TST001');
      // the `# noqa` edit is found when asked, not carried by every diagnostic
      assert.ok(p.diagnostics.every((d) => d.data && !('noqa' in d.data)));
      // a diagnostic of no finding of this version (its range moved) gets no "Disable"
      const moved = { ...first, range: { start: first.range.start, end: { ...first.range.end, character: first.range.end.character - 1 } } };
      assert.equal((await actionsFor(c, [moved])).find((a) => a.title.startsWith('Disable')), undefined);
      const loop = p.diagnostics.find((d) => d.code === 'DED003');
      const rename = (await actionsFor(c, [loop])).find((a) => a.isPreferred);
      assert.equal(apply(TEXT, rename.edit.changes[URI], encoding).split('\n')[7], '        for _row in range(3):');
    } finally { assert.equal((await c.stop()).code, 0); }
  });
}

test('an action for a diagnostic of an older version is not offered', async () => {
  const c = start();
  try {
    await c.initialize({});
    await open(c, TEXT);
    const p = await c.diagnosticsFor(URI, 1);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }],
    });
    await c.diagnosticsFor(URI, 2);
    assert.deepEqual(await actionsFor(c, p.diagnostics.filter((d) => d.code === 'TST001')), []);
  } finally { await c.stop(); }
});

test('diagnostics sent back malformed get no action and no error; the server answers what follows', async () => {
  const c = start();
  try {
    await c.initialize({});
    await open(c, TEXT);
    const p = await c.diagnosticsFor(URI, 1);
    const [tst] = p.diagnostics.filter((d) => d.code === 'TST001');
    const at = (line, character) => ({ line, character });
    const bad = [
      { ...tst, range: undefined },
      { ...tst, range: { start: at(6, 8) } },
      { ...tst, range: { start: at(-1, 0), end: at(6, 8) } },
      { ...tst, range: { start: at(6, 8), end: at(2 ** 40, 0) } },
      { ...tst, range: { start: at(6, 8), end: at(6, 20) } },
      { ...tst, range: { start: at(6, 8.5), end: at(6, 9) } },
      { ...tst, range: { start: '6:8', end: at(6, 9) } },
      { ...tst, range: { start: tst.range.end, end: tst.range.start } },
      { ...tst, code: 'NOPE01' },
      { ...tst, code: 7 },
    ];
    for (const d of bad) {
      const actions = await actionsFor(c, [d]);
      assert.ok(Array.isArray(actions));
      assert.equal(actions.find((a) => a.title.startsWith('Disable')), undefined, JSON.stringify(d.range));
    }
    const good = await actionsFor(c, [tst]);
    assert.ok(good.find((a) => a.title === 'Disable TST001 for this line'));
  } finally { assert.equal((await c.stop()).code, 0); }
});

test('source.fixAll.pyreview applies every fix in one edit, and the result has none left', async () => {
  const c = start();
  try {
    await c.initialize({});
    await open(c, TEXT);
    await c.diagnosticsFor(URI, 1);
    const actions = await actionsFor(c, [], ['source.fixAll.pyreview']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.pyreview');
    const fixed = apply(TEXT, actions[0].edit.changes[URI], 'utf-16');
    const lines = fixed.split('\n');
    assert.equal(lines[6], '        self.assertEqual(total([label, "é"]), 3, "sum")');
    assert.equal(lines[7], '        for _row in range(3):');
    // SUP001: the `# noqa: SEC001` there suppresses nothing, and its fix removes it
    assert.equal(lines[9], '        self.assertIsNone(label)');
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: fixed }],
    });
    const after = await c.diagnosticsFor(URI, 2);
    assert.deepEqual(after.diagnostics.filter((d) => d.data && d.data.fix), []);
    assert.deepEqual(await actionsFor(c, [], ['source.fixAll.pyreview']), []);
  } finally { await c.stop(); }
});

test('hover shows the rule documentation on a finding and on a code in a noqa comment', async () => {
  const c = start();
  try {
    await c.initialize({});
    await open(c, TEXT);
    const p = await c.diagnosticsFor(URI, 1);
    const d = p.diagnostics.find((x) => x.code === 'TST001');
    const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: d.range.start });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /^\*\*TST001\*\* `assert-true-comparison`/);
    assert.match(h.contents.value, /## What it does/);
    assert.deepEqual(h.range, d.range);
    // a code in a noqa comment that suppresses nothing: the SUP001 finding there says so
    const noqa = TEXT.split('\n')[9].indexOf('SEC001') + 2;
    const h2 = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 9, character: noqa } });
    assert.match(h2.contents.value, /^\*\*SUP001\*\* `unused-suppression`/);
    // a code in a noqa comment that is used shows that rule's documentation
    const other = 'file:///work/proj/tools.py';
    const used = ['"""Tools."""', 'import os  # noqa: SEC001, DED002', ''].join('\n');
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: other, languageId: 'python', version: 1, text: used },
    });
    const q = await c.diagnosticsFor(other, 1);
    assert.deepEqual(q.diagnostics.map((x) => x.code), ['SUP001']);
    const line = used.split('\n')[1];
    for (const [code, re] of [['SEC001', /^\*\*SUP001\*\*/], ['DED002', /^\*\*DED002\*\* `unused-import`/]]) {
      const h3 = await c.conn.sendRequest(HoverRequest.type, {
        textDocument: { uri: other }, position: { line: 1, character: line.indexOf(code) + 1 },
      });
      assert.match(h3.contents.value, re);
    }
    const none = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 2 } });
    assert.equal(none, null);
  } finally { await c.stop(); }
});

test('codeAction/resolve: a client that resolves edits gets source.fixAll.pyreview without one, then the edit on resolve', async () => {
  const c = start();
  try {
    const init = await c.initialize({ textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
    assert.equal(init.capabilities.codeActionProvider.resolveProvider, true);
    await open(c, TEXT);
    await c.diagnosticsFor(URI, 1);
    const [listed] = await actionsFor(c, [], ['source.fixAll.pyreview']);
    assert.equal(listed.kind, 'source.fixAll.pyreview');
    assert.equal(listed.edit, undefined);
    const resolved = await c.conn.sendRequest(CodeActionResolveRequest.type, listed);
    const lines = apply(TEXT, resolved.edit.changes[URI], 'utf-16').split('\n');
    assert.equal(lines[6], '        self.assertEqual(total([label, "é"]), 3, "sum")');
    assert.equal(lines[9], '        self.assertIsNone(label)');
    // listed for version 1: after a change it resolves to no edit
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }],
    });
    const stale = await c.conn.sendRequest(CodeActionResolveRequest.type, listed);
    assert.equal(stale.edit, undefined);
  } finally { await c.stop(); }
});
