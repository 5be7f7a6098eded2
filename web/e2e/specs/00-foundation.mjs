// The foundation's pages: sign-in, dashboard, directory (list, filters, map), actor creation
// and editing with a server-side error, languages, territory, imports, users, keyboard and
// small screens, and an axe run on each page. Runs first; leaves the admin signed in.
import { assert, assertEqual, validSiret } from '../lib.mjs';

async function switchLanguages({ page, suite, BASE, POLE, waitForPage }, actorId) {
  await page.goto(`${BASE}/p/${POLE}/actors/${actorId}`);
  await waitForPage(page);
  await page.click('#language-button');
  await page.click('button[data-locale=it]');
  await page.waitForFunction(() => document.documentElement.lang === 'it');
  await waitForPage(page);
  let nav = await page.textContent('#navigation a[data-module=actors]');
  assertEqual(nav.trim(), 'Elenco degli attori', 'Italian navigation');
  const main = await page.textContent('main');
  assert(/Creato il\s*\d{1,2} [a-z]+ \d{4}/.test(main), `Italian date: ${main.match(/Creato il.{0,30}/)?.[0]}`);
  assert(/Comune/.test(main), 'Italian field names');
  await suite.shot(page, '12-language-it');
  await page.goto(`${BASE}/p/${POLE}/actors`);
  await waitForPage(page);
  assert(/attori trovati/.test(await page.textContent('#results-count')), 'Italian plural, kept after navigation');
  await page.click('#language-button');
  await page.click('button[data-locale=en]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await waitForPage(page);
  nav = await page.textContent('#navigation a[data-module=actors]');
  assertEqual(nav.trim(), 'Actor directory', 'English navigation');
  await suite.shot(page, '13-language-en');
  await page.reload();
  await waitForPage(page);
  assertEqual(await page.getAttribute('html', 'lang'), 'en', 'language remembered');
  await page.click('#language-button');
  await page.click('button[data-locale=fr]');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await waitForPage(page);
}

export default async function foundation(ctx) {
  const { suite, page, BASE, POLE, ADMIN, OBSERVER, stamp, waitForPage } = ctx;
  let actorId = null;
  const actorName = `SCIC Tiers-lieu de l'Adour ${stamp}`;

  await suite.scenario('login page, wrong password, then sign in', page, async () => {
    await page.goto(`${BASE}/`);
    await page.waitForURL(/\/login/);
    await waitForPage(page);
    assertEqual(await page.getAttribute('html', 'lang'), 'fr', 'default language');
    await suite.shot(page, '01-login');
    await page.fill('input[name=email]', ADMIN.email);
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('form button[type=submit]');
    await page.waitForSelector('.fr-alert--error');
    const alert = await page.textContent('.fr-alert--error');
    assert(/incorrect/i.test(alert), `wrong-password message: ${alert}`);
    await suite.shot(page, '02-login-wrong-password');
  });
  await suite.checkA11y(page, 'login');

  await suite.scenario('sign in lands on the pole dashboard', page, async () => {
    await page.fill('input[name=email]', ADMIN.email);
    await page.fill('input[name=password]', ADMIN.password);
    await page.click('form button[type=submit]');
    await page.waitForURL(new RegExp(`/p/${POLE}/?$`));
    await waitForPage(page);
    const h1 = await page.textContent('main h1');
    assert(/Seignanx/.test(h1), `dashboard heading: ${h1}`);
    const figures = await page.$$eval('.mai-figure__value', (els) => els.map((e) => e.textContent));
    assertEqual(figures.length, 3, 'three figures');
    assert(Number(figures[0].replace(/\D/g, '')) >= 20, `actors count: ${figures[0]}`);
    const nav = await page.$$eval('#navigation .fr-nav__link', (els) => els.map((e) => e.getAttribute('data-module')));
    // Modules slot in between (network 20 … evaluation 80): the foundation's entries keep their order.
    const foundation = nav.filter((m) => ['dashboard', 'actors', 'territory'].includes(m));
    assertEqual(foundation.join(','), 'dashboard,actors,territory', 'the flow starts the navigation');
    assertEqual(nav.slice(0, 2).join(','), 'dashboard,actors', 'the flow starts the navigation');
    for (const entry of ['imports', 'admin']) assert(nav.includes(entry), `an admin sees ${entry}: ${nav.join(',')}`);
    assertEqual(nav[nav.length - 1], 'admin', 'administration comes last');
    const switcher = await page.$eval('#pole-switcher', (s) => s.value);
    assertEqual(switcher, POLE, 'pole switcher value');
    await suite.shot(page, '03-dashboard');
  });
  await suite.checkA11y(page, 'dashboard');

  await suite.scenario('search the directory by name', page, async () => {
    await page.click('#navigation a[data-module=actors]');
    await page.waitForURL(/\/actors$/);
    await waitForPage(page);
    await page.fill('input[name=q]', 'insertion');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/q=insertion/);
    await waitForPage(page);
    const names = await page.$$eval('main table a[data-actor]', (els) => els.map((e) => e.textContent));
    assert(names.length > 0, 'some results');
    assert(names.some((n) => /Seignanx Insertion/.test(n)), `results: ${names.join(' | ')}`);
    const status = await page.textContent('#results-count');
    assert(/acteurs? trouvés?/.test(status), `status: ${status}`);
    await suite.shot(page, '04-directory-search');
  });
  await suite.checkA11y(page, 'directory list');

  await suite.scenario('filter by family and commune + radius, then the map', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/actors`);
    await waitForPage(page);
    await page.selectOption('select[name=kind]', 'family:siae');
    await page.fill('input[data-autocomplete=commune]', 'Tarnos');
    await page.selectOption('select[name=radius_km]', '10');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/commune=40312/);
    await waitForPage(page);
    const url = new URL(page.url());
    assertEqual(url.searchParams.get('kind'), 'family:siae', 'kind in URL');
    assertEqual(url.searchParams.get('radius_km'), '10', 'radius in URL');
    const distances = await page.$$eval('main table tbody tr td.mai-num', (els) => els.map((e) => e.textContent));
    assert(distances.length > 0, 'distance column');
    await suite.shot(page, '05-directory-filters');
    await page.click('a:has-text("Carte")');
    await page.waitForURL(/view=map/);
    await waitForPage(page);
    const points = await page.$$eval('.mai-map__points a', (els) => els.length);
    assert(points > 0, 'points on the map');
    assert(await page.$('.mai-map__radius'), 'radius circle');
    await suite.shot(page, '06-directory-map');
  });
  await suite.checkA11y(page, 'directory map');

  await suite.scenario('map of the whole pole', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/actors?view=map`);
    await waitForPage(page);
    const labels = await page.$$eval('.mai-map__points a', (els) => els.map((e) => e.getAttribute('aria-label')));
    assert(labels.some((l) => /Tarnos/.test(l)), `points: ${labels.join(' | ')}`);
    await suite.shot(page, '07-pole-map');
  });

  await suite.scenario('create an actor', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/actors`);
    await waitForPage(page);
    await page.click('main a[href$="/actors/new"]');
    await page.waitForURL(/\/actors\/new$/);
    await waitForPage(page);
    await page.fill('input[name=name]', actorName);
    await page.selectOption('select[name=kind]', 'scic');
    await page.selectOption('select[name=legal_form]', { index: 1 });
    await page.fill('input[data-autocomplete=commune]', 'Ondres');
    await page.fill('input[name=headcount]', '7');
    await page.fill('input[name=fte]', '5.5');
    await page.fill('textarea[name=description]', 'Tiers-lieu coopératif : atelier partagé, café associatif.');
    await suite.shot(page, '08-actor-new');
    await page.click('form[data-actor-form] button[type=submit]');
    await page.waitForURL(/\/actors\/[\w-]+\?saved=created/);
    await waitForPage(page);
    actorId = new URL(page.url()).pathname.split('/').pop();
    assertEqual((await page.textContent('main h1')).trim(), actorName, 'detail heading');
    const details = await page.textContent('main');
    assert(/Ondres/.test(details), 'commune shown');
    assert(/a été créé/.test(details), 'success notice');
    await suite.shot(page, '09-actor-created');
  });
  await suite.checkA11y(page, 'actor detail');

  await suite.scenario('edit an actor: an invalid SIRET is shown at the SIRET field', page, async () => {
    assert(actorId, 'an actor was created');
    await page.goto(`${BASE}/p/${POLE}/actors/${actorId}/edit`);
    await waitForPage(page);
    await page.fill('input[name=siret]', '12345678901234');
    await page.click('form[data-actor-form] button[type=submit]');
    const error = await page.waitForSelector('[data-field=siret] .fr-error-text');
    const text = await error.textContent();
    assert(/SIRET/.test(text), `message at the field: ${text}`);
    assertEqual(await page.getAttribute('input[name=siret]', 'aria-invalid'), 'true', 'aria-invalid');
    const describedBy = await page.getAttribute('input[name=siret]', 'aria-describedby');
    assertEqual(describedBy, await error.getAttribute('id'), 'error tied to the input');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('name'));
    assertEqual(focused, 'siret', 'focus on the field');
    assert(/\/edit$/.test(page.url()), 'still on the form');
    await suite.shot(page, '10-actor-edit-invalid-siret');
  });
  await suite.checkA11y(page, 'actor form with an error');

  await suite.scenario('edit an actor: a valid SIRET is saved', page, async () => {
    const siret = validSiret(Date.now() % 1e8);
    await page.fill('input[name=siret]', siret);
    await page.click('form[data-actor-form] button[type=submit]');
    await page.waitForURL(/\?saved=updated/);
    await waitForPage(page);
    assert((await page.textContent('main')).includes(siret), 'SIRET shown');
    await suite.shot(page, '11-actor-saved');
  });

  await suite.scenario('switch language: Italian, English, back to French', page, async () => {
    try {
      await switchLanguages(ctx, actorId);
    } finally {
      // Whatever happened, the next scenarios run in French.
      await page.evaluate(() => localStorage.setItem('maillage.locale', 'fr'));
    }
  });

  await suite.scenario('territory: commune and intercommunality', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/territory?q=Tarnos`);
    await waitForPage(page);
    await page.click('main table a:has-text("Tarnos")');
    await page.waitForURL(/territory\/communes\/40312/);
    await waitForPage(page);
    const main = await page.textContent('main');
    assert(/habitants/.test(main), 'population');
    assert(/acteurs? dans la commune/.test(main), 'actors in the commune');
    await suite.shot(page, '14-territory-commune');
    await page.click('main dl a[href*="/territory/epci/"]');
    await page.waitForURL(/territory\/epci\//);
    await waitForPage(page);
    assert(/communes membres/.test(await page.textContent('main')), 'members');
    await suite.shot(page, '15-territory-epci');
  });
  await suite.checkA11y(page, 'territory (EPCI)');

  await suite.scenario('import: a bad file gives the problems line by line', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/imports`);
    await waitForPage(page);
    await page.setInputFiles('#import-file', {
      name: 'acteurs-erreurs.csv', mimeType: 'text/csv',
      buffer: Buffer.from('name,kind,siret,commune\nBon acteur,ei,,40312\nMauvais,zzz,123,99999\n,ei,,\n'),
    });
    await page.click('main form button[type=submit]');
    await page.waitForSelector('[data-import-result]');
    assertEqual(await page.getAttribute('[data-import-result]', 'data-import-result'), 'rejected', 'rejected');
    const rows = await page.$$eval('[data-import-result] tbody tr', (els) => els.map((e) => e.textContent));
    assert(rows.length >= 3, `problem rows: ${rows.length}`);
    assert(rows.some((r) => /kind/.test(r)) && rows.some((r) => /siret/.test(r)), 'fields named');
    await suite.shot(page, '16-import-problems');
  });
  await suite.checkA11y(page, 'import with problems');

  await suite.scenario('import: a good file shows progress then the result', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/imports`);
    await waitForPage(page);
    await page.setInputFiles('#import-file', {
      name: 'acteurs.csv', mimeType: 'text/csv',
      buffer: Buffer.from(`name,kind,commune\nAtelier import ${stamp},aci,40209\nGarage solidaire ${stamp},ei,64140\n`),
    });
    await page.click('main form button[type=submit]');
    await page.waitForURL(/\?job=/);
    await page.waitForSelector('#import-progress');
    await page.waitForSelector('[data-import-result]');
    assertEqual(await page.getAttribute('[data-import-result]', 'data-import-result'), 'succeeded', 'succeeded');
    assert(/Acteurs créés\s*2/.test(await page.textContent('[data-import-result]')), 'two created');
    await suite.shot(page, '17-import-done');
  });

  await suite.scenario('users and roles', page, async () => {
    await page.click('#navigation a[data-module=admin]');
    await page.waitForURL(/admin\/users/);
    await waitForPage(page);
    const emails = await page.$$eval('main table tbody tr td:nth-child(2)', (els) => els.map((e) => e.textContent));
    assert(emails.includes(OBSERVER.email), `users: ${emails.join(', ')}`);
    await suite.shot(page, '18-admin-users');
  });
  await suite.checkA11y(page, 'users and roles');

  await suite.scenario('keyboard: skip link, then the navigation', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/actors`);
    await waitForPage(page);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
    assertEqual(first, 'Contenu', 'first Tab stop is the skip link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main' || location.hash === '#main');
    // Tab through the header: the pole switcher, the language button and the navigation are reachable.
    await page.goto(`${BASE}/p/${POLE}/actors`);
    await waitForPage(page);
    const reached = new Set();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-module') || ''));
    }
    for (const id of ['pole-switcher', 'language-button', 'actors']) assert(reached.has(id), `Tab reaches ${id}: ${[...reached].join(', ')}`);
    await page.focus('#navigation a[data-module=territory]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/territory$/);
    await waitForPage(page);
    assertEqual(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new page heading');
  });

  await suite.scenario('small screen: the menu opens as a dialog', page, async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${BASE}/p/${POLE}`);
    await waitForPage(page);
    await page.click('#button-menu');
    await page.waitForSelector('#modal-menu.fr-modal--opened');
    await page.waitForSelector('#modal-menu a[data-module=actors]', { state: 'visible' });
    await suite.shot(page, '20-mobile-menu');
    await page.click('#modal-menu a[data-module=actors]');
    await page.waitForURL(/\/actors$/);
    await waitForPage(page);
    await suite.shot(page, '21-mobile-directory');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await suite.scenario('unknown page', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/nowhere`);
    await waitForPage(page);
    assert(/introuvable/.test(await page.textContent('main h1')), 'not found');
  });
  await suite.checkA11y(page, 'not found');

  // Every other page gets its axe run too.
  for (const [label, path] of [
    ['new actor form', `/p/${POLE}/actors/new`],
    ['territory search', `/p/${POLE}/territory?q=Saint`],
    ['commune', `/p/${POLE}/territory/communes/40312`],
    ['import page', `/p/${POLE}/imports`],
    ['directory, whole directory around Bayonne', `/p/${POLE}/actors?scope=all&commune=64102&radius_km=20`],
  ]) {
    let ready = false;
    await suite.scenario(`open: ${label}`, page, async () => {
      await page.goto(`${BASE}${path}`);
      await waitForPage(page);
      ready = true;
    });
    if (ready) await suite.checkA11y(page, label);
  }

}
