/* serverPath.ts - finds the pyreview binary the extension starts.
 *
 * Order: the `pyreview.path` setting, else the binary bundled in the
 * extension (bin/pyreview, linux-x64 builds only), else `pyreview` on PATH.
 * A configured path that is not an executable file is an error, never a
 * silent fall-back: the user asked for that binary. Plain Node.js (no `vscode`
 * import) so the unit tests run it with `node --test`; the file system is
 * reached only through `isExecutable`, which the tests replace.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type ServerSource = 'setting' | 'bundled' | 'path';

export type Resolution =
  | { ok: true; command: string; source: ServerSource }
  | { ok: false; message: string };

export interface ResolveInput {
  /** the `pyreview.path` setting; empty or blank means "not set" */
  configuredPath?: string;
  /** the extension's install folder (context.extensionPath) */
  extensionPath: string;
  /** the first workspace folder: a relative `pyreview.path` is taken from there */
  workspaceFolder?: string;
  platform: string;
  arch: string;
  /** the PATH to search, as in process.env.PATH */
  envPath?: string;
  homeDir?: string;
  isExecutable?: (file: string) => boolean;
}

/** The only platform the package script bundles a binary for. */
export const BUNDLED_TARGET = { platform: 'linux', arch: 'x64' };
export const BINARY_NAME = 'pyreview';

export function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `~` and `~/...` name the home folder; a relative path is taken from the workspace. */
export function expandConfiguredPath(p: string, homeDir: string, workspaceFolder?: string): string {
  let out = p.trim();
  if (out === '~') out = homeDir;
  else if (out.startsWith('~/')) out = path.join(homeDir, out.slice(2));
  if (!path.isAbsolute(out) && workspaceFolder) out = path.join(workspaceFolder, out);
  return out;
}

export function resolveServer(input: ResolveInput): Resolution {
  const isExec = input.isExecutable ?? isExecutableFile;
  const configured = (input.configuredPath ?? '').trim();
  if (configured) {
    const file = expandConfiguredPath(configured, input.homeDir ?? os.homedir(), input.workspaceFolder);
    if (isExec(file)) return { ok: true, command: file, source: 'setting' };
    return {
      ok: false,
      message: `The setting "pyreview.path" is ${JSON.stringify(configured)}, which is not an executable file. ` +
        'Set it to the pyreview binary, or clear it to use the bundled binary or pyreview on PATH.',
    };
  }
  if (input.platform === BUNDLED_TARGET.platform && input.arch === BUNDLED_TARGET.arch) {
    const bundled = path.join(input.extensionPath, 'bin', BINARY_NAME);
    if (isExec(bundled)) return { ok: true, command: bundled, source: 'bundled' };
  }
  for (const dir of (input.envPath ?? '').split(path.delimiter)) {
    if (!dir) continue;  // an empty PATH entry means the current folder, which is not where a server lives
    const candidate = path.join(dir, BINARY_NAME);
    if (isExec(candidate)) return { ok: true, command: candidate, source: 'path' };
  }
  return {
    ok: false,
    message: 'Cannot find the pyreview language server: no binary is bundled for ' +
      `${input.platform}-${input.arch} and "pyreview" is not on PATH. ` +
      'Set "pyreview.path" to the pyreview binary.',
  };
}
