// Security posture (docs/reliability.md), checked on the system calls the real
// server makes under strace during a session: it never starts a program, never
// opens a socket, never writes a file (nothing but stdout and stderr), and never
// opens a workspace file but the project's configuration (pyproject.toml,
// pyreview.toml; an open document's text is the client's, a workspace/diagnostic
// request is the one place Python files are read from disk, tested apart).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { start } = require('./lsp_client');
const {
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidSaveTextDocumentNotification,
  DidCloseTextDocumentNotification,
} = require('vscode-languageserver-protocol/node');

test('the server executes nothing, opens no socket, writes no file and reads no workspace file but its configuration', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-posture-'));
  const trace = path.join(dir, 'strace.log');
  const ws = path.join(dir, 'ws');
  fs.mkdirSync(ws);
  const file = path.join(ws, 'jobs.py');
  fs.writeFileSync(file, 'import os\nos.system("rm -rf /")\n');  // on disk: never read, never run
  fs.writeFileSync(path.join(ws, 'pyproject.toml'), '[tool.pyreview]\n');
  // LeakSanitizer cannot run under ptrace; the sanitizer build checks leaks elsewhere
  if (process.env.ASAN_OPTIONS) process.env.ASAN_OPTIONS = process.env.ASAN_OPTIONS.replace('detect_leaks=1', 'detect_leaks=0');
  const c = start(['serve', '--stdio'], ['strace', '-f', '-qq', '-o', trace,
    '-e', 'trace=pipe,pipe2,eventfd2,execve,execveat,fork,vfork,clone,clone3,socket,connect,bind,open,openat,creat,unlink,unlinkat,rename,renameat,renameat2,mkdir,mkdirat,truncate,ftruncate,write,writev,pwrite64']);
  try {
    const uri = 'file://' + file;
    await c.initialize({}, { rootUri: 'file://' + ws, workspaceFolders: [{ uri: 'file://' + ws, name: 'ws' }] });
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type,
      { textDocument: { uri, languageId: 'python', version: 1, text: 'import os\neval(input())\n' } });
    await c.diagnosticsFor(uri, 1);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type,
      { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'x = 1\n' }] });
    await c.diagnosticsFor(uri, 2);
    await c.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    await c.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await c.waitFor((p) => p.uri === uri && p.version === undefined, 'the close publish');
  } finally { assert.equal((await c.stop()).code, 0); }
  const lines = fs.readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  const calls = (re) => lines.filter((l) => re.test(l));
  assert.ok(lines.length > 5, 'strace recorded the session');
  assert.equal(calls(/\bexecve(at)?\(/).length, 1, `one execve, the server's own:\n${calls(/exec/).join('\n')}`);
  assert.deepEqual(calls(/\b(v?fork|socket|connect|bind)\(/), []);
  // clone only for threads (the server has none today; libuv's pool would be CLONE_THREAD)
  assert.deepEqual(calls(/\bclone3?\(/).filter((l) => !/CLONE_THREAD/.test(l)), []);
  assert.deepEqual(calls(/\b(creat|unlink(at)?|rename(at2?)?|mkdir(at)?|truncate|ftruncate)\(/), []);
  const opens = calls(/\bopen(at)?\(/);
  assert.deepEqual(opens.filter((l) => /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/.test(l)), [], 'every open is read-only');
  const wsOpens = opens.filter((l) => l.includes(ws));
  assert.deepEqual(wsOpens.filter((l) => !/\/(pyproject|pyreview)\.toml"/.test(l)), [],
    'no workspace file but the configuration is opened');
  assert.ok(wsOpens.length >= 1, 'the project configuration is read');
  // libuv wakes its own loop through pipes and eventfds it made: those are not files
  const own = new Set(['1', '2']);
  for (const l of calls(/\b(pipe2?|eventfd2)\(/)) {
    const m = l.match(/pipe2?\(\[(\d+), (\d+)\]/);
    if (m) { own.add(m[1]); own.add(m[2]); }
    const e = l.match(/eventfd2\(.*\)\s+=\s+(\d+)/);
    if (e) own.add(e[1]);
  }
  const writes = calls(/\b(write|writev|pwrite64)\(\d+/).filter((l) => !own.has(l.match(/\((\d+)/)[1]));
  assert.deepEqual(writes, [], 'only stdout, stderr and the loop\'s own wake-up pipes are written');
  fs.rmSync(dir, { recursive: true, force: true });
});
