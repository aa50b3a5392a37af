'use strict';
// The list of purchases searched and sorted in a browser, without JavaScript of its own: the
// engineer types a word without its accent, sorts by deadline, turns the order round from the
// column header, finds nothing, then goes back to the whole list.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

describe('searching and sorting the list of purchases', () => {
  let server, browser, hospital;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    hospital = await (await h.newContext(browser, { bypassCSP: true })).newPage();  // axe-core is injected
    for (const purchase of [
      { title: 'Échographes cardiologie', equipment: 'Échographe', service: 'Cardiologie', reference: 'ECH-27', deadline: '2027-05-01' },
      { title: 'Pousse-seringues', equipment: 'Pousse-seringue', service: 'Réanimation', reference: 'PS-12' },
      { title: 'Echographe portable', equipment: 'Échographe', service: 'Urgences', reference: 'ECH-26', deadline: '2027-02-01' },
    ])
      await h.apiOk(server.baseUrl, 'POST', '/api/v1/acquisitions', server.apiToken, purchase);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const step = h.scenario('purchase-list', () => ({ hospital }));
  const url = (path) => `${server.baseUrl}${path}`;
  const titles = () => hospital.$$eval('table.acquisitions tbody th a', (links) => links.map((a) => a.textContent));

  step('the list shows every purchase, newest first, under the search form', async () => {
    await h.login(hospital, server.baseUrl);
    assert.deepEqual(await titles(), ['Echographe portable', 'Pousse-seringues', 'Échographes cardiologie']);
    assert.equal(await h.text(hospital, '#purchase-count'), '3 achats sur 3');
    await h.assertNoAxeViolations(hospital, 'the list of purchases with its search form');
  });

  step('a word without its accent, sorted by deadline: the form keeps what was asked', async () => {
    await hospital.fill('#purchase-q', 'echographe');
    await hospital.selectOption('#purchase-sort', 'deadline');
    await Promise.all([hospital.waitForURL(/\/acquisitions\?/), hospital.click('button:has-text("Filtrer")')]);
    assert.deepEqual(await titles(), ['Echographe portable', 'Échographes cardiologie']);
    assert.equal(await h.text(hospital, '#purchase-count'), '2 achats sur 3');
    assert.equal(await hospital.inputValue('#purchase-q'), 'echographe');
    assert.equal(await hospital.inputValue('#purchase-sort'), 'deadline');
    assert.equal(await hospital.getAttribute('th[aria-sort]', 'aria-sort'), 'ascending');
  });

  step('the column header turns the order round, keeping the search', async () => {
    await Promise.all([hospital.waitForURL(/order=desc/), hospital.click('#sort-deadline')]);
    assert.deepEqual(await titles(), ['Échographes cardiologie', 'Echographe portable']);
    assert.equal(await hospital.getAttribute('th[aria-sort]', 'aria-sort'), 'descending');
    assert.equal(await hospital.inputValue('#purchase-order'), 'desc');
    assert.equal(await hospital.inputValue('#purchase-q'), 'echographe');
  });

  step('nothing matches: the page says so and leads back to the whole list', async () => {
    await hospital.fill('#purchase-q', 'scanner');
    await Promise.all([hospital.waitForURL(/q=scanner/), hospital.click('button:has-text("Filtrer")')]);
    assert.match(await h.text(hospital, '#no-match'), /Aucun achat ne correspond à la recherche\./);
    assert.equal(await hospital.$('table.acquisitions'), null);
    await Promise.all([hospital.waitForURL(url('/acquisitions')), hospital.click('#no-match a')]);
    assert.equal(await h.text(hospital, '#purchase-count'), '3 achats sur 3');
    assert.equal(await hospital.inputValue('#purchase-q'), '');
  });
});
