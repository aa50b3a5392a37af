'use strict';
// A vendor's MDS2 and SBOM in a browser (issue 16): from its home page it uploads its MDS2 (a CSV
// copy), reads the proposed answers with their MDS2 lines, keeps its own conflicting answer and
// confirms; uploads its SBOM (CycloneDX) and finds the software list filled; the hospital sees on
// the response page which answers came from which file, and a point de vigilance for the Windows
// version it declares, out of support.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./lib/harness');

const MDS2 = [
  'Question ID,Question,Answer,Note',
  'DOC-1,Manufacturer Name,Medix SAS,',
  'DOC-3,Device Model,EchoMax 5000,',
  'PAUT-2,"Does the device support the use of an external directory (LDAP, Active Directory)?",Yes,LDAPS',
  'TXCF-2,Is the data encrypted when transmitted?,Yes,TLS 1.2',
  'EMRG-1,Does the device incorporate an emergency access (break-glass) feature?,No,',
].join('\n');

const SBOM = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.4',
  metadata: { component: { type: 'device', name: 'EchoMax 5000' } },
  components: [
    { type: 'operating-system', name: 'Windows 10 Enterprise', version: '10.0.19044', supplier: { name: 'Microsoft' } },
    { type: 'application', name: 'EchoViewer', version: '5.2.1', supplier: { name: 'Medix SAS' }, purl: 'pkg:generic/medix/echoviewer@5.2.1' },
  ],
});

describe('a vendor imports its MDS2 and its SBOM', () => {
  let server, browser, vendor, hospital, invitation, dir;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    vendor = await (await h.newContext(browser, { bypassCSP: true })).newPage(); // bypassCSP: axe is injected
    hospital = await (await h.newContext(browser)).newPage();
    invitation = await h.createInvitationByApi(server, { title: 'Échographes MDS2 2031', company: 'Medix Santé' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberachat-e2e-mds2-'));
    fs.writeFileSync(path.join(dir, 'mds2-echomax.csv'), MDS2);
    fs.writeFileSync(path.join(dir, 'sbom-echomax.cdx.json'), SBOM);
    // The vendor has answered the directory question already, otherwise than its MDS2.
    await h.apiOk(server.baseUrl, 'PUT', '/api/v1/vendor/answers/maintenance.annuaire_etablissement', invitation.token, { value: 'non' });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const step = h.scenario('manufacturer', () => ({ vendor, hospital }));
  const base = () => server.baseUrl;

  step('the vendor finds the MDS2 and SBOM card on its home page and uploads its MDS2', async () => {
    await vendor.goto(invitation.url);
    await vendor.waitForURL(`${base()}/vendor`);
    await h.clickAndWaitForPage(vendor, '#manufacturer-import', `${base()}/vendor/manufacturer-documents`);
    await h.assertNoAxeViolations(vendor, 'manufacturer documents');
    await vendor.setInputFiles('#mds2-file', path.join(dir, 'mds2-echomax.csv'));
    await h.clickAndWaitForPage(vendor, '#mds2-preview', `${base()}/vendor/import/mds2`);
    await h.assertNoAxeViolations(vendor, 'MDS2 preview');
    const row = (id) => `#mds2-proposals tr[data-question="${id}"]`;
    assert.equal(await vendor.getAttribute(row('dispositif.fabricant'), 'data-status'), 'imported');
    assert.match(await h.text(vendor, row('dispositif.fabricant')), /Medix SAS.*DOC-1/s);
    assert.equal(await vendor.getAttribute(row('maintenance.annuaire_etablissement'), 'data-status'), 'conflict');
    assert.match(await h.text(vendor, '#mds2-unmapped'), /EMRG-1/);
    // Nothing is saved by the preview.
    const response = await h.apiOk(base(), 'GET', '/api/v1/vendor/response', invitation.token);
    const maker = response.sections.flatMap((s) => s.questions).find((q) => q.id === 'dispositif.fabricant');
    assert.equal(maker.value, null);
  });

  step('confirms, keeping its own answer where the MDS2 differs', async () => {
    await h.clickAndWaitForPage(vendor, '#mds2-apply', `${base()}/vendor/import/mds2/apply`);
    assert.match(await h.text(vendor, '#mds2-result'), /Réponses enregistrées : \d+/);
    assert.match(await h.text(vendor, '#manufacturer-documents'), /mds2-echomax\.csv/);
    const index = await h.questionnaireIndex(base());
    await vendor.goto(`${base()}/vendor/sections/${index.questions.get('dispositif.fabricant').section}`);
    assert.equal(await vendor.inputValue('[name="a:dispositif.fabricant"]'), 'Medix SAS');
    const response = await h.apiOk(base(), 'GET', '/api/v1/vendor/response', invitation.token);
    const directory = response.sections.flatMap((s) => s.questions).find((q) => q.id === 'maintenance.annuaire_etablissement');
    assert.equal(directory.value, 'non');
  });

  step('uploads its SBOM and finds the software list filled', async () => {
    await vendor.goto(`${base()}/vendor/manufacturer-documents`);
    await vendor.setInputFiles('#sbom-file', path.join(dir, 'sbom-echomax.cdx.json'));
    await h.clickAndWaitForPage(vendor, '#sbom-preview', `${base()}/vendor/import/sbom`);
    assert.match(await h.text(vendor, '#sbom-summary'), /Composants déclarés : 2/);
    assert.match(await h.text(vendor, '#sbom-operating-systems'), /Windows 10 Enterprise/);
    assert.match(await h.text(vendor, '#sbom-rows'), /pkg:generic\/medix\/echoviewer@5\.2\.1/);
    await h.clickAndWaitForPage(vendor, '#sbom-apply', `${base()}/vendor/import/sbom/apply`);
    assert.match(await h.text(vendor, '#sbom-result'), /Logiciels ajoutés à la liste : 2/);
    const index = await h.questionnaireIndex(base());
    await vendor.goto(`${base()}/vendor/sections/${index.questions.get('serveurs.liste_logiciels_installes').section}`);
    const table = await h.text(vendor, '#table-serveurs\\.liste_logiciels_installes');
    assert.ok(table !== null);
    const values = await vendor.$$eval('#table-serveurs\\.liste_logiciels_installes input', (inputs) => inputs.map((i) => i.value));
    assert.ok(values.includes('Windows 10 Enterprise'), values.join(' | '));
    assert.ok(values.includes('10.0.19044'));
    assert.ok(values.includes('pkg:generic/medix/echoviewer@5.2.1'));
  });

  step('the hospital sees where the answers came from, and the Windows version out of support', async () => {
    await h.login(hospital, base());
    await hospital.goto(`${base()}/responses/${invitation.responseId}`);
    assert.match(await h.text(hospital, '#manufacturer-card'), /mds2-echomax\.csv.*sbom-echomax\.cdx\.json/s);
    assert.match(await h.text(hospital, '#q-dispositif\\.fabricant'), /Valeur importée du MDS2 « mds2-echomax\.csv » \(ligne DOC-1\)/);
    assert.match(await h.text(hospital, '#q-serveurs\\.liste_logiciels_installes'), /Valeur importée du SBOM/);
    // Windows 10 21H2 Enterprise: out of support since June 2024.
    const finding = hospital.locator('#support-findings li[data-cycle="windows/10-21h2-e"]');
    assert.equal(await finding.count(), 1, await h.text(hospital, '#fin-de-support'));
    assert.match(await finding.innerText(), /Hors support/);
    assert.match(await finding.innerText(), /11\/06\/2024/);
    assert.match(await h.text(hospital, '#fin-de-support'), /endoflife\.date/);
  });
});
