'use strict';
// Shared helpers of the browser tests: one Cyberachat server per test file (temporary data
// directory, free port), Debian's Chromium through playwright-core, the JSON APIs, a small PDF,
// axe-core, and a few polling assertions (playwright-core has no `expect`).

const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { it } = require('node:test');

const REPO = path.resolve(__dirname, '..', '..', '..');
const BIN = process.env.CYBERACHAT_BIN || path.join(REPO, 'build', 'cyberachat');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const USER_EMAIL = 'bio@chu.test';
const USER_PASSWORD = 'Password-for-tests-1';

// ---- the server -----------------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(args, input) {
  return execFileSync(BIN, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

// Starts `cyberachat serve` on a fresh data directory with one biomedical engineer account
// (created first, so that no administrator is generated) and an API token for it.
async function startServer() {
  if (!fs.existsSync(BIN)) throw new Error(`Cyberachat binary not found: ${BIN} (set CYBERACHAT_BIN)`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberachat-e2e-'));
  run(['user', 'add', USER_EMAIL, '--role', 'biomedical', '--password-stdin', '--data', dataDir], `${USER_PASSWORD}\n`);
  const apiToken = run(['token', 'create', USER_EMAIL, '--data', dataDir]).trim().split('\n').pop().trim();
  assert.match(apiToken, /^[A-Za-z0-9_-]{20,}$/, 'token create prints the token');

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(BIN, ['serve', '--port', String(port), '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // Never leave a server behind, even when the test process ends abruptly.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const deadline = Date.now() + 20000;
  let ready = false;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (output.includes(`écoute sur ${baseUrl}`)) {
      try {
        const res = await fetch(`${baseUrl}/healthz`);
        if (res.ok && (await res.json()).status === 'ok') {
          ready = true;
          break;
        }
      } catch {
        /* not listening yet */
      }
    }
    await sleep(100);
  }
  if (!ready) {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`the server did not start on ${baseUrl}:\n${output}`);
  }

  return {
    baseUrl,
    dataDir,
    apiToken,
    log: () => output,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---- the browser ----------------------------------------------------------------------------

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

async function newContext(browser, options = {}) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(15000);
  context.setDefaultNavigationTimeout(20000);
  return context;
}

// Logs the engineer in through the login form; ends on /acquisitions.
async function login(page, baseUrl) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#email', USER_EMAIL);
  await page.fill('#password', USER_PASSWORD);
  await Promise.all([page.waitForURL(`${baseUrl}/acquisitions`), page.click('button:has-text("Se connecter")')]);
}

// Clicks something that submits a form and waits for the page the server answers with.
// waitForURL alone is not enough when the answer comes back to the same URL (a "save"
// button, a language switch): it would resolve at once, before the new page is there.
async function clickAndWaitForPage(page, selector, expectedUrl) {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await page.click(selector);
  await navigated;
  await page.waitForURL(expectedUrl);
  await page.waitForLoadState('load');
}

// ---- the JSON APIs ------------------------------------------------------------------------

// A multipart/form-data body with one file field, written out byte for byte. Node 18's FormData
// (undici 5) ends the body right after the closing boundary's "--", with no CRLF; RFC 2046 allows
// that, but cpp-httplib 0.11.4 (Debian 12) refuses such a body with a 400. Browsers, curl and
// Node 20 send the CRLF: so does this (docs/api.md, "Uploads").
function fileUpload(field, bytes, fileName, contentType) {
  const boundary = `----cyberachat-test-${crypto.randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { multipart: true, contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat([head, Buffer.from(bytes), tail]) };
}

async function api(baseUrl, method, urlPath, token, body) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload;
  if (body && body.multipart) {
    headers['Content-Type'] = body.contentType;
    payload = body.bytes;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(baseUrl + urlPath, { method, headers, body: payload });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}

async function apiOk(baseUrl, method, urlPath, token, body, expected = [200, 201]) {
  const res = await api(baseUrl, method, urlPath, token, body);
  assert.ok(expected.includes(res.status), `${method} ${urlPath} → ${res.status}: ${res.text}`);
  return res.json;
}

// Creates a purchase and invites a vendor with the hospital API; returns the ids and invite token.
async function createInvitationByApi(server, { title = 'Achat API', company = 'Fournisseur API', language = 'fr' } = {}) {
  const acquisition = await apiOk(server.baseUrl, 'POST', '/api/v1/acquisitions', server.apiToken, {
    title,
    equipment: 'Pousse-seringues',
    service: 'Réanimation',
    reference: 'MAPA-2031-007',
    deadline: '2031-03-31',
    notes: 'Créé par les tests',
  });
  const invitation = await apiOk(server.baseUrl, 'POST', `/api/v1/acquisitions/${acquisition.id}/vendors`, server.apiToken, {
    company,
    contact_name: 'Alex Dupont',
    email: 'alex.dupont@fournisseur.test',
    language,
  });
  return {
    acquisitionId: acquisition.id,
    responseId: invitation.response_id,
    token: invitation.invite_token,
    url: invitation.invite_url,
  };
}

let questionnaireCache = null;
async function questionnaireIndex(baseUrl) {
  if (!questionnaireCache) {
    const def = await apiOk(baseUrl, 'GET', '/api/v1/questionnaire');
    const questions = new Map();
    for (const part of def.parts) for (const section of part.sections) for (const q of section.questions) questions.set(q.id, { ...q, section: section.id });
    questionnaireCache = { def, questions };
  }
  return questionnaireCache;
}

function isEmptyValue(value) {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

// The visible required questions that have no answer, read from GET /api/v1/vendor/response.
function visibleRequiredUnanswered(response) {
  const ids = [];
  for (const section of response.sections)
    for (const q of section.questions) if (section.visible && q.visible && q.required && isEmptyValue(q.value)) ids.push(q.id);
  return ids;
}

// A plausible value for a question, by kind (the API's shapes).
function valueFor(question) {
  switch (question.kind) {
    case 'yes_no':
      return 'oui';
    case 'number':
    case 'integer':
      return 1;
    case 'date':
      return '2024-01-31';
    case 'email':
      return 'contact@fournisseur.test';
    case 'phone':
      return '01 23 45 67 89';
    case 'single_choice':
      return question.choices[0].id;
    case 'multiple_choice':
      return [question.choices[0].id];
    case 'table':
      return [{ [question.fields[0].id]: 'x' }];
    case 'contact':
      return {
        nom: 'Durand',
        prenom: 'Marion',
        fonction: 'Responsable sécurité',
        coordonnees: '2 place du Marché, 69001 Lyon',
        telephone: '01 23 45 67 89',
        email: 'marion.durand@fournisseur.test',
      };
    case 'text':
    case 'long_text':
      return 'Réponse de test';
    default:
      throw new Error(`no test value for kind ${question.kind} (${question.id})`);
  }
}

// Answers every missing required question through the vendor API (Bearer invite token), round
// after round since an answer can open new questions. Returns the ids answered.
async function fillRequiredByApi(baseUrl, token, pdf) {
  const { questions } = await questionnaireIndex(baseUrl);
  const answered = [];
  for (let round = 0; round < 15; round++) {
    const response = await apiOk(baseUrl, 'GET', '/api/v1/vendor/response', token);
    assert.deepEqual(
      [...response.missing_required].sort(),
      visibleRequiredUnanswered(response).sort(),
      'missing_required lists exactly the visible required questions without an answer'
    );
    if (response.missing_required.length === 0) return answered;
    for (const qid of response.missing_required) {
      const question = questions.get(qid);
      assert.ok(question, `unknown question ${qid}`);
      if (question.kind === 'document') {
        const upload = fileUpload('file', pdf.bytes, `${qid}.pdf`, 'application/pdf');
        await apiOk(baseUrl, 'POST', `/api/v1/vendor/documents/${qid}`, token, upload, [201]);
      } else {
        const saved = await apiOk(baseUrl, 'PUT', `/api/v1/vendor/answers/${qid}`, token, { value: valueFor(question) }, [200]);
        assert.equal(saved.question_id, qid);
      }
      answered.push(qid);
    }
  }
  throw new Error('required questions keep appearing after 15 rounds');
}

// ---- a small valid PDF ----------------------------------------------------------------------

function makePdf(text = 'Certificat de conformite CE - test') {
  const content = `BT /F1 18 Tf 72 760 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// Writes the PDF into a fresh temporary directory; returns its path, bytes and SHA-256.
function writePdf(name, text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberachat-e2e-pdf-'));
  const file = path.join(dir, name);
  const bytes = makePdf(text);
  fs.writeFileSync(file, bytes);
  return { dir, file, name, bytes, sha256: sha256(bytes), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function sha256(bytes) {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

// ---- accessibility ---------------------------------------------------------------------------

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `      - ${n.target.join(' ')}\n        ${n.html.slice(0, 200)}\n        ${(n.failureSummary || '').replace(/\n/g, '\n        ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

// Runs axe-core (WCAG 2.1 A and AA rules) on the page; fails with every violation printed.
async function assertNoAxeViolations(page, label) {
  // Closed <details> (notes, comments) are opened so that their content is checked too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined')))
    await page.addScriptTag({ path: require.resolve('axe-core') });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS
  );
  if (result.violations.length) {
    const report = formatViolations(result.violations);
    console.log(`axe-core violations on ${label} (${page.url()}):\n${report}`);
    assert.fail(`${result.violations.length} WCAG 2.1 A/AA violation(s) on ${label} (${page.url()}):\n${report}`);
  }
}

// ---- polling assertions ---------------------------------------------------------------------

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Retries `check` (which throws on failure) until it passes or the timeout expires.
async function eventually(check, { timeout = 10000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(interval);
  }
}

// Selector of an element by exact id (ids contain dots: "#a.b" would not work).
function byId(id) {
  return `[id="${id}"]`;
}

async function isHidden(page, selector) {
  return page.$eval(selector, (el) => el.hidden);
}

async function expectHidden(page, selector, hidden, message) {
  await eventually(async () => assert.equal(await isHidden(page, selector), hidden, message || `${selector} hidden=${hidden}`));
}

async function text(page, selector) {
  return (await page.innerText(selector)).replace(/\s+/g, ' ').trim();
}

// ---- steps ------------------------------------------------------------------------------------

// Sequential steps of one scenario: once a step fails, each later step fails at once, naming the
// step that broke the scenario, instead of running on a page left in an unknown state (its own
// failure would only repeat the first one). A failed step leaves a screenshot of `pages()` in /tmp.
function scenario(prefix, pages = () => ({})) {
  let broken = null;
  return function step(name, fn, { independent = false, timeout = 90000 } = {}) {
    it(name, { timeout }, async (t) => {
      if (broken) throw new Error(`not run: the earlier step « ${broken} » failed`);
      try {
        await fn(t);
      } catch (error) {
        if (!independent) broken = name;
        for (const [who, page] of Object.entries(pages())) {
          if (!page || page.isClosed()) continue;
          const file = `/tmp/e2e-failure-${prefix}-${who}-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.png`;
          await page.screenshot({ path: file, fullPage: true }).catch(() => {});
          error.message += `\n(${who} page: ${page.url()} — screenshot ${file})`;
        }
        throw error;
      }
    });
  };
}

module.exports = {
  clickAndWaitForPage,
  BIN,
  USER_EMAIL,
  USER_PASSWORD,
  startServer,
  run,
  launchBrowser,
  newContext,
  login,
  api,
  apiOk,
  fileUpload,
  createInvitationByApi,
  questionnaireIndex,
  fillRequiredByApi,
  visibleRequiredUnanswered,
  valueFor,
  makePdf,
  writePdf,
  sha256,
  assertNoAxeViolations,
  eventually,
  sleep,
  byId,
  isHidden,
  expectHidden,
  text,
  scenario,
};
