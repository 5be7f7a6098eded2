// Project pathways: the kanban, a new project moved along its pathway (deliverables guard,
// a refused move shown at its field, a coaching session), the timeline, routing suggestions
// with their factors and a confirmed pairing, the mentor directory, the dashboard with its
// overdue follow-ups, the templates; axe on each page. Runs signed in as the demo admin.
import { assert, assertEqual } from '../lib.mjs';

async function projectId(page, POLE, q) {
  return page.evaluate(async ([pole, text]) => {
    const res = await fetch(`/api/poles/${pole}/pathways/projects?q=${encodeURIComponent(text)}`);
    const body = await res.json();
    return body.items[0]?.id;
  }, [POLE, q]);
}

export default async function pathways(ctx) {
  const { suite, page, BASE, POLE, stamp, waitForPage } = ctx;
  const base = `${BASE}/p/${POLE}/pathways`;
  let created = null;

  await suite.scenario('pathways: the kanban shows the demo projects by stage', page, async () => {
    await page.goto(base);
    await waitForPage(page);
    const nav = await page.$$eval('#navigation .fr-nav__link', (els) => els.map((e) => e.getAttribute('data-module')));
    assert(nav.includes('pathways'), `navigation has pathways: ${nav.join(',')}`);
    const columns = await page.$$eval('.mai-kanban__column', (els) => els.map((e) => e.getAttribute('data-stage')));
    assertEqual(columns.length, 9, 'one column per stage');
    const financing = await page.textContent('.mai-kanban__column[data-stage=financing_plan]');
    assert(/Énergies citoyennes/.test(financing), `financing plan column: ${financing}`);
    const late = await page.$$eval('.mai-kanban .mai-late', (els) => els.length);
    assert(late >= 1, 'at least one project past its step deadline');
    await suite.shot(page, '40-pathways-kanban');
  });
  await suite.checkA11y(page, 'pathways kanban');

  await suite.scenario('pathways: create a project and move it along its pathway', page, async () => {
    await page.goto(`${base}/projects/new`);
    await waitForPage(page);
    await page.fill('input[name=title]', `Coopérative test ${stamp}`);
    await page.selectOption('select[name=template]', 'scop_scic_paca');
    await page.selectOption('select[name=origin_kind]', 'cooperative');
    await page.fill('input[name=origin_note]', 'Scop Menuiserie du Port');
    await page.fill('input[data-autocomplete=commune]', 'Tarnos');
    await page.waitForTimeout(600);
    await page.click('form button[type=submit]');
    await page.waitForURL(/\/pathways\/projects\/\d+$/);
    await waitForPage(page);
    created = Number(page.url().match(/projects\/(\d+)$/)[1]);
    assert(/Émergence/.test(await page.textContent('#step-title')), 'starts at emergence');
    const advance = page.locator('button[data-action=advance]');
    assert(await advance.isDisabled(), 'advance waits for the deliverables');
    assert(/attend/.test(await page.textContent('main')), 'says what the move waits for');
    // DSFR draws the checkbox on the label: a person clicks the label.
    await page.click('label[for=deliv-promoter_group]');
    await page.waitForSelector('#deliv-promoter_group:checked');
    await page.click('label[for=deliv-idea_note]');
    await page.waitForSelector('#deliv-idea_note:checked');
    await page.waitForFunction(() => !document.querySelector('button[data-action=advance]')?.disabled);
    await page.click('button[data-action=advance]');
    await page.waitForFunction(() => /faisabilité/i.test(document.querySelector('#step-title')?.textContent ?? ''));
    // Pausing needs a note: the server refuses, the message shows at the note field.
    await page.click('button[data-action=pause]');
    await page.waitForSelector('[data-field=note] .fr-error-text, [data-field=note].fr-input-group--error');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('name'));
    assertEqual(focused, 'note', 'focus on the note field');
    await suite.shot(page, '41-pathways-refused-move');
    const log = await page.textContent('#log-title + *');
    assert(/Passer à l'étape suivante|Émergence/.test(log), 'the transition log lists the move');
  });

  await suite.scenario('pathways: record a coaching session, the server names the missing field', page, async () => {
    await page.click('section[aria-labelledby=actions-title] details > summary');
    const form = page.locator('section[aria-labelledby=actions-title] form');
    await form.locator('input[name=minutes]').fill('90');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('section[aria-labelledby=actions-title] [data-field=need].fr-input-group--error');
    await form.locator('textarea[name=need]').fill('Business plan : hypothèses de chiffre d\'affaires');
    await form.locator('textarea[name=outcome]').fill('Prévisionnel sur trois ans');
    await form.locator('button[type=submit]').click();
    await page.waitForFunction(() => /Business plan/.test(document.querySelector('section[aria-labelledby=actions-title] table')?.textContent ?? ''));
    const rects = await page.$$eval('svg.mai-timeline rect.plan', (els) => els.length);
    assertEqual(rects, 8, 'the timeline draws the eight planned steps');
    assert(await page.$('svg.mai-timeline circle.event--coaching'), 'the coaching session is on the timeline');
    await suite.shot(page, '42-pathways-project');
  });
  await suite.checkA11y(page, 'pathways project');

  await suite.scenario('pathways: routing shows every factor and a coordinator confirms the pairing', page, async () => {
    const id = await projectId(page, POLE, 'Mobilité solidaire');
    assert(id, 'demo project found');
    await page.goto(`${base}/projects/${id}/routing?kind=mentoring&subjects=business_plan,market_analysis`);
    await waitForPage(page);
    const cards = await page.$$eval('.mai-candidate', (els) => els.length);
    assert(cards >= 1, `candidates shown: ${cards}`);
    const factors = await page.$$eval('.mai-candidate:first-of-type .mai-factors li', (els) => els.map((e) => e.getAttribute('data-factor')));
    for (const f of ['subject', 'sector', 'distance', 'capacity', 'experience', 'load_boost']) assert(factors.includes(f), `factor ${f} shown: ${factors}`);
    const scores = await page.$$eval('.mai-candidate__score', (els) => els.map((e) => Number(e.textContent.replace(/[^\d,]/g, '').replace(',', '.'))));
    for (let i = 1; i < scores.length; i++) assert(scores[i - 1] >= scores[i], `best first: ${scores}`);
    await suite.shot(page, '43-pathways-routing');
    await page.fill('.mai-candidate:first-of-type textarea[name=objectives]', 'Consolider le modèle économique du transport à la demande');
    await page.click('.mai-candidate:first-of-type button[data-confirm]');
    await page.waitForURL(new RegExp(`/pathways/projects/${id}$`));
    await waitForPage(page);
    assert(/transport à la demande/.test(await page.textContent('section[aria-labelledby=mentorships-title]')), 'pairing listed with its objective');
  });
  await suite.checkA11y(page, 'pathways routing result');

  await suite.scenario('pathways: peer tutors come from the directory', page, async () => {
    const id = await projectId(page, POLE, 'Bâti Durable');
    await page.goto(`${base}/projects/${id}/routing?kind=tutoring`);
    await waitForPage(page);
    const names = await page.$$eval('.mai-candidate h3', (els) => els.map((e) => e.textContent));
    assert(names.some((n) => /SCIC|Scop|CAE/.test(n)), `cooperatives suggested: ${names}`);
  });
  await suite.checkA11y(page, 'pathways tutoring');

  await suite.scenario('pathways: the mentor directory shows load against capacity', page, async () => {
    await page.goto(`${base}/mentors`);
    await waitForPage(page);
    const rows = await page.$$eval('main table tbody tr', (els) => els.length);
    assert(rows >= 9, `mentors listed: ${rows}`);
    assert(/\d+ \/ \d+ projets/.test(await page.textContent('main table')), 'load shown');
    await page.selectOption('select[name=subject]', 'finance');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/subject=finance/);
    await waitForPage(page);
    const filtered = await page.$$eval('main table tbody tr', (els) => els.length);
    assert(filtered >= 1 && filtered < rows, `filtered by the finance family: ${filtered}`);
    await suite.shot(page, '44-pathways-mentors');
  });

  await suite.scenario('pathways: a coordinator adds a mentor with subjects and sectors', page, async () => {
    await page.goto(`${base}/mentors`);
    await waitForPage(page);
    await page.click('details.mai-add > summary');
    await page.fill('details.mai-add input[name=name]', `Mentor ${stamp}`);
    await page.click('label[for=subjects-fundraising]');
    await page.click('label[for=sectors-F]');
    await page.click('details.mai-add button[type=submit]');
    await page.waitForFunction((name) => document.querySelector('main table')?.textContent.includes(name), `Mentor ${stamp}`);
    const cells = await page.$$eval(`main table tbody tr:has-text("Mentor ${stamp}") td`, (tds) => tds.map((td) => td.textContent.trim()));
    assert(cells[4] === 'Recherche de financements' && cells[5] === 'F', `subjects and sector saved: ${cells.join(' | ')}`);
  });
  await suite.checkA11y(page, 'pathways mentors');

  await suite.scenario('pathways: the dashboard shows the portfolio, survival and overdue follow-ups', page, async () => {
    await page.goto(`${base}/dashboard`);
    await waitForPage(page);
    const figures = await page.$$eval('.mai-figure__value', (els) => els.map((e) => Number(e.textContent.replace(/\D/g, ''))));
    assert(figures[0] >= 14, `projects: ${figures}`);
    assert(figures[3] >= 1, `projects with an overdue follow-up: ${figures}`);
    const alerts = await page.textContent('section[data-section=alerts]');
    assert(/Restauration collective/.test(alerts), 'the overdue visit is listed');
    assert(await page.$('section[data-section=by-stage] svg.mai-chart rect'), 'portfolio chart drawn');
    assert(/Étape « Assemblée citoyenne/.test(alerts), `step alerts name the step: ${alerts}`);
    assert(/\d+\s%/.test(await page.textContent('section[data-section=survival]')), 'survival rates shown');
    await suite.shot(page, '45-pathways-dashboard');
  });
  await suite.checkA11y(page, 'pathways dashboard');

  await suite.scenario('pathways: the templates of seeds 000 and 001', page, async () => {
    await page.goto(`${base}/templates`);
    await waitForPage(page);
    const titles = await page.$$eval('main h2', (els) => els.map((e) => e.textContent));
    assert(titles.filter((x) => /v\d/.test(x)).length >= 6, `templates: ${titles}`);
    assert(/CAPE|couveuse/.test(await page.textContent('main')), 'de l\'envie au projet shows its test step');
    await suite.shot(page, '46-pathways-templates');
  });
  await suite.checkA11y(page, 'pathways templates');

  await suite.scenario('pathways: the board scrolls with the keyboard', page, async () => {
    await page.goto(base);
    await waitForPage(page);
    await page.focus('.mai-kanban');
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.classList.contains('mai-kanban'));
    assert(focused, 'the board region takes the focus');
    assert(created, 'a project was created earlier');
  });
}
