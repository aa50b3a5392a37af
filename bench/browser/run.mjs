#!/usr/bin/env node
// Browser benchmark (bench/run.sh section 5; bench/browser/README.md): the same AFIB questionnaire
// as SurveyJS pages, as a plain HTML form and as Cyberachat's vendor pages, in headless Chromium.
//   node bench/browser/run.mjs BUILD_DIR|BINARY
// Environment: BENCH_BROWSER_LOADS (15), BENCH_BROWSER_RUNS (3), BENCH_BROWSER_READ_MS (1000),
// BENCH_BROWSER_TIMEOUT_S (1800, the whole benchmark), BENCH_BROWSER_VARIANTS (comma-separated,
// default surveyjs,plain,cyberachat,cyberachat-document), BENCH_BROWSER_JSON (write every figure
// there), CHROMIUM (/usr/bin/chromium).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Browser, killAll } from '../../tests/e2e/lib/cdp_tab_client.mjs';
import { toSurveyJs, selfCheck, toPlainPages, PLAIN_CSS, sectionsOf } from './convert.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const Survey = require('survey-core');
const surveyCoreDir = path.join(here, 'node_modules', 'survey-core');
const surveyUiDir = path.join(here, 'node_modules', 'survey-js-ui');
const surveyVersion = JSON.parse(fs.readFileSync(path.join(surveyCoreDir, 'package.json'))).version;
const surveyUiVersion = JSON.parse(fs.readFileSync(path.join(surveyUiDir, 'package.json'))).version;

const env = (name, fallback) => (process.env[name] !== undefined && process.env[name] !== '' ? process.env[name] : fallback);
const LOADS = Math.max(2, Number(env('BENCH_BROWSER_LOADS', 15)));
const RUNS = Math.max(1, Number(env('BENCH_BROWSER_RUNS', 3)));
const READ_MS = Number(env('BENCH_BROWSER_READ_MS', 1000));
const TIMEOUT_S = Number(env('BENCH_BROWSER_TIMEOUT_S', 1800));
const VARIANTS = env('BENCH_BROWSER_VARIANTS', 'surveyjs,plain,cyberachat,cyberachat-document').split(',').map((s) => s.trim()).filter(Boolean);
const CHROMIUM = env('CHROMIUM', '/usr/bin/chromium');
const WAIT_MS = 20000; // any single wait in a load
const PASSWORD = 'Quartz-Velours-4821';
const DEBUG = !!process.env.BENCH_BROWSER_DEBUG;
// BENCH_BROWSER_FLAGS: more Chromium flags, space-separated (e.g. "--disable-frame-rate-limit
// --disable-gpu-vsync": frames drawn as soon as they are ready, not on a 60 Hz clock).
const EXTRA_FLAGS = (process.env.BENCH_BROWSER_FLAGS || '').split(' ').filter(Boolean);
const SHOTS = process.env.BENCH_BROWSER_SCREENSHOTS || '';

// ---- resources that must not outlive the run ----------------------------------------------------

const cleanups = [];
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  killAll();
  for (const fn of cleanups.reverse()) { try { fn(); } catch { /* best effort */ } }
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => { cleanup(); process.exit(130); });
const watchdog = setTimeout(() => {
  console.error(`browser bench: stopped after ${TIMEOUT_S} s (BENCH_BROWSER_TIMEOUT_S)`);
  cleanup();
  process.exit(1);
}, TIMEOUT_S * 1000);
watchdog.unref();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
async function waitHttp(url, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not yet */ }
    await sleep(100);
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

// ---- the binary and the questionnaire -----------------------------------------------------------

function resolveBinary(arg) {
  const given = arg || 'build';
  const candidates = [given, path.join(given, 'cyberachat'), path.resolve(here, '../..', given, 'cyberachat')];
  for (const c of candidates) if (fs.existsSync(c) && fs.statSync(c).isFile()) return path.resolve(c);
  throw new Error(`no cyberachat binary at ${given} (give the build folder or the binary)`);
}

// ---- the static sites served by nginx -----------------------------------------------------------

const escapeScript = (json) => JSON.stringify(json).replace(/</g, '\\u003c');

function surveyHtml(json, libCore, libUi) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${json.title.replace(/</g, '&lt;')}</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="${libCore}/survey-core.fontless.min.css">
<script>window.__benchNeedsRender = true;</script>
</head><body><div id="survey"></div>
<script src="${libCore}/survey.core.min.js"></script>
<script src="${libCore}/i18n/french.min.js"></script>
<script src="${libUi}/survey-js-ui.min.js"></script>
<script>
var survey = new Survey.Model(${escapeScript(json)});
survey.onAfterRenderSurvey.add(function () { window.__benchRendered = true; dispatchEvent(new Event("bench-rendered")); });
// The next page's first frame, on the page's clock (as Cyberachat's app.js marks a page shown).
survey.onCurrentPageChanged.add(function () {
  requestAnimationFrame(function () {
    window.__benchShownNow = performance.timeOrigin + performance.now();
    document.documentElement.dataset.shownAt = String(window.__benchShownNow);
    dispatchEvent(new Event("bench-shown"));
  });
});
survey.render(document.getElementById("survey"));
</script></body></html>
`;
}

function gzipTo(file) {
  fs.writeFileSync(file + '.gz', zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
}

function buildSites(work, questionnaire) {
  const www = path.join(work, 'www');
  const libCore = `/lib/survey-core-${surveyVersion}`;
  const libUi = `/lib/survey-js-ui-${surveyUiVersion}`;
  const copy = (from, to) => {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    gzipTo(to); // nginx gzip_static: the library files precompressed once, as a deployment would
  };
  copy(path.join(surveyCoreDir, 'survey.core.min.js'), path.join(www, libCore, 'survey.core.min.js'));
  copy(path.join(surveyCoreDir, 'survey-core.fontless.min.css'), path.join(www, libCore, 'survey-core.fontless.min.css'));
  copy(path.join(surveyCoreDir, 'i18n', 'french.min.js'), path.join(www, libCore, 'i18n', 'french.min.js'));
  copy(path.join(surveyUiDir, 'survey-js-ui.min.js'), path.join(www, libUi, 'survey-js-ui.min.js'));

  const { json, conditions } = toSurveyJs(questionnaire);
  const check = selfCheck(questionnaire, conditions, Survey);
  fs.mkdirSync(path.join(www, 'surveyjs'), { recursive: true });
  fs.writeFileSync(path.join(www, 'surveyjs', 'index.html'), surveyHtml(json, libCore, libUi));
  fs.writeFileSync(path.join(www, 'surveyjs', 'survey.json'), JSON.stringify(json, null, 1));

  const cssName = `plain-${crypto.createHash('sha256').update(PLAIN_CSS).digest('hex').slice(0, 12)}.css`;
  const pages = toPlainPages(questionnaire, cssName);
  fs.mkdirSync(path.join(www, 'plain'), { recursive: true });
  fs.writeFileSync(path.join(www, 'plain', cssName), PLAIN_CSS);
  for (const p of pages) fs.writeFileSync(path.join(www, 'plain', p.file), p.html);

  for (const dir of [work, ...walkDirs(www)]) fs.chmodSync(dir, 0o755); // nginx workers read them
  return { www, conditions, check, plainPages: pages.length, surveyPages: json.pages.length };
}

function walkDirs(dir) {
  const out = [dir];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) out.push(...walkDirs(path.join(dir, e.name)));
  return out;
}

async function startNginx(work, www) {
  const port = await freePort();
  const tmp = path.join(work, 'nginx-tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const conf = path.join(work, 'nginx.conf');
  // Static files as one would serve them: gzip (precompressed library files), long-lived cache for
  // the versioned library files and the hashed CSS, revalidation (ETag) for the HTML.
  fs.writeFileSync(conf, `worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${tmp}; proxy_temp_path ${tmp}; fastcgi_temp_path ${tmp}; uwsgi_temp_path ${tmp}; scgi_temp_path ${tmp};
  sendfile on; tcp_nodelay on; keepalive_timeout 30;
  gzip on; gzip_vary on; gzip_comp_level 6; gzip_min_length 256;
  gzip_types text/css application/javascript text/javascript application/json;
  gzip_static on;
  server {
    listen 127.0.0.1:${port};
    root ${www};
    charset utf-8; charset_types text/html text/css application/javascript application/json;
    location /lib/ { add_header Cache-Control "public, max-age=31536000, immutable"; }
    location ~ ^/plain/plain-[0-9a-f]+\\.css$ { add_header Cache-Control "public, max-age=31536000, immutable"; }
    location / { add_header Cache-Control "no-cache"; }
  }
}
`);
  const r = spawnSync('nginx', ['-c', conf], { encoding: 'utf8', timeout: 15000 });
  if (r.status !== 0) throw new Error(`nginx did not start: ${r.stderr}`);
  cleanups.push(() => spawnSync('nginx', ['-c', conf, '-s', 'stop'], { timeout: 10000 }));
  const base = `http://127.0.0.1:${port}`;
  await waitHttp(`${base}/plain/s1.html`);
  return base;
}

// ---- Cyberachat: a throwaway instance, a purchase, one invited vendor (as bench/run.sh) ----------

async function startCyberachat(bin, work, run) {
  const data = path.join(work, `data-${run}`);
  execFileSync(bin, ['user', 'add', 'bench@chu.test', '--role', 'biomedical', '--password-stdin', '--data', data],
    { input: PASSWORD + '\n', stdio: ['pipe', 'ignore', 'inherit'], timeout: 30000 });
  const token = execFileSync(bin, ['token', 'create', 'bench@chu.test', '--data', data], { encoding: 'utf8', timeout: 30000 }).trim();
  const port = await freePort();
  const log = fs.openSync(path.join(work, `server-${run}.log`), 'w');
  const server = spawn(bin, ['serve', '--port', String(port), '--data', data], { stdio: ['ignore', log, log] });
  const stop = () => { try { server.kill('SIGTERM'); } catch { /* gone */ } };
  cleanups.push(stop);
  const base = `http://127.0.0.1:${port}`;
  await waitHttp(`${base}/healthz`);
  const post = async (url, body) => {
    const r = await fetch(base + url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`POST ${url}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const acquisition = await post('/api/v1/acquisitions', { title: "Banc d'essai navigateur", equipment: 'Scanner' });
  const vendor = await post(`/api/v1/acquisitions/${acquisition.id}/vendors`, { company: 'Bench SA', email: 'bench@vendor.test' });
  return { base, invite: vendor.invite_token, stop: () => new Promise((resolve) => { server.once('exit', resolve); stop(); setTimeout(resolve, 5000); }) };
}

// ---- the page side: reports through a CDP binding (no polling while a page loads) ---------------

// Times are taken two ways: the page's own data-shown-at (performance.now() inside its first
// requestAnimationFrame callback once shown: Cyberachat's app.js, the plain pages' and SurveyJS's
// scripts above), and "callback": performance.now() inside the bench's own first callback. Not the
// timestamp a callback is given: it is the frame's begin time, which may be well before the
// callback runs (a main thread busy loading delays the callbacks, not the timestamp) and even
// before the click that caused it. The first page is timed by the callback.
const INJECTED = `(() => {
  if (location.protocol !== 'http:') return;
  const send = (o) => { try { globalThis.__benchReport(JSON.stringify(o)); } catch (e) {} };
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const abs = () => performance.timeOrigin + performance.now();
  // First page ready: the first frame after 'load' (and, for SurveyJS, after the survey rendered).
  addEventListener('load', () => {
    const go = () => requestAnimationFrame((t) => {
      const now = performance.now();
      const n = performance.getEntriesByType('navigation')[0] || {};
      send({ kind: 'ready', t: now, frameStart: t, url: location.href, nav: { deliveryType: n.deliveryType,
        requestStart: n.requestStart, responseStart: n.responseStart, responseEnd: n.responseEnd, domInteractive: n.domInteractive,
        domContentLoaded: n.domContentLoadedEventEnd, loadEnd: n.loadEventEnd } });
    });
    if (window.__benchNeedsRender && !window.__benchRendered) addEventListener('bench-rendered', go, { once: true });
    else go();
  }, { once: true });
  document.addEventListener('click', (e) => send({ kind: 'click', at: performance.timeOrigin + e.timeStamp, url: location.href }), true);
  addEventListener('bench-shown', () => send({ kind: 'shown', at: Number(document.documentElement.dataset.shownAt),
    now: window.__benchShownNow, url: location.href }));
  // The page's first frame once shown, timed by the callback: a frame asked for when the document is
  // parsed (when Cyberachat's deferred app.js or the plain form's inline script ask for theirs), or,
  // for a prerendered page, when it is activated.
  const shownNow = new Promise((resolve) => {
    const arm = () => requestAnimationFrame(() => resolve(abs()));
    const parsed = () => (document.prerendering ? document.addEventListener('prerenderingchange', arm, { once: true }) : arm());
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', parsed, { once: true });
    else parsed();
  });
  // Cyberachat's app.js switching to the next section in place (no new document): its event, sent
  // inside the frame's callback in which it marks data-shown-at.
  document.addEventListener('cyberachat:shown', (e) => {
    if (!e.detail || !e.detail.inPlace) return;
    send({ kind: 'settled', url: location.href, shownAt: Number(document.documentElement.dataset.shownAt), now: abs(),
           fcp: null, activationStart: 0, inPlace: true });
  });
  // Once shown and loaded: what the page says (data-shown-at), the bench's own
  // callback time, and the first contentful paint, as absolute times on the page's own clock.
  (async () => {
    if (document.prerendering) await new Promise((r) => document.addEventListener('prerenderingchange', r, { once: true }));
    if (document.readyState !== 'complete') await new Promise((r) => addEventListener('load', r, { once: true }));
    await frame(); await frame();
    const attr = () => document.documentElement.dataset.shownAt;
    for (let k = 0; !attr() && k < 30; k++) await frame();
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    send({ kind: 'settled', url: location.href, shownAt: attr() ? Number(attr()) : null, now: await shownNow,
           fcp: fcp ? performance.timeOrigin + fcp.startTime : null, activationStart: nav ? nav.activationStart : 0 });
  })();
})();`;

class Variant {
  constructor(name, label, browser, tab) {
    Object.assign(this, { name, label, browser, tab });
    this.reports = [];
    this.requests = new Map();
    this.meter = null;
    browser.on((m) => this.onMessage(m));
  }

  onMessage(m) {
    if (DEBUG && m.method && m.method.startsWith('Target.')) console.error(`[${this.name}]`, m.method, JSON.stringify(m.params).slice(0, 300));
    if (DEBUG && m.method && m.method.startsWith('Preload.') && /Status/.test(m.method)) console.error(`[${this.name}]`, m.method, m.params.status, m.params.prerenderStatus || m.params.prefetchStatus || '', m.params.key?.url || '');
    if (!m.sessionId || !this.tab.pages.has(m.sessionId)) return;
    const p = m.params;
    if (m.method === 'Runtime.bindingCalled' && p.name === '__benchReport') {
      const report = JSON.parse(p.payload);
      report.sessionId = m.sessionId;
      if (DEBUG) console.error(`[${this.name}] report`, JSON.stringify(report));
      this.reports.push(report);
      for (const w of [...this.waiters]) if (w.test(report)) { this.waiters.delete(w); w.resolve(report); }
    } else if (m.method === 'Network.requestWillBeSent' && this.meter) {
      const headers = Object.fromEntries(Object.entries(p.request.headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
      // Prerenders, prefetches, and the pages app.js prepares to show in place (X-Cyberachat-Prepare).
      const speculative = m.sessionId !== this.meter.sessionId || !!headers['sec-purpose'] || !!headers['x-cyberachat-prepare'] ||
        p.type === 'Prefetch';
      if (!this.requests.has(p.requestId))
        this.requests.set(p.requestId, { url: p.request.url, speculative, counted: !speculative && this.meter.open, bytes: 0 });
    } else if (m.method === 'Network.loadingFinished') {
      const r = this.requests.get(p.requestId);
      if (r) r.bytes = p.encodedDataLength;
    }
  }

  get waiters() { return (this._waiters ||= new Set()); }

  waitReport(test, what, timeoutMs = WAIT_MS) {
    const found = this.reports.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const w = { test, resolve };
      this.waiters.add(w);
      setTimeout(() => { if (this.waiters.delete(w)) reject(new Error(`${this.name}: timeout waiting for ${what}`)); }, timeoutMs);
    });
  }

  async evaluate(expression, sessionId = this.tab.primary().sessionId) {
    const r = await this.browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
    if (r.exceptionDetails) throw new Error(`${this.name}: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
    return r.result.value;
  }

  async navigate(url) {
    const { errorText } = await this.tab.send('Page.navigate', { url });
    if (errorText) throw new Error(`${this.name}: ${url}: ${errorText}`);
  }

  async blank() {
    await this.navigate('about:blank');
    await sleep(250); // the previous page unloaded, its prerenders discarded
    this.reports = [];
    this.requests.clear();
  }
}

const SETUP_PAGE = (browser) => async (sessionId) => {
  const s = (method, params) => browser.send(method, params, sessionId);
  await Promise.all([
    s('Page.enable'), s('Runtime.enable'), s('Network.enable', {}), ...(DEBUG ? [s('Preload.enable')] : []),
    s('Runtime.addBinding', { name: '__benchReport' }),
    s('Page.addScriptToEvaluateOnNewDocument', { source: INJECTED }),
  ]);
};

const NEXT_CONTROL = {
  surveyjs: `document.querySelector('.sd-navigation__next-btn') || document.querySelector('#sv-nav-next input, #sv-nav-next button')`,
  plain: `document.querySelector('a[rel~=next]')`,
  cyberachat: `document.querySelector('a.tool-next')`,
};

// BENCH_BROWSER_SCREENSHOTS=DIR: the first and the next page of each variant's first load, as PNG.
async function screenshot(v, what) {
  const { data } = await v.tab.send('Page.captureScreenshot', { format: 'png' });
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(SHOTS, `${v.name}-${what}.png`), Buffer.from(data, 'base64'));
}

// One load: the first page from a blank tab, then the click on "next" after READ_MS of reading.
async function measureLoad(v) {
  await v.blank();
  const primary = v.tab.primary();
  v.meter = { sessionId: primary.sessionId, open: true };
  const ready = v.waitReport((r) => r.kind === 'ready' && r.url.startsWith(v.firstUrl), 'the first page ready');
  await v.navigate(v.firstUrl);
  const first = await ready;
  v.meter.open = false; // requests started after the first frame are not the first page's
  const dom = await v.evaluate('document.getElementsByTagName("*").length');
  if (SHOTS && !v.shot) await screenshot(v, 'first');
  await sleep(READ_MS / 2);
  const control = NEXT_CONTROL[v.kind];
  const target = await v.evaluate(`(async () => { const el = ${control}; if (!el) return null;
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const b = el.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2, href: el.href || null }; })()`);
  if (!target) throw new Error(`${v.name}: no "next" control on ${v.firstUrl}`);
  await v.tab.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: target.x, y: target.y });
  // The bytes of the first page: its requests, finished by now (the speculative ones apart).
  let bytes = 0, requests = 0, speculativeBytes = 0;
  const detail = [];
  for (const r of v.requests.values()) {
    if (r.counted) { bytes += r.bytes; requests++; detail.push([new URL(r.url).pathname, r.bytes]); }
    else if (r.speculative) speculativeBytes += r.bytes;
  }
  await sleep(READ_MS / 2);
  const clicked = v.waitReport((r) => r.kind === 'click' && r.url.startsWith(v.firstUrl), 'the click');
  const shown = v.kind === 'surveyjs'
    ? v.waitReport((r) => r.kind === 'shown', 'the next SurveyJS page')
    : v.waitReport((r) => r.kind === 'settled' && r.url === target.href, `the next page ${target.href}`);
  await v.tab.send('Input.dispatchMouseEvent', { type: 'mousePressed', x: target.x, y: target.y, button: 'left', clickCount: 1 });
  await v.tab.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: target.x, y: target.y, button: 'left', clickCount: 1 });
  const click = await clicked;
  const next = await shown;
  v.meter = null;
  if (SHOTS && !v.shot) { await sleep(300); await screenshot(v, 'next'); v.shot = true; }
  let nextAt, source;
  if (v.kind === 'surveyjs') { nextAt = next.at; source = 'rAF after onCurrentPageChanged'; }
  else if (next.shownAt) { nextAt = next.shownAt; source = next.inPlace ? 'data-shown-at (in place)' : 'data-shown-at'; }
  else { nextAt = next.fcp; source = 'first-contentful-paint'; }
  return {
    first: first.t, firstFrameStart: first.frameStart, nav: first.nav,
    next: nextAt - click.at, nextCallback: next.now - click.at, source, prerendered: (next.activationStart || 0) > 0, inPlace: !!next.inPlace,
    bytes, requests, detail, speculativeBytes, dom,
  };
}

// The JS heap of the first page after a full GC (CDP Runtime.getHeapUsage: the renderer's isolate),
// with prerendering off, so that no prerendered page shares the isolate being measured.
async function measureHeap(v) {
  await v.tab.send('Page.setPrerenderingAllowed', { isAllowed: false }).catch(() => {});
  try {
    await v.blank();
    const ready = v.waitReport((r) => r.kind === 'ready' && r.url.startsWith(v.firstUrl), 'the first page ready');
    await v.navigate(v.firstUrl);
    await ready;
    await sleep(500);
    await v.tab.send('HeapProfiler.collectGarbage');
    const { usedSize } = await v.tab.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    if (!v.noPrerender) await v.tab.send('Page.setPrerenderingAllowed', { isAllowed: true }).catch(() => {});
  }
}

const LABELS = {
  surveyjs: `SurveyJS ${surveyVersion} (survey-js-ui)`,
  plain: 'plain HTML form',
  cyberachat: 'Cyberachat vendor pages',
  'cyberachat-document': 'Cyberachat, new document',
};

async function openVariant(name, sites, cyb) {
  const browser = await Browser.launch({ executablePath: CHROMIUM, extraFlags: EXTRA_FLAGS });
  const tab = await browser.firstTab(SETUP_PAGE(browser));
  const v = new Variant(name, LABELS[name], browser, tab);
  v.kind = name.startsWith('cyberachat') ? 'cyberachat' : name;
  if (name === 'surveyjs') v.firstUrl = `${sites.nginx}/surveyjs/index.html`;
  else if (name === 'plain') v.firstUrl = `${sites.nginx}/plain/s1.html`;
  else {
    v.firstUrl = `${cyb.base}/vendor/sections/${sites.firstSection}`;
    // The secret link sets the vendor's cookie; then the cache is emptied, for a cold first load.
    await v.navigate(`${cyb.base}/invitation/${cyb.invite}`);
    await v.waitReport((r) => r.kind === 'ready' && r.url.startsWith(`${cyb.base}/vendor`), 'the vendor home page');
    await v.tab.send('Network.clearBrowserCache');
    if (name === 'cyberachat-document') {
      // Every next page a new document, as in a browser without prerendering nor DOMParser (app.js
      // then follows the links: no in-place switch).
      v.noPrerender = true;
      await v.tab.send('Page.setPrerenderingAllowed', { isAllowed: false });
      await v.tab.send('Page.addScriptToEvaluateOnNewDocument', { source: 'window.DOMParser = undefined;' });
    }
  }
  return v;
}

// ---- one whole comparison -----------------------------------------------------------------------

async function oneRun(run, bin, work, sites) {
  const cyb = VARIANTS.some((n) => n.startsWith('cyberachat')) ? await startCyberachat(bin, work, run) : null;
  const variants = [];
  try {
    for (const name of VARIANTS) variants.push(await openVariant(name, sites, cyb));
    const loads = Object.fromEntries(VARIANTS.map((n) => [n, []]));
    for (let i = 0; i < LOADS; i++) {
      // Round-robin, the order turning each round so that no variant always follows the same one.
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(i + k) % variants.length];
        loads[v.name].push(await measureLoad(v));
      }
    }
    const heap = {};
    for (const v of variants) heap[v.name] = await measureHeap(v);
    return { loads, heap };
  } finally {
    for (const v of variants) await v.browser.close();
    if (cyb) await cyb.stop();
  }
}

function summarize(result) {
  const out = {};
  for (const [name, loads] of Object.entries(result.loads)) {
    const warm = loads.slice(1);
    const sources = [...new Set(loads.map((l) => l.source))];
    out[name] = {
      firstCold: loads[0].first, firstWarm: median(warm.map((l) => l.first)),
      nextCold: loads[0].next, nextWarm: median(warm.map((l) => l.next)),
      nextCallbackCold: loads[0].nextCallback, nextCallbackWarm: median(warm.map((l) => l.nextCallback)),
      bytesCold: loads[0].bytes, bytesWarm: median(warm.map((l) => l.bytes)),
      requestsCold: loads[0].requests, speculativeBytes: median(loads.map((l) => l.speculativeBytes)),
      dom: median(loads.map((l) => l.dom)), heap: result.heap[name],
      prerendered: loads.filter((l) => l.prerendered).length, inPlace: loads.filter((l) => l.inPlace).length, loads: loads.length, sources,
    };
  }
  return out;
}

const RATIOS = [
  // [key, title, metric, reference, target (ratio at most), subject (default cyberachat)]
  ['next_vs_surveyjs', 'next page, Cyberachat / SurveyJS in-page next (warm)', 'nextWarm', 'surveyjs', 0.5],
  ['next_callback_vs_surveyjs', 'the same, timed by the rAF callback (warm)', 'nextCallbackWarm', 'surveyjs', 0.5],
  ['first_vs_surveyjs', 'first page, Cyberachat / SurveyJS paged first page (warm)', 'firstWarm', 'surveyjs', 0.3],
  ['bytes_vs_surveyjs', 'first-load bytes, Cyberachat / SurveyJS (cold)', 'bytesCold', 'surveyjs', 0.05],
  ['first_cold_vs_surveyjs', 'first page, Cyberachat / SurveyJS (cold)', 'firstCold', 'surveyjs', null],
  ['next_vs_plain', 'next page, Cyberachat / plain form (warm)', 'nextWarm', 'plain', null],
  ['next_callback_vs_plain', 'the same, timed by the rAF callback (warm)', 'nextCallbackWarm', 'plain', null],
  ['first_vs_plain', 'first page, Cyberachat / plain form (warm)', 'firstWarm', 'plain', null],
  ['bytes_vs_plain', 'first-load bytes, Cyberachat / plain form (cold)', 'bytesCold', 'plain', null],
  ['heap_vs_surveyjs', 'JS heap, Cyberachat / SurveyJS', 'heap', 'surveyjs', null],
  ['dom_vs_surveyjs', 'DOM elements, Cyberachat / SurveyJS', 'dom', 'surveyjs', null],
  ['next_document_vs_surveyjs', 'next page, Cyberachat as a new document (prerender and in-place off) / SurveyJS (warm)', 'nextWarm', 'surveyjs', null, 'cyberachat-document'],
  ['next_callback_document_vs_surveyjs', 'the same, timed by the rAF callback (warm)', 'nextCallbackWarm', 'surveyjs', null, 'cyberachat-document'],
];

function ratios(summary) {
  const out = {};
  for (const [key, , metric, reference, , subject = 'cyberachat'] of RATIOS)
    if (summary[subject] && summary[reference]) out[key] = summary[subject][metric] / summary[reference][metric];
  return out;
}

const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const kb = (x) => (Number.isFinite(x) ? (x / 1024).toFixed(1) : '—');

function printRun(run, summary, r) {
  console.log(`-- run ${run}/${RUNS}: ${LOADS} loads per variant, round-robin, load 1 cold (empty cache), loads 2-${LOADS} warm (medians)`);
  console.log(`${''.padEnd(32)} ${'first page ms'.padStart(15)} ${'next page ms'.padStart(23)} ${'transfer KiB'.padStart(17)} ${'heap'.padStart(6)} ${'DOM'.padStart(5)}`);
  console.log(`${'variant'.padEnd(32)} ${'cold'.padStart(7)} ${'warm'.padStart(7)} ${'cold'.padStart(7)} ${'warm'.padStart(7)} ${'(cb)'.padStart(7)} ${'cold'.padStart(8)} ${'warm'.padStart(8)} ${'MiB'.padStart(6)} ${'elts'.padStart(5)}  next page measured by`);
  for (const [name, s] of Object.entries(summary)) {
    const extra = name.startsWith('cyberachat') ? `; in place ${s.inPlace}/${s.loads}, prerendered ${s.prerendered}/${s.loads}; speculative ${kb(s.speculativeBytes)} KiB` : '';
    console.log(`${LABELS[name].padEnd(32)} ${fmt(s.firstCold).padStart(7)} ${fmt(s.firstWarm).padStart(7)} ${fmt(s.nextCold).padStart(7)} ${fmt(s.nextWarm).padStart(7)} ${fmt(s.nextCallbackWarm).padStart(7)} ` +
      `${kb(s.bytesCold).padStart(8)} ${kb(s.bytesWarm).padStart(8)} ${fmt(s.heap / 1048576, 2).padStart(6)} ${String(s.dom).padStart(5)}  ${s.sources.join(', ')}${extra}`);
  }
  console.log('ratios: ' + Object.entries(r).map(([k, x]) => `${k} ${fmt(x, 3)}`).join(', '));
}

async function main() {
  const bin = resolveBinary(process.argv[2]);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cyb-bench-browser-'));
  cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
  const questionnaire = JSON.parse(execFileSync(bin, ['template', 'show', '--json'], { encoding: 'utf8', timeout: 30000, maxBuffer: 64 << 20 }));
  const built = buildSites(work, questionnaire);
  const firstSection = sectionsOf(questionnaire)[0].section.id;
  const c = built.conditions;
  console.log(`questionnaire ${questionnaire.id} ${questionnaire.version}: ${built.surveyPages} sections -> ${built.surveyPages} SurveyJS pages, ${built.plainPages} plain pages (the sections shown with no answer)`);
  console.log(`conditions converted to SurveyJS visibleIf: ${c.converted}/${c.total} (${c.sections} of sections, ${c.questions} of questions)` +
    (c.failed.length ? `; NOT converted: ${c.failed.map((f) => `${f.id}: ${f.error}`).join('; ')}` : ''));
  console.log(`self-check against SurveyJS's ConditionRunner: ${built.check.agreed}/${built.check.checked} conditions agree with Cyberachat's semantics on ${built.check.rounds} random answer sets each` +
    (built.check.disagreements.length ? `; disagreements: ${JSON.stringify(built.check.disagreements)}` : ''));
  const nginx = await startNginx(work, built.www);
  console.log(`Chromium ${CHROMIUM} (headless), a fresh profile per variant and run; reading time before "next" ${READ_MS} ms; ` +
    'bytes = CDP Network.loadingFinished encodedDataLength of the first page\'s requests (headers included, speculative requests apart); ' +
    'heap = CDP Runtime.getHeapUsage after a GC (prerendering off); DOM = elements; ' +
    'first page timed by performance.now() in the first rAF callback after load; next page from the click to the next page\'s first frame: ' +
    'its data-shown-at (performance.now() in its first rAF callback once shown), and (cb) the bench\'s own rAF callback');
  const sites = { nginx, firstSection };
  const runs = [];
  for (let run = 1; run <= RUNS; run++) {
    const result = await oneRun(run, bin, work, sites);
    const summary = summarize(result);
    const r = ratios(summary);
    runs.push({ summary, ratios: r, loads: result.loads });
    printRun(run, summary, r);
    if (run === 1)
      for (const [name, loads] of Object.entries(result.loads))
        console.log(`   first load of ${LABELS[name]}: ` + loads[0].detail.map(([p, b]) => `${p.length > 40 ? '…' + p.slice(-39) : p} ${kb(b)}`).join(', ') + ' (KiB)');
  }
  console.log(`-- median over ${RUNS} run(s)`);
  for (const [key, title, , , target, subject = 'cyberachat'] of RATIOS) {
    if (!VARIANTS.includes(subject)) continue;
    const values = runs.map((x) => x.ratios[key]);
    if (!values.every(Number.isFinite)) continue;
    const m = median(values);
    const verdict = target === null ? '' : `  target <= ${target}: ${m <= target ? 'met' : 'NOT met'}`;
    console.log(`${title.padEnd(60)} ${fmt(m, 3).padStart(7)}   (runs: ${values.map((x) => fmt(x, 3)).join(', ')})${verdict}`);
  }
  if (process.env.BENCH_BROWSER_JSON)
    fs.writeFileSync(process.env.BENCH_BROWSER_JSON, JSON.stringify({ loads: LOADS, runs: RUNS, readMs: READ_MS, conditions: { converted: c.converted, total: c.total }, check: built.check, runs_detail: runs }, null, 1));
}

main().then(() => { cleanup(); process.exit(0); }, (e) => { console.error('browser bench failed:', e.stack || e.message); cleanup(); process.exit(1); });
