'use strict';
// A tablet held upright (820 × 1180): on the purchase page, the vendors' link and action columns
// are in view without scrolling sideways; on the comparison, the last vendor's column is reached
// by scrolling its table (a shadow and a scroll bar say there is more, the keyboard scrolls it),
// the questions staying in view; the vendor's pages show the four-part tabs. No page is wider than
// the window, and axe-core finds nothing at that width.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

const VIEWPORT = { width: 820, height: 1180 };
const COMPANIES = [
  'Écho Systèmes Imagerie Médicale Européenne',
  'Veillemed Santé',
  'Horizon Monitoring France',
  'Cardiotrace Médical',
  'Alpes Biomédical',
  'Kestrel Europe',
];

// Where an element is once scrolled into view: inside the window, and the one drawn at its centre
// (not hidden by an overflowing box or covered by another element).
async function inView(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(r.height, 40) / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return {
      what: `<${el.tagName.toLowerCase()}> « ${(el.textContent || '').trim().slice(0, 40)} »`,
      left: r.left,
      right: r.right,
      width: r.width,
      height: r.height,
      drawn: !!top && (el === top || el.contains(top) || top.contains(el)),
      innerWidth,
    };
  });
}

function assertInView(box) {
  assert.ok(box.width > 0 && box.height > 0, `${box.what} has a size`);
  assert.ok(box.left >= 0 && box.right <= box.innerWidth + 0.5, `${box.what} lies inside the ${box.innerWidth} px window: ${box.left}–${box.right}`);
  assert.ok(box.drawn, `${box.what} is drawn, not hidden or covered`);
}

async function pageIsNotWiderThanTheWindow(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `the page is ${scrollWidth} px wide in a ${innerWidth} px window`);
}

describe('a tablet (820 × 1180): the purchase page, the comparison and the vendor pages', () => {
  let server, browser, hospital, vendor, pdf, acquisitionId, invitation;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    // axe-core is injected as an inline script: bypassCSP lets it in.
    hospital = await (await h.newContext(browser, { viewport: VIEWPORT, bypassCSP: true })).newPage();
    vendor = await (await h.newContext(browser, { viewport: VIEWPORT, bypassCSP: true })).newPage();
    pdf = h.writePdf('preuve.pdf', 'Piece jointe de test');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    pdf?.cleanup();
  });

  const step = h.scenario('tablet', () => ({ hospital, vendor }));
  const base = () => server.baseUrl;

  step('six vendors with long names and addresses answer and submit; a seventh has not started', async () => {
    const created = await h.apiOk(base(), 'POST', '/api/v1/acquisitions', server.apiToken, {
      title: 'Échographes cardiologie 2031',
      equipment: 'Échographes',
      service: 'Cardiologie',
    });
    acquisitionId = created.id;
    for (const [i, company] of COMPANIES.entries()) {
      const invited = await h.apiOk(base(), 'POST', `/api/v1/acquisitions/${acquisitionId}/vendors`, server.apiToken, {
        company,
        contact_name: 'Jean-Baptiste Dupont-Moretti',
        email: `jean-baptiste.dupont-moretti.${i}@fournisseur-europeen.test`,
        language: i % 2 ? 'en' : 'fr',
      });
      await h.fillRequiredByApi(base(), invited.invite_token, pdf);
      await h.apiOk(base(), 'POST', '/api/v1/vendor/submit', invited.invite_token, {});
    }
    const late = await h.apiOk(base(), 'POST', `/api/v1/acquisitions/${acquisitionId}/vendors`, server.apiToken, {
      company: 'Retardataire Médical',
      email: 'offres@retardataire.test',
      language: 'fr',
    });
    invitation = late;
  });

  step('purchase page: every vendor\'s link state and actions are in view, without scrolling sideways', async () => {
    await h.login(hospital, base());
    await hospital.goto(`${base()}/acquisitions/${acquisitionId}`);
    await pageIsNotWiderThanTheWindow(hospital);
    const headers = await hospital.$$eval('table.vendors thead th', (ths) => ths.map((th) => th.textContent));
    assert.deepEqual(headers.slice(-2), ["Lien d'invitation", 'Actions']);
    for (const header of ["Lien d'invitation", 'Actions'])
      assertInView(await inView(hospital, hospital.locator('table.vendors thead th', { hasText: header })));
    const rows = hospital.locator('table.vendors tbody tr');
    assert.equal(await rows.count(), COMPANIES.length + 1);
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      assertInView(await inView(hospital, row.locator('td').nth(5)));  // the link's state
      const actions = row.locator('td.actions-cell').locator(':scope > a, :scope > form button, :scope > details > summary');
      assert.ok((await actions.count()) >= 3, `row ${i} has its actions`);
      for (let j = 0; j < (await actions.count()); j++) assertInView(await inView(hospital, actions.nth(j)));
    }
    // An action asked twice opens on its confirming button, in view too.
    const first = rows.first();
    await first.locator('details.confirmed-action > summary', { hasText: 'Régénérer le lien' }).click();
    assertInView(await inView(hospital, first.locator('details.confirmed-action[open] button[type="submit"]')));
    await pageIsNotWiderThanTheWindow(hospital);
    await h.assertNoAxeViolations(hospital, 'the purchase page at 820 px');
  });

  step('comparison: the last vendor\'s column is reached by scrolling its table, which shows it can scroll', async () => {
    await hospital.goto(`${base()}/acquisitions/${acquisitionId}/comparison`);
    await pageIsNotWiderThanTheWindow(hospital);
    const table = hospital.locator('#s-maintenance\\.generalites_telemaintenance table.comparison-table');
    const headers = await table.locator('thead th').allTextContents();
    assert.deepEqual(headers.map((t) => t.trim()), ['Question', ...COMPANIES]);
    const wrap = table.locator('xpath=..');
    const box = await wrap.evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        overflowX: style.overflowX,
        scrolls: el.scrollWidth > el.clientWidth,
        shadows: style.backgroundImage,
        attachment: style.backgroundAttachment,
        tabindex: el.getAttribute('tabindex'),
        label: el.getAttribute('aria-label'),
      };
    });
    assert.equal(box.overflowX, 'auto');
    assert.ok(box.scrolls, 'six vendors do not fit 820 px: the table scrolls in its box');
    // The shadows stay on the box's sides ("scroll") until the white ends of the content ("local")
    // cover them: one shows on each side where columns are hidden. (Headless Chromium hides the
    // scroll bar that the stylesheet keeps visible elsewhere.)
    assert.match(box.shadows, /radial-gradient.*radial-gradient/, 'shadows mark the sides where columns are hidden');
    assert.match(box.attachment, /local.*scroll/);
    assert.equal(box.tabindex, '0', 'the keyboard can reach it');
    assert.match(box.label, /défiler/);
    // Before scrolling the last column is out of its box; the keyboard scrolls to it.
    const last = table.locator('thead th').last();
    const hidden = await last.evaluate((el) => el.getBoundingClientRect().right > el.closest('.table-wrap').getBoundingClientRect().right);
    assert.ok(hidden, 'the last column ends beyond the box');
    await wrap.focus();
    for (let i = 0; i < 40; i++) await hospital.keyboard.press('ArrowRight');
    await h.eventually(async () => assert.ok((await wrap.evaluate((el) => el.scrollLeft)) > 0, 'the arrow keys scroll the table'));
    assertInView(await inView(hospital, last));
    assertInView(await inView(hospital, table.locator('tbody tr').first().locator('td').last()));
    // The questions stay in view while the vendors scroll.
    const question = await inView(hospital, table.locator('tbody tr').first().locator('th'));
    assertInView(question);
    await h.assertNoAxeViolations(hospital, 'the comparison at 820 px');
  });

  step('vendor pages: the four-part tabs fit, and the pages are no wider than the window', async () => {
    await vendor.goto(invitation.invite_url);
    for (const path of ['/vendor', '/vendor/sections/dispositif.informations_generales', '/vendor/review', '/vendor/help']) {
      await vendor.goto(`${base()}${path}`);
      await pageIsNotWiderThanTheWindow(vendor);
      const tabs = vendor.locator('nav.part-tabs a.part-tab');
      assert.equal(await tabs.count(), 4, path);
      for (let i = 0; i < 4; i++) assertInView(await inView(vendor, tabs.nth(i)));
    }
    // On part 1's first page, its tab is the current page.
    await vendor.goto(`${base()}/vendor/sections/dispositif.informations_generales`);
    assert.equal(await vendor.locator('nav.part-tabs a.part-tab').first().getAttribute('aria-current'), 'page');
    await h.assertNoAxeViolations(vendor, 'a section at 820 px');
  });
});
