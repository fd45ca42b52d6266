// What the browser tests and the benchmark share: a free loopback port and waiting for a server
// to answer. (Not a test file: node's runner only picks up *.test.mjs.)
import { createServer } from 'node:net';

/// A TCP port free on 127.0.0.1 right now.
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/// Resolves once `url` answers 200, polling; fails after `ms` (a server that does not start).
export async function waitForServer(url, ms = 10000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/// An init script (run before the page's own scripts): counts the requests the page posts to its
/// conversion worker and what the worker answers, in `window.__worker` = { started, posted,
/// answers, failures }, by wrapping the `Worker` constructor the page calls. An answer is a
/// report's bytes; a failure is the worker's `null`.
export function countWorkerAnswers() {
  const Native = window.Worker;
  const seen = { started: 0, posted: 0, answers: 0, failures: 0 };
  window.__worker = seen;
  if (!Native) return;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      seen.started += 1;
      const post = this.postMessage.bind(this);
      this.postMessage = (...message) => { seen.posted += 1; return post(...message); };
      this.addEventListener('message', (e) => {
        if (e.data) seen.answers += 1; else seen.failures += 1;
      });
    }
  };
}
