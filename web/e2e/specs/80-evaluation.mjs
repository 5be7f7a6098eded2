// The evaluation pages on the demo pole: the sustainable-development board drawn from the
// argument log and replayed, a live session followed by a second screen, the comparison of two
// sessions, the group rule, the social-utility campaign's steps, a round's distribution, the
// PTCE grid with its placeholders and references, reports, and axe on every page. Runs signed
// in as the demo admin, on a fresh demo database.
import { assert, assertEqual } from '../lib.mjs';

export default async function evaluation(ctx) {
  const { suite, page, BASE, POLE, waitForPage, stamp } = ctx;
  const api = `${BASE}/api/poles/${POLE}/evaluation`;
  let boardId = null;
  let campaignId = null;

  const rowValue = async (p, code) => (await p.textContent(`.mai-board__row[data-item="${code}"] .mai-board__value`)).trim();

  await suite.scenario('evaluation: the home lists the demo sessions, campaigns and round', page, async () => {
    await page.goto(`${BASE}/p/${POLE}`);
    await waitForPage(page);
    await page.click('#navigation a[data-module=evaluation]');
    await page.waitForURL(/\/evaluation$/);
    await waitForPage(page);
    const text = await page.textContent('main');
    for (const expected of ['Appréciation développement durable — 2026-11-19', 'Utilité sociale de Seignanx Insertion 2024',
      'Bilan 2025 des structures d\'insertion du pôle', 'Autodiagnostic du pôle'])
      assert(text.includes(expected), `home lists ${expected}`);
    const link = page.locator('a', { hasText: 'Appréciation développement durable — 2026-11-19' });
    boardId = (await link.getAttribute('href')).match(/assessments\/(\d+)/)[1];
    await suite.shot(page, '80-evaluation-home');
  });
  await suite.checkA11y(page, 'evaluation home');

  await suite.scenario('evaluation: the board is the replay of the argument log', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/evaluation/assessments/${boardId}`);
    await waitForPage(page);
    await page.waitForSelector('.mai-board__row[data-item="ECO-1"]');
    assertEqual(await page.$$eval('.mai-board__pillar', (els) => els.length), 4, 'four pillars');
    assertEqual(await page.$$eval('.mai-board__row', (els) => els.length), 45, 'forty-five axes');
    // ECO-1: +2 then +1 in the 2026 session; a black ball (priority); the 2025 session had it at +2.
    assert((await rowValue(page, 'ECO-1')).startsWith('+3'), `ECO-1 value: ${await rowValue(page, 'ECO-1')}`);
    assert(/axe prioritaire/.test(await rowValue(page, 'ECO-1')), 'ECO-1 black ball said in text');
    assert(await page.$('.mai-board__row[data-item="ECO-1"] .mai-board__ball.is-on'), 'ECO-1 black ball drawn');
    // ENV-8: −1 then +1 back to the neutral point; a black ball (very significant impacts).
    assert((await rowValue(page, 'ENV-8')).startsWith('0'), `ENV-8: ${await rowValue(page, 'ENV-8')}`);
    assert((await rowValue(page, 'SOC-2')).startsWith('+0,5'), `SOC-2: +1 − 0.5: ${await rowValue(page, 'SOC-2')}`);
    assert((await rowValue(page, 'SOC-9')).startsWith('non débattue'), 'SOC-9 not discussed');
    await suite.shot(page, '81-evaluation-board');
    // Replaying the log from the start: no cursor has moved.
    await page.fill('#replay', '0');
    await page.dispatchEvent('#replay', 'input');
    await page.waitForFunction(() => /après 0 argument/.test(document.querySelector('[role=status]')?.textContent ?? ''));
    await page.waitForFunction(() => document.querySelector('.mai-board__row[data-item="ECO-1"] .mai-board__value')?.textContent.startsWith('non débattue'));
    const log = await page.textContent('main');
    assert(log.includes('Dix-huit postes en insertion'), 'the argument log is listed');
  });
  await suite.checkA11y(page, 'evaluation board session');

  await suite.scenario('evaluation: comparison with the previous session', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/evaluation/assessments/${boardId}/compare`);
    await waitForPage(page);
    const text = await page.textContent('main table');
    assert(/GOV-3/.test(text) && /SOC-5/.test(text), 'changed questions listed');
    assert(/● ajoutée/.test(text), 'a black ball appeared');
    await suite.shot(page, '82-evaluation-compare');
  });
  await suite.checkA11y(page, 'evaluation comparison');

  await suite.scenario('evaluation: a board needs a group of three', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/evaluation/assessments/new`);
    await waitForPage(page);
    await page.selectOption('select[name="subject.kind"]', 'demarche');
    await page.selectOption('select[name="subject.id"]', { index: 1 });
    await page.fill('input[name=title]', `Séance e2e ${stamp}`);
    await page.fill('input[name="participants[0].name"]', 'Animatrice');
    await page.fill('input[name="participants[1].name"]', 'Trésorier');
    await page.click('main form button[type=submit]');
    await page.waitForSelector('[data-field=participants] .fr-error-text');
    const error = await page.textContent('[data-field=participants] .fr-error-text');
    assert(/au moins 3/.test(error), `the group rule at the field: ${error}`);
    await page.fill('input[name="participants[2].name"]', 'Salariée en insertion');
    await page.click('main form button[type=submit]');
    await page.waitForURL(/\/live$/);
    await waitForPage(page);
  });

  await suite.scenario('evaluation: a live session, followed by a second screen', page, async () => {
    await page.waitForSelector('.mai-live');
    const second = await page.context().newPage();
    await second.goto(page.url());
    await second.waitForSelector('.mai-live');
    // Keyboard: N moves to the next question, + chooses the direction.
    await page.click('h1');
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    const selected = await page.$eval('.mai-board__row.is-selected', (el) => el.dataset.item);
    assertEqual(selected, 'ECO-3', 'two questions further');
    await page.keyboard.press('+');
    await page.fill('input[name=displacement]', '2');
    await page.fill('textarea[name=text]', 'Les circuits courts progressent');
    await page.focus('textarea[name=text]');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('.mai-board__row[data-item="ECO-3"] .mai-board__value')?.textContent.startsWith('+2'));
    // The other screen follows within a few polls.
    await second.waitForFunction(() => document.querySelector('.mai-board__row[data-item="ECO-3"] .mai-board__value')?.textContent.startsWith('+2'), null, { timeout: 8000 });
    assert(/Les circuits courts progressent/.test(await second.textContent('.mai-log')), 'the second screen shows the log');
    // Shortcuts act outside the fields: leave the argument's text first.
    await page.click('h1');
    await page.keyboard.press('b');
    await second.waitForSelector('.mai-board__row[data-item="ECO-3"] .mai-board__ball.is-on', { timeout: 8000 });
    await suite.shot(page, '83-evaluation-live');
    await page.click('button[aria-pressed=false]:has-text("Mode projection")');
    await suite.shot(page, '84-evaluation-projected');
    await second.close();
  });
  await suite.checkA11y(page, 'evaluation live session');

  await suite.scenario('evaluation: the social-utility campaign walks its six steps', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/evaluation`);
    await waitForPage(page);
    const link = page.locator('a[href*="/evaluation/campaigns/"]', { hasText: 'Utilité sociale de Seignanx Insertion 2025' });
    campaignId = (await link.getAttribute('href')).match(/campaigns\/(\d+)/)[1];
    await page.goto(`${BASE}/p/${POLE}/evaluation/campaigns/${campaignId}?step=criteria`);
    await waitForPage(page);
    assertEqual(await page.$$eval('.mai-steps li', (els) => els.length), 6, 'six steps');
    assert(await page.isChecked('input[name="criterion:SU-3"]'), 'SU-3 retained');
    await page.selectOption('form:has(input[name=label]) select[name=criterion]', 'SU-1');
    await page.fill('form:has(input[name=label]) input[name=label]', `Demandes nouvelles ${stamp}`);
    await page.fill('form:has(input[name=label]) input[name=unit]', 'demandes');
    await page.click('form:has(input[name=label]) button[type=submit]');
    await page.waitForFunction((s) => document.querySelector('main')?.textContent.includes(`Demandes nouvelles ${s}`), stamp);
    await suite.shot(page, '85-evaluation-campaign-criteria');
    await page.goto(`${BASE}/p/${POLE}/evaluation/campaigns/${campaignId}?step=collection`);
    await waitForPage(page);
    assertEqual(await page.inputValue('input[name="v:iae.hours"]'), '41250', 'hours of 2025');
    await page.fill('input[name="v:SU-1.i1"]', '12');
    await page.click('form.mai-eval-answers button[type=submit]');
    await page.waitForFunction(() => document.querySelector('input[name="v:SU-1.i1"]')?.value === '12');
    await suite.shot(page, '86-evaluation-campaign-collection');
  });
  await suite.checkA11y(page, 'evaluation campaign');

  await suite.scenario('evaluation: reports come as PDF, HTML and XLSX', page, async () => {
    for (const [format, type] of [['pdf', 'application/pdf'], ['html', 'text/html'], ['xlsx', 'spreadsheetml']]) {
      const r = await page.request.get(`${api}/campaigns/${campaignId}/report?format=${format}`);
      assertEqual(r.status(), 200, `campaign ${format}`);
      assert(r.headers()['content-type'].includes(type), `${format}: ${r.headers()['content-type']}`);
    }
    const pdf = await page.request.get(`${api}/assessments/${boardId}/report?format=pdf`);
    const bytes = await pdf.body();
    assert(bytes.subarray(0, 5).toString() === '%PDF-' && bytes.length > 20000, `board PDF: ${bytes.length} bytes`);
  });

  await suite.scenario('evaluation: a round shows the distribution across members', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/evaluation`);
    await waitForPage(page);
    await page.click('a[href*="/evaluation/rounds/"]:has-text("Bilan 2025 des structures")');
    await waitForPage(page);
    const text = await page.textContent('main');
    assert(/iae\.hours/.test(text) && /2 \/ 3/.test(text), 'hours answered by 2 of 3 members');
    assert(await page.$('svg.mai-eval-dist rect'), 'box plots drawn');
    await suite.shot(page, '87-evaluation-round');
  });
  await suite.checkA11y(page, 'evaluation round');

  await suite.scenario('evaluation: the PTCE grid shows its structure, placeholders and sources', page, async () => {
    await page.goto(`${BASE}/p/${POLE}/evaluation/grids`);
    await waitForPage(page);
    await page.click('a:has-text("Grille d\'analyse des PTCE (2012)")');
    await waitForPage(page);
    const text = await page.textContent('main');
    assert(/Indicateur 3\.3\.4 — intitulé à renseigner/.test(text), '36 placeholder indicators');
    assert(/Repères publiés/.test(text) && /Source/.test(text), 'references with their sources');
    await suite.shot(page, '88-evaluation-ptce-grid');
    await page.click('button:has-text("Copier dans le pôle")');
    await page.waitForSelector('button:has-text("Enregistrer la grille")');
    await page.fill('input[name="GO-1.label.fr"]', 'Coopérer sur le territoire');
    await page.click('button:has-text("Enregistrer la grille")');
    await page.waitForSelector('.fr-alert--success');
  });
  await suite.checkA11y(page, 'evaluation grid editor');
}
