// A language client for the protocol tests: the real vscode-languageserver-protocol
// library over the server's stdio, plus helpers to wait for published diagnostics.
'use strict';
const cp = require('node:child_process');
const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, PublishDiagnosticsNotification,
  ShutdownRequest, ExitNotification,
} = require('vscode-languageserver-protocol/node');

const SERVER = process.env.PYREVIEW;
if (!SERVER) throw new Error('set PYREVIEW to the pyreview binary');
const TIMEOUT_MS = process.env.PR_TEST_SLOW ? 120000 : 20000;  // valgrind (tools/valgrind.sh) is slow
// DOC100 (missing-module-docstring) is a hint at 0:0 on almost every snippet
// these tests open; they are about the protocol, so the client drops it
// (tests/rules/DOC100 covers the rule).
const IGNORED_CODES = new Set(['DOC100']);

// prefix: a command line the server is started under (strace, valgrind ...), or [].
function start(args = ['serve', '--stdio'], prefix = []) {
  const argv = [...prefix, SERVER, ...args];
  const proc = cp.spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const logged = [];
  const logger = { error: (m) => logged.push(m), warn: (m) => logged.push(m), info() {}, log() {} };
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin), logger);
  const published = [];
  const waiters = new Set();
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (Array.isArray(p.diagnostics)) p.diagnostics = p.diagnostics.filter((d) => !IGNORED_CODES.has(d.code));
    published.push(p);
    for (const w of waiters) w();
  });
  conn.listen();
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));

  function waitFor(pred, what) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = published.find(pred);
        if (hit) { done(); resolve(hit); }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what}; published: ${JSON.stringify(published)}; stderr: ${stderr}`));
      }, TIMEOUT_MS);
      const done = () => { clearTimeout(timer); waiters.delete(check); };
      waiters.add(check);
      check();
    });
  }
  const diagnosticsFor = (uri, version) =>
    waitFor((p) => p.uri === uri && (version === undefined || p.version === version), `diagnostics of ${uri} v${version}`);

  async function initialize(capabilities = {}, extra = {}) {
    const result = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, ...extra });
    await conn.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async function stop() {
    try {
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    const timer = setTimeout(() => proc.kill('SIGKILL'), process.env.PR_TEST_SLOW ? 60000 : 5000);
    const r = await exited;
    clearTimeout(timer);
    conn.dispose();
    return r;
  }
  return { proc, conn, published, logged, initialize, diagnosticsFor, waitFor, stop, exited, stderr: () => stderr };
}

module.exports = { start };
