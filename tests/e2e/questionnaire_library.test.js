'use strict';
// The hospital's own questionnaire, as a new user does it in a browser: the biomedical engineer
// opens "Questionnaires", pastes the worked example of questionnaires/examples/ with a mistake
// (refused, its line shown, the text kept), fixes it, then creates a purchase on that version.
// The vendor of that purchase sees the added question after answering "oui" to the wired
// connection, without a reload. Then the lead adds a question to that purchase alone from its
// page: the vendor, who had started, sees it marked new, its answers kept.

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
    vendor = await (await h.newContext(browser, { bypassCSP: true })).newPage();  // axe injects a script
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
    assert.match(await h.text(hospital, '.flash'), /2024\.3-chu-exemple\.1/);
    assert.match(await h.text(hospital, '#library'), /Extension de afib 2024\.3/);
    await hospital.goto(url('/acquisitions/new'));
    await hospital.fill('#title', 'Moniteurs réseau 2028');
    await hospital.fill('#equipment', 'Moniteur');
    const option = await hospital.$eval('#questionnaire_version_id', (select) =>
      Array.from(select.options).find((o) => o.textContent.includes('2024.3-chu-exemple.1')).value);
    await hospital.selectOption('#questionnaire_version_id', option);
    await Promise.all([hospital.waitForURL(/\/acquisitions\/\d+$/), hospital.click('button:has-text("Créer l\'achat")')]);
    const id = hospital.url().match(/\/acquisitions\/(\d+)$/)[1];
    const purchase = await h.apiOk(server.baseUrl, 'GET', `/api/v1/acquisitions/${id}`, server.apiToken);
    assert.equal(purchase.questionnaire.version, '2024.3-chu-exemple.1');
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

  step('the lead adds a question to this purchase alone; the vendor who started sees it as new', async () => {
    // The answer "oui" autosaved before the question is added (the vendor has started).
    await h.eventually(async () =>
      assert.equal(
        await vendor.getAttribute(`${h.byId('q-dispositif.connexion_filaire')} .save-status`, 'data-state'),
        'saved',
        'the wired connection is saved'
      ));
    await h.clickAndWaitForPage(hospital, '#add-purchase-question', url(`/acquisitions/${purchaseId}/questions/new`));
    assert.match(await h.text(hospital, '#vendors-started'), /1 fournisseur a déjà ouvert/);
    await hospital.selectOption('#position', 'after:dispositif.connexion_filaire');
    await Promise.all([hospital.waitForLoadState('load'), hospital.click('button:has-text("Ajouter la question")')]);
    assert.match(await h.text(hospital, '#error-summary'), /Libellé en français : obligatoire/);
    await hospital.fill('#label_fr', 'Le dispositif accepte-t-il un filtrage par adresse MAC ?');
    await hospital.fill('#label_en', 'Does the device accept MAC address filtering?');
    await hospital.selectOption('#condition', 'dispositif.connexion_filaire == oui');
    await hospital.fill('#help_fr', 'Le réseau filaire de l\'établissement filtre les adresses MAC.');
    await hospital.selectOption('#rule', 'oui');
    await hospital.fill('#rationale_fr', 'Sans filtrage MAC, un appareil étranger peut prendre sa place.');
    await Promise.all([
      hospital.waitForURL(url(`/acquisitions/${purchaseId}/questions/new`)),
      hospital.click('button:has-text("Ajouter la question")'),
    ]);
    assert.match(await h.text(hospital, '.flash'), /Question ajoutée/);
    assert.match(await h.text(hospital, '#added-questions'), /filtrage par adresse MAC/);
    await h.assertNoAxeViolations(hospital, 'the form to add a question to a purchase');

    const added = `achat${purchaseId}.q1`;
    await vendor.goto(url('/vendor'));
    assert.match(await h.text(vendor, '#new-questions'), /ajouté une question depuis votre première visite/);
    await vendor.goto(url('/vendor/sections/dispositif.type_connexion'));
    assert.match(await h.text(vendor, h.byId(`new-${added}`)), /Nouvelle question/);
    assert.match(await h.text(vendor, h.byId(`q-${added}`)), /filtrage par adresse MAC/);
    assert.equal(await vendor.isChecked(h.byId('a-dispositif.connexion_filaire-oui')), true, 'its answer is kept');
    await h.assertNoAxeViolations(vendor, 'a section with a new question');
  });
});
