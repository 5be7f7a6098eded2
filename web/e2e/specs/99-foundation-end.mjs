// Runs last: signing out, an observer's restricted view, and no console errors in the whole run.
import { assert, assertEqual } from '../lib.mjs';

export default async function foundationEnd(ctx) {
  const { suite, page, BASE, POLE, OBSERVER, signIn, waitForPage, consoleErrors } = ctx;
  await suite.scenario('sign out', page, async () => {
    await page.goto(`${BASE}/p/${POLE}`);
    await waitForPage(page);
    await page.click('button[data-action=logout]');
    await page.waitForURL(/\/login/);
    await page.goto(`${BASE}/p/${POLE}/actors`);
    await page.waitForURL(/\/login\?next=/);
  });

  await suite.scenario('an observer sees no editing and no import', page, async () => {
    await signIn(page, OBSERVER);
    const nav = await page.$$eval('#navigation .fr-nav__link', (els) => els.map((e) => e.getAttribute('data-module')));
    assertEqual(nav.slice(0, 3).join(','), 'dashboard,actors,territory', 'observer navigation');
    for (const entry of ['imports', 'admin']) assert(!nav.includes(entry), `an observer does not see ${entry}`);
    await page.goto(`${BASE}/p/${POLE}/actors`);
    await waitForPage(page);
    assert(!(await page.$('main a[href$="/actors/new"]')), 'no add button');
    await page.goto(`${BASE}/p/${POLE}/imports`);
    await waitForPage(page);
    assert(/refusé/.test(await page.textContent('main h1')), 'forbidden page');
    await suite.shot(page, '19-observer-forbidden');
  });
  await suite.checkA11y(page, 'access denied');

  await suite.scenario('no errors in the browser console', page, async () => {
    assert(consoleErrors.length === 0, consoleErrors.join('\n'));
  });

}
