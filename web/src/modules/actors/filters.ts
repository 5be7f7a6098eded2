// The directory's filters: between the URL's query (shareable links) and the API's query.
import type { Query } from '../../app/api';

export interface DirectoryFilters {
  q: string;
  /** "pole": the pole's actors; "all": the shared directory. */
  scope: 'pole' | 'all';
  /** "family:siae" or "kind:ei" or "". */
  kind: string;
  legal_form: string;
  naf: string;
  commune: string;
  radius_km: number | null;
  view: 'list' | 'map';
  page: number;
}

export const RADII = [2, 5, 10, 20, 50, 100] as const;

export function parseFilters(query: URLSearchParams): DirectoryFilters {
  const radius = Number(query.get('radius_km'));
  const page = Number(query.get('page'));
  return {
    q: (query.get('q') ?? '').trim(),
    scope: query.get('scope') === 'all' ? 'all' : 'pole',
    kind: /^(family|kind):[\w-]+$/.test(query.get('kind') ?? '') ? query.get('kind')! : '',
    legal_form: query.get('legal_form') ?? '',
    naf: (query.get('naf') ?? '').trim().toUpperCase(),
    commune: query.get('commune') ?? '',
    radius_km: Number.isFinite(radius) && radius > 0 ? radius : null,
    view: query.get('view') === 'map' ? 'map' : 'list',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL query for filters (defaults left out, so links stay short). */
export function filtersToQuery(f: Partial<DirectoryFilters>): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.scope === 'all') p.set('scope', 'all');
  if (f.kind) p.set('kind', f.kind);
  if (f.legal_form) p.set('legal_form', f.legal_form);
  if (f.naf) p.set('naf', f.naf);
  if (f.commune) p.set('commune', f.commune);
  if (f.commune && f.radius_km) p.set('radius_km', String(f.radius_km));
  if (f.view === 'map') p.set('view', 'map');
  if (f.page && f.page > 1) p.set('page', String(f.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The API query (GET /api/actors or /api/poles/{pole}/actors) for filters. */
export function filtersToApi(f: DirectoryFilters, perPage: number, page = f.page): Query {
  const [kindType, kindCode] = f.kind ? f.kind.split(':') : ['', ''];
  return {
    q: f.q || undefined,
    kind: kindType === 'kind' ? kindCode : undefined,
    family: kindType === 'family' ? kindCode : undefined,
    legal_form: f.legal_form || undefined,
    naf: f.naf || undefined,
    commune: f.commune || undefined,
    radius_km: f.commune && f.radius_km ? f.radius_km : undefined,
    page,
    per_page: perPage,
  };
}

/** Whether a NAF filter typed by hand looks like a code or code prefix ("43", "88.99", "88.99B"). */
export function isNafPrefix(text: string): boolean {
  return /^\d{1,2}(\.\d{0,2}[A-Z]?)?$/i.test(text.trim());
}
