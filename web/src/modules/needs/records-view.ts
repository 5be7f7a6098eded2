// The intake list: the pole's interviews, filtered by words, need category, commune or
// "not coded yet". Personal data: counsellors only (the server logs every read).
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatDate } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { autocompleteField } from '../../components/autocomplete';
import { checkboxField, inputField, selectField } from '../../components/forms';
import { communeSuggestions } from '../../components/territory';
import { notice, pageTitle, pagination, table, tag } from '../../components/ui';
import { base, label, loadTaxonomy, needsNav, options } from './common';
import type { IntakeRecord, Page } from './types';

const PER_PAGE = 20;

function excerpt(text: string | null, max = 110): string {
  if (!text) return '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export default async function recordsView(ctx: ViewContext): Promise<Node> {
  const q = ctx.query.get('q') ?? '';
  const category = ctx.query.get('category') ?? '';
  const commune = ctx.query.get('commune') ?? '';
  const uncoded = ctx.query.get('uncoded') === 'true';
  const page = Math.max(1, Number(ctx.query.get('page')) || 1);
  await loadTaxonomy(ctx);
  const result = await ctx.api.get<Page<IntakeRecord>>(`${base(ctx)}/records`, {
    q: q || undefined, category: category || undefined, commune: commune || undefined,
    uncoded: uncoded || undefined, page, per_page: PER_PAGE,
  }, ctx.signal);

  const link = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (category) params.set('category', category);
    if (commune) params.set('commune', commune);
    if (uncoded) params.set('uncoded', 'true');
    if (p > 1) params.set('page', String(p));
    const s = params.toString();
    return ctx.href('needs/records') + (s ? `?${s}` : '');
  };

  const communeField = autocompleteField({
    name: 'commune', label: t('needs.records.commune'), value: commune ? { value: commune, label: commune } : null,
    search: communeSuggestions,
  });
  const form = h('form', { class: 'mai-filters', role: 'search', 'aria-label': t('needs.records.filters') },
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-6' }, inputField({ name: 'q', type: 'search', label: t('needs.records.q'), hint: t('needs.records.q_hint'), value: q })),
      h('div', { class: 'fr-col-12 fr-col-md-6' }, selectField({ name: 'category', label: t('needs.records.category'), value: category, empty: t('needs.any'), options: options('need_category') })),
      h('div', { class: 'fr-col-12 fr-col-md-6' }, communeField.element),
      h('div', { class: 'fr-col-12 fr-col-md-6' }, checkboxField({ name: 'uncoded', label: t('needs.records.uncoded'), checked: uncoded })),
      h('div', { class: 'fr-col-12' }, h('button', { class: 'fr-btn fr-icon-search-line fr-btn--icon-left', type: 'submit' }, t('needs.records.search')))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const params = new URLSearchParams();
    const nq = String(data.get('q') ?? '').trim();
    if (nq) params.set('q', nq);
    if (data.get('category')) params.set('category', String(data.get('category')));
    const c = await communeField.resolve();
    if (c) params.set('commune', c);
    if (data.get('uncoded')) params.set('uncoded', 'true');
    ctx.navigate(ctx.href('needs/records') + (params.toString() ? `?${params}` : ''));
  });

  const pages = Math.max(1, Math.ceil(result.total / PER_PAGE));
  return h('div', null,
    pageTitle(t('needs.records.title'),
      h('div', { class: 'mai-actions' },
        ctx.can('needs.records.write') ? h('a', { class: 'fr-btn fr-icon-add-line fr-btn--icon-left', href: ctx.href('needs/records/new') }, t('needs.records.add')) : null,
        ctx.can('needs.records.write') ? h('a', { class: 'fr-btn fr-btn--secondary fr-icon-upload-line fr-btn--icon-left', href: ctx.href('needs/import') }, t('needs.records.import')) : null,
        h('a', { class: 'fr-btn fr-btn--tertiary fr-icon-download-line fr-btn--icon-left', href: `${base(ctx)}/exports/records?format=csv`, download: '' }, t('needs.records.export')))),
    needsNav(ctx, 'records'),
    notice(t('needs.records.privacy')),
    form,
    h('p', { role: 'status', id: 'records-count' }, t('needs.records.found', { count: result.total })),
    result.items.length
      ? table(t('needs.records.caption', { count: result.total }), [
        { header: t('needs.col.record'), cell: (r) => h('a', { href: ctx.href(`needs/records/${r.id}`), 'data-record': r.record_id }, r.record_id) },
        { header: t('needs.col.date'), cell: (r) => formatDate(r.date) },
        { header: t('needs.col.commune'), cell: (r) => r.commune_name ?? r.commune_code ?? '' },
        { header: t('needs.col.need'), cell: (r) => excerpt(r.need_text) },
        { header: t('needs.col.proposal'), cell: (r) => excerpt(r.proposal_text) },
        { header: t('needs.col.categories'), cell: (r) => h('div', null, r.codes.filter((c) => c.kind === 'need' && c.effective).map((c) => tag(label('need_category', c.code)))) },
      ], result.items, { hideCaption: true })
      : notice(t('needs.records.none')),
    pagination(page, pages, link));
}
