// Proposal groups: the canonical proposals, largest first. A counsellor merges groups that
// say the same thing (their decision is replayed after every rationalisation) and runs the
// rationalisation again after an import.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { errorAlert, inputField, selectField } from '../../components/forms';
import { notice, pageTitle, pagination, table, tag } from '../../components/ui';
import { base, label, loadTaxonomy, needsNav, options, resultList, runJob } from './common';
import type { Group, GroupPage } from './types';

const PER_PAGE = 25;

export default async function groupsView(ctx: ViewContext): Promise<Node> {
  await loadTaxonomy(ctx);
  const q = ctx.query.get('q') ?? '';
  const category = ctx.query.get('category') ?? '';
  const minSize = Math.max(1, Number(ctx.query.get('min_size')) || 2);
  const page = Math.max(1, Number(ctx.query.get('page')) || 1);
  const result = await ctx.api.get<GroupPage>(`${base(ctx)}/groups`, {
    q: q || undefined, category: category || undefined, min_size: minSize, page, per_page: PER_PAGE,
  }, ctx.signal);
  const out = h('div', { 'aria-live': 'polite' });
  const canMerge = ctx.can('needs.analyse');
  const chosen = new Set<number>();
  const mergeButton = h('button', { class: 'fr-btn fr-btn--secondary', type: 'button', disabled: true, 'data-action': 'merge' }, t('needs.groups.merge'));
  mergeButton.addEventListener('click', async () => {
    try {
      const merged = await ctx.api.post<Group>(`${base(ctx)}/groups/merge`, { groups: [...chosen] });
      ctx.navigate(ctx.href(`needs/groups/${merged.id}`));
    } catch (err) {
      out.replaceChildren(errorAlert(err));
    }
  });
  const pick = (g: Group) => {
    const box = h('input', { type: 'checkbox', id: `pick-${g.id}`, 'data-group': g.id });
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(g.id);
      else chosen.delete(g.id);
      mergeButton.disabled = chosen.size < 2;
      mergeButton.textContent = t('needs.groups.merge_count', { count: chosen.size });
    });
    return h('div', { class: 'fr-checkbox-group fr-checkbox-group--sm' }, box,
      h('label', { class: 'fr-label', for: `pick-${g.id}` }, h('span', { class: 'fr-sr-only' }, t('needs.groups.pick', { title: g.title }))));
  };

  const link = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (category) params.set('category', category);
    params.set('min_size', String(minSize));
    if (p > 1) params.set('page', String(p));
    return ctx.href('needs/groups') + `?${params}`;
  };
  const form = h('form', { class: 'mai-filters', role: 'search', 'aria-label': t('needs.groups.filters') },
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-5' }, inputField({ name: 'q', type: 'search', label: t('needs.groups.q'), value: q })),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({ name: 'category', label: t('needs.records.category'), value: category, empty: t('needs.any'), options: options('need_category') })),
      h('div', { class: 'fr-col-12 fr-col-md-3' }, inputField({ name: 'min_size', type: 'number', min: 1, label: t('needs.groups.min_size'), value: minSize })),
      h('div', { class: 'fr-col-12' }, h('button', { class: 'fr-btn fr-icon-search-line fr-btn--icon-left', type: 'submit' }, t('needs.records.search')))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const params = new URLSearchParams();
    const nq = String(data.get('q') ?? '').trim();
    if (nq) params.set('q', nq);
    if (data.get('category')) params.set('category', String(data.get('category')));
    params.set('min_size', String(Math.max(1, Number(data.get('min_size')) || 1)));
    ctx.navigate(ctx.href('needs/groups') + `?${params}`);
  });

  return h('div', null,
    pageTitle(t('needs.groups.title'),
      canMerge ? h('button', {
        class: 'fr-btn fr-btn--secondary fr-icon-refresh-line fr-btn--icon-left', type: 'button', 'data-run': 'rationalise',
        onclick: async () => {
          try {
            const job = await runJob(ctx, `${base(ctx)}/rationalise`, out);
            out.append(job.status === 'succeeded' ? h('div', { class: 'fr-alert fr-alert--success fr-mt-2w' }, h('h2', { class: 'fr-alert__title fr-h6' }, t('needs.overview.done_rationalise')), resultList(job.result), h('p', null, h('a', { href: link(1) }, t('needs.catalogue.reload')))) : errorAlert(job.error));
          } catch (err) {
            out.append(errorAlert(err));
          }
        },
      }, t('needs.overview.run_rationalise')) : null),
    needsNav(ctx, 'groups'),
    h('p', { class: 'fr-text--lead' }, t('needs.groups.intro')),
    form,
    out,
    h('p', { role: 'status', id: 'groups-count' }, t('needs.groups.found', { count: result.total })),
    result.hidden ? notice(t('needs.groups.hidden', { count: result.hidden })) : null,
    canMerge ? h('div', { class: 'mai-actions' }, mergeButton, h('span', { class: 'fr-hint-text' }, t('needs.groups.merge_hint'))) : null,
    result.items.length ? table(t('needs.groups.caption', { count: result.total }), [
      ...(canMerge ? [{ header: t('needs.groups.col_pick'), cell: (g: Group) => pick(g) }] : []),
      { header: t('needs.col.proposal'), cell: (g) => h('a', { href: ctx.href(`needs/groups/${g.id}`), 'data-group-link': g.id }, g.title) },
      { header: t('needs.col.records'), numeric: true, cell: (g) => formatNumber(g.size, undefined, 0) },
      { header: t('needs.col.communes'), cell: (g) => g.communes.slice(0, 3).map((c) => `${c.name} (${c.count})`).join(', ') + (g.communes.length > 3 ? '…' : '') },
      { header: t('needs.col.categories'), cell: (g) => h('div', null, g.categories.slice(0, 3).map((c) => tag(label('need_category', c.code)))) },
      { header: t('needs.col.manual'), cell: (g) => (g.manual ? t('needs.groups.manual') : '') },
    ], result.items, { hideCaption: true }) : notice(t('needs.groups.none')),
    pagination(page, Math.max(1, Math.ceil(result.total / PER_PAGE)), link));
}
