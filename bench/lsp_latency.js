// Keystroke latency of a stdio language server, through the same client library
// as the protocol tests: open FILE, wait for its diagnostics, then send one-
// character didChange notifications one at a time (insert `x` inside an
// identifier near the middle of the file, then delete it again) and time each
// until the publishDiagnostics of that version arrives (servers that send no
// version: the first publish after the change). Prints JSON.
//   node bench/lsp_latency.js --server "build/pyreview serve" --file big.py [--edits 40]
'use strict';
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest,
  InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, ShutdownRequest, ExitNotification,
} = require('vscode-languageserver-protocol/node');

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const argv = args.server.split(' ');
const file = path.resolve(args.file);
const edits = Number(args.edits || 40);
const text = fs.readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;

// the edit site: inside an identifier at or after the middle line
const lines = text.split('\n');
let line = Math.floor(lines.length / 2), col = -1;
for (; line < lines.length; line++) {
  const m = /[A-Za-z_][A-Za-z_0-9]{2,}/.exec(lines[line]);
  if (m && !lines[line].trimStart().startsWith('#')) { col = m.index + 1; break; }
}

function rssOf(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rss_kib: Number(/VmRSS:\s+(\d+)/.exec(s)[1]), peak_kib: Number(/VmHWM:\s+(\d+)/.exec(s)[1]) };
  } catch { return null; }
}

(async () => {
  const proc = cp.spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  let waiter = null;
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => { if (waiter) waiter(p); });
  conn.listen();
  const next = (version) => new Promise((resolve) => {
    waiter = (p) => { if (p.uri === uri && (p.version === undefined || p.version === version)) { waiter = null; resolve(p); } };
  });
  const t0 = process.hrtime.bigint();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(path.dirname(file)).href, capabilities: {} });
  await conn.sendNotification(InitializedNotification.type, {});
  let pending = next(1);
  await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text } });
  const first = await pending;
  const openMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const latencies = [];
  for (let v = 2; v < 2 + edits; v++) {
    const insert = v % 2 === 0;
    const change = insert
      ? { range: { start: { line, character: col }, end: { line, character: col } }, text: 'x' }
      : { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' };
    pending = next(v);
    const s = process.hrtime.bigint();
    await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [change] });
    await pending;
    latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const mem = rssOf(proc.pid);
  await conn.sendRequest(ShutdownRequest.type);
  await conn.sendNotification(ExitNotification.type);
  conn.dispose();
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(JSON.stringify({
    server: args.server, file, lines: lines.length, edit_line: line + 1, open_to_diagnostics_ms: openMs,
    diagnostics_at_open: first.diagnostics.length, edits,
    latency_ms_median: sorted[Math.floor(sorted.length / 2)], latency_ms_p90: sorted[Math.floor(sorted.length * 0.9)],
    latency_ms_min: sorted[0], latency_ms_max: sorted[sorted.length - 1], memory: mem,
  }));
})().catch((e) => { console.error(e); process.exit(1); });
