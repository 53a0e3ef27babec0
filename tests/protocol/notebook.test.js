// Protocol tests: a Jupyter notebook (notebookDocument/didOpen|didChange|didClose)
// is reviewed as one module in cell order, and each finding is published on
// its cell with positions relative to that cell.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { start } = require('./lsp_client');

const NB = 'file:///work/proj/analysis.ipynb';
const cell = (n) => `vscode-notebook-cell:/work/proj/analysis.ipynb#W${n}sZmlsZQ%3D%3D`;

async function lastFor(c, uri, pred) {
  return c.waitFor((p) => p.uri === uri && pred(p), `diagnostics of ${uri}`);
}
const codes = (p) => p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);

test('a notebook is one module: a name imported in cell 1 and used in cell 3; findings on their cells', async () => {
  const c = start();
  try {
    const init = await c.initialize({ general: { positionEncodings: ['utf-16'] } });
    assert.deepEqual(init.capabilities.notebookDocumentSync.notebookSelector, [{ cells: [{ language: 'python' }] }]);
    await c.conn.sendNotification('notebookDocument/didOpen', {
      notebookDocument: {
        uri: NB, notebookType: 'jupyter-notebook', version: 1,
        cells: [{ kind: 2, document: cell(0) }, { kind: 1, document: cell(1) }, { kind: 2, document: cell(2) }],
      },
      cellTextDocuments: [
        { uri: cell(0), languageId: 'python', version: 1, text: 'import subprocess' },
        { uri: cell(1), languageId: 'markdown', version: 1, text: '# eval(input()) in prose is not code' },
        { uri: cell(2), languageId: 'python', version: 1, text: 'cmd = input()\nsubprocess.run("é" + cmd, shell=True)\n' },
      ],
    });
    const third = await lastFor(c, cell(2), (p) => p.diagnostics.length > 0);
    // line 1 of cell 3, after `subprocess.run("é" + cmd, ` (UTF-16 columns)
    assert.deepEqual(codes(third), ['SEC002@1:0']);
    const first = await lastFor(c, cell(0), () => true);
    assert.deepEqual(codes(first), []);  // the import is used (in cell 3)
    assert.ok(!c.published.some((p) => p.uri === cell(1)), 'no diagnostics for a markdown cell');

    // cell 3 no longer uses the import: cell 1 gets DED002, cell 3 is clean
    const before = c.published.length;
    await c.conn.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version: 2 },
      change: { cells: { textContent: [{
        document: { uri: cell(2), version: 2 },
        changes: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 38 } }, text: 'print(cmd)' }],
      }] } },
    });
    const now = (uri) => c.waitFor((p) => p.uri === uri && c.published.indexOf(p) >= before, `new diagnostics of ${uri}`);
    assert.deepEqual(codes(await now(cell(0))), ['DED002@0:7']);
    assert.deepEqual(codes(await now(cell(2))), []);

    // a new cell inserted before the first one, opened with the change
    const before2 = c.published.length;
    await c.conn.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version: 3 },
      change: { cells: { structure: {
        array: { start: 0, deleteCount: 0, cells: [{ kind: 2, document: cell(3) }] },
        didOpen: [{ uri: cell(3), languageId: 'python', version: 1, text: 'print(subprocess)\n' }],
      } } },
    });
    const after = (uri) => c.waitFor((p) => p.uri === uri && c.published.indexOf(p) >= before2, `diagnostics of ${uri}`);
    assert.deepEqual(codes(await after(cell(0))), []);  // used again, by the new cell
    assert.deepEqual(codes(await after(cell(3))), []);

    // a malformed change is logged and the notebook keeps its cells
    await c.conn.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version: 4 },
      change: { cells: { structure: { array: { start: 9, deleteCount: 3 } } } },
    });
    const before3 = c.published.length;
    await c.conn.sendNotification('notebookDocument/didClose', {
      notebookDocument: { uri: NB }, cellTextDocuments: [{ uri: cell(0) }, { uri: cell(1) }, { uri: cell(2) }, { uri: cell(3) }],
    });
    // closing clears every Python cell's diagnostics
    for (const u of [cell(0), cell(2), cell(3)]) {
      const p = await c.waitFor((q) => q.uri === u && c.published.indexOf(q) >= before3, `cleared ${u}`);
      assert.deepEqual(p.diagnostics, []);
    }
    assert.match(c.stderr(), /outside the notebook/);
  } finally { assert.equal((await c.stop()).code, 0); }
});

test('a pull client gets each cell from textDocument/diagnostic', async () => {
  const c = start();
  try {
    await c.initialize({ textDocument: { diagnostic: {} } });
    await c.conn.sendNotification('notebookDocument/didOpen', {
      notebookDocument: { uri: NB, notebookType: 'jupyter-notebook', version: 1, cells: [{ kind: 2, document: cell(0) }] },
      cellTextDocuments: [{ uri: cell(0), languageId: 'python', version: 1, text: 'x = eval(input())\n' }],
    });
    const r = await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: cell(0) } });
    assert.equal(r.kind, 'full');
    assert.deepEqual(r.items.map((d) => d.code).filter((x) => x !== 'DOC100'), ['SEC003']);
    const again = await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: cell(0) }, previousResultId: r.resultId });
    assert.equal(again.kind, 'unchanged');
  } finally { await c.stop(); }
});
