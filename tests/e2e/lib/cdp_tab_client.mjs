// A small Chrome DevTools Protocol client over --remote-debugging-pipe, for the browser tests that
// need the browser's prerendering (tests/e2e/prerender.test.js) and the browser benchmark
// (bench/browser).
//
// Why not Playwright here: Chromium refuses to prerender (Speculation Rules) while the initiating
// page has a DevTools session attached without tab-target support
// (Preload.prerenderStatusUpdated: "PrerenderingDisabledByDevTools"), and playwright-core attaches
// to page targets directly. This client attaches to the tab target and auto-attaches the pages
// under it, as Puppeteer does, so that a page the browser prerendered is really activated.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

const live = new Set(); // browsers not yet closed, for killAll() on exit

export function killAll() {
  for (const b of live) b.kill();
}

export class Browser {
  static async launch({ executablePath = '/usr/bin/chromium', extraFlags = [], timeoutMs = 30000 } = {}) {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyb-bench-chromium-'));
    const args = ['--headless', '--remote-debugging-pipe', `--user-data-dir=${userDataDir}`, ...CHROMIUM_FLAGS,
      '--window-size=1280,900', ...extraFlags, 'about:blank'];
    // Its own process group (detached), so that kill() ends the renderers with it.
    const proc = spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true });
    const browser = new Browser(proc, userDataDir, timeoutMs);
    live.add(browser);
    await browser.send('Browser.getVersion');
    return browser;
  }

  constructor(proc, userDataDir, timeoutMs) {
    this.proc = proc;
    this.userDataDir = userDataDir;
    this.timeoutMs = timeoutMs;
    this.nextId = 0;
    this.pending = new Map();
    this.listeners = new Set();
    this.stderr = '';
    this.closed = false;
    let buffer = '';
    proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    proc.stdio[4].on('data', (chunk) => {
      buffer += chunk.toString();
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
        this.dispatch(message);
      }
    });
    proc.on('exit', () => {
      this.closed = true;
      for (const { reject, timer } of this.pending.values()) {
        clearTimeout(timer); // nothing keeps the test process waiting for a browser that is gone
        reject(new Error('chromium exited: ' + this.stderr.slice(-500)));
      }
      this.pending.clear();
    });
  }

  dispatch(message) {
    if (message.id !== undefined && this.pending.has(message.id)) {
      const { resolve, reject, timer, method } = this.pending.get(message.id);
      this.pending.delete(message.id);
      clearTimeout(timer);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
      return;
    }
    for (const listener of [...this.listeners]) listener(message);
  }

  send(method, params = {}, sessionId = undefined) {
    if (this.closed) return Promise.reject(new Error('chromium is closed'));
    const id = ++this.nextId;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer, method });
      this.proc.stdio[3].write(JSON.stringify(message) + '\0');
    });
  }

  on(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // The first event matching `predicate`, or a timeout error.
  waitFor(predicate, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { off(); reject(new Error(`timeout (${timeoutMs} ms) waiting for ${what}`)); }, timeoutMs);
      const off = this.on((m) => {
        let hit;
        try { hit = predicate(m); } catch (e) { hit = false; }
        if (hit) { clearTimeout(timer); off(); resolve(m); }
      });
    });
  }

  // The browser's first tab, attached through its tab target.
  async firstTab(setupPage) {
    const { targetInfos } = await this.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tabInfo = targetInfos.find((t) => t.type === 'tab');
    if (!tabInfo) throw new Error('no tab target (this Chromium is too old for tab targets)');
    const { sessionId } = await this.send('Target.attachToTarget', { targetId: tabInfo.targetId, flatten: true });
    const tab = new Tab(this, sessionId, setupPage);
    await tab.start();
    return tab;
  }

  kill() {
    live.delete(this);
    if (!this.closed) {
      try { process.kill(-this.proc.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    fs.rmSync(this.userDataDir, { recursive: true, force: true });
  }

  async close() {
    const exited = this.closed ? Promise.resolve() : new Promise((r) => this.proc.once('exit', r));
    if (!this.closed) {
      this.send('Browser.close').catch(() => {});
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    }
    // The rest of its process group (renderers, zygotes) too, and only then its profile: a process
    // still running could write it again.
    try { process.kill(-this.proc.pid, 'SIGKILL'); } catch { /* gone */ }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    await new Promise((r) => setTimeout(r, 200));
    this.kill();
  }
}

// A tab and the page targets under it: its current page, and the pages it prerenders (a prerendered
// page is a target of its own, which becomes the tab's page when it is activated).
export class Tab {
  constructor(browser, sessionId, setupPage) {
    this.browser = browser;
    this.sessionId = sessionId;
    this.setupPage = setupPage;
    this.pages = new Map(); // sessionId -> {sessionId, targetId, subtype, ready: Promise}
  }

  async start() {
    this.browser.on((m) => {
      if (m.method === 'Target.attachedToTarget' && m.sessionId === this.sessionId && m.params.targetInfo.type === 'page') {
        const { sessionId, targetInfo } = m.params;
        const page = { sessionId, targetId: targetInfo.targetId, subtype: targetInfo.subtype };
        // The page waits for the debugger: send its set-up, then let it run. The commands are not
        // awaited first: a prerendered page may answer them only once it runs, and the protocol
        // applies them in order anyway.
        // (setupPage must send its commands before its first await.)
        let setup;
        try { setup = Promise.resolve(this.setupPage(sessionId, page)).catch((e) => { page.setupError = e; }); } catch (e) { setup = Promise.resolve(); page.setupError = e; }
        const run = this.browser.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => {});
        page.ready = Promise.all([setup, run]);
        this.pages.set(sessionId, page);
      } else if (m.method === 'Target.detachedFromTarget' && m.sessionId === this.sessionId) {
        this.pages.delete(m.params.sessionId);
      } else if (m.method === 'Target.targetInfoChanged') {
        for (const page of this.pages.values())
          if (page.targetId === m.params.targetInfo.targetId) page.subtype = m.params.targetInfo.subtype;
      }
    });
    await this.browser.send('Target.setDiscoverTargets', { discover: true }).catch(() => {});
    await this.browser.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, this.sessionId);
    const deadline = Date.now() + 10000;
    while (this.pages.size === 0) {
      if (Date.now() > deadline) throw new Error('the tab has no page');
      await new Promise((r) => setTimeout(r, 10));
    }
    await this.primary().ready;
  }

  // The page the user sees: the one that is not a prerender.
  primary() {
    const pages = [...this.pages.values()];
    return pages.find((p) => p.subtype !== 'prerender') || pages[0];
  }

  send(method, params = {}) {
    return this.browser.send(method, params, this.primary().sessionId);
  }
}
