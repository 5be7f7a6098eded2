// Measures the web application's targets:
//  - the shell's JavaScript, gzipped (target ≤ 250 KB): the entry script and the modules it
//    preloads, i.e. what every first visit downloads before any page's own chunk;
//  - the first page load on loopback (target ≤ 1 s): from navigation start to the first page
//    rendered by the app (the `maillage:first-page` performance mark), in a fresh browser
//    context each time (empty cache, no service worker), for the sign-in page, the dashboard
//    and the directory map of a signed-in user.
//
// Usage (a server with the demo data must be running, serving web/dist):
//   MAILLAGE_URL=http://127.0.0.1:8080 node bench/web/measure.mjs [--runs 7]
// Prints a table, writes test-artifacts/web/bench.json, exits 1 when a target is missed.
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const web = join(repo, 'web');
const dist = process.env.WEB_DIST || join(web, 'dist');
const require = createRequire(join(web, 'package.json'));
const { chromium } = require('playwright-core');

const BASE = (process.env.MAILLAGE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const JS_TARGET_KB = 250;
const LOAD_TARGET_MS = 1000;
const ACCOUNT = { email: 'admin@seignanx.demo', password: 'demo-admin-2026' };

const kb = (n) => n / 1024;
const gz = (buf, level) => gzipSync(buf, { level }).length;

// --- sizes ---
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const shellFiles = [
  ...[...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]),
  ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]),
];
const assets = join(dist, 'assets');
const allJs = readdirSync(assets).filter((f) => f.endsWith('.js'));
const allCss = readdirSync(assets).filter((f) => f.endsWith('.css'));
const size = (files) => {
  let raw = 0, g6 = 0, g9 = 0;
  for (const f of files) {
    const buf = readFileSync(join(dist, f.replace(/^\//, '')));
    raw += buf.length;
    g6 += gz(buf, constants.Z_DEFAULT_COMPRESSION);
    g9 += gz(buf, 9);
  }
  return { files: files.length, raw_kb: +kb(raw).toFixed(1), gzip_kb: +kb(g6).toFixed(1), gzip9_kb: +kb(g9).toFixed(1) };
};
const sizes = {
  shell_js: size(shellFiles),
  all_js: size(allJs.map((f) => `assets/${f}`)),
  css: size(allCss.map((f) => `assets/${f}`)),
};

// --- first loads ---
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function firstLoad(path, signedIn, encoding) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    // To tell the server's compression cost apart: the browser offers only this encoding.
    extraHTTPHeaders: encoding ? { 'Accept-Encoding': encoding } : undefined,
  });
  if (signedIn) {
    const res = await context.request.post(`${BASE}/api/auth/login`, { data: ACCOUNT });
    if (!res.ok()) throw new Error(`login failed: ${res.status()}`);
  }
  const page = await context.newPage();
  await page.goto(`${BASE}${path}`, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('maillage:first-page').length > 0, null, { timeout: 10000 });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    return {
      first_page_ms: performance.getEntriesByName('maillage:first-page')[0].startTime,
      load_event_ms: nav.loadEventEnd,
      requests: resources.length + 1,
      transferred_kb: (nav.transferSize + resources.reduce((s, r) => s + (r.transferSize || 0), 0)) / 1024,
    };
  });
  const url = page.url();
  await context.close();
  if (signedIn && /\/login/.test(url)) throw new Error(`${path}: ended on the sign-in page`);
  return t;
}

const pages = [
  { name: 'sign-in page (anonymous)', path: '/login', signedIn: false },
  { name: 'pole dashboard (signed in)', path: '/p/seignanx', signedIn: true },
  { name: 'directory map (signed in)', path: '/p/seignanx/actors?view=map', signedIn: true },
];
// As a browser asks (gzip, deflate, br), then offering gzip only.
const scenarios = [
  ...pages.map((p) => ({ ...p, encoding: null })),
  ...pages.map((p) => ({ ...p, name: `${p.name}, gzip only`, encoding: 'gzip, deflate' })),
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loads = [];
await firstLoad('/login', false); // warm the server (not the browser)
for (const s of scenarios) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await firstLoad(s.path, s.signedIn, s.encoding));
  loads.push({
    ...s,
    runs: RUNS,
    median_first_page_ms: Math.round(median(runs.map((r) => r.first_page_ms))),
    max_first_page_ms: Math.round(Math.max(...runs.map((r) => r.first_page_ms))),
    median_load_event_ms: Math.round(median(runs.map((r) => r.load_event_ms))),
    requests: runs[0].requests,
    transferred_kb: +runs[0].transferred_kb.toFixed(1),
  });
}
await browser.close();

console.log(`Maillage web bench against ${BASE} (${RUNS} cold loads each)\n`);
console.log(`shell JavaScript: ${sizes.shell_js.files} file(s), ${sizes.shell_js.raw_kb} KB raw, ${sizes.shell_js.gzip_kb} KB gzipped (level 9: ${sizes.shell_js.gzip9_kb} KB) — target ≤ ${JS_TARGET_KB} KB`);
console.log(`all JavaScript:   ${sizes.all_js.files} file(s), ${sizes.all_js.raw_kb} KB raw, ${sizes.all_js.gzip_kb} KB gzipped`);
console.log(`CSS:              ${sizes.css.files} file(s), ${sizes.css.raw_kb} KB raw, ${sizes.css.gzip_kb} KB gzipped\n`);
for (const l of loads) {
  console.log(`${l.name.padEnd(42)} first page median ${String(l.median_first_page_ms).padStart(4)} ms (max ${l.max_first_page_ms} ms), load event ${l.median_load_event_ms} ms, ${l.requests} requests, ${l.transferred_kb} KB transferred — target ≤ ${LOAD_TARGET_MS} ms`);
}
const jsOk = sizes.shell_js.gzip_kb <= JS_TARGET_KB;
const loadOk = loads.filter((l) => !l.encoding).every((l) => l.median_first_page_ms <= LOAD_TARGET_MS);
const out = join(repo, 'test-artifacts/web');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), JSON.stringify({ base: BASE, when: new Date().toISOString(), sizes, loads, targets: { js_kb: JS_TARGET_KB, load_ms: LOAD_TARGET_MS }, ok: jsOk && loadOk }, null, 2));
console.log(`\nshell JS ≤ ${JS_TARGET_KB} KB gzipped: ${jsOk ? 'met' : 'MISSED'}; first page ≤ ${LOAD_TARGET_MS} ms: ${loadOk ? 'met' : 'MISSED'}`);
process.exit(jsOk && loadOk ? 0 : 1);
