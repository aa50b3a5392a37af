'use strict';
// The market statistics in a browser (issue 17): three vendors submit to one purchase; the
// engineer follows "Statistiques" in the header, sees the charts drawn on the server and the
// per-question distributions, filters on a family without purchase (all hidden), and the page
// passes the accessibility check.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

describe('the market statistics', () => {
  let server, browser, page, pdf;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    page = await (await h.newContext(browser, { bypassCSP: true })).newPage(); // bypassCSP: axe is injected
    const acquisition = await h.apiOk(server.baseUrl, 'POST', '/api/v1/acquisitions', server.apiToken, {
      title: 'Moniteurs statistiques 2031',
      equipment: 'Moniteurs',
      equipment_family: 'surveillance',
    });
    pdf = h.writePdf('preuve.pdf', 'Piece jointe de test');
    for (const company of ['Alpha Médical', 'Beta Santé', 'Gamma Tech']) {
      const invitation = await h.apiOk(server.baseUrl, 'POST', `/api/v1/acquisitions/${acquisition.id}/vendors`, server.apiToken, {
        company,
        email: 'contact@fournisseur.test',
      });
      const token = invitation.invite_token;
      await h.apiOk(server.baseUrl, 'PUT', '/api/v1/vendor/answers/dispositif.poste_standard', token, {
        value: company === 'Gamma Tech' ? 'non' : 'oui',
      });
      await h.fillRequiredByApi(server.baseUrl, token, pdf);
      await h.apiOk(server.baseUrl, 'POST', '/api/v1/vendor/submit', token, {});
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    pdf?.cleanup();
  });

  const step = h.scenario('statistics', () => ({ page }));
  const base = () => server.baseUrl;

  step('the header leads to the statistics, with their charts', async () => {
    await h.login(page, base());
    await h.clickAndWaitForPage(page, 'nav.main-nav a:has-text("Statistiques")', `${base()}/statistics`);
    assert.equal(await page.getAttribute('nav.main-nav a[href="/statistics"]', 'aria-current'), 'page');
    assert.equal(await h.text(page, '[data-summary="responses"]'), '3');
    for (const chart of ['svg.part-share-chart', 'svg.evolution-chart']) {
      assert.equal(await page.getAttribute(chart, 'role'), 'img');
      assert.ok((await page.locator(`${chart} rect`).count()) > 0, `${chart} has bars`);
    }
    assert.match(await h.text(page, 'tr[data-question="dispositif.poste_standard"]'), /Oui\s*: 2 \(67\s*%\)/);
    await h.assertNoAxeViolations(page, 'statistics');
  });

  step('a filter that leaves fewer than three vendors hides everything', async () => {
    await page.selectOption('#statistics-family', 'imagerie');
    await h.clickAndWaitForPage(page, 'form.statistics-filters button[type=submit]', /\/statistics\?/);
    assert.match(await h.text(page, '#statistics-hidden'), /Moins de 3 fournisseurs : masqué/);
    assert.equal(await page.locator('svg.part-share-chart').count(), 0);
    await h.assertNoAxeViolations(page, 'statistics hidden');
  });
});
