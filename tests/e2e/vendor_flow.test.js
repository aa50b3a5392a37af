'use strict';
// The whole journey in a browser: the biomedical engineer creates a purchase and invites a vendor;
// the vendor answers part 1 page by page (autosave, live branching on both antivirus branches,
// a PDF certificate), reloads, reviews, completes the rest through the vendor API, submits; the
// engineer reads the response.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

const PURCHASE = {
  title: 'Moniteurs de surveillance — réanimation 2031',
  equipment: 'Moniteurs multiparamétriques',
  service: 'Réanimation polyvalente',
  reference: 'AO-2031-042',
  deadline: '2031-06-30',
  notes: 'Lot 2 — surveillance centrale',
};
const VENDOR = { company: 'Medix Santé', contact_name: 'Claire Martin', email: 'claire.martin@medix.test', language: 'fr' };

const GENERAL_TEXT = {
  'dispositif.designation': 'Moniteur patient MX-500',
  'dispositif.marque': 'Medix',
  'dispositif.type': 'MX-500',
  'dispositif.fabricant': 'Medix SAS',
  'dispositif.lieu_fabrication': 'Lyon, France',
  'dispositif.fournisseur': 'Medix Distribution',
  'dispositif.date_premiere_mise_sur_le_marche': '2021-03-15',
};
const CONTACT_INSTALLATION = {
  nom: 'Martin',
  prenom: 'Claire',
  fonction: 'Cheffe de projet installation',
  coordonnees: '1 rue de la Paix\n75002 Paris',
  telephone: '01 23 45 67 89',
  email: 'claire.martin@medix.test',
};
const CONTACT_SUIVI = {
  nom: 'Bernard',
  prenom: 'Luc',
  fonction: 'Ingénieur support',
  coordonnees: '5 avenue Foch\n69006 Lyon',
  telephone: '04 72 00 00 00',
  email: 'luc.bernard@medix.test',
};
// Number answers are typed with the French decimal comma.
const PREREQUISITES = {
  'dispositif.ecran_taille': '23,8',
  'dispositif.ecran_resolution': '1920 × 1080',
  'dispositif.ecran_connectivite': 'HDMI, DisplayPort',
  'dispositif.processeur': 'Intel Core i5 13e génération',
  'dispositif.memoire_ram': '16',
  'dispositif.espace_disque': '512',
  'dispositif.os': 'Windows 11 IoT Enterprise',
  'dispositif.os_version': '23H2 LTSC',
  'dispositif.specificites': 'Aucun dongle',
  'dispositif.besoins_peripheriques': 'Imprimante réseau',
  'dispositif.carte_graphique': 'Intégrée',
  'dispositif.reseau_interface': 'Ethernet 1 Gbit/s',
  'dispositif.reseau_debit': '100',
};
const EXCLUSIONS = {
  'dispositif.nom_antivirus_etablissement': 'Antivirus du CHU',
  'dispositif.liste_exclusions': 'C:\\MX500\\data\nC:\\MX500\\logs',
};

describe('vendor flow: invitation, part 1 in the browser, review, submission, hospital reading', () => {
  let server, browser, hospitalContext, vendorContext, hospital, vendor, pdf;
  let acquisitionId, invitationUrl, inviteToken, responseId;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    hospitalContext = await h.newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    vendorContext = await h.newContext(browser);
    hospital = await hospitalContext.newPage();
    vendor = await vendorContext.newPage();
    pdf = h.writePdf('certificat-ce-2017-745.pdf', 'Certificat CE 2017/745 classe IIa');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    pdf?.cleanup();
  });

  const step = h.scenario('vendor-flow', () => ({ hospital, vendor }));
  const url = (p) => server.baseUrl + p;

  // ---- helpers on the vendor page ----

  const answerPut = (qid) =>
    vendor.waitForResponse((r) => r.request().method() === 'PUT' && r.url() === url(`/api/v1/vendor/answers/${qid}`));

  async function expectSavedStatus(qid) {
    await h.eventually(async () => {
      const status = await vendor.$eval(`${h.byId(`q-${qid}`)} [data-save-status]`, (el) => ({
        text: el.textContent,
        state: el.getAttribute('data-state'),
      }));
      assert.equal(status.state, 'saved', `save status of ${qid}`);
      assert.match(status.text, /Enregistré/);
    });
  }

  // Types a value, leaves the field (Tab), waits for the autosave PUT and the status.
  async function typeAndLeave(selector, value, qid) {
    const put = answerPut(qid);
    await vendor.fill(selector, value);
    await vendor.press(selector, 'Tab');
    const res = await put;
    assert.equal(res.status(), 200, `autosave of ${qid}: ${await res.text()}`);
    await expectSavedStatus(qid);
  }

  async function choose(qid, value) {
    const put = answerPut(qid);
    await vendor.check(h.byId(`a-${qid}-${value}`));
    const res = await put;
    assert.equal(res.status(), 200, `autosave of ${qid}: ${await res.text()}`);
    await expectSavedStatus(qid);
    return res.json();
  }

  async function goNext(expectedSection) {
    await Promise.all([
      vendor.waitForURL(url(`/vendor/sections/${expectedSection}`)),
      vendor.click('button[name="go"][value="next"]'),
    ]);
  }

  async function serverAnswers() {
    const response = await h.apiOk(server.baseUrl, 'GET', '/api/v1/vendor/response', inviteToken);
    const answers = {};
    for (const section of response.sections) for (const q of section.questions) answers[q.id] = q;
    return answers;
  }

  const sectionLinkHidden = (sid) => h.isHidden(vendor, `.side-nav [data-section-link="${sid}"]`);

  // ---- the hospital prepares the purchase ----

  step('the engineer logs in', async () => {
    await h.login(hospital, server.baseUrl);
    assert.equal(await h.text(hospital, 'h1'), 'Achats');
  });

  step('the engineer creates a purchase', async () => {
    await Promise.all([hospital.waitForURL(url('/acquisitions/new')), hospital.click('a:has-text("Nouvel achat")')]);
    for (const [field, value] of Object.entries(PURCHASE)) await hospital.fill(`#${field}`, value);
    await Promise.all([hospital.waitForURL(/\/acquisitions\/\d+$/), hospital.click('button:has-text("Créer l\'achat")')]);
    acquisitionId = Number(hospital.url().match(/\/acquisitions\/(\d+)$/)[1]);
    assert.equal(await h.text(hospital, 'h1'), PURCHASE.title);
    assert.match(await h.text(hospital, '.flash'), /Achat créé/);
  });

  step('the engineer invites a vendor and reads the secret link, shown once', async () => {
    await hospital.fill('#vendor-company', VENDOR.company);
    await hospital.fill('#vendor-contact_name', VENDOR.contact_name);
    await hospital.fill('#vendor-email', VENDOR.email);
    await hospital.selectOption('#vendor-language', VENDOR.language);
    await Promise.all([
      hospital.waitForURL(url(`/acquisitions/${acquisitionId}/vendors`)),
      hospital.click('button:has-text("Ajouter et créer le lien")'),
    ]);
    assert.match(await h.text(hospital, '#invitation-link-title'), new RegExp(`Lien d'invitation pour ${VENDOR.company}`));
    invitationUrl = await hospital.inputValue('#invitation-link');
    assert.match(invitationUrl, new RegExp(`^${server.baseUrl}/invitation/[A-Za-z0-9_-]{20,}$`));
    inviteToken = invitationUrl.split('/invitation/')[1];
    // The copy button is revealed by app.js and reports the copy.
    await hospital.click('button[data-copy="#invitation-link"]');
    await h.eventually(async () => assert.equal(await h.text(hospital, '[data-copy-status]'), 'Lien copié'));
    assert.equal(await hospital.evaluate(() => navigator.clipboard.readText()), invitationUrl, 'the link is in the clipboard');
    // The vendor is listed; the link is not shown again.
    await hospital.goto(url(`/acquisitions/${acquisitionId}`));
    assert.equal(await hospital.$('#invitation-link'), null, 'the link is shown only once');
    assert.ok(!(await hospital.content()).includes(inviteToken), 'the token is not in the purchase page');
    const row = await h.text(hospital, `table.vendors tbody tr:has(a:text-is("${VENDOR.company}"))`);
    assert.match(row, /Brouillon/);
    responseId = Number(
      (await hospital.getAttribute(`table.vendors th a:text-is("${VENDOR.company}")`, 'href')).match(/\/responses\/(\d+)$/)[1]
    );
  });

  step('the purchase is being prepared: the link does not open until the engineer opens the tender', async () => {
    const closed = await vendor.goto(invitationUrl);
    assert.equal(closed.status(), 403);
    assert.match(await h.text(vendor, 'main'), /pas encore ouverte/);
    await hospital.goto(url(`/acquisitions/${acquisitionId}`));
    assert.match(await h.text(hospital, '#purchase-status'), /En préparation/);
    await Promise.all([
      hospital.waitForURL(new RegExp(`/acquisitions/${acquisitionId}(#.*)?$`)),
      hospital.click('#transition-open button:has-text("Ouvrir la consultation")'),
    ]);
    assert.match(await h.text(hospital, '.flash'), /Consultation ouverte/);
    assert.match(await h.text(hospital, '#purchase-status'), /Ouverte/);
    assert.ok(await hospital.$('#transition-close'), 'it can now be closed');
  });

  // ---- the vendor answers part 1 ----

  step('the vendor opens the link: a session starts and the token leaves the address bar', async () => {
    await vendor.goto(invitationUrl);
    assert.equal(vendor.url(), url('/vendor'));
    assert.ok(!vendor.url().includes(inviteToken), 'no token in the URL');
    assert.match(await h.text(vendor, 'main'), new RegExp(PURCHASE.title));
    assert.match(await h.text(vendor, 'main'), new RegExp(VENDOR.company));
    const cookies = await vendorContext.cookies();
    assert.ok(cookies.length > 0, 'a session cookie is set');
    assert.ok(cookies.every((c) => !c.value.includes(inviteToken)), 'the cookie is not the token itself');
  });

  step('general information: autosave status, live certificate question', async () => {
    await Promise.all([
      vendor.waitForURL(url('/vendor/sections/dispositif.informations_generales')),
      vendor.click('a:has-text("Commencer le questionnaire")'),
    ]);
    const certificate = h.byId('q-dispositif.certificat_ce_2017_745');
    assert.equal(await h.isHidden(vendor, certificate), true, 'certificate hidden before the class is answered');
    for (const [qid, value] of Object.entries(GENERAL_TEXT)) await typeAndLeave(h.byId(`a-${qid}`), value, qid);
    await choose('dispositif.classe_ce_93_42', 'non_applicable');
    await h.expectHidden(vendor, h.byId('q-dispositif.certificat_ce_93_42'), true, '93/42 certificate not applicable');
    const saved = await choose('dispositif.classe_ce_2017_745', 'iia');
    assert.ok(saved.visible_questions.includes('dispositif.certificat_ce_2017_745'));
    await h.expectHidden(vendor, certificate, false, 'the 2017/745 certificate question appears live');
    await choose('dispositif.logiciel_marquage_ce', 'non');
    // The server holds what was typed.
    const answers = await serverAnswers();
    assert.equal(answers['dispositif.designation'].value, GENERAL_TEXT['dispositif.designation']);
    assert.equal(answers['dispositif.date_premiere_mise_sur_le_marche'].value, '2021-03-15');
    assert.equal(answers['dispositif.classe_ce_2017_745'].value, 'iia');
  });

  step('the certificate stated "not available" with its reason, by autosave', async () => {
    const qid = 'dispositif.certificat_ce_2017_745';
    const box = h.byId(`unavailable-${qid}`);
    const reason = h.byId(`reason-${qid}`);
    // Ticked alone: only the comment is sent (the reason is required), then the reason saves it.
    const first = answerPut(qid);
    await vendor.check(box);
    assert.equal((await first).status(), 200);
    assert.deepEqual((await serverAnswers())[qid].value, [], 'not stated without a reason');
    await typeAndLeave(reason, 'Certificat en cours de renouvellement', qid);
    let answers = await serverAnswers();
    assert.deepEqual(answers[qid].value, { unavailable: 'Certificat en cours de renouvellement' });
    // Unticked: withdrawn; ticked again: stated again.
    let put = answerPut(qid);
    await vendor.uncheck(box);
    assert.equal((await put).status(), 200);
    answers = await serverAnswers();
    assert.deepEqual(answers[qid].value, [], 'unticking withdraws the statement');
    put = answerPut(qid);
    await vendor.check(box);
    assert.equal((await put).status(), 200);
    answers = await serverAnswers();
    assert.deepEqual(answers[qid].value, { unavailable: 'Certificat en cours de renouvellement' });
    await vendor.reload();
    assert.equal(await vendor.isChecked(box), true, 'shown ticked after a reload');
  });

  step('the vendor uploads the CE certificate (PDF)', async () => {
    const qid = 'dispositif.certificat_ce_2017_745';
    await vendor.setInputFiles(h.byId(`file-${qid}`), pdf.file);
    await Promise.all([
      vendor.waitForURL(url(`/vendor/sections/dispositif.informations_generales#q-${qid}`)),
      vendor.click(`button[form="upload-${qid}"]`),
    ]);
    assert.match(await h.text(vendor, '.flash'), new RegExp(`Document déposé : ${pdf.name}`));
    const item = `${h.byId(`q-${qid}`)} li.document`;
    assert.equal(await h.text(vendor, `${item} a.document-name`), pdf.name);
    assert.equal(await vendor.getAttribute(`${item} code.sha256`, 'title'), pdf.sha256);
    // The vendor can download it back, byte for byte.
    const href = await vendor.getAttribute(`${item} a.document-name`, 'href');
    const download = await vendor.request.get(url(href));
    assert.equal(download.status(), 200);
    assert.equal(h.sha256(await download.body()), pdf.sha256);
    const answers = await serverAnswers();
    assert.equal(answers[qid].value[0].content_type, 'application/pdf', 'libmagic sees a PDF');
    assert.equal(await vendor.$(h.byId(`unavailable-${qid}`)), null, 'the file replaced the statement');
    // From the top: the side navigation is sticky, it would follow the scroll position.
    await vendor.evaluate(() => window.scrollTo(0, 0));
    await vendor.screenshot({ path: '/tmp/e2e-vendor-section.png', fullPage: true });
    await goNext('dispositif.interlocuteur_installation');
  });

  step('contacts for installation and follow-up', async () => {
    for (const [qid, contact, next] of [
      ['dispositif.contact_installation', CONTACT_INSTALLATION, 'dispositif.interlocuteur_suivi'],
      ['dispositif.contact_suivi', CONTACT_SUIVI, 'dispositif.poste_informatique'],
    ]) {
      const section = vendor.url().split('/vendor/sections/')[1];
      const link = `.side-nav [data-section-link="${section}"]`;
      assert.match(await vendor.getAttribute(link, 'class'), /is-incomplete/);
      for (const [field, value] of Object.entries(contact)) await typeAndLeave(h.byId(`a-${qid}-${field}`), value, qid);
      await h.eventually(async () => assert.deepEqual((await serverAnswers())[qid].value, contact));
      // The side navigation marks the section complete as soon as its answer is saved, without a reload.
      await h.eventually(async () => assert.match(await vendor.getAttribute(link, 'class'), /is-complete/));
      assert.equal(await h.text(vendor, `${link} .section-link-status`), 'Complète');
      await goNext(next);
    }
  });

  step('standard workstation: oui → prerequisites page, live; no other workstation', async () => {
    assert.equal(await sectionLinkHidden('dispositif.prerequis_poste'), true);
    await choose('dispositif.poste_standard', 'oui');
    await h.expectHidden(vendor, '.side-nav [data-section-link="dispositif.prerequis_poste"]', false);
    await h.expectHidden(vendor, '.side-nav [data-section-link="dispositif.materiel_fourni"]', true);
    await goNext('dispositif.prerequis_poste');
    for (const [qid, value] of Object.entries(PREREQUISITES)) await typeAndLeave(h.byId(`a-${qid}`), value, qid);
    await choose('dispositif.autre_poste_necessaire', 'non');
    const answers = await serverAnswers();
    assert.equal(answers['dispositif.ecran_taille'].value, 23.8, 'the French comma is read as a decimal point');
    assert.equal(answers['dispositif.memoire_ram'].value, 16);
    // The hardware page does not apply: "next" skips it.
    await goNext('dispositif.type_connexion');
  });

  step('connection type', async () => {
    await choose('dispositif.connexion_filaire', 'oui');
    await choose('dispositif.connexion_wifi', 'non');
    await choose('dispositif.integration_domaine', 'non');
    await goNext('dispositif.protection_antivirale');
  });

  step('antivirus oui → the exclusions page applies, the protection page does not (live)', async () => {
    assert.equal(await sectionLinkHidden('dispositif.exclusions_antivirus'), true);
    assert.equal(await sectionLinkHidden('dispositif.protection_fournie'), true);
    await choose('dispositif.antivirus_etablissement', 'oui');
    await h.expectHidden(vendor, '.side-nav [data-section-link="dispositif.exclusions_antivirus"]', false);
    await h.expectHidden(vendor, '.side-nav [data-section-link="dispositif.protection_fournie"]', true);
  });

  step(
    'the "Section suivante" link follows the live branch (antivirus oui → exclusions)',
    async () => {
      // The top navigation's next link is rendered by the server; after a live branch change it
      // must lead to the page that now applies, not skip it.
      await h.eventually(
        async () =>
          assert.equal(
            await vendor.getAttribute('.section-tools a.tool-next', 'href'),
            '/vendor/sections/dispositif.exclusions_antivirus'
          ),
        { timeout: 3000 }
      );
    },
    { independent: true }
  );

  step('the exclusions page', async () => {
    await goNext('dispositif.exclusions_antivirus');
    await typeAndLeave(h.byId('a-dispositif.nom_antivirus_etablissement'), EXCLUSIONS['dispositif.nom_antivirus_etablissement'], 'dispositif.nom_antivirus_etablissement');
    await typeAndLeave(h.byId('a-dispositif.liste_exclusions'), EXCLUSIONS['dispositif.liste_exclusions'], 'dispositif.liste_exclusions');
    await Promise.all([
      vendor.waitForURL(url('/vendor/sections/dispositif.protection_antivirale')),
      vendor.click('button[name="go"][value="previous"]'),
    ]);
  });

  step('antivirus non → the protection page applies instead, the exclusions page no longer (live)', async () => {
    assert.equal(await vendor.isChecked(h.byId('a-dispositif.antivirus_etablissement-oui')), true);
    const saved = await choose('dispositif.antivirus_etablissement', 'non');
    assert.ok(saved.visible_sections.includes('dispositif.protection_fournie'));
    assert.ok(!saved.visible_sections.includes('dispositif.exclusions_antivirus'));
    await h.expectHidden(vendor, '.side-nav [data-section-link="dispositif.exclusions_antivirus"]', true);
    await h.expectHidden(vendor, '.side-nav [data-section-link="dispositif.protection_fournie"]', false);
    await goNext('dispositif.protection_fournie');
  });

  step('protection supplied: its sub-questions follow "own protection" live', async () => {
    const name = h.byId('q-dispositif.protection_nom');
    const update = h.byId('q-dispositif.protection_mise_a_jour');
    assert.equal(await h.isHidden(vendor, name), true);
    await choose('dispositif.protection_propre', 'oui');
    await h.expectHidden(vendor, name, false);
    await h.expectHidden(vendor, update, false);
    await choose('dispositif.protection_propre', 'non');
    await h.expectHidden(vendor, name, true);
    await h.expectHidden(vendor, update, true);
    await choose('dispositif.protection_propre', 'oui');
    await h.expectHidden(vendor, name, false);
    await typeAndLeave(h.byId('a-dispositif.protection_nom'), 'EDR Medix', 'dispositif.protection_nom');
    await typeAndLeave(h.byId('a-dispositif.protection_mise_a_jour'), 'Mise à jour quotidienne automatique', 'dispositif.protection_mise_a_jour');
    await choose('dispositif.pare_feu_personnel', 'oui');
    await choose('dispositif.pare_feu_etablissement', 'oui');
    await choose('dispositif.mesures_performances', 'oui');
    // A comment is saved with its answer.
    await vendor.click(`${h.byId('q-dispositif.mesures_performances')} summary`);
    await typeAndLeave(h.byId('c-dispositif.mesures_performances'), 'Mesures faites avec le service biomédical.', 'dispositif.mesures_performances');
  });

  step('after a reload, every answer and the document are still there', async () => {
    await vendor.goto(url('/vendor/sections/dispositif.informations_generales'));
    await vendor.reload();
    for (const [qid, value] of Object.entries(GENERAL_TEXT)) assert.equal(await vendor.inputValue(h.byId(`a-${qid}`)), value, qid);
    assert.equal(await vendor.isChecked(h.byId('a-dispositif.classe_ce_93_42-non_applicable')), true);
    assert.equal(await vendor.isChecked(h.byId('a-dispositif.classe_ce_2017_745-iia')), true);
    assert.equal(await vendor.isChecked(h.byId('a-dispositif.logiciel_marquage_ce-non')), true);
    assert.equal(await h.isHidden(vendor, h.byId('q-dispositif.certificat_ce_2017_745')), false);
    assert.equal(await h.text(vendor, `${h.byId('q-dispositif.certificat_ce_2017_745')} a.document-name`), pdf.name);

    for (const [sid, qid, contact] of [
      ['dispositif.interlocuteur_installation', 'dispositif.contact_installation', CONTACT_INSTALLATION],
      ['dispositif.interlocuteur_suivi', 'dispositif.contact_suivi', CONTACT_SUIVI],
    ]) {
      await vendor.goto(url(`/vendor/sections/${sid}`));
      for (const [field, value] of Object.entries(contact))
        assert.equal(await vendor.inputValue(h.byId(`a-${qid}-${field}`)), value, `${qid}.${field}`);
    }

    await vendor.goto(url('/vendor/sections/dispositif.poste_informatique'));
    assert.equal(await vendor.isChecked(h.byId('a-dispositif.poste_standard-oui')), true);
    await vendor.goto(url('/vendor/sections/dispositif.prerequis_poste'));
    for (const [qid, value] of Object.entries(PREREQUISITES)) assert.equal(await vendor.inputValue(h.byId(`a-${qid}`)), value, qid);
    assert.equal(await vendor.isChecked(h.byId('a-dispositif.autre_poste_necessaire-non')), true);

    await vendor.goto(url('/vendor/sections/dispositif.type_connexion'));
    assert.equal(await vendor.isChecked(h.byId('a-dispositif.connexion_filaire-oui')), true);
    assert.equal(await vendor.isChecked(h.byId('a-dispositif.connexion_wifi-non')), true);

    await vendor.goto(url('/vendor/sections/dispositif.protection_antivirale'));
    assert.equal(await vendor.isChecked(h.byId('a-dispositif.antivirus_etablissement-non')), true);
    assert.equal(await sectionLinkHidden('dispositif.exclusions_antivirus'), true);
    assert.equal(await sectionLinkHidden('dispositif.protection_fournie'), false);

    await vendor.goto(url('/vendor/sections/dispositif.protection_fournie'));
    assert.equal(await vendor.inputValue(h.byId('a-dispositif.protection_nom')), 'EDR Medix');
    assert.equal(await vendor.isChecked(h.byId('a-dispositif.mesures_performances-oui')), true);
    assert.equal(await vendor.inputValue(h.byId('c-dispositif.mesures_performances')), 'Mesures faites avec le service biomédical.');
    assert.equal(await vendor.getAttribute(`${h.byId('q-dispositif.mesures_performances')} details`, 'open'), '', 'a comment opens its details');

    // The answers given on the other antivirus branch are kept (only hidden).
    const answers = await serverAnswers();
    assert.equal(answers['dispositif.nom_antivirus_etablissement'].value, EXCLUSIONS['dispositif.nom_antivirus_etablissement']);
    assert.equal(answers['dispositif.nom_antivirus_etablissement'].visible, false);
  });

  step('the review lists the missing required questions, each with a link', async () => {
    await Promise.all([vendor.waitForURL(url('/vendor/review')), vendor.click('button[name="go"][value="review"]')]);
    const response = await h.apiOk(server.baseUrl, 'GET', '/api/v1/vendor/response', inviteToken);
    const missing = response.missing_required;
    assert.ok(missing.length > 0);
    assert.ok(missing.every((qid) => !qid.startsWith('dispositif.')), `part 1 is complete: ${missing.filter((q) => q.startsWith('dispositif.'))}`);
    assert.match(await h.text(vendor, '#missing-title'), new RegExp(`Il reste ${missing.length} réponses obligatoires`));
    const links = await vendor.$$eval('section[aria-labelledby="missing-title"] li a', (as) => as.map((a) => a.getAttribute('href')));
    const listed = links.map((href) => {
      const m = href.match(/^\/vendor\/sections\/([a-z0-9_.-]+)#q-([a-z0-9_.-]+)$/);
      assert.ok(m, `link ${href}`);
      return m[2];
    });
    assert.deepEqual(listed.sort(), [...missing].sort());
    assert.equal(await vendor.isDisabled('button:has-text("Envoyer ma réponse")'), true, 'submit is blocked');
    // A link leads to the question.
    const first = links[0];
    await Promise.all([vendor.waitForURL(url(first)), vendor.click(`section[aria-labelledby="missing-title"] li a[href="${first}"]`)]);
    const qid = first.split('#q-')[1];
    assert.equal(await vendor.isVisible(h.byId(`q-${qid}`)), true);
  });

  step('the rest of the required answers are given through the vendor API', async () => {
    const answered = await h.fillRequiredByApi(server.baseUrl, inviteToken, pdf);
    assert.ok(answered.length > 0);
    const response = await h.apiOk(server.baseUrl, 'GET', '/api/v1/vendor/response', inviteToken);
    assert.deepEqual(response.missing_required, []);
    assert.equal(response.status, 'draft');
  });

  step('the vendor submits in the browser and gets the receipt', async () => {
    await vendor.goto(url('/vendor/review'));
    assert.match(await h.text(vendor, '#missing-title'), /Tout est prêt/);
    assert.equal(await vendor.isDisabled('button:has-text("Envoyer ma réponse")'), false);
    // Asked twice: the browser keeps the form until the confirmation is ticked.
    await vendor.click('button:has-text("Envoyer ma réponse")');
    assert.equal(vendor.url(), url('/vendor/review'), 'not sent before the confirmation is ticked');
    await vendor.check('#submit-confirm');
    await Promise.all([vendor.waitForURL(url('/vendor/confirmation')), vendor.click('button:has-text("Envoyer ma réponse")')]);
    assert.match(await h.text(vendor, 'h1'), /Accusé de réception/);
    const receipt = await h.text(vendor, '.receipt');
    assert.match(receipt, new RegExp(VENDOR.company));
    assert.match(receipt, new RegExp(PURCHASE.title));
    assert.ok(receipt.includes(pdf.sha256), 'the receipt shows the certificate fingerprint');
    assert.ok(!/Pas encore envoyée/.test(receipt));
    // The form is now read-only.
    await vendor.goto(url('/vendor/sections/dispositif.informations_generales'));
    assert.equal(await vendor.$('form[data-autosave]'), null, 'no editable form after submission');
    assert.match(await h.text(vendor, '.notice'), /Votre réponse a été envoyée/);
  });

  step('the engineer reads the answers, the document and its SHA-256', async () => {
    await hospital.goto(url(`/acquisitions/${acquisitionId}`));
    await Promise.all([
      hospital.waitForURL(url(`/responses/${responseId}`)),
      hospital.click(`table.vendors th a:text-is("${VENDOR.company}")`),
    ]);
    assert.match(await h.text(hospital, 'h1'), new RegExp(VENDOR.company));
    const summary = await h.text(hospital, '.response-summary');
    assert.match(summary, new RegExp(`Société ${VENDOR.company}`));
    assert.match(summary, /Soumis/);
    assert.match(await h.text(hospital, `${h.byId('q-dispositif.designation')} dd`), /Moniteur patient MX-500/);
    assert.match(await h.text(hospital, `${h.byId('q-dispositif.ecran_taille')} dd`), /23,8/);
    assert.match(await h.text(hospital, `${h.byId('q-dispositif.contact_installation')} dd`), /Claire/);
    assert.match(await h.text(hospital, `${h.byId('q-dispositif.protection_nom')} dd`), /EDR Medix/);
    const doc = `${h.byId('q-dispositif.certificat_ce_2017_745')} li.document`;
    assert.equal(await h.text(hospital, `${doc} a.document-name`), pdf.name);
    assert.equal(await h.text(hospital, `${doc} code.sha256`), pdf.sha256);
    // The hospital downloads exactly the uploaded bytes.
    const href = await hospital.getAttribute(`${doc} a.document-name`, 'href');
    const download = await hospital.request.get(url(href));
    assert.equal(download.status(), 200);
    assert.equal(h.sha256(await download.body()), pdf.sha256);
    // The answers of the abandoned antivirus branch are shown apart.
    assert.match(await h.text(hospital, '#reponses-masquees'), /Antivirus du CHU/);
    await hospital.evaluate(() => window.scrollTo(0, 0));
    await hospital.screenshot({ path: '/tmp/e2e-hospital-response.png', fullPage: true });
  });

  step('the purchase page and the purchase list show the vendor as submitted', async () => {
    await hospital.goto(url(`/acquisitions/${acquisitionId}`));
    const row = await h.text(hospital, `table.vendors tbody tr:has(a:text-is("${VENDOR.company}"))`);
    assert.match(row, /Soumis/);
    assert.match(row, /Toutes les réponses obligatoires sont données/);
    assert.ok(!/Brouillon/.test(row));
    await hospital.goto(url('/acquisitions'));
    const item = await h.text(hospital, `table.acquisitions tr:has(a:text-is("${PURCHASE.title}")) .vendor-summary li`);
    assert.match(item, new RegExp(`${VENDOR.company} Soumis`));
  });
});
