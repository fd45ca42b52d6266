// Browser latency benchmark of the built page (BENCHMARKS.md section 5). A benchmark, not a test:
// it asserts no timing and is not part of scripts/test. It prints a table of medians.
//
//   scripts/build-web && node e2e/bench.mjs          # RUNS=7 by default; DIST=dir to serve another build
//
// Same setup as e2e/app.test.mjs: dist/ served by python3's http.server on 127.0.0.1, Debian's
// /usr/bin/chromium headless through playwright-core, the same flags and viewport. Every figure is
// taken inside the page with performance.now() (MutationObserver, requestAnimationFrame, timers,
// MessageChannel) or the Performance API's entries. Inputs: the stock Koji 1.6 kojiweb.conf (read
// at run time from ../shared/koji-configs/1.6.0/), /tmp/kmbench/{httpd,ini}-{10k,100k}.conf
// (generated with `cargo run --release --example gen_large -- all /tmp/kmbench` when missing), and a
// 100,000-line client config under the page's 1 MiB diff cap, built here.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort, waitForServer } from './support.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.env.DIST || join(root, 'dist'));
const stockWeb = join(root, '..', 'shared', 'koji-configs', '1.6.0', 'kojiweb.conf');
const inputs = process.env.KMBENCH || '/tmp/kmbench';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS || 7);
const DEBOUNCE = 150;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1400, height: 1000 };



const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');
const range = (xs) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;

// A 100,000-line koji client config under 1 MiB, so that the page still diffs it: 10,000
// profiles of 10 lines, each with a pkgurl that becomes a topurl (10,000 changed lines).
function client100k() {
  const out = [];
  for (let i = 0; i < 10000; i++) {
    out.push(`[p${i}]`, 'server=http://h/kojihub', 'pkgurl=http://h/packages', 'a=1', 'b=1', 'c=1', 'd=1', 'e=1', 'f=1', 'g=1');
  }
  return `${out.join('\n')}\n`;
}

// In the page: wraps setTimeout so that the start and end of the 150 ms debounce callback are
// recorded, and the page's conversion worker so that the moment its answer arrives is. The
// debounce callback makes the request and posts it to the worker (a page built before the worker,
// or one refused workers, converts right in the callback); "conversion" runs from the debounce to
// the worker's answer (or the callback's end): the request made, converted in the worker, the
// report's bytes back on the page. Installed before the page's scripts (addInitScript).
function hookDebounce() {
  if (window.__benchHooked) return;
  window.__benchHooked = true;
  const NativeWorker = window.Worker;
  window.__benchWorkers = 0;
  if (NativeWorker) {
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        window.__benchWorkers += 1;
        const post = this.postMessage.bind(this);
        this.postMessage = (message, transfer) => {
          if (!Number.isFinite(window.__benchPosted)) window.__benchPosted = performance.now();
          return post(message, transfer);
        };
        this.addEventListener('message', () => {
          window.__benchWarm = true; // the first answer is the page's warm-up
          window.__benchAnswered = performance.now();
        });
      }
    };
  }
  const orig = window.setTimeout;
  window.setTimeout = function (fn, delay, ...rest) {
    if (delay === 150 && typeof fn === 'function') {
      return orig.call(this, function (...a) {
        window.__benchFired = performance.now();
        try { return fn.apply(this, a); } finally { window.__benchDone = performance.now(); }
      }, delay, ...rest);
    }
    return orig.call(this, fn, delay, ...rest);
  };
}

// In the page: pastes `text` into the textarea and resolves once `sel` (with `text` in it, if
// `contains`) is on the page, then after the frame that paints it. A paste is a ClipboardEvent
// first: a page that takes it (this page, for a large text) prevents the browser's insertion;
// otherwise the browser inserts the text and fires `input`, which is done here by hand (synthetic
// events have no default action).
//
// The rows are looked for once per frame (requestAnimationFrame), which is when they could be
// painted; for the outputs, only once the result's panels are in the DOM (the outputs' children
// replaced, or their `aria-busy` back to "false": `dom`). The result's notes and steps are drawn
// in a task after the frame that paints its diff (app.rs): `whole` is when they are, the outputs'
// `aria-busy` back to "false". `subtree` measures as this benchmark did before 2026-12-02, with a
// MutationObserver over the whole outputs section: that observer makes each of Yew's DOM
// insertions slower (about 0.5 ms on a stock file's paste on a quiet machine, 12 ms on a loaded
// one: BENCHMARKS.md §5.00000), which no admin's browser pays.
function pasteAndWait({ text, sel, contains, timeout, subtree }) {
  const el = document.querySelector('#input-text');
  const inputs = sel.startsWith('.inputs');
  const outputs = document.querySelector('section.outputs');
  // The outputs' rows only: a large input's read-only view is a table of rows too.
  const found = () => [...(inputs ? document : outputs).querySelectorAll(sel)].some((n) => !contains || n.textContent.includes(contains));
  return new Promise((done) => {
    let t0, tHandler, tDom, ended = false;
    const converted = () => (Number.isFinite(window.__benchAnswered) ? window.__benchAnswered : window.__benchDone);
    // The main thread's long tasks (≥ 50 ms) from the paste on: what typing or scrolling would wait for.
    const tasks = [];
    const longTasks = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    longTasks.observe({ type: 'longtask' });
    const finish = (extra) => {
      ended = true;
      mo.disconnect();
      clearTimeout(timer);
      tasks.push(...longTasks.takeRecords().map((e) => e.duration));
      longTasks.disconnect();
      done({ handler: tHandler - t0, fired: window.__benchFired - t0, posted: window.__benchPosted - t0, converted: converted() - t0, longest: Math.max(0, ...tasks), ...extra });
    };
    // Done once painted and, for a result, its notes and steps drawn too.
    let painted, tWhole;
    const needWhole = !inputs && !subtree;
    const finishOnce = () => {
      if (painted && !ended && (!needWhole || tWhole !== undefined)) finish({ ...painted, whole: tWhole - t0 });
    };
    // Called in the frame that paints the rows: a task queued from rAF runs after its style,
    // layout and paint. A zero-delay timer, not a MessageChannel task: the page queues its own
    // timer from the same frame's animation callbacks (the notes and steps, drawn after the
    // diff's paint), and timers of equal delay run in the order they were set, which puts this
    // one first. Another kind of task may run after the page's, counting its work as the diff's.
    const paintedAfter = (tFrame) => {
      setTimeout(() => {
        painted = { dom: (tDom ?? NaN) - t0, frame: tFrame - t0, painted: performance.now() - t0, rows: document.querySelectorAll('table.diff tr.row').length };
        finishOnce();
      }, 0);
    };
    const timer = setTimeout(() => finish({ timedOut: true }), timeout);
    let mo;
    if (subtree) {
      mo = new MutationObserver(() => {
        if (tDom !== undefined || !found()) return;
        tDom = performance.now();
        mo.disconnect();
        requestAnimationFrame(() => paintedAfter(performance.now()));
      });
      mo.observe(inputs ? document.querySelector('section.inputs') : outputs, { childList: true, subtree: true, characterData: true });
    } else {
      mo = new MutationObserver(() => {
        if (tDom === undefined && found()) tDom = performance.now();
        if (tWhole === undefined && outputs.getAttribute('aria-busy') === 'false' && found()) {
          tWhole = performance.now();
          finishOnce();
        }
      });
      mo.observe(outputs, { childList: true, attributes: true, attributeFilter: ['aria-busy'] });
      const tick = () => {
        if (ended) return;
        if ((inputs || tDom !== undefined) && found()) paintedAfter(performance.now());
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }
    window.__benchFired = NaN;
    window.__benchDone = NaN;
    window.__benchAnswered = NaN;
    window.__benchPosted = NaN;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    t0 = performance.now();
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (el.dispatchEvent(paste)) {
      el.value = text;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
    tHandler = performance.now();
  });
}

// A new tab with the page loaded, its warm-up done (the worker's first answer; a page without a
// worker warms up on the main thread 200 ms after its first paint) and a second gone by since it
// started, so that every build is measured from the same state: what an admin's first paste meets.
async function freshPage(context, origin) {
  const page = await context.newPage();
  await page.addInitScript(hookDebounce);
  await page.goto(`${origin}/`);
  await page.locator('#input-text').waitFor();
  // The same settling time for every build (background compilation of the wasm competes for
  // the machine's cores for a while after the warm-up).
  await page.waitForFunction(() => (window.__benchWarm === true || window.__benchWorkers === 0)
    && performance.now() > 1000, null, { polling: 20 });
  page.cdp = await context.newCDPSession(page);
  await page.cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return page;
}

// Milliseconds of CPU time the page's main thread has used (Chromium's ThreadTime metric). Unlike
// the wall-clock figures it does not count the time the thread waited for a core, so it stays
// comparable between builds on a busy machine (it still rises a little with cache contention).
async function threadMs(page) {
  const { metrics } = await page.cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
}

// `pasteAndWait` with the main thread's CPU time from the paste until it resolves (`cpu`): the
// painted frame and, for a result, its notes and steps drawn.
async function pasteMeasured(page, args) {
  const before = await threadMs(page);
  const sample = await page.evaluate(pasteAndWait, args);
  sample.cpu = (await threadMs(page)) - before;
  return sample;
}

// Empties the textarea (asking for it first when a long paste is shown read-only) and waits
// until the page shows its empty state again.
async function clear(page) {
  const edit = page.getByRole('button', { name: 'Edit it here' });
  if (await edit.count()) await edit.click();
  await page.locator('#input-text').waitFor();
  await page.evaluate(() => {
    const el = document.querySelector('#input-text');
    el.value = '';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContent' }));
  });
  await page.waitForFunction(() => document.querySelector('section.outputs .empty')
    && document.querySelector('section.outputs')?.getAttribute('aria-busy') === 'false', null, { timeout: 60000, polling: 50 });
}

// Paste → shown: `cold` runs use a fresh page each (the first paste after load, as an admin does
// it); `warm` runs paste again into the same page after emptying it.
// First pastes only, each in a fresh page (for inputs too large to paste twice in reasonable time).
async function coldRuns(context, origin, text, sel, runs, timeout = 60000) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const page = await freshPage(context, origin);
    out.push(await pasteMeasured(page, { text, sel, contains: null, timeout }));
    await page.close();
  }
  return out;
}

async function pasteRuns(context, origin, text, sel, contains, runs, timeout = 60000, subtree = false) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    const page = await freshPage(context, origin);
    cold.push(await pasteMeasured(page, { text, sel, contains, timeout, subtree }));
    if (i < Math.min(runs, 3)) {
      await clear(page);
      warm.push(await pasteMeasured(page, { text, sel, contains, timeout, subtree }));
    }
    await page.close();
  }
  return { cold, warm };
}

// In the page: the cost of `n` keystrokes at the end of a textarea (the page's, or with `plain`
// a bare textarea with the same text and class, which has no listener: the browser's floor).
// Each goes through the browser's editing (execCommand insertText inserts the text, then fires
// input, and the page's handler runs inside it). Listeners on window, capture and bubble, split
// the time: the editing before the input event, the page's input listeners, the microtasks they
// queued (Yew renders there), then the next frame.
async function typeKeys({ n, plain }) {
  let el = document.querySelector('#input-text');
  if (plain) {
    const ta = document.createElement('textarea');
    for (const a of ['class', 'rows', 'wrap', 'spellcheck', 'autocomplete']) ta.setAttribute(a, el.getAttribute(a) ?? '');
    ta.value = el.value;
    el.after(ta);
    el = ta;
  }
  el.focus();
  el.setSelectionRange(el.value.length, el.value.length);
  let tIn;
  let tOut;
  const cap = () => { tIn = performance.now(); };
  const bub = () => { tOut = performance.now(); };
  window.addEventListener('input', cap, true);
  window.addEventListener('input', bub, false);
  const task = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
  const out = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    document.execCommand('insertText', false, 'x');
    const t1 = performance.now();
    for (let k = 0; k < 5; k++) await Promise.resolve();
    const t2 = performance.now();
    await new Promise((r) => requestAnimationFrame(r));
    await task();
    out.push({ editing: tIn - t0, listeners: tOut - tIn, sync: t1 - t0, micro: t2 - t1, frame: performance.now() - t0 });
  }
  window.removeEventListener('input', cap, true);
  window.removeEventListener('input', bub, false);
  if (plain) el.remove();
  return out;
}

// In the page: the browser's floor for showing a paste: a bare textarea (same attributes as the
// page's) gets `text`, then the next frame is painted. No listener, no conversion.
async function bareTextarea(text) {
  const el = document.querySelector('#input-text');
  const ta = document.createElement('textarea');
  for (const a of ['class', 'rows', 'wrap', 'spellcheck', 'autocomplete']) ta.setAttribute(a, el.getAttribute(a) ?? '');
  el.after(ta);
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const t0 = performance.now();
  ta.value = text;
  await new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); }));
  const painted = performance.now() - t0;
  ta.remove();
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return { painted };
}

// In the page: scrolls `sel` by `step` px per frame and records the frame intervals.
function scrollFrames({ sel, step, frames }) {
  const el = document.querySelector(sel);
  el.scrollTop = 0;
  return new Promise((done) => {
    const times = [];
    let last = null;
    const tick = (ts) => {
      if (last !== null) times.push(ts - last);
      last = ts;
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      if (times.length >= frames || end) { done({ times, height: el.scrollHeight, rows: el.querySelectorAll('tr').length }); return; }
      el.scrollTop += step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

function scrollSummary(r) {
  const t = r.times;
  return `${t.length} frames over ${r.rows} table rows (${r.height} px): median ${ms(median(t))} ms, p95 ${ms(pct(t, 0.95))} ms, max ${ms(Math.max(...t))} ms, ${t.filter((x) => x > 20).length} frames > 20 ms`;
}

// Splits a paste sample: the conversion (from the debounce callback, or, where the page converts a
// paste at once, from the request posted to its worker, to the worker's answer), then until the
// rows are in the DOM (the report read back, Yew's render: the diff model, the virtual DOM, the
// DOM), then the wait for the next frame (requestAnimationFrame: up to 16.7 ms at 60 Hz, idle),
// then that frame's style, layout, paint. `minus`: paste → painted without the 150 ms typing pause,
// where the page waited for it (before it converted pastes at once). A small input is converted
// on the page, inside the paste's own handler (app.rs, IN_PLACE_BYTES): no callback, no worker;
// its conversion is then not told apart from the render, which runs from the paste.
function split(samples) {
  for (const s of samples) {
    const waited = Number.isFinite(s.fired);
    const inPlace = !waited && !Number.isFinite(s.posted);
    s.start = waited ? s.fired : inPlace ? 0 : s.posted;
    s.work = s.painted - s.start;
    s.minus = s.painted - (waited ? DEBOUNCE : 0);
    s.conv = s.converted - s.start;
    s.render = s.dom - (inPlace ? 0 : s.converted);
    s.vsync = s.frame - s.dom;
    s.paint = s.painted - s.frame;
  }
}

const rows = [];
function row(what, samples, key, goal, note = '') {
  const xs = samples.map((s) => s[key]).filter(Number.isFinite);
  rows.push({ what, n: xs.length, median: median(xs), range: xs.length ? range(xs) : '–', goal, note });
}

async function main() {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html missing: run scripts/build-web`);
  if (!existsSync(join(inputs, 'httpd-100k.conf'))) {
    execFileSync('cargo', ['run', '--release', '--example', 'gen_large', '--', 'all', inputs], { cwd: root, stdio: 'inherit' });
  }
  const stock = readFileSync(stockWeb, 'utf8');
  const httpd10k = readFileSync(join(inputs, 'httpd-10k.conf'), 'utf8');
  const ini10k = readFileSync(join(inputs, 'ini-10k.conf'), 'utf8');
  const httpd100k = readFileSync(join(inputs, 'httpd-100k.conf'), 'utf8');
  const cl100k = client100k();

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dist], { stdio: 'ignore' });
  process.on('exit', () => server.kill());
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const version = browser.version();
    const wasm = execFileSync('sh', ['-c', `ls ${dist}/*.wasm | head -1 | xargs basename`]).toString().trim();
    console.log(`chromium ${version}; ${wasm}; ${RUNS} runs; ${new Date().toISOString()}`);
    await waitForServer(`${origin}/index.html`);

    // 4. First load. Cold: a new browser context (empty cache) per run. Warm: reloads.
    const loadInit = () => {
      new MutationObserver((_, mo) => {
        if (document.querySelector('#input-text')) { window.__benchApp = performance.now(); mo.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    };
    const loadFigures = () => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasmEntry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        ttfb: nav.responseStart, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
        wasm: wasmEntry?.responseEnd, app: window.__benchApp, fcp: fcp?.startTime,
      };
    };
    const coldLoads = [];
    const warmLoads = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      await context.addInitScript(loadInit);
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => window.__benchApp && performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0
        && performance.getEntriesByName('first-contentful-paint').length > 0);
      coldLoads.push(await page.evaluate(loadFigures));
      if (i < 3) {
        await page.reload();
        await page.waitForFunction(() => window.__benchApp && performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0
          && performance.getEntriesByName('first-contentful-paint').length > 0);
        warmLoads.push(await page.evaluate(loadFigures));
      }
      await context.close();
    }
    for (const [label, samples] of [['cold (empty cache)', coldLoads], ['warm (reload)', warmLoads]]) {
      row(`4. load ${label}: DOMContentLoaded`, samples, 'dcl', '');
      row(`4. load ${label}: load event end`, samples, 'load', '');
      row(`4. load ${label}: wasm response end`, samples, 'wasm', '');
      row(`4. load ${label}: first contentful paint`, samples, 'fcp', '');
      row(`4. load ${label}: app rendered (textarea in DOM)`, samples, 'app', '');
    }

    const context = await browser.newContext({ viewport: VIEWPORT });

    // 1. Paste → diff rendered.
    // Goals (issue "The page at the browser's own speed"): [first paste, again].
    const sumUp = (label, r, goals) => {
      for (const [kind, samples, goal] of [['first paste', r.cold, goals[0]], ['again, same page', r.warm, goals[1]]]) {
        split(samples);
        row(`1. ${label}, ${kind}: paste → painted`, samples, 'painted', goal);
        row(`1. ${label}, ${kind}: paste → notes and steps drawn too (a frame after the diff)`, samples, 'whole', '');
        row(`1. ${label}, ${kind}: paste → painted, less the 150 ms pause where the page waited`, samples, 'minus', '');
        row(`1. ${label}, ${kind}: conversion started → painted`, samples, 'work', '');
        row(`1. ${label}, ${kind}:   of which conversion (core; in the worker: request made, converted, bytes back)`, samples, 'conv', '');
        row(`1. ${label}, ${kind}:   of which Yew render (diff, DOM; report read back)`, samples, 'render', '');
        row(`1. ${label}, ${kind}:   of which wait for the frame (rAF)`, samples, 'vsync', '');
        row(`1. ${label}, ${kind}:   of which style, layout, paint`, samples, 'paint', '');
        row(`1. ${label}, ${kind}: longest main-thread task`, samples, 'longest', '');
        row(`1. ${label}, ${kind}: main-thread CPU time, paste → all drawn (notes too) and the diff painted (steadier under load)`, samples, 'cpu', '');
      }
    };
    const stockRuns = await pasteRuns(context, origin, stock, 'table.diff tr.row.replace', null, RUNS);
    sumUp('stock 1.6 kojiweb.conf', stockRuns, ['≤ 40 ms', '≤ 16 ms']);
    // The same, measured as before 2026-12-02 (see pasteAndWait): the figures to compare with
    // older tables.
    const stockObserved = await pasteRuns(context, origin, stock, 'table.diff tr.row.replace', null, RUNS, 60000, true);
    row('1. stock 1.6 kojiweb.conf, first paste: paste → painted, with a subtree MutationObserver (the method before 2026-12-02)', stockObserved.cold, 'painted', '');
    row('1. stock 1.6 kojiweb.conf, again, same page: paste → painted, with a subtree MutationObserver (the method before 2026-12-02)', stockObserved.warm, 'painted', '');
    const h10 = await pasteRuns(context, origin, httpd10k, 'table.diff tr.row', null, RUNS);
    sumUp('httpd-10k', h10, ['≤ 150 ms', '≤ 80 ms']);
    const i10 = await pasteRuns(context, origin, ini10k, 'table.diff tr.row', null, Math.min(RUNS, 5));
    sumUp('ini-10k', i10, ['≤ 150 ms', '≤ 80 ms']);
    const notes = [`paste handler (sync): stock ${ms(median(stockRuns.cold.map((s) => s.handler)))} ms, httpd-10k ${ms(median(h10.cold.map((s) => s.handler)))} ms`,
      `diff rows on the page: stock ${stockRuns.cold[0].rows}, httpd-10k ${h10.cold[0].rows}, ini-10k ${i10.cold[0].rows}`];

    // 2. Typing into the 10,000-line input, once its diff is on the page.
    let page = await freshPage(context, origin);
    await page.evaluate(pasteAndWait, { text: httpd10k, sel: 'table.diff tr.row', contains: null, timeout: 60000 });
    // Pasted, a file this long is shown read-only: ask for the textarea, as an admin would.
    const edit = page.getByRole('button', { name: 'Edit it here' });
    if (await edit.count()) await edit.click();
    await page.locator('#input-text').waitFor();
    const typing = await page.evaluate(typeKeys, { n: 40, plain: false });
    const floor = await page.evaluate(typeKeys, { n: 40, plain: true });
    row('2. httpd-10k: keystroke, the page\'s input listeners', typing, 'listeners', '≤ 4 ms');
    row('2. httpd-10k: keystroke, microtasks after them (Yew)', typing, 'micro', '');
    row('2. httpd-10k: keystroke, browser editing before input', typing, 'editing', '');
    row('2. httpd-10k: keystroke, whole sync (editing + listeners)', typing, 'sync', '');
    row('2. httpd-10k: keystroke → next frame painted', typing, 'frame', '');
    row('2. floor, bare textarea, same text: whole sync', floor, 'sync', '');
    row('2. floor, bare textarea, same text: → next frame painted', floor, 'frame', '');
    // Trusted key events through the DevTools protocol, read back from Event Timing entries
    // (the API reports only events of 16 ms or more).
    await page.waitForFunction(() => document.querySelector('section.outputs')?.getAttribute('aria-busy') === 'false', null, { timeout: 60000 });
    await page.evaluate(() => {
      window.__benchLong = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__benchLong.push(e.duration); })
        .observe({ type: 'longtask' });
      window.__benchEvents = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__benchEvents.push({ name: e.name, duration: e.duration, processing: e.processingEnd - e.processingStart }); })
        .observe({ type: 'event', durationThreshold: 16 });
    });
    await page.locator('#input-text').press('End');
    await page.keyboard.type('abcdefghijklmnopqrst', { delay: 20 });
    await page.waitForTimeout(500);
    // The conversion after the pause runs too: wait for it before reading the long tasks.
    await page.waitForFunction(() => document.querySelector('section.outputs')?.getAttribute('aria-busy') === 'false', null, { timeout: 60000 });
    await page.waitForTimeout(300);
    const long = await page.evaluate(() => window.__benchLong);
    notes.push(`2. httpd-10k: trusted typing of 20 keys and the conversion after it: ${long.length} long tasks (≥ 50 ms), longest ${long.length ? ms(Math.max(...long)) : '–'} ms (goal: none over 50 ms)`);
    const events = await page.evaluate(() => window.__benchEvents);
    const byName = {};
    for (const e of events) (byName[e.name] ??= []).push(e);
    notes.push(`trusted typing (20 keys, 20 ms apart; Event Timing reports events of ≥ 16 ms only): ${Object.entries(byName).map(([name, es]) => `${name} ×${es.length}, median duration ${ms(median(es.map((e) => e.duration)))} ms, median processing ${ms(median(es.map((e) => e.processing)))} ms`).join('; ') || 'none'}`);
    // The conversion that follows the last keystroke blocks the page (a long task):
    // (a line added on top shifts every line number in the diff, so the table changes).
    await page.waitForTimeout(300);
    const busy = await page.evaluate(pasteAndWait, { text: `# edited\n${httpd10k}`, sel: 'table.diff', contains: null, timeout: 60000 });
    notes.push(`httpd-10k: one edit → diff painted again ${ms(busy.painted)} ms (debounce fired → painted ${ms(busy.painted - busy.fired)} ms)`);
    // Scrolling the 10k diff.
    const scroll10k = await page.evaluate(scrollFrames, { sel: '.outputs .diff-wrap', step: 150, frames: 120 });
    notes.push(`3. httpd-10k diff scroll, 150 px per frame: ${scrollSummary(scroll10k)}`);
    await page.close();

    // 3. Large: 100,000 lines (httpd-100k, 3.5 MB; client-100k, 829 KiB). The page before the
    // virtual diff showed a notice for inputs over 1 MiB and drew 1,500 rows before "show all".
    const floors = [];
    page = await freshPage(context, origin);
    for (const [label, text] of [['httpd-10k', httpd10k], ['httpd-100k', httpd100k], ['client-100k', cl100k]]) {
      const xs = [];
      for (let i = 0; i < 3; i++) xs.push(await page.evaluate(bareTextarea, text));
      floors.push([label, xs]);
    }
    await page.close();
    for (const [label, xs] of floors) row(`floor: bare textarea gets ${label} → painted`, xs, 'painted', '');
    const bigInput = await coldRuns(context, origin, httpd100k, '.inputs tr.row, .inputs textarea', 3);
    row('3. httpd-100k (3.5 MB): paste → input shown (read-only rows, or the textarea) painted', bigInput, 'painted', '≤ 1 s');
    const big = await coldRuns(context, origin, httpd100k, '.outputs table.diff tr.row, .outputs p.unchanged', 3, 120000);
    split(big);
    row('3. httpd-100k: paste → first diff rows (or the old page\'s "too large" notice) painted', big, 'painted', '≤ 1 s');
    row('3. httpd-100k:   of which conversion (core)', big, 'conv', '');
    row('3. httpd-100k:   of which Yew render', big, 'render', '');
    row('3. httpd-100k: longest main-thread task, paste → first rows', big, 'longest', '');
    row('3. httpd-100k: main-thread CPU time, paste → first rows', big, 'cpu', '');
    const under = await coldRuns(context, origin, cl100k, '.outputs table.diff tr.row', 3, 180000);
    row(`3. client-100k (${(cl100k.length / 1024).toFixed(0)} KiB): paste → first diff rows painted`, under, 'painted', '≤ 1 s');
    split(under);
    row('3. client-100k:   of which conversion (core)', under, 'conv', '');
    row('3. client-100k:   of which Yew render (diff, DOM)', under, 'render', '');
    row('3. client-100k: longest main-thread task, paste → first rows', under, 'longest', '');
    notes.push(`client-100k: ${under[0].rows} diff rows in the DOM at the first paint`);
    page = await freshPage(context, origin);
    await page.evaluate(pasteAndWait, { text: cl100k, sel: '.outputs table.diff tr.row', contains: null, timeout: 180000 });
    notes.push(`3. client-100k diff scroll from the first paint, 150 px per frame: ${scrollSummary(await page.evaluate(scrollFrames, { sel: '.outputs .diff-wrap', step: 150, frames: 120 }))}`);
    // "show all": every row of the 100k diff on the page.
    const showAll = await page.evaluate(() => new Promise((done) => {
      const button = [...document.querySelectorAll('button.link')].find((b) => b.textContent.includes('show all'));
      if (!button) { done(null); return; }
      const before = document.querySelectorAll('table.diff tr').length;
      const t0 = performance.now();
      button.click();
      const check = () => {
        const n = document.querySelectorAll('table.diff tr').length;
        if (n > before) requestAnimationFrame(() => setTimeout(() => done({ ms: performance.now() - t0, rows: n }), 0));
        else setTimeout(check, 5);
      };
      check();
    }));
    if (showAll) {
      notes.push(`client-100k "show all": ${showAll.rows} table rows painted ${ms(showAll.ms)} ms after the click`);
      notes.push(`3. client-100k all rows, scroll 150 px per frame: ${scrollSummary(await page.evaluate(scrollFrames, { sel: '.outputs .diff-wrap', step: 150, frames: 120 }))}`);
    }
    await page.close();
    await context.close();

    const w = Math.max(...rows.map((r) => r.what.length));
    console.log(`\n${'measure'.padEnd(w)} | runs | median ms | range ms  | goal`);
    console.log(`${'-'.repeat(w)}-|------|-----------|-----------|--------`);
    for (const r of rows) console.log(`${r.what.padEnd(w)} | ${String(r.n).padStart(4)} | ${ms(r.median).padStart(9)} | ${r.range.padEnd(9)} | ${r.goal}`);
    console.log('');
    for (const n of notes) console.log(`- ${n}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
