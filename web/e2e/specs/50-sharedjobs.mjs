// Shared jobs: the demo group's plan (bound in words, unmet needs, billing and its XLSX export),
// a need and a worker entered through the forms (with a server error at the field first),
// composing again with progress, the week grids per worker and per member, axe on each page.
import { assert, assertEqual } from '../lib.mjs';

export default async function sharedjobs(ctx) {
  const { suite, page, BASE, POLE, stamp, waitForPage } = ctx;
  const open = async (path) => {
    await page.goto(`${BASE}/p/${POLE}/${path}`);
    await waitForPage(page);
  };
  let groupPath = '';

  await suite.scenario('sharedjobs: the demo group and its composed plan', page, async () => {
    await open('sharedjobs');
    await page.waitForSelector('[data-sj-bound]');
    groupPath = new URL(page.url()).pathname.replace(`/p/${POLE}/`, '');
    assert(/^sharedjobs\/\d+$/.test(groupPath), `one group opens directly: ${groupPath}`);
    const bound = await page.textContent('[data-sj-bound]');
    assert(/optimal|optimum/i.test(bound), `bound in plain words: ${bound}`);
    const unmet = await page.textContent('[data-sj-unmet]');
    assert(/Aucun salarié n'a la compétence/.test(unmet), 'unmet need with its reason');
    const billing = await page.textContent('[data-sj-billing]');
    assert(/Conserverie Côte Sud/.test(billing) && /€/.test(billing), 'billing table');
    const href = await page.getAttribute('[data-sj-export]', 'href');
    const response = await page.request.get(`${BASE}${href}`);
    assertEqual(response.status(), 200, 'XLSX export');
    assert((await response.body()).subarray(0, 2).toString() === 'PK', 'the export is an XLSX (zip)');
    await suite.shot(page, '50-sharedjobs-plan');
  });
  await suite.checkA11y(page, 'sharedjobs plan');

  await suite.scenario('sharedjobs: a need, first refused at its field, then recorded', page, async () => {
    await open(`${groupPath}/needs`);
    await page.waitForSelector('[data-sj-need-form]');
    await page.fill('[data-sj-need-form] input[name=label]', `Inventaire ${stamp}`);
    await page.selectOption('[data-sj-need-form] select[name=occupation]', 'N1103');
    await page.fill('[data-sj-need-form] input[name=weekly_hours]', '6');  // the window holds 4 h
    await page.click('[data-sj-need-form] button[type=submit]');
    await page.waitForSelector('[data-sj-need-form] [data-field=weekly_hours] .fr-error-text');
    const error = await page.textContent('[data-sj-need-form] [data-field=weekly_hours] .fr-error-text');
    assert(/do not fit|fit/.test(error), `error at the hours field: ${error}`);
    await suite.shot(page, '51-sharedjobs-need-error');
    await page.fill('[data-sj-need-form] input[name=weekly_hours]', '4');
    await page.click('[data-sj-need-form] button[type=submit]');
    await page.waitForURL(/added=1/);
    await waitForPage(page);
    assert((await page.textContent('main')).includes(`Inventaire ${stamp}`), 'the need is listed');
  });
  await suite.checkA11y(page, 'sharedjobs needs');

  await suite.scenario('sharedjobs: a worker recorded', page, async () => {
    await open(`${groupPath}/workers`);
    await page.waitForSelector('[data-sj-worker-form]');
    await page.fill('[data-sj-worker-form] input[name=name]', `Léa Test ${stamp}`);
    await page.fill('[data-sj-worker-form] input[data-autocomplete=home_commune]', 'Tarnos');
    await page.fill('[data-sj-worker-form] input[name=skills]', 'N1103, caces_1');
    await page.fill('[data-sj-worker-form] input[name=target_hours]', '4');
    await page.fill('[data-sj-worker-form] input[name=min_hours]', '4');
    await page.click('[data-sj-worker-form] button[type=submit]');
    await page.waitForURL(/added=1/);
    await waitForPage(page);
    assert((await page.textContent('main')).includes(`Léa Test ${stamp}`), 'the worker is listed');
    await suite.shot(page, '52-sharedjobs-workers');
  });
  await suite.checkA11y(page, 'sharedjobs workers');

  await suite.scenario('sharedjobs: compose again, with progress', page, async () => {
    await open(groupPath);
    await page.selectOption('[data-sj-compose] select[name=engine]', 'exact');
    await page.fill('[data-sj-compose] input[name=time_limit]', '20');
    await page.click('[data-sj-compose] button[type=submit]');
    await page.waitForSelector('[data-sj-compose] progress');
    await page.waitForURL(/composed=1/, { timeout: 60000 });
    await waitForPage(page);
    await page.waitForSelector('[data-sj-bound]');
    assert(!(await page.textContent('[data-sj-unmet]')).includes(`Inventaire ${stamp}`), 'the new need is covered by the new worker');
  });

  await suite.scenario('sharedjobs: week grids per worker and per member', page, async () => {
    await open(`${groupPath}/timetables`);
    await page.waitForSelector('[data-sj-worker-week] svg rect');
    const blocks = await page.$$eval('[data-sj-worker-week] svg rect', (r) => r.length);
    assert(blocks >= 2, `the worker's week is drawn: ${blocks} blocks`);
    assert((await page.textContent('[data-sj-why]')).length > 10, 'why this worker');
    await suite.shot(page, '53-sharedjobs-worker-week');
    const member = await page.$eval('select[name=member] option:nth-child(2)', (o) => o.value);
    await page.selectOption('select[name=member]', member);
    await page.selectOption('select[name=worker]', '');
    await page.click('[data-sj-timetable-form] button[type=submit]');
    await page.waitForSelector('[data-sj-member-week]');
    await suite.shot(page, '54-sharedjobs-member-week');
  });
  await suite.checkA11y(page, 'sharedjobs timetables');

  await suite.scenario('sharedjobs: realised hours against planned, a bad entry refused at its field', page, async () => {
    await open(`${groupPath}/ledger?from=2026-03&to=2026-03`);
    await page.waitForSelector('[data-sj-ledger] tbody tr');
    const form = '[data-sj-ledger] tbody tr:first-child form[data-sj-realised]';
    const planned = await page.$eval('[data-sj-ledger] tbody tr:first-child td:nth-child(4)', (td) => td.textContent.trim());
    const plannedHours = Number(planned.replace(/\s/g, '').replace(',', '.'));
    assert(plannedHours > 0, `planned hours from the current plan: ${planned}`);
    await page.fill(`${form} input[name=realised_hours]`, '-3');
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector(`${form} .fr-error-text`);
    assert(/negative|négati/i.test(await page.textContent(`${form} .fr-error-text`)), 'negative hours refused at the field');
    await page.fill(`${form} input[name=realised_hours]`, String(plannedHours - 2));
    await page.click(`${form} button[type=submit]`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('-2'), '[data-sj-ledger] tbody tr:first-child td:nth-child(6)');
    assert(/: 1 /.test(await page.textContent('[data-sj-ledger-totals]')), 'one row recorded in the totals');
    await suite.shot(page, '55-sharedjobs-ledger');
  });
  await suite.checkA11y(page, 'sharedjobs ledger');
}
