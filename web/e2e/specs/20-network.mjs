// The actor-system pages on the demo pole: the graph (Cytoscape) and an actor's card in its
// panel, Grille II as a matrix with a relation recorded from a cell, a Grille I card edited
// with its history, the analysis job, the yearly comparison, the exports, the keyboard way
// into the graph, and axe on every page. Runs signed in as the demo admin.
import { assert, assertEqual } from '../lib.mjs';

const YEAR = 2026;
const MISSION = 'activity_creation';
const GE = "Groupement d'employeurs Adour Temps Partagé";  // src/demo/network_demo.cpp's kGE

export default async function network(ctx) {
  const { suite, page, BASE, POLE, waitForPage } = ctx;
  const url = (path, query = `?year=${YEAR}&mission=${MISSION}`) => `${BASE}/p/${POLE}/${path}${query}`;
  let insertionId = null;

  await suite.scenario('network: the graph draws the demo actor system', page, async () => {
    await page.goto(`${BASE}/p/${POLE}`);
    await waitForPage(page);
    await page.click('#navigation a[data-module=network]');
    await page.waitForURL(/\/network$/);
    await waitForPage(page);
    await page.waitForSelector('#network-graph canvas');
    const buttons = await page.$$eval('main button[data-actor]', (els) => els.map((e) => [e.textContent.trim(), e.getAttribute('data-actor')]));
    assert(buttons.length >= 15, `actors listed under the graph: ${buttons.length}`);
    insertionId = buttons.find(([name]) => name === 'Seignanx Insertion')?.[1];
    assert(insertionId, 'Seignanx Insertion is in the graph');
    // The most central actor comes first: the demo's employer group, which the shared-jobs data
    // links to its thirteen member firms (derived relations).
    assertEqual(buttons[0][0], GE, 'most central actor first');
    const legend = await page.textContent('.mai-network-legend');
    assert(/Alliance/.test(legend) && /Opposition/.test(legend), `legend: ${legend}`);
    await page.waitForTimeout(300);
    await suite.shot(page, '20-network-graph');
  });
  await suite.checkA11y(page, 'network graph');

  await suite.scenario('network: clicking an actor opens its Grille I card beside the graph', page, async () => {
    await page.click(`main button[data-actor="${insertionId}"]`);
    await page.waitForSelector('#network-panel dl');
    assertEqual((await page.textContent('#network-panel h2')).trim(), 'Seignanx Insertion', 'panel heading');
    const panel = await page.textContent('#network-panel');
    assert(/Insertion par l'activité économique/.test(panel), `card text in the panel: ${panel.slice(0, 200)}`);
    assert(/Opposition → Entreprise Adour Isolation/.test(panel), 'its relations are listed');
    // The panel's heading takes the focus (keyboard and screen-reader users follow).
    assertEqual(await page.evaluate(() => document.activeElement?.id), 'network-panel-title', 'focus on the card');
    await suite.shot(page, '21-network-graph-card');
  });

  await suite.scenario('network: nature filters redraw the graph', page, async () => {
    // DSFR draws its own box: the label is what one clicks.
    await page.click('label[for=f-natures-opposition]');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/natures=opposition/);
    await waitForPage(page);
    await page.waitForSelector('#network-graph canvas');
    const label = await page.getAttribute('#network-graph', 'aria-label');
    const relations = Number(label.match(/(\d+) relations/)[1]);
    assert(relations >= 2 && relations <= 8, `only oppositions drawn: ${label}`);
  });

  await suite.scenario('network: Grille II matrix, a relation recorded from a cell', page, async () => {
    await page.goto(url('network/matrix'));
    await waitForPage(page);
    await page.waitForSelector('table.mai-matrix');
    const header = await page.$$eval('table.mai-matrix thead th', (els) => els.length);
    const rows = await page.$$eval('table.mai-matrix tbody tr', (els) => els.length);
    assertEqual(header, rows + 1, 'a square matrix');
    const opp = await page.$$eval('.mai-matrix-cell.has-relation', (els) => els.map((e) => e.textContent).filter((t) => t.startsWith('OPP')).length);
    assert(opp >= 2, `oppositions in the matrix: ${opp}`);
    await suite.shot(page, '22-network-matrix');
    // An empty cell: row Mairie d'Ondres, column Scop Menuiserie du Port.
    const cell = page.locator('button.mai-matrix-cell[aria-label^="Pas de relation de Mairie d\'Ondres vers Scop Menuiserie"]');
    await cell.click();
    await page.waitForSelector('#matrix-editor form');
    await page.selectOption('#matrix-editor select[name=nature]', 'negotiation');
    await page.selectOption('#matrix-editor select[name=object]', 'practices');
    await page.click('#matrix-editor button[type=submit]');
    await page.waitForSelector('.fr-alert--success');
    await page.waitForSelector('table.mai-matrix');
    const text = await page.locator('button.mai-matrix-cell[title^="Mairie d\'Ondres vers Scop Menuiserie"]').textContent();
    assert(/NÉG · Pratiques/.test(text), `the cell shows the new relation: ${text}`);
  });
  await suite.checkA11y(page, 'network matrix');

  await suite.scenario('network: the exports download (XLSX, GraphML, GEXF)', page, async () => {
    for (const [format, type] of [['xlsx', 'spreadsheetml'], ['graphml', 'graphml'], ['gexf', 'gexf']]) {
      const res = await page.request.get(`${BASE}/api/poles/${POLE}/network/exports?year=${YEAR}&format=${format}`);
      assertEqual(res.status(), 200, `${format} export`);
      assert((res.headers()['content-type'] ?? '').includes(type), `${format} content type: ${res.headers()['content-type']}`);
      const body = await res.body();
      assert(body.length > 1000, `${format} export size: ${body.length}`);
    }
  });

  await suite.scenario('network: a Grille I card is edited and keeps its history', page, async () => {
    await page.goto(url(`network/actors/${insertionId}`));
    await waitForPage(page);
    const textarea = page.locator('textarea[name=symbolic]');
    await textarea.fill('Reconnue pour la qualité de ses chantiers ; lauréate du prix ESS 2026.');
    await page.click('#card-form button[type=submit]');
    await page.waitForSelector('.fr-alert--success');
    await page.waitForSelector('textarea[name=symbolic]');
    const field = await page.locator('.mai-card-field', { has: page.locator('textarea[name=symbolic]') }).textContent();
    assert(/Administration du pôle/.test(field), `signed by the admin: ${field}`);
    assert(/1 version antérieure/.test(field), `history kept: ${field}`);
    await suite.shot(page, '23-network-card');
  });
  await suite.checkA11y(page, 'network card');

  await suite.scenario('network: the analysis runs as a job and shows its tables', page, async () => {
    await page.goto(url('network/analysis'));
    await waitForPage(page);
    await page.waitForSelector('#analysis-result .mai-figures', { timeout: 30000 });
    const figures = await page.$$eval('#analysis-result .mai-figure__value', (els) => els.map((e) => e.textContent));
    assertEqual(figures.length, 5, 'five figures');
    const firstActor = await page.textContent('#analysis-result table tbody tr td a');
    assertEqual(firstActor.trim(), GE, 'the broker first');
    await page.selectOption('select[name=focus]', insertionId);
    await page.click('#suggest-title ~ form button[type=submit]');
    await page.waitForURL(/focus=/);
    await page.waitForSelector('#suggest-title ~ div h3');
    await suite.shot(page, '24-network-analysis');
  });
  await suite.checkA11y(page, 'network analysis');

  await suite.scenario('network: 2025 and 2026 compared', page, async () => {
    await page.goto(url('network/compare', `?from=2025&to=${YEAR}`));
    await waitForPage(page);
    const main = await page.textContent('main');
    assert(/relations nouvelles/.test(main), 'counts sentence');
    assert(/Entreprise Adour Isolation → Seignanx Insertion/.test(main), `the new opposition is listed: ${main.slice(0, 400)}`);
    await suite.shot(page, '25-network-compare');
  });
  await suite.checkA11y(page, 'network compare');

  await suite.scenario('network: the keyboard reaches an actor card from the graph page', page, async () => {
    await page.goto(url('network'));
    await waitForPage(page);
    await page.focus(`main button[data-actor="${insertionId}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#network-panel dl');
    assertEqual(await page.evaluate(() => document.activeElement?.id), 'network-panel-title', 'focus moved to the card');
  });
}
