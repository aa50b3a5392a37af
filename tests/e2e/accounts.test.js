'use strict';
// Account administration in the browser: an administrator creates an account (its generated
// password shown once), the new user logs in with it and creates an API token in "Mon compte"
// (shown once, then working against the API); the administrator gives the hospital's name, contact
// and logo, which a vendor then sees in its pages' header and footer.

const assert = require('node:assert/strict');
const { describe, before, after } = require('node:test');
const h = require('./lib/harness');

const ADMIN_EMAIL = 'admin@chu.test';
const ADMIN_PASSWORD = 'Gestion-des-comptes-e2e-7';
const NEW_EMAIL = 'rssi@chu.test';

async function loginAs(page, baseUrl, email, password) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${baseUrl}/acquisitions`), page.click('button:has-text("Se connecter")')]);
}

describe('accounts: an administrator creates one, its user makes an API token', () => {
  let server, browser, admin, user, password, token;

  before(async () => {
    server = await h.startServer();
    h.run(['user', 'add', ADMIN_EMAIL, '--role', 'admin', '--password-stdin', '--data', server.dataDir], `${ADMIN_PASSWORD}\n`);
    browser = await h.launchBrowser();
    admin = await (await h.newContext(browser, { bypassCSP: true })).newPage();
    user = await (await h.newContext(browser, { bypassCSP: true })).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const step = h.scenario('accounts', () => ({ admin, user }));
  const base = () => server.baseUrl;

  step('the administrator creates an account from the header link', async () => {
    await loginAs(admin, base(), ADMIN_EMAIL, ADMIN_PASSWORD);
    await h.clickAndWaitForPage(admin, 'nav a:has-text("Comptes")', `${base()}/admin/users`);
    await admin.fill('#new-email', NEW_EMAIL);
    await admin.fill('#new-display_name', 'Responsable sécurité');
    await admin.selectOption('#new-role', 'it');
    await h.clickAndWaitForPage(admin, 'button:has-text("Créer le compte")', `${base()}/admin/users`);
    password = await admin.inputValue('#new-password');
    assert.match(password, /^[A-Za-z2-9]{20}$/);
    assert.ok(await admin.isVisible(`tr[data-user="${NEW_EMAIL}"]`), 'the new account is listed');
    await h.assertNoAxeViolations(admin, 'admin users');
  });

  step('an engineer does not see the administration', async () => {
    const engineer = await (await h.newContext(browser)).newPage();
    await h.login(engineer, base());
    assert.equal(await engineer.isVisible('nav a:has-text("Comptes")'), false);
    const refused = await engineer.goto(`${base()}/admin/users`);
    assert.equal(refused.status(), 403);
    await engineer.close();
  });

  step('the new user creates an API token in "Mon compte", shown once', async () => {
    await loginAs(user, base(), NEW_EMAIL, password);
    await h.clickAndWaitForPage(user, 'nav a:has-text("Mon compte")', `${base()}/account`);
    assert.match(await h.text(user, '.sessions'), /Cette session/);
    await user.fill('#account-name', 'Tableau de bord');
    await user.fill('#account-days', '30');
    await h.clickAndWaitForPage(user, 'button:has-text("Créer le jeton")', `${base()}/account/tokens`);
    token = await user.inputValue('#new-token');
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.match(await h.text(user, '.tokens'), /Tableau de bord/);
    await h.assertNoAxeViolations(user, 'my account');
    const listed = await h.apiOk(base(), 'GET', '/api/v1/tokens', token);
    assert.equal(listed.length, 1);
    assert.equal(listed[0].name, 'Tableau de bord');
    await user.goto(`${base()}/account`);
    assert.equal((await user.content()).includes(token), false, 'the token is not shown again');
  });

  step("the administrator sets the hospital's identity; a vendor sees its name, logo and contact", async () => {
    // A real PNG (3 × 2 pixels) that Chromium must decode.
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000003000000020802000000121' +
        '6f14d0000001049444154789c633820a000410c7016003c1405a1770b2d0c0000000049454e44ae426082',
      'hex');
    await h.clickAndWaitForPage(admin, 'nav a:has-text("Établissement")', `${base()}/admin/instance`);
    await admin.fill('#identity-name', 'CHU de Compiègne');
    await admin.fill('#identity-contact_email', 'biomed@chu-compiegne.test');
    await admin.setInputFiles('#identity-logo', { name: 'logo.png', mimeType: 'image/png', buffer: png });
    await h.clickAndWaitForPage(admin, 'button:has-text("Enregistrer")', `${base()}/admin/instance`);
    assert.match(await h.text(admin, '.flash'), /Identité de l'établissement enregistrée/);
    assert.equal(await admin.locator('#identity-preview img.brand-logo').evaluate((img) => img.naturalWidth), 3);
    await h.assertNoAxeViolations(admin, 'hospital identity');

    const invitation = await h.createInvitationByApi(server, { title: 'Moniteurs', language: 'fr' });
    const vendor = await (await h.newContext(browser)).newPage();
    await vendor.goto(invitation.url);
    assert.equal(await h.text(vendor, '.site-header .hospital-name'), 'CHU de Compiègne');
    const logo = vendor.locator('.site-header img.brand-logo');
    assert.deepEqual(await logo.evaluate((img) => [img.complete, img.naturalWidth, img.naturalHeight]), [true, 3, 2]);
    assert.match(await h.text(vendor, '#invitation-lead'), /^CHU de Compiègne vous invite/);
    assert.equal(await vendor.getAttribute('.hospital-contact a', 'href'), 'mailto:biomed@chu-compiegne.test');
    await vendor.close();
  });
});
