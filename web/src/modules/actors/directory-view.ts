// The actor directory: filters (text, kind, legal form, NAF, commune + radius), then the
// results as a list or as a map. The filters live in the URL so that searches can be shared.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatKm, formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import type { Actor, Commune, Page } from '../../app/types';
import { enumLabel, loadEnums } from '../../app/enums';
import { autocompleteField } from '../../components/autocomplete';
import { inputField, selectField } from '../../components/forms';
import { communeLabel, communeSuggestions, nafSuggestions } from '../../components/territory';
import { notice, pageTitle, pagination, table } from '../../components/ui';
import { filtersToApi, filtersToQuery, isNafPrefix, parseFilters, RADII, type DirectoryFilters } from './filters';
import { kindFilterOptions, plainOptions } from './kinds';

const PER_PAGE = 20;
const MAP_PAGE = 100;
const MAP_MAX_PAGES = 10;

export default async function directoryView(ctx: ViewContext): Promise<Node> {
  const f = parseFilters(ctx.query);
  // The map's code (and the department outlines) load while the actors are fetched.
  const mapModule = f.view === 'map' ? import('../../components/map/departments-map') : null;
  const endpoint = f.scope === 'all' ? '/api/actors' : `/api/poles/${encodeURIComponent(ctx.pole.slug)}/actors`;
  const [, center, results] = await Promise.all([
    loadEnums(),
    f.commune ? ctx.api.get<Commune>(`/api/territory/communes/${encodeURIComponent(f.commune)}`, undefined, ctx.signal).catch(() => null) : null,
    f.view === 'map' ? fetchAll(ctx, endpoint, f) : ctx.api.get<Page<Actor>>(endpoint, filtersToApi(f, PER_PAGE), ctx.signal),
  ]);

  const link = (changes: Partial<DirectoryFilters>) => ctx.href('actors') + filtersToQuery({ ...f, ...changes });
  const total = results.total;
  const status = h('p', { role: 'status', class: 'fr-mb-2w', id: 'results-count' },
    t('actors.directory.found', { count: total }),
    f.commune && center ? ` ${t('actors.directory.around', { commune: center.name, km: f.radius_km ?? 0 })}` : '');

  return h('div', null,
    pageTitle(t('actors.directory.title'),
      ctx.can('actors.write') ? h('a', { class: 'fr-btn fr-icon-add-line fr-btn--icon-left', href: ctx.href('actors/new') }, t('actors.directory.add')) : null),
    filtersForm(ctx, f, center),
    h('div', { class: 'mai-actions' },
      h('div', { class: 'mai-view-switch', role: 'group', 'aria-label': t('actors.directory.view_label') },
        h('a', { class: `fr-btn fr-btn--sm ${f.view === 'list' ? '' : 'fr-btn--secondary'}`, href: link({ view: 'list', page: 1 }), 'aria-current': f.view === 'list' ? 'true' : undefined }, t('actors.directory.view_list')),
        h('a', { class: `fr-btn fr-btn--sm ${f.view === 'map' ? '' : 'fr-btn--secondary'}`, href: link({ view: 'map', page: 1 }), 'aria-current': f.view === 'map' ? 'true' : undefined }, t('actors.directory.view_map')))),
    status,
    f.view === 'map'
      ? await mapResults(ctx, f, results.items, center, total, mapModule!)
      : listResults(ctx, f, results, link));
}

/** Every page of results (for the map), within a bound. */
async function fetchAll(ctx: ViewContext, endpoint: string, f: DirectoryFilters): Promise<Page<Actor>> {
  const first = await ctx.api.get<Page<Actor>>(endpoint, filtersToApi(f, MAP_PAGE, 1), ctx.signal);
  const items = [...first.items];
  const pages = Math.min(MAP_MAX_PAGES, Math.ceil(first.total / (first.per_page || MAP_PAGE)));
  for (let p = 2; p <= pages; p++) {
    const next = await ctx.api.get<Page<Actor>>(endpoint, filtersToApi(f, MAP_PAGE, p), ctx.signal);
    items.push(...next.items);
  }
  return { ...first, items };
}

function filtersForm(ctx: ViewContext, f: DirectoryFilters, center: Commune | null): HTMLElement {
  const commune = autocompleteField({
    name: 'commune', label: t('actors.filters.commune'), hint: t('actors.filters.commune_hint'),
    value: f.commune ? { value: f.commune, label: center ? communeLabel(center) : f.commune } : null,
    search: communeSuggestions,
  });
  const naf = autocompleteField({
    name: 'naf', label: t('actors.filters.naf'), hint: t('actors.filters.naf_hint'),
    value: f.naf ? { value: f.naf, label: f.naf } : null,
    search: nafSuggestions,
  });
  const col = (node: Node, size = 'fr-col-12 fr-col-md-6 fr-col-lg-4') => h('div', { class: size }, node);
  const form = h('form', { class: 'mai-filters', role: 'search', 'aria-label': t('actors.filters.label') },
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      col(inputField({ name: 'q', label: t('actors.filters.q'), hint: t('actors.filters.q_hint'), type: 'search', value: f.q }), 'fr-col-12 fr-col-lg-8'),
      col(selectField({
        name: 'scope', label: t('actors.filters.scope'), value: f.scope,
        options: [{ value: 'pole', label: t('actors.filters.scope_pole') }, { value: 'all', label: t('actors.filters.scope_all') }],
      })),
      col(selectField({ name: 'kind', label: t('actors.filters.kind'), value: f.kind, empty: t('actors.filters.any'), options: kindFilterOptions() })),
      col(selectField({ name: 'legal_form', label: t('actors.filters.legal_form'), value: f.legal_form, empty: t('actors.filters.any'), options: plainOptions('legal_form') })),
      col(naf.element),
      col(commune.element),
      col(selectField({
        name: 'radius_km', label: t('actors.filters.radius'), hint: t('actors.filters.radius_hint'), value: f.radius_km ? String(f.radius_km) : '',
        empty: t('actors.filters.radius_none'), options: RADII.map((r) => ({ value: String(r), label: formatKm(r) })),
      })),
      h('div', { class: 'fr-col-12' },
        h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left' },
          h('li', null, h('button', { class: 'fr-btn fr-icon-search-line fr-btn--icon-left', type: 'submit' }, t('actors.filters.submit'))),
          h('li', null, h('a', { class: 'fr-btn fr-btn--tertiary', href: ctx.href('actors') + filtersToQuery({ view: f.view }) }, t('actors.filters.reset')))))));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const nafCode = (await naf.resolve()) || (isNafPrefix(naf.typed()) ? naf.typed() : '');
    const next: Partial<DirectoryFilters> = {
      q: String(data.get('q') ?? '').trim(),
      scope: data.get('scope') === 'all' ? 'all' : 'pole',
      kind: String(data.get('kind') ?? ''),
      legal_form: String(data.get('legal_form') ?? ''),
      naf: nafCode.toUpperCase(),
      commune: await commune.resolve(),
      radius_km: Number(data.get('radius_km')) || null,
      view: f.view,
      page: 1,
    };
    ctx.navigate(ctx.href('actors') + filtersToQuery(next));
  });
  return form;
}

function listResults(ctx: ViewContext, f: DirectoryFilters, results: Page<Actor>, link: (c: Partial<DirectoryFilters>) => string): Node {
  if (!results.items.length) return notice(t('actors.directory.none'));
  const withDistance = !!f.commune && results.items.some((a) => typeof a.distance_km === 'number');
  const pages = Math.max(1, Math.ceil(results.total / (results.per_page || PER_PAGE)));
  return h('div', null,
    table<Actor>(t('actors.directory.caption', { count: results.total }), [
      { header: t('actors.field.name'), cell: (a) => h('a', { href: ctx.href(`actors/${a.id}`), 'data-actor': a.id }, a.name) },
      { header: t('actors.field.kind'), cell: (a) => enumLabel('actor_kind', a.kind) },
      { header: t('actors.field.legal_form'), cell: (a) => enumLabel('legal_form', a.legal_form) },
      { header: t('actors.field.naf'), cell: (a) => a.naf ?? '' },
      { header: t('actors.field.commune'), cell: (a) => a.commune ? h('a', { href: ctx.href(`territory/communes/${a.commune}`) }, a.commune_name ?? a.commune) : '' },
      ...(withDistance ? [{ header: t('actors.field.distance'), numeric: true, cell: (a: Actor) => formatKm(a.distance_km) }] : []),
    ], results.items, { hideCaption: true }),
    pagination(f.page, pages, (p) => link({ page: p })));
}

async function mapResults(
  ctx: ViewContext, f: DirectoryFilters, actors: Actor[], center: Commune | null, total: number,
  mapModule: Promise<typeof import('../../components/map/departments-map')>,
): Promise<Node> {
  const { departmentsMap } = await mapModule;
  const groups = new Map<string, { name: string; lat: number; lon: number; actors: Actor[] }>();
  const unplaced: Actor[] = [];
  for (const a of actors) {
    if (a.lat === null || a.lon === null || a.lat === undefined || a.lon === undefined || !a.commune) {
      unplaced.push(a);
      continue;
    }
    const g = groups.get(a.commune) ?? { name: a.commune_name ?? a.commune, lat: a.lat, lon: a.lon, actors: [] };
    g.actors.push(a);
    groups.set(a.commune, g);
  }
  const communes = [...groups.entries()].sort((a, b) => b[1].actors.length - a[1].actors.length);
  const hrefFor = (code: string) => ctx.href('actors') + filtersToQuery({ ...f, commune: code, radius_km: null, view: 'list', page: 1 });
  const map = departmentsMap({
    title: t('actors.map.title', { count: actors.length - unplaced.length, communes: communes.length }),
    fit: true,
    points: communes.map(([code, g]) => ({
      lat: g.lat, lon: g.lon, label: g.name, count: g.actors.length, href: hrefFor(code),
      description: t('actors.map.point', { commune: g.name, count: g.actors.length }),
    })),
    radius: center && f.radius_km && center.lat !== null && center.lon !== null ? { lat: center.lat, lon: center.lon, km: f.radius_km } : undefined,
  });
  return h('div', null,
    h('figure', { class: 'mai-map-figure' },
      map,
      h('figcaption', { class: 'fr-text--sm fr-mt-1w' }, t('actors.map.caption'))),
    actors.length < total ? notice(t('actors.map.truncated', { shown: actors.length, total })) : null,
    unplaced.length ? h('p', null, t('actors.map.unplaced', { count: unplaced.length })) : null,
    communes.length
      ? table(t('actors.map.table_caption'), [
        { header: t('actors.field.commune'), cell: ([code, g]) => h('a', { href: hrefFor(code) }, g.name) },
        { header: t('actors.map.col_count'), numeric: true, cell: ([, g]) => formatNumber(g.actors.length) },
      ], communes)
      : null);
}
