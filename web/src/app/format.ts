// Locale-aware formatting of dates and numbers (Intl), in the current locale by default.
import { locale as currentLocale, LOCALE_TAGS, type Locale } from './i18n';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f as T;
}

function toDate(value: string | number | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A month "YYYY-MM" such as "mars 2026" / "marzo 2026" / "March 2026". */
export function formatMonth(month: string, loc: Locale = currentLocale()): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  const f = cached(`month:${loc}`, () => new Intl.DateTimeFormat(LOCALE_TAGS[loc], { month: 'long', year: 'numeric', timeZone: 'UTC' }));
  return f.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A date such as "22 novembre 2026" / "22 novembre 2026" / "22 November 2026". */
export function formatDate(value: string | number | Date | null | undefined, loc: Locale = currentLocale(), timeZone?: string): string {
  if (value === null || value === undefined || value === '') return '';
  const d = toDate(value);
  if (!d) return String(value);
  return cached(`d|${loc}|${timeZone}`, () => new Intl.DateTimeFormat(LOCALE_TAGS[loc], { dateStyle: 'long', timeZone })).format(d);
}

/** A date and time such as "22/11/2026 08:05". */
export function formatDateTime(value: string | number | Date | null | undefined, loc: Locale = currentLocale(), timeZone?: string): string {
  if (value === null || value === undefined || value === '') return '';
  const d = toDate(value);
  if (!d) return String(value);
  return cached(`dt|${loc}|${timeZone}`, () => new Intl.DateTimeFormat(LOCALE_TAGS[loc], { dateStyle: 'short', timeStyle: 'short', timeZone })).format(d);
}

/** A number with the locale's separators; `digits` fixes the fraction digits at most. */
export function formatNumber(value: number | null | undefined, loc: Locale = currentLocale(), digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return cached(`n|${loc}|${digits}`, () => new Intl.NumberFormat(LOCALE_TAGS[loc], { maximumFractionDigits: digits })).format(value);
}

/** A distance in kilometres: "3,2 km". */
export function formatKm(value: number | null | undefined, loc: Locale = currentLocale()): string {
  if (value === null || value === undefined) return '';
  return cached(`km|${loc}`, () => new Intl.NumberFormat(LOCALE_TAGS[loc], { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 })).format(value);
}

/** A percentage from a ratio (0.42 → "42 %"). */
export function formatPercent(value: number, loc: Locale = currentLocale()): string {
  return cached(`p|${loc}`, () => new Intl.NumberFormat(LOCALE_TAGS[loc], { style: 'percent', maximumFractionDigits: 0 })).format(value);
}

/** "il y a 5 minutes" / "5 minuti fa" / "5 minutes ago", relative to `now`. */
export function formatRelative(value: string | number | Date, now: Date = new Date(), loc: Locale = currentLocale()): string {
  const d = toDate(value);
  if (!d) return String(value);
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = cached(`r|${loc}`, () => new Intl.RelativeTimeFormat(LOCALE_TAGS[loc], { numeric: 'auto' }));
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), 'day');
  return formatDate(d, loc);
}
