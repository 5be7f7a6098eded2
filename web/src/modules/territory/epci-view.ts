// An intercommunality (EPCI): population, member communes and the actors in them.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import type { Actor, Epci, Page } from '../../app/types';
import { loadEnums } from '../../app/enums';
import { breadcrumb, notice, pageTitle, table } from '../../components/ui';
import { actorTable, placeMap } from './commune-view';

/** Members whose actors are fetched one by one (the API filters actors by one commune). */
const MAX_MEMBERS = 60;

export default async function epciView(ctx: ViewContext): Promise<Node> {
  const [epci] = await Promise.all([
    ctx.api.get<Epci>(`/api/territory/epci/${encodeURIComponent(ctx.params.code)}`, undefined, ctx.signal),
    loadEnums(),
  ]);
  ctx.setTitle(epci.name);
  const members = [...(epci.members ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const byCommune = new Map<string, Actor[]>();
  const queue = members.slice(0, MAX_MEMBERS);
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const page = await ctx.api.get<Page<Actor>>('/api/actors', { commune: c.code, per_page: 100 }, ctx.signal);
      byCommune.set(c.code, page.items.filter((a) => a.commune === c.code));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const actors = [...byCommune.values()].flat().sort((a, b) => a.name.localeCompare(b.name));
  const placed = members.filter((c) => c.country === 'FR' && c.lat !== null && c.lon !== null);
  const map = placed.length
    ? await placeMap(t('territory.epci.map_title', { epci: epci.name }), placed.map((c) => ({
      lat: c.lat!, lon: c.lon!, label: c.name, count: Math.max(1, byCommune.get(c.code)?.length ?? 0),
      href: ctx.href(`territory/communes/${c.code}`),
      description: t('territory.commune.map_point', { commune: c.name, count: byCommune.get(c.code)?.length ?? 0 }),
    })))
    : null;

  return h('div', null,
    breadcrumb([{ label: t('territory.search.title'), href: ctx.href('territory') }, { label: epci.name }]),
    pageTitle(epci.name),
    h('p', { class: 'fr-text--lead' }, t('territory.epci.lead', { population: epci.population ?? 0, count: members.length })),
    map,
    h('h2', { class: 'fr-h4' }, t('territory.epci.members', { count: members.length })),
    table(t('territory.epci.members', { count: members.length }), [
      { header: t('territory.col.commune'), cell: (c) => h('a', { href: ctx.href(`territory/communes/${c.code}`) }, c.name) },
      { header: t('territory.col.code'), cell: (c) => c.code },
      { header: t('territory.col.population'), numeric: true, cell: (c) => formatNumber(c.population) },
      { header: t('territory.col.actors'), numeric: true, cell: (c) => (byCommune.has(c.code) ? formatNumber(byCommune.get(c.code)!.length) : '—') },
    ], members, { hideCaption: true }),
    members.length > MAX_MEMBERS ? notice(t('territory.epci.truncated', { count: MAX_MEMBERS })) : null,
    h('h2', { class: 'fr-h4' }, t('territory.epci.actors', { count: actors.length })),
    actors.length ? actorTable(ctx, actors) : notice(t('territory.commune.no_actors')));
}
