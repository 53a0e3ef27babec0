// Ruff compiled to WebAssembly (@astral-sh/ruff-wasm-nodejs, installed in
// bench/peers by `bench/run.py --install-peers`) over every *.py file of a
// folder, as one whole process, so that its time compares with a whole
// `pyreview check` run. Ruff's rules closest to pyreview's catalog are
// selected: naming (N), docstrings (D1), annotations (ANN), bandit (S), unused
// variables (F841), unittest asserts (PT009), long functions (PLR0915) and
// complexity (C901). The wasm build checks one string at a time on one thread:
// it is not the native ruff binary, which Debian 12 does not package.
//   node bench/ruff_wasm.js DIR   -> prints {"files", "diagnostics", "seconds"}
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const peers = path.join(__dirname, 'peers', 'node_modules', '@astral-sh', 'ruff-wasm-nodejs');
const t0 = process.hrtime.bigint();
const ruff = require(peers);
const select = ['N', 'D1', 'ANN', 'S', 'F841', 'PT009', 'PLR0915', 'C901'];

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith('.')) walk(p, out);
    else if (e.isFile() && e.name.endsWith('.py')) out.push(p);
  }
  return out;
}

const files = walk(process.argv[2], []).sort();
const ws = new ruff.Workspace({ lint: { select } }, ruff.PositionEncoding.Utf16);
let diagnostics = 0;
for (const f of files) {
  try {
    diagnostics += ws.check(fs.readFileSync(f, 'utf8')).length;
  } catch {
    /* a file Ruff cannot take still counts as visited */
  }
}
ws.free();
console.log(JSON.stringify({ files: files.length, diagnostics, seconds: Number(process.hrtime.bigint() - t0) / 1e9 }));
