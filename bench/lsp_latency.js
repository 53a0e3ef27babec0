// Keystroke latency of a stdio language server, through the same client library
// as the protocol tests: open FILE, wait for its diagnostics, then send
// didChange notifications one at a time, each edit followed by its undo, at
// sites spread over the second half of the file, and time each until the
// publishDiagnostics of that version arrives (servers that send no version:
// the first publish after the change). Prints JSON: median and p90 of all, the
// medians of the edits and of their undos apart, and every latency in order.
//   node bench/lsp_latency.js --server "build/pyreview serve" --file big.py [--edits 40] [--kind KIND] [--trace verbose]
// --trace verbose asks the server for $/logTrace at that level: pyreview then
// says what each review's parse cost, and the output gains each edit's parse
// time and the rest of its latency (the review's share on top of the parse).
// KIND: char (`x` inside an identifier, the default), paren (`(` inside an
// identifier), enter (Enter at the end of a line with the next line's
// indentation), newline (a line break inside an identifier), comment (`# ` at
// column 0 of a code line).
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
const kind = args.kind || 'char';
const text = fs.readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;

// edit sites: inside an identifier of a code line, from the middle line on,
// one site per edit pair, each a few hundred lines after the previous one
const lines = text.split('\n');
const keywords = new Set(['def', 'class', 'return', 'import', 'from', 'for', 'while', 'with', 'if', 'elif', 'else',
  'try', 'except', 'finally', 'raise', 'assert', 'yield', 'lambda', 'not', 'and', 'pass', 'del', 'global', 'async',
  'await', 'None', 'True', 'False', 'break', 'continue', 'print']);
function siteAt(from) {
  for (let line = from; line < lines.length; line++) {
    if (lines[line].trimStart().startsWith('#') || !lines[line].trim().length) continue;
    const re = /[A-Za-z_][A-Za-z_0-9]{2,}/g;
    for (let m; (m = re.exec(lines[line]));) {
      const before = lines[line].slice(0, m.index);
      /* a name outside strings: an even number of quotes before it */
      if (keywords.has(m[0]) || (before.split("'").length - 1) % 2 || (before.split('"').length - 1) % 2) continue;
      return { line, col: m.index + 1 };
    }
  }
  return siteAt(Math.floor(lines.length / 2));
}
const sites = [];
for (let i = 0, from = Math.floor(lines.length / 2); i < Math.ceil(edits / 2); i++) {
  const s = siteAt(from);
  sites.push(s);
  from = s.line + 211 < lines.length ? s.line + 211 : Math.floor(lines.length / 2) + i;
}
const line = sites[0].line;
// the change and its undo at a site, in UTF-16 positions (the files are ASCII here)
function changes(site) {
  const { line, col } = site;
  const at = (l, c) => ({ line: l, character: c });
  const insert = (l, c, t) => ({ range: { start: at(l, c), end: at(l, c) }, text: t });
  switch (kind) {
    case 'char': return [insert(line, col, 'x'), { range: { start: at(line, col), end: at(line, col + 1) }, text: '' }];
    case 'paren': return [insert(line, col, '('), { range: { start: at(line, col), end: at(line, col + 1) }, text: '' }];
    case 'newline': return [insert(line, col, '\n'), { range: { start: at(line, col), end: at(line + 1, 0) }, text: '' }];
    case 'comment': return [insert(line, 0, '# '), { range: { start: at(line, 0), end: at(line, 2) }, text: '' }];
    case 'enter': {
      const end = lines[line].length, indent = /^\s*/.exec(lines[line])[0];
      return [insert(line, end, '\n' + indent), { range: { start: at(line, end), end: at(line + 1, indent.length) }, text: '' }];
    }
    default: throw new Error(`unknown --kind ${kind}`);
  }
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
  // pyreview at verbose: "reviewed URI version V" with "parse X ms, review Y ms, ..."
  const parseMs = new Map();
  conn.onNotification('$/logTrace', (p) => {
    const v = / version (\d+)$/.exec(p.message || ''), t = /^parse ([\d.]+) ms/.exec(p.verbose || '');
    if (v && t) parseMs.set(Number(v[1]), Number(t[1]));
  });
  conn.listen();
  const next = (version) => new Promise((resolve) => {
    waiter = (p) => { if (p.uri === uri && (p.version === undefined || p.version === version)) { waiter = null; resolve(p); } };
  });
  const t0 = process.hrtime.bigint();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(path.dirname(file)).href, capabilities: {},
    ...(args.trace ? { trace: args.trace } : {}) });
  await conn.sendNotification(InitializedNotification.type, {});
  let pending = next(1);
  await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text } });
  const first = await pending;
  const openMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const latencies = [], parses = [];
  for (let v = 2; v < 2 + edits; v++) {
    const pair = changes(sites[Math.floor((v - 2) / 2) % sites.length]);
    const change = pair[(v - 2) % 2];
    pending = next(v);
    const s = process.hrtime.bigint();
    await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [change] });
    await pending;
    latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
    if (parseMs.has(v)) parses.push(parseMs.get(v));
  }
  const mem = rssOf(proc.pid);
  await conn.sendRequest(ShutdownRequest.type);
  await conn.sendNotification(ExitNotification.type);
  conn.dispose();
  const sorted = [...latencies].sort((a, b) => a - b);
  const median = (xs) => { const o = [...xs].sort((a, b) => a - b); return o.length ? o[Math.floor(o.length / 2)] : null; };
  console.log(JSON.stringify({
    server: args.server, file, lines: lines.length, kind, edit_line: line + 1, sites: sites.length, open_to_diagnostics_ms: openMs,
    diagnostics_at_open: first.diagnostics.length, edits,
    latency_ms_median: sorted[Math.floor(sorted.length / 2)], latency_ms_p90: sorted[Math.floor(sorted.length * 0.9)],
    latency_ms_min: sorted[0], latency_ms_max: sorted[sorted.length - 1], memory: mem,
    // each edit's latency in order: even indexes the edits, odd their undos
    latencies_ms: latencies, edit_ms_median: median(latencies.filter((_, i) => i % 2 === 0)),
    undo_ms_median: median(latencies.filter((_, i) => i % 2 === 1)),
    // with --trace verbose, when the server said each review's parse time
    ...(parses.length === latencies.length ? (() => {
      const rest = latencies.map((l, i) => l - parses[i]);
      return {
        parse_ms: parses, rest_ms: rest, parse_ms_median: median(parses), rest_ms_median: median(rest),
        rest_ms_p90: [...rest].sort((a, b) => a - b)[Math.floor(rest.length * 0.9)],
        edit_rest_ms_median: median(rest.filter((_, i) => i % 2 === 0)),
        undo_rest_ms_median: median(rest.filter((_, i) => i % 2 === 1)),
      };
    })() : {}),
  }));
})().catch((e) => { console.error(e); process.exit(1); });
