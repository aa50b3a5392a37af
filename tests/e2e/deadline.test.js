'use strict';
// Deadlines that hold, in a browser: a vendor whose deadline passed yesterday reads its answers
// but every page says it can no longer change or submit them; once the hospital extends its
// deadline (with a reason), the vendor can answer again.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
const nextWeek = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);

describe('a vendor after its deadline, then with an extension', () => {
  let server, browser, vendor, acquisitionId, invitation;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    vendor = await (await h.newContext(browser)).newPage();
    const acquisition = await h.apiOk(server.baseUrl, 'POST', '/api/v1/acquisitions', server.apiToken, {
      title: 'Respirateurs 2027', equipment: 'Respirateur', reference: 'RESP-27', deadline: yesterday,
    });
    acquisitionId = acquisition.id;
    invitation = await h.apiOk(server.baseUrl, 'POST', `/api/v1/acquisitions/${acquisitionId}/vendors`, server.apiToken, {
      company: 'Souffle Médical', contact_name: 'Inès Roy', email: 'ines.roy@souffle.test', language: 'fr',
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const step = h.scenario('deadline', () => ({ vendor }));
  const url = (path) => `${server.baseUrl}${path}`;

  step('the vendor opens its link: the deadline has passed, it can read but not change', async () => {
    await vendor.goto(invitation.invite_url);
    assert.equal(vendor.url(), url('/vendor'));
    assert.match(await h.text(vendor, '#response-locked'), /date limite de réponse est dépassée/);
    assert.match(await h.text(vendor, '#response-locked'), /heure de Paris/);
    await vendor.goto(url('/vendor/sections/dispositif.informations_generales'));
    assert.match(await h.text(vendor, '#response-locked'), /plus les modifier ni les soumettre/);
    assert.equal(await vendor.$('main form textarea, main form input[type="text"]'), null, 'no input to change an answer');
    await vendor.goto(url('/vendor/review'));
    assert.ok(await vendor.$eval('form[action="/vendor/submit"] button', (b) => b.disabled), 'submit is disabled');
  });

  step('the hospital extends its deadline: the vendor can answer again', async () => {
    await h.apiOk(server.baseUrl, 'POST', `/api/v1/responses/${invitation.response_id}/deadline`, server.apiToken, {
      deadline: nextWeek, reason: 'Panne de leur messagerie',
    });
    await vendor.goto(url('/vendor'));
    assert.equal(await vendor.$('#response-locked'), null);
    assert.match(await h.text(vendor, '#vendor-deadline'), /heure de Paris/);
    await vendor.goto(url('/vendor/sections/dispositif.informations_generales'));
    assert.ok(await vendor.$('main form input[type="text"], main form textarea'), 'the answers can be changed again');
  });
});
