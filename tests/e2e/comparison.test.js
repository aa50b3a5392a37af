'use strict';
// The comparison of eight vendors side by side: created through the API (purchase, invitations,
// complete answers), then read in the browser with its chart, ranking and filters (a plain GET
// form: checked boxes and the part select change the rows shown).

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

const TITLE = 'Moniteurs multiparamétriques 2031';
const COMPANIES = [
  'Veillemed Santé',
  'Horizon Monitoring France',
  'Cardiotrace Médical',
  'Alpes Biomédical',
  'Kestrel Europe',
  'Sentinelle Médical',
  'Aster Healthcare',
  'Biotrace Surveillance',
];
// Vendor i refuses the secure gateway when i is odd; vendor 2 has no encrypted communications.
const GATEWAY = 'maintenance.passerelle_securisee';
const ENCRYPTION = 'logiciels.communications_chiffrees';
const DRAFT_COMPANY = 'Retardataire Médical';

describe('comparison of 8 vendors, with its filters', () => {
  let server, browser, hospital, pdf, acquisitionId, draftId;
  const responses = [];

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    hospital = await (await h.newContext(browser)).newPage();
    pdf = h.writePdf('preuve.pdf', 'Piece jointe de test');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    pdf?.cleanup();
  });

  const step = h.scenario('comparison', () => ({ hospital }));
  const base = () => server.baseUrl;
  const rowsShown = () => hospital.$$eval('tr.comparison-row', (rows) => rows.map((r) => r.dataset.question));

  step('eight vendors answer completely through the API', async () => {
    const created = await h.apiOk(base(), 'POST', '/api/v1/acquisitions', server.apiToken, {
      title: TITLE,
      equipment: 'Moniteurs de surveillance',
      service: 'Soins critiques',
    });
    acquisitionId = created.id;
    for (const [i, company] of COMPANIES.entries()) {
      const invited = await h.apiOk(base(), 'POST', `/api/v1/acquisitions/${acquisitionId}/vendors`, server.apiToken, {
        company,
        email: `offres${i}@fournisseur.test`,
        language: i % 2 ? 'en' : 'fr',
      });
      await h.fillRequiredByApi(base(), invited.invite_token, pdf);
      if (i % 2) await h.apiOk(base(), 'PUT', `/api/v1/vendor/answers/${GATEWAY}`, invited.invite_token, { value: 'non' });
      if (i === 2) await h.apiOk(base(), 'PUT', `/api/v1/vendor/answers/${ENCRYPTION}`, invited.invite_token, { value: 'non' });
      await h.apiOk(base(), 'POST', '/api/v1/vendor/submit', invited.invite_token, {});
      responses.push(invited.response_id);
    }
    // A ninth vendor has started but not submitted: it is named, not compared nor ranked.
    const late = await h.apiOk(base(), 'POST', `/api/v1/acquisitions/${acquisitionId}/vendors`, server.apiToken, {
      company: DRAFT_COMPANY,
      email: 'offres@retardataire.test',
    });
    await h.apiOk(base(), 'PUT', `/api/v1/vendor/answers/${GATEWAY}`, late.invite_token, { value: 'non' });
    draftId = late.response_id;
    const comparison = await h.apiOk(base(), 'GET', `/api/v1/acquisitions/${acquisitionId}/comparison`, server.apiToken);
    assert.equal(comparison.vendors.length, 8);
    assert.deepEqual(comparison.left_out.map((v) => [v.company, v.state]), [[DRAFT_COMPANY, 'draft']]);
    assert.ok(comparison.vendors.every((v) => v.state === 'submitted'));
  });

  step('the purchase page leads to the comparison, every vendor side by side', async () => {
    await h.login(hospital, base());
    await hospital.goto(`${base()}/acquisitions/${acquisitionId}`);
    await h.clickAndWaitForPage(hospital, 'a:has-text("Comparer les fournisseurs")', `${base()}/acquisitions/${acquisitionId}/comparison`);
    const headers = await hospital.$$eval('#s-maintenance\\.generalites_telemaintenance thead th', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(headers, ['Question', ...COMPANIES]);
    const cells = await hospital.$$eval(`tr[data-question="${GATEWAY}"] td`, (tds) => tds.map((td) => td.textContent));
    assert.equal(cells.length, 8);
    for (const [i, cell] of cells.entries()) {
      if (i % 2) assert.match(cell, /Non.*Point de vigilance.*Majeur/, `vendor ${i}: ${cell}`);
      else assert.match(cell, /Oui.*Favorable/, `vendor ${i}: ${cell}`);
    }
    assert.equal(await hospital.getAttribute(`tr[data-question="${GATEWAY}"]`, 'data-differs'), '1');
    assert.ok(await hospital.isVisible(`tr[data-question="${GATEWAY}"] .badge-differs`));
    assert.match(await h.text(hospital, '.advisory'), /n'élimine aucun fournisseur/);
    const scope = await h.text(hospital, '#perimetre');
    assert.match(scope, /Seules les réponses soumises sont comparées/);
    assert.match(scope, new RegExp(`Non comparées : ${DRAFT_COMPANY} Brouillon`));
    const states = await hospital.$$eval('.scores-table tbody tr', (trs) => trs.map((tr) => tr.querySelector('[data-state]').dataset.state));
    assert.deepEqual(states, Array(8).fill('submitted'));
    const opinions = await hospital.$$eval('.scores-table td[data-opinion="it"]', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(opinions, Array(8).fill("Pas encore d'avis"));
  });

  step('the scores are drawn as an SVG chart with a text alternative, and ranked for information', async () => {
    assert.equal(await hospital.locator('svg.score-chart rect').count(), 8 * 5);
    // The bars are drawn: children of the chart itself (an unclosed <line> would swallow them).
    assert.ok(await hospital.$$eval('svg.score-chart rect', (rects) => rects.every((r) => r.parentElement.tagName.toLowerCase() === 'svg')));
    const box = await hospital.locator('svg.score-chart rect').first().boundingBox();
    assert.ok(box && box.height > 0 && box.width > 0, 'the first bar has a size on screen');
    assert.equal(await hospital.getAttribute('svg.score-chart', 'role'), 'img');
    const description = await hospital.$eval('svg.score-chart desc', (d) => d.textContent);
    for (const company of COMPANIES) assert.ok(description.includes(company), `${company} in the chart description`);
    const overall = await hospital.$$eval('.scores-table td[data-score="overall"]', (tds) => tds.map((td) => Number(td.textContent)));
    assert.equal(overall.length, 8);
    assert.equal(overall[0], 100);
    assert.ok(overall[1] < 100 && overall[2] < 100);
    const ranking = await hospital.$$eval('ol.ranking li', (lis) => lis.map((li) => li.textContent));
    assert.equal(ranking.length, 8);
    // The three vendors without a point de vigilance first (ties keep the invitation order).
    assert.deepEqual(ranking.slice(0, 3).map((r) => r.split(' — ')[0]), ['Veillemed Santé', 'Kestrel Europe', 'Aster Healthcare']);
    for (const r of ranking.slice(0, 3)) assert.match(r, /— 100/);
    for (const r of ranking.slice(3)) assert.doesNotMatch(r, /— 100/);
  });

  step('filter: only the differences', async () => {
    const all = (await rowsShown()).length;
    await hospital.check('input[name="differences"]');
    await h.clickAndWaitForPage(hospital, 'button:has-text("Appliquer")', `${base()}/acquisitions/${acquisitionId}/comparison?differences=1&part=`);
    const shown = await rowsShown();
    assert.ok(shown.length > 0 && shown.length < all, `${shown.length} of ${all}`);
    assert.ok(shown.includes(GATEWAY) && shown.includes(ENCRYPTION));
    assert.ok(!shown.includes('dispositif.designation'), 'identical answers are left out');
    const differs = await hospital.$$eval('tr.comparison-row', (rows) => rows.every((r) => r.dataset.differs === '1'));
    assert.ok(differs);
  });

  step('filter: only the points de vigilance, then one part', async () => {
    await hospital.uncheck('input[name="differences"]');
    await hospital.check('input[name="vigilance"]');
    await h.clickAndWaitForPage(hospital, 'button:has-text("Appliquer")', `${base()}/acquisitions/${acquisitionId}/comparison?vigilance=1&part=`);
    assert.deepEqual((await rowsShown()).sort(), [ENCRYPTION, GATEWAY].sort());
    await hospital.selectOption('#filter-part', 'maintenance');
    await h.clickAndWaitForPage(hospital, 'button:has-text("Appliquer")', `${base()}/acquisitions/${acquisitionId}/comparison?vigilance=1&part=maintenance`);
    assert.deepEqual(await rowsShown(), [GATEWAY]);
    assert.ok(await hospital.isChecked('input[name="vigilance"]'));
    await hospital.selectOption('#filter-part', 'serveurs');
    await h.clickAndWaitForPage(hospital, 'button:has-text("Appliquer")', `${base()}/acquisitions/${acquisitionId}/comparison?vigilance=1&part=serveurs`);
    assert.deepEqual(await rowsShown(), []);
    assert.match(await h.text(hospital, 'main'), /Aucune question ne correspond à ces filtres/);
    await h.clickAndWaitForPage(hospital, 'a:has-text("Tout afficher")', `${base()}/acquisitions/${acquisitionId}/comparison`);
    assert.ok((await rowsShown()).length > 100);
  });

  step('a vendor link leads to its response page with its points de vigilance', async () => {
    await h.clickAndWaitForPage(hospital, `.scores-table a:has-text("${COMPANIES[2]}")`, `${base()}/responses/${responses[2]}#evaluation`);
    const findings = await hospital.$$eval('li.finding', (lis) => lis.map((li) => li.dataset.finding));
    assert.deepEqual(findings, [ENCRYPTION]);
    assert.match(await h.text(hospital, '#evaluation'), /Communications|communications/);
  });

  step('on demand the draft is compared and ranked too, marked as a draft', async () => {
    await hospital.goto(`${base()}/acquisitions/${acquisitionId}/comparison`);
    await h.clickAndWaitForPage(hospital, 'a:has-text("Inclure les brouillons")', `${base()}/acquisitions/${acquisitionId}/comparison?drafts=1`);
    const ranking = await hospital.$$eval('ol.ranking li', (lis) => lis.map((li) => li.textContent));
    assert.equal(ranking.length, 9);
    assert.ok(ranking.some((r) => r.startsWith(DRAFT_COMPANY) && /Brouillon/.test(r)));
    const header = await hospital.$eval(`#s-maintenance\\.generalites_telemaintenance thead th:last-child`, (th) => th.textContent);
    assert.equal(header, `${DRAFT_COMPANY} Brouillon`);
    assert.ok(await hospital.isVisible(`.scores-table tr[data-vendor="${draftId}"] [data-state="draft"]`));
    await h.clickAndWaitForPage(hospital, 'a:has-text("Seulement les réponses soumises")', `${base()}/acquisitions/${acquisitionId}/comparison`);
    assert.equal(await hospital.locator('ol.ranking li').count(), 8);
  });
});
