// Joint tenders: the demo's list filtered by status, the won tender's page (lots, consortium
// with its roles, the hours chart), a month of realised hours refused at its field then
// recorded; a tender recorded through the form, its mandataire added, a second one refused at
// the role field; axe on each page.
import { assert } from '../lib.mjs';

export default async function commons(ctx) {
  const { suite, page, BASE, POLE, stamp, waitForPage } = ctx;
  const open = async (path) => {
    await page.goto(`${BASE}/p/${POLE}/${path}`);
    await waitForPage(page);
  };
  let tenderPath = '';

  await suite.scenario('commons: the demo tenders, filtered by status', page, async () => {
    await open('commons');
    await page.waitForSelector('[data-commons-list]');
    const all = await page.textContent('[data-commons-list]');
    assert(all.includes('Entretien des espaces verts et des sentiers du littoral'), 'the won tender is listed');
    assert(all.includes('Nettoyage des locaux communaux'), 'the lost tender is listed');
    await page.selectOption('[data-commons-filters] select[name=status]', 'won');
    await page.click('[data-commons-filters] button[type=submit]');
    await page.waitForURL(/status=won/);
    await waitForPage(page);
    const won = await page.textContent('[data-commons-list]');
    assert(won.includes('Entretien des espaces verts'), 'the won tender stays');
    assert(!won.includes('Nettoyage des locaux'), 'the lost tender is filtered out');
    await suite.shot(page, '60-commons-list');
    tenderPath = (await page.getAttribute('[data-commons-list] a', 'href')).replace(`/p/${POLE}/`, '');
  });
  await suite.checkA11y(page, 'commons list');

  await suite.scenario('commons: a won tender with its lots, consortium and hours chart', page, async () => {
    await open(tenderPath);
    await page.waitForSelector('[data-commons-chart] svg');
    const consortium = await page.textContent('[data-commons-consortium]');
    assert(/Mandataire/.test(consortium), 'the mandataire is shown with its role');
    assert(consortium.includes("Chantier d'insertion Les Jardins de l'Adour"), 'the mandataire is the insertion worksite');
    assert((consortium.match(/Cotraitant/g) ?? []).length === 2, 'two co-traitants');
    const lots = await page.textContent('[data-commons-lots]');
    assert(lots.includes('Tonte, débroussaillage'), 'lot 1 is listed');
    const bars = await page.$$eval('[data-commons-chart] rect', (r) => r.length);
    assert(bars >= 8, `two bars per member plus the legend: ${bars}`);
    await suite.shot(page, '61-commons-tender');
  });
  await suite.checkA11y(page, 'commons tender');

  await suite.scenario('commons: realised hours, refused outside the contract, then recorded', page, async () => {
    await open(tenderPath);
    await page.waitForSelector('[data-commons-hours-form]');
    await page.fill('[data-commons-hours-form] input[name=period]', '2024-01');
    await page.fill('[data-commons-hours-form] input[name=hours]', '12');
    await page.click('[data-commons-hours-form] button[type=submit]');
    await page.waitForSelector('[data-commons-hours-form] [data-field=period] .fr-error-text');
    await suite.shot(page, '62-commons-hours-error');
    await page.fill('[data-commons-hours-form] input[name=period]', '2026-12');
    await page.fill('[data-commons-hours-form] input[name=hours]', '12.5');
    await page.click('[data-commons-hours-form] button[type=submit]');
    await page.waitForURL(/recorded=1/);
    await waitForPage(page);
    const hours = await page.textContent('[data-commons-hours]');
    assert(/décembre 2026/.test(hours), `the month is listed: ${hours.slice(0, 200)}`);
  });
  await suite.checkA11y(page, 'commons hours');

  await suite.scenario('commons: a tender recorded, its mandataire added, a second one refused', page, async () => {
    await open('commons');
    await page.waitForSelector('[data-commons-tender-form]');
    await page.fill('[data-commons-tender-form] input[name=title]', `Restauration collective ${stamp}`);
    await page.fill('[data-commons-tender-form] input[name=buyer_name]', "Mairie d'Ondres");
    await page.selectOption('[data-commons-tender-form] select[name=status]', 'submitted');
    await page.click('[data-commons-tender-form] button[type=submit]');
    await page.waitForSelector('[data-commons-member-form]');
    await waitForPage(page);
    assert((await page.textContent('h1')).includes(`Restauration collective ${stamp}`), 'the new tender opens');
    await page.selectOption('[data-commons-member-form] select[name=actor_id]', { label: 'SCIC Le Comptoir du Seignanx' });
    await page.selectOption('[data-commons-member-form] select[name=role]', 'mandataire');
    await page.click('[data-commons-member-form] button[type=submit]');
    await page.waitForURL(/added=1/);
    await waitForPage(page);
    assert((await page.textContent('[data-commons-consortium]')).includes('SCIC Le Comptoir du Seignanx'), 'the mandataire is listed');
    await page.selectOption('[data-commons-member-form] select[name=actor_id]', { label: 'Seignanx Insertion' });
    await page.selectOption('[data-commons-member-form] select[name=role]', 'mandataire');
    await page.click('[data-commons-member-form] button[type=submit]');
    await page.waitForSelector('[data-commons-member-form] [data-field=role] .fr-error-text');
    const error = await page.textContent('[data-commons-member-form] [data-field=role] .fr-error-text');
    assert(/mandataire/.test(error), `the error is at the role: ${error}`);
    await suite.shot(page, '63-commons-member-error');
  });
  await suite.checkA11y(page, 'commons new tender');
}
