// Internationalisation: catalogs, translation with parameters and plurals, current locale.
//
// Catalogs are JSON files, one per language: the shell's in src/i18n/{fr,it,en}.json and each
// module's in src/modules/<id>/i18n/{fr,it,en}.json, whose keys are prefixed with "<id>.".
// Nested objects flatten into dotted keys. A value that is an object whose keys are CLDR
// plural categories (zero, one, two, few, many, other; "other" required) is a plural: t(key,
// { count }) picks the category with Intl.PluralRules. "{name}" in a string is replaced by
// params.name; "{count}" is formatted as a number for the locale.

export const LOCALES = ['fr', 'it', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** BCP 47 tags used for Intl formatting. */
export const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-FR', it: 'it-IT', en: 'en-GB' };
/** Names of the languages in themselves, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', it: 'Italiano', en: 'English' };

export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Entry = string | Plural;
export type Catalog = Record<string, Entry>;
export type Params = Record<string, string | number | null | undefined>;

const PLURAL_KEYS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

function isPlural(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.includes('other') && keys.every((k) => PLURAL_KEYS.has(k) && typeof value[k] === 'string');
}

/** Flattens nested catalog JSON into dotted keys; plural objects stay whole. */
export function flatten(tree: Record<string, unknown>, prefix = '', out: Catalog = {}): Catalog {
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[full] = value;
    else if (value && typeof value === 'object') {
      if (isPlural(value as Record<string, unknown>)) out[full] = value as Plural;
      else flatten(value as Record<string, unknown>, full, out);
    } else throw new Error(`catalog entry ${full} is neither a string nor an object`);
  }
  return out;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks a supported locale from a preference list (e.g. ["it-IT", "en"]), else the default. */
export function negotiateLocale(preferences: ReadonlyArray<string | null | undefined>): Locale {
  for (const pref of preferences) {
    if (!pref) continue;
    const base = pref.toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/** Replaces {name} placeholders; numbers are formatted for the locale. */
export function interpolate(text: string, params: Params | undefined, locale: Locale): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(LOCALE_TAGS[locale]).format(value) : value;
  });
}

/**
 * Translates `key` from `catalogs[locale]`, falling back to French then to the key itself
 * (so a missing key is visible, and the completeness test catches it before).
 */
export function translate(catalogs: Record<Locale, Catalog>, locale: Locale, key: string, params?: Params): string {
  const entry = catalogs[locale]?.[key] ?? catalogs[DEFAULT_LOCALE]?.[key];
  if (entry === undefined) return key;
  let text: string;
  if (typeof entry === 'string') text = entry;
  else {
    const count = Number(params?.count ?? 0);
    const category = new Intl.PluralRules(LOCALE_TAGS[locale]).select(count);
    text = entry[category] ?? entry.other;
  }
  return interpolate(text, params, locale);
}

// --- the application's current locale and catalogs ---

let catalogs: Record<Locale, Catalog> = { fr: {}, it: {}, en: {} };
let current: Locale = DEFAULT_LOCALE;
const listeners = new Set<(locale: Locale) => void>();

export function setCatalogs(next: Record<Locale, Catalog>): void {
  catalogs = next;
}

export function locale(): Locale {
  return current;
}

export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  document.documentElement.lang = next;
  for (const fn of listeners) fn(next);
}

export function onLocaleChange(fn: (locale: Locale) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Translates a key in the current locale. */
export function t(key: string, params?: Params): string {
  return translate(catalogs, current, key, params);
}

/** Whether the current catalogs have `key` (for optional, more specific messages). */
export function has(key: string): boolean {
  return key in catalogs[current] || key in catalogs[DEFAULT_LOCALE];
}

/** A label of an enumeration value ({fr, it, en}) in the current locale. */
export function localized(label: Partial<Record<Locale, string>> | undefined | null, fallback = ''): string {
  if (!label) return fallback;
  return label[current] || label[DEFAULT_LOCALE] || label.en || fallback;
}
