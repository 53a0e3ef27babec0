#!/usr/bin/env node
// Load and soak test of `pyreview serve` (issue 6): one client opens N documents
// (~8 KB of Python each, full of findings), sends M incremental didChanges spread
// over them as fast as the server takes them (pipelined, never waiting for a
// publish, but awaiting the writer so stdin back-pressure holds), then closes them
// all. Checks:
//   1. no message lost: each document's last publishDiagnostics carries the last
//      version sent (waited for, with a timeout that fails), versions never go
//      backwards, and every close gets an empty, versionless publish;
//   2. the edited buffers equal the client's text: every final diagnostics set
//      (code, severity, range, message, sorted) equals the one a SECOND, fresh
//      server publishes for the client's final text opened under the same URI
//      (same file name, so test-file classification is the same);
//   3. memory goes back: VmRSS after all closes (read ~1 s after the last close
//      publish, so an idle trim timer can run) is at most
//          start + max(10% of start, 2048 KB)      (--rss-slack-kb)
//      where start is VmRSS after initialize and a warm-up round (a tenth of the
//      documents, other texts, opened, reviewed and closed), so that what every
//      later document shares (the parser's code and the grammar's tables paged
//      in, the allocator's caches, the parser's buffers) is counted at the start,
//      not as per-document memory. The start is only ~3 MB, hence the absolute
//      slack: glibc keeps ~1.5 MB of a fragmented heap resident after the closes
//      (pages pinned by its per-size caches and free-chunk headers), a figure
//      that does not grow with documents or rounds (docs/reliability.md). Reported but not asserted for a sanitizer build
//      (ASan's quarantine and shadow memory keep freed memory resident);
//      and, once the opens are reviewed and the heap trimmed, VmRSS is at most
//      start + 30x the documents' text (syntax trees are kept for the 32 most
//      recently touched documents only);
//   4. both servers exit 0 after shutdown/exit and their stderr holds nothing
//      alarming (AddressSanitizer, LeakSanitizer, "runtime error", abort);
// and the final documents still carry many findings (the edits kept them).
// Figures printed besides: wall time per phase, edits/s and the server's CPU time
// an edit, didChange -> publish latency (p50/p99/max; under saturation, so mostly
// time spent queued), the backlog of unpublished edits when the last didChange was
// written, and VmRSS start / all open / after the edits / high-water / after the
// closes. The server's RSS includes any output it has queued for a client that
// has not read it yet; --progress SEC shows the counts and RSS as the run goes.
// Bounded: an overall timeout (--timeout) kills the servers and fails.
//
//   PYREVIEW=build/pyreview node tools/soak.js [--docs 2000] [--edits 100000] [--seed 1]
//
// Exit status: 0 all checks passed, 1 a check failed, 2 bad usage, 3 overall timeout
// or a crash of the driver.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const USAGE = `usage: PYREVIEW=path/to/pyreview node tools/soak.js [options]
  --docs N             documents opened (default 2000)
  --edits M            didChange notifications, spread at random over the documents (default 100000)
  --seed S             random seed: the same seed sends the same edits (default 1)
  --size BYTES         approximate size of each document (default 8192)
  --window W           notifications queued in the client writer at most (default 64)
  --timeout SEC        overall limit; the servers are killed and the run fails (default 1200)
  --settle-timeout SEC how long to wait for the last publishes after the last send (default 120)
  --rss-slack-kb KB    absolute slack of the RSS check (default 2048)
  --no-rss-check       report RSS but do not assert on it
  --progress SEC       print sent/received counts and the server's RSS to stderr every SEC seconds`;

function parseArgs(argv) {
  const o = { docs: 2000, edits: 100000, seed: 1, size: 8192, window: 64, timeout: 1200, settleTimeout: 120,
    rssSlackKb: 2048, rssCheck: true, progress: 0 };
  const num = { '--docs': 'docs', '--edits': 'edits', '--seed': 'seed', '--size': 'size', '--window': 'window',
    '--timeout': 'timeout', '--settle-timeout': 'settleTimeout', '--rss-slack-kb': 'rssSlackKb',
    '--progress': 'progress' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') { console.log(USAGE); process.exit(0); }
    if (a === '--no-rss-check') { o.rssCheck = false; continue; }
    const [flag, inline] = a.split('=', 2);
    if (!(flag in num)) { console.error(`soak: unknown option ${a}\n${USAGE}`); process.exit(2); }
    const v = Number(inline !== undefined ? inline : argv[++i]);
    if (!Number.isFinite(v) || v < 0) { console.error(`soak: ${flag} needs a number\n${USAGE}`); process.exit(2); }
    o[num[flag]] = v;
  }
  if (o.docs < 1 || o.window < 1) { console.error(`soak: --docs and --window must be at least 1`); process.exit(2); }
  return o;
}
const opt = parseArgs(process.argv.slice(2));
if (!process.env.PYREVIEW) { console.error(`soak: set PYREVIEW to the pyreview binary\n${USAGE}`); process.exit(2); }

const { start } = require('../tests/protocol/lsp_client');
const {
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
} = require('vscode-languageserver-protocol/node');

// ---------- the overall bound ----------

const servers = [];  // every process this driver started, killed on timeout
const t0 = performance.now();
let phase = 'start';
const overall = setTimeout(() => {
  console.error(`soak: FAIL: overall timeout of ${opt.timeout} s reached during "${phase}"; killing the server(s)`);
  for (const c of servers) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  process.exit(3);
}, opt.timeout * 1000);

// ---------- documents and edits ----------

function rng(seed) {  // mulberry32, as tests/protocol/random_edits.test.js: reproducible
  return () => {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(opt.seed);
const pick = (n) => Math.floor(rand() * n);

const HEADER = ['import os', 'import pickle', 'import subprocess'];  // never removed: os.system etc. stay resolved
const FINDINGS = [  // each yields at least one finding
  's = "é😀"; eval(s + a)',
  'eval(x + y)',
  'os.system("ls " + d)',
  'try:\n    go()\nexcept Exception:\n    pass',
  'def f(p):\n    unused = p\n    return 1',
  'data = pickle.loads(blob)',
  'cursor.execute("SELECT * FROM t WHERE id = " + uid)',
  'for idx in range(3):\n    pass',
  'subprocess.call(cmd + "😀", shell=True)',
  'def test_case():\n    run("ü")',  // TST003 in test files only
];
const FILLER = [  // each yields none
  'total = compute(1, 2)',
  '# note: é😀 ünïcode 𝔘',
  'label = "naïve 😀 text"',
  'def helper(a):\n    """Add one."""\n    return a + 1',
  'for item in items:\n    process(item)',
  'value = {"k": [1, 2, 3], "é": "😀𝔘"}',
  'class Box:\n    size = 3',
];
const snippet = () => (rand() < 0.4 ? FINDINGS[pick(FINDINGS.length)] : FILLER[pick(FILLER.length)]);
const CHARS = ['x', 'é', 'ü', '😀', '𝔘', ' ', 'ab', ''];
const SAFE = /[A-Za-z0-9_ é\u00fc\uD800-\uDFFF]/;  // deleting these never unbalances a bracket or quote
const isHigh = (c) => c >= 0xD800 && c <= 0xDBFF;
const isLow = (c) => c >= 0xDC00 && c <= 0xDFFF;

// The client's text model: the document as lines split at \n (the generated text
// has no other line ends), positions in UTF-16 code units = JavaScript indices.
function applyEdit(lines, range, text) {
  const merged = lines[range.start.line].slice(0, range.start.character) + text +
    lines[range.end.line].slice(range.end.character);
  lines.splice(range.start.line, range.end.line - range.start.line + 1, ...merged.split('\n'));
}
const indented = (l) => l.length > 0 && (l[0] === ' ' || l[0] === '\t');
const opensBlock = (l) => l.trimEnd().endsWith(':');
// a snippet may go before line l without landing inside a block
const insertable = (lines, l) => !indented(lines[l]) && (l === 0 || !opensBlock(lines[l - 1]));
// line l may go: a top-level simple statement followed by another top-level line
const removable = (lines, l) => l >= HEADER.length && l + 1 < lines.length && lines[l] !== '' &&
  !indented(lines[l]) && !opensBlock(lines[l]) && !indented(lines[l + 1]);

function findFrom(lines, from, ok) {
  for (let k = 0; k < lines.length; k++) {
    const l = (from + k) % lines.length;
    if (ok(lines, l)) return l;
  }
  return -1;
}

function charEdit(lines) {
  const line = pick(lines.length);
  const s = lines[line];
  let col = pick(s.length + 1);
  if (col > 0 && col < s.length && isLow(s.charCodeAt(col)) && isHigh(s.charCodeAt(col - 1))) col--;
  const del = col < s.length && rand() < 0.4 && SAFE.test(s[col]) ? (isHigh(s.charCodeAt(col)) ? 2 : 1) : 0;
  return { range: { start: { line, character: col }, end: { line, character: col + del } }, text: CHARS[pick(CHARS.length)] };
}

// One random edit of a document: in-line character edits (which may break the odd
// line, as a typing user does), whole snippets inserted at statement boundaries,
// top-level statements removed or replaced; so the documents stay mostly valid and
// keep their findings.
function randomEdit(lines) {
  const kind = pick(10);
  if (kind <= 3) return charEdit(lines);
  if (kind <= 5) {
    const l = findFrom(lines, pick(lines.length), insertable);
    if (l < 0) return charEdit(lines);
    return { range: { start: { line: l, character: 0 }, end: { line: l, character: 0 } }, text: snippet() + '\n' };
  }
  const l = findFrom(lines, pick(lines.length), removable);
  if (l < 0) return charEdit(lines);
  let n = 1;
  const want = 1 + pick(3);
  while (n < want && removable(lines, l + n)) n++;
  return { range: { start: { line: l, character: 0 }, end: { line: l + n, character: 0 } },
    text: kind <= 7 ? '' : snippet() + '\n' };
}

function makeDocument(i) {
  const lines = [...HEADER];
  let bytes = HEADER.join('\n').length + 1;
  while (bytes < opt.size) {
    const s = snippet();
    lines.push(...s.split('\n'));
    bytes += Buffer.byteLength(s) + 1;
  }
  lines.push('');  // the text ends with \n
  // one in eight is a test file (TST003 applies there only)
  const name = i % 8 === 5 ? `test_mod${i}.py` : `mod${i}.py`;
  return { i, uri: `file:///soak/pkg${i % 16}/${name}`, lines, version: 1, last: null, closeSent: false,
    closedEmpty: null, afterClose: 0, pending: [], pendingHead: 0 };
}

// ---------- measuring ----------

function rssKb(pid, field = 'VmRSS') {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : NaN;
  } catch { return NaN; }
}
const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`;
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const OPEN_RSS_OVER_TEXT = 30;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
async function waitUntil(pred, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (!pred()) {
    if (performance.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}
function cpuMs(pid) {  // user + system time of a process, from /proc/PID/stat (clock ticks of 10 ms)
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch { return NaN; }
}
function isSanitized(bin) {
  try { return fs.readFileSync(bin).includes('__asan_init'); } catch { return false; }
}
const ALARM = /AddressSanitizer|LeakSanitizer|runtime error|abort/i;
const diagKey = (d) => `${d.code}|${d.severity}|${d.range.start.line}:${d.range.start.character}-` +
  `${d.range.end.line}:${d.range.end.character}|${d.message}`;
const keys = (diags) => diags.map(diagKey).sort();

// Pipelined sends: at most `window` notifications wait in the client's writer; the
// oldest is awaited (the writer serialises in order) before another is queued, so
// when the server stops reading, the client stops sending.
function sender(conn) {
  const inflight = [];
  let head = 0;
  return {
    async send(type, params) {
      inflight.push(conn.sendNotification(type, params));
      if (inflight.length - head >= opt.window) {
        await inflight[head];
        inflight[head++] = undefined;
        if (head > 4096) { inflight.splice(0, head); head = 0; }
      }
    },
    async flush() { await Promise.all(inflight.slice(head)); inflight.length = 0; head = 0; },
  };
}

// ---------- the run ----------

const checks = [];
const check = (ok, what, detail = '') => checks.push({ ok, what, detail });

async function main() {
  const sanitized = isSanitized(process.env.PYREVIEW);
  const docs = Array.from({ length: opt.docs }, (_, i) => makeDocument(i));
  const byUri = new Map(docs.map((d) => [d.uri, d]));
  const latency = new Float64Array(opt.edits);
  let nLatency = 0, published = 0, stray = 0, backwards = 0;

  phase = 'initialize';
  const c = start();
  servers.push(c);
  // Replaces lsp_client's handler (one handler per method): that one keeps every
  // publish, which at this volume would be gigabytes; this keeps the last per document.
  const WARMUP = 'file:///soak/warmup/';
  let warm = null;
  c.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const now = performance.now();
    if (p.uri.startsWith(WARMUP)) { if (warm) warm(p); return; }
    const d = byUri.get(p.uri);
    published++;
    if (!d) { stray++; return; }
    if (p.version === undefined || p.version === null) {  // the publish of a close
      if (d.closeSent && d.closedEmpty === null) d.closedEmpty = p.diagnostics.length === 0;
      else stray++;
      return;
    }
    if (d.closedEmpty !== null) { d.afterClose++; return; }
    if (d.last && p.version < d.last.version) backwards++;
    d.last = { version: p.version, diagnostics: p.diagnostics };
    // every version sent up to this one is now reflected (the server may coalesce)
    while (d.pendingHead < d.pending.length && d.pending[d.pendingHead] <= p.version) {
      latency[nLatency++] = now - d.pending[d.pendingHead + 1];
      d.pendingHead += 2;
    }
    if (d.pendingHead === d.pending.length) { d.pending.length = 0; d.pendingHead = 0; }
  });
  await c.initialize({});
  const pid = c.proc.pid;
  // Warm-up: a tenth of the documents opened, reviewed and closed before the
  // start figure is read, so that it includes what every later document shares
  // (the parser's code and the grammar's tables paged in, the allocator's caches
  // and the parser's working buffers at their usual size), not per-document memory.
  const nWarm = Math.max(1, Math.round(opt.docs / 10));
  let warmSeen = 0;
  const warmed = (closed) => new Promise((resolve) => {
    warmSeen = 0;
    warm = (p) => { if ((p.version === undefined) === closed && ++warmSeen === nWarm) resolve(); };
  });
  let w = warmed(false);
  for (let i = 0; i < nWarm; i++) {
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type,
      { textDocument: { uri: `${WARMUP}m${i}.py`, languageId: 'python', version: 1, text: makeDocument(i).lines.join('\n') } });
  }
  await w;
  w = warmed(true);
  for (let i = 0; i < nWarm; i++)
    await c.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: `${WARMUP}m${i}.py` } });
  await w;
  await sleep(1000);
  const rss = { start: rssKb(pid), max: 0 };
  const sampler = setInterval(() => { rss.max = Math.max(rss.max, rssKb(pid) || 0); }, 200);
  let sentChanges = 0;
  const progress = opt.progress > 0 && setInterval(() => {
    console.error(`soak: ${secs(performance.now() - t0)} ${phase}: ${sentChanges} didChange sent, ` +
      `${published} publishes received, ${nLatency} edits published, server RSS ${mb(rssKb(pid))}`);
  }, opt.progress * 1000);
  const io = sender(c.conn);
  const totalBytes = docs.reduce((n, d) => n + Buffer.byteLength(d.lines.join('\n')), 0);

  phase = 'open';
  const tOpen = performance.now();
  for (const d of docs) {
    await io.send(DidOpenTextDocumentNotification.type,
      { textDocument: { uri: d.uri, languageId: 'python', version: 1, text: d.lines.join('\n') } });
  }
  await io.flush();
  const openedAll = await waitUntil(() => docs.every((d) => d.last), opt.settleTimeout * 1000);
  const openMs = performance.now() - tOpen;
  await sleep(1000);  // the server trims its heap 200 ms after the input goes quiet
  rss.opened = rssKb(pid);
  const openTextKb = docs.reduce((n, d) => n + Buffer.byteLength(d.lines.join('\n')), 0) / 1024;
  const openDiags = docs.reduce((n, d) => n + (d.last ? d.last.diagnostics.length : 0), 0);

  phase = 'edits';
  const tEdits = performance.now();
  const cpuEdits = cpuMs(pid);
  for (let e = 0; e < opt.edits; e++) {
    const d = docs[pick(docs.length)];
    const edit = randomEdit(d.lines);
    applyEdit(d.lines, edit.range, edit.text);
    d.version++;
    d.pending.push(d.version, performance.now());
    sentChanges++;
    await io.send(DidChangeTextDocumentNotification.type,
      { textDocument: { uri: d.uri, version: d.version }, contentChanges: [edit] });
  }
  await io.flush();
  const sentMs = performance.now() - tEdits;
  const backlog = sentChanges - nLatency;  // edits written to the server whose publish has not arrived
  phase = 'settle';
  const settled = await waitUntil(() => docs.every((d) => d.last && d.last.version === d.version),
    opt.settleTimeout * 1000);
  const editsMs = performance.now() - tEdits;
  const cpuPerEdit = (cpuMs(pid) - cpuEdits) / opt.edits;
  rss.edited = rssKb(pid);
  const behind = docs.filter((d) => !d.last || d.last.version !== d.version);
  check(openedAll && settled && behind.length === 0, 'every document\'s last publish carries the last version sent',
    behind.length ? `${behind.length} documents behind, e.g. ${behind[0].uri} sent v${behind[0].version}, ` +
      `last published v${behind[0].last ? behind[0].last.version : 'none'}` : '');
  check(backwards === 0, 'versions never go backwards', backwards ? `${backwards} publishes older than the one before` : '');

  phase = 'close';
  const tClose = performance.now();
  for (const d of docs) {
    d.closeSent = true;
    await io.send(DidCloseTextDocumentNotification.type, { textDocument: { uri: d.uri } });
  }
  await io.flush();
  const closedAll = await waitUntil(() => docs.every((d) => d.closedEmpty !== null), opt.settleTimeout * 1000);
  const closeMs = performance.now() - tClose;
  await sleep(1000);  // the server may trim memory on a short idle timer
  rss.closed = rssKb(pid);
  rss.hwm = rssKb(pid, 'VmHWM');
  clearInterval(sampler);
  if (progress) clearInterval(progress);
  const notClosed = docs.filter((d) => d.closedEmpty !== true);
  check(closedAll && notClosed.length === 0, 'every close got an empty publish',
    notClosed.length ? `${notClosed.length} documents without one, e.g. ${notClosed[0].uri}` : '');
  const late = docs.reduce((n, d) => n + d.afterClose, 0);
  check(late === 0 && stray === 0, 'nothing published after a close or for an unknown document',
    late || stray ? `${late} after close, ${stray} stray` : '');

  const rssLimit = rss.start + Math.max(0.10 * rss.start, opt.rssSlackKb);
  const rssOk = rss.closed <= rssLimit;
  const rssWhat = `RSS after closes <= start + max(10%, ${opt.rssSlackKb} KB) = ${mb(rssLimit)}`;
  const rssDetail = `start ${mb(rss.start)}, after closes ${mb(rss.closed)}`;
  if (opt.rssCheck && !sanitized) check(rssOk, rssWhat, rssDetail);
  else checks.push({ ok: true, what: `${rssWhat}: not asserted (${sanitized ? 'sanitizer build' : '--no-rss-check'})`,
    detail: `${rssDetail}, would ${rssOk ? 'pass' : 'fail'}`, skipped: true });
  // Syntax trees (25-50x their text) are kept for the 32 most recently touched
  // documents only: a burst of opens once left one with every document reviewed
  // after the burst's last open (72x the text here, 20x since).
  const openRatio = (rss.opened - rss.start) / openTextKb;
  const openWhat = `RSS with every document open <= start + ${OPEN_RSS_OVER_TEXT}x their text`;
  const openDetail = `start ${mb(rss.start)}, all open ${mb(rss.opened)}: ${openRatio.toFixed(1)}x ${mb(openTextKb)} of text`;
  if (opt.rssCheck && !sanitized) check(openRatio <= OPEN_RSS_OVER_TEXT, openWhat, openDetail);
  else checks.push({ ok: true, what: `${openWhat}: not asserted (${sanitized ? 'sanitizer build' : '--no-rss-check'})`,
    detail: openDetail, skipped: true });

  phase = 'shutdown';
  const exitA = await c.stop();
  check(exitA.code === 0 && exitA.signal === null, 'the server exits 0 after shutdown and exit', JSON.stringify(exitA));
  const errA = c.stderr();
  check(!ALARM.test(errA), 'nothing alarming on the server\'s stderr', ALARM.test(errA) ? errA.slice(0, 2000) : '');

  // ---------- the oracle: the final texts reviewed by a fresh server ----------
  phase = 'fresh review';
  const tFresh = performance.now();
  const f = start();
  servers.push(f);
  const fresh = new Map();
  f.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (p.version !== undefined && p.version !== null) fresh.set(p.uri, p);
  });
  await f.initialize({});
  const fio = sender(f.conn);
  const mismatched = [];
  let freshMissing = 0;
  const BATCH = 250;  // bounded memory in the fresh server
  for (let b = 0; b < docs.length; b += BATCH) {
    const batch = docs.slice(b, b + BATCH);
    for (const d of batch) {
      await fio.send(DidOpenTextDocumentNotification.type,
        { textDocument: { uri: d.uri, languageId: 'python', version: d.version, text: d.lines.join('\n') } });
    }
    await fio.flush();
    await waitUntil(() => batch.every((d) => fresh.has(d.uri) && fresh.get(d.uri).version === d.version),
      opt.settleTimeout * 1000);
    for (const d of batch) {
      const p = fresh.get(d.uri);
      if (!p || p.version !== d.version) { freshMissing++; continue; }
      const got = d.last ? keys(d.last.diagnostics) : [];
      const want = keys(p.diagnostics);
      if (got.length !== want.length || got.some((k, i) => k !== want[i])) mismatched.push({ d, got, want });
      fresh.delete(d.uri);
      await fio.send(DidCloseTextDocumentNotification.type, { textDocument: { uri: d.uri } });
    }
    await fio.flush();
  }
  const freshMs = performance.now() - tFresh;
  let dumpDir = '';
  if (mismatched.length) {  // keep the evidence: the texts and both sets, for the first few
    dumpDir = fs.mkdtempSync(path.join(os.tmpdir(), `pyreview-soak-${opt.seed}-`));
    for (const { d, got, want } of mismatched.slice(0, 5)) {
      const base = path.join(dumpDir, path.basename(d.uri));
      fs.writeFileSync(base, d.lines.join('\n'));
      fs.writeFileSync(`${base}.edited.txt`, got.join('\n') + '\n');
      fs.writeFileSync(`${base}.fresh.txt`, want.join('\n') + '\n');
    }
  }
  check(mismatched.length === 0 && freshMissing === 0, 'every final diagnostics set equals a fresh review of the final text',
    mismatched.length || freshMissing ? `${mismatched.length} differ, ${freshMissing} not reviewed by the fresh server` +
      (mismatched.length ? `; e.g. ${mismatched[0].d.uri}: edited ${mismatched[0].got.length} vs fresh ` +
        `${mismatched[0].want.length} diagnostics; texts and sets in ${dumpDir}` : '') : '');
  const finalDiags = docs.reduce((n, d) => n + (d.last ? d.last.diagnostics.length : 0), 0);
  check(finalDiags >= 5 * docs.length, 'the final documents still carry findings (5 a document on average at least)',
    `${finalDiags} in ${docs.length} documents`);
  const exitB = await f.stop();
  check(exitB.code === 0 && exitB.signal === null, 'the fresh server exits 0 after shutdown and exit', JSON.stringify(exitB));
  const errB = f.stderr();
  check(!ALARM.test(errB), 'nothing alarming on the fresh server\'s stderr', ALARM.test(errB) ? errB.slice(0, 2000) : '');

  // ---------- summary ----------
  const lat = Array.from(latency.subarray(0, nLatency)).sort((a, b) => a - b);
  const serverLines = (errA + errB).split('\n').filter(Boolean);
  const failed = checks.filter((k) => !k.ok);
  const out = [
    `pyreview soak: ${process.env.PYREVIEW}${sanitized ? ' (sanitizer build)' : ''}, seed ${opt.seed}, window ${opt.window}`,
    `  documents   ${docs.length} (${mb(totalBytes / 1024)} at open, ${(totalBytes / docs.length / 1024).toFixed(1)} KB each)`,
    `  edits       ${opt.edits} didChange, ${published} publishes received`,
    `  time        open ${secs(openMs)}, edits ${secs(editsMs)} (sent in ${secs(sentMs)}), close ${secs(closeMs)}, ` +
      `fresh review ${secs(freshMs)}, total ${secs(performance.now() - t0)}`,
    `  throughput  ${Math.round(opt.edits / (editsMs / 1000))} edits/s (first didChange to the last version's publish); ` +
      `server CPU ${cpuPerEdit.toFixed(2)} ms an edit`,
    `  latency     didChange -> publish of its version: p50 ${percentile(lat, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(lat, 99).toFixed(1)} ms, max ${percentile(lat, 100).toFixed(1)} ms ` +
      `(${lat.length} samples; under saturation, so mostly queueing)`,
    `  backlog     ${backlog} edits not yet published when the last didChange was written ` +
      `(a server that stops reading while its output backs up keeps this near the pipes' capacity)`,
    `  findings    ${openDiags} at open, ${finalDiags} at the end (${(finalDiags / docs.length).toFixed(1)} a document)`,
    `  RSS         start ${mb(rss.start)}, all open ${mb(rss.opened)}, after edits ${mb(rss.edited)}, ` +
      `sampled max ${mb(rss.max)}, high-water ${mb(rss.hwm)}, after closes ${mb(rss.closed)} ` +
      `(limit ${mb(rssLimit)}; ${((rss.edited - rss.start) / docs.length).toFixed(0)} KB a document while open)`,
    `  stderr      ${serverLines.length} line(s) from the servers${serverLines.length ? `, first: ${serverLines[0].slice(0, 200)}` : ''}`,
    '  checks',
    ...checks.map((k) => `    ${k.skipped ? 'SKIP' : k.ok ? 'pass' : 'FAIL'}  ${k.what}${k.detail && (!k.ok || k.skipped) ? `: ${k.detail}` : ''}`),
    `  result      ${failed.length ? `FAIL (${failed.length} of ${checks.length} checks)` : 'PASS'}`,
  ];
  console.log(out.join('\n'));
  return failed.length ? 1 : 0;
}

main().then((code) => { clearTimeout(overall); process.exit(code); }, (err) => {
  console.error(`soak: FAIL during "${phase}": ${err && err.stack ? err.stack : err}`);
  for (const c of servers) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  process.exit(3);
});
