// End-to-end tests of the web application against a running Maillage server with the demo
// data (`maillage serve --demo`). Usage:
//   MAILLAGE_URL=http://127.0.0.1:8080 npm run e2e
// Screenshots go to test-artifacts/web/ at the repository's root (E2E_ARTIFACTS to change).
// Exits non-zero on any failure; the last line reads "N passed, N failed".
//
// The scenarios live in e2e/specs/*.mjs, run in file-name order in one browser page: 00-foundation
// signs the demo admin in, each module's spec (NN-<module>.mjs) then runs signed in as that admin
// and must leave the page signed in, and 99-foundation-end signs out. A spec default-exports
// `async function (ctx)`; ctx holds the suite, the page, the URLs and accounts, and helpers.
// E2E_ONLY=network,needs runs only the specs whose names contain one of those words (plus 00).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Suite, assert, launch } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.MAILLAGE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const ARTIFACTS = process.env.E2E_ARTIFACTS || resolve(here, '../../test-artifacts/web');
const ADMIN = { email: 'admin@seignanx.demo', password: 'demo-admin-2026' };
const OBSERVER = { email: 'observateur@seignanx.demo', password: 'demo-obs-2026' };
const COUNSELLOR = { email: 'conseil@seignanx.demo', password: 'demo-cons-2026' };
const COORDINATOR = { email: 'coordination@seignanx.demo', password: 'demo-coord-2026' };
const POLE = 'seignanx';
const TIMEOUT = 15000;

const suite = new Suite({ artifacts: ARTIFACTS });
const stamp = Date.now().toString(36);

async function waitForPage(page) {
  // A page is ready when its heading is there and nothing is loading.
  await page.waitForSelector('main [data-page-title]', { timeout: TIMEOUT });
  await page.waitForFunction(() => !document.querySelector('main .mai-loading'), null, { timeout: TIMEOUT });
}

async function signIn(page, who) {
  await page.goto(`${BASE}/login`);
  await waitForPage(page);
  await page.fill('input[name=email]', who.email);
  await page.fill('input[name=password]', who.password);
  await page.click('form button[type=submit]');
  await page.waitForURL(new RegExp(`/p/${POLE}/?$`), { timeout: TIMEOUT });
  await waitForPage(page);
}

async function main() {
  console.log(`Maillage web e2e against ${BASE} (screenshots in ${ARTIFACTS})`);
  try {
    const res = await fetch(`${BASE}/api/auth/me`);
    assert(res.status === 401 || res.status === 200, `unexpected status ${res.status}`);
  } catch (err) {
    console.error(`cannot reach ${BASE}: ${err.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }

  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  // The browser logs every 4xx answer as a console error. The specs provoke these on purpose and
  // check each one: 400 (validation errors shown at the field), 401 (signed out), 403 (an observer
  // refused), 404 (another pole's ids), 409 (an illegal pathway transition). Anything else fails.
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of (400|401|403|404|409)/.test(msg.text())) return;
    consoleErrors.push(`${msg.text()} (${msg.location()?.url ?? ''})`);
  });
  const ctx = { suite, page, context, browser, BASE, POLE, ADMIN, OBSERVER, COUNSELLOR, COORDINATOR, TIMEOUT, stamp, consoleErrors,
    waitForPage, signIn: (p, who) => signIn(p, who), shared: {} };
  const only = (process.env.E2E_ONLY || '').split(',').filter(Boolean);
  const specs = readdirSync(resolve(here, 'specs')).filter((f) => f.endsWith('.mjs')).sort()
    .filter((f) => !only.length || f.startsWith('00-') || only.some((word) => f.includes(word)));
  for (const file of specs) {
    console.log(`${file}`);
    const spec = await import(pathToFileURL(resolve(here, 'specs', file)).href);
    await spec.default(ctx);
  }

  await browser.close();
  writeFileSync(resolve(ARTIFACTS, 'axe-report.json'), JSON.stringify(suite.axe, null, 2));
  const moderate = suite.axe.flatMap((p) => p.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical'));
  const blocking = suite.axe.flatMap((p) => p.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'));
  console.log(`axe: ${suite.axe.length} pages, ${blocking.length} serious/critical, ${moderate.length} moderate/minor violation(s) (report: test-artifacts/web/axe-report.json)`);
  console.log(`${suite.passed} passed, ${suite.failed} failed`);
  process.exit(suite.failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  console.log(`${suite.passed} passed, ${suite.failed + 1} failed`);
  process.exit(1);
});
