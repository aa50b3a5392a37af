'use strict';
// The logigrammes in a real browser: the vendor follows its part's flowchart (clicking a box lands
// on its page, the overview leads to each part), the branch not taken is marked, and the hospital's
// chart of the response leads to the answers on its reading page.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

describe('flowcharts: clickable boxes on both sides', () => {
  let server, browser, hospital, vendor, invitation;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    hospital = await (await h.newContext(browser)).newPage();
    vendor = await (await h.newContext(browser)).newPage();
    invitation = await h.createInvitationByApi(server, { title: 'Moniteurs 2031', company: 'Monitorix' });
    await h.apiOk(server.baseUrl, 'PUT', '/api/v1/vendor/answers/dispositif.poste_standard', invitation.token, { value: 'non' });
    await h.login(hospital, server.baseUrl);
    await vendor.goto(invitation.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const step = h.scenario('flowchart', () => ({ hospital, vendor }));
  const url = (p) => server.baseUrl + p;
  const box = (id) => `[id="${id}"] a`;

  step('the vendor reaches the flowcharts from its home page, and the overview leads to part 2', async () => {
    await vendor.goto(url('/vendor'));
    await h.clickAndWaitForPage(vendor, 'a[href="/vendor/flowcharts"]', url('/vendor/flowcharts'));
    assert.ok(await vendor.$('svg.flowchart-svg'), 'the overview is drawn');
    await h.clickAndWaitForPage(vendor, box('fc-p-serveurs'), url('/vendor/flowcharts/2'));
    assert.match(await h.text(vendor, 'h1'), /partie 2/);
  });

  step('part 1 shows the branch taken; clicking a box lands on its page', async () => {
    await vendor.goto(url('/vendor/flowcharts/1'));
    const status = (id) => vendor.textContent(`[id="${id}"] text:last-of-type`);
    assert.equal((await status('fc-s-dispositif.prerequis_poste')).trim(), 'sans objet');
    assert.match(await vendor.getAttribute('[id="fc-d-dispositif.poste_standard"]', 'class'), /fc-answer-non/);
    await h.clickAndWaitForPage(vendor, box('fc-s-dispositif.materiel_fourni'), url('/vendor/sections/dispositif.materiel_fourni'));
    assert.match(await h.text(vendor, 'h1'), /Matériel informatique/);
  });

  step("a section page links to its part's flowchart with the page marked as current", async () => {
    await vendor.goto(url('/vendor/sections/dispositif.type_connexion'));
    await h.clickAndWaitForPage(vendor, 'a.tool-flowchart', url('/vendor/flowcharts/1?current=dispositif.type_connexion'));
    assert.match(await vendor.getAttribute('[id="fc-s-dispositif.type_connexion"]', 'class'), /fc-st-current/);
    // A decision box opens its page at the question.
    await h.clickAndWaitForPage(
      vendor,
      box('fc-d-dispositif.poste_standard'),
      url('/vendor/sections/dispositif.poste_informatique#q-dispositif.poste_standard')
    );
  });

  step("the hospital's chart of the response leads to the answers", async () => {
    await hospital.goto(url(`/responses/${invitation.responseId}`));
    await h.clickAndWaitForPage(hospital, 'a.flowcharts-link', url(`/responses/${invitation.responseId}/flowcharts`));
    await h.clickAndWaitForPage(hospital, box('fc-p-dispositif'), url(`/responses/${invitation.responseId}/flowcharts/1`));
    await hospital.click(box('fc-s-dispositif.materiel_fourni'));
    await hospital.waitForURL(url(`/responses/${invitation.responseId}#s-dispositif.materiel_fourni`));
    assert.ok(await hospital.isVisible('[id="s-dispositif.materiel_fourni"]'));
  });
});
