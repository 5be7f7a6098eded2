// Territory search: find a commune by name or postal code; the communes of the pole's actors.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import type { Actor, Commune, Page } from '../../app/types';
import { inputField } from '../../components/forms';
import { codeOf, nameOf } from '../../components/territory';
import { notice, pageTitle, table } from '../../components/ui';

export default async function searchView(ctx: ViewContext): Promise<Node> {
  const q = (ctx.query.get('q') ?? '').trim();
  const byPostalCode = /^\d{5}$/.test(q);
  const [found, poleActors] = await Promise.all([
    q ? ctx.api.get<Commune[]>('/api/territory/communes', byPostalCode ? { postal_code: q, limit: 30 } : { q, limit: 30 }, ctx.signal) : Promise.resolve(null),
    ctx.api.get<Page<Actor>>(`/api/poles/${encodeURIComponent(ctx.pole.slug)}/actors`, { per_page: 100 }, ctx.signal).catch(() => null),
  ]);

  const form = h('form', { role: 'search', class: 'mai-filters', 'aria-label': t('territory.search.label') },
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-8' }, inputField({ name: 'q', label: t('territory.search.q'), hint: t('territory.search.q_hint'), type: 'search', value: q })),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, h('button', { class: 'fr-btn fr-icon-search-line fr-btn--icon-left fr-mb-3w', type: 'submit' }, t('territory.search.submit')))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = String(new FormData(form).get('q') ?? '').trim();
    ctx.navigate(ctx.href('territory') + (value ? `?q=${encodeURIComponent(value)}` : ''));
  });

  const communeTable = (caption: string, rows: Commune[], hide = false) => table<Commune>(caption, [
    { header: t('territory.col.commune'), cell: (c) => h('a', { href: ctx.href(`territory/communes/${c.code}`) }, c.name) },
    { header: t('territory.col.code'), cell: (c) => c.code },
    { header: t('territory.col.postal_codes'), cell: (c) => (c.postal_codes ?? []).join(', ') },
    { header: t('territory.col.department'), cell: (c) => nameOf(c.department) },
    { header: t('territory.col.epci'), cell: (c) => (c.epci ? h('a', { href: ctx.href(`territory/epci/${codeOf(c.epci)}`) }, nameOf(c.epci) || codeOf(c.epci)) : '') },
    { header: t('territory.col.population'), numeric: true, cell: (c) => formatNumber(c.population) },
  ], rows, { hideCaption: hide });

  // The communes where the pole's actors are.
  const counts = new Map<string, { name: string; count: number }>();
  for (const a of poleActors?.items ?? []) {
    if (!a.commune) continue;
    const c = counts.get(a.commune) ?? { name: a.commune_name ?? a.commune, count: 0 };
    c.count++;
    counts.set(a.commune, c);
  }
  const mine = [...counts.entries()].sort((a, b) => b[1].count - a[1].count);

  return h('div', null,
    pageTitle(t('territory.search.title')),
    h('p', { class: 'fr-text--lead' }, t('territory.search.intro')),
    form,
    found === null ? null : h('section', { class: 'fr-mb-4w' },
      h('div', { role: 'status' }, h('h2', { class: 'fr-h4' }, t('territory.search.results', { count: found.length, q }))),
      found.length ? communeTable(t('territory.search.results', { count: found.length, q }), found, true) : notice(t('territory.search.none'))),
    mine.length ? h('section', null,
      h('h2', { class: 'fr-h4' }, t('territory.search.pole_communes', { pole: ctx.pole.name })),
      table(t('territory.search.pole_communes', { pole: ctx.pole.name }), [
        { header: t('territory.col.commune'), cell: ([code, c]) => h('a', { href: ctx.href(`territory/communes/${code}`) }, c.name) },
        { header: t('territory.col.actors'), numeric: true, cell: ([, c]) => formatNumber(c.count) },
      ], mine, { hideCaption: true })) : null);
}
