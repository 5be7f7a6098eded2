// A small harness for the end-to-end suite: headless Chromium from Debian driven by
// playwright-core, scenarios that pass or fail, screenshots, and axe-core runs.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export class Suite {
  constructor({ artifacts }) {
    this.artifacts = artifacts;
    mkdirSync(artifacts, { recursive: true });
    this.results = [];
    this.axe = [];
  }

  async shot(page, name) {
    const file = join(this.artifacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Runs one scenario; a failure is recorded (with a screenshot) and the suite goes on. */
  async scenario(name, page, fn) {
    const started = Date.now();
    try {
      await fn();
      this.results.push({ name, ok: true, ms: Date.now() - started });
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      this.results.push({ name, ok: false, ms: Date.now() - started, error: err });
      console.log(`  ✗ ${name}\n      ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n      ')}`);
      if (page) await this.shot(page, `FAILED-${name.replace(/[^\w-]+/g, '_')}`).catch(() => undefined);
    }
  }

  /**
   * Injects axe-core into the page and runs it; records the violations. Serious and critical
   * ones fail the check; moderate and minor ones are reported.
   */
  async checkA11y(page, label) {
    await this.scenario(`axe: ${label}`, page, async () => {
      const has = await page.evaluate(() => typeof window.axe !== 'undefined');
      if (!has) await page.addScriptTag({ path: AXE_PATH });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      const blocking = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      this.axe.push({ page: label, url: page.url(), violations: result });
      for (const v of result) console.log(`      axe ${v.impact}: ${v.id} (${v.nodes}) ${v.help} — ${v.targets.join(', ')}`);
      if (blocking.length) throw new Error(`${blocking.length} serious/critical accessibility violation(s): ${blocking.map((v) => v.id).join(', ')}`);
    });
  }

  get passed() {
    return this.results.filter((r) => r.ok).length;
  }

  get failed() {
    return this.results.filter((r) => !r.ok).length;
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, message) {
  if (actual !== expected) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** A valid SIRET (Luhn on the SIREN and on the 14 digits) built from a seed. */
export function validSiret(seed) {
  const luhnDigit = (body) => {
    for (let d = 0; d <= 9; d++) if (luhnOk(body + d)) return String(d);
    throw new Error('no Luhn digit');
  };
  const base = String(seed).padStart(8, '0').slice(-8);
  const siren = base + luhnDigit(base);
  const nic = '0001';
  return siren + nic + luhnDigit(siren + nic);
}

export function luhnOk(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}
