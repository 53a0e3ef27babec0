// Resident memory of a stdio language server with many documents open, through
// the same client library as the protocol tests: the server's RSS after
// `initialize`, then after opening the first N Python files of a folder (in
// path order) and receiving each one's diagnostics, then after closing them
// all. Prints JSON with the per-document figure ((open - start) / N).
//   node bench/lsp_memory.js --server "build/pyreview serve" --dir /usr/lib/python3.11 [--docs 1000]
'use strict';
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest,
  InitializedNotification, DidOpenTextDocumentNotification, DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification, ShutdownRequest, ExitNotification,
} = require('vscode-languageserver-protocol/node');

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const argv = args.server.split(' ');
const want = Number(args.docs || 1000);

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith('.') && e.name !== '__pycache__') walk(p, out);
    else if (e.isFile() && e.name.endsWith('.py')) out.push(p);
  }
  return out;
}

function rssKiB(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

(async () => {
  const files = walk(args.dir, []).slice(0, want);
  const proc = cp.spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const seen = new Set();
  let waiting = null;
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    seen.add(p.uri);
    if (waiting && seen.size >= waiting.n) { const w = waiting; waiting = null; w.resolve(); }
  });
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(args.dir).href, capabilities: {} });
  await conn.sendNotification(InitializedNotification.type, {});
  await sleep(300);
  const start = rssKiB(proc.pid);
  let bytes = 0;
  const done = new Promise((resolve) => { waiting = { n: files.length, resolve }; });
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    bytes += Buffer.byteLength(text);
    await conn.sendNotification(DidOpenTextDocumentNotification.type,
      { textDocument: { uri: pathToFileURL(f).href, languageId: 'python', version: 1, text } });
  }
  await done;
  await sleep(500);  // the server trims its heap 200 ms after the input goes quiet
  const open = rssKiB(proc.pid);
  for (const f of files)
    await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(f).href } });
  await sleep(800);
  const closed = rssKiB(proc.pid);
  await conn.sendRequest(ShutdownRequest.type);
  await conn.sendNotification(ExitNotification.type);
  conn.dispose();
  console.log(JSON.stringify({
    server: args.server, docs: files.length, text_kib: Math.round(bytes / 1024), rss_start_kib: start,
    rss_open_kib: open, rss_closed_kib: closed, per_doc_kib: (open - start) / files.length,
    per_doc_over_text: (open - start) * 1024 / bytes,
  }));
})().catch((e) => { console.error(e); process.exit(1); });
