// Gathers every catalog of the application at build time: the shell's (src/i18n) and each
// module's (src/modules/<id>/i18n), whose keys get the "<id>." prefix.
import { flatten, LOCALES, type Catalog, type Locale } from './i18n';

const shellFiles = import.meta.glob<Record<string, unknown>>('../i18n/*.json', { eager: true, import: 'default' });
const moduleFiles = import.meta.glob<Record<string, unknown>>('../modules/*/i18n/*.json', { eager: true, import: 'default' });

/** Catalog sources by locale: [source name, flattened catalog]. */
export function catalogSources(): Record<Locale, Array<[string, Catalog]>> {
  const out = Object.fromEntries(LOCALES.map((l) => [l, [] as Array<[string, Catalog]>])) as Record<Locale, Array<[string, Catalog]>>;
  for (const [path, tree] of Object.entries(shellFiles)) {
    const loc = path.match(/\/(\w+)\.json$/)![1] as Locale;
    if (out[loc]) out[loc].push(['shell', flatten(tree)]);
  }
  for (const [path, tree] of Object.entries(moduleFiles)) {
    const [, id, loc] = path.match(/modules\/([^/]+)\/i18n\/(\w+)\.json$/)!;
    if (out[loc as Locale]) out[loc as Locale].push([id, flatten(tree, id)]);
  }
  return out;
}

export function buildCatalogs(): Record<Locale, Catalog> {
  const sources = catalogSources();
  const out = {} as Record<Locale, Catalog>;
  for (const loc of LOCALES) out[loc] = Object.assign({}, ...sources[loc].map(([, c]) => c));
  return out;
}
