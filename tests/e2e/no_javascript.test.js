'use strict';
// With JavaScript disabled, the vendor questionnaire still works: every page is a plain form
// posted to the server, which saves, validates and decides the next applicable page.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

describe('vendor pages without JavaScript', () => {
  let server, browser, context, page, invitation;

  before(async () => {
    server = await h.startServer();
    invitation = await h.createInvitationByApi(server, { title: 'Pousse-seringues 2031', company: 'Sans Script SA' });
    browser = await h.launchBrowser();
    context = await h.newContext(browser, { javaScriptEnabled: false });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const step = h.scenario('no-js', () => ({ vendor: page }));
  const url = (p) => server.baseUrl + p;
  const sectionUrl = (sid) => url(`/vendor/sections/${sid}`);

  async function post(go, expectedUrl) {
    await h.clickAndWaitForPage(page, `button[name="go"][value="${go}"]`, expectedUrl);
  }

  async function serverAnswers() {
    const response = await h.apiOk(server.baseUrl, 'GET', '/api/v1/vendor/response', invitation.token);
    const answers = {};
    for (const section of response.sections) for (const q of section.questions) answers[q.id] = q.value;
    return answers;
  }

  step('JavaScript is really off, and the link opens the session without keeping the token', async () => {
    await page.goto(invitation.url);
    assert.equal(page.url(), url('/vendor'));
    assert.ok(!page.url().includes(invitation.token));
    await page.goto(sectionUrl('serveurs.description_generique_logiciels'));
    // app.js reveals this button when it runs: hidden means no script ran.
    assert.equal(await h.isHidden(page, '[data-add-row]'), true, 'the JS-only button stays hidden');
  });

  step('a section filled by form POST keeps its values after a reload', async () => {
    await page.goto(sectionUrl('dispositif.informations_generales'));
    const values = {
      'dispositif.designation': 'Pousse-seringue PS-20',
      'dispositif.marque': 'Perfusa',
      'dispositif.type': 'PS-20',
      'dispositif.fabricant': 'Perfusa GmbH',
      'dispositif.lieu_fabrication': 'Munich, Allemagne',
      'dispositif.fournisseur': 'Perfusa France',
      'dispositif.date_premiere_mise_sur_le_marche': '2019-09-01',
    };
    for (const [qid, value] of Object.entries(values)) await page.fill(h.byId(`a-${qid}`), value);
    await page.check(h.byId('a-dispositif.classe_ce_93_42-iib'));
    await page.check(h.byId('a-dispositif.classe_ce_2017_745-non_applicable'));
    await page.check(h.byId('a-dispositif.logiciel_marquage_ce-oui'));
    await page.click(`${h.byId('q-dispositif.designation')} summary`);
    await page.fill(h.byId('c-dispositif.designation'), 'Désignation commerciale');
    await post('save', sectionUrl('dispositif.informations_generales'));
    assert.match(await h.text(page, '.flash'), /Enregistré/);
    // Without JavaScript the certificate question appears only after the post.
    assert.equal(await h.isHidden(page, h.byId('q-dispositif.certificat_ce_93_42')), false);
    assert.equal(await h.isHidden(page, h.byId('q-dispositif.certificat_ce_2017_745')), true);

    await page.reload();
    for (const [qid, value] of Object.entries(values)) assert.equal(await page.inputValue(h.byId(`a-${qid}`)), value, qid);
    assert.equal(await page.isChecked(h.byId('a-dispositif.classe_ce_93_42-iib')), true);
    assert.equal(await page.isChecked(h.byId('a-dispositif.classe_ce_2017_745-non_applicable')), true);
    assert.equal(await page.isChecked(h.byId('a-dispositif.logiciel_marquage_ce-oui')), true);
    assert.equal(await page.inputValue(h.byId('c-dispositif.designation')), 'Désignation commerciale');

    const answers = await serverAnswers();
    assert.equal(answers['dispositif.designation'], 'Pousse-seringue PS-20');
    assert.equal(answers['dispositif.date_premiere_mise_sur_le_marche'], '2019-09-01');
    assert.equal(answers['dispositif.classe_ce_93_42'], 'iib');
  });

  step('the document upload works as a plain multipart form', async () => {
    const pdf = h.writePdf('certificat-93-42.pdf', 'Certificat CE 93/42 classe IIb');
    try {
      await page.setInputFiles(h.byId('file-dispositif.certificat_ce_93_42'), pdf.file);
      await Promise.all([
        page.waitForURL(url('/vendor/sections/dispositif.informations_generales#q-dispositif.certificat_ce_93_42')),
        page.click('button[form="upload-dispositif.certificat_ce_93_42"]'),
      ]);
      assert.equal(await h.text(page, `${h.byId('q-dispositif.certificat_ce_93_42')} a.document-name`), pdf.name);
      const answers = await serverAnswers();
      assert.equal(answers['dispositif.certificat_ce_93_42'][0].sha256, pdf.sha256);
    } finally {
      pdf.cleanup();
    }
  });

  step('"next" from the workstation page skips the prerequisites when the workstation is not standard', async () => {
    await page.goto(sectionUrl('dispositif.poste_informatique'));
    await page.check(h.byId('a-dispositif.poste_standard-non'));
    await post('next', sectionUrl('dispositif.materiel_fourni'));
    await page.fill(h.byId('a-dispositif.materiel_denomination'), 'Poste de pilotage PS-Control');
    await page.fill(h.byId('a-dispositif.materiel_os'), 'Debian GNU/Linux');
    await page.fill(h.byId('a-dispositif.materiel_os_version'), '12');
    await page.check(h.byId('a-dispositif.materiel_mises_a_jour_securite-oui'));
    await post('next', sectionUrl('dispositif.type_connexion'));
    // "previous" also skips the page that does not apply.
    await post('previous', sectionUrl('dispositif.materiel_fourni'));
    await post('previous', sectionUrl('dispositif.poste_informatique'));
  });

  step('changing the decision changes the page "next" leads to', async () => {
    await page.check(h.byId('a-dispositif.poste_standard-oui'));
    await post('next', sectionUrl('dispositif.prerequis_poste'));
  });

  step('an invalid number is refused with a message and kept in the field; valid fields are saved', async () => {
    await page.fill(h.byId('a-dispositif.ecran_taille'), 'vingt-quatre');
    await page.fill(h.byId('a-dispositif.memoire_ram'), '8');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === sectionUrl('dispositif.prerequis_poste')),
      page.click('button[name="go"][value="next"]'),
    ]);
    assert.equal(response.status(), 422);
    await page.waitForSelector('#error-summary');
    assert.match(await h.text(page, '#error-summary'), /Écran — Taille/);
    assert.equal(await page.inputValue(h.byId('a-dispositif.ecran_taille')), 'vingt-quatre', 'the rejected input is shown back');
    assert.equal(await page.getAttribute(h.byId('a-dispositif.ecran_taille'), 'aria-invalid'), 'true');
    assert.notEqual(await h.text(page, h.byId('err-dispositif.ecran_taille')), '');
    const answers = await serverAnswers();
    assert.equal(answers['dispositif.memoire_ram'], 8);
    assert.equal(answers['dispositif.ecran_taille'], null);

    await page.fill(h.byId('a-dispositif.ecran_taille'), '21,5');
    await page.check(h.byId('a-dispositif.autre_poste_necessaire-non'));
    // Standard workstation and no other one: the hardware page is skipped.
    await post('next', sectionUrl('dispositif.type_connexion'));
    assert.equal((await serverAnswers())['dispositif.ecran_taille'], 21.5);
  });

  step('"next" from the antivirus decision leads to the branch chosen', async () => {
    await page.goto(sectionUrl('dispositif.protection_antivirale'));
    await page.check(h.byId('a-dispositif.antivirus_etablissement-non'));
    await post('next', sectionUrl('dispositif.protection_fournie'));
    await post('previous', sectionUrl('dispositif.protection_antivirale'));
    await page.check(h.byId('a-dispositif.antivirus_etablissement-oui'));
    await post('next', sectionUrl('dispositif.exclusions_antivirus'));
    // The last page of part 1 leads to part 2; no server there: straight to the software page.
    await post('next', sectionUrl('serveurs.architecture'));
    await page.check(h.byId('a-serveurs.serveur_inclus-non'));
    await post('next', sectionUrl('serveurs.description_generique_logiciels'));
  });

  step('a table is answered without JavaScript: there is always an empty row', async () => {
    const qid = 'serveurs.liste_logiciels_installes';
    const cell = (row, column) => h.byId(`a-${qid}-${row}-${column}`);
    const rows = () => page.$$eval(`${h.byId(`table-${qid}`)} tbody tr`, (trs) => trs.length);
    assert.equal(await rows(), 1);
    await page.fill(cell(0, 'nom'), 'PS-Control');
    await page.fill(cell(0, 'niveau_version'), '4.2.1');
    await post('save', sectionUrl('serveurs.description_generique_logiciels'));
    assert.equal(await rows(), 2);
    assert.equal(await page.inputValue(cell(0, 'nom')), 'PS-Control');
    assert.equal(await page.inputValue(cell(1, 'nom')), '');
    await page.fill(cell(1, 'nom'), 'Java Runtime');
    await page.fill(cell(1, 'niveau_version'), '21');
    await post('save', sectionUrl('serveurs.description_generique_logiciels'));
    await page.reload();
    assert.equal(await rows(), 3);
    assert.equal(await page.inputValue(cell(1, 'niveau_version')), '21');
    assert.deepEqual((await serverAnswers())[qid], [
      { nom: 'PS-Control', niveau_version: '4.2.1' },
      { nom: 'Java Runtime', niveau_version: '21' },
    ]);
  });
});
