'use strict';
// A vendor who never opens a browser: the hospital creates the purchase and the invitation with
// its API token, the vendor answers everything with the invite token, and the hospital's purchase
// list in the browser shows the response as submitted.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

const TITLE = 'Analyseurs de gaz du sang 2031';
const COMPANY = 'Gazométrie Robotique';

describe('a vendor answering entirely through the API appears as submitted', () => {
  let server, browser, hospital, pdf, acquisitionId, token;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    hospital = await (await h.newContext(browser)).newPage();
    pdf = h.writePdf('certificat-api.pdf', 'Certificat CE transmis par API');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    pdf?.cleanup();
  });

  const step = h.scenario('api-vendor', () => ({ hospital }));
  const base = () => server.baseUrl;

  const vendorRow = async () => {
    await hospital.goto(`${base()}/acquisitions`);
    return h.text(hospital, `table.acquisitions tr:has(a:text-is("${TITLE}")) .vendor-summary li:has(.vendor-company:text-is("${COMPANY}"))`);
  };

  step('the hospital API refuses a request without a valid token', async () => {
    const anonymous = await h.api(base(), 'POST', '/api/v1/acquisitions', undefined, { title: TITLE, equipment: 'x' });
    assert.equal(anonymous.status, 401);
    const wrong = await h.api(base(), 'POST', '/api/v1/acquisitions', 'not-a-valid-token-at-all-000000', { title: TITLE, equipment: 'x' });
    assert.equal(wrong.status, 401);
  });

  step('the hospital creates the purchase and invites the vendor through the API', async () => {
    const created = await h.api(base(), 'POST', '/api/v1/acquisitions', server.apiToken, {
      title: TITLE,
      equipment: 'Analyseurs de gaz du sang',
      service: 'Laboratoire',
      reference: 'GDS-2031',
      deadline: '2031-09-30',
    });
    assert.equal(created.status, 201, created.text);
    acquisitionId = created.json.id;
    const invited = await h.api(base(), 'POST', `/api/v1/acquisitions/${acquisitionId}/vendors`, server.apiToken, {
      company: COMPANY,
      contact_name: 'Nora Petit',
      email: 'nora.petit@gazometrie.test',
      language: 'en',
    });
    assert.equal(invited.status, 201, invited.text);
    token = invited.json.invite_token;
    assert.match(token, /^[A-Za-z0-9_-]{20,}$/);
    assert.equal(invited.json.invite_url, `${base()}/invitation/${token}`);
  });

  step('before the answers, the purchase list shows the vendor as a draft', async () => {
    await h.login(hospital, base());
    const row = await vendorRow();
    assert.match(row, /Brouillon/);
    assert.ok(!/Soumis/.test(row));
  });

  step('the vendor API refuses an unknown token, and an incomplete submission', async () => {
    assert.equal((await h.api(base(), 'GET', '/api/v1/vendor/response', 'x'.repeat(43))).status, 401);
    const early = await h.api(base(), 'POST', '/api/v1/vendor/submit', token);
    assert.equal(early.status, 409, early.text);
    assert.equal(early.json.error.code, 'incomplete');
    assert.ok(early.json.missing_required.length > 0);
  });

  step('the vendor answers every required question and submits through the API', async () => {
    const answered = await h.fillRequiredByApi(base(), token, pdf);
    assert.ok(answered.length > 50, `${answered.length} answers`);
    const submitted = await h.api(base(), 'POST', '/api/v1/vendor/submit', token);
    assert.equal(submitted.status, 200, submitted.text);
    assert.equal(submitted.json.status, 'submitted');
    assert.ok(submitted.json.submitted_at);
    // A submitted response is frozen.
    const late = await h.api(base(), 'PUT', '/api/v1/vendor/answers/dispositif.designation', token, { value: 'Trop tard' });
    assert.equal(late.status, 409, late.text);
  });

  step('the hospital API and the purchase list show the vendor as submitted', async () => {
    const acquisition = await h.apiOk(base(), 'GET', `/api/v1/acquisitions/${acquisitionId}`, server.apiToken);
    const vendor = acquisition.vendors.find((v) => v.company === COMPANY);
    assert.equal(vendor.status, 'submitted');
    const row = await vendorRow();
    assert.match(row, new RegExp(`${COMPANY} Soumis`));
    assert.ok(!/Brouillon/.test(row));
    // The purchase page says the same, with no missing answer.
    await hospital.click(`a:text-is("${TITLE}")`);
    await hospital.waitForURL(`${base()}/acquisitions/${acquisitionId}`);
    const detail = await h.text(hospital, `table.vendors tbody tr:has(a:text-is("${COMPANY}"))`);
    assert.match(detail, /Soumis/);
    assert.match(detail, /Anglais/);
    assert.match(detail, /Toutes les réponses obligatoires sont données/);
  });
});
