'use strict';
// The response journal from the hospital's response page: a vendor's answer saved through the API,
// then opened from the page's link, filtered by question, with its source and its CSV.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

const QUESTION = 'dispositif.fabricant';

describe('response journal, opened from the response page', () => {
  let server, browser, hospital, invitation;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    hospital = await (await h.newContext(browser)).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const step = h.scenario('journal', () => ({ hospital }));
  const base = () => server.baseUrl;

  step('a vendor answers twice through the API', async () => {
    invitation = await h.createInvitationByApi(server, { title: 'Pompes à perfusion 2033', company: 'Perfusia' });
    for (const value of ['Premier fabricant', 'Second fabricant'])
      await h.apiOk(base(), 'PUT', `/api/v1/vendor/answers/${QUESTION}`, invitation.token, { value });
  });

  step('the response page links to its journal, which shows the change and where it came from', async () => {
    await h.login(hospital, base());
    await hospital.goto(`${base()}/responses/${invitation.responseId}`);
    await h.clickAndWaitForPage(hospital, 'a.journal-link', `${base()}/responses/${invitation.responseId}/journal`);
    assert.match(await h.text(hospital, 'h1'), /Journal/);
    await hospital.fill('#journal-question', QUESTION);
    await hospital.selectOption('#journal-action', 'update');
    await Promise.all([hospital.waitForURL(/journal\?/), hospital.click('.journal-filters button[type="submit"]')]);
    const rows = await hospital.$$eval('table.journal tbody tr', (trs) => trs.map((tr) => tr.textContent));
    assert.equal(rows.length, 1, rows.join('\n'));
    assert.match(rows[0], /Premier fabricant/);
    assert.match(rows[0], /Second fabricant/);
    assert.match(rows[0], /API/);
    assert.match(rows[0], /Fabricant/);
    assert.match(rows[0], /Fournisseur Perfusia/);
    const csv = await hospital.getAttribute('a[href*="journal.csv"]', 'href');
    assert.match(csv, /question=dispositif\.fabricant/);
    assert.match(csv, /action=update/);
  });
});
