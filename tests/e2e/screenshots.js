'use strict';
// The documentation's screenshots, made again from the running product (not a test: run it by
// hand after a change to the pages):  node tests/e2e/screenshots.js [OUTPUT_DIR=docs/images]
// A fresh server, the demonstration purchase (`cyberachat demo`) joined by the harness's engineer,
// the hospital's identity set; then, at 1280 px: the comparison, a vendor's section page, and the
// Excel import preview of a filled workbook with one refused row.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./lib/harness');

const OUT = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'docs', 'images'));
const TOOL = path.join(__dirname, '..', 'tools', 'xlsx_tool.py');

async function main() {
  const server = await h.startServer();
  const browser = await h.launchBrowser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberachat-shots-'));
  try {
    const data = ['--data', server.dataDir];
    h.run(['demo', ...data]);
    h.run(['user', 'add', 'admin@chu.test', '--role', 'admin', '--password-stdin', ...data], 'Cles-de-la-vitrine-2031\n');
    const admin = h.run(['token', 'create', 'admin@chu.test', ...data]).trim().split('\n').pop().trim();
    await h.apiOk(server.baseUrl, 'PUT', '/api/v1/instance', admin, {
      hospital_name: 'Centre hospitalier de démonstration',
      contact_email: 'biomedical@ch-demonstration.fr',
    });
    const lead = h.run(['token', 'create', 'biomedical@demo.cyberachat.fr', ...data]).trim().split('\n').pop().trim();
    const [purchase] = await h.apiOk(server.baseUrl, 'GET', '/api/v1/acquisitions', lead);
    await h.apiOk(server.baseUrl, 'POST', `/api/v1/acquisitions/${purchase.id}/members`, lead, { email: h.USER_EMAIL, role: 'lead' });

    const hospital = await (await h.newContext(browser, { viewport: { width: 1280, height: 900 } })).newPage();
    await h.login(hospital, server.baseUrl);
    await hospital.goto(`${server.baseUrl}/acquisitions/${purchase.id}/comparison`);
    await hospital.screenshot({ path: path.join(OUT, 'comparison.png'), fullPage: false });

    const invited = await h.apiOk(server.baseUrl, 'POST', `/api/v1/acquisitions/${purchase.id}/vendors`, lead, {
      company: 'Moniteurs Exemple SA', contact_name: 'Claire Martin', email: 'offres@moniteurs-exemple.fr', language: 'fr',
    });
    const vendor = await (await h.newContext(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    await vendor.goto(invited.invite_url);
    await vendor.goto(`${server.baseUrl}/vendor/sections/dispositif.poste_informatique`);
    await vendor.screenshot({ path: path.join(OUT, 'vendor-section.png'), fullPage: false });

    await vendor.goto(`${server.baseUrl}/vendor`);
    const [download] = await Promise.all([vendor.waitForEvent('download'), vendor.click('#excel-download')]);
    const blank = path.join(dir, 'blank.xlsx'), filled = path.join(dir, 'filled.xlsx'), answers = path.join(dir, 'answers.json');
    await download.saveAs(blank);
    fs.writeFileSync(answers, JSON.stringify({
      'dispositif.fabricant': 'Moniteurs Exemple SA',
      'dispositif.lieu_fabrication': 'Grenoble, France',
      'dispositif.poste_standard': 'Oui',
      'dispositif.contact_installation.email': 'pas-une-adresse',
    }));
    execFileSync('/usr/bin/python3', [TOOL, 'fill', blank, filled, answers]);
    await vendor.goto(`${server.baseUrl}/vendor/import`);
    await vendor.setInputFiles('#xlsx-file', filled);
    await h.clickAndWaitForPage(vendor, 'button[type=submit]:has-text("aperçu")', `${server.baseUrl}/vendor/import`);
    await vendor.screenshot({ path: path.join(OUT, 'excel-preview.png'), fullPage: false });
    console.log(`screenshots written to ${OUT}: comparison.png, vendor-section.png, excel-preview.png`);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
