'use strict';
// Excel round trip in a browser: the vendor downloads its workbook from the home page, fills it
// (openpyxl, as a vendor's spreadsheet tool would), uploads it, reads the preview report, applies
// it and finds the answers in its section page; the hospital downloads the response's workbook
// and imports a filled one on the vendor's behalf.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./lib/harness');

const TOOL = path.join(__dirname, '..', 'tools', 'xlsx_tool.py');
const ANSWERS = {
  'dispositif.fabricant': { value: 'Medix SAS', comment: 'Siège social' },
  'dispositif.lieu_fabrication': 'Lyon, France',
  'dispositif.poste_standard': 'Non',
  'dispositif.ecran_taille': '23,8', // does not apply once poste_standard = Non
  'dispositif.contact_installation.email': 'pas-une-adresse',
};

describe('a vendor answers with Excel', () => {
  let server, browser, vendor, hospital, invitation, dir, downloaded, filled, hospitalWorkbook;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    vendor = await (await h.newContext(browser, { acceptDownloads: true, bypassCSP: true })).newPage(); // bypassCSP: axe is injected
    hospital = await (await h.newContext(browser, { acceptDownloads: true })).newPage();
    invitation = await h.createInvitationByApi(server, { title: 'Échographes Excel 2031', company: 'Medix Santé' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberachat-e2e-xlsx-'));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const step = h.scenario('xlsx', () => ({ vendor, hospital }));
  const base = () => server.baseUrl;

  step('the vendor downloads its workbook from the home page', async () => {
    await vendor.goto(invitation.url);
    await vendor.waitForURL(`${base()}/vendor`);
    const [download] = await Promise.all([vendor.waitForEvent('download'), vendor.click('#excel-download')]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    downloaded = path.join(dir, 'downloaded.xlsx');
    await download.saveAs(downloaded);
    const seen = JSON.parse(execFileSync('/usr/bin/python3', [TOOL, 'ids', downloaded], { encoding: 'utf8' }));
    assert.equal(seen.meta.response_id, String(invitation.responseId));
    assert.ok(seen.ids.includes('dispositif.fabricant'));
  });

  step('fills it in and sees the preview report, nothing saved yet', async () => {
    filled = path.join(dir, 'filled.xlsx');
    const answers = path.join(dir, 'answers.json');
    fs.writeFileSync(answers, JSON.stringify(ANSWERS));
    execFileSync('/usr/bin/python3', [TOOL, 'fill', downloaded, filled, answers]);
    await h.clickAndWaitForPage(vendor, '#excel-import', `${base()}/vendor/import`);
    await vendor.setInputFiles('#xlsx-file', filled);
    await h.clickAndWaitForPage(vendor, 'button[type=submit]:has-text("aperçu")', `${base()}/vendor/import`);
    await h.assertNoAxeViolations(vendor, 'import preview');
    const status = (id) => vendor.getAttribute(`#import-rows tr[data-id="${id}"]`, 'data-status');
    assert.equal(await status('dispositif.fabricant'), 'imported');
    assert.equal(await status('dispositif.poste_standard'), 'imported');
    assert.equal(await status('dispositif.ecran_taille'), 'ignored_branch');
    // A contact is reported on its question's row.
    assert.equal(await status('dispositif.contact_installation'), 'rejected');
    assert.match(await h.text(vendor, '#import-rows tr[data-id="dispositif.contact_installation"]'), /adresse e-mail valide/);
    // The verdict comes first, in view at a usual desktop width; "only the rejected rows" keeps them alone.
    assert.match(await h.text(vendor, '#import-rows thead th:first-child'), /Résultat/);
    await vendor.setViewportSize({ width: 1366, height: 900 });
    const verdict = await vendor.locator('#import-rows tr[data-id="dispositif.contact_installation"] td').first().boundingBox();
    assert.ok(verdict.x + verdict.width <= 1366, `the verdict cell ends at ${verdict.x + verdict.width}px`);
    assert.equal(await vendor.isVisible('#import-rows tr[data-id="dispositif.fabricant"]'), true);
    await vendor.check('#only-rejected');
    assert.equal(await vendor.isVisible('#import-rows tr[data-id="dispositif.fabricant"]'), false, 'imported rows hidden');
    assert.equal(await vendor.isVisible('#import-rows tr[data-id="dispositif.contact_installation"]'), true);
    await vendor.uncheck('#only-rejected');
    assert.equal(await vendor.isVisible('#import-rows tr[data-id="dispositif.fabricant"]'), true);
    const response = await h.apiOk(base(), 'GET', '/api/v1/vendor/response', invitation.token);
    const fabricant = response.sections.flatMap((s) => s.questions).find((q) => q.id === 'dispositif.fabricant');
    assert.equal(fabricant.value, null);
  });

  step('applies it and finds the answers on the section page', async () => {
    await h.clickAndWaitForPage(vendor, '#apply-import', `${base()}/vendor/import/apply`);
    assert.match(await h.text(vendor, '#import-result'), /3$/);
    const index = await h.questionnaireIndex(base());
    const section = index.questions.get('dispositif.fabricant').section;
    await vendor.goto(`${base()}/vendor/sections/${section}`);
    assert.equal(await vendor.inputValue(`[name="a:dispositif.fabricant"]`), 'Medix SAS');
    assert.equal(await vendor.inputValue(`[name="a:dispositif.lieu_fabrication"]`), 'Lyon, France');
  });

  step('the hospital downloads the response as Excel from its page', async () => {
    await h.login(hospital, base());
    await hospital.goto(`${base()}/responses/${invitation.responseId}`);
    const [download] = await Promise.all([hospital.waitForEvent('download'), hospital.click('#excel a[href$="export.xlsx"]')]);
    const saved = path.join(dir, 'hospital.xlsx');
    await download.saveAs(saved);
    const seen = JSON.parse(execFileSync('/usr/bin/python3', [TOOL, 'ids', saved], { encoding: 'utf8' }));
    assert.equal(seen.meta.language, 'fr');
    assert.ok(seen.ids.includes('dispositif.poste_standard'));
    hospitalWorkbook = saved;
  });

  step('the hospital imports a filled workbook on the vendor\'s behalf', async () => {
    const answers = path.join(dir, 'hospital-answers.json');
    fs.writeFileSync(answers, JSON.stringify({ 'dispositif.fournisseur': 'Distrimed Ouest' }));
    const filledByHospital = path.join(dir, 'hospital-filled.xlsx');
    execFileSync('/usr/bin/python3', [TOOL, 'fill', hospitalWorkbook, filledByHospital, answers]);
    const importUrl = `${base()}/responses/${invitation.responseId}/import`;
    await h.clickAndWaitForPage(hospital, '#excel a[href$="/import"]', importUrl);
    await hospital.setInputFiles('#xlsx-file', filledByHospital);
    await h.clickAndWaitForPage(hospital, 'button[type=submit]:has-text("aperçu")', importUrl);
    assert.equal(await hospital.getAttribute('#import-rows tr[data-id="dispositif.fournisseur"]', 'data-status'), 'imported');
    // What the vendor imported before is in the file: unchanged.
    assert.equal(await hospital.getAttribute('#import-rows tr[data-id="dispositif.fabricant"]', 'data-status'), 'unchanged');
    await h.clickAndWaitForPage(hospital, '#apply-import', `${importUrl}/apply`);
    assert.match(await h.text(hospital, '#import-result'), /1$/);
    await hospital.goto(`${base()}/responses/${invitation.responseId}`);
    assert.match(await h.text(hospital, 'main'), /Distrimed Ouest/);
  });
});
