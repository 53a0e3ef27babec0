#!/usr/bin/env node
// package.js - `npm run package`: compiles the extension, bundles the pyreview
// binary for linux-x64 and writes the .vsix with @vscode/vsce.
//   PYREVIEW     the binary to bundle (default: ../build/pyreview)
//   PYREVIEW_VSIX where to write the .vsix (default: pyreview-linux-x64-<version>.vsix here)
//   PYREVIEW_SKIP_TYPECHECK=1  bundle without running tsc first (the VS Code test
//                 sets it: `npm test`, the vscode.unit test, type-checks the same sources)
// The binary is required: a linux-x64 .vsix without its server would only work
// for people who also have pyreview on PATH, and nothing would say so.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const binary = path.resolve(root, process.env.PYREVIEW || '../build/pyreview');
const out = path.resolve(root, process.env.PYREVIEW_VSIX || `pyreview-linux-x64-${pkg.version}.vsix`);

function run(script, args) {
  execFileSync(process.execPath, [path.join(root, 'node_modules', script), ...args], { cwd: root, stdio: 'inherit' });
}

if (!fs.existsSync(binary)) {
  console.error(`package: ${binary} does not exist; build pyreview first (cmake -S . -B build && cmake --build build) or set PYREVIEW`);
  process.exit(1);
}
execFileSync('npm', ['run', '--silent', process.env.PYREVIEW_SKIP_TYPECHECK === '1' ? 'bundle' : 'compile'],
  { cwd: root, stdio: 'inherit' });
fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
fs.copyFileSync(binary, path.join(root, 'bin', 'pyreview'));
fs.chmodSync(path.join(root, 'bin', 'pyreview'), 0o755);
// No repository field yet: relative links in the README stay relative, which
// VS Code resolves inside the installed extension.
// --no-dependencies: dist/extension.js already holds vscode-languageclient.
run('@vscode/vsce/vsce', ['package', '--target', 'linux-x64', '--allow-missing-repository',
  '--no-rewrite-relative-links', '--no-dependencies', '-o', out]);
