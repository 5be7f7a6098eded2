// A commune: population, intercommunality (EPCI), department, region, and the actors in it.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import type { Actor, Commune, Page } from '../../app/types';
import { enumLabel, loadEnums } from '../../app/enums';
import { codeOf, nameOf } from '../../components/territory';
import { breadcrumb, details, notice, pageTitle, table } from '../../components/ui';
import type { MapPoint } from '../../components/map/departments-map';

export default async function communeView(ctx: ViewContext): Promise<Node> {
  const code = ctx.params.code;
  const [commune, actors] = await Promise.all([
    ctx.api.get<Commune>(`/api/territory/communes/${encodeURIComponent(code)}`, undefined, ctx.signal),
    ctx.api.get<Page<Actor>>('/api/actors', { commune: code, per_page: 100 }, ctx.signal),
    loadEnums(),
  ]);
  ctx.setTitle(commune.name);
  const inCommune = actors.items.filter((a) => a.commune === code);
  const epciCode = codeOf(commune.epci);
  const map = commune.country === 'FR' && commune.lat !== null && commune.lon !== null
    ? await placeMap(t('territory.commune.map_title', { commune: commune.name }), [{
      lat: commune.lat, lon: commune.lon, label: commune.name, count: 1,
      description: t('territory.commune.map_point', { commune: commune.name, count: inCommune.length }),
    }])
    : null;
  return h('div', null,
    breadcrumb([{ label: t('territory.search.title'), href: ctx.href('territory') }, { label: commune.name }]),
    pageTitle(commune.name),
    h('p', { class: 'fr-text--lead' }, t('territory.commune.lead', { population: commune.population ?? 0 })),
    details([
      [t('territory.col.code'), commune.code],
      [t('territory.col.postal_codes'), (commune.postal_codes ?? []).join(', ')],
      [t('territory.col.population'), commune.population !== null && commune.population !== undefined ? formatNumber(commune.population) : ''],
      [t('territory.col.epci'), epciCode ? h('a', { href: ctx.href(`territory/epci/${epciCode}`) }, nameOf(commune.epci)) : ''],
      [t('territory.col.department'), nameOf(commune.department)],
      [t('territory.col.region'), nameOf(commune.region)],
      [t('territory.col.country'), commune.country === 'IT' ? t('territory.country.IT') : t('territory.country.FR')],
      [t('territory.col.coordinates'), commune.lat !== null && commune.lon !== null
        ? `${formatNumber(commune.lat, undefined, 4)}, ${formatNumber(commune.lon, undefined, 4)}${commune.approximate ? ` (${t('territory.commune.approximate')})` : ''}`
        : ''],
    ]),
    map,
    h('div', { class: 'mai-actions' },
      h('a', { class: 'fr-btn fr-btn--secondary fr-icon-map-pin-2-line fr-btn--icon-left', href: ctx.href('actors') + `?scope=all&commune=${code}&radius_km=10&view=map` }, t('territory.commune.nearby'))),
    h('h2', { class: 'fr-h4' }, t('territory.commune.actors', { count: inCommune.length })),
    inCommune.length ? actorTable(ctx, inCommune) : notice(t('territory.commune.no_actors')));
}

/** A small department map around some places (France only), loaded on demand. */
export async function placeMap(title: string, points: MapPoint[]): Promise<HTMLElement> {
  const { departmentsMap } = await import('../../components/map/departments-map');
  return h('div', { class: 'mai-place-map fr-mb-3w' }, departmentsMap({ title, points, fit: true }));
}

export function actorTable(ctx: ViewContext, actors: Actor[]): HTMLElement {
  return table<Actor>(t('territory.commune.actors', { count: actors.length }), [
    { header: t('territory.col.actor'), cell: (a) => h('a', { href: ctx.href(`actors/${a.id}`) }, a.name) },
    { header: t('territory.col.kind'), cell: (a) => enumLabel('actor_kind', a.kind) },
    { header: t('territory.col.commune'), cell: (a) => a.commune_name ?? a.commune ?? '' },
    { header: t('territory.col.poles'), cell: (a) => (a.poles ?? []).map((p) => p.name).join(', ') },
  ], actors, { hideCaption: true });
}
