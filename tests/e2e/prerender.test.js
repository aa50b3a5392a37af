'use strict';
// The next section is ready before the vendor clicks, and is never stale when shown. app.js
// prepares it (fetches and parses its page once the current one is idle) and, on the click, shows
// it in place — the same document, the address pushed; a browser that cannot do that shows the page
// it prerendered (Speculation Rules). Either way an answer saved just before on the current page
// shows in the next page's progress and marks (updated in place after the page asks for its
// state), and a page whose own answers changed meanwhile (another tab) loads itself anew.
//
// Driven over a small tab-target CDP client (lib/cdp_tab_client.mjs), not Playwright: Chromium
// refuses to prerender while a DevTools session is attached to the page the way Playwright attaches
// ("PrerenderingDisabledByDevTools"; docs/decisions/0005-prerender-tests-over-a-tab-target-cdp-client.md).

const assert = require('node:assert/strict');
const { describe, before, after, test } = require('node:test');
const h = require('./lib/harness');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

describe('a next section prepared before the click reflects the answers saved just before', () => {
  let server, cdp, browser, tab, invitation, sections;
  const prerenderEvents = [];

  before(async () => {
    cdp = await import('./lib/cdp_tab_client.mjs');
    server = await h.startServer();
    invitation = await h.createInvitationByApi(server, { title: 'Moniteurs 2032', company: 'Veille Prérendu', language: 'fr' });
    browser = await cdp.Browser.launch({ executablePath: CHROMIUM });
    browser.on((m) => {
      if (m.method === 'Preload.prerenderStatusUpdated') prerenderEvents.push(m.params);
    });
    tab = await browser.firstTab(async (sessionId) => {
      const send = (method) => browser.send(method, {}, sessionId).catch(() => {});
      await Promise.all([send('Page.enable'), send('Runtime.enable'), send('Preload.enable')]);
    });
    // The visible sections in order, with their free-text questions (the vendor's own view).
    const response = await h.apiOk(server.baseUrl, 'GET', '/api/v1/vendor/response', invitation.token);
    sections = response.sections
      .filter((s) => s.visible)
      .map((s) => ({ id: s.id, texts: s.questions.filter((q) => q.visible && q.kind === 'text').map((q) => q.id) }));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const base = () => server.baseUrl;
  const path = (section) => `/vendor/sections/${section.id}`;

  // In the page of `sessionId` (the one shown by default); a page being replaced may never answer,
  // so each try gives up after 3 s (the callers retry).
  async function evaluate(expression, sessionId = tab.primary().sessionId) {
    const r = await Promise.race([
      browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId),
      h.sleep(3000).then(() => { throw new Error('no answer from the page in 3 s'); }),
    ]);
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description || r.exceptionDetails.text);
    return r.result.value;
  }

  // The page the vendor sees, once it is at `pathname` and has settled (loaded; and, for a page
  // that was prerendered, its state checked with the server).
  async function shownPage(pathname) {
    return h.eventually(
      async () => {
        const page = tab.primary();
        const state = await evaluate(
          `({ path: location.pathname, ready: document.readyState, marker: window.__testMarker || null,
              checked: document.documentElement.getAttribute('data-state-checked'),
              shown: document.documentElement.getAttribute('data-shown-at'),
              navigation: (() => { const n = performance.getEntriesByType('navigation')[0];
                                   return { type: n.type, activationStart: n.activationStart }; })() })`,
          page.sessionId
        );
        assert.equal(state.path, pathname);
        assert.equal(state.ready, 'complete');
        assert.ok(state.shown, 'the page marked its first frame');
        if (state.navigation.activationStart > 0 || state.marker)
          assert.equal(state.checked, '1', 'a prerendered page, or one shown in place, checks its state');
        return { ...state, sessionId: page.sessionId };
      },
      { timeout: 15000, interval: 50 }
    );
  }

  async function goto(pathname) {
    const { errorText } = await tab.send('Page.navigate', { url: base() + pathname });
    assert.ok(!errorText, errorText);
  }

  // The prerendered page of `pathname`, once the browser says it is ready.
  async function prerendered(pathname) {
    await h.eventually(
      () => assert.ok(prerenderEvents.some((e) => e.status === 'Ready' && new URL(e.key.url).pathname === pathname),
                      `prerender of ${pathname}: ${JSON.stringify(prerenderEvents.filter((e) => e.key?.url?.endsWith(pathname)).map((e) => e.status + ' ' + (e.prerenderStatus || '')))}`),
      { timeout: 15000, interval: 50 }
    );
    // Other sections may be prerendered too (on hover): find the page of this address.
    return h.eventually(async () => {
      for (const page of [...tab.pages.values()].filter((p) => p.subtype === 'prerender')) {
        const at = await evaluate('location.pathname', page.sessionId).catch(() => '');
        if (at === pathname) return page;
      }
      throw new Error(`no prerendered page of ${pathname} is attached`);
    });
  }

  // The page of `pathname` prepared by app.js on the page shown (its link marked data-prepared);
  // the document marked, so that the test can tell it is still the same one after the click.
  async function preparedInPlace(pathname, sessionId) {
    await h.eventually(async () => assert.ok(
      await evaluate(`!!document.querySelector('a[data-prepared][href="${pathname}"]')`, sessionId), `${pathname} prepared`),
      { timeout: 15000, interval: 50 });
    const marker = 'document-' + Math.random();
    await evaluate(`window.__testMarker = '${marker}'`, sessionId);
    return marker;
  }

  async function clickNext(sessionId) {
    await evaluate(`document.querySelector('a.tool-next').click()`, sessionId);
  }

  const progressOf = (partId, sessionId) =>
    evaluate(`Number(document.querySelector('progress[data-progress="${partId}"]').value)`, sessionId);

  // The vendor types two answers on `current` (autosaved), and the test waits for the server to have them.
  async function typeTwoAnswers(current, sessionId) {
    for (const id of current.texts.slice(0, 2)) {
      await evaluate(`(() => { const el = document.querySelector('[name="a:${id}"]');
                               el.value = 'Réponse saisie juste avant de passer à la suite';
                               el.dispatchEvent(new Event('change', { bubbles: true })); })()`, sessionId);
    }
    return h.eventually(async () => {
      const response = await h.apiOk(base(), 'GET', '/api/v1/vendor/response', invitation.token);
      const values = response.sections.flatMap((s) => s.questions).filter((q) => current.texts.slice(0, 2).includes(q.id));
      assert.ok(values.every((q) => q.value === 'Réponse saisie juste avant de passer à la suite'));
      return response;
    });
  }

  test('the next section, prepared before, is shown in place with the progress of an answer typed just before', async () => {
    const index = sections.findIndex((s) => s.texts.length >= 2);
    assert.ok(index >= 0 && index + 1 < sections.length);
    const current = sections[index], next = sections[index + 1];
    const partId = next.id.split('.')[0];
    await h.sleep(50);
    await goto('/invitation/' + invitation.token);
    await shownPage('/vendor');
    await goto(path(current));
    const first = await shownPage(path(current));
    const marker = await preparedInPlace(path(next), first.sessionId);
    const before = await progressOf(partId, first.sessionId);

    const saved = await typeTwoAnswers(current, first.sessionId);
    assert.notEqual(saved.progress[partId], before, 'the answers move the progress of the part');

    await clickNext(first.sessionId);
    const shown = await shownPage(path(next));
    assert.equal(shown.marker, marker, 'the next section is shown in the same document (no new load)');
    assert.equal(shown.sessionId, first.sessionId);
    assert.equal(await evaluate(`document.querySelector('nav[data-current-section]').getAttribute('data-current-section')`,
                                shown.sessionId), next.id);
    assert.equal(await progressOf(partId, shown.sessionId), saved.progress[partId], 'its progress is the current one');
    assert.ok((await evaluate('document.title', shown.sessionId)).length > 0);

    // Back: the previous section's own page, loaded.
    await evaluate('history.back()', shown.sessionId);
    await h.eventually(async () => assert.equal((await shownPage(path(current))).marker, null, 'a new document'),
                       { timeout: 15000 });
  });

  test('an answer typed and not yet saved when "Section suivante" is clicked is saved before the section switches in place', async () => {
    const index = sections.findIndex((s, i) => i > 1 && s.texts.length >= 1 && i + 1 < sections.length);
    assert.ok(index > 0);
    const current = sections[index], next = sections[index + 1];
    await goto(path(current));
    const first = await shownPage(path(current));
    const marker = await preparedInPlace(path(next), first.sessionId);
    const id = current.texts[0];
    // Typed, not yet saved (a headless page gets no focus events: the field's own save never
    // starts): the click saves what changed, waits for it, then switches.
    await evaluate(`(() => { const el = document.querySelector('[name="a:${id}"]');
                             el.focus(); el.value = 'Tapé puis suivant tout de suite';
                             const link = document.querySelector('a.tool-next'); link.focus(); link.click(); })()`,
                   first.sessionId);
    const shown = await shownPage(path(next));
    assert.equal(shown.marker, marker, 'switched in place');
    const response = await h.apiOk(base(), 'GET', '/api/v1/vendor/response', invitation.token);
    const q = response.sections.flatMap((s) => s.questions).find((x) => x.id === id);
    assert.equal(q.value, 'Tapé puis suivant tout de suite', 'saved before the switch');
  });

  test('in a browser that cannot show it in place, the prerendered page is shown, with the current progress', async () => {
    const index = sections.findIndex((s, i) => i > 2 && s.texts.length >= 2 && i + 1 < sections.length);
    assert.ok(index > 0);
    const current = sections[index], next = sections[index + 1];
    const partId = next.id.split('.')[0];
    prerenderEvents.length = 0;
    await goto(path(current));
    const first = await shownPage(path(current));
    const speculative = await prerendered(path(next));
    const before = await progressOf(partId, speculative.sessionId);
    const saved = await typeTwoAnswers(current, first.sessionId);
    assert.notEqual(saved.progress[partId], before, 'the answers move the progress of the part');
    assert.equal(await progressOf(partId, speculative.sessionId), before, 'the prerendered page was built before');

    // As a browser without history.pushState: app.js follows the link.
    await evaluate('History.prototype.pushState = undefined', first.sessionId);
    await clickNext(first.sessionId);
    const shown = await shownPage(path(next));
    assert.ok(shown.navigation.activationStart > 0, 'the page shown is the prerendered one (no new load)');
    assert.equal(shown.navigation.type, 'navigate');
    assert.equal(await progressOf(partId, shown.sessionId), saved.progress[partId], 'its progress is the current one');
  });

  test('"Enregistrer et continuer", with every answer saved, shows the prepared page in place too', async () => {
    // Near the end, away from the sections the other tests answer.
    const at = sections.findLastIndex((s, i) => s.texts.length > 0 && i + 1 < sections.length);
    assert.ok(at > 0);
    const current = sections[at], next = sections[at + 1];
    await goto(path(current));
    const first = await shownPage(path(current));
    const marker = await preparedInPlace(path(next), first.sessionId);
    const id = current.texts[0];
    await evaluate(`(() => { const el = document.querySelector('[name="a:${id}"]');
                             el.value = 'Saisi puis enregistré automatiquement';
                             el.dispatchEvent(new Event('change', { bubbles: true })); })()`, first.sessionId);
    await h.eventually(async () => {
      const response = await h.apiOk(base(), 'GET', '/api/v1/vendor/response', invitation.token);
      const q = response.sections.flatMap((s) => s.questions).find((x) => x.id === id);
      assert.equal(q.value, 'Saisi puis enregistré automatiquement');
    });
    await evaluate(`document.querySelector('button[name="go"][value="next"]').click()`, first.sessionId);
    const shown = await shownPage(path(next));
    assert.equal(shown.marker, marker, 'the button followed the link in place: no form posted, no new load');
  });

  test('a prepared page whose own answers changed meanwhile loads itself anew', async () => {
    const at = sections.findIndex((s, i) => i >= 2 && s.texts.length > 0 && sections[i - 1].texts.length > 0);
    assert.ok(at > 0);
    const current = sections[at - 1], next = sections[at];
    await goto(path(current));
    const first = await shownPage(path(current));
    await preparedInPlace(path(next), first.sessionId);
    const question = next.texts[0];
    const fieldValue = (sessionId) => evaluate(`document.querySelector('[name="a:${question}"]').value`, sessionId);

    // Another tab (here the API with the same invitation) answers a question of the next page.
    await h.apiOk(base(), 'PUT', `/api/v1/vendor/answers/${encodeURIComponent(question)}`, invitation.token,
                  { value: 'Saisi dans un autre onglet' });
    await clickNext(first.sessionId);
    // The page shown in place asks for its state, finds its own answers changed, and loads itself
    // anew (replacing its history entry, not reload(): a reload would put the stale values back).
    const shown = await h.eventually(async () => {
      const page = await shownPage(path(next));
      assert.equal(page.marker, null, 'the stale page loaded itself anew');
      return page;
    }, { timeout: 15000 });
    assert.equal(await fieldValue(shown.sessionId), 'Saisi dans un autre onglet');
  });
});
