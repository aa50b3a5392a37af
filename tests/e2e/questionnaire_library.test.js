'use strict';
// The hospital's own questionnaire, as a new user does it in a browser: the biomedical engineer
// opens "Questionnaires", pastes the worked example of questionnaires/examples/ with a mistake
// (refused, its line shown, the text kept), fixes it, then creates a purchase on that version.
// The vendor of that purchase sees the added question after answering "oui" to the wired
// connection, without a reload.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

const EXAMPLE = fs.readFileSync(
  path.join(__dirname, '..', '..', 'questionnaires', 'examples', 'extension-segmentation-reseau.yaml'),
  'utf8'
);
const QUESTION = 'chu.segmentation_reseau';

describe('a questionnaire extension from the library page to the vendor', () => {
  let server, browser, hospital, vendor, purchaseId;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    hospital = await (await h.newContext(browser, { bypassCSP: true })).newPage();
    vendor = await (await h.newContext(browser)).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const step = h.scenario('questionnaire-library', () => ({ hospital, vendor }));
  const url = (p) => `${server.baseUrl}${p}`;

  step('a mistake is refused with its line, and the pasted text stays', async () => {
    await h.login(hospital, server.baseUrl);
    await h.clickAndWaitForPage(hospital, 'nav a:has-text("Questionnaires")', url('/questionnaires'));
    const broken = EXAMPLE.replace('kind: yes_no', 'kind: yesno');
    const line = broken.split('\n').findIndex((l) => l.includes('kind: yesno')) + 1;
    await hospital.fill('#library-yaml', broken);
    await Promise.all([hospital.waitForLoadState('load'), hospital.click('button:has-text("Vérifier et ajouter")')]);
    const errors = await h.text(hospital, '#library-errors');
    assert.match(errors, new RegExp(`Ligne ${line}\\b`), errors);
    assert.match(errors, /yesno/);
    assert.match(await hospital.inputValue('#library-yaml'), /kind: yesno/);
    await h.assertNoAxeViolations(hospital, 'the library page with its errors');
  });

  step('fixed, it is added; a purchase is created on it', async () => {
    await hospital.fill('#library-yaml', EXAMPLE);
    await Promise.all([hospital.waitForURL(url('/questionnaires')), hospital.click('button:has-text("Vérifier et ajouter")')]);
    assert.match(await h.text(hospital, '.flash'), /2024\.2-chu-exemple\.1/);
    assert.match(await h.text(hospital, '#library'), /Extension de afib 2024\.2/);
    await hospital.goto(url('/acquisitions/new'));
    await hospital.fill('#title', 'Moniteurs réseau 2028');
    await hospital.fill('#equipment', 'Moniteur');
    const option = await hospital.$eval('#questionnaire_version_id', (select) =>
      Array.from(select.options).find((o) => o.textContent.includes('2024.2-chu-exemple.1')).value);
    await hospital.selectOption('#questionnaire_version_id', option);
    await Promise.all([hospital.waitForURL(/\/acquisitions\/\d+$/), hospital.click('button:has-text("Créer l\'achat")')]);
    const id = hospital.url().match(/\/acquisitions\/(\d+)$/)[1];
    const purchase = await h.apiOk(server.baseUrl, 'GET', `/api/v1/acquisitions/${id}`, server.apiToken);
    assert.equal(purchase.questionnaire.version, '2024.2-chu-exemple.1');
    purchaseId = id;
  });

  step('the vendor sees the added question only once it uses the wired network', async () => {
    await h.apiOk(server.baseUrl, 'POST', `/api/v1/acquisitions/${purchaseId}/transitions`, server.apiToken, { action: 'open' });
    const invitation = await h.apiOk(server.baseUrl, 'POST', `/api/v1/acquisitions/${purchaseId}/vendors`, server.apiToken, {
      company: 'Réseaux Médicaux SA',
      email: 'contact@reseaux-medicaux.test',
      language: 'fr',
    });
    await vendor.goto(url(`/invitation/${invitation.invite_token}`));
    await vendor.goto(url('/vendor/sections/dispositif.type_connexion'));
    const question = h.byId(`q-${QUESTION}`);
    assert.equal(await h.isHidden(vendor, question), true, 'hidden before the wired connection is answered');
    await vendor.check(h.byId('a-dispositif.connexion_filaire-oui'));
    await h.expectHidden(vendor, question, false, 'shown live once the device uses the wired network');
  });
});
