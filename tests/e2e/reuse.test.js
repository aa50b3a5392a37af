'use strict';
// Learning across tenders in a browser (issue 17), as a new user tries it on the demo: the strong
// vendor, invited to the demo's second purchase, starts from its first response — it reads what
// would be carried over, confirms, finds its answers — and the hospital sees where they came from,
// the vendor's history across both purchases and the two responses side by side.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

describe('a vendor starts from its earlier response, on the demo', () => {
  let server, browser, vendor, hospital, link, password, responseId, earlierId;

  before(async () => {
    server = await h.startServer();
    const out = h.run(['demo', '--data', server.dataDir]);
    link = out.match(/(\/invitation\/[A-Za-z0-9_-]+)/)[1];
    password = out.match(/Compte créé : biomedical@demo\.cyberachat\.fr[^\n]*\nMot de passe[^:]*: (\S+)/)[1];
    browser = await h.launchBrowser();
    vendor = await (await h.newContext(browser, { bypassCSP: true })).newPage(); // bypassCSP: axe is injected
    hospital = await (await h.newContext(browser, { bypassCSP: true })).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const step = h.scenario('reuse', () => ({ vendor, hospital }));
  const base = () => server.baseUrl;

  step('the vendor is offered its first response and sees what would be carried over', async () => {
    await vendor.goto(`${base()}${link}`);
    await vendor.waitForURL(`${base()}/vendor`);
    await h.clickAndWaitForPage(vendor, '#reuse-start', `${base()}/vendor/reuse`);
    await h.assertNoAxeViolations(vendor, 'earlier responses');
    const item = vendor.locator('#earlier-responses li').first();
    assert.match(await item.innerText(), /Moniteurs multiparamétriques.*DEMO-2027-001/s);
    assert.doesNotMatch(await h.text(vendor, 'main'), /score|vigilance|avis/i);
    earlierId = Number(await item.getAttribute('data-response'));
    await h.clickAndWaitForPage(vendor, '#earlier-responses li a', `${base()}/vendor/reuse/${earlierId}`);
    await h.assertNoAxeViolations(vendor, 'reuse preview');
    const copied = Number((await h.text(vendor, 'li[data-status="copied"]')).match(/(\d+)$/)[1]);
    assert.ok(copied > 20, `${copied} answers to carry over`);
  });

  step('confirms and finds its answers, documents included', async () => {
    await h.clickAndWaitForPage(vendor, '#reuse-apply', `${base()}/vendor/reuse/${earlierId}`);
    assert.match(await h.text(vendor, '#reuse-result'), /Réponses reprises : \d+ ; documents copiés : [1-9]/);
    await vendor.goto(`${base()}/vendor`);
    assert.equal(await vendor.locator('#reuse-card').count(), 1, 'still offered: it may start again from another');
    const index = await h.questionnaireIndex(base());
    await vendor.goto(`${base()}/vendor/sections/${index.questions.get('dispositif.marque').section}`);
    assert.equal(await vendor.inputValue('[name="a:dispositif.marque"]'), 'Veillemed');
    // Nothing is missing: it submits its second response.
    const response = await h.api(base(), 'GET', '/api/v1/vendor/response', link.split('/').pop());
    assert.deepEqual(response.json.missing_required, []);
    const submitted = await h.api(base(), 'POST', '/api/v1/vendor/submit', link.split('/').pop());
    assert.equal(submitted.status, 200, submitted.text);
  });

  step('the hospital sees where the answers came from, the history and both responses side by side', async () => {
    await hospital.goto(`${base()}/login`);
    await hospital.fill('#email', 'biomedical@demo.cyberachat.fr');
    await hospital.fill('#password', password);
    await Promise.all([hospital.waitForURL(`${base()}/acquisitions`), hospital.click('button:has-text("Se connecter")')]);
    await hospital.click('a:has-text("Pousse-seringues")');
    await hospital.waitForURL(/\/acquisitions\/\d+$/);
    await hospital.click('a:has-text("Veillemed Santé")');
    await hospital.waitForURL(/\/responses\/\d+$/);
    responseId = Number(hospital.url().match(/\/responses\/(\d+)$/)[1]);
    assert.match(await h.text(hospital, '#q-dispositif\\.marque'), /Valeur reprise par le fournisseur de sa réponse antérieure/);
    await h.clickAndWaitForPage(hospital, 'a:has-text("Historique du fournisseur")', `${base()}/responses/${responseId}/history`);
    await h.assertNoAxeViolations(hospital, 'vendor history');
    assert.match(await h.text(hospital, 'main'), /Moniteurs multiparamétriques/);
    assert.match(await h.text(hospital, 'main'), /Pousse-seringues/);
    await hospital.goto(`${base()}/responses/${responseId}/compare/${earlierId}`);
    await h.assertNoAxeViolations(hospital, 'two responses side by side');
    assert.match(await h.text(hospital, 'main'), /Repris de la réponse n° ?\d+/);
  });

  step('the statistics page shows the market across both purchases', async () => {
    await hospital.goto(`${base()}/statistics`);
    await h.assertNoAxeViolations(hospital, 'statistics on the demo');
    assert.equal(await h.text(hospital, '[data-summary="purchases"]'), '2');
    assert.equal(await h.text(hospital, '[data-summary="vendors"]'), '3', 'Veillemed counted once across its two responses');
    assert.ok((await hospital.locator('main svg').count()) >= 1);
  });
});
