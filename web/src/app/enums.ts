// Enumerations (GET /api/enumerations), loaded once, with labels in the current language.
import { api } from './api';
import { localized } from './i18n';
import type { EnumValue, Enumerations, EnumerationName } from './types';

let cache: Promise<Enumerations> | null = null;
let loadedEnums: Enumerations = {};

export function loadEnums(): Promise<Enumerations> {
  cache ??= api.get<Enumerations>('/api/enumerations').then((e) => (loadedEnums = e)).catch((err) => {
    cache = null;
    throw err;
  });
  return cache;
}

export function enumValues(name: EnumerationName): EnumValue[] {
  return loadedEnums[name] ?? [];
}

/** The label of a code in the current language, or the code itself. */
export function enumLabel(name: EnumerationName, code: string | null | undefined): string {
  if (!code) return '';
  const v = enumValues(name).find((x) => x.code === code);
  return v ? localized(v.label, code) : code;
}

/** Families (no parent) with their children, e.g. actor kinds grouped by family. */
export function grouped(name: EnumerationName): Array<{ family: EnumValue; children: EnumValue[] }> {
  const values = enumValues(name);
  return values
    .filter((v) => !v.parent)
    .map((family) => ({ family, children: values.filter((v) => v.parent === family.code) }));
}
