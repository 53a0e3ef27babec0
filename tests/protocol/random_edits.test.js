// Property test: after hundreds of random incremental edits (in-line edits at
// any UTF-16 column, also beside and inside surrogate pairs; multi-line
// replacements; impossible ranges that must be rejected), the server's buffer
// is exactly the client's. The oracle: the diagnostics of the edited document
// equal those of the client's text opened fresh. Every line holds several
// findings with exact columns, and edits never unbalance brackets or quotes,
// so syntax errors stay local and a byte put anywhere else shows.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { start } = require('./lsp_client');
const { DidOpenTextDocumentNotification, DidChangeTextDocumentNotification } = require('vscode-languageserver-protocol/node');

function rng(seed) {  // mulberry32: reproducible
  return () => {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINES = ['s = "é😀"; eval(s + a)', 'eval(b); t = "😀😀"; eval(c)', 'x = "ü"; exec(x + y)',
  'try:\n    go()\nexcept Exception:\n    pass', 'def f(p):\n    unused = p\n    return 1', 'eval(z)'];
const CHARS = ['x', 'é', '😀', ' ', 'ab', ''];

// LSP positions on the client side (UTF-16 code units: what JavaScript strings are).
function lineStarts(text) {
  const s = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') s.push(i + 1);
  return s;
}
function offsetOf(text, starts, pos) {
  if (pos.line === starts.length && pos.character === 0) return text.length;
  const lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] - 1 : text.length;
  let off = Math.min(starts[pos.line] + pos.character, lineEnd);
  // a column inside a surrogate pair means the character's start (the server's rule)
  if (off > starts[pos.line] && /[\uDC00-\uDFFF]/.test(text[off] || '') && /[\uD800-\uDBFF]/.test(text[off - 1])) off--;
  return off;
}
const SAFE = /[A-Za-z0-9_ é\u00fc\uD800-\uDFFF]/;  // deleting these never unbalances anything

const key = (p) => p.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();

test('random edits keep the server buffer identical to the client text', async () => {
  const rand = rng(20261124);
  const pick = (n) => Math.floor(rand() * n);
  const c = start();
  try {
    await c.initialize({});
    let text = Array.from({ length: 30 }, (_, i) => LINES[i % LINES.length]).join('\n') + '\n';
    const uri = 'file:///fuzz/edited.py';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text } });
    let version = 1, accepted = 1, rejected = 0;
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 50; i++) {
        const starts = lineStarts(text);
        const lines = starts.length;
        const kind = pick(10);
        let range, insert;
        if (kind === 0) {  // impossible: past the last line
          range = { start: { line: lines + 2, character: 0 }, end: { line: lines + 2, character: 0 } };
          insert = 'boom';
        } else if (kind <= 4) {  // a character edit at any column of a line
          const line = pick(lines);
          const col = pick(40);
          const pos = { line, character: col };
          const off = offsetOf(text, starts, pos);
          const del = rand() < 0.4 && SAFE.test(text[off] || '\n') ? (/[\uD800-\uDBFF]/.test(text[off]) ? 2 : 1) : 0;
          range = { start: pos, end: { line, character: col + del } };
          insert = CHARS[pick(CHARS.length)];
        } else if (kind <= 7) {  // a whole line inserted, or a line replaced
          const line = pick(lines);
          const replace = kind === 7 && line + 1 < lines;
          range = { start: { line, character: 0 }, end: { line: replace ? line + 1 : line, character: 0 } };
          insert = LINES[pick(LINES.length)] + '\n';
        } else {  // several whole lines removed or replaced
          const line = pick(Math.max(1, lines - 3));
          range = { start: { line, character: 0 }, end: { line: Math.min(lines - 1, line + 1 + pick(3)), character: 0 } };
          insert = kind === 8 ? '' : LINES[pick(LINES.length)] + '\n' + LINES[pick(LINES.length)] + '\n';
        }
        version++;
        await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version }, contentChanges: [{ range, text: insert }],
        });
        if (kind === 0) { rejected++; continue; }
        accepted = version;
        const a = offsetOf(text, starts, range.start), b = offsetOf(text, starts, range.end);
        text = text.slice(0, a) + insert + text.slice(Math.max(a, b));
      }
      const edited = key(await c.diagnosticsFor(uri, accepted));
      const fresh = `file:///fuzz/fresh${round}.py`;
      await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: fresh, languageId: 'python', version: 1, text } });
      const opened = key(await c.diagnosticsFor(fresh, 1));
      assert.ok(opened.length >= 10, `round ${round}: the document still has many findings (${opened.length})`);
      assert.deepEqual(edited, opened, `round ${round}: the server's buffer differs from the client's`);
    }
    assert.ok(rejected > 10, 'impossible ranges were sent');
    assert.match(c.stderr(), /impossible range/);
  } finally { assert.equal((await c.stop()).code, 0); }
});
