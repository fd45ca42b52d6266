// The page opened from disk (file://), with no server and no network, in Chromium and Firefox:
// the single-file page (dist/koji-migrate-offline.html, written by scripts/build-single) works,
// and dist/index.html is never blank (Chromium blocks its scripts there: it says why and what to
// do). The served page's save link downloads the single file.
// Run by scripts/test.d/20-browser, which builds dist/ first. Chromium (/usr/bin/chromium) is
// driven by playwright-core as in app.test.mjs; Firefox (Debian's /usr/bin/firefox-esr) by
// puppeteer-core over WebDriver BiDi (puppeteer-core never downloads a browser). Needs
// ../shared/koji-configs/1.6.0/kojiweb.conf (the stock Koji 1.6 file, read at test time).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { countWorkerAnswers, freePort } from './support.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const SINGLE = 'koji-migrate-offline.html';
const stockWeb = readFileSync(join(root, '..', 'shared', 'koji-configs', '1.6.0', 'kojiweb.conf'), 'utf8');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
// Generous bounds for a loaded machine: every wait ends as soon as its state is there.
const TIMEOUT = 60000;
// A rule the stock 1.6 kojiweb.conf needs for the default target: its "Why" link is followed.
const RULE = 'web-alias-wsgi';
const NOT_STARTED = 'koji-migrate did not start.';

let work, lonely, singleUrl, indexUrl;

before(() => {
  assert.ok(existsSync(join(dist, SINGLE)), `dist/${SINGLE} missing: run scripts/build-web`);
  work = mkdtempSync(join(tmpdir(), 'koji-migrate-offline-'));
  // The single file alone in its directory, as when copied to another host: a request for any
  // file beside it would fail.
  lonely = join(work, 'copied');
  mkdirSync(lonely);
  copyFileSync(join(dist, SINGLE), join(lonely, SINGLE));
  singleUrl = pathToFileURL(join(lonely, SINGLE)).href;
  indexUrl = pathToFileURL(join(dist, 'index.html')).href;
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/// Records, before any script of the page runs, what the Content-Security-Policy refused.
function recordCspViolations() {
  window.__cspViolations = [];
  addEventListener('securitypolicyviolation',
    (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/// What a page loaded besides its document (resource timing), blob: and data: URLs left out.
async function foreignResources(page) {
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  return urls.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
}

/// Requests seen by the driver that are neither the single file itself nor blob:/data:.
const otherRequests = (urls) => urls.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')
  && u.split('#')[0] !== singleUrl);

/// The page's worker (a blob: worker, made by the page from its own text) converted: it answered
/// the warm-up (the example site, 40 times over) with a report, and never failed. The stock file
/// itself is small, and converted on the page (app.rs, IN_PLACE_BYTES).
async function assertConvertedInWorker(page) {
  const end = Date.now() + TIMEOUT;
  let seen;
  do {
    seen = await page.evaluate(() => window.__worker);
    if (seen.answers >= 1) break;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < end);
  assert.deepEqual({ started: seen.started, failures: seen.failures }, { started: 1, failures: 0 });
  assert.ok(seen.answers >= 1, `the worker answered ${seen.answers} time(s)`);
}

test('the single file\'s Content-Security-Policy lets nothing in from off the page', () => {
  const html = readFileSync(join(dist, SINGLE), 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
  assert.ok(policy, 'no CSP meta');
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/))
    .map(([name, ...sources]) => [name, sources]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['img-src'], ['data:']);
  // The conversion's worker: a blob: URL the page makes from its own script text.
  assert.deepEqual(directives['worker-src'], ['blob:']);
  // Scripts and styles only by hash (and wasm compiled from the page's own bytes).
  for (const [name, sources] of Object.entries(directives)) {
    if (['default-src', 'object-src', 'base-uri', 'form-action', 'img-src', 'worker-src'].includes(name)) continue;
    assert.ok(['script-src', 'style-src'].includes(name), `unexpected directive ${name}`);
    for (const source of sources) {
      assert.match(source, /^'(sha256-[A-Za-z0-9+/]+=*|wasm-unsafe-eval)'$/, `${name} allows ${source}`);
    }
  }
});


describe('Chromium', () => {
  let browser, context;
  const seen = new Map(); // page → { requests, errors }

  before(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(TIMEOUT);
    await context.addInitScript(recordCspViolations);
    await context.addInitScript(countWorkerAnswers);
    // Every page of the context, the tabs the page opens included, from its creation.
    context.on('page', (p) => {
      const log = { requests: [], errors: [] };
      seen.set(p, log);
      p.on('request', (r) => log.requests.push(r.url()));
      p.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
      p.on('pageerror', (e) => log.errors.push(String(e)));
    });
  });

  after(async () => {
    await browser?.close();
  });

  /// Opens the single file from disk and pastes the stock kojiweb.conf: the diff and notes show.
  async function openAndConvert() {
    const page = await context.newPage();
    await page.goto(singleUrl);
    await page.getByRole('heading', { name: 'koji-migrate', exact: true }).waitFor();
    await page.locator('#boot').waitFor({ state: 'detached' });
    await page.getByLabel(/^Contents of /).fill(stockWeb);
    await page.locator('table.diff.split tr.row.replace').first().waitFor();
    await page.locator('.notes li.note').first().waitFor();
    return page;
  }

  /// No console error, no CSP violation, no request but the single file itself (and blob:/data:).
  /// A tab the page opens is seen from its creation, which may come after its own request.
  async function assertSelfContained(page, { opened = false } = {}) {
    const { requests, errors } = seen.get(page);
    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(otherRequests(requests), []);
    if (!opened) assert.ok(requests.some((u) => u.split('#')[0] === singleUrl), 'the driver saw no request for the file');
    assert.deepEqual(await foreignResources(page), []);
  }

  test('the single file opened from disk converts the stock 1.6 kojiweb.conf, self-contained', async () => {
    const page = await openAndConvert();
    assert.match(await page.locator('#output-view').innerText(), /wsgi-script/);
    // The single file does not offer to save itself.
    assert.equal(await page.getByRole('link', { name: 'Save this page for offline use' }).count(), 0);
    // A converted file downloads (a blob: URL made by the page).
    const [dl] = await Promise.all([page.waitForEvent('download'),
      page.locator('.file-bar').getByRole('button', { name: 'Download kojiweb.conf', exact: true }).click()]);
    const saved = join(work, 'kojiweb.conf');
    await dl.saveAs(saved);
    assert.match(readFileSync(saved, 'utf8'), /SetHandler wsgi-script/);
    await assertConvertedInWorker(page);
    await assertSelfContained(page);
    await page.close();
  });

  test('a "Why" link of the single file opens its own copy of the rules in a new tab', async () => {
    const page = await openAndConvert();
    const why = page.locator('#output-view tr.change', { hasText: RULE }).getByRole('link', { name: 'Why', exact: true });
    // Rendered as rules.html#RULE by the app, pointed at this file's own copy of the rules.
    await why.and(page.locator(`[href="#rule-${RULE}"]`)).waitFor();
    const [rules] = await Promise.all([context.waitForEvent('page'), why.click()]);
    await rules.waitForURL(`${singleUrl}#rule-${RULE}`);
    await rules.getByRole('heading', { name: 'koji-migrate: what each rule does and why', exact: true }).waitFor();
    const entry = rules.locator(`#rules dt#rule-${RULE}`);
    await entry.waitFor();
    assert.ok(await entry.isVisible());
    assert.match(await entry.innerText(), new RegExp(`^${RULE}: `));
    assert.equal(await rules.title(), 'koji-migrate: the rules');
    // This tab shows the rules only: the app is not started, and nothing says it failed.
    assert.equal(await rules.getByRole('heading', { name: 'koji-migrate', exact: true }).count(), 0);
    assert.equal(await rules.locator('#boot').count(), 0);
    await assertSelfContained(rules, { opened: true });
    await assertSelfContained(page);
    await rules.close();
    await page.close();
  });

  test('dist/index.html opened from disk says why it cannot start', async () => {
    const p = await context.newPage();
    await p.goto(indexUrl);
    await p.getByText(NOT_STARTED, { exact: true }).waitFor();
    await p.locator('#boot').getByRole('link', { name: SINGLE, exact: true }).waitFor();
    assert.equal(await p.getByRole('heading', { name: 'koji-migrate', exact: true }).count(), 0);
    await p.close();
  });

  test('the served page offers the single file as a download', async () => {
    const port = await freePort();
    const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dist],
      { stdio: 'ignore' });
    const served = await browser.newContext({ acceptDownloads: true });
    try {
      const p = await served.newPage();
      p.setDefaultTimeout(TIMEOUT);
      const origin = `http://127.0.0.1:${port}`;
      // The server needs a moment to listen: retry the first load until it answers.
      for (let end = Date.now() + TIMEOUT; ;) {
        try { await p.goto(`${origin}/index.html`); break; } catch (e) {
          if (Date.now() > end) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await p.getByRole('heading', { name: 'koji-migrate', exact: true }).waitFor();
      await p.locator('#boot').waitFor({ state: 'detached' });
      // In the app's footer once the app runs (index.html's script puts it there).
      const link = p.getByRole('contentinfo').getByRole('link', { name: 'Save this page for offline use', exact: true });
      const [dl] = await Promise.all([p.waitForEvent('download'), link.click()]);
      assert.equal(dl.suggestedFilename(), SINGLE);
      const saved = join(work, 'downloaded.html');
      await dl.saveAs(saved);
      assert.ok(readFileSync(saved).equals(readFileSync(join(dist, SINGLE))), 'the download is not the single file');
    } finally {
      await served.close();
      server.kill();
    }
  });
});

describe('Firefox', () => {
  let browser;

  before(async () => {
    browser = await puppeteer.launch({
      browser: 'firefox', executablePath: FIREFOX, protocol: 'webDriverBiDi', headless: true,
    });
  });

  after(async () => {
    await browser?.close();
  });

  /// A new tab that records its requests and console errors from the start.
  async function newPage() {
    const page = await browser.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.evaluateOnNewDocument(countWorkerAnswers);
    const log = { requests: [], errors: [] };
    page.on('request', (r) => log.requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
    page.on('pageerror', (e) => log.errors.push(String(e)));
    return { page, log };
  }

  /// Opens the single file from disk and pastes the stock kojiweb.conf: the diff and notes show.
  async function openAndConvert() {
    const { page, log } = await newPage();
    await page.goto(singleUrl);
    await page.locator('::-p-aria(koji-migrate[role="heading"])').wait();
    await page.waitForSelector('#boot', { hidden: true });
    const label = await page.$eval('#input-text', (t) => t.labels[0].textContent);
    assert.match(label, /^Contents of /);
    await page.locator(`::-p-aria(${label}[role="textbox"])`).fill(stockWeb);
    await page.waitForSelector('table.diff.split tr.row.replace', { visible: true });
    await page.waitForSelector('.notes li.note');
    return { page, log };
  }

  /// No console error, no request but the single file itself (and blob:/data:). WebDriver BiDi
  /// reports network requests, not file: loads, and Firefox 153 fired no securitypolicyviolation
  /// event in a file: page when tried: what the policy blocks is checked above, in Chromium.
  async function assertSelfContained(page, log) {
    assert.deepEqual(log.errors, []);
    assert.deepEqual(otherRequests(log.requests), []);
    assert.deepEqual(await foreignResources(page), []);
  }

  test('the single file opened from disk converts the stock 1.6 kojiweb.conf, self-contained', async () => {
    const { page, log } = await openAndConvert();
    assert.match(await page.$eval('#output-view', (v) => v.innerText), /wsgi-script/);
    await assertConvertedInWorker(page);
    await assertSelfContained(page, log);
    await page.close();
  });

  test('a "Why" link of the single file opens its own copy of the rules in a new tab', async () => {
    const { page, log } = await openAndConvert();
    // The link the app renders as rules.html#RULE, pointed at this file's own copy of the rules.
    const why = await page.waitForSelector(`#output-view tr.change a.why[href="#rule-${RULE}"]`, { visible: true });
    const opened = browser.waitForTarget((t) => t.url() === `${singleUrl}#rule-${RULE}`);
    await why.click();
    const rules = await (await opened).page();
    rules.setDefaultTimeout(TIMEOUT);
    await rules.waitForSelector(`#rules dt#rule-${RULE}`, { visible: true });
    assert.match(await rules.$eval(`#rules dt#rule-${RULE}`, (d) => d.innerText), new RegExp(`^${RULE}: `));
    assert.equal(await rules.title(), 'koji-migrate: the rules');
    assert.equal(await rules.$('#boot'), null);
    assert.equal(await rules.$('h1:not(#rules h1)'), null);
    assert.deepEqual(await foreignResources(rules), []);
    await assertSelfContained(page, log);
    await rules.close();
    await page.close();
  });

  test('dist/index.html opened from disk is never blank', async (t) => {
    // Firefox (153 ESR) lets a page opened from disk load its module script and wasm from the
    // same directory, so the app may start here; if not, the "did not start" text must show.
    const p = await browser.newPage();
    p.setDefaultTimeout(TIMEOUT);
    await p.goto(indexUrl);
    const shown = await p.waitForFunction(() => {
      if (document.querySelector('header.top h1')?.textContent === 'koji-migrate') return 'app';
      const boot = document.getElementById('boot');
      return boot && getComputedStyle(boot).visibility === 'visible' && boot.checkVisibility() && 'boot';
    }).then((h) => h.jsonValue());
    t.diagnostic(`Firefox opened dist/index.html from disk and showed: ${shown === 'app' ? 'the app' : 'why it did not start'}`);
    if (shown === 'boot') {
      assert.match(await p.$eval('#boot', (b) => b.innerText), /^koji-migrate did not start\./);
      await p.waitForSelector(`#boot a[href="${SINGLE}"]`, { visible: true });
    }
    await p.close();
  });
});
