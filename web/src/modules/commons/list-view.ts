// The pole's collective tender responses, filtered by status, year and words.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { loadEnums } from '../../app/enums';
import { formatDate, formatNumber } from '../../app/format';
import { fieldset, formValues, inputField, selectField } from '../../components/forms';
import { pageTitle, table, tag } from '../../components/ui';
import { newTenderForm } from './forms';
import { base, buyerOf, label, values, type Tender } from './model';
import './commons.css';

export default async function listView(ctx: ViewContext): Promise<Node> {
  const status = ctx.query.get('status') ?? '';
  const year = ctx.query.get('year') ?? '';
  const q = ctx.query.get('q') ?? '';
  const [tenders] = await Promise.all([
    ctx.api.get<Tender[]>(`${base(ctx)}/tenders`, { status: status || undefined, year: year || undefined, q: q || undefined }, ctx.signal),
    loadEnums(),
  ]);
  const list = tenders.length
    ? table(t('commons.list.caption'), [
      { header: t('commons.col.title'), cell: (x: Tender) => h('a', { href: ctx.href(`commons/${x.id}`) }, x.title) },
      { header: t('commons.col.reference'), cell: (x: Tender) => x.reference ?? '' },
      { header: t('commons.col.buyer'), cell: (x: Tender) => buyerOf(x) },
      { header: t('commons.col.status'), cell: (x: Tender) => tag(label('commons_tender_status', x.status)) },
      { header: t('commons.col.deadline'), cell: (x: Tender) => formatDate(x.deadline_on) },
      { header: t('commons.col.members'), cell: (x: Tender) => formatNumber(x.members, undefined, 0), numeric: true },
      { header: t('commons.col.hours'), cell: (x: Tender) => `${formatNumber(x.hours_realised, undefined, 0)} / ${formatNumber(x.hours_committed, undefined, 0)}`, numeric: true },
    ], tenders)
    : h('p', { 'data-commons-empty': '' }, t('commons.list.none'));
  return h('div', null,
    pageTitle(t('commons.list.title')),
    h('p', { class: 'fr-text--lead' }, t('commons.list.intro')),
    filters(ctx, status, year, q),
    h('div', { 'data-commons-list': '' }, list),
    ctx.can('commons.write') ? newTenderForm(ctx) : null);
}

function filters(ctx: ViewContext, status: string, year: string, q: string): HTMLElement {
  const form = h('form', { novalidate: true, 'data-commons-filters': '', class: 'fr-mb-3w' },
    fieldset(t('commons.filter.legend'),
      selectField({ name: 'status', label: t('commons.filter.status'), value: status, empty: t('commons.filter.any'),
        options: values('commons_tender_status').map((v) => ({ value: v.code, label: label('commons_tender_status', v.code) })) }),
      inputField({ name: 'year', label: t('commons.filter.year'), hint: t('commons.filter.year_hint'), type: 'number', min: 1900, max: 2200, value: year }),
      inputField({ name: 'q', label: t('commons.filter.q'), value: q })),
    h('button', { class: 'fr-btn', type: 'submit' }, t('commons.filter.apply')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    const p = new URLSearchParams();
    for (const key of ['status', 'year', 'q']) if (String(v[key] ?? '').trim()) p.set(key, String(v[key]).trim());
    const s = p.toString();
    ctx.navigate(ctx.href(`commons${s ? `?${s}` : ''}`));
  });
  return form;
}
