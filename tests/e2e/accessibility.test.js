'use strict';
// WCAG 2.1 A and AA checks with axe-core on the main pages of both sides, and keyboard use:
// the skip link is the first tab stop, and every focused element shows a visible focus.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

// Tabs through the page from the top; checks that the skip link comes first and is visible when
// focused, that Enter on it moves to the main content, and that the next `count` tab stops all
// show a focus indicator and are on screen.
async function checkKeyboard(page, count = 20) {
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return {
        tag: el.tagName.toLowerCase(),
        type: el.getAttribute('type') || '',
        id: el.id,
        name: el.getAttribute('name') || '',
        classes: el.className,
        href: el.getAttribute('href'),
        text: (el.textContent || '').trim().slice(0, 60),
        focusVisible: el.matches(':focus-visible'),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
        boxShadow: style.boxShadow,
        rect: { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right, width: rect.width, height: rect.height },
        viewport: { width: innerWidth, height: innerHeight },
      };
    });
  const describeEl = (f) => `<${f.tag}${f.id ? ` id="${f.id}"` : ''}${f.name ? ` name="${f.name}"` : ''} class="${f.classes}"> « ${f.text} »`;
  const assertVisibleFocus = (f) => {
    if (f.tag === 'input' && f.type === 'date' && !f.focusVisible) {
      // The calendar button inside a date input: Chromium draws its own focus ring there (the
      // page's :focus-visible outline cannot reach it).
      return;
    }
    assert.ok(f.focusVisible, `:focus-visible applies to ${describeEl(f)}`);
    const outline = f.outlineStyle !== 'none' && f.outlineWidth >= 2;
    const shadow = f.boxShadow && f.boxShadow !== 'none';
    assert.ok(outline || shadow, `visible focus indicator on ${describeEl(f)} (outline ${f.outlineStyle} ${f.outlineWidth}px, shadow ${f.boxShadow})`);
    assert.ok(f.rect.width > 0 && f.rect.height > 0, `${describeEl(f)} has a size`);
    assert.ok(
      f.rect.bottom > 0 && f.rect.top < f.viewport.height && f.rect.right > 0 && f.rect.left < f.viewport.width,
      `${describeEl(f)} is on screen when focused (${JSON.stringify(f.rect)})`
    );
  };

  // From a fresh load, so that the sequential focus starting point is the top of the document.
  const pageUrl = page.url().split('#')[0];
  await page.goto(pageUrl);
  await page.keyboard.press('Tab');
  const first = await focused();
  assert.equal(first.tag, 'a', `the first tab stop is the skip link, not ${describeEl(first)}`);
  assert.match(first.classes, /skip-link/, `the first tab stop is the skip link, not ${describeEl(first)}`);
  assert.equal(first.href, '#contenu');
  assertVisibleFocus(first);
  assert.ok(first.rect.top >= 0, 'the focused skip link is fully inside the window');

  const tabStops = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    if (f.tag === 'body') break;
    assertVisibleFocus(f);
    tabStops.push(describeEl(f));
  }
  assert.ok(tabStops.length > 0, 'there are tab stops after the skip link');

  // Enter on the skip link moves to the main content.
  await page.goto(pageUrl);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await h.eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.id), 'contenu'));
  assert.ok(page.url().endsWith('#contenu'));
  return tabStops;
}

describe('accessibility (axe-core, WCAG 2.1 A/AA) and keyboard', () => {
  let server, browser, hospitalContext, vendorContext, anonymous, hospital, vendor, invitation, pdf;

  before(async () => {
    server = await h.startServer();
    browser = await h.launchBrowser();
    // axe-core is injected as an inline script: the pages' CSP (script-src 'self') must let it in.
    const anonymousContext = await h.newContext(browser, { bypassCSP: true });
    anonymous = await anonymousContext.newPage();
    hospitalContext = await h.newContext(browser, { bypassCSP: true });
    hospital = await hospitalContext.newPage();
    vendorContext = await h.newContext(browser, { bypassCSP: true });
    vendor = await vendorContext.newPage();
    invitation = await h.createInvitationByApi(server, { title: 'Échographes cardiologie 2031', company: 'Écho Systèmes' });
    pdf = h.writePdf('certificat.pdf');
    await h.login(hospital, server.baseUrl);
    await vendor.goto(invitation.url);
    // A few answers, so that pages show answered and unanswered states, a visible certificate with
    // its document, and a table with a stored row.
    for (const [qid, value] of [
      ['dispositif.designation', 'Échographe EC-9'],
      ['dispositif.classe_ce_2017_745', 'iia'],
      ['dispositif.poste_standard', 'oui'],
      ['dispositif.antivirus_etablissement', 'oui'],
      ['serveurs.liste_logiciels_installes', [{ nom: 'EC-Soft', niveau_version: '3.1' }]],
    ])
      await h.apiOk(server.baseUrl, 'PUT', `/api/v1/vendor/answers/${qid}`, invitation.token, { value });
    const upload = h.fileUpload('file', pdf.bytes, pdf.name, 'application/pdf');
    await h.apiOk(server.baseUrl, 'POST', '/api/v1/vendor/documents/dispositif.certificat_ce_2017_745', invitation.token, upload);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    pdf?.cleanup();
  });

  const step = h.scenario('a11y', () => ({ anonymous, hospital, vendor }));
  const url = (p) => server.baseUrl + p;
  const check = (name, fn) => step(name, fn, { independent: true });

  // ---- hospital side ----

  check('login page', async () => {
    await anonymous.goto(url('/login'));
    await h.assertNoAxeViolations(anonymous, 'the login page');
  });

  check('login page with an error', async () => {
    await anonymous.goto(url('/login'));
    await anonymous.fill('#email', h.USER_EMAIL);
    await anonymous.fill('#password', 'wrong password');
    await Promise.all([anonymous.waitForResponse((r) => r.url() === url('/login') && r.request().method() === 'POST'), anonymous.click('button[type="submit"]')]);
    await anonymous.waitForSelector('#login-error');
    await h.assertNoAxeViolations(anonymous, 'the login page with an error');
  });

  check('login page: keyboard', async () => {
    await anonymous.goto(url('/login'));
    const stops = await checkKeyboard(anonymous, 6);
    assert.ok(stops.some((s) => s.includes('id="email"')), `the e-mail field is reachable: ${stops.join(', ')}`);
  });

  check('purchase list', async () => {
    await hospital.goto(url('/acquisitions'));
    await h.assertNoAxeViolations(hospital, 'the purchase list');
  });

  check('new purchase form, and its errors', async () => {
    await hospital.goto(url('/acquisitions/new'));
    await h.assertNoAxeViolations(hospital, 'the new purchase form');
    await Promise.all([hospital.waitForURL(url('/acquisitions')), hospital.click('button:has-text("Créer l\'achat")')]);
    await h.assertNoAxeViolations(hospital, 'the new purchase form with errors');
  });

  check('purchase page', async () => {
    await hospital.goto(url(`/acquisitions/${invitation.acquisitionId}`));
    await h.assertNoAxeViolations(hospital, 'the purchase page');
  });

  check('purchase page: keyboard', async () => {
    await hospital.goto(url(`/acquisitions/${invitation.acquisitionId}`));
    await checkKeyboard(hospital, 25);
  });

  check('purchase page showing a new secret link, and the vendor form errors', async () => {
    await hospital.goto(url(`/acquisitions/${invitation.acquisitionId}`));
    await hospital.fill('#vendor-company', 'Second fournisseur');
    await hospital.fill('#vendor-email', 'contact@second.test');
    await Promise.all([
      hospital.waitForURL(url(`/acquisitions/${invitation.acquisitionId}/vendors`)),
      hospital.click('button:has-text("Ajouter et créer le lien")'),
    ]);
    await hospital.waitForSelector('#invitation-link');
    await h.assertNoAxeViolations(hospital, 'the purchase page with the secret link');
    await hospital.goto(url(`/acquisitions/${invitation.acquisitionId}`));
    await hospital.fill('#vendor-email', 'pas-une-adresse');
    await Promise.all([
      hospital.waitForURL(url(`/acquisitions/${invitation.acquisitionId}/vendors`)),
      hospital.click('button:has-text("Ajouter et créer le lien")'),
    ]);
    await hospital.waitForSelector('.error-summary');
    await h.assertNoAxeViolations(hospital, 'the purchase page with vendor form errors');
  });

  check('hospital forms mark as required every field the server requires', async () => {
    // WCAG 3.3.2: a field refused when empty must say so in its label.
    const unmarked = [];
    const collect = async (where) => {
      for (const field of await hospital.$$('[aria-invalid="true"]')) {
        const id = await field.getAttribute('id');
        const label = await hospital.innerText(`label[for="${id}"]`);
        const required = (await field.getAttribute('required')) !== null || (await field.getAttribute('aria-required')) === 'true';
        if (!/obligatoire/.test(label) || !required) unmarked.push(`${where}: #${id} « ${label} » (required attribute: ${required})`);
      }
    };
    await hospital.goto(url('/acquisitions/new'));
    await Promise.all([hospital.waitForURL(url('/acquisitions')), hospital.click('button:has-text("Créer l\'achat")')]);
    await collect('new purchase');
    await hospital.goto(url(`/acquisitions/${invitation.acquisitionId}`));
    await Promise.all([
      hospital.waitForURL(url(`/acquisitions/${invitation.acquisitionId}/vendors`)),
      hospital.click('button:has-text("Ajouter et créer le lien")'),
    ]);
    await collect('add a vendor');
    assert.deepEqual(unmarked, [], `fields refused when empty but not marked as required:\n${unmarked.join('\n')}`);
  });

  // ---- vendor side ----

  check('vendor home', async () => {
    await vendor.goto(url('/vendor'));
    await h.assertNoAxeViolations(vendor, 'the vendor home');
  });

  check('section with a note, radios and a document question', async () => {
    await vendor.goto(url('/vendor/sections/dispositif.informations_generales'));
    assert.ok(await vendor.$('details.note'), 'the section has a note');
    assert.ok(await vendor.$('input[type="radio"]'), 'the section has radios');
    assert.ok(await vendor.$('li.document'), 'the section lists a document');
    await h.assertNoAxeViolations(vendor, 'the general information section');
  });

  check('section with a table question', async () => {
    await vendor.goto(url('/vendor/sections/serveurs.description_generique_logiciels'));
    assert.ok(await vendor.$('table.input-table'), 'the section has a table');
    await vendor.click('[data-add-row="serveurs.liste_logiciels_installes"]');
    await h.assertNoAxeViolations(vendor, 'the software description section (table)');
  });

  check('section with a contact question', async () => {
    await vendor.goto(url('/vendor/sections/dispositif.interlocuteur_installation'));
    await h.assertNoAxeViolations(vendor, 'the installation contact section');
  });

  check('section after a live autosave error and a live branch', async () => {
    await vendor.goto(url('/vendor/sections/dispositif.prerequis_poste'));
    const put = vendor.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/dispositif.ecran_taille'));
    await vendor.fill(h.byId('a-dispositif.ecran_taille'), 'beaucoup');
    await vendor.press(h.byId('a-dispositif.ecran_taille'), 'Tab');
    assert.equal((await put).status(), 422);
    await h.eventually(async () => assert.notEqual(await h.text(vendor, h.byId('err-dispositif.ecran_taille')), ''));
    await h.assertNoAxeViolations(vendor, 'a section with an autosave error');
  });

  check('section with errors after a post (error summary)', async () => {
    await vendor.goto(url('/vendor/sections/dispositif.prerequis_poste'));
    await vendor.fill(h.byId('a-dispositif.memoire_ram'), 'seize');
    // Post the form directly (the autosave would catch the error first).
    await vendor.evaluate(() => {
      const form = document.getElementById('section-form');
      const go = document.createElement('input');
      go.type = 'hidden';
      go.name = 'go';
      go.value = 'save';
      form.appendChild(go);
      HTMLFormElement.prototype.submit.call(form);
    });
    await vendor.waitForSelector('#error-summary');
    await h.eventually(async () => assert.equal(await vendor.evaluate(() => document.activeElement.id), 'error-summary'));
    await h.assertNoAxeViolations(vendor, 'a section with an error summary');
  });

  check('vendor section: keyboard', async () => {
    await vendor.goto(url('/vendor/sections/dispositif.informations_generales'));
    await checkKeyboard(vendor, 40);
  });

  check('vendor help', async () => {
    await vendor.goto(url('/vendor/help'));
    await h.assertNoAxeViolations(vendor, 'the vendor help');
  });

  check('vendor flowcharts: overview and a part with the response on it', async () => {
    await vendor.goto(url('/vendor/flowcharts'));
    await h.assertNoAxeViolations(vendor, 'the overview of the parts');
    await vendor.goto(url('/vendor/flowcharts/1?current=dispositif.type_connexion'));
    assert.ok(await vendor.$('svg[role="group"][aria-label]'), 'the chart is inline with a label');
    await h.assertNoAxeViolations(vendor, "part 1's flowchart");
    await vendor.goto(url('/vendor/flowcharts/2'));
    await h.assertNoAxeViolations(vendor, "part 2's flowchart");
  });

  check('vendor flowchart: keyboard reaches the boxes', async () => {
    await vendor.goto(url('/vendor/flowcharts/1'));
    const stops = await checkKeyboard(vendor, 45);
    assert.ok(stops.some((s) => s.startsWith('<a') && s.includes('Prérequis')), `a box is a tab stop: ${stops.join(', ')}`);
  });

  check('hospital flowchart of a response, and the public one', async () => {
    await hospital.goto(url(`/responses/${invitation.responseId}/flowcharts/1`));
    await h.assertNoAxeViolations(hospital, "the hospital's flowchart of a response");
    await anonymous.goto(url('/flowcharts/1'));
    await h.assertNoAxeViolations(anonymous, "the questionnaire's flowchart");
  });

  check('review page (answers missing)', async () => {
    await vendor.goto(url('/vendor/review'));
    assert.ok(await vendor.$('.missing-group'), 'missing answers are listed');
    await h.assertNoAxeViolations(vendor, 'the review page');
  });

  check('vendor pages in English', async () => {
    const page = url('/vendor/sections/dispositif.protection_antivirale');
    await vendor.goto(page);
    await h.clickAndWaitForPage(vendor, 'button[name="language"][value="en"]', page);
    try {
      assert.equal(await vendor.getAttribute('html', 'lang'), 'en');
      await h.assertNoAxeViolations(vendor, 'a section in English');
    } finally {
      await vendor.goto(page);
      await h.clickAndWaitForPage(vendor, 'button[name="language"][value="fr"]', page);
    }
  });

  check('confirmation page, then the hospital response page', async () => {
    await h.fillRequiredByApi(server.baseUrl, invitation.token, pdf);
    await h.apiOk(server.baseUrl, 'POST', '/api/v1/vendor/submit', invitation.token, undefined, [200]);
    await vendor.goto(url('/vendor/confirmation'));
    assert.match(await h.text(vendor, 'h1'), /Accusé de réception/);
    await h.assertNoAxeViolations(vendor, 'the confirmation page');
    await vendor.goto(url('/vendor/sections/dispositif.informations_generales'));
    await h.assertNoAxeViolations(vendor, 'a read-only section after submission');
    await hospital.goto(url(`/responses/${invitation.responseId}`));
    await h.assertNoAxeViolations(hospital, 'the hospital response page');
  });

  check('comparison of the vendors, whole and filtered', async () => {
    await h.apiOk(server.baseUrl, 'PUT', '/api/v1/vendor/answers/maintenance.passerelle_securisee', invitation.token, { value: 'non' }, [200, 409]);
    await hospital.goto(url(`/acquisitions/${invitation.acquisitionId}/comparison`));
    await hospital.waitForSelector('svg.score-chart');
    await h.assertNoAxeViolations(hospital, 'the comparison page');
    await hospital.goto(url(`/acquisitions/${invitation.acquisitionId}/comparison?differences=1&vigilance=1&part=maintenance`));
    await h.assertNoAxeViolations(hospital, 'the filtered comparison page');
  });
});
