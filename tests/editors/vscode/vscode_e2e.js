// vscode_e2e.js - drives VS Code (code-server) in headless chromium through
// playwright-core and checks what a user sees of pyreview. Started by
// run_vscode.sh, which has installed the .vsix and started code-server on a
// copy of fixture/ (never the repository's files: the test edits the buffer
// but never saves).
//   CS_URL     code-server's address      CS_FOLDER  the opened folder
//   PR_SHOTS   where the screenshots go   PR_STEP_TIMEOUT_MS  per-wait bound (default 20000)
//
// Checks, on fixture/test_orders.py:
//   1. squiggles: an error (SEC001) and warnings (DED001, TST001) are drawn;
//      the status-bar item of the extension says the server runs;
//   2. the Problems panel lists exactly SEC001 at 9:20, DED001 at 21:9 and
//      TST001 at 23:9, each from pyreview;
//   3. hovering the SQL injection shows the rule's documentation
//      ("SEC001 sql-injection", "What it does");
//   4. the light bulb on line 23 offers TST001's fix; choosing it turns the line
//      into `self.assertEqual(row[1], 30)` and TST001 leaves the Problems panel;
//   5. "pyreview: Fix all" from the command palette applies the remaining fix
//      (DED001 removes the unused assignment) and leaves only SEC001, which
//      has no fix.
// Output: one line per step; exit 0 when every check passed, 1 otherwise (the
// failing step's screenshot is error.png).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { chromium } = require('playwright-core');

const BASE = process.env.CS_URL;
const FOLDER = process.env.CS_FOLDER;
const SHOTS = process.env.PR_SHOTS;
const STEP = Number(process.env.PR_STEP_TIMEOUT_MS || 20000);
const FILE = 'test_orders.py';

const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const flat = (s) => s.replace(/\s+/g, ' ').trim();

/** Problems-panel rows as "CODE@line:col", sorted. */
async function problems(page) {
  const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  const out = [];
  for (const r of rows) {
    const t = flat(r);
    const m = t.match(/pyreview\(?\s*([A-Z]{3}\d{3})\)?.*\[Ln (\d+), Col (\d+)\]/);
    if (m) out.push(`${m[1]}@${m[2]}:${m[3]}`);
    else if (/\[Ln \d+, Col \d+\]/.test(t)) out.push(`?${t}`);
  }
  return out.sort();
}

async function waitForProblems(page, expected, what) {
  const deadline = Date.now() + STEP;
  let got = [];
  while (Date.now() < deadline) {
    got = await problems(page);
    if (JSON.stringify(got) === JSON.stringify(expected)) return got;
    await page.waitForTimeout(200);
  }
  throw new Error(`${what}: Problems panel shows ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
}

/** The text of editor line n (1-based), read from the model through the DOM's rendered lines. */
async function lineText(page, n) {
  // Go to the line (Ctrl+G) so it is rendered, then read the line holding the cursor.
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await page.waitForTimeout(150);
  const top = await page.locator('.monaco-editor .current-line').first().evaluate((e) => e.getBoundingClientRect().top);
  const lines = page.locator('.monaco-editor .view-lines .view-line');
  const count = await lines.count();
  for (let i = 0; i < count; i++) {
    const l = lines.nth(i);
    const tp = await l.evaluate((e) => e.getBoundingClientRect().top);
    if (Math.abs(tp - top) < 2) return (await l.innerText()).replace(/\u00a0/g, ' ');
  }
  throw new Error(`line ${n} is not rendered`);
}

(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const profile = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
    env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  let rc = 1;
  try {
    await page.goto(`${BASE}/?folder=${encodeURIComponent(FOLDER)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first();
    await row.waitFor({ timeout: STEP });
    await row.dblclick();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: STEP });
    log('OK editor open');

    // 1. squiggles and the status-bar item
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: STEP });
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: STEP });
    const item = page.locator('.statusbar-item', { hasText: 'pyreview' }).first();
    await item.locator('.codicon-check').waitFor({ timeout: STEP });
    log('OK squiggles drawn; status bar:', flat(await item.innerText()), '(running)');

    // 2. the Problems panel
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: STEP });
    const open = ['DED001@21:9', 'SEC001@9:20', 'TST001@23:9'];
    await waitForProblems(page, open, 'open');
    log('OK problems:', open.join(' '));
    await page.screenshot({ path: path.join(SHOTS, 'problems.png') });

    // 3. hover the SQL injection
    const editor = page.locator('.monaco-editor .view-lines').first();
    await editor.click();
    const err = page.locator('.monaco-editor .squiggly-error').first();
    // the click re-renders the lines: the squiggle may be detached for a moment
    // (seen under ASan, where everything is slower), so wait until it has a box
    let box = null;
    for (const t0 = Date.now(); !box && Date.now() - t0 < STEP;) {
      await err.waitFor({ state: 'visible', timeout: STEP });
      box = await err.boundingBox();
      if (!box) await page.waitForTimeout(100);
    }
    if (!box) throw new Error('the SQL injection squiggle never got a place on the screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:visible', { hasText: 'What it does' }).first();
    await hover.waitFor({ timeout: STEP });
    const hoverText = flat(await hover.innerText());
    if (!hoverText.includes('SEC001 sql-injection')) throw new Error(`hover: no "SEC001 sql-injection" in ${hoverText}`);
    log('OK hover:', hoverText.slice(0, 90), '...');
    await page.screenshot({ path: path.join(SHOTS, 'hover.png') });
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 400);

    // 4. the light bulb on line 23
    const before = await lineText(page, 23);
    if (!before.includes('self.assertTrue(row[1] == 30)')) throw new Error(`line 23 reads ${JSON.stringify(before)}`);
    await page.keyboard.press('End');
    const bulb = page.locator('.monaco-editor .lightBulbWidget .codicon, .monaco-editor .lightBulbWidget').first();
    await bulb.waitFor({ state: 'visible', timeout: STEP });
    await bulb.click();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'assertEqual' }).first();
    await fix.waitFor({ timeout: STEP });
    const offered = flat((await page.locator('.action-widget .monaco-list-row').allInnerTexts()).join(' | '));
    log('OK light bulb offers:', offered);
    await page.screenshot({ path: path.join(SHOTS, 'lightbulb.png') });
    // The menu takes keys: move the focus to the fix, then Enter (a mouse click
    // on the row is not delivered reliably while the menu animates in).
    for (let i = 0; i < 10; i++) {
      const focused = flat(await page.locator('.action-widget .monaco-list-row.focused').first().innerText());
      if (focused.includes('assertEqual')) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await waitForProblems(page, ['DED001@21:9', 'SEC001@9:20'], 'after the quick fix');
    const after = await lineText(page, 23);
    if (!after.includes('self.assertEqual(row[1], 30)')) throw new Error(`after the quick fix line 23 reads ${JSON.stringify(after)}`);
    log('OK quick fix: line 23 reads', flat(after));

    // 5. pyreview: Fix all
    await page.keyboard.press('F1');
    await page.keyboard.type('pyreview: Fix all');
    const cmd = page.locator('.quick-input-list .monaco-list-row', { hasText: 'pyreview: Fix all' }).first();
    await cmd.waitFor({ timeout: STEP });
    await page.keyboard.press('Enter');
    await waitForProblems(page, ['SEC001@9:20'], 'after Fix all');
    const l21 = await lineText(page, 21);
    if (l21.includes('unused_total')) throw new Error(`after Fix all line 21 still reads ${JSON.stringify(l21)}`);
    log('OK fix all: DED001 fixed, line 21 reads', flat(l21));
    await page.screenshot({ path: path.join(SHOTS, 'fixed.png') });
    rc = 0;
  } catch (e) {
    log('FAIL:', e.message.split('\n')[0]);
    await page.screenshot({ path: path.join(SHOTS, 'error.png') }).catch(() => {});
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.exit(rc);
})();
