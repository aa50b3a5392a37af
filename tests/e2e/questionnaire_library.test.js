'use strict';
// The hospital's own questionnaire, as a new user does it in a browser: the biomedical engineer
// opens "Questionnaires", pastes the worked example of questionnaires/examples/ with a mistake
// (refused, its line shown, the text kept), fixes it, then creates a purchase on that version.
// The vendor of that purchase sees the added question after answering "oui" to the wired
// connection, without a reload. Then the lead adds a question to that purchase alone from its
// page: the vendor, who had started, sees it marked new, its answers kept. Last, the purchase's
// archive, downloaded from its page, is restored on another instance from that instance's pages:
// the questionnaire version and the question added to the purchase come with it.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

const EXAMPLE = fs.readFileSync(
  path.join(__dirname, '..', '..', 'questionnaires', 'examples', 'extension-segmentation-reseau.yaml'),
  'utf8'
);
const QUESTION = 'chu.segmentation_reseau';

describe('a questionnaire extension from the library page to the vendor', () => {
  let server, target, browser, hospital, vendor, purchaseId;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    hospital = await (await h.newContext(browser, { bypassCSP: true })).newPage();
    vendor = await (await h.newContext(browser, { bypassCSP: true })).newPage();  // axe injects a script
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await target?.stop();
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

  step('its archive, downloaded from its page, is restored on another instance from the pages', async () => {
    await hospital.goto(url(`/acquisitions/${purchaseId}`));
    const [download] = await Promise.all([
      hospital.waitForEvent('download'),
      hospital.click('a:has-text("Archive complète")'),
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cyb-archive-')), 'archive.zip');
    await download.saveAs(file);

    target = await h.startServer();
    const other = await (await h.newContext(browser, { bypassCSP: true })).newPage();
    await h.login(other, target.baseUrl);
    await h.clickAndWaitForPage(other, '#restore-archive', `${target.baseUrl}/acquisitions/restore`);
    await h.assertNoAxeViolations(other, 'the page that restores an archive');
    // A file that is not an archive first: refused, said on the page.
    await other.setInputFiles('#archive', { name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('pas un zip') });
    await Promise.all([other.waitForLoadState('load'), other.click('button:has-text("Restaurer l\'achat")')]);
    assert.match(await h.text(other, '#restore-error'), /notes\.zip : Archive refusée/);
    await h.assertNoAxeViolations(other, 'the restore page with its error');
    await other.setInputFiles('#archive', file);
    await Promise.all([other.waitForURL(/\/acquisitions\/\d+$/), other.click('button:has-text("Restaurer l\'achat")')]);
    assert.match(await h.text(other, '.flash'), /restauré depuis son archive/);
    assert.match(await h.text(other, 'h1'), /Moniteurs réseau 2028/);
    const id = other.url().match(/\/acquisitions\/(\d+)$/)[1];
    const restored = await h.apiOk(target.baseUrl, 'GET', `/api/v1/acquisitions/${id}`, target.apiToken);
    assert.notEqual(restored.questionnaire.version, '2024.3', 'the purchase keeps its own questionnaire');
    assert.match(restored.questionnaire.version, /2024\.3-chu-exemple\.1/);
    const exported = await h.apiOk(target.baseUrl, 'GET', `/api/v1/acquisitions/${id}/export.json`, target.apiToken);
    assert.deepEqual(exported.added_questions.map((q) => q.question_id), [`achat${purchaseId}.q1`]);
    assert.equal(exported.vendors[0].answers[0].value, 'oui', 'the vendor\'s answer came along');
    await other.goto(`${target.baseUrl}/acquisitions/${id}/questions/new`);
    assert.match(await h.text(other, '#added-questions'), /filtrage par adresse MAC/, 'the question added to the purchase came along');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
