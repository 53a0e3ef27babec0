/* extension.ts - the VS Code side of pyreview: starts `pyreview serve --stdio`
 * through vscode-languageclient, and adds the commands, the output channel and
 * the status-bar item. Finding the binary (serverPath.ts) and shaping the
 * settings for the server (settings.ts) are plain modules tested without
 * VS Code; this file only wires them to the editor.
 *
 * Lifetime: everything created here is disposed through context.subscriptions
 * or, for the client, by stopClient() (deactivate, restart).
 */
import * as vscode from 'vscode';
import {
  LanguageClient, LanguageClientOptions, ServerOptions, State, RevealOutputChannelOn,
} from 'vscode-languageclient/node';
import { resolveServer } from './serverPath';
import { toServerSettings } from './settings';

const SECTION = 'pyreview';
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('pyreview');

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let extensionPath = '';

/** The user's own value of pyreview.<name> (folder, workspace or user), undefined when unset. */
function userValue(name: string, scope?: vscode.Uri): unknown {
  const i = vscode.workspace.getConfiguration(SECTION, scope).inspect(name);
  if (!i) return undefined;
  return i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue;
}

function serverSettings(scope?: vscode.Uri): object {
  const { settings, problems } = toServerSettings((name) => userValue(name, scope));
  for (const p of problems) output.appendLine(`[settings] ${p}`);
  return settings;
}

function setStatus(text: string, tooltip: string, error = false): void {
  status.text = text;
  status.tooltip = tooltip;
  status.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.show();
}

async function startClient(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const found = resolveServer({
    configuredPath: vscode.workspace.getConfiguration(SECTION).get<string>('path'),
    extensionPath,
    workspaceFolder: folder?.scheme === 'file' ? folder.fsPath : undefined,
    platform: process.platform,
    arch: process.arch,
    envPath: process.env.PATH,
  });
  if (!found.ok) {
    output.appendLine(`[client] ${found.message}`);
    setStatus('$(error) pyreview', `pyreview: server not found. ${found.message}`, true);
    // One notification per attempt (activation, restart, a change of pyreview.path).
    void vscode.window.showErrorMessage(`pyreview: ${found.message}`, 'Open setting').then((pick) => {
      if (pick) void vscode.commands.executeCommand('workbench.action.openSettings', 'pyreview.path');
    });
    return;
  }
  output.appendLine(`[client] starting ${found.command} serve --stdio (${found.source})`);

  // No `transport`: TransportKind.stdio would append a second --stdio.
  const serverOptions: ServerOptions = { command: found.command, args: ['serve', '--stdio'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      { scheme: 'vscode-notebook-cell', language: 'python' },
    ],
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    synchronize: { configurationSection: SECTION },
    middleware: {
      workspace: {
        // workspace/configuration: the "pyreview" section in the server's shape;
        // any other section VS Code answers as usual.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => item.section === SECTION
            ? serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
            : answers[i]);
        },
        // workspace/didChangeConfiguration carries the same shape.
        didChangeConfiguration: async (sections, next) => {
          if (!client || !sections?.includes(SECTION)) return next(sections);
          await client.sendNotification('workspace/didChangeConfiguration', {
            settings: { [SECTION]: serverSettings(folder) },
          });
        },
      },
    },
  };
  const c = new LanguageClient(SECTION, 'pyreview', serverOptions, clientOptions);
  client = c;
  // After a failed start the client may still try to restart the server; a
  // "starting" state must not hide the failure, only "running" clears it.
  let failed = false;
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      failed = false;
      const v = c.initializeResult?.serverInfo?.version;
      setStatus('$(check) pyreview', `pyreview${v ? ' ' + v : ''} is running (${found.command}). Click for the log.`);
    } else if (e.newState === State.Starting) {
      if (failed) return;
      setStatus('$(sync~spin) pyreview', 'pyreview is starting');
    } else {
      setStatus('$(error) pyreview', 'pyreview has stopped. Run "pyreview: Restart server" to start it again.', true);
    }
  });
  setStatus('$(sync~spin) pyreview', 'pyreview is starting');
  try {
    await c.start();
  } catch (e) {
    failed = true;
    output.appendLine(`[client] the server did not start: ${e instanceof Error ? e.message : String(e)}`);
    setStatus('$(error) pyreview', 'pyreview did not start; see the output channel.', true);
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try { await c.stop(); } catch { /* already gone: nothing to stop */ }
  }
}

async function restart(): Promise<void> {
  await stopClient();
  await startClient();
}

/** Applies pyreview's source.fixAll action to the active Python editor. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'python') {
    void vscode.window.showInformationMessage('pyreview: open a Python file to fix.');
    return;
  }
  const doc = editor.document;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  // the server lists fix-all without its edit and computes it on resolve
  // (codeAction/resolve): ask VS Code to resolve the first action
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND.value, 1) ?? [];
  const action = actions.find((a) => a.kind && FIX_ALL_KIND.contains(a.kind));
  if (!action) {
    void vscode.window.showInformationMessage('pyreview: nothing to fix in this file.');
    return;
  }
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('pyreview');
  status = vscode.window.createStatusBarItem('pyreview.status', vscode.StatusBarAlignment.Left, 0);
  status.name = 'pyreview';
  status.command = 'pyreview.showOutput';
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('pyreview.restart', restart),
    vscode.commands.registerCommand('pyreview.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('pyreview.fixAll', fixAll),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('pyreview.path')) void restart();
    }),
  );
  await startClient();
}

export function deactivate(): Promise<void> {
  return stopClient();
}
