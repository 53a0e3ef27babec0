/* settings.ts - maps the extension's `pyreview.*` settings to the object the
 * language server receives as the "pyreview" configuration section (answer to
 * workspace/configuration, and the payload of workspace/didChangeConfiguration).
 *
 * The keys are those of `[tool.pyreview]` in pyproject.toml (`select`,
 * `max-statements`, `test-patterns`, ...) so the server can read both with one
 * parser. Only settings the user has set are sent: a missing key leaves the
 * project's own configuration in force. Values of the wrong shape are dropped
 * and reported in `problems` (shown in the output channel), never sent.
 * Plain Node.js (no `vscode` import), tested with `node --test`.
 */

/** Setting name (after "pyreview.") -> server key, with the value's shape. */
export const FORWARDED_SETTINGS: ReadonlyArray<{ setting: string; key: string; kind: 'codes' | 'globs' | 'severity' | 'count' }> = [
  { setting: 'select', key: 'select', kind: 'codes' },
  { setting: 'ignore', key: 'ignore', kind: 'codes' },
  { setting: 'severity', key: 'severity', kind: 'severity' },
  { setting: 'maxStatements', key: 'max-statements', kind: 'count' },
  { setting: 'maxTestStatements', key: 'max-test-statements', kind: 'count' },
  { setting: 'maxComplexity', key: 'max-complexity', kind: 'count' },
  { setting: 'maxParameters', key: 'max-parameters', kind: 'count' },
  { setting: 'maxNesting', key: 'max-nesting', kind: 'count' },
  { setting: 'testPatterns', key: 'test-patterns', kind: 'globs' },
];

export const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;

export type ServerSettings = Record<string, string[] | Record<string, string> | number>;

export interface MappedSettings {
  settings: ServerSettings;
  problems: string[];
}

/** `lookup(name)` returns the user's value for "pyreview.<name>", or undefined when unset. */
export function toServerSettings(lookup: (name: string) => unknown): MappedSettings {
  const settings: ServerSettings = {};
  const problems: string[] = [];
  for (const { setting, key, kind } of FORWARDED_SETTINGS) {
    const value = lookup(setting);
    if (value === undefined || value === null) continue;
    const name = `pyreview.${setting}`;
    if (kind === 'codes' || kind === 'globs') {
      if (!Array.isArray(value)) {
        problems.push(`${name} must be a list of strings; ignored`);
        continue;
      }
      const items: string[] = [];
      for (const item of value) {
        if (typeof item === 'string' && item.trim() !== '') items.push(item.trim());
        else problems.push(`${name}: ${JSON.stringify(item)} is not a non-empty string; left out`);
      }
      settings[key] = items;
    } else if (kind === 'severity') {
      if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`${name} must be an object mapping rule codes to a severity; ignored`);
        continue;
      }
      const map: Record<string, string> = {};
      for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
        const l = typeof level === 'string' ? level.trim().toLowerCase() : level;
        if (typeof l === 'string' && (SEVERITIES as readonly string[]).includes(l) && code.trim() !== '') {
          map[code.trim()] = l;
        } else {
          problems.push(`${name}: ${JSON.stringify(code)} -> ${JSON.stringify(level)} is not one of ` +
            `${SEVERITIES.join('/')}; left out`);
        }
      }
      if (Object.keys(map).length > 0) settings[key] = map;
    } else {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
        problems.push(`${name} must be a whole number of at least 1, not ${JSON.stringify(value)}; ignored`);
        continue;
      }
      settings[key] = value;
    }
  }
  return { settings, problems };
}
