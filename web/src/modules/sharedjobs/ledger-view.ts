// The hours ledger: each worker's planned hours at each member per month (from the current plan)
// against the realised hours the group records. Personal data: sharedjobs.workers.read, logged.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { formatMonth as monthLabel, formatNumber } from '../../app/format';
import { clearErrors, inputField, showFormError } from '../../components/forms';
import { notice, pageTitle, table } from '../../components/ui';
import { base, groupNav, ledgerDifference, ledgerTotals, type Group, type LedgerRow, type Member, type Worker } from './model';

function signed(value: number | null): string {
  if (value === null) return '—';
  return `${value > 0 ? '+' : ''}${formatNumber(value, undefined, 2)}`;
}

export default async function ledgerView(ctx: ViewContext): Promise<Node> {
  const group = await ctx.api.get<Group>(`${base(ctx)}/groups/${ctx.params.group}`, undefined, ctx.signal);
  ctx.setTitle(t('sharedjobs.ledger.title_named', { name: group.name }));
  const from = ctx.url.searchParams.get('from') ?? group.horizon_start.slice(0, 7);
  const to = ctx.url.searchParams.get('to') ?? group.horizon_end.slice(0, 7);
  const [rows, workers, members] = await Promise.all([
    ctx.api.get<LedgerRow[]>(`${base(ctx)}/groups/${group.id}/ledger`, { from, to }, ctx.signal),
    ctx.api.get<Worker[]>(`${base(ctx)}/groups/${group.id}/workers`, undefined, ctx.signal),
    ctx.api.get<Member[]>(`${base(ctx)}/groups/${group.id}/members`, undefined, ctx.signal),
  ]);
  const workerName = new Map(workers.map((w) => [w.id, w.name]));
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const writable = ctx.can('sharedjobs.ledger.write');
  const totals = ledgerTotals(rows);
  return h('div', null,
    pageTitle(t('sharedjobs.ledger.title_named', { name: group.name })),
    groupNav(ctx, group, 'ledger'),
    h('p', { class: 'fr-hint-text' }, t('sharedjobs.ledger.hint')),
    rangeForm(ctx, from, to),
    rows.length === 0 ? notice(t('sharedjobs.ledger.none')) : h('div', null,
      h('p', { 'data-sj-ledger-totals': '' }, t('sharedjobs.ledger.totals', {
        planned: formatNumber(totals.planned, undefined, 2),
        realised: formatNumber(totals.realised, undefined, 2),
        recorded: formatNumber(totals.recorded, undefined, 0),
        rows: formatNumber(rows.length, undefined, 0),
        difference: signed(totals.recorded ? totals.realised - totals.plannedRecorded : null),
      })),
      h('div', { 'data-sj-ledger': '' }, table(t('sharedjobs.ledger.caption', { from: monthLabel(from), to: monthLabel(to) }), [
        { header: t('sharedjobs.col.month'), cell: (r: LedgerRow) => monthLabel(r.month) },
        { header: t('sharedjobs.col.worker'), cell: (r: LedgerRow) => workerName.get(r.worker_id) ?? `#${r.worker_id}` },
        { header: t('sharedjobs.col.member'), cell: (r: LedgerRow) => memberName.get(r.member_id) ?? `#${r.member_id}` },
        { header: t('sharedjobs.col.planned_hours'), cell: (r: LedgerRow) => formatNumber(r.planned_hours, undefined, 2), numeric: true },
        { header: t('sharedjobs.col.realised_hours'), cell: (r: LedgerRow) => writable
          ? realisedForm(ctx, group, r, `${workerName.get(r.worker_id) ?? r.worker_id} — ${memberName.get(r.member_id) ?? r.member_id} — ${monthLabel(r.month)}`)
          : r.realised_hours === null ? '—' : formatNumber(r.realised_hours, undefined, 2), numeric: !writable },
        { header: t('sharedjobs.col.difference'), cell: (r: LedgerRow) => signed(ledgerDifference(r)), numeric: true },
      ], rows))));
}

function rangeForm(ctx: ViewContext, from: string, to: string): HTMLElement {
  const form = h('form', { class: 'fr-mb-3w', 'data-sj-ledger-range': '' },
    h('div', { class: 'fr-grid-row fr-grid-row--gutters fr-grid-row--bottom' },
      h('div', { class: 'fr-col-12 fr-col-md-4' }, inputField({ name: 'from', label: t('sharedjobs.ledger.from'), type: 'month', value: from })),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, inputField({ name: 'to', label: t('sharedjobs.ledger.to'), type: 'month', value: to })),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('sharedjobs.ledger.show')))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = (name: string) => (form.querySelector(`[name=${name}]`) as HTMLInputElement).value;
    const query = new URLSearchParams({ from: value('from'), to: value('to') });
    ctx.navigate(`${ctx.url.pathname}?${query}`);
  });
  return form;
}

function realisedForm(ctx: ViewContext, group: Group, row: LedgerRow, what: string): HTMLElement {
  const form = h('form', { class: 'mai-inline-form', novalidate: true, 'data-sj-realised': `${row.worker_id}-${row.member_id}-${row.month}` },
    inputField({ name: 'realised_hours', label: t('sharedjobs.ledger.realised_of', { what }), type: 'number', step: '0.25', min: 0, value: row.realised_hours }),
    h('button', { class: 'fr-btn fr-btn--sm fr-btn--tertiary', type: 'submit', 'aria-label': t('sharedjobs.ledger.save_of', { what }) }, t('sharedjobs.ledger.save')));
  (form.querySelector('label') as HTMLLabelElement).classList.add('fr-sr-only');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const raw = (form.querySelector('[name=realised_hours]') as HTMLInputElement).value;
    try {
      await ctx.api.put(`${base(ctx)}/groups/${group.id}/ledger`, {
        worker_id: row.worker_id, member_id: row.member_id, month: row.month,
        realised_hours: raw === '' ? null : Number(raw),
      });
      ctx.navigate(`${ctx.url.pathname}${ctx.url.search}`, { replace: true });
    } catch (err) {
      showFormError(form, err);
    }
  });
  return form;
}
