import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogs, catalogSources } from '../src/app/catalogs';
import { flatten, interpolate, LOCALES, negotiateLocale, translate, type Catalog, type Entry } from '../src/app/i18n';
import { KNOWN_CODES } from '../src/app/api';
import { MODULES } from '../src/modules/registry';
import roles from '../../data/roles.json';
import { PERMISSIONS, permissionLabelKey } from '../src/app/permissions';

const catalogs = buildCatalogs();
const sources = catalogSources();

function placeholders(entry: Entry): string[] {
  const texts = typeof entry === 'string' ? [entry] : Object.values(entry);
  return [...new Set(texts.flatMap((s) => [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
}

describe('catalog completeness', () => {
  it('has catalogs for every language from the shell and every module', () => {
    for (const loc of LOCALES) {
      expect(sources[loc].map(([name]) => name).sort()).toEqual(['shell', ...MODULES.map((m) => m.id)].sort());
    }
  });

  for (const loc of LOCALES) {
    for (const other of LOCALES) {
      if (loc === other) continue;
      it(`every ${loc} key exists in ${other}`, () => {
        const missing = Object.keys(catalogs[loc]).filter((k) => !(k in catalogs[other]));
        expect(missing).toEqual([]);
      });
    }
  }

  it('has no empty text and the same placeholders in every language', () => {
    const problems: string[] = [];
    for (const key of Object.keys(catalogs.fr)) {
      const ref = placeholders(catalogs.fr[key]);
      for (const loc of LOCALES) {
        const entry = catalogs[loc][key];
        if (entry === undefined) continue;
        const texts = typeof entry === 'string' ? [entry] : Object.values(entry);
        if (texts.some((s) => !s || !s.trim())) problems.push(`${loc}:${key} is empty`);
        if (JSON.stringify(placeholders(entry)) !== JSON.stringify(ref)) problems.push(`${loc}:${key} placeholders ${placeholders(entry)} ≠ ${ref}`);
        if (typeof entry !== 'string' && typeof catalogs.fr[key] === 'string') problems.push(`${loc}:${key} is a plural only there`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('is not a copy of French in the other languages', () => {
    // Texts that are the same in two languages (codes, cognates such as "Distance") are few.
    const total = Object.keys(catalogs.fr).length;
    for (const loc of ['it', 'en'] as const) {
      const same = Object.keys(catalogs.fr).filter((k) => JSON.stringify(catalogs.fr[k]) === JSON.stringify(catalogs[loc][k]));
      expect(same.length / total, `${loc}: ${same.join(', ')}`).toBeLessThan(0.08);
    }
  });

  it('has every key the source code asks for', () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.ts$/.test(name)) {
          for (const m of readFileSync(path, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(m[1]);
        }
      }
    };
    walk(join(__dirname, '../src'));
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in catalogs.fr))).toEqual([]);
  });

  it('has the keys built at run time', () => {
    const needed = [
      ...KNOWN_CODES.map((c) => `errors.code.${c}`),
      ...Object.keys(PERMISSIONS).map(permissionLabelKey),
      ...Object.keys(roles.roles).map((r) => `admin.role.${r}`),
      ...['queued', 'running', 'succeeded', 'failed'].map((s) => `imports.status.${s}`),
      ...MODULES.flatMap((m) => [m.navLabelKey, ...m.routes.map((r) => r.titleKey)]),
    ];
    expect(needed.filter((k) => !(k in catalogs.fr))).toEqual([]);
  });
});

describe('translate', () => {
  const cat: Record<'fr' | 'it' | 'en', Catalog> = {
    fr: flatten({ a: { found: { one: '{count} acteur trouvé', other: '{count} acteurs trouvés' } }, hello: 'Bonjour {name}', only_fr: 'seulement' }),
    it: flatten({ a: { found: { one: '{count} attore trovato', other: '{count} attori trovati' } }, hello: 'Ciao {name}' }),
    en: flatten({ a: { found: { one: '{count} actor found', other: '{count} actors found' } }, hello: 'Hello {name}' }),
  };
  it('picks plural forms per language (French 0 is singular)', () => {
    expect(translate(cat, 'fr', 'a.found', { count: 0 })).toBe('0 acteur trouvé');
    expect(translate(cat, 'fr', 'a.found', { count: 1 })).toBe('1 acteur trouvé');
    expect(translate(cat, 'fr', 'a.found', { count: 2 })).toBe('2 acteurs trouvés');
    expect(translate(cat, 'it', 'a.found', { count: 0 })).toBe('0 attori trovati');
    expect(translate(cat, 'en', 'a.found', { count: 1 })).toBe('1 actor found');
  });
  it('formats numbers in placeholders per locale', () => {
    expect(translate(cat, 'fr', 'a.found', { count: 1234 })).toBe('1\u202f234 acteurs trouvés');
    expect(translate(cat, 'it', 'a.found', { count: 1234 })).toBe('1234 attori trovati');
    expect(translate(cat, 'en', 'a.found', { count: 1234 })).toBe('1,234 actors found');
  });
  it('interpolates and falls back to French, then to the key', () => {
    expect(translate(cat, 'it', 'hello', { name: 'Anna' })).toBe('Ciao Anna');
    expect(translate(cat, 'it', 'only_fr')).toBe('seulement');
    expect(translate(cat, 'en', 'missing.key')).toBe('missing.key');
    expect(interpolate('{a} {b}', { a: 'x' }, 'fr')).toBe('x {b}');
  });
  it('negotiates the language', () => {
    expect(negotiateLocale(['it-IT', 'en'])).toBe('it');
    expect(negotiateLocale(['de-DE', 'en-GB'])).toBe('en');
    expect(negotiateLocale(['de'])).toBe('fr');
    expect(negotiateLocale([null, undefined])).toBe('fr');
  });
  it('rejects malformed catalogs', () => {
    expect(() => flatten({ a: 3 } as never)).toThrow();
  });
});
