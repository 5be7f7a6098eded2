// One tender: its dates and buyer, its lots with the social clause's hours, the consortium with
// each member's role, share and hours, a chart of hours committed vs realised per member, and
// (for those who may) the form that records a month of realised hours.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { loadEnums } from '../../app/enums';
import { formatDate, formatMonth, formatNumber } from '../../app/format';
import { clearErrors, fieldset, formValues, inputField, selectField, showFormError } from '../../components/forms';
import { breadcrumb, details, notice, pageTitle, table, tag } from '../../components/ui';
import { hoursChart } from './chart';
import { memberForm } from './forms';
import { base, buyerOf, label, type Lot, type Member, type RealisedHours, type TenderDetail } from './model';
import './commons.css';

export default async function detailView(ctx: ViewContext): Promise<Node> {
  const [tender] = await Promise.all([
    ctx.api.get<TenderDetail>(`${base(ctx)}/tenders/${encodeURIComponent(ctx.params.id)}`, undefined, ctx.signal),
    loadEnums(),
  ]);
  ctx.setTitle(tender.title);
  const won = tender.status === 'won';
  return h('div', null,
    breadcrumb([{ label: t('commons.list.title'), href: ctx.href('commons') }, { label: tender.title }]),
    pageTitle(tender.title, tag(label('commons_tender_status', tender.status))),
    ctx.query.has('recorded') ? notice(t('commons.hours.recorded'), 'success') : null,
    ctx.query.has('added') ? notice(t('commons.member.added'), 'success') : null,
    summary(tender),
    lotsSection(tender.lots),
    consortiumSection(tender),
    tender.consortium.length ? chartSection(tender) : null,
    won && tender.realised_hours.length ? hoursSection(tender) : null,
    won && tender.consortium.length && ctx.can('commons.hours.write') ? hoursForm(ctx, tender) : null,
    ctx.can('commons.write') ? await memberForm(ctx, tender) : null);
}

function summary(x: TenderDetail): HTMLElement {
  const contract = x.contract_start ? `${formatDate(x.contract_start)} – ${x.contract_end ? formatDate(x.contract_end) : '…'}` : '';
  return h('section', { 'data-commons-summary': '' }, details([
    [t('commons.col.buyer'), buyerOf(x)],
    [t('commons.col.reference'), x.reference ?? ''],
    [t('commons.col.procedure'), label('commons_procedure', x.procedure)],
    [t('commons.col.published'), formatDate(x.published_on)],
    [t('commons.col.deadline'), formatDate(x.deadline_on)],
    [t('commons.col.amount'), x.estimated_amount == null ? '' : `${formatNumber(x.estimated_amount, undefined, 0)} €`],
    [t('commons.col.awarded'), formatDate(x.awarded_on)],
    [t('commons.col.contract'), contract],
    [t('commons.col.note'), x.note ?? ''],
  ].filter(([, v]) => v !== '') as Array<[string, string]>));
}

function lotsSection(lots: Lot[]): HTMLElement {
  return h('section', { class: 'fr-mt-4w', 'data-commons-lots': '' },
    h('h2', { class: 'fr-h4' }, t('commons.detail.lots')),
    lots.length
      ? table(t('commons.detail.lots'), [
        { header: t('commons.col.lot'), cell: (l: Lot) => formatNumber(l.number, undefined, 0), numeric: true },
        { header: t('commons.col.title'), cell: (l: Lot) => l.title },
        { header: t('commons.col.hours_required'), cell: (l: Lot) => formatNumber(l.insertion_hours_required, undefined, 0), numeric: true },
      ], lots, { hideCaption: true })
      : h('p', null, t('commons.detail.no_lots')));
}

function consortiumSection(x: TenderDetail): HTMLElement {
  const rows = x.consortium;
  return h('section', { class: 'fr-mt-4w', 'data-commons-consortium': '' },
    h('h2', { class: 'fr-h4' }, t('commons.detail.consortium')),
    rows.length
      ? table(t('commons.detail.consortium'), [
        { header: t('commons.col.member'), cell: (m: Member) => m.actor_name },
        { header: t('commons.col.role'), cell: (m: Member) => label('commons_consortium_role', m.role) },
        { header: t('commons.col.lots'), cell: (m: Member) => (m.lots.length ? m.lots.join(', ') : t('commons.detail.all_lots')) },
        { header: t('commons.col.share'), cell: (m: Member) => (m.share_percent == null ? '' : `${formatNumber(m.share_percent, undefined, 1)} %`), numeric: true },
        { header: t('commons.col.committed'), cell: (m: Member) => formatNumber(m.insertion_hours_committed, undefined, 0), numeric: true },
        { header: t('commons.col.realised'), cell: (m: Member) => formatNumber(m.hours_realised, undefined, 0), numeric: true },
      ], rows, { hideCaption: true })
      : h('p', null, t('commons.detail.no_members')),
    h('p', { class: 'fr-hint-text', 'data-commons-totals': '' }, t('commons.detail.totals', {
      required: formatNumber(x.hours_required, undefined, 0),
      committed: formatNumber(x.hours_committed, undefined, 0),
      realised: formatNumber(x.hours_realised, undefined, 0),
    })));
}

function chartSection(x: TenderDetail): HTMLElement {
  const title = t('commons.chart.title');
  return h('section', { class: 'fr-mt-4w', 'data-commons-chart': '' },
    h('h2', { class: 'fr-h4' }, title),
    hoursChart(title, { committed: t('commons.chart.committed'), realised: t('commons.chart.realised') },
      x.consortium.map((m) => ({ label: m.actor_name, committed: m.insertion_hours_committed, realised: m.hours_realised }))));
}

function hoursSection(x: TenderDetail): HTMLElement {
  const names = new Map(x.consortium.map((m) => [m.id, m.actor_name]));
  return h('section', { class: 'fr-mt-4w', 'data-commons-hours': '' },
    h('h2', { class: 'fr-h4' }, t('commons.hours.title')),
    table(t('commons.hours.title'), [
      { header: t('commons.col.member'), cell: (r: RealisedHours) => names.get(r.member_id) ?? '' },
      { header: t('commons.col.period'), cell: (r: RealisedHours) => formatMonth(r.period) },
      { header: t('commons.col.realised'), cell: (r: RealisedHours) => formatNumber(r.hours, undefined, 1), numeric: true },
      { header: t('commons.col.note'), cell: (r: RealisedHours) => r.note ?? '' },
    ], x.realised_hours, { hideCaption: true }));
}

function hoursForm(ctx: ViewContext, x: TenderDetail): HTMLElement {
  const month = new Date().toISOString().slice(0, 7);
  const form = h('form', { novalidate: true, 'data-commons-hours-form': '' },
    fieldset(t('commons.hours.record'),
      selectField({ name: 'member', label: t('commons.col.member'), required: true, value: String(x.consortium[0].id),
        options: x.consortium.map((m) => ({ value: String(m.id), label: m.actor_name })) }),
      inputField({ name: 'period', label: t('commons.col.period'), hint: t('commons.hours.period_hint'), type: 'month', required: true, value: month }),
      inputField({ name: 'hours', label: t('commons.col.realised'), type: 'number', step: '0.25', min: 0, required: true }),
      inputField({ name: 'note', label: t('commons.col.note') })),
    h('button', { class: 'fr-btn', type: 'submit' }, t('commons.hours.save')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = formValues(form);
    const body: Record<string, unknown> = { period: String(v.period), hours: v.hours === '' ? undefined : Number(v.hours) };
    if (String(v.note ?? '').trim()) body.note = String(v.note).trim();
    try {
      await ctx.api.put(`${base(ctx)}/members/${encodeURIComponent(String(v.member))}/hours`, body);
      ctx.navigate(ctx.href(`commons/${x.id}?recorded=1`));
    } catch (err) {
      showFormError(form, err);
    }
  });
  return h('section', { class: 'fr-mt-4w' }, h('h2', { class: 'fr-h4' }, t('commons.hours.record')), form);
}
