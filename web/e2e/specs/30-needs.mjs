// The needs observatory, as the pole's counsellor: intake list and form (with a server-side
// error at the field), codes with their matched words and a correction, an import rejected
// line by line then accepted, the catalogue, proposal groups merged and split, the diagnostic
// map at two levels, a call for projects drafted and exported; then an observer's view of the
// aggregates only. Leaves the admin signed in.
import { assert, assertEqual } from '../lib.mjs';

const HEADER = 'record_id;date;centre;commune_code;person_key;age_band;situation;need_text;proposal_text;coop_interest;sectors';

export default async function needs(ctx) {
  const { suite, page, BASE, POLE, COUNSELLOR, OBSERVER, ADMIN, stamp, waitForPage } = ctx;
  const go = async (path) => {
    await page.goto(`${BASE}/p/${POLE}/${path}`);
    await waitForPage(page);
  };
  // ctx.signIn starts from the sign-in page: sign the current user out first.
  const switchTo = async (who) => {
    await go('');
    await page.click('button[data-action=logout]');
    await page.waitForURL(/\/login/);
    await ctx.signIn(page, who);
  };

  await suite.scenario('needs: the counsellor sees the observatory', page, async () => {
    await switchTo(COUNSELLOR);
    const nav = await page.$$eval('#navigation .fr-nav__link', (els) => els.map((e) => e.getAttribute('data-module')));
    assert(nav.includes('needs'), `needs in the navigation: ${nav.join(',')}`);
    await go('needs');
    const figures = await page.$$eval('.mai-figure__value', (els) => els.map((e) => Number(e.textContent.replace(/\D/g, ''))));
    assert(figures[0] >= 600, `records: ${figures[0]}`);
    assert(figures[1] > 0, `groups: ${figures[1]}`);
    assert(figures[2] >= 1, `calls: ${figures[2]}`);
    await suite.shot(page, '30-needs-overview');
  });
  await suite.checkA11y(page, 'needs overview');

  let recordPath = null;
  await suite.scenario('needs: search the intake list and open a record', page, async () => {
    await go('needs/records?q=epicerie');
    const count = await page.textContent('#records-count');
    assert(/\d+ entretiens?/.test(count), `count: ${count}`);
    const first = await page.$('a[data-record]');
    assert(first, 'a record in the list');
    await first.click();
    await waitForPage(page);
    recordPath = new URL(page.url()).pathname;
    const text = await page.textContent('main');
    assert(/règle : «/.test(text), 'codes show the words the rules matched');
    await suite.shot(page, '31-needs-record');
  });
  await suite.checkA11y(page, 'needs record');

  await suite.scenario('needs: a counsellor corrects a code, then undoes it', page, async () => {
    await page.goto(`${BASE}${recordPath}`);
    await waitForPage(page);
    const code = await page.$eval('#record-codes li[data-effective=true]', (li) => li.getAttribute('data-code'));
    await page.click(`#record-codes li[data-code="${code}"] button`);
    await page.waitForSelector(`#record-codes li[data-code="${code}"][data-effective=false]`);
    assert(/retiré par un conseiller/.test(await page.textContent(`#record-codes li[data-code="${code}"]`)), 'the correction is shown');
    await page.click(`#record-codes li[data-code="${code}"] button`);
    await page.waitForSelector(`#record-codes li[data-code="${code}"][data-effective=true]`);
  });

  await suite.scenario('needs: the form refuses an e-mail as person key, then records the interview', page, async () => {
    await go('needs/records/new');
    await page.fill('input[name=record_id]', `E2E-${stamp}`);
    await page.fill('input[name=person_key]', 'jean.dupont@example.org');
    await page.fill('textarea[name=need_text]', "Plus d'épicerie à Ondres depuis deux ans");
    await page.fill('textarea[name=proposal_text]', 'Créer une épicerie coopérative avec un dépôt de pain');
    await page.click('form button[type=submit]');
    await page.waitForSelector('[data-field=person_key] .fr-error-text, [data-field=person_key].fr-input-group--error');
    assertEqual(await page.getAttribute('input[name=person_key]', 'aria-invalid'), 'true', 'the field is marked invalid');
    await suite.shot(page, '32-needs-form-error');
    await page.fill('input[name=person_key]', `P-${stamp}`);
    await page.click('form button[type=submit]');
    await page.waitForURL(/\/needs\/records\/\d+$/);
    await waitForPage(page);
    assert(/E2E-/.test(await page.textContent('main h1')), 'the new record');
    assert(await page.$('#record-codes li[data-code=food_shop][data-effective=true]'), 'coded as a food shop need');
  });
  await suite.checkA11y(page, 'needs form');

  await suite.scenario('needs: an import with bad lines is refused line by line, a good one goes in', page, async () => {
    await go('needs/import');
    const bad = `${HEADER}\nI1-${stamp};2024-05-02;CPI;40312;K1;50_64;rsa;Plus de bus;Une navette;oui;H\nI2-${stamp};2024-05-02;CPI;99999;K2;;;;;;\n`;
    await page.setInputFiles('#needs-import-file', { name: 'entretiens.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.click('main form button[type=submit]');
    await page.waitForSelector('[data-import-result=rejected]');
    const problems = await page.$$eval('[data-import-result=rejected] tbody tr', (rows) => rows.map((r) => r.textContent));
    assert(problems.some((p) => /commune_code/.test(p)) && problems.some((p) => /need_text/.test(p)), `problems: ${problems.join(' | ')}`);
    await suite.shot(page, '33-needs-import-rejected');
    const good = `${HEADER}\nI1-${stamp};2024-05-02;CPI;40312;K1;50_64;rsa;Plus de bus le soir;Une navette vers la gare;oui;H\n`;
    await page.setInputFiles('#needs-import-file', { name: 'entretiens.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.click('main form button[type=submit]');
    await page.waitForSelector('[data-import-result=succeeded]');
  });
  await suite.checkA11y(page, 'needs import');

  await suite.scenario('needs: the catalogue counts the records per need', page, async () => {
    await go('needs/catalogue');
    const rows = await page.$$eval('main table tbody tr', (r) => r.length);
    assert(rows >= 10, `catalogue rows: ${rows}`);
    await suite.shot(page, '34-needs-catalogue');
  });
  await suite.checkA11y(page, 'needs catalogue');

  let splitFrom = null;
  await suite.scenario('needs: merge two proposal groups, then split one record off', page, async () => {
    await go('needs/groups');
    const boxes = await page.$$('input[data-group]');
    assert(boxes.length >= 3, `groups: ${boxes.length}`);
    await boxes[1].check({ force: true });
    await boxes[2].check({ force: true });
    await page.click('button[data-action=merge]');
    await page.waitForURL(/\/needs\/groups\/\d+$/);
    await waitForPage(page);
    splitFrom = new URL(page.url()).pathname;
    assert(/modifié par un conseiller/.test(await page.textContent('main')), 'the merged group is marked');
    await suite.shot(page, '35-needs-group-merged');
    const members = await page.$$('input[data-member]');
    assert(members.length >= 3, `members: ${members.length}`);
    await members[members.length - 1].check({ force: true });
    await page.click('button[data-action=split]');
    await page.waitForURL((url) => url.pathname !== splitFrom && /\/needs\/groups\/\d+$/.test(url.pathname));
    await waitForPage(page);
  });
  await suite.checkA11y(page, 'needs group');

  await suite.scenario('needs: rationalising again keeps the decisions', page, async () => {
    await go('needs/groups');
    await page.click('button[data-run=rationalise]');
    await page.waitForSelector('[data-job-status=succeeded]', { timeout: 60000 });
    await page.goto(`${BASE}${splitFrom}`);
    await waitForPage(page);
    assert(/modifié par un conseiller/.test(await page.textContent('main')), 'the merge survived the run');
    await suite.shot(page, '36-needs-groups');
  });
  await suite.checkA11y(page, 'needs groups');

  await suite.scenario('needs: the diagnostic map by commune and by department', page, async () => {
    await go('needs/diagnostic?level=commune&category=mobility');
    const points = await page.$$eval('.mai-needs-map circle', (c) => c.length);
    assert(points >= 5, `points: ${points}`);
    assert(await page.$('.mai-legend'), 'a legend');
    await suite.shot(page, '37-needs-diagnostic-communes');
    await page.selectOption('select[name=level]', 'department');
    await page.click('main form.mai-filters button[type=submit]');
    await page.waitForURL(/level=department/);
    await waitForPage(page);
    const coloured = await page.$$eval('.mai-needs-map path[class*="--q"]', (p) => p.length);
    assert(coloured >= 1, `coloured departments: ${coloured}`);
    await suite.shot(page, '38-needs-diagnostic-departments');
  });
  await suite.checkA11y(page, 'needs diagnostic');

  await suite.scenario('needs: draft a call from groups and export it as PDF', page, async () => {
    await go('needs/calls/new');
    const boxes = await page.$$('main form input[type=checkbox]');
    assert(boxes.length >= 2, `groups to choose: ${boxes.length}`);
    await boxes[0].check({ force: true });
    await boxes[1].check({ force: true });
    await page.fill('input[name=budget]', '80000');
    await page.click('main form button[type=submit]');
    await page.waitForURL(/\/needs\/calls\/\d+$/);
    await waitForPage(page);
    const groups = await page.$$eval('a[data-call-group]', (a) => a.length);
    assertEqual(groups, 2, 'the call keeps its two groups');
    const pdf = await page.evaluate(async () => {
      const link = document.querySelector('a[href*="format=pdf"]');
      const res = await fetch(link.href);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { type: res.headers.get('content-type'), magic: String.fromCharCode(...bytes.slice(0, 5)) };
    });
    assertEqual(pdf.magic, '%PDF-', `a PDF (${pdf.type})`);
    await page.waitForFunction(() => document.querySelector('iframe.mai-doc-preview')?.contentDocument?.body?.textContent.length > 100);
    await suite.shot(page, '39-needs-call');
  });
  await suite.checkA11y(page, 'needs call');

  await suite.scenario('needs: the keyboard reaches the observatory sections', page, async () => {
    await go('needs');
    await page.focus('.mai-needs-nav a[href$="/needs/groups"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/needs\/groups$/);
    await waitForPage(page);
  });

  await suite.scenario('needs: an observer sees aggregates, never the records', page, async () => {
    await switchTo(OBSERVER);
    await go('needs/groups');
    assert(!(await page.$('input[data-group]')), 'no merge for an observer');
    const link = await page.$('a[data-group-link]');
    assert(link, 'groups are listed');
    await link.click();
    await waitForPage(page);
    assert(!(await page.$('input[data-member]')), 'no records');
    assert(/conseillers du pôle/.test(await page.textContent('main')), 'says who reads the records');
    const res = await page.evaluate(async (pole) => (await fetch(`/api/poles/${pole}/needs/records`)).status, POLE);
    assertEqual(res, 403, 'the records API refuses an observer');
    await suite.shot(page, '40-needs-observer-group');
  });
  await suite.checkA11y(page, 'needs observer');

  await switchTo(ADMIN);
}
