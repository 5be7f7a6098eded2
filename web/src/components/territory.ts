// Suggestions from the reference territory for autocomplete fields.
import { api } from '../app/api';
import type { Commune, NafCode } from '../app/types';
import type { Suggestion } from './autocomplete';

export function communeLabel(c: Pick<Commune, 'name' | 'postal_codes' | 'code'>): string {
  return `${c.name} (${c.postal_codes?.[0] ?? c.code})`;
}

export async function communeSuggestions(q: string): Promise<Suggestion[]> {
  const list = await api.get<Commune[]>('/api/territory/communes', { q, limit: 10 });
  return list.map((c) => ({ value: c.code, label: communeLabel(c) }));
}

export async function nafSuggestions(q: string): Promise<Suggestion[]> {
  const list = await api.get<NafCode[]>('/api/territory/naf', { q, limit: 12 });
  return list.map((n) => ({ value: n.code, label: `${n.code} — ${n.label}` }));
}

/** The name of a department/region/EPCI given as a code or as { code, name }. */
export function nameOf(v: string | { code: string; name: string } | null | undefined): string {
  if (!v) return '';
  return typeof v === 'string' ? v : `${v.name} (${v.code})`;
}

export function codeOf(v: string | { code: string } | null | undefined): string {
  if (!v) return '';
  return typeof v === 'string' ? v : v.code;
}
