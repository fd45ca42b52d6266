// End-to-end test of the built page (dist/) in headless Chromium, driven by playwright-core.
// Run by scripts/test.d/20-browser, which builds dist/ first. Needs /usr/bin/chromium,
// ../shared/koji-configs/1.6.0/kojiweb.conf (the stock Koji 1.6 file, read at test time) and
// ../shared/koji-releases/1.21.0/{kojira,kojid}.conf (stock Koji 1.21 files).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { freePort, waitForServer, countWorkerAnswers } from './support.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stockWeb = join(root, '..', 'shared', 'koji-configs', '1.6.0', 'kojiweb.conf');
const stock121 = (name) => join(root, '..', 'shared', 'koji-releases', '1.21.0', name);
const artifacts = join(root, 'target', 'e2e');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let server, context, page, origin, work;
const requests = [];
const consoleErrors = [];



before(async () => {
  assert.ok(existsSync(join(dist, 'index.html')), 'dist/index.html missing: run scripts/build-web');
  mkdirSync(artifacts, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'koji-migrate-e2e-'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dist],
    { stdio: 'ignore' });
  await waitForServer(`${origin}/index.html`);
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(countWorkerAnswers);
  page = context.pages()[0] ?? await context.newPage();
  page = await openPage('', page);
});

/// Opens the page at `fragment` (in `p`, else a new tab), recording its console errors.
async function openPage(fragment, p) {
  p ??= await context.newPage();
  // Generous bounds for a loaded machine: every wait ends as soon as its state is there.
  p.setDefaultTimeout(60000);
  p.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  p.on('pageerror', (e) => consoleErrors.push(String(e)));
  await p.goto(`${origin}/${fragment}`);
  await p.getByRole('heading', { name: 'koji-migrate' }).waitFor();
  return p;
}

after(async () => {
  await context?.close();
  server?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

/// Retries `check` (an async function that asserts) until it passes, like Playwright's web-first
/// assertions: the page renders after each action in its own time, so a test waits for the state
/// it asserts instead of asserting right away. Gives up with the last failure after `timeout` ms,
/// a bound generous enough for a loaded machine; it never makes a passing test slower.
async function until(check, timeout = 60000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/// Waits until the outputs show the current inputs' result whole: its notes and steps are drawn
/// in a task after its diff is painted, and the outputs' `aria-busy` stays "true" until then.
async function settled(p) {
  await p.locator('section.outputs[aria-busy="false"]').waitFor({ state: 'attached' });
}

/// The input tabs and the produced-file tabs, scoped so that a file name matches one tab only.
const inputTab = (name, p = page) => p.getByRole('tablist', { name: 'Inputs' }).getByRole('tab', { name });
const outputTab = (name, p = page) => p.getByRole('tablist', { name: 'Produced files' }).getByRole('tab', { name });
/// The release selects.
const fromSelect = (p = page) => p.getByLabel('From Koji', { exact: true });
const toSelect = (p = page) => p.getByLabel('to Koji', { exact: true });
const releasesShown = (p, from, to) => until(async () => {
  assert.equal(await fromSelect(p).inputValue(), from);
  assert.equal(await toSelect(p).inputValue(), to);
});

async function download(button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = join(work, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path };
}

test('choosing the release updates the URL fragment, without a history entry', async () => {
  // The newest release by default, which mod_python cannot run.
  await releasesShown(page, '', '1.35');
  assert.ok(await page.getByLabel(/Stay on mod_python/).isDisabled());
  await page.getByText('Koji 1.14 removed mod_python').waitFor();
  const entries = await page.evaluate(() => history.length);
  // The tests below check what 1.7 does (mod_python mode, web.conf, the 1.7 schema upgrade).
  await toSelect().selectOption('1.7');
  await page.getByRole('heading', { name: '2. Koji 1.7 files' }).waitFor();
  await until(async () => assert.equal(await page.evaluate(() => location.hash), '#to=1.7'));
  assert.equal(await page.evaluate(() => history.length), entries);
  assert.ok(await page.getByLabel(/Stay on mod_python/).isEnabled());
});

test('pasting the stock 1.6 kojiweb.conf shows the diff and the notes', async () => {
  const text = readFileSync(stockWeb, 'utf8');
  await page.getByLabel(/Contents of/).fill(text);
  await page.locator('table.diff.split tr.row.replace').first().waitFor();
  const rows = await page.locator('table.diff tr.row').count();
  assert.ok(rows > 5, `only ${rows} diff rows`);
  // Changed words are marked, and +/− markers are text, not colour alone.
  assert.ok(await page.locator('table.diff tr.row.replace mark').count() > 0);
  assert.ok((await page.locator('table.diff td.mk').allTextContents()).includes('+'));
  assert.match(await page.locator('#output-view').innerText(), /wsgi-script/);
  // Notes, grouped by severity (drawn once the diff is painted).
  await settled(page);
  assert.ok(await page.locator('.notes li.note').count() >= 5);
  assert.ok(await page.locator('.notes details.action li.note').count() >= 1);
  // The input tab shows the detected kind; outputs include the created files.
  assert.match(await page.locator('.inputs .tab.selected').innerText(), /koji-web httpd config/);
  await outputTab(/^web\.conf /).waitFor();
  // Only koji-web's side was given: no database step is written, a note says why.
  assert.equal(await outputTab(/^koji-1\.7-schema-upgrade\.sql /).count(), 0);
  await page.locator('.notes li.note', { hasText: 'No hub configuration was given' }).waitFor({ state: 'attached' });
  // The checklist is built from the result.
  const steps = await page.locator('.steps').innerText();
  assert.match(steps, /Install mod_wsgi/);
  assert.doesNotMatch(steps, /psql/);
  assert.match(steps, /Secret/);
  await outputTab(/^kojiweb\.conf /).click();
});

test('large inputs are converted in a worker, small ones on the page, and all where workers are refused', async () => {
  // The page above: one worker, which answered the warm-up and never failed. The stock file is
  // small: the page converted it itself (app.rs, IN_PLACE_BYTES), so the worker has no more.
  await until(async () => assert.ok((await page.evaluate(() => window.__worker.answers)) >= 1));
  const before = await page.evaluate(() => ({ ...window.__worker }));
  assert.deepEqual({ started: before.started, failures: before.failures }, { started: 1, failures: 0 });
  // A large input (over 64 KiB) goes to the worker, in a page of its own.
  const large = await openPage('');
  await until(async () => assert.ok((await large.evaluate(() => window.__worker.answers)) >= 1));
  const text = readFileSync(stockWeb, 'utf8');
  await large.getByLabel(/Contents of/).fill(text.repeat(Math.ceil(70000 / text.length)));
  await large.locator('table.diff.split tr.row.replace').first().waitFor();
  const after = await large.evaluate(() => ({ ...window.__worker }));
  assert.deepEqual({ started: after.started, failures: after.failures }, { started: 1, failures: 0 });
  assert.ok(after.answers >= 2, `the worker answered ${after.answers} time(s)`);
  await large.close();
  // A browser without workers (or a stricter policy): the same result, converted on the page.
  const bare = await context.newPage();
  await bare.addInitScript(() => { window.Worker = undefined; });
  await openPage('', bare);
  await bare.getByLabel(/Contents of/).fill(text.repeat(Math.ceil(70000 / text.length)));
  await bare.locator('table.diff.split tr.row.replace').first().waitFor();
  assert.match(await bare.locator('#output-view').innerText(), /wsgi-script/);
  await settled(bare);
  assert.ok(await bare.locator('.notes li.note').count() >= 5);
  assert.equal(await bare.evaluate(() => window.__worker.started), 0);
  await bare.close();
});

test('a small input converted on the page stays when the worker answers late for a larger one', async () => {
  const p = await openPage('');
  // The warm-up's answer first: the next one is the large input's.
  await until(async () => assert.ok((await p.evaluate(() => window.__worker.answers)) >= 1));
  const before = await p.evaluate(() => ({ ...window.__worker }));
  const text = readFileSync(stockWeb, 'utf8');
  const paste = (value) => p.locator('#input-text').evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, value);
  // A large input, posted to the worker (which takes tens of milliseconds on it); as soon as it
  // is posted, the stock file over it, converted at once on the page: the worker answers last.
  await paste(text.repeat(300));
  await until(async () => assert.ok((await p.evaluate(() => window.__worker.posted)) > before.posted));
  await paste(text);
  await until(async () => assert.ok((await p.evaluate(() => window.__worker.answers)) > before.answers));
  // The late answer was dropped: the page shows the stock file's result, not the worker's.
  await p.locator('section.outputs[aria-busy="false"] table.diff tr.row.replace').first().waitFor();
  const status = await p.locator('p.visually-hidden[role="status"]').textContent();
  const notes = Number(/(\d+) notes/.exec(status)?.[1]);
  assert.ok(notes > 0 && notes < 100, `the stock file's notes, not the large input's: ${status}`);
  assert.equal(await p.evaluate(() => window.__worker.failures), 0);
  await p.close();
});

test('clicking a note highlights its lines', async () => {
  await page.locator('.notes details.info').evaluate((d) => { d.open = true; });
  await page.locator('.notes li.note', { hasText: 'KojiFilesURL' }).locator('button.note-place').click();
  await page.locator('tr.row.focus').first().waitFor();
  assert.ok(await page.locator('tr.row.focus').first().isVisible());
});

test('review each change: reject, download, accept again', async () => {
  const view = page.locator('#output-view');
  const summary = page.locator('.choices');
  const change = (rule) => page.getByRole('checkbox', { name: new RegExp(`\\b${rule}$`) });
  const downloadWeb = async () => readFileSync((await download(
    page.locator('.file-bar').getByRole('button', { name: 'Download kojiweb.conf' }))).path, 'utf8');
  await outputTab(/^kojiweb\.conf /).click();
  await summary.filter({ hasText: /^4 of 4 changes accepted/ }).waitFor();
  // Each change sits above its lines in the diff, with its rule's summary and why.
  const alias = change('web-alias-wsgi');
  assert.ok(await alias.isChecked());
  assert.match(await view.locator('tr.change', { hasText: 'web-alias-wsgi' }).innerText(), /Point the koji-web Alias at wsgi_publisher\.py/);
  assert.equal(await page.locator('.broken').count(), 0);

  // Reject the Alias change: the downloaded file keeps the original Alias, the other changes are made.
  await alias.uncheck();
  await summary.filter({ hasText: /^3 of 4 changes accepted/ }).waitFor();
  let conf = await downloadWeb();
  assert.match(conf, /^Alias \/koji "\/usr\/share\/koji-web\/scripts\/"$/m);
  assert.doesNotMatch(conf, /wsgi_publisher/);
  assert.match(conf, /SetHandler wsgi-script/);
  assert.doesNotMatch(conf, /PythonOption|kojiweb\.handlers/);
  assert.equal(await alias.isChecked(), false, 'the rejected change stays listed');
  await outputTab(/^web\.conf new file/).waitFor();

  // Reject the handler change: the options move depends on it, so web.conf is not written.
  await change('web-handler-wsgi').uncheck();
  await summary.filter({ hasText: /^1 of 4 changes accepted/ }).waitFor();
  await outputTab(/^web\.conf /).waitFor({ state: 'detached' });
  const broken = page.locator('.broken');
  assert.ok(await broken.isVisible());
  assert.match(await broken.innerText(), /Koji 1\.7 cannot run/);
  assert.match(await broken.innerText(), /stays on mod_python/);
  assert.match(await view.locator('tr.change', { hasText: 'web-options-to-web-conf' }).innerText(),
    /needs “Serve koji-web with mod_wsgi instead of mod_python”/);
  conf = await downloadWeb();
  assert.match(conf, /SetHandler mod_python/);
  assert.match(conf, /PythonOption Secret CHANGE_ME/);

  // Accept again, from the keyboard; accepting the options move accepts the handler it needs.
  await alias.focus();
  await page.keyboard.press('Space');
  await summary.filter({ hasText: /^2 of 4 changes accepted/ }).waitFor();
  await change('web-options-to-web-conf').check();
  await summary.filter({ hasText: /^4 of 4 changes accepted/ }).waitFor();
  await outputTab(/^web\.conf new file/).waitFor();
  assert.equal(await page.locator('.broken').count(), 0);
  conf = await downloadWeb();
  assert.match(conf, /wsgi_publisher\.py/);
  assert.match(conf, /SetHandler wsgi-script/);
});

test('mod_python mode, then download web.conf', async () => {
  await releasesShown(page, '', '1.7'); // mod_python runs Koji 1.7, not the newest release
  await outputTab(/^kojiweb\.conf /).click();
  await page.getByLabel(/Stay on mod_python/).check();
  await page.waitForFunction(() => document.querySelector('#output-view')?.innerText.includes('koji.web.ConfigFile'));
  assert.match(await page.locator('#output-view').innerText(), /PythonHandler wsgi_publisher/);
  await settled(page);
  assert.doesNotMatch(await page.locator('.steps').innerText(), /Install mod_wsgi/);

  await outputTab(/^web\.conf new file/).click();
  await page.locator('table.newfile').waitFor();
  const title = await page.locator('table.newfile tr.row', { hasText: 'KojiFilesURL' }).getAttribute('title');
  assert.match(title, /from kojiweb\.conf line 14|from pasted/);
  const { name, path } = await download(page.locator('.file-bar').getByRole('button', { name: 'Download web.conf' }));
  assert.equal(name, 'web.conf');
  const webConf = readFileSync(path, 'utf8');
  assert.match(webConf, /^\[web\]$/m);
  assert.match(webConf, /^KojiFilesURL = http:\/\/server\.example\.com\/mnt\/koji$/m);
  assert.match(webConf, /^Secret = CHANGE_ME$/m);
});

test('unified view toggle', async () => {
  await outputTab(/^kojiweb\.conf changed/).click();
  await page.getByLabel('Unified view').check();
  await page.locator('table.diff.unified').waitFor();
  await page.getByLabel('Unified view').uncheck();
  await page.locator('table.diff.split').waitFor();
});

test('download all gives a valid zip with every file and a README', async () => {
  const { name, path } = await download(page.getByRole('button', { name: 'Download all (koji-1.7.zip)' }));
  assert.equal(name, 'koji-1.7.zip');
  const listing = execFileSync('python3', ['-c',
    'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; '
    + 'print("\\n".join(z.namelist())); print(z.read("koji-1.7/README.txt").decode())', path]).toString();
  for (const entry of ['koji-1.7/web.conf', 'koji-1.7/kojiweb.conf', 'koji-1.7/README.txt']) {
    assert.ok(listing.includes(entry), `zip lacks ${entry}: ${listing}`);
  }
  assert.match(listing, /Manual steps/);
});

test('the example, a bad file and a huge file never blank the page', async () => {
  await page.getByRole('button', { name: 'Try an example' }).click();
  await inputTab(/kojihub\.conf.*koji-hub httpd config/).waitFor();
  // With the hub's side given, the database step is written, and the checklist runs it.
  await page.getByRole('button', { name: 'Show koji-1.7-schema-upgrade.sql' }).click();
  await until(async () => assert.match(await page.locator('#output-view').innerText(), /CREATE TABLE volume/));
  await settled(page);
  assert.match(await page.locator('.steps').innerText(), /psql (-v ON_ERROR_STOP=1 )?koji koji < koji-1\.7-schema-upgrade\.sql/);
  const bad = Buffer.concat([Buffer.from('[koji]\nserver = http://hub/kojihub\n# caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\n')]);
  await page.locator('#pick-files').setInputFiles([
    { name: 'latin1.conf', mimeType: 'text/plain', buffer: bad },
    { name: 'huge.conf', mimeType: 'text/plain', buffer: Buffer.alloc(6 * 1024 * 1024, 'a') },
  ]);
  await inputTab(/^huge\.conf/).click();
  await page.getByText(/the page converts files up to 5\.0 MB/).waitFor();
  await inputTab(/^latin1\.conf/).click();
  await page.getByText(/not valid UTF-8 from line 3/).first().waitFor();
  await page.locator('.notes', { hasText: 'not valid UTF-8' }).waitFor();
  assert.equal(await page.locator('.fatal').count(), 0);
});

test('upgrading from 1.4, and more options: keeping pkgurl', async () => {
  await fromSelect().selectOption('1.4');
  await until(async () => assert.equal(await page.evaluate(() => location.hash), '#from=1.4&to=1.7'));
  await page.locator('.notes li.note', { hasText: 'schema-upgrade-1.4-1.5.sql' }).first().waitFor();
  await outputTab(/^kojid\.conf changed/).click();
  await page.getByText('More options').click();
  await page.getByLabel(/Keep pkgurl/).check();
  // pkgurl stays: the only change left is the added topurl line.
  await page.waitForFunction(() => document.querySelectorAll('#output-view tr.row.delete, #output-view tr.row.replace').length === 0);
  assert.match(await page.locator('#output-view').innerText(), /topurl=https:\/\/build\.example\.org\/kojifiles/);
  await page.getByLabel(/Keep pkgurl/).uncheck();
  await fromSelect().selectOption({ label: 'what the files show' });
  await page.locator('#output-view tr.row.replace, #output-view tr.row.delete').first().waitFor();
  await releasesShown(page, '', '1.7');
});

test('drop a file, rename it, override its kind, remove it', async () => {
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['[kojid]\ntopdir=/mnt/koji\npkgurl=http://build.example.net/kojifiles/packages\n'],
      'dropped-kojid.conf', { type: 'text/plain' }));
    const zone = document.querySelector('.drop');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  const tab = page.locator('.inputs .tab', { hasText: 'dropped-kojid.conf' });
  await tab.filter({ hasText: 'kojid.conf' }).waitFor();
  await outputTab(/^dropped-kojid\.conf changed/).waitFor();
  await page.getByLabel('File name').fill('renamed.conf');
  await outputTab(/^renamed\.conf changed/).waitFor();
  await page.getByLabel('Kind').selectOption({ label: 'koji client config' });
  await page.locator('.inputs .tab.selected', { hasText: 'koji client config' }).waitFor();
  await page.getByRole('button', { name: 'Remove renamed.conf' }).click();
  await inputTab(/^renamed\.conf/).waitFor({ state: 'detached' });
  await outputTab(/^renamed\.conf/).waitFor({ state: 'detached' });
});

test('fast typing loses nothing and copy puts the file on the clipboard', async () => {
  await page.getByRole('button', { name: 'New paste tab' }).click();
  const typed = '[koji]\nserver = http://hub.example.com/kojihub\npkgurl = http://hub.example.com/packages\n';
  const area = page.getByLabel(/Contents of/);
  await area.pressSequentially(typed, { delay: 0 });
  assert.equal(await area.inputValue(), typed);
  // The example's koji.conf came first, so this one is saved as koji-2.conf.
  await outputTab(/^koji-\d+\.conf changed/).click();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.locator('.file-bar').getByRole('button', { name: 'Copy' }).click();
  await page.getByText(/^Copied koji(-\d+)?\.conf\.$/).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^topurl = http:\/\/hub\.example\.com$/m);
  assert.equal(await area.inputValue(), typed);
});

/// Removes the active pasted tab and waits for the conversion without it: one landing later
/// would re-render the tabs under the next test (and could replace the tab it focused).
async function removePastedTab() {
  const remove = page.getByRole('button', { name: /^Remove pasted text/ });
  const name = await remove.getAttribute('aria-label');
  await remove.click();
  await page.getByRole('button', { name, exact: true }).waitFor({ state: 'detached' });
  await page.waitForFunction(
    () => document.querySelector('section.outputs')?.getAttribute('aria-busy') === 'false',
    null, { timeout: 120000, polling: 100 });
}

test('a 2 MB paste is diffed whole: its last line is reachable, a note jumps far below', async () => {
  await page.getByRole('button', { name: 'New paste tab' }).click();
  const block = readFileSync(stockWeb, 'utf8') + '\n# padding ' + 'x'.repeat(60) + '\n';
  const big = block.repeat(Math.ceil(2e6 / block.length));
  const lines = big.split('\n').length - 1;
  // Set the value directly: typing 2 MB through the DevTools protocol would take minutes.
  await page.locator('#input-text').evaluate((el, text) => {
    el.value = text;
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, big);
  await page.waitForFunction(
    () => document.querySelector('section.outputs')?.getAttribute('aria-busy') === 'false',
    null, { timeout: 120000, polling: 100 });
  // Other kojiweb.conf inputs came first, so this one is saved as kojiweb-N.conf.
  await outputTab(/^kojiweb-\d+\.conf changed/).last().click();
  const wrap = page.locator('.outputs .diff-wrap');
  await wrap.locator('tr.row').first().waitFor();
  assert.ok(await page.locator('.notes li.note').count() <= 4 * 40 + 10, 'notes are capped per group');
  // Only what is in view is drawn, however long the diff.
  assert.ok(await wrap.locator('tr.row').count() < 1000, 'the diff is drawn in part');
  // Every line is there: show the unchanged runs too, then scroll to the end until the input's
  // last line is drawn (row heights are corrected as they are drawn, so scroll again meanwhile).
  await wrap.locator('tr.gap button').first().click();
  await until(async () => {
    await wrap.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await wrap.locator('td.ln', { hasText: new RegExp(`^${lines}$`) }).first().waitFor({ timeout: 1000 });
  });
  // A note far below the top: its lines are drawn, focused and in view.
  await wrap.evaluate((el) => { el.scrollTop = 0; });
  await page.evaluate(() => document.querySelectorAll('.notes details').forEach((d) => { d.open = true; }));
  const places = await page.locator('.notes button.note-place').allTextContents();
  const far = places
    .map((t, i) => ({ i, line: Number(/kojiweb-\d+\.conf line (\d+)/.exec(t)?.[1] ?? 0) }))
    .reduce((a, b) => (b.line > a.line ? b : a));
  assert.ok(far.line > 10000, `a note far below (line ${far.line})`);
  await page.locator('.notes button.note-place').nth(far.i).click();
  const focused = wrap.locator('tr.row.focus').first();
  await focused.waitFor();
  await until(async () => {
    const [row, view] = await Promise.all([focused.boundingBox(), wrap.boundingBox()]);
    assert.ok(row && view && row.y >= view.y && row.y + row.height <= view.y + view.height,
      'the focused row is in view');
  });
  // A checkbox the keyboard is on stays focused, and stays its change's, while the view moves
  // (the rows drawn around it change).
  await outputTab(/^kojiweb-\d+\.conf changed/).last().click();
  await wrap.evaluate((el) => { el.scrollTop = 0; });
  // The window is drawn at the top again once its top spacer is empty; then one box, held.
  await until(async () => assert.equal(
    await wrap.evaluate((el) => el.querySelector('tbody > tr.spacer td').style.height), '0px'));
  const box = await wrap.locator('tr.change').nth(2).elementHandle();
  const label = await box.innerText();
  await (await box.$('input')).focus();
  const bottomSpacer = () => wrap.evaluate((el) => el.querySelector('tbody > tr.spacer:last-child td').style.height);
  for (const y of [700, 1400]) {
    const before = await bottomSpacer();
    await wrap.evaluate((el, to) => { el.scrollTop = to; }, y);
    // Wait for the window to be drawn again (its bottom spacer shrinks), then look.
    await until(async () => assert.notEqual(await bottomSpacer(), before));
    assert.equal(await page.evaluate(() => document.activeElement?.closest('tr')?.innerText), label);
  }
  await removePastedTab();
});

test('a large paste skips the textarea: read-only lines, converted, editable on request', async () => {
  await page.getByRole('button', { name: 'New paste tab' }).click();
  // 6,000 lines: over the page's 5,000-line threshold for the read-only view (a config of this
  // size is pasted, not typed: state::LARGE_INPUT_LINES).
  const profile = (k) => `[hub${k}]\nserver = http://hub${k}.example.com/kojihub\npkgurl = http://hub${k}.example.com/packages\n`;
  const big = Array.from({ length: 2000 }, (_, k) => profile(k)).join('');
  // What a paste does: a ClipboardEvent carrying the text (the page takes it when it replaces
  // the whole of the input).
  await page.locator('#input-text').evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, big);
  const view = page.getByRole('region', { name: /^Contents of pasted text \d+, read-only$/ });
  await view.locator('tr.row').first().waitFor();
  assert.equal(await page.locator('#input-text').count(), 0, 'no textarea for a large input');
  assert.ok(await view.locator('tr.row').count() < 1000, 'the input is drawn in part');
  assert.match(await page.locator('.editor .problem').innerText(), /has 6,?000 lines/);
  // Its last line is reachable by scrolling.
  await until(async () => {
    await view.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await view.locator('td.ln', { hasText: /^6000$/ }).waitFor({ timeout: 1000 });
  });
  // It converts like any input: each profile's pkgurl becomes topurl.
  await page.waitForFunction(
    () => document.querySelector('section.outputs')?.getAttribute('aria-busy') === 'false',
    null, { timeout: 120000, polling: 100 });
  await outputTab(/^koji(-\d+)?\.conf changed/).last().click();
  await page.locator('.outputs .diff-wrap tr.row.replace').first().waitFor();
  // Asked for, the textarea comes back with every byte.
  await page.getByRole('button', { name: 'Edit it here' }).click();
  await until(async () => assert.equal((await page.locator('#input-text').inputValue()).length, big.length));
  await removePastedTab();
});

test('Tab walks from change to change, far past the rows first drawn', async () => {
  await page.getByRole('button', { name: 'New paste tab' }).click();
  // 1,000 client profiles, each with a pkgurl that becomes a topurl: 1,000 change boxes.
  const profile = (k) => `[p${k}]\nserver = http://h${k}/kojihub\npkgurl = http://h${k}/packages\n${'a = 1\n'.repeat(7)}`;
  const text = Array.from({ length: 1000 }, (_, k) => profile(k)).join('');
  await page.locator('#input-text').evaluate((el, t) => {
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  // Named koji-N.conf when other koji.conf inputs came first.
  await outputTab(/^koji(-\d+)?\.conf changed/).last().click();
  const wrap = page.locator('.outputs .diff-wrap');
  const first = wrap.locator('tr.change input[type=checkbox]').first();
  await first.waitFor();
  // The line of the row under the focused element's change box or gap.
  const focusedLine = () => page.evaluate(() => {
    let tr = document.activeElement?.closest('.outputs .diff-wrap tr');
    while (tr && !/^\d+$/.test(tr.querySelector('td.ln')?.textContent ?? '')) tr = tr.nextElementSibling;
    return tr ? Number(tr.querySelector('td.ln').textContent) : -1;
  });
  const lastDrawn = Math.max(...(await wrap.locator('td.ln').allTextContents()).map(Number).filter(Number.isFinite));
  await first.focus();
  // Three stops a change of 10 lines (its checkbox, its "Why", the "show more" after it): 300
  // presses go about 100 changes, 1,000 lines, down; the rows drawn at first reach line ~100.
  // One press a frame at most, as a person presses: the rows follow the focus through a scroll
  // event and a redraw, which a loaded machine may not fit between presses sent back to back.
  const nextFrame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    await nextFrame();
  }
  const line = await focusedLine();
  assert.ok(line > 5 * lastDrawn, `focus at line ${line}; line ${lastDrawn} was the last drawn at first`);
  // The view followed the focus: the focused element is in view.
  const [focus, view] = await Promise.all([
    page.evaluate(() => { const r = document.activeElement.getBoundingClientRect(); return { y: r.y, height: r.height }; }),
    wrap.boundingBox()]);
  assert.ok(focus.y >= view.y && focus.y + focus.height <= view.y + view.height, 'the focused element is in view');
  await removePastedTab();
});

test('tabs work from the keyboard', async () => {
  const tabs = page.locator('.output [role=tablist] [role=tab]');
  const selectedAndFocused = (tab) => until(async () => {
    assert.equal(await tab.getAttribute('aria-selected'), 'true');
    assert.equal(await tab.evaluate((el) => el === document.activeElement), true);
  });
  await tabs.first().click();
  await selectedAndFocused(tabs.first());
  await page.keyboard.press('ArrowRight');
  await selectedAndFocused(tabs.nth(1));
  await page.keyboard.press('End');
  await selectedAndFocused(tabs.last());
  await page.keyboard.press('Home');
  await selectedAndFocused(tabs.first());
});

test('no accessibility violations found by axe-core (WCAG 2 A/AA)', async () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const views = [['light', null], ['dark', null], ['light', /^web\.conf new file/], ['dark', /^web\.conf new file/]];
  for (const [scheme, tab] of views) {
    if (tab) {
      await outputTab(tab).click();
      await page.locator('table.newfile').waitFor();
    }
    await page.emulateMedia({ colorScheme: scheme });
    // Evaluated through the DevTools protocol: the page's CSP rightly refuses injected scripts.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `${scheme} scheme, ${tab ?? 'diff'} view`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('screenshot is not blank', async () => {
  await outputTab(/kojiweb\.conf/).first().click();
  const shot = join(artifacts, 'page.png');
  const png = await page.screenshot({ path: shot, fullPage: false });
  assert.ok(png.length > 20000, `screenshot only ${png.length} bytes`);
  // Count distinct colours in a blank tab of the same browser (no network, no CSP involved).
  const probe = await context.newPage();
  const colours = await probe.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  }, png.toString('base64'));
  await probe.close();
  assert.ok(colours > 20, `screenshot has only ${colours} colours`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(artifacts, 'phone.png'), fullPage: false });
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('a #from=1.21&to=1.35 link selects the releases and converts stock 1.21 files', async () => {
  const p = await openPage('#from=1.21&to=1.35');
  await releasesShown(p, '1.21', '1.35');
  await p.getByRole('heading', { name: '1. Your Koji 1.21 files' }).waitFor();
  await p.getByRole('heading', { name: '2. Koji 1.35 files' }).waitFor();
  assert.ok(await p.getByLabel(/Stay on mod_python/).isDisabled());
  await p.getByLabel(/Contents of/).fill(readFileSync(stock121('kojira.conf'), 'utf8'));
  await inputTab(/kojira\.conf$/, p).waitFor();
  await p.getByRole('button', { name: 'New paste tab' }).click();
  await p.getByLabel(/Contents of/).fill(readFileSync(stock121('kojid.conf'), 'utf8'));
  await inputTab(/kojid\.conf$/, p).waitFor();
  // Both converted (whatever the 1.35 rules make of them), with notes and the steps.
  await until(async () => assert.ok(await outputTab(/(changed|unchanged)$/, p).count() >= 2));
  await p.locator('.notes').waitFor();
  await p.locator('.steps li').first().waitFor();
  // Named after the chosen release: the zip and its README.
  const [dl] = await Promise.all([p.waitForEvent('download'),
    p.getByRole('button', { name: 'Download all (koji-1.35.zip)' }).click()]);
  assert.equal(dl.suggestedFilename(), 'koji-1.35.zip');
  const zipPath = join(work, 'from-1.21.zip');
  await dl.saveAs(zipPath);
  const readme = execFileSync('python3', ['-c',
    'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("koji-1.35/README.txt").decode())', zipPath]).toString();
  assert.match(readme, /^Koji 1\.21 to 1\.35 migration/);
  // The fragment was read, not rewritten.
  assert.equal(await p.evaluate(() => location.hash), '#from=1.21&to=1.35');
  assert.equal(await p.locator('.fatal').count(), 0);
  await p.close();
});

test('an invalid fragment is ignored; a changed one is followed', async () => {
  const p = await openPage('#to=9.9');
  await p.getByRole('heading', { name: '2. Koji 1.35 files' }).waitFor();
  await releasesShown(p, '', '1.35');
  assert.equal(await p.evaluate(() => location.hash), '#to=9.9');
  // Edited by hand (a hashchange): the page follows, and mod_python is offered again.
  await p.evaluate(() => { location.hash = '#from=1.10&to=1.12'; });
  await releasesShown(p, '1.10', '1.12');
  await p.getByRole('heading', { name: '2. Koji 1.12 files' }).waitFor();
  assert.ok(await p.getByLabel(/Stay on mod_python/).isEnabled());
  // A `to` not after `from` is not offered.
  assert.deepEqual(await toSelect(p).locator('option').allTextContents(),
    Array.from({ length: 25 }, (_, k) => `1.${k + 11}`));
  await toSelect(p).selectOption('1.13');
  await until(async () => assert.equal(await p.evaluate(() => location.hash), '#from=1.10&to=1.13'));
  await p.close();
});

test('no console errors and no request to another origin', async () => {
  assert.deepEqual(consoleErrors, []);
  const foreign = requests.filter((u) => {
    if (u.startsWith('blob:') || u.startsWith('data:') || u === 'about:blank') return false;
    return new URL(u).origin !== origin;
  });
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm was not loaded');
});
